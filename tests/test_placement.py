"""Placement on the ladder in headless Chromium: radios, profile chart, plan, promotion case, migration,
changed wording, readiness, and the same on a company's ladder and on a large trunk-and-branches ladder."""
import json
import re
import shutil

import pytest
from playwright.sync_api import expect
import rjsmin

from handbook.data.loader import load_handbook
from handbook.render.profile import Scale
from support import (FIXTURES, LARGE, ROOT, arrive_with, assessment_url, axe_violations_on, download, free_port,
                     instant_navigation_ready, item, make_share_link, message, mkdocs_build, open_assessment,
                     open_share_link, page_url, radio, serve, settled, stored, tab_to, write_note)

ACME = ROOT / "examples" / "acme"


# --- helpers -------------------------------------------------------------------------------------

def placements(page) -> dict:
    return stored(page)["profiles"]["me"]["placements"]


def place_everywhere(page, loaded) -> dict:
    """On the level map: a full level on even dimensions, a half step below the next level on odd ones."""
    levels, chosen = loaded.levels, {}
    scale = Scale(loaded)
    for position, dimension in enumerate(loaded.handbook.ladder.dimensions):
        level = levels[min(1 + position % 3, len(levels) - 1)]
        lower = scale.leading_to(level)
        value = f"{lower[0].id}+{level.id}" if position % 2 and lower else level.id
        radio(page, dimension.id, value).check()
        chosen[dimension.id] = value
    return chosen


def placed_on_the_level_map(page, site_url: str, loaded) -> dict:
    """place_everywhere on the level map of the site at `site_url`, then a reload: every choice is still made."""
    page.goto(page_url(site_url, "levels/index.md"))
    chosen = place_everywhere(page, loaded)
    page.reload()
    for dimension, value in chosen.items():
        assert radio(page, dimension, value).is_checked(), dimension
    return chosen


def profile_row(page, dimension_id: str) -> list[str]:
    return page.locator(f'[data-profile-row="{dimension_id}"] td').all_inner_texts()


# --- the scale, in Python ------------------------------------------------------------------------

def test_a_shared_trunk_puts_both_paths_on_the_same_steps():
    large = load_handbook(ROOT / "data", LARGE / "data")
    scale = Scale(large)
    by_id = {level.id: level for level in large.levels}
    assert len(large.handbook.ladder.dimensions) == 9
    assert [scale.step(by_id[i]) for i in ("e1", "e2", "e3", "ic4", "m4", "ic8", "m8")] == [0, 1, 2, 3, 3, 7, 7]
    assert [level.id for level in scale.next_levels(by_id["e3"])] == ["ic4", "m4"], "the own track comes first"
    assert [level.id for level in scale.leading_to(by_id["m4"])] == ["e3"]
    assert len(scale.axes) == 9 and len(scale.rings) == 8


def test_every_level_of_a_company_ladder_gets_a_step(loaded):
    acme = load_handbook(ROOT / "data", ACME / "data")
    scale = Scale(acme)
    assert {level.id for level in acme.levels} == set(scale.steps)
    assert scale.steps["ic1"] == 0 and scale.steps["ic7"] == 6 and scale.steps["m1"] == 3 and scale.steps["m3"] == 5  # rank: 4 puts M1 beside IC4
    assert Scale(loaded).top == len(loaded.levels) - 1


# --- placing yourself ----------------------------------------------------------------------------

def test_placement_on_every_dimension_survives_reload_and_navigation(watched_page, site_url, loaded):
    watch = watched_page(site_url)
    page = watch.page
    chosen = placed_on_the_level_map(page, site_url, loaded)
    assert {d: (p.get("from", "") + "+" + p["level"]).lstrip("+") for d, p in placements(page).items()} == chosen

    instant_navigation_ready(page)
    page.evaluate("window.__marker = 'same page'")
    level_id = next(v for v in chosen.values() if "+" not in v)
    page.locator(f"nav a[href$='levels/{level_id}/']").first.click()
    page.locator(f"h1#{level_id}").wait_for()
    assert page.evaluate("window.__marker") == "same page", "navigation was not instant"
    for dimension, value in chosen.items():
        if value == level_id:
            assert radio(page, dimension, value).is_checked()

    page.goto(assessment_url(site_url))
    names = {level.id: level.name for level in loaded.levels}
    for dimension, value in chosen.items():
        today = profile_row(page, dimension)[0]
        assert all(names[part] in today for part in value.split("+")), (dimension, today)
    assert watch.errors == [] and watch.outside == []


