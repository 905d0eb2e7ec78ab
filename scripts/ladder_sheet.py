"""A company's ladder as its spreadsheet holds it: read, checked, and turned into levels (`make import`).

The sheet has the columns that `api/ladder.csv` writes, one row per level and dimension; the first
eight are enough (`level, level_code, level_name, track, track_name, dimension, dimension_name, text`),
in any order and any case, and `family`, `level_rank` and the proficiency columns are read when present.
Ids come from the `level`, `track` and `dimension` cells (`E3` gives `e3`), so repeated titles
("Software Engineer" for four levels) do not matter: the level's id and code tell them apart.

Every problem is collected, never the first one only: a missing column, an empty cell, a level
without a track, two texts for one level and dimension, a level, track or dimension named two ways,
a rank that is not a step, a level without a row for a dimension of its family. Each is
`file:row:column: problem. Fix: ...`, with the row and column a spreadsheet shows.
"""
from __future__ import annotations

import csv
import itertools
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from handbook.errors import visible

REQUIRED = ("level", "level_code", "level_name", "track", "track_name", "dimension", "dimension_name", "text")
OPTIONAL = ("family", "level_rank", "proficiency", "proficiency_label", "proficiency_name", "proficiency_rank")
# Without these three a row says nothing. Any other missing column is reported, and the rows are still
# checked with a stand-in (the id for a name), so one run lists every problem.
ESSENTIAL = ("level", "dimension", "text")
STAND_IN = {"level_code": "level", "level_name": "level", "track": "level", "track_name": "track",
            "dimension_name": "dimension"}
# What each required column holds, for the fix of an empty cell.
MEANING = {"level": "the level's id (such as e3)", "level_code": "the level's code (such as E3)",
           "level_name": "the level's title", "track": "the level's track (such as ic or management)",
           "track_name": "the track's name", "dimension": "the dimension's id (such as delivery)",
           "dimension_name": "the dimension's name", "text": "what the level expects in this dimension"}
# A ladder has a row per level and dimension: 15 levels of 12 dimensions in 4 families is 720 rows.
MAX_ROWS = 10_000
# api/ladder.csv puts an apostrophe before a text that a spreadsheet would run as a formula.
FORMULA_GUARD = re.compile(r"^'(?=[=+\-@])")


@dataclass
class Cell:
    value: str
    row: int
    column: int


@dataclass
class SheetError:
    file: str
    row: int
    column: int
    message: str
    fix: str

    def __str__(self) -> str:  # a cell's NUL or escape sequence is shown as an escape, never sent to the terminal
        return visible(f"{self.file}:{self.row}:{self.column}: {self.message}. Fix: {self.fix}.")


@dataclass
class Sheet:
    """The ladder a sheet describes, in the order of its rows."""

    dimensions: dict[str, str] = field(default_factory=dict)          # id -> name
    tracks: dict[str, str] = field(default_factory=dict)              # id -> name
    levels: dict[str, dict] = field(default_factory=dict)             # id -> level as ladder.yml writes it
    proficiency: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # id -> (rank, label, name)


def read_table(path: Path) -> list[list[str]]:
    """Every row of the sheet as texts (the first worksheet of a workbook). ValueError when it is no workbook or
    has more than MAX_ROWS rows: the rows are read one at a time, so a sheet of millions stops at once."""
    if path.suffix.lower() == ".xlsx":
        import openpyxl  # only a workbook needs it
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, openpyxl.utils.exceptions.InvalidFileException, KeyError) as error:
            raise ValueError(f"it is not an Excel workbook: {error}") from None
        try:
            return _at_most(MAX_ROWS, ([_cell_text(value) for value in row]
                                       for row in workbook.worksheets[0].iter_rows(values_only=True)))
        finally:
            workbook.close()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return _at_most(MAX_ROWS, csv.reader(handle))


def _at_most(limit: int, rows) -> list[list[str]]:
    table = list(itertools.islice(rows, limit + 1))
    if len(table) > limit:
        raise ValueError(f"it has more than {limit:,} rows, and a ladder has one per level and dimension")
    return table


def _cell_text(value) -> str:
    """A workbook's cell as the CSV would hold it: a whole number typed as 4 is stored as 4.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def slug(text: str) -> str:
    """An id from a sheet's cell: `E3` -> `e3`, `Software Engineering` -> `software-engineering`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def parse(table: list[list[str]], shown: str) -> tuple[Sheet, list[SheetError]]:
    errors: list[SheetError] = []
    if not table:
        return Sheet(), [SheetError(shown, 1, 1, "the sheet is empty", "export the ladder with a header row: "
                                    + ", ".join(REQUIRED))]
    header = [name.strip().lower() for name in table[0]]
    columns = {name: position for position, name in reversed(list(enumerate(header))) if name}
    missing = [name for name in REQUIRED if name not in columns]
    for name in missing:
        errors.append(SheetError(shown, 1, len(header) + 1, f"the column '{name}' is missing",
                                 f"add a column named {name} with {MEANING[name]} on every row"))
    if any(name in missing for name in ESSENTIAL):
        return Sheet(), errors  # without these the rows say nothing; the other problems wait for the next run
    rows = []
    for number, values in enumerate(table[1:], start=2):
        if not any(value.strip() for value in values):
            continue  # a blank line between blocks of rows
        row = {}
        for name in REQUIRED + OPTIONAL:
            if name in columns:
                raw = values[columns[name]] if columns[name] < len(values) else ""
                row[name] = Cell(FORMULA_GUARD.sub("", raw.strip()), number, columns[name] + 1)
        for name in missing:  # reported once above; the rows are still read, so every other problem shows too
            row[name] = Cell(row[STAND_IN[name]].value, number, 0)
        rows.append(row)
    return _ladder(rows, shown, errors), errors


