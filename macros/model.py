"""The loaded handbook: the validated data plus its reference index, built once per build."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from .schema import Handbook, Level, Model, Track, Transition
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

    @property
    def level_links(self) -> list["Entry"]:
        return [e for e in self.links if e.kind == "level"]

    @property
    def other_links(self) -> list["Entry"]:
        return [e for e in self.links if e.kind != "level"]

    @property
    def referenced_by(self) -> list["Entry"]:
        """What links here, less what this links to already: a link both ways is listed once."""
        linked = set(self.links)
        return [e for e in self.backlinks if e not in linked]


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

    # Grouped once: scanning every transition for every level (every level for every track) would grow
    # with the square of the data.
    @cached_property
    def _leaving(self) -> dict[str, list[Transition]]:
        return _grouped(self.handbook.transitions.transitions, "from_level")

    @cached_property
    def _arriving(self) -> dict[str, list[Transition]]:
        return _grouped(self.handbook.transitions.transitions, "to_level")

    @cached_property
    def _by_track(self) -> dict[str, list[Level]]:
        return _grouped(self.levels, "track")

    def backlinks(self, key: str, kind: str | None = None) -> list[Entry]:
        return [e for e in self.index[key].backlinks if kind is None or e.kind == kind]

    def backlinks_except(self, key: str, *kinds: str) -> list[Entry]:
        return [e for e in self.index[key].backlinks if e.kind not in kinds]

    def levels_on(self, track: Track) -> list[Level]:
        return list(self._by_track.get(track.id, []))

    def entity_on_page(self, page: str) -> str | None:
        """The key of the entity that `page` is the own page of (a level's, a transition's), or None."""
        return self._entity_pages.get(page)

    @cached_property
    def _entity_pages(self) -> dict[str, str]:
        return {entry.page: entry.key for _, entry in self.generated_pages()}

    def generated_pages(self) -> list[tuple[str, Entry]]:
        """(section index page, entry) for each entity that has a page of its own."""
        return [(ENTITY_PAGES[e.kind][1], e) for e in self.index.values() if e.kind in ENTITY_PAGES]


def _grouped(items: list, key: str) -> dict[str, list]:
    """Items by the id in their field `key` (a transition's "from_level", a level's "track"), in data order."""
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(getattr(item, key), []).append(item)
    return groups
