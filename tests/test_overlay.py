"""Company overlays: each operation by id, merged validation that names the layer, and the example company."""
import csv
import json
import re
import textwrap

import pytest

from support import ROOT, mkdocs_build
from handbook.errors import HandbookError
from handbook.data.loader import load_handbook
from site_html import output_path

EXAMPLE = ROOT / "examples" / "acme"


def overlay(tmp_path, **files):
    folder = tmp_path / "company"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def merged(tmp_path, **files):
    return load_handbook(ROOT / "data", overlay(tmp_path, **files))


def test_changing_one_field_keeps_the_others(tmp_path, loaded):
    story = loaded.handbook.stories.stories[0]
    result = merged(tmp_path, stories=f"""
        stories:
          - id: {story.id}
            headline: Our own one-line summary.
        """)
    changed = result.entry(story.id).obj
    assert changed.headline == "Our own one-line summary."
    assert changed.lesson == story.lesson and changed.levels == story.levels


def test_adding_an_entity_appends_it_and_links_it(tmp_path, loaded):
    level = loaded.levels[2]
    result = merged(tmp_path, resources=f"""
        resources:
          - id: company-wiki
            title: The company wiki
            kind: internal guide
            why: Where our own practices are written down.
            topics: [company]
            levels: [{level.id}]
        """)
    assert result.handbook.resources.resources[-1].id == "company-wiki"
    assert result.entry("company-wiki") in result.entry(level.id).backlinks
    assert len(result.handbook.resources.resources) == len(loaded.handbook.resources.resources) + 1


def test_removing_an_entity_drops_it_and_its_related_links(tmp_path, loaded):
    removed = loaded.handbook.traps.anti_patterns[0]
    referrers = [e for e in loaded.entry(removed.id).backlinks if removed.id in getattr(e.obj, "related", [])]
    assert referrers, "some base entity relates to the first anti-pattern"
    result = merged(tmp_path, traps=f"""
        anti_patterns:
          - id: {removed.id}
            remove: true
        """)
    assert removed.id not in result.index
    assert all(removed.id not in [link.key for link in result.entry(r.key).links] for r in referrers)


def test_removing_a_base_dimension_takes_its_words_and_its_plan_links_with_it(tmp_path, loaded):
    """The base levels describe every dimension and the base's practices name some: a company that takes one
    out gets no error about the base's files, and the dimension is gone from the ladder and the plan."""
    gone = loaded.handbook.ladder.dimensions[1].id
    result = merged(tmp_path, ladder=f"""
        dimensions:
          - id: {gone}
            remove: true
        """)
    assert gone not in [d.id for d in result.handbook.ladder.dimensions]
    assert all(gone not in step.dimensions for t in result.handbook.transitions.transitions for step in result.next_steps(t))


def test_removing_an_id_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(HandbookError) as caught:
        merged(tmp_path, traps="""
            anti_patterns:
              - id: no-such-pattern
                remove: true
            """)
    assert "company/traps.yml:3: [company]" in str(caught.value) and "no 'no-such-pattern' to remove" in str(caught.value)


@pytest.mark.parametrize("written, shown", [('"yes"', "'yes'"), ("1", "1"), ("", "None")])
def test_remove_with_anything_but_true_is_named_not_ignored(tmp_path, loaded, written, shown):
    """`remove: "yes"` used to keep the entity without a word."""
    story = loaded.handbook.stories.stories[0]
    with pytest.raises(HandbookError) as caught:
        merged(tmp_path, stories=f"""
            stories:
              - id: {story.id}
                remove: {written}
            """)
    assert (f"company/stories.yml:4: [company] stories[0].remove: 'remove' takes true, not {shown}. "
            "Fix: write 'remove: true'") in str(caught.value)


def test_a_misspelt_list_to_replace_is_named_with_the_fix(tmp_path, loaded):
    with pytest.raises(HandbookError) as caught:
        merged(tmp_path, stories="""
            replace: [storys]
            stories: []
            """)
    assert ("company/stories.yml:2: [company] replace[0]: 'replace' names 'storys', which neither the base nor this "
            "file has here. Fix: did you mean 'stories'?") in str(caught.value)