def test_keyboard_only_placement(watched_page, site_url, loaded):
    level = loaded.levels[2]
    dimension = loaded.handbook.ladder.dimensions[0]
    page = watched_page(site_url).page
    page.goto(page_url(site_url, loaded.entry(level.id).page))
    tab_to(page, page.locator(f'.hb-place__radio[data-dimension="{dimension.id}"]').first)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # arrow keys move within the dimension's group, as native radios do
    assert radio(page, dimension.id, level.id).is_checked()
    assert placements(page)[dimension.id]["level"] == level.id
    name = page.evaluate("el => el.labels[0].textContent", radio(page, dimension.id, level.id).element_handle())
    assert dimension.name in name and level.name in name


def test_chart_has_one_labelled_axis_per_dimension_and_outlines(watched_page, site_url, loaded):
    page = watched_page(site_url).page
    page.goto(page_url(site_url, "levels/index.md"))
    place_everywhere(page, loaded)
    page.goto(assessment_url(site_url))
    chart = page.locator("[data-assessment] [data-profile] svg").first  # the profile chart; the comparison has its own
    dimensions = loaded.handbook.ladder.dimensions
    assert chart.locator(".hb-profile__axis").count() == len(dimensions)
    labels = chart.locator(".hb-profile__label").evaluate_all("els => els.map(e => [...e.children].map(t => t.textContent).join(' '))")
    assert labels == [d.name for d in dimensions]
    assert chart.get_attribute("role") == "img" and all(d.name in chart.locator("desc").text_content() for d in dimensions)
    for outline in ("today", "target"):
        points = chart.locator(f'[data-outline="{outline}"]').get_attribute("points")
        assert points and len(points.split()) == len(dimensions), outline
    assert not chart.locator('[data-outline="other"]').get_attribute("points")
    page.locator("[data-profile-other]").select_option(loaded.levels[-1].id)
    assert len(chart.locator('[data-outline="other"]').get_attribute("points").split()) == len(dimensions)
    assert page.locator("[data-legend-other]").first.is_visible()
    assert page.locator("[data-profile-table] tbody tr").count() == len(dimensions)


def test_target_defaults_to_the_next_level_and_the_plan_asks_for_each_gap(watched_page, site_url, loaded):
    levels = loaded.levels
    today, nxt = levels[1], levels[2]
    dimensions = loaded.handbook.ladder.dimensions
    page = watched_page(site_url).page
    page.goto(page_url(site_url, loaded.entry(today.id).page))
    for dimension in dimensions[:-1]:
        radio(page, dimension.id, today.id).check()
    page.goto(page_url(site_url, loaded.entry(nxt.id).page))
    radio(page, dimensions[-1].id, nxt.id).check()
    page.goto(assessment_url(site_url))
    assert profile_row(page, dimensions[0].id)[1] == f"{nxt.name} ({nxt.code})"
    for dimension in dimensions[:-1]:
        section = page.locator(f'[data-plan="{dimension.id}"]')
        assert section.is_visible()
        assert section.locator("[data-plan-says]").inner_text().strip() == nxt.dimensions[dimension.id].strip()
    assert not page.locator(f'[data-plan="{dimensions[-1].id}"]').is_visible(), "a dimension at the target needs no plan"
    transition = loaded.transitions_from(today)[0]
    way = page.locator(f'[data-way="{transition.id}"]')
    assert way.is_visible() and transition.held_back[0].text in way.inner_text()
    assert page.locator(f'[data-focus="{transition.id}"]').is_visible(), "the reader's transition is shown"
    others = [t for t in loaded.handbook.transitions.transitions if t.id != transition.id]
    assert not page.locator(f'[data-focus="{others[0].id}"]').is_visible(), "other checklists wait one click away"
    page.locator('[data-action="show-all"]').click()
    assert page.locator(f'[data-focus="{others[0].id}"]').is_visible()


