"""The loaded handbook: the validated data plus its reference index, built once per build."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from .schema import Handbook, Level, Model, Transition
from .site_map import ENTITY_PAGES
from .yaml_source import SourceFile


@dataclass(eq=False)
class Entry:
    """One entity or part as the site shows it: where it lives and what links to it."""

    key: str
    kind: str
    obj: Model = field(repr=False)
    title: str
    page: str
    anchor: str
    source: SourceFile = field(repr=False)
    path: tuple = field(repr=False)
    owner: Optional["Entry"] = field(default=None, repr=False)
    links: list["Entry"] = field(default_factory=list, repr=False)
    backlinks: list["Entry"] = field(default_factory=list, repr=False)


@dataclass
class LoadedHandbook:
    handbook: Handbook
    index: dict[str, Entry]
    sources: dict[str, SourceFile]

    def entry(self, key: str) -> Entry:
        return self.index[key]

    def entry_of(self, obj: Model, owner: Model | None = None) -> Entry:
        key = f"{owner.id}--{obj.id}" if owner is not None else obj.id
        return self.index[key]

    @property
    def levels(self) -> list[Level]:
        return self.handbook.ladder.levels

    def transitions_from(self, level: Level) -> list[Transition]:
        return list(self._leaving.get(level.id, []))

    def transitions_to(self, level: Level) -> list[Transition]:
        return list(self._arriving.get(level.id, []))

    # Grouped once: scanning every transition for every level would grow with the square of the data.
    @cached_property
    def _leaving(self) -> dict[str, list[Transition]]:
        return _by_level(self.handbook.transitions.transitions, "from_level")

    @cached_property
    def _arriving(self) -> dict[str, list[Transition]]:
        return _by_level(self.handbook.transitions.transitions, "to_level")

    def backlinks(self, key: str, kind: str | None = None) -> list[Entry]:
        return [e for e in self.index[key].backlinks if kind is None or e.kind == kind]

    def generated_pages(self) -> list[tuple[str, Entry]]:
        """(section index page, entry) for each entity that has a page of its own."""
        return [(ENTITY_PAGES[e.kind][1], e) for e in self.index.values() if e.kind in ENTITY_PAGES]


def _by_level(transitions: list[Transition], end: str) -> dict[str, list[Transition]]:
    """Transitions by the id of the level at `end` ("from_level" or "to_level"), in data order."""
    groups: dict[str, list[Transition]] = {}
    for transition in transitions:
        groups.setdefault(getattr(transition, end), []).append(transition)
    return groups
