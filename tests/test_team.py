"""The "My team" page in headless Chromium: several downloads at once, an unreadable one named, the grid's
sorting and filtering and the calibration view by keyboard, the CSV and Markdown summaries, a team kept
in the browser with its versions, no request outside the site, axe; on our ladder, on examples/northwind
(job families, a trunk that branches, proficiency) and on the large test ladder."""
import csv
import io
import json
import shutil

import pytest
from markdown_it import MarkdownIt

from bench_team import team_downloads
from handbook.data.loader import load_handbook
from support import ROOT, axe_violations_on, tab_to


NORTHWIND = ROOT / "examples" / "northwind"


def as_files(downloads) -> list[dict]:
    return [{"name": name, "mimeType": "application/json", "buffer": body} for name, body in downloads]


def open_team(watch, site_url: str):
    page = watch.page
    page.goto(site_url + "team/")
    page.wait_for_function("() => window.handbook && window.handbook.team")
    return page


def load(page, files):
    page.locator("[data-team-files]").set_input_files(files)
    page.wait_for_function("() => /\\d/.test(document.querySelector('[data-team-status]').textContent)")


def rows(page) -> list[list[str]]:
    """The grid's rows as a reader sees them: the name, then every cell's text."""
    return page.evaluate("""() => [...document.querySelectorAll('[data-team-rows] tr')].filter(tr => !tr.hidden)
        .map(tr => [...tr.children].filter(cell => !cell.hidden).map(cell => cell.innerText.replace(/\\s+/g, ' ').trim()))""")


def names(page) -> list[str]:
    return [row[0] for row in rows(page)]


def dimension_columns(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('[data-team-column]')].map(th => th.dataset.teamColumn)")


def download(page, action: str, encoding: str = "utf-8") -> str:
    with page.expect_download() as info:
        page.locator(f'[data-team-action="{action}"]').click()
    return info.value.path().read_bytes().decode(encoding)


@pytest.fixture
def northwind_team(northwind_site, company_site):
    """examples/northwind and the large test ladder, built once per run (conftest): name -> (url, loaded data)."""
    def get(name: str):
        if name == "large":
            return company_site("large")
        return northwind_site[1], load_handbook(ROOT / "data", NORTHWIND / "data")
    return get


def check_five_people(watch, url, loaded):
    """Five downloads at once and one broken file: five rows, a cell on every dimension of each person's
    level, the broken file named with its reason; nothing asked of another site, no script error."""
    page = open_team(watch, url)
    downloads = team_downloads(loaded, 5)
    load(page, as_files(downloads) + [{"name": "not-an-assessment.json", "mimeType": "application/json", "buffer": b"{oops"}])
    people = [json.loads(body)["profiles"]["me"] for _, body in downloads]
    assert names(page) == [person["name"] for person in people]
    levels = {level.id: level for level in loaded.levels}
    shown = rows(page)
    for person, row in zip(people, shown):
        level = levels[person["current"]]
        assert row[-2].startswith(level.name + " → ")
        for dimension in loaded.dimensions_of(level):
            column = dimension_columns(page).index(dimension.id)  # the first column of that dimension
            cells = [cell for cell, group in zip(row[1:-2], column_groups(page)) if group in ("", level.family)]
            ids = [d for d, group in zip(dimension_columns(page), column_groups(page)) if group in ("", level.family)]
            cell = cells[ids.index(dimension.id)]
            assert any(word in cell for word in ("at target", "above", "below")), (dimension.id, cell, column)
    problems = page.locator("[data-team-problems] li").all_inner_texts()
    assert len(problems) == 1 and "not-an-assessment.json" in problems[0] and "JSON" in problems[0]
    assert watch.outside == [] and watch.errors == []
    return page, people


def column_groups(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('[data-team-column]')].map(th => th.dataset.teamGroup)")


def test_five_downloads_at_once_show_five_rows_with_every_dimension(watched_page, site_url, loaded):
    check_five_people(watched_page(site_url), site_url, loaded)