def _ladder(rows: list[dict[str, Cell]], shown: str, errors: list[SheetError]) -> Sheet:
    sheet = Sheet()
    first_of: dict[tuple, Cell] = {}     # (kind, id, column) -> the first cell that said it
    cell_of: dict[tuple[str, str], int] = {}  # (level, dimension) -> row
    has_family = any(row.get("family") and row["family"].value for row in rows)

    def error(cell: Cell, message: str, fix: str) -> None:
        errors.append(SheetError(shown, cell.row, cell.column, message, fix))

    def same(kind: str, key: str, column: str, cell: Cell) -> bool:
        """The first value a level, track or dimension was given in a column; another one is a mistake."""
        first = first_of.setdefault((kind, key, column), cell)
        if first.value != cell.value:
            error(cell, f"the {kind} '{key}' has the {column} '{cell.value}' here but '{first.value}' on row "
                        f"{first.row}", f"give every row of the {kind} '{key}' the same {column}")
            return False
        return True

    for row in rows:
        empty = [name for name in REQUIRED if not row[name].value and row[name].column]  # column 0: a stand-in
        rank = row.get("level_rank")
        if rank and rank.value and not _is_rank(rank.value):
            error(rank, f"the level_rank '{rank.value}' is not a step of the level scale",
                  "write a whole number from 1 to 99, or leave it empty")
        for name in empty:
            if name == "track" and row["level"].value:
                error(row[name], f"the level '{row['level'].value}' has no track",
                      "name its track, such as ic or management (one track per path of levels)")
            else:
                error(row[name], f"the cell {name} is empty", f"write {MEANING[name]}")
        ids = {name: slug(row[name].value) for name in ("level", "track", "dimension")}
        for name, made in ids.items():
            if row[name].value and not made:
                error(row[name], f"'{row[name].value}' gives no id", "use letters or digits, such as e3 or delivery")
        if empty or not all(ids.values()):
            continue
        level_id, dimension_id, track_id = ids["level"], ids["dimension"], ids["track"]
        for column in ("level_code", "level_name", "track", "family", "level_rank"):
            if column in row:
                same("level", level_id, column, row[column])
        if same("track", track_id, "track_name", row["track_name"]):
            sheet.tracks.setdefault(track_id, row["track_name"].value)
        if same("dimension", dimension_id, "dimension_name", row["dimension_name"]):
            sheet.dimensions.setdefault(dimension_id, row["dimension_name"].value)
        level = sheet.levels.setdefault(level_id, _level(row, level_id, track_id, has_family, error))
        if (level_id, dimension_id) in cell_of:
            error(row["text"], f"a second text for the level '{level_id}' and the dimension '{dimension_id}' "
                               f"(the first is on row {cell_of[level_id, dimension_id]})",
                  "keep one row per level and dimension")
            continue
        cell_of[level_id, dimension_id] = row["text"].row
        level["dimensions"][dimension_id] = row["text"].value
        _proficiency(row, level, dimension_id, sheet, error, same)
    _complete(sheet, rows, cell_of, error)
    return sheet


def _level(row: dict[str, Cell], level_id: str, track_id: str, has_family: bool, error) -> dict:
    level = {"id": level_id, "name": row["level_name"].value, "code": row["level_code"].value, "track": track_id}
    family = row.get("family")
    if has_family and not family.value:
        error(family, f"the level '{level_id}' names no family while other levels do",
              "name its job family, or leave the family column empty on every row")
    elif family and family.value:
        level["family"] = slug(family.value)
    rank = row.get("level_rank")
    if rank and _is_rank(rank.value):
        level["rank"] = int(rank.value)
    level["dimensions"] = {}
    return level


def _is_rank(text: str) -> bool:
    return text.isdigit() and 1 <= int(text) <= 99


def _proficiency(row, level: dict, dimension_id: str, sheet: Sheet, error, same) -> None:
    step = row.get("proficiency")
    if not step or not step.value:
        return
    step_id = slug(step.value)
    label = row.get("proficiency_label") or Cell("", step.row, step.column)
    name = row.get("proficiency_name") or Cell("", step.row, step.column)
    rank = row.get("proficiency_rank") or Cell("", step.row, step.column)
    if rank.value and not rank.value.isdigit():
        error(rank, f"the proficiency_rank '{rank.value}' is not a whole number", "write 1 for the lowest step")
        return
    for column, cell in (("proficiency_label", label), ("proficiency_name", name), ("proficiency_rank", rank)):
        same("proficiency step", step_id, column, cell)
    order = int(rank.value) if rank.value else len(sheet.proficiency) + 1
    sheet.proficiency.setdefault(step_id, (order, label.value or step.value[:16], name.value or step.value))
    level.setdefault("proficiency", {})[dimension_id] = step_id


def _complete(sheet: Sheet, rows, cell_of: dict, error) -> None:
    """Every level describes every dimension of its family (of the ladder, without families)."""
    family_dimensions: dict[str | None, list[str]] = {}
    for level in sheet.levels.values():
        known = family_dimensions.setdefault(level.get("family"), [])
        known += [d for d in level["dimensions"] if d not in known]
    for level in sheet.levels.values():
        first_row = next(row for row in rows if slug(row["level"].value) == level["id"])
        for dimension in family_dimensions[level.get("family")]:
            if dimension not in level["dimensions"]:
                error(first_row["dimension"], f"the level '{level['id']}' has no row for the dimension "
                                              f"'{dimension}'", f"add a row for {level['id']} and {dimension}")
        if level.get("proficiency") and len(level["proficiency"]) != len(level["dimensions"]):
            error(first_row["proficiency"], f"the level '{level['id']}' gives a proficiency to some dimensions "
                                            "only", "fill the proficiency column on all its rows, or on none")
