"""The open data: api/handbook.json against its published schema, every id and address; api/ladder.csv."""
import csv
import io
import json

import jsonschema
import msgspec

from macros.loader import load_handbook
from macros.open_data import OpenData, files
from macros.schema_export import SCHEMA_DIR
from site_html import html_pages, resolve


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


def test_host_page_offers_the_files_as_downloads(built_site):
    text = (built_site[0] / "host-your-handbook" / "index.html").read_text(encoding="utf-8")
    for name in ("handbook.json", "handbook.schema.json", "ladder.csv"):
        assert f'<a download href="../api/{name}">' in text
        assert (built_site[0] / "api" / name).is_file()


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