def test_the_team_script_loads_only_on_the_team_page_and_after_instant_navigation(watched_page, site_url):
    watch = watched_page(site_url)
    page = watch.page
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url)
    assert page.locator(".hb-tasks a[href$='/team/']").count() == 1  # the home page's manager card
    page.goto(site_url + "managers/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in asked if url.endswith("team.js")]
    page.locator(".md-content a[href$='team/']").first.click()  # Material's instant navigation
    page.wait_for_function("() => window.handbook.team && document.querySelector('[data-team][data-hb-ready]')")
    assert [url for url in asked if url.endswith("team.js")]
    assert watch.errors == []


def test_sorting_filtering_and_calibration_work_by_keyboard(watched_page, site_url, loaded):
    page, people = check_five_people(watched_page(site_url), site_url, loaded)
    by_name = sorted(person["name"] for person in people)
    page.locator("[data-team-files]").focus()
    tab_to(page, page.locator('[data-team-sort="name"]'))  # reached by Tab, with a visible focus
    page.keyboard.press("Enter")  # the second press on the sorted column reverses it
    assert names(page) == by_name[::-1]
    page.locator('[data-team-sort="level"]').focus()
    page.keyboard.press("Enter")
    steps = {level.id: position for position, level in enumerate(loaded.levels)}
    by_level = [p["name"] for p in sorted(people, key=lambda p: -steps[p["current"]])]
    assert names(page) == by_level
    assert page.locator('th:has([data-team-sort="level"])').get_attribute("aria-sort") == "descending"
    page.locator('[data-team-sort="readiness"]').focus()
    page.keyboard.press(" ")
    assert page.locator('th:has([data-team-sort="readiness"])').get_attribute("aria-sort") == "descending"

    level = people[2]["current"]
    name = next(lv.name for lv in loaded.levels if lv.id == level)
    levels = page.locator('[data-team-filter="level"]')
    levels.focus()
    while levels.input_value() != level:
        page.keyboard.press("ArrowDown")
    assert names(page) == [people[2]["name"]]

    calibrate = page.locator("[data-team-calibrate]")
    calibrate.focus()
    page.keyboard.press("Home")
    while calibrate.input_value() != level:
        page.keyboard.press("ArrowDown")
    table = page.locator("[data-team-calibration]")
    assert name in table.locator("caption").inner_text()
    heads = table.locator("thead th").all_inner_texts()
    assert heads[2:] == [people[2]["name"]]
    level_data = next(lv for lv in loaded.levels if lv.id == level)
    body = table.locator("tbody tr")
    assert body.count() == len(loaded.dimensions_of(level_data))
    first = loaded.dimensions_of(level_data)[0]
    assert level_data.dimensions[first.id].split()[0] in body.first.inner_text()


def test_summaries_name_everyone_and_read_back(watched_page, site_url, loaded):
    page, people = check_five_people(watched_page(site_url), site_url, loaded)
    raw = download(page, "csv")
    assert raw.startswith("\ufeff") and "\r\n" in raw
    table = list(csv.reader(io.StringIO(raw.removeprefix("\ufeff"))))
    header, body = table[0], table[1:]
    assert len(header) == 7 and all(len(row) == 7 for row in body)
    assert {row[0] for row in body} == {person["name"] for person in people}
    levels = {level.id: level for level in loaded.levels}
    for person in people:
        mine = [row for row in body if row[0] == person["name"]]
        assert len(mine) == len(loaded.dimensions_of(levels[person["current"]]))
        assert {row[4] for row in mine} == {levels[person["current"]].name}
    assert all(f'"{cell}"' in raw for cell in header)  # every field quoted

    text = download(page, "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open" and token.tag == "h2"]
    assert headings == [person["name"] for person in people]
    assert sum(1 for token in tokens if token.type == "tr_open") == sum(len(
        loaded.dimensions_of(levels[person["current"]])) + 1 for person in people)
    assert not [token for token in tokens if token.type in ("html_block", "html_inline", "link_open")]


def test_a_hostile_name_stays_text_and_a_formula_is_guarded(watched_page, site_url, loaded):
    page = open_team(watched_page(site_url), site_url)
    name, body = team_downloads(loaded, 1)[0]
    document = json.loads(body)
    document["profiles"]["me"]["name"] = "=HYPERLINK(\"x\")\n# <img src=x> | [a](b)"
    load(page, as_files([(name, json.dumps(document).encode())]))
    assert page.locator("[data-team-rows] img").count() == 0
    assert names(page)[0].startswith("=HYPERLINK")
    table = list(csv.reader(io.StringIO(download(page, "csv").removeprefix("\ufeff"))))
    assert all(row[0].startswith("'=HYPERLINK") for row in table[1:])
    tokens = MarkdownIt("commonmark").enable("table").parse(download(page, "markdown"))
    assert [t.type for t in tokens if t.type.startswith("heading_open")] == ["heading_open", "heading_open"]
    assert not [token for token in tokens if token.type in ("html_block", "html_inline", "link_open", "image")]


def test_two_downloads_of_one_person_are_one_row_the_newer_and_a_spaced_formula_is_guarded(watched_page, site_url, loaded):
    """March's and April's files of the same person (the same uid), chosen in either order: one row, April's."""
    page = open_team(watched_page(site_url), site_url)
    name, body = team_downloads(loaded, 1)[0]
    months = []
    for month in ("2026-03-01", "2026-04-01"):
        document = json.loads(body)
        document["version"] = 3
        document["profiles"]["me"].update(uid="a1b2c3d4e5f6a7b8", name=" =1+1 " + month,
                                          checkins=[{"date": month, "placements": {}, "items": {}}])
        months.append((f"{month}.json", json.dumps(document).encode()))
    load(page, as_files(months[::-1]))
    assert names(page) == ["=1+1 2026-04-01"]
    load(page, as_files(months[:1]))
    assert names(page) == ["=1+1 2026-04-01"], "an older file does not replace a newer one"
    table = list(csv.reader(io.StringIO(download(page, "csv").removeprefix("\ufeff"))))
    assert all(row[0].startswith("' =1+1") for row in table[1:]), "a formula after a space is guarded too"


def test_an_older_format_migrates_and_a_newer_one_is_named(watched_page, site_url):
    page = open_team(watched_page(site_url), site_url)
    older = (ROOT / "tests" / "fixtures" / "store-v1.json").read_bytes()
    newer = json.dumps({"version": 99, "profile": "me", "profiles": {"me": {}}}).encode()
    load(page, as_files([("older.json", older), ("newer.json", newer)]))
    assert names(page) == ["older"]
    problems = page.locator("[data-team-problems] li").all_inner_texts()
    assert len(problems) == 1 and "newer.json" in problems[0] and "99" in problems[0]


def test_a_kept_team_survives_a_reload_keeps_versions_and_can_be_forgotten(watched_page, site_url, loaded):
    page = open_team(watched_page(site_url), site_url)
    downloads = team_downloads(loaded, 3)
    load(page, as_files(downloads[:2]))
    page.reload()
    page.wait_for_function("() => window.handbook.team")
    assert names(page) == []  # the tab's memory only, by default
    load(page, as_files(downloads[:2]))
    page.locator("[data-team-keep]").check()
    load(page, as_files(downloads[2:]))
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-team][data-hb-ready]')")
    assert len(names(page)) == 3
    page.locator("[data-team-version]").select_option(index=0)
    page.locator('[data-team-action="restore"]').click()
    assert len(names(page)) == 2
    page.locator('[data-team-action="forget"]').click()
    assert page.evaluate("() => Object.keys(localStorage).filter(key => key.endsWith('.hb.team'))") == []
    page.reload()
    page.wait_for_function("() => window.handbook.team")
    assert names(page) == []


