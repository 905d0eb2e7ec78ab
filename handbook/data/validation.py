"""Validate one file's data against its schema class, listing every problem with its fix.

msgspec validates fast but stops at the first problem and words it for programmers
("Object missing required field `name` - at `$.stories[3]`"). This module finds the
other problems too and says each in the handbook's words, at the path in the file.
"""
from __future__ import annotations

import copy
import datetime
import difflib
import re
import typing

import msgspec

from handbook.errors import Problem
from handbook.data.schema import ID_PATTERN, LANGUAGE_PATTERN, MAX_ID_LENGTH, SINGLE_LINE_PATTERN, Model, fields_of
from handbook.data.yaml_source import SourceFile

MAX_PROBLEMS_PER_FILE = 50


def validate(source: SourceFile, file_type: type[Model], problems: list[Problem]) -> Model | None:
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
        problems.append(source.problem(*_explain(message, in_key, file_type, in_file, source)))
        for other in _other_missing(message, file_type, path, in_file, data):
            problems.append(source.problem(*_explain(f"Object missing required field `{other}`", False, file_type,
                                                     in_file, source)))
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
_NAMES = {"date": "a date", "datetime": "a date and time", "str": "a text", "array": "a list", "object": "keys and values", "int": "a whole number",
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


def _other_missing(message: str, file_type, path: tuple, in_file: tuple, data) -> list[str]:
    """The entity's other missing keys: msgspec names the first one only, and dropping the entity to go
    on would hide the rest, so that a file with three missing keys took three runs to fix."""
    missing = _MISSING.fullmatch(message)
    model = _type_at(file_type, in_file) if missing else None
    if not _is_model(model):
        return []
    present = _value_at(data, path)
    return [field.encode_name for field in fields_of(model)
            if field.required and field.encode_name != missing[1] and field.encode_name not in present]


def _value_at(data, path: tuple):
    for step in path:
        data = data[step]
    return data


def _explain(message: str, in_key: bool, file_type, path: tuple, source: SourceFile) -> tuple[tuple, str, str]:
    """(path, problem, fix) in the handbook's words."""
    data = source.data
    missing, unknown, wrong = _MISSING.fullmatch(message), _UNKNOWN.fullmatch(message), _WRONG_TYPE.match(message)
    if missing:
        key = missing[1]
        return path + (key,), f"the key '{key}' is missing", f"add '{key}:' here ({_describe_field(file_type, path, key)})"
    if unknown:
        key = unknown[1]
        allowed = _keys(_type_at(file_type, path))
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            return path + (key,), f"unknown key '{key}'", f"did you mean '{close[0]}'?"
        return path + (key,), f"unknown key '{key}'", f"remove it; the keys allowed here are {', '.join(allowed)}"
    if in_key:
        return path, "one of the keys here is not a valid id", "use lowercase letters, digits and single hyphens"
    if ID_PATTERN in message:
        return (path, f"'{_value_at(data, path)}' is not a valid id",
                "use lowercase letters, digits and single hyphens, such as 'mid-to-senior'")
    limit = re.search(r"of length <= (\d+)$", message)
    if limit and int(limit[1]) in (MAX_ID_LENGTH, 2 * MAX_ID_LENGTH, 2 * MAX_ID_LENGTH + 2):  # an id, a reference, a key
        return (path, f"this id has {len(str(_value_at(data, path)))} characters, more than the {limit[1]} it may have",
                "shorten it: an id names a page's address and its anchor, so a few words are enough")
    if repr(SINGLE_LINE_PATTERN) in message:  # msgspec quotes the pattern as Python writes it
        return (path, "this name, title or label holds a line break; it must fit on one line, as it is "
                      "shown in the navigation, in titles and in table cells",
                "write it on one line (with no '|' or '>' block); put longer prose in a text field")
    if repr(LANGUAGE_PATTERN) in message:
        return (path, f"'{_value_at(data, path)!s:.60}' is not one word naming a language",
                "write the language alone, such as python or javascript; the template sets the code block's options")
    if "matching regex '^https?://" in message:  # URL_PATTERN, as msgspec quotes it
        return (path, f"'{_value_at(data, path)!s:.80}' is not a whole web address",
                "write the full address, starting with https://, with no spaces, quotes or <>; "
                "write a space as %20")
    if message.endswith("of length >= 1"):
        return path, "this is empty", "write at least one entry or some text"
    if limit:
        return (path, f"this label is too long ({len(str(_value_at(data, path)))} characters, at most {limit[1]})",
                f"keep it within {limit[1]} characters; put longer prose in a text field")
    if wrong:
        expected, found = (_NAMES.get(name, name) for name in wrong.groups())
        value = _value_at(data, path)
        written = source.written.get(path) or _shown(value)
        if expected == _NAMES["str"] and isinstance(value, (bool, int, float, datetime.date)):
            return (path, f"expected a text, found {written:.60}, which YAML reads as {found}",
                    f"put it in quotes (\"{written:.60}\")")
        shown = f" {written:.60}" if value is not None else ""
        return path, f"expected {expected}, found {found}{shown}", f"write {expected} here"
    return path, message, "correct the value to match handbook/data/schema.py"


def _shown(value) -> str:
    """A value as the data file writes it: a date as 2026-12-06, a text in quotes."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


def _type_at(root_type, path: tuple):
    """Follow `path` through the schema's types: model fields, list items, dict values."""
    current = root_type
    for step in path:
        current = _unwrap(current)
        if _is_model(current):
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


def _keys(model) -> list[str]:
    return [field.encode_name for field in fields_of(model)] if _is_model(model) else []


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Model)


def _describe_field(root_type, path: tuple, key: str) -> str:
    model = _type_at(root_type, path)
    if not _is_model(model):
        return "required"
    field = next((f for f in fields_of(model) if f.encode_name == key), None)
    notes = [meta.description for meta in typing.get_args(field.type)[1:]
             if isinstance(meta, msgspec.Meta) and meta.description] if field is not None else []
    return notes[-1].rstrip(".") if notes else f"required by {model.__name__}"
