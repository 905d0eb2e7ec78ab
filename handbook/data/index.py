"""The reference index: every entity and part by id, where it is shown, and what links to it.

References between entities form a graph, not a tree (a story relates to a
level, a level lists the story back), so the index is built after all files
are validated: it registers every id, then checks every reference once and
records each link in both directions.
"""
from __future__ import annotations

import difflib
import functools
import typing

from handbook.data import ladder_rules
from handbook.errors import Problem, shown
from handbook.data.model import Entry
from handbook.data.schema import Entity, Handbook, Model, Part, RefTo, fields_of, kind_of
from handbook.data.site_map import ENTITY_PAGES, FILE_PAGES, KIND_PAGES
from handbook.data.yaml_source import SourceFile

TITLE_FIELDS = ("name", "title", "question", "text")
# Pages the build writes whatever the data holds: a level or transition whose id gave its page one of these
# addresses (`index` gives levels/index.md) would silently replace the overview of its kind.
RESERVED_PAGES = {*FILE_PAGES.values(), *(section for _, section in ENTITY_PAGES.values())}


def build_index(handbook: Handbook, sources: dict[str, SourceFile], problems: list[Problem],
                removed: dict | None = None) -> dict[str, Entry]:
    """Every entity and part by its `kind:id` reference, with its page and anchor; every reference
    checked and linked both ways.

    Ids are unique within their kind, so a company's dimension `communication` and the base's
    pillar `communication` coexist. Each entry also gets a key unique in the whole handbook, its
    anchor and the self-assessment's storage key: its id (`<owner>--<part>` for a part), or
    `<kind>-<id>` when a base entity or an earlier one already holds that id.

    `removed` holds the ids a company overlay took out: a `related` link to one
    is dropped, a typed reference (a level, a track) is an error that says so.
    `covers` lets a company's levels, transitions and dimensions stand in for
    the base's: a reference to a covered id leads to what covers it.
    """
    index: dict[str, Entry] = {}
    for file_name, source in sources.items():
        part = getattr(handbook, file_name)
        _register(part, (), None, FILE_PAGES[file_name], source, index, problems)
    _assign_keys(index)
    lookup = _Lookup(index)
    missing: dict[str, list[Problem]] = {}
    for entry in list(index.values()):
        _check_references(entry, lookup, removed or {}, problems, missing)
    problems.extend(_grouped_by_missing_id(missing, removed or {}))
    ladder_rules.check(handbook, sources, problems, set(removed or {}))
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
        ref = f"{owner.ref}--{obj.id}" if owner else f"{kind}:{obj.id}"
    else:
        ref = f"{kind}:{obj.id}"
        if kind in ENTITY_PAGES:
            page = ENTITY_PAGES[kind][0].format(id=obj.id)
            if page in RESERVED_PAGES:
                taken = sorted(p.rsplit("/", 1)[-1][:-3] for p in RESERVED_PAGES if p.startswith(page.rsplit("/", 1)[0]))
                problems.append(source.problem(path + ("id",), f"the id '{obj.id}' would give this {kind} the address "
                                               f"{page}, which the build keeps for another page",
                                               f"choose another id: the build names its own pages here {', '.join(taken)}"))
        page = KIND_PAGES.get(kind, page)
    title = next((getattr(obj, f) for f in TITLE_FIELDS if getattr(obj, f, None)), obj.id)
    entry = Entry(ref, kind, obj, title, page, ref, source, path + ("id",), owner, ref=ref)
    if ref in index:
        first = index[ref]
        file, line, _ = first.source.locate(first.path)
        where = f"{shown(file)}:{line}"
        scope = f"within '{owner.obj.id}'" if isinstance(obj, Part) and owner else f"for a {kind.replace('_', ' ')}"
        problems.append(source.problem(entry.path, f"duplicate id '{obj.id}' {scope} (first used at {where})",
                                       "give one of them another id"))
        return entry
    index[ref] = entry
    return entry


def _assign_keys(index: dict[str, Entry]) -> None:
    """Each entry's key, unique in the handbook: the anchor on its page and the storage key of its answers.

    Base entities choose first, so that a company's entity never moves a base anchor or the
    answers a reader saved under it; parts follow their owners (`<owner key>--<part id>`).
    """
    taken: set[str] = set()
    entries = sorted(index.values(), key=lambda e: (e.is_part, e.layer != "base"))
    for entry in entries:
        plain = f"{entry.owner.key}--{entry.obj.id}" if entry.is_part and entry.owner else entry.obj.id
        key = plain if plain not in taken else f"{entry.kind.replace('_', '-')}-{plain}"
        taken.add(key)
        entry.key = entry.anchor = key