def test_the_assessments_kept_in_this_browser_join_the_team(watched_page, site_url, loaded):
    page = open_team(watched_page(site_url), site_url)
    stored = json.loads(team_downloads(loaded, 1)[0][1])
    page.evaluate("""value => localStorage.setItem(new URL('.', location).pathname.replace(/team\\/$/, '') + '.hb.assessment',
                   JSON.stringify(value))""", {"version": 2, "profile": stored["profile"], "profiles": stored["profiles"]})
    page.reload()
    page.wait_for_function("() => window.handbook.team")
    page.locator('[data-team-action="browser"]').click()
    assert names(page) == [stored["profiles"]["me"]["name"]]


def test_the_team_page_has_no_axe_violation(watched_page, site_url, loaded):
    page, _ = check_five_people(watched_page(site_url), site_url, loaded)
    assert axe_violations_on(page, ["[data-team]"]) == []


@pytest.mark.parametrize("name", ["northwind", "large"])
def test_a_company_ladder_shows_its_team(watched_page, northwind_team, name):
    url, company = northwind_team(name)
    page, people = check_five_people(watched_page(url), url, company)
    assert axe_violations_on(page, ["[data-team]"]) == []
    steps = {step.name for step in company.handbook.ladder.proficiency}
    if steps:  # each cell names the proficiency its level asks for
        assert all(any(f"({step})" in cell for step in steps) for cell in rows(page)[0][1:-2] if "below" in cell or "target" in cell)
    if company.handbook.ladder.families:
        groups = page.locator("thead th[scope=colgroup]").all_inner_texts()
        assert groups == [family.name for family in company.handbook.ladder.families]
        levels = {level.id: level for level in company.levels}
        for family in company.handbook.ladder.families:
            page.locator('[data-team-filter="family"]').select_option(family.id)
            assert names(page) == [p["name"] for p in people if levels[p["current"]].family == family.id]
            shown = page.evaluate("() => [...document.querySelectorAll('thead th[data-team-group]')].filter(th => !th.hidden).map(th => th.dataset.teamGroup)")
            assert set(shown) == {family.id}
        page.locator('[data-team-filter="family"]').select_option("")
    raw = download(page, "csv", "utf-8-sig")
    assert {row[0] for row in list(csv.reader(io.StringIO(raw)))[1:]} == {person["name"] for person in people}


