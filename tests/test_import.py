"""`make import FILE=... NAME=...`: a company's ladder from its spreadsheet, built as a company's site."""
from __future__ import annotations

import csv
import json
import sys

import pytest
import yaml

from support import ROOT, fresh_copy, run

sys.path.insert(0, str(ROOT / "scripts"))
import import_ladder  # noqa: E402  (scripts/ is not a package)
from ladder_sheet import MAX_ROWS  # noqa: E402

from handbook.data.loader import load_handbook  # noqa: E402
from handbook.site.open_data import _csv, ladder_rows  # noqa: E402

SHEET = ROOT / "examples" / "spreadsheet" / "ladder.csv"
CELL_COLUMNS = ("level", "level_code", "level_name", "track", "track_name", "dimension", "dimension_name", "text",
                "family", "level_rank")


def sheet_rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def cells(rows) -> list[tuple]:
    return [tuple(row[column] for column in CELL_COLUMNS) for row in rows]


def import_into(folder, sheet, name="sheetco"):
    table = import_ladder.read_table(sheet)
    parsed, errors = import_ladder.parse(table, sheet.name)
    assert not errors, [str(error) for error in errors]
    return import_ladder.write_company(parsed, folder / name, sheet.name)


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return fresh_copy(tmp_path_factory.mktemp("import"))


def test_a_twelve_level_sheet_with_repeated_titles_imports_and_builds_strict(copy):
    imported = run(f"make import FILE={SHEET.relative_to(ROOT)} NAME=sheetco", copy)
    assert imported.returncode == 0, imported.stderr
    assert "12 levels" in imported.stdout and "8 dimensions" in imported.stdout
    built = run("make build CONFIG=sheetco/mkdocs.yml", copy)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    written = sheet_rows(copy / "site" / "api" / "ladder.csv")
    given = [{key.lower(): value for key, value in row.items()} for row in sheet_rows(SHEET)]
    assert {(r["level"], r["dimension"], r["text"]) for r in written} == {
        (r["level"], r["dimension"], r["text"]) for r in given}
    levels = [r for r in json.loads((copy / "site" / "api" / "handbook.json").read_text())["entries"]
              if r["kind"] == "level"]
    assert [r["code"] for r in levels] == list(dict.fromkeys(r["level_code"] for r in given))
    same_title = [r for r in levels if r["title"] == "Software Engineer"]
    assert len(same_title) == 4  # told apart by their codes, each with a page of its own
    for record in same_title:
        page = (copy / "site" / record["path"].split("#")[0] / "index.html").read_text(encoding="utf-8")
        assert f"({record['code']})" in page
        assert "What you are evaluated on" not in page  # the sheet has no such text: no empty section
    step = (copy / "site" / "transitions" / "e1-to-e2" / "index.html").read_text(encoding="utf-8")
    assert "Signals you have made it" in step and "What holds people back" not in step


def test_the_base_ladder_csv_round_trips(copy, tmp_path):
    exported = tmp_path / "ladder.csv"
    exported.write_text("\ufeff" + _csv(ladder_rows(load_handbook(ROOT / "data"))), encoding="utf-8", newline="")
    imported = run(f"make import FILE={exported} NAME=roundtrip", copy)
    assert imported.returncode == 0, imported.stderr
    built = run("make build CONFIG=roundtrip/mkdocs.yml", copy)
    assert built.returncode == 0, built.stderr
    assert cells(sheet_rows(copy / "site" / "api" / "ladder.csv")) == cells(sheet_rows(exported))


