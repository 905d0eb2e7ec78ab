"""The handbook as data for other tools: `api/handbook.json`, its JSON Schema, and `api/ladder.csv`.

HR systems, review spreadsheets and internal portals want the ladder as data, not as
pages. Every build writes it from the loaded handbook (in a company's build, the merged
data), so the files always match the pages beside them:

- `api/handbook.json`: every entity and checklist item, and every cell of the level map,
  with its id, kind, title, main text, other text fields and page URL, plus the edition
  and the ids of earlier editions with what replaces them. Texts are the data's Markdown.
  A level carries its family and rank, a step of the proficiency scale its place on it,
  and a cell the id of its step.
- `api/handbook.schema.json`: its JSON Schema, generated from the classes below (the same
  file is published as `schema/api-handbook.schema.json`).
- `api/ladder.csv`: one row per level and dimension, for spreadsheets. Every ladder gets the
  same columns: the level's family and rank and the cell's proficiency come last and stay
  empty where the ladder has none, so a sheet that reads columns by position keeps working
  when a company adds families or a scale. It starts with a
  byte order mark: Excel reads a CSV without one in the machine's legacy code page, which
  garbles every non-ASCII character, while LibreOffice, Google Sheets and Python's
  `encoding="utf-8-sig"` all read it as UTF-8 either way. Every field is quoted, and a text
  that a spreadsheet would run as a formula starts with an apostrophe.
"""
from __future__ import annotations

import csv
import functools
import io
import json
from pathlib import Path
from typing import Annotated, Optional, Union

import msgspec
from msgspec import Meta, Struct, field

from handbook.data.index import _references
from handbook.paths import page_url
from handbook.data.model import Entry, LoadedHandbook
from handbook.data.redirects import moved
from handbook.data.schema import Handbook, Item, Level, Proficiency, Transition, fields_of

API_DIR = "api"
SCHEMA_NAME = "handbook.schema.json"
# The field that says most about an entity, first found wins; the title is its name or title.
MAIN_TEXT = ("text", "summary", "testing", "question", "what_changes", "pattern", "trap", "description", "meaning",
             "definition", "headline", "why", "goal", "what", "intro", "litmus_test", "green_flags")
NOT_TEXT = ("id", "covers")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class EditionInfo(Struct):
    version: str
    date: Annotated[str, Meta(description="YYYY-MM-DD")]


class Record(Struct, omit_defaults=True, forbid_unknown_fields=True):
    """One entity, checklist item or cell of the level map."""

    id: Annotated[str, Meta(description="Stable id; a checklist item's is <owner id>--<item id>, a cell's "
                                        "<level id>--<dimension id>. It is also the anchor on its page.")]
    kind: Annotated[str, Meta(description="level, dimension, cell, transition, signal, checklist_item, "
                                          "anti_pattern, mistake, story, resource, ...")]
    title: str
    text: Annotated[str, Meta(description="Its main text, as Markdown (empty when it has none).")]
    path: Annotated[str, Meta(description="Its page and anchor, relative to the site's root.")]
    url: Annotated[str, Meta(description="The same, absolute when the site has a site_url.")]
    owner: Annotated[Optional[str], Meta(description="Id of the entity a checklist item or cell belongs to.")] = None
    levels: Annotated[list[str], Meta(description="Ids of the levels it concerns.")] = []
    fields: Annotated[dict[str, Union[str, list[str]]], Meta(description="Every text field, by its name in the "
                                                                         "data files.")] = {}
    covers: Annotated[list[str], Meta(description="Ids of earlier or base entities it stands in for.")] = []
    code: Optional[str] = None
    track: Optional[str] = None
    family: Annotated[Optional[str], Meta(description="A level's job family: the id of a `family` record.")] = None
    rank: Annotated[Optional[int], Meta(description="A level's step on the shared level scale (levels of the same "
                                                    "rank line up across tracks and families); a `proficiency` "
                                                    "record's place on the proficiency scale. Both start at 1.")] = None
    from_level: Optional[str] = field(default=None, name="from")
    to_level: Optional[str] = field(default=None, name="to")
    level: Optional[str] = None
    dimension: Optional[str] = None
    proficiency: Annotated[Optional[str], Meta(description="A cell's step of the proficiency scale: the id of a "
                                                           "`proficiency` record.")] = None


class OpenData(Struct):
    """The whole handbook as data: what `api/handbook.json` holds."""

    schema: str = field(name="$schema")
    title: str
    site_url: Optional[str]
    edition: Optional[EditionInfo]
    redirects: Annotated[dict[str, str], Meta(description="Ids of earlier editions that are gone -> the id that "
                                                          "now stands in for each.")]
    entries: list[Record]


@functools.cache  # the same for every build; msgspec takes 10 ms to derive it
def api_schema() -> dict:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "api/handbook.json",
            **msgspec.json.schema(OpenData)}


def records(loaded: LoadedHandbook, directory_urls: bool = True, site_url: str = "") -> list[Record]:
    """Every entry of the index, each level followed by its cells, file by file as `Handbook` lists them."""
    files = [info.name for info in fields_of(Handbook)]
    result = []
    for entry in sorted(loaded.index.values(), key=lambda e: files.index(Path(e.source.path).stem)):
        result.append(_record(entry, loaded, directory_urls, site_url))
        if isinstance(entry.obj, Level):
            result.extend(_cells(entry, loaded, directory_urls, site_url))
    return result