def test_removed_level_still_referenced_names_base_file_line_and_company_removal(tmp_path, loaded):
    level = loaded.levels[-1]
    with pytest.raises(HandbookError) as caught:
        merged(tmp_path, ladder=f"""
            levels:
              - id: {level.id}
                remove: true
            """)
    message = str(caught.value)
    transition = loaded.transitions_to(level)[0]
    base_line = next(n for n, line in enumerate((ROOT / "data/transitions.yml").read_text().splitlines(), 1)
                     if line.strip() == f"to: {level.id}")
    assert f"data/transitions.yml:{base_line}: [base]" in message
    assert f"'{level.id}' was removed by the company layer" in message and "company/ladder.yml:3" in message
    assert transition.id  # the transition that still points at the level


def test_error_in_the_company_layer_names_the_company_file(tmp_path, loaded):
    story = loaded.handbook.stories.stories[1]
    with pytest.raises(HandbookError) as caught:
        merged(tmp_path, stories=f"""
            stories:
              - id: {story.id}
                leson: typo here
            """)
    assert "company/stories.yml:4: [company] stories[1].leson: unknown key 'leson'" in str(caught.value)


def test_replacing_the_ladder_uses_company_levels_and_dimensions(tmp_path, loaded):
    covered = [level.id for level in loaded.levels]
    levels = "\n".join(f"""
              - id: c{n}
                name: Level {n}
                code: C{n}
                track: ic
                covers: [{base}]
                summary: Summary {n}.
                evaluated_on: Evaluation {n}.
                dimensions: {{reach: Reach {n}.}}""" for n, base in enumerate(covered, 1))
    transitions = "\n".join(f"""
              - id: c{n}-to-c{n + 1}
                from: c{n}
                to: c{n + 1}
                title: C{n} to C{n + 1}
                what_changes: Change {n}.
                signals: [{{id: s, text: Signal {n}.}}]
                held_back: [{{id: h, text: Held {n}.}}]""" for n in range(1, len(covered)))
    result = merged(tmp_path, ladder=f"""
            replace: [dimensions, levels]
            dimensions:
              - id: reach
                name: Reach
                question: How far does it go?
            levels:{levels}
            """, transitions=f"""
            replace: [transitions]
            transitions:{transitions}
            """)
    assert [level.code for level in result.levels] == [f"C{n}" for n in range(1, len(covered) + 1)]
    assert [d.id for d in result.handbook.ladder.dimensions] == ["reach"]
    anti_pattern = loaded.handbook.traps.anti_patterns[0]
    base_level = anti_pattern.levels[0]
    covering = f"c{covered.index(base_level) + 1}"
    assert result.entry(anti_pattern.id) in result.entry(covering).backlinks


def test_example_company_data_is_valid():
    result = load_handbook(ROOT / "data", EXAMPLE / "data")
    tracks = {level.track for level in result.levels}
    assert len([level for level in result.levels if level.track == "ic"]) >= 7
    assert "management" in tracks


@pytest.fixture
def example_site(acme_site):
    """examples/acme's site, built once for the whole run (conftest.py)."""
    return acme_site[0]


