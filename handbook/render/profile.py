"""The ladder as a scale a reader places themselves on: steps, half steps, content hashes, the chart's frame.

- A level's **step** is its rank on the handbook's one level scale (`LoadedHandbook.rank`: its
  `rank` in the data, else its place on its track counted on from the level the track branches
  from), the lowest rank being step 0. So IC4 and M4 of a trunk that splits sit on one step,
  the map's rows and the chart's rings agree, and no count of levels, tracks or dimensions is assumed.
- A **half step** is "between a level and the one a transition leads to": the control
  sits in the higher level's cell, once per level that leads there.
- A **content hash** (the first 8 hex digits of the text's SHA-1) goes with every answer,
  so the self-assessment can tell a reader that the wording they answered has changed.
- The radar chart's **frame** (axes, rings, labels) is drawn here, in numbers the template
  writes as SVG, so it is on the page before any script runs (no layout shift, prints,
  readable without JavaScript); the script only draws the outlines on it.
"""
from __future__ import annotations

import hashlib
import math
import textwrap
from dataclasses import dataclass
from functools import cached_property

from handbook.data.model import LoadedHandbook
from handbook.data.schema import Level

WIDTH, HEIGHT = 620, 480  # the chart's viewBox; labels take the margin around the radar, wider at the sides
RADIUS = 145
INNER = 22  # the lowest step sits on a small ring, not on the centre, so it stays visible
LABEL_GAP = 16
LABEL_WIDTH = 14  # characters per label line: the label font is 20 units, about 11.5 px on a 390 px phone
LINE_HEIGHT = 22  # 1.1em of the 20-unit font, as the template spaces the lines


def content_hash(text: str) -> str:
    """A short fingerprint of the wording an answer refers to; not a security measure."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Axis:
    dimension_id: str
    name: str
    x: float  # where the axis ends (the outermost step)
    y: float
    dx: float  # unit vector, read by the script to place a step on this axis
    dy: float
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor of the label
    lines: tuple[str, ...]


class Scale:
    """Steps of the levels, and the chart frame for the ladder's dimensions."""

    width, height, outer, inner = WIDTH, HEIGHT, RADIUS, INNER
    cx, cy = WIDTH / 2, HEIGHT / 2

    def __init__(self, loaded: LoadedHandbook):
        self.loaded = loaded

    @cached_property
    def steps(self) -> dict[str, int]:
        ranks = {level.id: self.loaded.rank(level) for level in self.loaded.levels}
        lowest = min(ranks.values(), default=1)
        return {level_id: rank - lowest for level_id, rank in ranks.items()}

    @property
    def top(self) -> int:
        return max(self.steps.values(), default=0) or 1

    def top_of(self, measure: str) -> int:
        """The outermost ring of a chart that measures in levels ("level") or on the proficiency scale."""
        if measure == "proficiency":
            return len(self.loaded.handbook.ladder.proficiency) - 1 or 1
        return self.top

    def step(self, level: Level) -> int:
        return self.steps[level.id]

    def leading_to(self, level: Level) -> list[Level]:
        """The levels a transition leads from into `level`: each gives a half step below it."""
        return [self.loaded.entry("level:" + t.from_level).obj for t in self.loaded.transitions_to(level)]

    def from_label(self, lower: Level, level: Level) -> str:
        """How a half step below `level` names the level it starts from: its code, or its name when another
        level leading to `level` has the same code (E3 of two job families)."""
        codes = [other.code for other in self.leading_to(level)]
        return lower.code if codes.count(lower.code) == 1 else lower.name

    def next_levels(self, level: Level) -> list[Level]:
        """Where transitions lead from `level`, those on its own track first (the default target)."""
        targets = [self.loaded.entry("level:" + t.to_level).obj for t in self.loaded.transitions_from(level)]
        return sorted(targets, key=lambda target: target.track != level.track)

    def radius(self, step: float, top: int | None = None) -> float:
        return INNER + (RADIUS - INNER) * step / (top or self.top)

    @cached_property
    def axes(self) -> list[Axis]:
        return self.axes_of(self.loaded.handbook.ladder.dimensions)

    def axes_of(self, dimensions: list) -> list[Axis]:
        """The axes for these dimensions: a job family's level is drawn on its family's dimensions only."""
        count = len(dimensions)
        axes = []
        for position, dimension in enumerate(dimensions):
            angle = -math.pi / 2 + 2 * math.pi * position / count
            dx, dy = math.cos(angle), math.sin(angle)
            lines = tuple(textwrap.wrap(dimension.name, LABEL_WIDTH, break_long_words=False)) or (dimension.name,)
            label_x = self.cx + (RADIUS + LABEL_GAP) * dx
            label_y = self.cy + (RADIUS + LABEL_GAP) * dy + 7  # 7: about a third of the font, to centre on the axis
            if dy < -0.5:
                label_y -= LINE_HEIGHT * (len(lines) - 1)
            elif abs(dy) <= 0.5:
                label_y -= LINE_HEIGHT * (len(lines) - 1) / 2
            else:
                label_y += 8
            anchor = "middle" if abs(dx) < 0.3 else ("start" if dx > 0 else "end")
            axes.append(Axis(dimension.id, dimension.name, _round(self.cx + RADIUS * dx), _round(self.cy + RADIUS * dy),
                             _round(dx, 4), _round(dy, 4), _round(label_x), _round(label_y), anchor, lines))
        return axes

    def ring(self, step: float, axes: list[Axis] | None = None, top: int | None = None) -> str:
        """The SVG points of the outline at `step` on every axis (of `axes`, else of every dimension)."""
        radius = self.radius(step, top)
        return " ".join(f"{_round(self.cx + radius * a.dx)},{_round(self.cy + radius * a.dy)}"
                        for a in (self.axes if axes is None else axes))

    @property
    def rings(self) -> list[str]:
        return self.rings_of(self.axes)

    def ring_marks(self) -> list[tuple[float, float, str]]:
        """Where a proficiency chart names each ring (x, y, the step's label): beside the upward axis."""
        top = self.top_of("proficiency")
        return [(_round(self.cx + 5), _round(self.cy - self.radius(rank, top) + 15), step.label)
                for rank, step in enumerate(self.loaded.handbook.ladder.proficiency)]

    def rings_of(self, axes: list[Axis], top: int | None = None) -> list[str]:
        return [self.ring(step, axes, top) for step in range((top or self.top) + 1)]


def _round(value: float, digits: int = 1) -> float:
    return round(value, digits) + 0.0  # + 0.0 turns -0.0 into 0.0
