"""The open data: api/handbook.json against its published schema, every id and address; api/ladder.csv."""
import csv
import io
import json

import jsonschema
import msgspec
import pytest

from support import ROOT
from macros.loader import load_handbook
from macros.open_data import OpenData, files
from macros.schema_export import SCHEMA_DIR
from site_html import html_pages, resolve

# The columns api/ladder.csv has always started with: spreadsheets and scripts read them by position.
FIRST_COLUMNS = ["level", "level_code", "level_name", "track", "track_name", "dimension", "dimension_name", "text",
                 "url"]
SCALE_COLUMNS = ["family", "level_rank", "proficiency", "proficiency_label", "proficiency_name", "proficiency_rank"]


@pytest.fixture(scope="module")
def northwind():
    """examples/northwind: job families, a trunk that branches into IC and manager paths, a proficiency scale."""
    loaded = load_handbook(ROOT / "data", ROOT / "examples" / "northwind" / "data")
    return loaded, files(loaded, True, "https://handbook.example/")


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def read_json(built_site, name):
    return json.loads((built_site[0] / "api" / name).read_text(encoding="utf-8"))


def test_handbook_json_is_valid_against_the_schema_served_beside_it_and_published(built_site):
    served = read_json(built_site, "handbook.schema.json")
    assert served == json.loads((SCHEMA_DIR / "api-handbook.schema.json").read_text(encoding="utf-8"))
    document = read_json(built_site, "handbook.json")
    jsonschema.Draft202012Validator.check_schema(served)
    jsonschema.Draft202012Validator(served).validate(document)
    document["entries"][0].pop("kind")
    assert list(jsonschema.Draft202012Validator(served).iter_errors(document)), "the schema requires each kind"


def test_handbook_json_holds_every_id_and_cell_with_the_edition(built_site, loaded):
    document = read_json(built_site, "handbook.json")
    ids = [entry["id"] for entry in document["entries"] if entry["kind"] != "cell"]
    assert sorted(ids) == sorted(entry.key for entry in loaded.index.values()) and len(set(ids)) == len(ids)
    cells = {(e["level"], e["dimension"]): e["text"] for e in document["entries"] if e["kind"] == "cell"}
    assert cells == {(level.id, d): text for level in loaded.levels for d, text in level.dimensions.items()}
    edition = loaded.handbook.site.edition
    assert document["edition"] == {"version": edition.version, "date": edition.date.isoformat()}
    kinds = {entry["kind"] for entry in document["entries"]}
    assert {"level", "dimension", "cell", "transition", "signal", "checklist_item", "anti_pattern", "mistake",
            "story", "resource"} <= kinds
    first_signal = loaded.handbook.transitions.transitions[0].signals[0]
    signal = next(e for e in document["entries"] if e["kind"] == "signal")
    assert signal["text"] == first_signal.text and signal["owner"] == loaded.handbook.transitions.transitions[0].id


def test_every_address_in_handbook_json_leads_to_its_anchor(built_site):
    site = built_site[0]
    pages = html_pages(site)
    document = read_json(built_site, "handbook.json")
    assert all(entry["url"].startswith(document["site_url"]) for entry in document["entries"])
    for entry in document["entries"]:
        path, anchor = resolve("index.html", entry["path"])
        assert path in pages and anchor in pages[path].ids, (entry["id"], entry["path"])


