"""Load `data/*.yml`, validate it against the schema and index it, once per build.

Every problem of every file is collected before the build is stopped, so one
run of `make check` lists them all, each with its file, line and fix.
"""
from __future__ import annotations

import copy
import difflib
import re
import typing
from pathlib import Path

import msgspec

from .errors import HandbookError, Problem
from .index import build_index
from .model import LoadedHandbook
from .overlay import Removal, apply_overlay
from .schema import ID_PATTERN, Handbook, Model, fields_of
from .yaml_source import SourceFile, read_yaml

FILE_TYPES = {field.name: field.type for field in fields_of(Handbook)}
MAX_PROBLEMS_PER_FILE = 50


def load_handbook(data_dir: Path, overlay_dir: Path | None = None) -> LoadedHandbook:
    """Read the base data (and a company's overlay), validate, index; raise HandbookError on any problem."""
    problems: list[Problem] = []
    removed: dict[str, Removal] = {}
    sources = _read_files(Path(data_dir), "base", problems, required=True)
    if overlay_dir is not None:
        company = _read_files(Path(overlay_dir), "company", problems, required=False)
        sources = apply_overlay(sources, company, problems, removed)
    if problems:
        raise HandbookError(problems)

    parts = {name: _validate(source, FILE_TYPES[name], problems) for name, source in sources.items()}
    if problems:
        raise HandbookError(problems)

    handbook = Handbook(**parts)
    index = build_index(handbook, sources, problems, removed)
    if problems:
        raise HandbookError(problems)
    return LoadedHandbook(handbook, index, sources)


def _read_files(folder: Path, layer: str, problems: list[Problem], required: bool) -> dict[str, SourceFile]:
    sources: dict[str, SourceFile] = {}
    if not folder.is_dir():
        if required:
            problems.append(Problem(folder, 1, (), "the data folder does not exist", "point data_dir at it", layer))
        return sources
    for path in sorted(folder.glob("*.y*ml")):
        name = path.stem
        if name not in FILE_TYPES:
            close = difflib.get_close_matches(name, FILE_TYPES, n=1)
            hint = f"rename it to {close[0]}{path.suffix}" if close else f"use one of: {', '.join(FILE_TYPES)}"
            problems.append(Problem(path, 1, (), f"'{path.name}' is not a handbook data file", hint, layer))
            continue
        try:
            sources[name] = read_yaml(path, layer)
        except Problem as problem:
            problems.append(problem)
    if required:
        for name in FILE_TYPES:
            if name not in sources and not (folder / f"{name}.yml").exists():
                problems.append(Problem(folder / f"{name}.yml", 1, (), "this data file is missing",
                                        f"create {name}.yml (see macros/schema.py, class {FILE_TYPES[name].__name__})",
                                        layer))
    return sources


def _validate(source: SourceFile, file_type: type[Model], problems: list[Problem]) -> Model | None:
    """The file as typed objects; or None, with each of its problems recorded.

    msgspec stops at the first problem. To list the others too, a copy of the data is
    validated again without what failed: an unknown key is dropped, anything else drops
    the list item it sits in. Problems keep the positions they have in the file.
    """
    try:
        return msgspec.convert(source.data, file_type)
    except msgspec.ValidationError as error:
        failure = error
    data = copy.deepcopy(source.data)
    kept: dict[tuple, list[int]] = {}  # a list's path in the file -> file positions of the items left
    for _ in range(MAX_PROBLEMS_PER_FILE):
        message, path, in_key = _location(str(failure))
        in_file = _in_file(path, kept)
        if message.endswith("of length >= 1") and in_file in kept:
            break  # the list is empty only because its failing items were dropped
        problems.append(source.problem(*_explain(message, in_key, file_type, in_file, source.data)))
        if not _drop(data, path, message, kept, in_file):
            break
        try:
            msgspec.convert(data, file_type)
            break
        except msgspec.ValidationError as error:
            failure = error
    return None


# "Expected `str`, got `int` - at `$.levels[0].name`"; "... - at `key` in `$.levels[0].dimensions`"
_LOCATION = re.compile(r"(?P<message>.*?)(?: - at `(?:(?P<key>key)` in `)?\$(?P<path>[^`]*)`)?", re.S)
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]|(\[\.\.\.\])")
_UNKNOWN = re.compile(r"Object contains unknown field `(.*)`")
_MISSING = re.compile(r"Object missing required field `(.*)`")
_WRONG_TYPE = re.compile(r"Expected `(\w+)`, got `(\w+)`")
_NAMES = {"str": "a text", "array": "a list", "object": "keys and values", "int": "a whole number",
          "null": "nothing", "bool": "true or false", "float": "a number"}