def test_markdown_export_is_a_promotion_case_with_the_plan(watched_page, site_url, loaded):
    levels = loaded.levels
    today, target = levels[2], levels[3]
    dimension = loaded.handbook.ladder.dimensions[0]
    transition = loaded.transitions_from(today)[0]
    ticked, gap = transition.signals[0], transition.signals[1]
    page = watched_page(site_url).page
    page.goto(page_url(site_url, loaded.entry(today.id).page))
    radio(page, dimension.id, today.id).check()
    page.goto(assessment_url(site_url))
    page.locator('[data-profile-field="name"]').fill("Ada *Lovelace* [x]")
    page.locator('[data-profile-field="current"]').select_option(today.id)
    page.locator('[data-profile-field="target"]').select_option(target.id)
    page.locator('[data-profile-field="date"]').fill("2027-03-01")
    plan = page.locator(f'[data-plan="{dimension.id}"]')
    plan.locator('[data-plan-field="step"]').fill("Lead the design review of the billing service")
    plan.locator('[data-plan-field="date"]').fill("2027-02-15")
    plan.locator('[data-plan-field="evidence"]').fill("Two RFCs adopted")
    nothing_ticked = download(page, "export-markdown")
    item(page, f"{transition.id}--{ticked.id}").locator(".hb-item__box").check()
    page.reload()
    assert page.locator('[data-profile-field="name"]').input_value() == "Ada *Lovelace* [x]"
    markdown = download(page, "export-markdown")

    lines = markdown.splitlines()
    assert lines[0].startswith("# ") and "Ada *Lovelace\\* \\[x\\]" in lines[0], "the name is escaped for Markdown"
    head = "\n".join(lines[:6])
    assert f"{today.name} ({today.code})" in head and f"{target.name} ({target.code})" in head and "2027-03-01" in head
    assert f"## {message(page, 'case-plan-heading')}" in lines
    plan_part = markdown.split(message(page, "case-plan-heading"))[1]
    for text in ("Lead the design review of the billing service", "2027-02-15", "Two RFCs adopted", dimension.name):
        assert text in plan_part
    gap_text = item(page, f"{transition.id}--{gap.id}").locator(".hb-item__text").inner_text()
    ticked_text = item(page, f"{transition.id}--{ticked.id}").locator(".hb-item__text").inner_text()
    assert gap_text not in markdown, "a case lists no gaps"
    assert f"- {ticked_text}" in markdown
    heading = f"## {message(page, 'assessment-heading')}"
    assert heading in lines and heading not in nothing_ticked.splitlines(), "no heading over nothing"


def test_json_export_import_and_share_link_carry_placements_target_and_plan(watched_page, site_url, loaded):
    dimension, level, target = loaded.handbook.ladder.dimensions[0], loaded.levels[1], loaded.levels[3]
    page = watched_page(site_url).page
    page.goto(page_url(site_url, loaded.entry(level.id).page))
    radio(page, dimension.id, level.id).check()
    page.goto(assessment_url(site_url))
    page.locator('[data-profile-field="target"]').select_option(target.id)
    page.locator(f'[data-plan="{dimension.id}"] [data-plan-field="step"]').fill("Pair with the staff engineer")
    exported = json.loads(download(page, "export-json"))
    own = exported["profiles"]["me"]
    assert own["placements"][dimension.id]["level"] == level.id and own["target"] == target.id
    assert own["plan"][dimension.id]["step"] == "Pair with the staff engineer"

    link = make_share_link(page)
    mentor = watched_page(site_url).page
    open_share_link(mentor, link)
    assert profile_row(mentor, dimension.id)[0] == level.name
    assert mentor.locator('[data-profile-field="target"]').input_value() == target.id
    assert mentor.locator(f'[data-plan="{dimension.id}"] [data-plan-field="step"]').input_value() == "Pair with the staff engineer"
    assert stored(mentor) is None

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-action="reset"]').click()
    assert placements(page) == {}
    page.set_input_files('[data-action="import"]', files=[{"name": "a.json", "mimeType": "application/json",
                                                           "buffer": json.dumps(exported).encode()}])
    page.wait_for_function("() => document.querySelector('[data-profile-row] td').textContent !== ''")
    assert placements(page)[dimension.id]["level"] == level.id


# --- stored answers move forward safely ----------------------------------------------------------