def test_ladder_csv_has_a_quoted_row_per_level_and_dimension(built_site, loaded):
    raw = (built_site[0] / "api" / "ladder.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte order mark, so that Excel reads UTF-8"
    text = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    dimensions = loaded.handbook.ladder.dimensions
    assert len(rows) == len(loaded.levels) * len(dimensions)
    assert [(row["level"], row["dimension"]) for row in rows] == \
        [(level.id, d.id) for level in loaded.levels for d in dimensions]
    assert all(row["text"] == loaded.entry(row["level"]).obj.dimensions[row["dimension"]] for row in rows)
    assert all(row["track"] == loaded.entry(row["level"]).obj.track for row in rows)
    every_field_quoted = io.StringIO()
    writer = csv.DictWriter(every_field_quoted, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(rows)
    assert text == every_field_quoted.getvalue() and text.startswith('"level",')


def test_ladder_csv_keeps_its_first_columns_and_leaves_the_scale_empty_without_one(built_site, loaded):
    rows = csv_rows((built_site[0] / "api" / "ladder.csv").read_text(encoding="utf-8"))
    assert list(rows[0]) == FIRST_COLUMNS + SCALE_COLUMNS
    assert not loaded.handbook.ladder.families and not loaded.handbook.ladder.proficiency
    empty = SCALE_COLUMNS[:1] + SCALE_COLUMNS[2:]
    assert all(row[name] == "" for row in rows for name in empty)
    assert [row["level_rank"] for row in rows] == \
        [str(loaded.rank(level)) for level in loaded.levels for _ in loaded.dimensions_of(level)]


def test_northwind_csv_gives_each_cell_its_proficiency_and_each_level_its_family_and_rank(northwind):
    loaded, written = northwind
    rows = csv_rows(written["api/ladder.csv"])
    assert list(rows[0]) == FIRST_COLUMNS + SCALE_COLUMNS
    senior_design = next(row for row in rows if row["level_code"] == "S4" and row["dimension"] == "design")
    assert [senior_design[name] for name in SCALE_COLUMNS] == \
        ["software", "4", "practitioner", "P", "Practitioner", "4"]
    by_code = {row["level_code"]: row for row in rows}
    assert by_code["S4"]["level_rank"] == by_code["M4"]["level_rank"] == by_code["D4"]["level_rank"] == "4"
    assert int(by_code["S3"]["level_rank"]) < int(by_code["S4"]["level_rank"])
    scale = loaded.handbook.ladder.proficiency
    for row in rows:
        level = loaded.entry("level:" + row["level"]).obj
        step = scale[int(row["proficiency_rank"]) - 1]
        assert (row["proficiency"], row["proficiency_label"], row["proficiency_name"]) == \
            (level.proficiency[row["dimension"]], step.label, step.name) == (step.id, step.label, step.name)
        assert row["family"] == level.family
    at_least_practitioner = {row["level_code"] for row in rows if row["dimension"] == "delivery"
                             and int(row["proficiency_rank"]) >= 4}
    assert {"S4", "S5", "M4"} <= at_least_practitioner and not {"S1", "S2"} & at_least_practitioner


def test_northwind_json_gives_levels_rank_and_family_cells_their_step_and_lists_the_scale(northwind):
    loaded, written = northwind
    schema = json.loads((SCHEMA_DIR / "api-handbook.schema.json").read_text(encoding="utf-8"))
    document = json.loads(written["api/handbook.json"])
    jsonschema.Draft202012Validator(schema).validate(document)
    levels = {e["code"]: e for e in document["entries"] if e["kind"] == "level"}
    assert levels["S4"]["rank"] == levels["M4"]["rank"] == 4 and levels["S3"]["rank"] == 3
    assert (levels["S4"]["family"], levels["D4"]["family"]) == ("software", "data")
    cells = {e["id"]: e for e in document["entries"] if e["kind"] == "cell"}
    assert cells["sw-4--design"]["proficiency"] == "practitioner"
    assert all(cell["proficiency"] == loaded.entry("level:" + cell["level"]).obj.proficiency[cell["dimension"]]
               for cell in cells.values())
    steps = [e for e in document["entries"] if e["kind"] == "proficiency"]
    assert [(s["id"], s["fields"]["label"], s["title"], s["rank"]) for s in steps] == \
        [(step.id, step.label, step.name, place) for place, step in enumerate(loaded.handbook.ladder.proficiency, 1)]


def test_handbook_json_without_a_scale_has_ranks_but_no_cell_steps(built_site, loaded):
    document = read_json(built_site, "handbook.json")
    assert [e["rank"] for e in document["entries"] if e["kind"] == "level"] == [loaded.rank(lv) for lv in loaded.levels]
    assert not any("proficiency" in e for e in document["entries"] if e["kind"] == "cell")


def test_host_page_offers_the_files_as_downloads(built_site):
    text = (built_site[0] / "host-your-handbook" / "index.html").read_text(encoding="utf-8")
    for name in ("handbook.json", "handbook.schema.json", "ladder.csv"):
        assert f'<a download href="../api/{name}">' in text
        assert (built_site[0] / "api" / name).is_file()


def test_host_page_explains_every_column_of_the_csv(built_site):
    text = (built_site[0] / "host-your-handbook" / "index.html").read_text(encoding="utf-8")
    columns = list(csv_rows((built_site[0] / "api" / "ladder.csv").read_text(encoding="utf-8"))[0])
    assert [name for name in columns if f"<code>{name}</code>" not in text] == []


def test_handbook_json_reads_back_into_its_model_and_writes_the_same(built_site):
    raw = (built_site[0] / "api" / "handbook.json").read_bytes()
    document = msgspec.json.decode(raw, type=OpenData)
    assert msgspec.json.decode(msgspec.json.encode(document)) == json.loads(raw)
    assert len({(entry.kind, entry.id) for entry in document.entries}) == len(document.entries)


def test_a_cell_a_spreadsheet_would_run_as_a_formula_reads_as_text(data_copy, loaded):
    level, dimension = loaded.levels[0], loaded.handbook.ladder.dimensions[0]
    ladder = data_copy / "ladder.yml"
    text = ladder.read_text(encoding="utf-8")
    cell = f"      {dimension.id}: {level.dimensions[dimension.id]}\n"
    assert cell in text
    ladder.write_text(text.replace(cell, f"      {dimension.id}: '=HYPERLINK(\"http://example.org\")'\n", 1),
                      encoding="utf-8")
    written = files(load_handbook(data_copy), True, "")["api/ladder.csv"]
    row = next(csv.DictReader(io.StringIO(written.removeprefix("\ufeff"), newline="")))
    assert row["text"] == "'=HYPERLINK(\"http://example.org\")"