def _location(text: str) -> tuple[str, tuple, bool]:
    """msgspec's message, the path it names (up to an unknown dictionary key) and whether a key is at fault."""
    match = _LOCATION.fullmatch(text)
    path: tuple = ()
    for name, position, unknown_key in _STEP.findall(match["path"] or ""):
        if unknown_key:
            break
        path += (name,) if name else (int(position),)
    return match["message"], path, bool(match["key"])


def _in_file(path: tuple, kept: dict[tuple, list[int]]) -> tuple:
    """The path in the file of a path in the copy from which items were dropped."""
    in_file: tuple = ()
    for step in path:
        if isinstance(step, int) and in_file in kept:
            step = kept[in_file][step]
        in_file += (step,)
    return in_file


def _drop(data, path: tuple, message: str, kept: dict, in_file: tuple) -> bool:
    """Take what failed out of `data`: the unknown key, or else the list item that holds the problem."""
    unknown = _UNKNOWN.fullmatch(message)
    if unknown:
        del _value_at(data, path)[unknown[1]]
        return True
    last = max((i for i, step in enumerate(path) if isinstance(step, int)), default=None)
    if last is None:
        return False
    items = _value_at(data, path[:last])
    positions = kept.setdefault(in_file[:last], list(range(len(items))))
    del items[path[last]], positions[path[last]]
    return True


def _value_at(data, path: tuple):
    for step in path:
        data = data[step]
    return data


def _explain(message: str, in_key: bool, file_type, path: tuple, data) -> tuple[tuple, str, str]:
    """(path, problem, fix) in the handbook's words."""
    missing, unknown, wrong = _MISSING.fullmatch(message), _UNKNOWN.fullmatch(message), _WRONG_TYPE.match(message)
    if missing:
        key = missing[1]
        return path + (key,), f"the key '{key}' is missing", f"add '{key}:' here ({_describe_field(file_type, path, key)})"
    if unknown:
        key = unknown[1]
        allowed = [field.encode_name for field in fields_of(_type_at(file_type, path))]
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            return path + (key,), f"unknown key '{key}'", f"did you mean '{close[0]}'?"
        return path + (key,), f"unknown key '{key}'", f"remove it; the keys allowed here are {', '.join(allowed)}"
    if in_key:
        return path, "one of the keys here is not a valid id", "use lowercase letters, digits and single hyphens"
    if ID_PATTERN in message:
        return (path, f"'{_value_at(data, path)}' is not a valid id",
                "use lowercase letters, digits and single hyphens, such as 'mid-to-senior'")
    if "matching regex '^https?://'" in message:
        return path, f"'{_value_at(data, path)}' is not a web address", "write the full address, starting with https://"
    if message.endswith("of length >= 1"):
        return path, "this is empty", "write at least one entry or some text"
    if message.endswith("of length <= 120"):
        return path, "this label is too long", "keep labels under 120 characters; put longer prose in a text field"
    if wrong:
        expected, found = (_NAMES.get(name, name) for name in wrong.groups())
        value = _value_at(data, path)
        shown = f" {value!r:.60}" if value is not None else ""
        return path, f"expected {expected}, found {found}{shown}", f"write {expected} here"
    return path, message, "correct the value to match macros/schema.py"


def _type_at(root_type, path: tuple):
    """Follow `path` through the schema's types: model fields, list items, dict values."""
    current = root_type
    for step in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, Model):
            fields = {field.encode_name: field.type for field in fields_of(current)}
            if step not in fields:
                return None
            current = fields[step]
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return None
    return _unwrap(current)


def _unwrap(annotation):
    """Annotated[X, ...] and Optional[X] -> X."""
    while typing.get_origin(annotation) in (typing.Annotated, typing.Union):
        annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
    return annotation


def _describe_field(root_type, path: tuple, key: str) -> str:
    model = _type_at(root_type, path)
    field = next((f for f in fields_of(model) if f.encode_name == key), None)
    notes = [meta.description for meta in typing.get_args(field.type)[1:]
             if isinstance(meta, msgspec.Meta) and meta.description] if field is not None else []
    return notes[-1].rstrip(".") if notes else f"required by {model.__name__}"