def test_version_1_fixture_migrates_with_every_tick_and_note(watched_page, site_url):
    saved = json.loads((FIXTURES / "store-v1.json").read_text(encoding="utf-8"))
    watch = watched_page(site_url)
    page = watch.page
    arrive_with(page, site_url, json.dumps(saved))
    open_assessment(page, site_url)
    for key, answer in saved["items"].items():
        row = item(page, key)
        if row.count() == 0:
            archived = page.locator("[data-archived-list]").inner_text()
            assert key in archived and answer["note"] in archived
            continue
        assert row.locator(".hb-item__box").is_checked() == answer["done"], key
        assert row.locator(".hb-note__text").input_value() == answer.get("note", ""), key
        assert not row.locator(".hb-changed").is_visible(), "unchanged wording is not flagged"
    first = next(iter(saved["items"]))
    item(page, first).locator(".hb-item__box").uncheck()
    item(page, first).locator(".hb-item__box").check()  # the first save writes the current version (4)
    document = stored(page)
    assert document["version"] == 4
    migrated = document["profiles"]["me"]["items"]
    assert set(migrated) == set(saved["items"])
    for key, answer in saved["items"].items():
        assert migrated[key]["done"] == answer["done"] and migrated[key].get("note") == answer.get("note"), key
    assert page.locator("[data-unreadable-list] li").count() == 0, "nothing was set aside"
    assert watch.errors == []


def test_placement_on_a_removed_dimension_or_level_is_archived_and_shown(watched_page, site_url, loaded):
    dimension = loaded.handbook.ladder.dimensions[0]
    document = {"version": 2, "profile": "me", "profiles": {"me": {
        "placements": {"gone-dimension": {"level": loaded.levels[0].id}, dimension.id: {"level": "gone-level"}},
        "plan": {"gone-dimension": {"step": "an old plan"}}}}}
    page = watched_page(site_url).page
    arrive_with(page, site_url, json.dumps(document))
    page.goto(assessment_url(site_url))
    archived = page.locator("[data-placements-list]")
    assert archived.is_visible()
    assert "gone-dimension" in archived.inner_text() and "gone-level" in archived.inner_text()
    exported = json.loads(download(page, "export-json"))["profiles"]["me"]
    assert set(exported["placements"]) == {"gone-dimension", dimension.id}
    assert exported["plan"]["gone-dimension"]["step"] == "an old plan"


@pytest.mark.slow  # builds a whole site
def test_changed_wording_flags_the_answer_and_keeps_it(watched_page, loaded, data_copy, tmp_path):
    """Issue 16: answer, change the item's and the cell's wording in a copy of the data, rebuild: flagged, kept."""
    transition = loaded.handbook.transitions.transitions[0]
    signal, level, dimension = transition.signals[0], loaded.levels[1], loaded.handbook.ladder.dimensions[0]
    served = tmp_path / "served"
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    assert mkdocs_build(served, SITE_URL=url).returncode == 0
    server = serve(served, port)
    try:
        page = watched_page(url).page
        page.goto(page_url(url, loaded.entry(transition.id).page))
        key = f"{transition.id}--{signal.id}"
        item(page, key).locator(".hb-item__box").check()
        write_note(page, key, "evidence written against the old wording")
        page.goto(page_url(url, loaded.entry(level.id).page))
        radio(page, dimension.id, level.id).check()

        for name, old in (("transitions.yml", signal.text), ("ladder.yml", level.dimensions[dimension.id])):
            path = data_copy / name
            text = path.read_text(encoding="utf-8")
            assert old in text
            path.write_text(text.replace(old, old.rstrip(".") + ", reworded", 1), encoding="utf-8")
        rebuilt = tmp_path / "rebuilt"
        result = mkdocs_build(rebuilt, SITE_URL=url, HANDBOOK_DATA=str(data_copy))
        assert result.returncode == 0, result.stderr
        shutil.rmtree(served)
        shutil.copytree(rebuilt, served)

        page.goto(page_url(url, loaded.entry(transition.id).page))
        row = item(page, key)
        assert row.locator(".hb-item__box").is_checked()
        assert row.locator(".hb-note__text").input_value() == "evidence written against the old wording"
        assert row.locator(".hb-changed").is_visible()
        page.goto(page_url(url, loaded.entry(level.id).page))
        assert radio(page, dimension.id, level.id).is_checked()
        assert page.locator('[data-notice="placement-changed"]').first.is_visible()
        page.goto(assessment_url(url))
        assert message(page, "changed") in page.locator(f'[data-profile-row="{dimension.id}"]').inner_text()
        page.goto(page_url(url, loaded.entry(transition.id).page))
        item(page, key).locator(".hb-changed__ok").click()
        assert not item(page, key).locator(".hb-changed").is_visible()
        assert item(page, key).locator(".hb-item__box").is_checked()
    finally:
        server.shutdown()


# --- readiness ---------------------------------------------------------------------------------