def document(loaded: LoadedHandbook, directory_urls: bool = True, site_url: str = "") -> OpenData:
    edition = loaded.handbook.site.edition
    return OpenData(
        schema=SCHEMA_NAME, title=loaded.handbook.site.title, site_url=site_url or None,
        edition=EditionInfo(edition.version, edition.date.isoformat()) if edition else None,
        redirects={old: entry.key for old, entry in moved(loaded).items()},
        entries=records(loaded, directory_urls, site_url))


def ladder_rows(loaded: LoadedHandbook, directory_urls: bool = True, site_url: str = "") -> list[dict[str, str]]:
    """One row per level and dimension, the same columns for every ladder (see the module's docstring)."""
    rows = []
    for level in loaded.levels:
        entry = loaded.entry_of(level)
        track = loaded.entry("track:" + level.track)
        for dimension in loaded.dimensions_of(level):  # a job family's level: its family's dimensions
            step = loaded.proficiency(level, dimension)
            rows.append({"level": level.id, "level_code": level.code, "level_name": level.name,
                         "track": track.key, "track_name": track.title,
                         "dimension": dimension.id, "dimension_name": dimension.name,
                         "text": level.dimensions[dimension.id],
                         "url": site_url + _page_url(entry.page, directory_urls),
                         "family": level.family or "", "level_rank": str(loaded.rank(level)),
                         **_proficiency_columns(loaded, step)})
    return rows


def _proficiency_columns(loaded: LoadedHandbook, step: Proficiency | None) -> dict[str, str]:
    """The cell's step: its id, label and name, and its place on the scale from 1, for "at least" filters."""
    if step is None:
        return dict.fromkeys(("proficiency", "proficiency_label", "proficiency_name", "proficiency_rank"), "")
    return {"proficiency": step.id, "proficiency_label": step.label, "proficiency_name": step.name,
            "proficiency_rank": str(loaded.proficiency_rank(step) + 1)}


def files(loaded: LoadedHandbook, directory_urls: bool, site_url: str) -> dict[str, str]:
    """Path in the site -> content, for every file of the open data."""
    data = msgspec.json.format(msgspec.json.encode(document(loaded, directory_urls, site_url)), indent=1)
    return {f"{API_DIR}/handbook.json": data.decode("utf-8") + "\n",
            f"{API_DIR}/{SCHEMA_NAME}": json.dumps(api_schema(), indent=2) + "\n",
            f"{API_DIR}/ladder.csv": "\ufeff" + _csv(ladder_rows(loaded, directory_urls, site_url))}


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows({name: _as_text(value) for name, value in row.items()} for row in rows)
    return out.getvalue()


def _as_text(value: str) -> str:
    """A spreadsheet runs a field that starts with = + - @ as a formula, even quoted: an apostrophe first
    makes it show the text instead (and is not shown itself)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _record(entry: Entry, loaded: LoadedHandbook, directory_urls: bool, site_url: str) -> Record:
    obj = entry.obj
    texts = _texts(obj)
    path = _page_url(entry.page, directory_urls) + f"#{entry.anchor}"
    record = Record(id=entry.key, kind=record_kind(entry), title=entry.title,
                    text=next((texts[name] for name in MAIN_TEXT if isinstance(texts.get(name), str)), ""),
                    path=path, url=site_url + path, owner=entry.owner.key if entry.owner else None,
                    levels=levels_of(entry), fields=texts, covers=list(getattr(obj, "covers", [])))
    if isinstance(obj, Level):
        record.code, record.track, record.family, record.rank = obj.code, obj.track, obj.family, loaded.rank(obj)
    if isinstance(obj, Proficiency):
        record.rank = loaded.proficiency_rank(obj) + 1
    if isinstance(obj, Transition):
        record.from_level, record.to_level = obj.from_level, obj.to_level
    return record


def _cells(level: Entry, loaded: LoadedHandbook, directory_urls: bool, site_url: str) -> list[Record]:
    path = _page_url(level.page, directory_urls) + f"#{level.anchor}"
    return [Record(id=f"{level.key}--{dimension.id}", kind="cell", title=dimension.name,
                   text=level.obj.dimensions[dimension.id], path=path, url=site_url + path, owner=level.key,
                   levels=[level.key], level=level.key, dimension=dimension.id,
                   proficiency=level.obj.proficiency.get(dimension.id))
            for dimension in loaded.dimensions_of(level.obj)]


def record_kind(entry: Entry) -> str:
    """The entry's kind; a checklist item is a `signal` in a transition's signals, else a `checklist_item`."""
    if isinstance(entry.obj, Item):
        return "signal" if entry.path[-3] == "signals" else "checklist_item"
    return entry.kind


def levels_of(entry: Entry) -> list[str]:
    """The levels an entry concerns: a level itself, a transition's starting level, the levels it names,
    or its owner's."""
    obj = entry.obj
    if isinstance(obj, Level):
        return [obj.id]
    if isinstance(obj, Transition):
        return [obj.from_level]
    if getattr(obj, "levels", None):
        return list(obj.levels)
    return levels_of(entry.owner) if entry.owner else []


def _texts(obj) -> dict[str, Union[str, list[str]]]:
    """The object's own text fields (not its id, references or nested parts)."""
    references = {field.name for field, _ in _references(type(obj))}
    texts = {}
    for info in fields_of(type(obj)):
        value = getattr(obj, info.name)
        if info.name in NOT_TEXT or info.name in references:
            continue
        if isinstance(value, str) or (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
            texts[info.encode_name] = value
    return texts


def _page_url(page: str, directory_urls: bool) -> str:
    """The home page's address is the site's root itself."""
    url = page_url(page, directory_urls)
    return "" if url == "./" else url
