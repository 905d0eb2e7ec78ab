"""Load `data/*.yml`, validate it against the schema and index it, once per build.

Every problem of every file is collected before the build is stopped, so one
run of `make check` lists them all, each with its file, line and fix.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from handbook.errors import HandbookError, Problem
from handbook.data.index import build_index
from handbook.data.model import LoadedHandbook
from handbook.data.overlay import Removal, apply_overlay
from handbook.data.redirects import check_redirects
from handbook.data.schema import Handbook, fields_of
from handbook.data.text_check import check_text
from handbook.data.validation import validate
from handbook.data.yaml_source import SourceFile, read_yaml

FILE_TYPES = {field.name: field.type for field in fields_of(Handbook)}


def load_handbook(data_dir: Path, overlay_dir: Path | None = None) -> LoadedHandbook:
    """Read the base data (and a company's overlay), validate, index; raise HandbookError on any problem.

    A file that cannot be read does not stop the others from being validated and
    checked, so one run lists the problems of every file.
    """
    problems: list[Problem] = []
    removed: dict[str, Removal] = {}
    sources = _read_files(Path(data_dir), "base", problems, required=True)
    if overlay_dir is not None:
        company = _read_files(Path(overlay_dir), "company", problems, required=False)
        sources = apply_overlay(sources, company, problems, removed)

    parts = {name: validate(source, FILE_TYPES[name], problems) for name, source in sources.items()}
    for name, part in parts.items():
        if part is not None:
            check_text(part, sources[name], problems)
    if problems:
        raise HandbookError(problems)

    handbook = Handbook(**parts)
    index = build_index(handbook, sources, problems, removed)
    check_redirects(handbook, index, sources["site"], problems)
    if problems:
        raise HandbookError(problems)
    return LoadedHandbook(handbook, index, sources)


def _read_files(folder: Path, layer: str, problems: list[Problem], required: bool) -> dict[str, SourceFile]:
    sources: dict[str, SourceFile] = {}
    if not folder.is_dir():
        if required:
            problems.append(Problem(folder, 1, (), "the data folder does not exist", "point data_dir at it", layer))
        return sources
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.y*ml")):
        name = path.stem
        if name not in FILE_TYPES or path.suffix not in (".yml", ".yaml"):
            close = difflib.get_close_matches(name, FILE_TYPES, n=1)
            hint = f"rename it to {close[0]}.yml" if close else f"use one of: {', '.join(FILE_TYPES)}"
            problems.append(Problem(path, 1, (), f"'{path.name}' is not a handbook data file", hint, layer))
            continue
        if name in found:
            problems.append(Problem(path, 1, (), f"'{path.name}' and '{found[name].name}' both hold {name}",
                                    "keep one of the two files (merge what the other one adds)", layer))
            continue
        found[name] = path
        try:
            sources[name] = read_yaml(path, layer)
        except Problem as problem:
            problems.append(problem)
    if required:
        for name in FILE_TYPES:
            if name not in found:
                problems.append(Problem(folder / f"{name}.yml", 1, (), "this data file is missing",
                                        f"create {name}.yml (see handbook/data/schema.py, "
                                        f"class {FILE_TYPES[name].__name__})",
                                        layer))
    return sources
