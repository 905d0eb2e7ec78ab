"""The loaded handbook: the validated data plus its reference index, built once per build."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Optional

from .schema import Handbook, Level, Model, Part, Track, Transition, kind_of
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
    ref: str = ""  # `kind:id` (`kind:owner--part` for a part): unique within the kind, the index's key

    @property
    def is_part(self) -> bool:
        """A checklist item or step: its id is unique within its owner only."""
        return isinstance(self.obj, Part)

    @property
    def layer(self) -> str:
        """"base" or "company": where the entity itself comes from (a company may change a base entity's fields)."""
        return self.source.locate(self.path[:-1])[2]

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
        """The entry that `key` names: `kind:id`, a plain id that only one kind uses, or an entry's key."""
        if ":" in key:
            return self.index[key]
        found = self._by_id.get(key, [])
        if len(found) > 1:
            choices = " or ".join(f"'{e.ref}'" for e in found)
            raise KeyError(f"'{key}' is the id of entities of several kinds: ask for {choices}")
        return found[0] if found else self._by_key[key]

    def entry_of(self, obj: Model, owner: Model | None = None) -> Entry:
        ref = f"{kind_of(obj)}:{obj.id}"
        if owner is not None:
            ref = f"{kind_of(owner)}:{owner.id}--{obj.id}"
        return self.index[ref]

    @cached_property
    def _by_id(self) -> dict[str, list[Entry]]:
        return _grouped([e for e in self.index.values() if not e.is_part], "obj.id")

    @cached_property
    def _by_key(self) -> dict[str, Entry]:
        return {e.key: e for e in self.index.values()}

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

    def backlinks(self, target: str | Model, kind: str | None = None) -> list[Entry]:
        return [e for e in self._target(target).backlinks if kind is None or e.kind == kind]

    def backlinks_except(self, target: str | Model, *kinds: str) -> list[Entry]:
        return [e for e in self._target(target).backlinks if e.kind not in kinds]

    def _target(self, target: str | Model) -> Entry:
        return self.entry(target) if isinstance(target, str) else self.entry_of(target)

    def levels_on(self, track: Track) -> list[Level]:
        return list(self._by_track.get(track.id, []))

    def entity_on_page(self, page: str) -> str | None:
        """The `kind:id` of the entity that `page` is the own page of (a level's, a transition's), or None."""
        return self._entity_pages.get(page)

    @cached_property
    def _entity_pages(self) -> dict[str, str]:
        return {entry.page: entry.ref for _, entry in self.generated_pages()}

    def generated_pages(self) -> list[tuple[str, Entry]]:
        """(section index page, entry) for each entity that has a page of its own."""
        return [(ENTITY_PAGES[e.kind][1], e) for e in self.index.values() if e.kind in ENTITY_PAGES]


def _grouped(items: list, key: str) -> dict[str, list]:
    """Items by the id in their field `key` (a transition's "from_level", a level's "track"), in data order."""
    groups: dict[str, list] = {}
    read = attrgetter(key)
    for item in items:
        groups.setdefault(read(item), []).append(item)
    return groups
