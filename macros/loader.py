"""Load `data/*.yml`, validate it against the schema and index it, once per build.

Every problem of every file is collected before the build is stopped, so one
run of `make check` lists them all, each with its file, line and fix.
"""
from __future__ import annotations

import difflib
import typing
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import HandbookError, Problem
from .index import build_index
from .model import LoadedHandbook
from .overlay import Removal, apply_overlay
from .schema import Handbook
from .yaml_source import SourceFile, read_yaml

FILE_FIELDS = dict(Handbook.model_fields)


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

    parts = {}
    for name, source in sources.items():
        try:
            parts[name] = TypeAdapter(FILE_FIELDS[name].annotation).validate_python(source.data)
        except ValidationError as error:
            problems.extend(_schema_problems(source, FILE_FIELDS[name].annotation, error))
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
        if name not in FILE_FIELDS:
            close = difflib.get_close_matches(name, FILE_FIELDS, n=1)
            hint = f"rename it to {close[0]}{path.suffix}" if close else f"use one of: {', '.join(FILE_FIELDS)}"
            problems.append(Problem(path, 1, (), f"'{path.name}' is not a handbook data file", hint, layer))
            continue
        try:
            sources[name] = read_yaml(path, layer)
        except Problem as problem:
            problems.append(problem)
    if required:
        for name in FILE_FIELDS:
            if name not in sources and not (folder / f"{name}.yml").exists():
                problems.append(Problem(folder / f"{name}.yml", 1, (), "this data file is missing",
                                        f"create {name}.yml (see macros/schema.py, class {FILE_FIELDS[name].annotation.__name__})",
                                        layer))
    return sources


def _schema_problems(source: SourceFile, root_type, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors():
        path = tuple(detail["loc"])
        message, fix = _explain(detail, root_type, path)
        problems.append(source.problem(path, message, fix))
    return problems


def _explain(detail: dict, root_type, path: tuple) -> tuple[str, str]:
    kind, value = detail["type"], detail.get("input")
    key = path[-1] if path else ""
    if kind == "missing":
        return f"the key '{key}' is missing", f"add '{key}:' here ({_describe_field(root_type, path)})"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(root_type, path[:-1])
        close = difflib.get_close_matches(str(key), allowed, n=1)
        if close:
            return f"unknown key '{key}'", f"did you mean '{close[0]}'?"
        return f"unknown key '{key}'", f"remove it; the keys allowed here are {', '.join(allowed)}"
    if kind == "string_pattern_mismatch":
        return (f"'{value}' is not a valid id",
                "use lowercase letters, digits and single hyphens, such as 'mid-to-senior'")
    if kind in ("too_short", "string_too_short"):
        return "this is empty", "write at least one entry or some text"
    if kind == "string_too_long":
        return "this label is too long", "keep labels under 120 characters; put longer prose in a text field"
    if kind.endswith("_type") or kind in ("model_type", "dict_type", "list_type"):
        expected = detail["msg"].replace("Input should be ", "")
        return f"expected {expected}, found {type(value).__name__} {value!r:.60}", f"write {expected} here"
    return detail["msg"], "correct the value to match macros/schema.py"


def _type_at(root_type, path: tuple):
    """Follow `path` through the schema's types: model fields, list items, dict values."""
    current = root_type
    for part in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = {f.alias or n: f for n, f in current.model_fields.items()}
            if part not in fields:
                return None
            current = fields[part].annotation
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


def _allowed_keys(root_type, path: tuple) -> list[str]:
    model = _type_at(root_type, path)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [field.alias or name for name, field in model.model_fields.items()]
    return []


def _describe_field(root_type, path: tuple) -> str:
    model = _type_at(root_type, path[:-1])
    if isinstance(model, type) and issubclass(model, BaseModel):
        fields = {f.alias or n: f for n, f in model.model_fields.items()}
        field = fields.get(path[-1])
        if field is not None and field.description:
            return field.description.rstrip(".")
        return f"required by {model.__name__}"
    return "required"