class _Lookup:
    """Find what a reference names: by kind when the field says it, else by id, with `kind:id` to choose."""

    def __init__(self, index: dict[str, Entry]):
        self.index = index
        self.by_id: dict[str, list[Entry]] = {}
        self.covering: dict[str, list[Entry]] = {}
        for entry in index.values():
            if not entry.is_part:
                self.by_id.setdefault(entry.obj.id, []).append(entry)
                for covered in getattr(entry.obj, "covers", []):
                    self.covering.setdefault(covered, []).append(entry)

    def find(self, target: str, kinds: tuple[str, ...], source: SourceFile, path: tuple) -> list[Entry]:
        """The entries `target`, written at `path` of `source`, names (several when company entities
        cover one id), or []."""
        kind, _, target_id = target.rpartition(":")
        wanted = (kind,) if kind else kinds
        found = [e for e in self.by_id.get(target_id, []) if not wanted or e.kind in wanted]
        if not found:
            found = [e for e in self.covering.get(target_id, []) if not wanted or e.kind in wanted]
        if len({e.kind for e in found}) > 1:
            # A plain id that names several kinds: the one in the reference's own layer, if that settles it.
            layer = source.locate(path)[2]
            own = [e for e in found if e.layer == layer]
            found = own if len({e.kind for e in own}) == 1 else found
        return found


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


def _check_references(entry: Entry, lookup: _Lookup, removed: dict, problems: list[Problem],
                      missing: dict[str, list[Problem]]) -> None:
    """Link each reference of `entry`; a dangling one is a problem (one to an id that nothing has goes to
    `missing`, by that id)."""
    obj = entry.obj
    for field, marker in _references(type(obj)):
        value = getattr(obj, field.name)
        if value is None:
            continue
        if isinstance(value, dict):  # such as a level's proficiency: dimension id -> step id
            targets = list(value.items())
        else:
            targets = list(enumerate(value)) if isinstance(value, list) else [((), value)]
        listed: dict[str, tuple] = {}  # id -> where this field first lists it
        for position, target_id in targets:
            path = entry.path[:-1] + (field.encode_name,) + ((position,) if position != () else ())
            if isinstance(value, list) and target_id in listed:
                first = entry.source.locate(listed[target_id])[1]
                problems.append(entry.source.problem(path, f"'{target_id}' is listed twice in {field.encode_name} "
                                                     f"(first at line {first})", f"remove one of the two '{target_id}'"))
                continue
            listed[target_id] = path
            found = lookup.find(target_id, marker.kinds, entry.source, path)
            plain_id = target_id.rpartition(":")[2]
            if not found and plain_id in removed and marker.hint:
                continue  # a related link, or a dimension to suggest for, that the company took out simply goes
            if not found or len({t.kind for t in found}) > 1:
                problem = _dangling(entry, path, target_id, found, marker, lookup, removed)
                (missing.setdefault(plain_id, []) if not found else problems).append(problem)
                continue
            for target in found:
                if target not in entry.links:
                    entry.links.append(target)
                    target.backlinks.append(entry)


SHOWN_PER_MISSING_ID = 2  # then one line for the rest: taking out a level can leave a hundred references


def _grouped_by_missing_id(missing: dict[str, list[Problem]], removed: dict) -> list[Problem]:
    """The first references to each id that nothing has, then one problem for the rest of them: at the place
    the company took the id out, else at the next reference."""
    result = []
    for missing_id, found in missing.items():
        found.sort(key=lambda problem: problem.path[-1:] not in (("from",), ("to",)))  # a transition's ends first
        result += found[:SHOWN_PER_MISSING_ID]
        rest = found[SHOWN_PER_MISSING_ID:]
        if not rest:
            continue
        files = ", ".join(sorted({shown(problem.file) for problem in rest}))
        if missing_id in removed:
            where = removed[missing_id]
            result.append(Problem(where.file, where.line, ("replace",), f"{len(rest)} more references to "
                                  f"'{missing_id}', which this file took out, in {files}",
                                  f"give one of your entities 'covers: [{missing_id}]' so that they lead to it",
                                  "company"))
        else:
            first = rest[0]
            result.append(Problem(first.file, first.line, first.path, f"{first.message}, and so are {len(rest) - 1} "
                                  f"more references to it, in {files}", first.fix, first.layer))
    return result


def _dangling(entry: Entry, path, target_id, found: list[Entry], marker: RefTo, lookup: _Lookup,
              removed: dict) -> Problem:
    kind, _, plain_id = target_id.rpartition(":")
    wanted = kind or " or ".join(marker.kinds) or "entity"
    if found:
        choices = " or ".join(f"'{e.kind}:{plain_id}'" for e in found)
        return entry.source.problem(path, f"'{target_id}' names entities of several kinds", f"write {choices}")
    kinds = (kind,) if kind else marker.kinds
    candidates = [i for i, es in lookup.by_id.items() if not kinds or any(e.kind in kinds for e in es)]
    close = difflib.get_close_matches(plain_id, candidates, n=1)
    fix = f"did you mean '{close[0]}'?" if close else f"use the id of an existing {wanted}, or remove this reference"
    others = lookup.by_id.get(plain_id, [])
    if plain_id in removed:
        where = removed[plain_id]
        message = f"'{target_id}' was removed by the company layer ({shown(where.file)}:{where.line})"
        fix = (f"give a company {wanted} 'covers: [{plain_id}]', or override this entity in the company layer "
               "without the reference")
        if entry.kind == "transition" and path[-1] in ("from", "to"):
            fix = ladder_rules.own_transitions(where.file.parent, entry.obj.id)
    elif others:
        message = f"'{target_id}' is a {others[0].kind}, not a {wanted}"
    else:
        message = f"'{target_id}' is not the id of any {wanted}"
    return entry.source.problem(path, message, fix)