def test_example_site_shows_company_levels_and_not_what_it_removed(example_site, loaded):
    company = load_handbook(ROOT / "data", EXAMPLE / "data")
    for level in company.levels:
        page = example_site / output_path(company.entry(level.id).page)
        assert page.exists() and level.name in page.read_text(encoding="utf-8")
    removed_levels = {level.id for level in loaded.levels} - {level.id for level in company.levels}
    removed_patterns = {p.id for p in loaded.handbook.traps.anti_patterns} - {p.id for p in company.handbook.traps.anti_patterns}
    assert removed_levels and removed_patterns
    every_page = " ".join(p.read_text(encoding="utf-8") for p in example_site.rglob("*.html"))
    for level_id in removed_levels:  # the old address only forwards to the level that covers it
        old_page = (example_site / "levels" / level_id / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in old_page and level_id not in old_page
        assert f"/levels/{level_id}/ /levels/" in (example_site / "_redirects").read_text(encoding="utf-8")
    for pattern_id in removed_patterns:
        assert f'id="{pattern_id}"' not in every_page and f"#{pattern_id}\"" not in every_page


def test_example_site_carries_the_company_name_and_pages(example_site):
    company = load_handbook(ROOT / "data", EXAMPLE / "data")
    for page in example_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if page.name != "404.html" and 'http-equiv="refresh"' not in text:  # not a redirect page
            assert company.handbook.site.title in text, page
    own_pages = [p.relative_to(EXAMPLE / "docs").with_suffix("") for p in (EXAMPLE / "docs").rglob("*.md")]
    for own in own_pages:
        assert (example_site / own / "index.html").exists()


def test_base_site_is_unchanged_by_the_example(built_site, loaded):
    site, _ = built_site
    for level in loaded.levels:
        assert (site / output_path(loaded.entry(level.id).page)).exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert loaded.handbook.site.title in home
    company = load_handbook(ROOT / "data", EXAMPLE / "data")
    assert company.handbook.site.title not in home


def test_example_site_open_data_holds_the_company_levels_and_edition(example_site, loaded):
    company = load_handbook(ROOT / "data", EXAMPLE / "data")
    data = json.loads((example_site / "api/handbook.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["entries"] if e["kind"] == "level"] == [level.id for level in company.levels]
    assert data["edition"]["version"] == company.handbook.site.edition.version != loaded.handbook.site.edition.version
    with open(example_site / "api/ladder.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == len(company.levels) * len(company.handbook.ladder.dimensions)
    assert {row["level"] for row in rows} == {level.id for level in company.levels}
    assert {row["dimension"] for row in rows} == {d.id for d in company.handbook.ladder.dimensions}


def replaced_ladder(tmp_path, loaded, covers: bool) -> str:
    """A company ladder of its own levels (covering the base's, or not) and no transitions of its own."""
    levels = "".join(f"""
              - id: co-{n}
                name: Level {n}
                code: C{n}
                track: ic
                summary: Level {n}.
                evaluated_on: Level {n}.
                covers: [{level.id if covers else ''}]
                dimensions: {{{', '.join(f'{d.id}: Text {n}.' for d in loaded.handbook.ladder.dimensions)}}}
""" for n, level in enumerate(loaded.levels, 1))
    with pytest.raises(HandbookError) as caught:
        merged(tmp_path, ladder="replace: [levels]\nlevels:" + textwrap.indent(textwrap.dedent(levels), "  "))
    return str(caught.value)


def test_base_transitions_between_replaced_levels_are_refused_with_the_fix(tmp_path, loaded):
    """Check used to pass and the build stop in a template (KeyError 'level:mid')."""
    message = replaced_ladder(tmp_path, loaded, covers=True)
    first = loaded.handbook.transitions.transitions[0]
    assert f"transition '{first.id}' leads from '{first.from_level}' to '{first.to_level}'" in message
    assert "company/transitions.yml, starting with 'replace: [transitions]'" in message
    assert message.count("\n") == len(loaded.handbook.transitions.transitions)  # one line each, and the heading


def test_references_to_taken_out_levels_come_grouped_per_level(tmp_path, loaded):
    message = replaced_ladder(tmp_path, loaded, covers=False)
    lines = message.splitlines()[1:]
    assert len(lines) <= 3 * len(loaded.levels)  # was 187 lines for five levels
    for level in loaded.levels:
        assert f"more references to '{level.id}', which this file took out" in message
        assert f"give one of your entities 'covers: [{level.id}]'" in message
    assert "data/transitions.yml" in message and "'replace: [transitions]'" in message  # the ends come first


def company_leaving_out(folder, leave_out: str, page: str = "") -> object:
    """A company folder outside the repository whose mkdocs.yml drops `leave_out` of the base."""
    (folder / "docs" / "co").mkdir(parents=True)
    (folder / "data").mkdir()
    if page:
        (folder / "docs" / "co" / "about.md").write_text(page, encoding="utf-8")
    nav = '    nav: [{Dropco: [co/about.md]}]\n' if page else ""
    (folder / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        INHERIT: {ROOT / "mkdocs.yml"}
        site_name: Dropco Handbook
        plugins:
          handbook:
            overlay_dir: data
            leave_out: {leave_out}
        """) + nav, encoding="utf-8")
    return folder / "mkdocs.yml"


def unresolved_links(site) -> list[tuple[str, str]]:
    """Every link of the built site to a page or file that is not there (the PDF and zip come from make)."""
    from urllib.parse import urljoin, urlsplit
    missing = []
    for page in site.rglob("*.html"):
        here = "http://site/" + page.relative_to(site).as_posix()
        for href in re.findall(r'href="([^"#][^"]*)"', page.read_text(encoding="utf-8")):
            path = urlsplit(urljoin(here, href))
            if path.netloc != "site" or path.path.endswith((".pdf", ".zip")):
                continue
            target = site / path.path.lstrip("/")
            if not (target / "index.html" if path.path.endswith("/") else target).exists():
                missing.append((page.relative_to(site).as_posix(), href))
    return missing


@pytest.mark.slow
def test_a_company_that_leaves_out_staff_and_interviews_builds_strict_without_them(tmp_path, loaded):
    config = company_leaving_out(tmp_path / "dropco", "[staff, interviews, checklists:senior]")
    site = tmp_path / "site"
    result = mkdocs_build(site, config)
    assert result.returncode == 0, result.stderr
    for gone in ("staff", "interviews", "host-your-handbook"):
        assert not (site / gone).exists()
        pages = [loc.split("/", 3)[3] for loc in re.findall("<loc>(.*?)</loc>", (site / "sitemap.xml").read_text())]
        assert f"{gone}/" not in pages
    assert (site / "senior" / "index.html").exists()  # only its checklists were left out
    assert not unresolved_links(site)
    assessment = (site / "self-assessment" / "index.html").read_text(encoding="utf-8")
    for phase in loaded.handbook.interviews.plan:
        assert f'id="assess-{phase.id}"' not in assessment
    for pillar in loaded.handbook.senior.pillars:
        assert f'id="assess-{pillar.id}"' not in assessment
    assert f'id="assess-{loaded.handbook.exercises.exercises[0].id}"' in assessment  # what it keeps stays
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "host-your-handbook" not in home
    assert "make build SINCE" not in (site / "changes" / "index.html").read_text(encoding="utf-8")
    records = json.loads((site / "api" / "handbook.json").read_text(encoding="utf-8"))["entries"]
    assert not [r for r in records if r["kind"] in ("archetype", "interview_question")]


@pytest.mark.slow
def test_a_link_a_company_page_keeps_to_a_dropped_page_stops_the_strict_build(tmp_path):
    config = company_leaving_out(tmp_path / "dropco", "[staff]", page="# About\n\nSee [the Staff+ path](../staff.md).\n")
    result = mkdocs_build(tmp_path / "site", config)
    assert result.returncode != 0 and "staff.md" in result.stderr


@pytest.mark.slow
def test_a_misspelt_part_to_leave_out_names_the_fix(tmp_path):
    config = company_leaving_out(tmp_path / "dropco", "[interview]")
    result = mkdocs_build(tmp_path / "site", config)
    assert result.returncode != 0
    assert "leave_out: 'interview' is not a part of the base" in result.stderr and "did you mean 'interviews'?" in result.stderr


def test_every_missing_key_of_an_entity_is_named_in_one_run(tmp_path, loaded):
    with pytest.raises(HandbookError) as raised:
        merged(tmp_path, ladder="""
            levels:
              - id: newcomer
                dimensions: {}
            """)
    message = str(raised.value)
    for key in ("name", "code", "track"):
        assert f"levels[{len(loaded.levels)}].{key}: the key '{key}' is missing" in message, message
    assert "summary" not in message and "evaluated_on" not in message  # optional: a sheet has neither