def test_level_and_transition_pages_say_how_far_the_level_is_never_a_verdict(watched_page, site_url, loaded):
    levels, dimensions = loaded.levels, loaded.handbook.ladder.dimensions
    page = watched_page(site_url).page
    page.goto(page_url(site_url, loaded.entry(levels[2].id).page))
    fit = page.locator(".hb-fit")
    assert "not a verdict" in fit.inner_text()
    for dimension in dimensions[:2]:
        radio(page, dimension.id, levels[2].id).check()
    text = fit.locator("[data-fit-text]").inner_text()
    assert f"2 of {len(dimensions)}" in text and levels[2].name in text
    transition = loaded.transitions_from(levels[2])[0]
    page.goto(page_url(site_url, loaded.entry(transition.id).page))
    text = page.locator(".hb-fit [data-fit-text]").inner_text()
    assert f"0 of {len(dimensions)}" in text and "further below on 2" in text
    assert loaded.entry(transition.to_level).obj.name in text
    page.locator(".hb-fit summary").click()
    assert page.locator('.hb-fit [data-outline="target"]').get_attribute("points")


# --- a phone, layout shift, print, accessibility -------------------------------------------------

def test_on_a_phone_labels_are_readable_the_table_fits_and_buttons_are_tappable(watched_page, site_url, loaded):
    page = watched_page(site_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).page
    page.goto(assessment_url(site_url))
    sizes = page.eval_on_selector_all("[data-assessment] .hb-profile__label tspan",
                                      "els => els.filter(el => !el.closest('[data-compare]')).map(el => el.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= 11, f"chart labels are {min(sizes):.1f} px tall"
    table = page.locator("[data-profile-table]")
    assert table.evaluate("el => el.getBoundingClientRect().right") <= 390
    toggle = page.locator(".hb-checklist:visible .hb-note__toggle").first
    assert toggle.evaluate("el => el.getBoundingClientRect().height") >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.evaluate("handbook.store.setField('name', 'Alexandra Konstantinopoulou-Smith (my report, payments team)')")
    expect(page.locator("[data-profile-select] option:checked")).to_contain_text("Konstantinopoulou")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "a long name in the lists widens the page"
    page.goto(page_url(site_url, "levels/index.md"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the level map's radios widen the page"


@pytest.mark.parametrize("placed", [False, True], ids=["new-reader", "returning-reader"])
def test_placing_is_reachable_without_scrolling_and_the_page_does_not_shift(watched_page, site_url, loaded, placed):
    """A returning reader's page offers fewer levels (those near theirs): hidden before the page shows, nothing moves."""
    page = watched_page(site_url).page
    if placed:
        page.goto(assessment_url(site_url))
        radio(page, loaded.handbook.ladder.dimensions[0].id, loaded.levels[2].id).check()
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(assessment_url(site_url))
    settled(page)
    first = page.locator(".hb-place-here .hb-place__radio").first
    assert first.evaluate("el => el.getBoundingClientRect().bottom") < 900, "placing yourself is below the fold"
    assert page.evaluate("window.__shift") < 0.1


def test_placement_radios_print_as_empty_circles(watched_page, site_url, loaded):
    page = watched_page(site_url).page
    page.goto(page_url(site_url, "levels/index.md"))
    page.emulate_media(media="print")
    radios = page.locator(".hb-place__radio")
    assert radios.first.is_visible() and radios.count() == sum(
        len(Scale(loaded).leading_to(level)) + 1 for level in loaded.levels) * len(loaded.handbook.ladder.dimensions)


@pytest.mark.parametrize("page_src", ["levels/index.md", "self-assessment.md"])
def test_axe_finds_no_violation_with_placements(watched_page, site_url, loaded, page_src):
    page = watched_page(site_url).page
    page.goto(page_url(site_url, "levels/index.md"))
    place_everywhere(page, loaded)
    page.goto(page_url(site_url, page_src))
    settled(page)
    result = page.evaluate("() => document.querySelectorAll('.hb-place, [data-profile]').length")
    assert result > 0
    assert [v for v in axe_violations_on(page, [".hb-place", ".hb-profile", "[data-assessment]", ".md-typeset table"])] == []


# --- company ladders ---------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["acme", "large"])
def test_a_company_ladder_places_draws_and_plans(watched_page, company_site, which):
    url, company = company_site(which)
    dimensions = company.handbook.ladder.dimensions
    watch = watched_page(url)
    page = watch.page
    placed_on_the_level_map(page, url, company)
    page.goto(assessment_url(url))
    chart = page.locator("[data-assessment] [data-profile] svg").first  # the profile chart; the comparison has its own
    assert chart.locator(".hb-profile__axis").count() == len(dimensions)
    assert len(chart.locator('[data-outline="today"]').get_attribute("points").split()) == len(dimensions)
    assert page.locator("[data-plan]:visible").count() >= 1
    violations = axe_violations_on(page, [".hb-profile", "[data-assessment]"])
    # Acme's own palette (teal links and buttons) is below 4.5:1; the colours are the company's, not these components'.
    assert [v for v in violations if not (which == "acme" and v[0] == "color-contrast")] == []
    assert watch.errors == [] and watch.outside == []


def test_the_large_ladder_splits_after_its_trunk(watched_page, company_site):
    url, large = company_site("large")
    by_id = {level.id: level for level in large.levels}
    dimension = large.handbook.ladder.dimensions[0]
    page = watched_page(url).page
    page.goto(page_url(url, "levels/index.md"))
    half = radio(page, dimension.id, "e3+m4")
    assert half.count() == 1, "the management path offers the half step from the trunk"
    label = page.evaluate("el => el.labels[0].textContent", half.element_handle())
    assert by_id["e3"].name in label and by_id["m4"].name in label
    for other in large.handbook.ladder.dimensions:
        radio(page, other.id, "e3").check()
    page.goto(assessment_url(url))
    assert profile_row(page, dimension.id)[1] == f"{by_id['ic4'].name} ({by_id['ic4'].code})", "the own track comes first"
    page.locator('[data-profile-field="target"]').select_option("m4")
    assert page.locator('[data-way="e3-to-m4"]').is_visible()
    assert page.locator('[data-focus="e3-to-m4"]').is_visible()
    assert page.locator(f'[data-plan="{dimension.id}"] [data-plan-says]').inner_text().strip() == \
        re.sub(r"\s+", " ", by_id["m4"].dimensions[dimension.id]).strip()


def test_hostile_name_and_plan_render_as_text_and_stay_text_in_markdown(watched_page, site_url, loaded):
    hostile = '<img src=x onerror="window.__pwned = 1"># [link](javascript:alert(1))'
    dimension, level, target = loaded.handbook.ladder.dimensions[0], loaded.levels[0], loaded.levels[2]
    document = {"version": 2, "profile": "me", "profiles": {"me": {
        "name": hostile, "target": target.id, "placements": {dimension.id: {"level": level.id}},
        "plan": {dimension.id: {"step": hostile, "evidence": hostile}}}}}
    watch = watched_page(site_url)
    page = watch.page
    page.goto(assessment_url(site_url))
    page.set_input_files('[data-action="import"]', files=[{"name": "a.json", "mimeType": "application/json",
                                                           "buffer": json.dumps(document).encode()}])
    step = page.locator(f'[data-plan="{dimension.id}"] [data-plan-field="step"]')
    page.wait_for_function("el => el.value !== ''", arg=step.element_handle())
    assert step.input_value() == hostile and page.locator('[data-profile-field="name"]').input_value() == hostile
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-assessment] img").count() == 0
    markdown = download(page, "export-markdown")
    assert "&lt;img" in markdown, "the reader's text is in the case, escaped"
    assert "<img" not in markdown and not re.search(r"(?<!\\)\]\(javascript:", markdown)
    assert watch.errors == []


def test_pages_load_the_handbook_scripts_as_one_file_in_their_order(built_site):
    site = built_site[0]
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    own = re.findall(r"^\s+- (assets/javascripts/[\w-]+\.js)$", config, re.M)
    html = (site / "self-assessment" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="([^"]+)"', html)
    material = "bundle."  # Material's own script is assets/javascripts/bundle.<hash>.min.js
    ours = [s for s in scripts if "assets/javascripts/" in s and not s.split("/")[-1].startswith(material)]
    # search-stemming.js must run before Material's bundle, which starts the search worker (README: Reading).
    assert ours == ["../assets/javascripts/search-stemming.js", "../assets/javascripts/handbook.bundle.js"]
    bundle = (site / "assets/javascripts/handbook.bundle.js").read_text(encoding="utf-8")
    # Joined in the order of mkdocs.yml, without comments or white space (handbook/site/bundle.py).
    sources = [(ROOT / "docs" / path).read_text(encoding="utf-8") for path in own]
    minified = [rjsmin.jsmin(source, keep_bang_comments=False) for source in sources]
    positions = [bundle.index(code.strip()[:200]) for code in minified]
    assert len(own) >= 5 and positions == sorted(positions)
