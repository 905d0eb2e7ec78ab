"""The reference index: every entity and part by id, where it is shown, and what links to it.

References between entities form a graph, not a tree (a story relates to a
level, a level lists the story back), so the index is built after all files
are validated: it registers every id, then checks every reference once and
records each link in both directions.
"""
from __future__ import annotations

import difflib
import functools
import re
import typing

from .errors import Problem, shown
from .model import Entry
from .schema import Entity, Handbook, Level, Model, Part, RefTo, Transition, fields_of
from .site_map import ENTITY_PAGES, FILE_PAGES, KIND_PAGES
from .yaml_source import SourceFile

TITLE_FIELDS = ("name", "title", "question", "text")


def kind_of(model: Model) -> str:
    """AntiPattern -> anti_pattern: the name a Ref("...") uses."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(model).__name__).lower()


def build_index(handbook: Handbook, sources: dict[str, SourceFile], problems: list[Problem],
                removed: dict | None = None) -> dict[str, Entry]:
    """Every id with its page and anchor; every reference checked and linked both ways.

    `removed` holds the ids a company overlay took out: a `related` link to one
    is dropped, a typed reference (a level, a track) is an error that says so.
    `covers` lets a company's levels, transitions and dimensions stand in for
    the base's: a reference to a covered id leads to what covers it.
    """
    index: dict[str, Entry] = {}
    for file_name, source in sources.items():
        part = getattr(handbook, file_name)
        _register(part, (), None, FILE_PAGES[file_name], source, index, problems)
    aliases: dict[str, list[Entry]] = {}
    for entry in index.values():
        for covered in getattr(entry.obj, "covers", []):
            aliases.setdefault(covered, []).append(entry)
    for entry in list(index.values()):
        _check_references(entry, index, aliases, removed or {}, problems)
    _check_ladder(handbook, sources["ladder"], sources["transitions"], problems)
    return index


def _register(obj, path, owner: Entry | None, page: str, source: SourceFile, index: dict, problems: list) -> None:
    if isinstance(obj, list):
        for position, item in enumerate(obj):
            _register(item, path + (position,), owner, page, source, index, problems)
        return
    if isinstance(obj, dict):
        for key, value in obj.items():
            _register(value, path + (key,), owner, page, source, index, problems)
        return
    if not isinstance(obj, Model):
        return
    if isinstance(obj, (Entity, Part)):
        owner = _add_entry(obj, path, owner, page, source, index, problems)
        page = owner.page
    for field in fields_of(type(obj)):
        _register(getattr(obj, field.name), path + (field.encode_name,), owner, page, source, index, problems)


def _add_entry(obj, path, owner, page, source, index, problems) -> Entry:
    kind = kind_of(obj)
    if isinstance(obj, Part):
        if owner is None:
            key = obj.id
        else:
            key = f"{owner.key}--{obj.id}"
    else:
        key = obj.id
        if kind in ENTITY_PAGES:
            page = ENTITY_PAGES[kind][0].format(id=obj.id)
        page = KIND_PAGES.get(kind, page)
    title = next((getattr(obj, f) for f in TITLE_FIELDS if getattr(obj, f, None)), obj.id)
    entry = Entry(key, kind, obj, title, page, key, source, path + ("id",), owner)
    if key in index:
        first = index[key]
        file, line, _ = first.source.locate(first.path)
        where = f"{shown(file)}:{line}"
        scope = f"within '{owner.key}'" if isinstance(obj, Part) and owner else "in the handbook"
        problems.append(source.problem(entry.path, f"duplicate id '{obj.id}' {scope} (first used at {where})",
                                       "give one of them another id"))
        return entry
    index[key] = entry
    return entry


@functools.cache
def _references(model: type[Model]) -> list[tuple]:
    """(field, RefTo marker) for each field of `model` that holds ids of other entities."""
    return [(field, marker) for field in fields_of(model) if (marker := _ref_kinds(field.type)) is not None]


def _ref_kinds(annotation) -> RefTo | None:
    """The RefTo marker of a field's type, looking inside list[...] and Optional[...]."""
    for arg in typing.get_args(annotation):
        if isinstance(arg, RefTo):
            return arg
        found = _ref_kinds(arg)
        if found:
            return found
    return None


def _check_references(entry: Entry, index: dict[str, Entry], aliases: dict, removed: dict,
                      problems: list[Problem]) -> None:
    obj = entry.obj
    for field, marker in _references(type(obj)):
        value = getattr(obj, field.name)
        targets = value if isinstance(value, list) else [value]
        for position, target_id in enumerate(targets):
            path = entry.path[:-1] + ((field.encode_name,) + ((position,) if isinstance(value, list) else ()))
            target = index.get(target_id)
            targets = [target] if target is not None else aliases.get(target_id, [])
            if not targets and target_id in removed and not marker.kinds:
                continue  # a "related" link to something the company took out simply goes
            if not targets or any(marker.kinds and t.kind not in marker.kinds for t in targets):
                problems.append(_dangling(entry, path, target_id, target, marker, index, removed))
                continue
            for target in targets:
                if target not in entry.links:
                    entry.links.append(target)
                    target.backlinks.append(entry)


def _dangling(entry: Entry, path, target_id, target, marker: RefTo, index, removed: dict) -> Problem:
    wanted = " or ".join(marker.kinds) or "entity"
    candidates = [k for k, e in index.items() if not marker.kinds or e.kind in marker.kinds]
    close = difflib.get_close_matches(target_id, candidates, n=1)
    fix = f"did you mean '{close[0]}'?" if close else f"use the id of an existing {wanted}, or remove this reference"
    if target_id in removed:
        where = removed[target_id]
        message = f"'{target_id}' was removed by the company layer ({shown(where.file)}:{where.line})"
        fix = (f"give a company {wanted} 'covers: [{target_id}]', or override this entity in the company layer "
               "without the reference")
    elif target is None:
        message = f"'{target_id}' is not the id of any {wanted}"
    else:
        message = f"'{target_id}' is a {target.kind}, not a {wanted}"
    return entry.source.problem(path, message, fix)


def _check_ladder(handbook: Handbook, ladder: SourceFile, transitions: SourceFile, problems: list[Problem]) -> None:
    """Each level describes every dimension, and a transition joins two different levels."""
    dimension_ids = [d.id for d in handbook.ladder.dimensions]
    for position, level in enumerate(handbook.ladder.levels):
        path = ("levels", position, "dimensions")
        for missing in [d for d in dimension_ids if d not in level.dimensions]:
            problems.append(ladder.problem(path, f"level '{level.id}' does not describe the dimension '{missing}'",
                                           f"add '{missing}:' under this level's dimensions"))
        for unknown in [d for d in level.dimensions if d not in dimension_ids]:
            close = difflib.get_close_matches(unknown, dimension_ids, n=1)
            fix = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(dimension_ids)}"
            problems.append(ladder.problem(path + (unknown,), f"'{unknown}' is not a dimension", fix))
    for position, transition in enumerate(handbook.transitions.transitions):
        if transition.from_level == transition.to_level:
            path = ("transitions", position, "to")
            problems.append(transitions.problem(path, f"transition '{transition.id}' goes from a level to itself",
                                                "set 'to:' to the next level"))
