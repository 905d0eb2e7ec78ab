"""The loaded handbook: the validated data plus its reference index, built once per build."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Optional

from handbook.data.schema import (Dimension, Family, Handbook, Level, Model, Part, Proficiency, Track, Transition,
                                  kind_of)
from handbook.data.site_map import ENTITY_PAGES
from handbook.data.yaml_source import SourceFile


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


@dataclass(frozen=True)
class WayUp:
    """A transition and what helps a reader take it: what the team view lists under a theme."""

    transition: Transition
    exercises: list[Entry]
    practices: list[Entry]


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

    def levels_on(self, track: Track, family: Family | None = None) -> list[Level]:
        """The levels of `track` (of `family` only, when given), in data order."""
        return [level for level in self._by_track.get(track.id, []) if family is None or level.family == family.id]

    # --- The ladder's shape: job families, tracks that branch, one level scale ----------------------

    @property
    def family_groups(self) -> list[Family | None]:
        """The job families, or [None] for a ladder without them: what the level map shows one part per."""
        return list(self.handbook.ladder.families) or [None]

    def transitions_of(self, family: Family | None) -> list[Transition]:
        """The transitions that leave a level of `family` (all of them for None), in data order."""
        families = {level.id: level.family for level in self.levels}
        return [t for t in self.handbook.transitions.transitions
                if family is None or families.get(t.from_level) == family.id]

    def ways_across(self, dimension: Dimension) -> list["WayUp"]:
        """The transitions whose two levels both describe `dimension` (a step on it can be taken there), in data
        order, each with the exercises and the practices (pillars, staff work) that link to the level it reaches."""
        levels = {level.id: level for level in self.levels}
        return [WayUp(t, self.backlinks("level:" + t.to_level, "exercise"),
                      self.backlinks("level:" + t.to_level, "pillar") + self.backlinks("level:" + t.to_level, "staff_work"))
                for t in self.handbook.transitions.transitions
                if dimension.id in levels[t.from_level].dimensions and dimension.id in levels[t.to_level].dimensions]

    def dimensions_of(self, target: Level | Family | None) -> list[Dimension]:
        """The dimensions a level (or a family) describes, in the ladder's order; all of them without families."""
        family_id = target.family if isinstance(target, Level) else (target.id if target else None)
        wanted = self._family_dimensions.get(family_id)
        return [d for d in self.handbook.ladder.dimensions if wanted is None or d.id in wanted]

    def dimensions_shared(self, before: Level, after: Level) -> list[Dimension]:
        """The dimensions both levels describe: a transition between families compares only those."""
        return [d for d in self.dimensions_of(before) if d.id in after.dimensions]

    @cached_property
    def _family_dimensions(self) -> dict[str, set[str]]:
        return {f.id: set(f.dimensions) for f in self.handbook.ladder.families}

    def tracks_of(self, family: Family | None = None) -> list[Track]:
        """The tracks that have levels (of `family`), lowest first on the level scale (a trunk before the
        paths that branch from it), else in the order of staff.yml."""
        tracks = [t for t in self.handbook.staff.tracks if self.levels_on(t, family)]
        return sorted(tracks, key=lambda t: min(self.rank(lv) for lv in self.levels_on(t, family)))

    def branch_points(self, track: Track, family: Family | None = None) -> list[Level]:
        """The levels `track` branches from, of `family` when given."""
        levels = [self.entry("level:" + i).obj for i in track.branches_from]
        return [lv for lv in levels if family is None or lv.family == family.id]

    def rank(self, level: Level) -> int:
        """The level's step on the shared scale, the one measure of height that the level map's rows and the
        placement chart's rings share: its `rank`, else one above the level before it on its track (for a
        track's first level, one above the level its track branches from, or 1)."""
        return self._ranks[level.id]

    @cached_property
    def _ranks(self) -> dict[str, int]:
        ranks: dict[str, int] = {}
        tracks = {t.id: t for t in self.handbook.staff.tracks}

        def rank_of(level: Level, seen: frozenset) -> int:
            if level.id not in ranks:
                on_track = [lv for lv in self._by_track[level.track] if lv.family == level.family]
                place = on_track.index(level)
                track = tracks.get(level.track)
                trunks = [self.entry("level:" + i).obj for i in (track.branches_from if track else [])]
                below = on_track[place - 1] if place else next((t for t in trunks if t.family == level.family), None)
                if below is not None and below.id in seen:  # a loop in the data must not recurse forever
                    below = None
                ranks[level.id] = level.rank or (rank_of(below, seen | {level.id}) + 1 if below else 1)
            return ranks[level.id]

        for level in self.levels:
            rank_of(level, frozenset())
        return ranks

    def shape(self, family: Family | None = None) -> list[tuple[int, list[list[Level]]]]:
        """The ladder at a glance: per rank, lowest first, the levels of each track (of `tracks_of(family)`)."""
        tracks = self.tracks_of(family)
        levels = [lv for t in tracks for lv in self.levels_on(t, family)]
        return [(rank, [[lv for lv in self.levels_on(t, family) if self.rank(lv) == rank] for t in tracks])
                for rank in sorted({self.rank(lv) for lv in levels})]

    def proficiency(self, level: Level, dimension: Dimension) -> Proficiency | None:
        """The step of the proficiency scale that `level` gives `dimension`, if it gives one."""
        step = level.proficiency.get(dimension.id)
        return self.entry("proficiency:" + step).obj if step else None

    def proficiency_rank(self, step: Proficiency) -> int:
        """Where `step` sits on the proficiency scale, the lowest being 0: the placement chart's ring for it."""
        return self.handbook.ladder.proficiency.index(step)

    def families_with(self, dimension: Dimension) -> list[Family]:
        """The job families whose levels describe `dimension` (none for a ladder without families)."""
        return [f for f in self.handbook.ladder.families if dimension.id in f.dimensions]

    def nav_groups(self, entry: Entry) -> list[tuple[str, str]]:
        """The sub-sections a level's or transition's page sits in, in the navigation, as (key, title): the
        level's family (a transition's: the level it leaves), then its track when the family has several
        (a ladder of one family and one track keeps a flat list). Keyed by id, not by title: each page's
        navigation shows only its own group's pages, so the groups stay small however long the ladder."""
        if entry.kind not in ("level", "transition"):
            return []
        level = entry.obj if entry.kind == "level" else self.entry("level:" + entry.obj.from_level).obj
        groups = []
        family = self._families.get(level.family)
        if family is not None:
            groups.append(("family:" + family.id, family.name))
        if self._track_count[family.id if family else None] > 1:
            track = self.entry("track:" + level.track).obj
            groups.append(("track:" + track.id, track.name))
        return groups

    @cached_property
    def _families(self) -> dict[str, Family]:
        return {f.id: f for f in self.handbook.ladder.families}

    @cached_property
    def _track_count(self) -> dict[str | None, int]:
        """How many tracks have levels, on the whole ladder (None) and in each family."""
        counts = {None: len(self.tracks_of())}
        counts.update({f.id: len(self.tracks_of(f)) for f in self.handbook.ladder.families})
        return counts

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
