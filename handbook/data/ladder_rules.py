"""The ladder's shape rules, checked once the index knows every id: what a level, a transition and a
track must say of each other for the level map, the level pages and the self-assessment to draw them.

- A level describes exactly its family's dimensions (all of them without families), names its
  family when there are families, and rates either none or all of its cells on the proficiency scale.
- A transition joins two different levels of the ladder: a base transition between levels a
  company replaced (`covers`) would reach a level that has no page.
- A track branches from a level of a family it has levels of: the map draws a family's trunk and its
  branches together, so another family's branch point would silently do nothing.

`notes()` adds what is allowed but rarely meant: a second track whose first level has neither a `rank:`
nor a branch point starts beside the first track's first level (M1 beside E1), so a mid-level engineer
reads that they are above a manager. `make check` prints these notes and still passes.
"""
from __future__ import annotations

import difflib

from handbook.errors import Problem, shown
from handbook.data.schema import Handbook, Level
from handbook.data.yaml_source import SourceFile


def check(handbook: Handbook, sources: dict[str, SourceFile], problems: list[Problem], removed: set[str]) -> None:
    """`removed`: the ids a company took out."""
    _check_levels(handbook, sources["ladder"], problems, removed)
    _check_transitions(handbook, sources["ladder"], sources["transitions"], problems)
    _check_branches(handbook, sources["staff"], problems)


def _check_levels(handbook: Handbook, ladder: SourceFile, problems: list[Problem], removed: set[str]) -> None:
    all_dimensions = [d.id for d in handbook.ladder.dimensions]
    families = {f.id: f.dimensions for f in handbook.ladder.families}
    for position, level in enumerate(handbook.ladder.levels):
        if families and level.family is None:
            problems.append(ladder.problem(("levels", position), f"level '{level.id}' names no family",
                                           f"add 'family:' with one of: {', '.join(families)}"))
        if families and level.family is not None and level.family not in families:
            continue  # a family that does not exist: its reference is reported; its dimensions are unknown
        dimension_ids = families.get(level.family, all_dimensions)
        path = ("levels", position, "dimensions")
        for missing in [d for d in dimension_ids if d not in level.dimensions]:
            problems.append(ladder.problem(path, f"level '{level.id}' does not describe the dimension '{missing}'",
                                           f"add '{missing}:' under this level's dimensions"))
        if level.proficiency:  # rated at all: then every cell, or the chart would drop a dimension to nothing
            for unrated in [d for d in dimension_ids if d in level.dimensions and d not in level.proficiency]:
                problems.append(ladder.problem(
                    ("levels", position, "proficiency"),
                    f"level '{level.id}' gives no proficiency for the dimension '{unrated}'",
                    f"add '{unrated}:' with a step of the scale under this level's proficiency"))
        for field in ("dimensions", "proficiency"):
            for unknown in [d for d in getattr(level, field) if d not in dimension_ids]:
                if unknown in removed and ladder.locate(("levels", position, field, unknown))[2] == "base":
                    continue  # the base's words for a dimension the company took out: they go with it
                close = difflib.get_close_matches(unknown, dimension_ids, n=1)
                fix = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(dimension_ids)}"
                what = f"a dimension of the family '{level.family}'" if level.family else "a dimension"
                problems.append(ladder.problem(("levels", position, field, unknown), f"'{unknown}' is not {what}", fix))


def _check_transitions(handbook: Handbook, ladder: SourceFile, transitions: SourceFile,
                       problems: list[Problem]) -> None:
    levels = handbook.ladder.levels
    level_ids = {level.id for level in levels}
    for position, transition in enumerate(handbook.transitions.transitions):
        ends = (transition.from_level, transition.to_level)
        replaced = [end for end in ends if end not in level_ids and any(end in lv.covers for lv in levels)]
        if replaced:  # the base's transition between levels the company replaced: templates need real ends
            covering = next(i for i, lv in enumerate(levels) if replaced[0] in lv.covers)
            folder = ladder.locate(("levels", covering))[0].parent
            which = f"the level '{replaced[0]}'" if len(replaced) == 1 else "both levels"
            problems.append(transitions.problem(
                ("transitions", position, "from" if replaced[0] == ends[0] else "to"),
                f"transition '{transition.id}' leads from '{ends[0]}' to '{ends[1]}', and your ladder replaced "
                f"{which}: a transition needs a level of the ladder at each end",
                own_transitions(folder, transition.id)))
        if transition.from_level == transition.to_level:
            path = ("transitions", position, "to")
            problems.append(transitions.problem(path, f"transition '{transition.id}' goes from a level to itself",
                                                "set 'to:' to the next level"))


def notes(loaded, sources: dict[str, SourceFile]) -> list[Problem]:
    """Tracks that start beside another track's first level only because nothing placed them (see above)."""
    handbook, found = loaded.handbook, []
    tracks = {track.id: track for track in handbook.staff.tracks}
    first_of: dict[tuple, Level] = {}  # (family, track) -> its first level, in the ladder's order
    for level in handbook.ladder.levels:
        first_of.setdefault((level.family, level.track), level)
    for (family, track_id), level in first_of.items():
        main = next(lv for lv in handbook.ladder.levels if lv.family == family)
        track = tracks.get(track_id)
        if track_id == main.track or level.rank or (track and track.branches_from):
            continue
        if loaded.rank(level) == loaded.rank(main):
            position = handbook.ladder.levels.index(level)
            found.append(sources["ladder"].problem(
                ("levels", position), f"the track '{track_id}' starts beside '{main.id}' ({main.code}) on the level "
                                      f"scale: its first level, '{level.id}' ({level.code}), has no rank",
                f"give '{level.id}' a 'rank:' (the step of the level it sits beside, such as the rank of the "
                f"senior engineer a first manager usually was), or give the track '{track_id}' 'branches_from:' "
                f"the level it grows out of in staff.yml"))
    return found


def own_transitions(folder, transition_id: str) -> str:
    """The fix for a base transition whose levels a company's ladder took out or replaced."""
    return (f"write your ladder's transitions in {shown(folder / 'transitions.yml')}, starting with "
            f"'replace: [transitions]' (each may say 'covers: [{transition_id}]')")


def _check_branches(handbook: Handbook, staff: SourceFile, problems: list[Problem]) -> None:
    family_of = {level.id: level.family for level in handbook.ladder.levels}
    track_of = {level.id: level.track for level in handbook.ladder.levels}
    for position, track in enumerate(handbook.staff.tracks):
        on_track = {level.family for level in handbook.ladder.levels if level.track == track.id}
        for place, level_id in enumerate(track.branches_from):
            where = ("tracks", position, "branches_from", place)
            if track_of.get(level_id) == track.id:  # a loop: the track would start above itself
                problems.append(staff.problem(
                    where, f"track '{track.id}' branches from '{level_id}', one of its own levels",
                    "name the level of another track that this one grows out of, or remove the line"))
            elif level_id in family_of and not on_track:
                problems.append(staff.problem(
                    where, f"track '{track.id}' branches from '{level_id}' but has no levels of its own",
                    f"give levels 'track: {track.id}' in ladder.yml, or remove the track"))
            elif level_id in family_of and family_of[level_id] not in on_track:
                problems.append(staff.problem(
                    where,
                    f"track '{track.id}' branches from '{level_id}', of the family '{family_of[level_id]}', "
                    f"but none of its own levels is in that family",
                    "give this track levels of that family (a manager path that branches from a trunk belongs to "
                    "the trunk's family), or place its first level on the level scale with 'rank:' instead"))