def test_a_sheet_with_five_kinds_of_mistakes_gets_every_message_in_one_run(copy, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("LEVEL,Level_Code,level_name,track,dimension,dimension_name,text,level_rank\n"
                   "e1,E1,Engineer,ic,delivery,Delivery,Small changes,1\n"
                   "e1,E1,Engineer,ic,design,Design,,1\n"              # an empty cell
                   "e1,E1,Engineer,ic,delivery,Delivery,Again,1\n"     # a second text for one cell
                   "e2,E2,Engineer,,delivery,Delivery,Tasks,2\n"        # a level without a track
                   "e2,E2,Engineer,,design,Design,Patterns,two\n",      # a rank that is no number
                   encoding="utf-8")
    result = run(f"make import FILE={bad} NAME=badco", copy)
    assert result.returncode != 0
    messages = [line.strip() for line in result.stderr.splitlines() if ": " in line and "Fix: " in line]
    expected = [f"{bad}:1:9: the column 'track_name' is missing",
                f"{bad}:3:7: the cell text is empty",
                f"{bad}:4:7: a second text for the level 'e1' and the dimension 'delivery' (the first is on row 2)",
                f"{bad}:5:4: the level 'e2' has no track",
                f"{bad}:6:8: the level_rank 'two' is not a step of the level scale"]
    for start in expected:
        assert any(message.startswith(start) for message in messages), (start, result.stderr)
    assert "Traceback" not in result.stderr and not (copy / "badco").exists()


def test_a_cell_with_control_characters_is_shown_escaped_in_its_message(copy, tmp_path):
    """A cell's escape sequence would clear the terminal or fake a line; the message shows it as an escape."""
    rows = import_ladder.read_table(SHEET)
    rank = [name.lower() for name in rows[0]].index("level_rank")
    rows[1][rank] = "tw\x1b[2Jo\x00"
    bad = tmp_path / "escaped.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = run(f"make import FILE={bad} NAME=escaped", copy)
    assert result.returncode != 0 and "\x1b" not in result.stderr and "\x00" not in result.stderr
    assert "the level_rank 'tw\\x1b[2Jo\\x00' is not a step of the level scale" in result.stderr, result.stderr


def test_a_changed_sheet_keeps_what_was_written_by_hand(tmp_path):
    import_into(tmp_path, SHEET)
    ladder_file = tmp_path / "sheetco" / "data" / "ladder.yml"
    steps_file = tmp_path / "sheetco" / "data" / "transitions.yml"
    ladder, steps = yaml.safe_load(ladder_file.read_text()), yaml.safe_load(steps_file.read_text())
    ladder["levels"][1]["summary"] = "Our own words about E2."
    ladder["dimensions"][0]["question"] = "Does what you take on reach people?"
    first = steps["transitions"][0]
    first["what_changes"] = "Written by hand."
    first["held_back"] = [{"id": "waits", "text": "Waiting to be told."}]
    ladder_file.write_text(yaml.safe_dump(ladder, sort_keys=False))
    steps_file.write_text(yaml.safe_dump(steps, sort_keys=False))

    changed = tmp_path / "changed.csv"
    rows = sheet_rows(SHEET)
    for row in rows:
        if row["Level"] == "e3" and row["Dimension"] == "delivery":
            row["Text"] = "Features, released behind a flag"
    with changed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(row for row in rows if row["Level"] != "e6")
    report = import_into(tmp_path, changed)

    ladder, steps = yaml.safe_load(ladder_file.read_text()), yaml.safe_load(steps_file.read_text())
    levels = {level["id"]: level for level in ladder["levels"]}
    assert levels["e2"]["summary"] == "Our own words about E2."
    assert ladder["dimensions"][0]["question"] == "Does what you take on reach people?"
    assert levels["e3"]["dimensions"]["delivery"] == "Features, released behind a flag" and "e6" not in levels
    by_id = {step["id"]: step for step in steps["transitions"]}
    assert by_id["e1-to-e2"]["what_changes"] == "Written by hand."
    assert by_id["e1-to-e2"]["held_back"] == [{"id": "waits", "text": "Waiting to be told."}]
    signals = {signal["id"]: signal["text"] for signal in by_id["e2-to-e3"]["signals"]}
    assert signals["delivery"] == "Features, released behind a flag"
    assert "e5-to-e6" not in by_id
    assert "11 levels; changed: e3; removed: e6" in report.lines
    assert "transition e1-to-e2: what_changes" in report.kept


def test_a_workbook_imports_as_its_csv_does(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    for row in import_ladder.read_table(SHEET):
        workbook.active.append([float(value) if value.isdigit() else value for value in row])
    workbook.save(tmp_path / "ladder.xlsx")
    import_into(tmp_path / "from-csv", SHEET)
    import_into(tmp_path / "from-xlsx", tmp_path / "ladder.xlsx")
    for name in ("ladder.yml", "transitions.yml", "staff.yml"):
        from_csv = (tmp_path / "from-csv" / "sheetco" / "data" / name).read_text().split("\n", 1)[1]
        from_xlsx = (tmp_path / "from-xlsx" / "sheetco" / "data" / name).read_text().split("\n", 1)[1]
        assert from_csv == from_xlsx


@pytest.mark.parametrize("arguments", ["FILE=ladder.csv 'NAME=x; touch hacked'", "FILE=nothing.csv NAME=co",
                                       "'FILE=$(touch hacked).csv' NAME=co"])
def test_make_import_refuses_a_bad_name_or_file_and_runs_nothing(copy, arguments):
    result = run(f"make import {arguments}", copy)
    assert result.returncode != 0 and "Fix:" in result.stderr and "Traceback" not in result.stderr
    assert not (copy / "hacked").exists() and not (copy / "co").exists()


def test_a_file_that_is_no_workbook_or_too_long_is_named_and_nothing_is_written(copy, tmp_path):
    """A .xlsx that is not a zip ended in a traceback; a sheet of millions of rows was read whole first."""
    fake = tmp_path / "ladder.xlsx"
    fake.write_text("level,text\n", encoding="utf-8")
    long = tmp_path / "long.csv"
    rows = import_ladder.read_table(SHEET)
    with long.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows + rows[1:2] * MAX_ROWS)
    for sheet, said in ((fake, "it is not an Excel workbook"), (long, f"it has more than {MAX_ROWS:,} rows")):
        result = run(f"make import FILE={sheet} NAME=toolong", copy)
        assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
        assert f"{sheet}:1:1: the sheet cannot be read ({said}" in result.stderr and "Fix:" in result.stderr
        assert not (copy / "toolong").exists()


def test_a_company_ladder_that_is_not_yaml_is_named_and_left_as_it_was(copy):
    assert run(f"make import FILE={SHEET} NAME=broken", copy).returncode == 0
    ladder = copy / "broken" / "data" / "ladder.yml"
    ladder.write_text("levels: [\n - bad: : :\n", encoding="utf-8")
    result = run(f"make import FILE={SHEET} NAME=broken", copy)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert "broken/data/ladder.yml:" in result.stderr and "nothing was written. Fix:" in result.stderr
    assert ladder.read_text(encoding="utf-8") == "levels: [\n - bad: : :\n"


def test_make_check_notes_a_track_that_starts_beside_the_first_tracks_first_level(copy, tmp_path):
    unranked = tmp_path / "unranked.csv"
    rows = [row[:-1] for row in import_ladder.read_table(SHEET)]  # the sheet without its level_rank column
    with unranked.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert run(f"make import FILE={unranked} NAME=unranked", copy).returncode == 0
    checked = run("make check CONFIG=unranked/mkdocs.yml", copy)
    assert checked.returncode == 0, checked.stderr
    assert "note: unranked/data/ladder.yml:" in checked.stdout
    assert "the track 'management' starts beside 'e1' (E1)" in checked.stdout and "'rank:'" in checked.stdout
    ranked = run(f"make import FILE={SHEET.relative_to(ROOT)} NAME=unranked", copy)
    assert ranked.returncode == 0
    assert "note:" not in run("make check CONFIG=unranked/mkdocs.yml", copy).stdout


def test_families_ranks_and_proficiency_round_trip_and_a_trunk_leads_to_its_branches(tmp_path):
    northwind = load_handbook(ROOT / "data", ROOT / "examples" / "northwind" / "data")
    exported = tmp_path / "northwind.csv"
    exported.write_text("\ufeff" + _csv(ladder_rows(northwind)), encoding="utf-8", newline="")
    import_into(tmp_path, exported, name="nw")
    back = load_handbook(ROOT / "data", tmp_path / "nw" / "data")
    columns = CELL_COLUMNS + ("proficiency", "proficiency_label", "proficiency_rank")
    assert sorted(tuple(r[c] for c in columns) for r in ladder_rows(back)) == sorted(
        tuple(r[c] for c in columns) for r in ladder_rows(northwind))
    steps = {(t.from_level, t.to_level) for t in back.handbook.transitions.transitions}
    assert {("sw-3", "sw-4"), ("sw-3", "em-4"), ("sw-4", "sw-5")} <= steps
