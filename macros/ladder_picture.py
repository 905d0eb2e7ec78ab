"""Where each level and transition sits in the home page's picture of the ladder: geometry only.

One column per track that has levels (in the order of the data's tracks), the first level at the
bottom. A track whose first level is reached by a transition from another track starts one row
above that level, so a management track branching from a senior engineer is drawn as a branch.
The template (templates/partials/ladder-picture.svg.j2) writes the SVG; nothing here is markup or prose.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Entry, LoadedHandbook

PAD, LABEL, BOX_H, ROW_GAP, COL_GAP = 8, 30, 52, 30, 36
CHAR = 8.2           # width of a character of a level's name at the picture's font size (15 px, bold)
TRACK_CHAR = 7.2     # the same for a track's name above its column (13 px)
MIN_BOX_W = 150


@dataclass(frozen=True)
class Box:
    entry: Entry
    x: float
    y: float


@dataclass(frozen=True)
class Line:
    entry: Entry     # the transition
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Column:
    entry: Entry     # the track
    x: float         # its centre


@dataclass(frozen=True)
class Picture:
    width: float
    height: float
    box_w: float
    box_h: float
    columns: list[Column]
    boxes: list[Box]
    lines: list[Line]


def ladder_picture(loaded: LoadedHandbook) -> Picture:
    tracks = [t for t in loaded.handbook.staff.tracks if loaded.levels_on(t)]
    column_of = {level.id: i for i, t in enumerate(tracks) for level in loaded.levels_on(t)}
    row_of = _rows(loaded, tracks)
    rows = max(row_of.values(), default=0) + 1
    box_w = max([MIN_BOX_W] + [round(len(level.name) * CHAR) + 24 for level in loaded.levels]
                + [round(len(t.name) * TRACK_CHAR) + 8 for t in tracks])
    width = 2 * PAD + len(tracks) * box_w + (len(tracks) - 1) * COL_GAP

    def x_of(level_id: str) -> float:
        return PAD + column_of[level_id] * (box_w + COL_GAP)

    def y_of(level_id: str) -> float:
        return PAD + LABEL + (rows - 1 - row_of[level_id]) * (BOX_H + ROW_GAP)

    boxes = [Box(loaded.entry_of(level), x_of(level.id), y_of(level.id)) for level in loaded.levels if level.id in column_of]
    lines = []
    for t in loaded.handbook.transitions.transitions:
        if t.from_level in column_of and t.to_level in column_of:
            lines.append(Line(loaded.entry_of(t), x_of(t.from_level) + box_w / 2, y_of(t.from_level),
                              x_of(t.to_level) + box_w / 2, y_of(t.to_level) + BOX_H))
    columns = [Column(loaded.entry_of(t), PAD + i * (box_w + COL_GAP) + box_w / 2) for i, t in enumerate(tracks)]
    height = 2 * PAD + LABEL + rows * BOX_H + (rows - 1) * ROW_GAP
    return Picture(width, height, box_w, BOX_H, columns, boxes, lines)


def _rows(loaded: LoadedHandbook, tracks) -> dict[str, int]:
    """Each level's row from the bottom: its place on its track, after where the track branches off."""
    track_of = {level.id: level.track for level in loaded.levels}
    rows: dict[str, int] = {}
    pending = list(tracks)
    for _ in range(len(tracks) + 1):   # a branch needs the row of the track it leaves: place those first
        for track in list(pending):
            levels = loaded.levels_on(track)
            origins = [t.from_level for t in loaded.transitions_to(levels[0]) if track_of.get(t.from_level) != track.id]
            if any(origin not in rows for origin in origins if track_of.get(origin) in {p.id for p in pending}):
                continue
            start = max((rows[o] + 1 for o in origins if o in rows), default=0)
            rows.update({level.id: start + i for i, level in enumerate(levels)})
            pending.remove(track)
    for track in pending:              # branches that lead into each other: drawn from the bottom
        rows.update({level.id: i for i, level in enumerate(loaded.levels_on(track))})
    return rows