def test_the_offline_copy_shows_the_team_from_file_urls_and_keeps_it_in_another_folder(watched_page, offline_site,
                                                                                       loaded, tmp_path):
    watch = watched_page("file://")
    watch.page.goto((offline_site / "team.html").as_uri())
    watch.page.wait_for_function("() => window.handbook && window.handbook.team")
    load(watch.page, as_files(team_downloads(loaded, 2)))
    assert len(names(watch.page)) == 2
    watch.page.locator("[data-team-keep]").check()
    moved = tmp_path / "unzipped-elsewhere"
    shutil.copytree(offline_site, moved)
    watch.page.goto((moved / "team.html").as_uri())
    watch.page.wait_for_function("() => window.handbook && window.handbook.team")
    assert len(names(watch.page)) == 2, "the kept team follows the copy to another folder, as the answers do"
    assert watch.outside == [] and watch.errors == []


def test_team_themes_name_the_dimensions_most_people_are_below_with_links_towards_their_targets(watched_page, site_url, loaded):
    page = open_team(watched_page(site_url), site_url)
    downloads = [json.loads(body) for _, body in team_downloads(loaded, 3)]
    reached = loaded.handbook.ladder.dimensions[0].id  # on this one, everyone placed themselves at their target
    for document in downloads:
        me = document["profiles"]["me"]
        me["placements"][reached] = {"level": me["target"]}
    load(page, as_files([(f"p{n}.json", json.dumps(d).encode()) for n, d in enumerate(downloads)]))
    shown = page.evaluate("() => [...document.querySelectorAll('[data-team-theme]')].filter(s => !s.hidden).map(s => s.dataset.teamTheme)")
    assert reached not in shown
    assert set(shown) == {d.id for d in loaded.handbook.ladder.dimensions if d.id != reached}
    targets = {d["profiles"]["me"]["target"] for d in downloads}
    for theme in page.locator("[data-team-theme]:not([hidden])").all():
        assert "3 of 3" in theme.inner_text()
        towards = theme.locator("[data-to]:not([hidden])")
        assert towards.count() > 0
        assert {towards.nth(i).get_attribute("data-to") for i in range(towards.count())} <= targets
        assert towards.first.locator("a").count() > 0
    assert page.locator("[data-team-themes-none]").is_hidden()


def test_dropped_files_join_the_team(watched_page, site_url, loaded):
    page = open_team(watched_page(site_url), site_url)
    files = [[name, body.decode()] for name, body in team_downloads(loaded, 2)]
    page.evaluate("""files => {
        const dropped = new DataTransfer();
        files.forEach(([name, text]) => dropped.items.add(new File([text], name, {type: 'application/json'})));
        document.querySelector('[data-team-drop]').dispatchEvent(new DragEvent('drop', {dataTransfer: dropped, bubbles: true, cancelable: true}));
    }""", files)
    page.wait_for_function("() => document.querySelectorAll('[data-team-rows] tr').length === 2")
    assert names(page) == ["Person 01", "Person 02"]


def test_answers_this_handbook_does_not_have_are_counted_not_lost(watched_page, site_url, loaded):
    page = open_team(watched_page(site_url), site_url)
    name, body = team_downloads(loaded, 1)[0]
    document = json.loads(body)
    document["profiles"]["me"]["placements"]["gone-dimension"] = {"level": document["profiles"]["me"]["current"]}
    load(page, as_files([(name, json.dumps(document).encode())]))
    assert "1 answer on a dimension or level this handbook does not have" in rows(page)[0][0]
    assert len(rows(page)[0]) == len(dimension_columns(page)) + 3


def test_an_unreadable_kept_team_is_set_aside_not_overwritten(watched_page, site_url, loaded):
    page = open_team(watched_page(site_url), site_url)
    page.evaluate("() => localStorage.setItem(__md_scope.pathname + '.hb.team', '{cut short')")
    page.reload()
    page.wait_for_function("() => window.handbook.team")
    page.locator("[data-team-keep]").check()
    load(page, as_files(team_downloads(loaded, 1)))
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('/.hb.team.unreadable.')).map(k => localStorage[k])") == ["{cut short"]
    assert len(names(page)) == 1
