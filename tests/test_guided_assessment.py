"""Placing yourself on the self-assessment page itself: a box per dimension with the levels' own words, by
mouse and by keyboard, named by level, readable and easy to hit, on the first screen, for a company's ladder
and in the offline copy; whose view the assessment is; a short table of contents."""
import json
import re

import pytest
from playwright.sync_api import expect

from support import (FIXTURES, arrive_with, assessment_url, axe_violations, open_share_link, page_url, radio,
                     share_code, stored, tab_to)

SIZES = [(1280, 800), (390, 844)]


def choice(page, dimension: str, value: str):
    """A choice in the page's own placement boxes (the level map's radios are elsewhere)."""
    return page.locator(f'[data-place-dimension="{dimension}"] .hb-place__radio[value="{value}"]')


def shown_labels(page, dimension: str) -> list[str]:
    return [text.strip() for text in
            page.locator(f'[data-place-dimension="{dimension}"] .hb-place__option:visible').all_inner_texts()]


def placement(page, dimension: str):
    return stored(page)["profiles"]["me"]["placements"].get(dimension)


def test_placing_yourself_here_by_mouse_fills_the_table_and_chart_survives_a_reload_and_shows_on_the_map(
        watched_page, site_url, loaded):
    dimension, level = loaded.handbook.ladder.dimensions[0], loaded.levels[2]
    watch = watched_page(site_url)
    page = watch.page
    page.goto(assessment_url(site_url))
    outline = page.locator('[data-profile-chart="level"] [data-outline="today"]').first
    before = outline.get_attribute("points")
    page.locator(f'[data-place-dimension="{dimension.id}"]').get_by_text(level.name, exact=True).click()
    assert placement(page, dimension.id)["level"] == level.id
    row = page.locator(f'[data-profile-row="{dimension.id}"] [data-cell="today"]')
    assert row.inner_text().startswith(level.name)
    assert outline.get_attribute("points") != before
    page.reload()
    assert choice(page, dimension.id, level.id).is_checked()
    page.goto(page_url(site_url, "levels/index.md"))
    assert radio(page, dimension.id, level.id).is_checked()
    assert watch.errors == []


def test_placing_yourself_by_keyboard_only_with_half_steps(watched_page, site_url, loaded):
    first, second = loaded.handbook.ladder.dimensions[:2]
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    page.locator("[data-profile-select]").focus()
    for _ in range(30):  # Tab from the top of the page to the first placement box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.hb-place-here .hb-place__radio')"):
            break
    assert page.evaluate("document.activeElement.dataset.dimension") == first.id
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is not visible"
    page.keyboard.press("ArrowDown")  # the next choice: a half step between the first two levels
    chosen = page.evaluate("document.activeElement.value")
    low, high = loaded.levels[0], loaded.levels[1]
    assert chosen == f"{low.id}+{high.id}"
    assert placement(page, first.id) | {"hash": ""} == {"level": high.id, "from": low.id, "hash": ""}
    page.keyboard.press("Tab")  # one stop per box: Tab leads to the next dimension
    assert page.evaluate("document.activeElement.dataset.dimension") == second.id


def test_choices_are_named_by_level_readable_and_easy_to_hit(watched_page, site_url, loaded):
    names = {level.name for level in loaded.levels}
    dimension = loaded.handbook.ladder.dimensions[0]
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    labels = shown_labels(page, dimension.id)
    levels = page.locator(f'[data-place-dimension="{dimension.id}"] .hb-place-here__name').all_inner_texts()
    assert levels == [level.name for level in loaded.levels if dimension.id in level.dimensions]
    halves = [re.fullmatch(r"Between (.+) and (.+)", label) for label in labels if label.startswith("Between")]
    assert halves and all(found and {found.group(1), found.group(2)} <= names for found in halves), labels
    assert not any(level.code in " ".join(labels).split() for level in loaded.levels), "a code instead of a name"
    sizes = page.eval_on_selector_all(".hb-place-here .hb-place__option", """options => options.map(o => {
        const box = o.getBoundingClientRect();
        return [parseFloat(getComputedStyle(o).fontSize), box.width, box.height]; })""")
    assert min(size for size, _, _ in sizes) >= 13
    assert min(min(width, height) for _, width, height in sizes) >= 24


def test_choices_are_44_px_high_on_a_touch_screen(watched_page, site_url):
    page = watched_page(site_url, viewport={"width": 390, "height": 844}, has_touch=True).page
    page.goto(assessment_url(site_url))
    heights = page.eval_on_selector_all(".hb-place-here .hb-place__option",
                                        "options => options.map(o => o.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44


@pytest.mark.parametrize("width,height", SIZES)
@pytest.mark.parametrize("shared", [False, True], ids=["own", "share-link"])
def test_the_first_placement_control_is_on_the_first_screen(watched_page, site_url, width, height, shared):
    page = watched_page(site_url, viewport={"width": width, "height": height}).page
    if shared:
        code = share_code({})
        open_share_link(page, assessment_url(site_url) + "#share=" + code)
        assert page.locator('[data-notice="shared"]').is_visible()
    else:
        page.goto(assessment_url(site_url))
    box = page.locator(".hb-place-here .hb-place__radio").first.evaluate(
        "el => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }")
    assert 0 <= box["top"] and box["bottom"] <= height, box


def test_my_level_today_says_what_it_read_and_only_nearby_levels_are_offered(watched_page, site_url, loaded):
    first, second = loaded.handbook.ladder.dimensions[:2]
    today, target = loaded.levels[2], loaded.levels[3]
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    every = shown_labels(page, second.id)
    choice(page, first.id, today.id).check()
    read = page.locator('[data-profile-field="current"] option[value=""]').text_content()
    assert today.name in read and "Not chosen" not in read
    assert target.name in page.locator('[data-profile-field="target"] option[value=""]').text_content()
    page.reload()
    near = shown_labels(page, second.id)
    assert len(near) < len(every) and loaded.levels[0].name not in " ".join(near)
    assert any(label.startswith(target.name) for label in near)
    toggle = page.locator('[data-action="show-all-levels"]')
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert shown_labels(page, second.id) == every and toggle.get_attribute("aria-expanded") == "true"


def test_whose_view_names_the_person_and_who_filled_it_in_and_travels_in_the_json(watched_page, site_url):
    """A stored version 3 document without `author` (written before the field) reads as the person's own view;
    an author written here is saved, exported and read back."""
    saved = (FIXTURES / "store-v3-no-author.json").read_text(encoding="utf-8")
    page = watched_page(site_url).page
    arrive_with(page, site_url, saved)
    page.goto(assessment_url(site_url))
    view = page.locator("[data-view-of]")
    assert view.inner_text() == "Priya Raman's own view."
    assert choice(page, "influence", "senior+staff").is_checked()
    page.locator('[data-profile-field="author"]').fill("Marco Rossi")
    assert view.inner_text() == "Marco Rossi's view of Priya Raman."
    page.reload()
    assert page.locator('[data-profile-field="author"]').input_value() == "Marco Rossi"
    with page.expect_download() as info:
        page.locator('[data-action="export-json"]').click()
    exported = json.loads(info.value.path().read_text(encoding="utf-8"))
    assert exported["profiles"][exported["profile"]]["author"] == "Marco Rossi"
    kept = json.loads(saved)["profiles"]["me"]
    now = stored(page)["profiles"]["me"]
    assert {key: now[key] for key in ("name", "plan", "current", "target")} == {
        key: kept[key] for key in ("name", "plan", "current", "target")}


def test_axe_finds_nothing_serious_on_the_page_with_every_level_shown(watched_page, site_url, loaded):
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    choice(page, loaded.handbook.ladder.dimensions[0].id, loaded.levels[2].id).check()
    page.reload()
    page.locator('[data-action="show-all-levels"]').click()
    page.evaluate("document.activeElement.blur()")  # the theme's own colours for a focused button are not ours
    page.mouse.move(0, 0)
    assert axe_violations(page) == []


def test_the_table_of_contents_lists_the_steps_not_hidden_sections(built_site):
    site, _ = built_site
    html = (site / "self-assessment" / "index.html").read_text(encoding="utf-8")
    contents = html[html.index("md-nav--secondary"):html.index('<div class="md-content"')]
    entries = re.findall(r'href="#([^"]+)"', contents)
    assert entries[:2] == ["assessments", "place"]
    for hidden in ("unreadable", "archived", "placements-gone", "senior-engineering"):
        assert hidden not in entries and f'id="{hidden}"' in html
    assert len(set(entries)) < 20


def test_a_company_ladder_offers_its_own_levels_by_name(watched_page, company_site, northwind_site, northwind):
    url, acme = company_site("acme")
    manager = next(level for level in acme.levels if level.track != acme.levels[0].track)
    dimension = next(d for d in acme.handbook.ladder.dimensions if d.id in manager.dimensions)
    page = watched_page(url).page
    page.goto(assessment_url(url))
    page.locator(f'[data-place-dimension="{dimension.id}"]').get_by_text(manager.name, exact=True).click()
    assert placement(page, dimension.id)["level"] == manager.id

    site, url = northwind_site
    page.goto(assessment_url(url))
    family = northwind.levels[0].family
    names = {level.name for level in northwind.levels}
    ours = {level.name for level in northwind.levels if level.family == family}
    offered = set(page.locator(".hb-place-here__name:visible").all_inner_texts())
    assert offered and offered <= ours and names != ours, "only the first job family's levels"


def test_the_large_ladder_keeps_the_first_control_on_the_first_screen(watched_page, company_site):
    url, _ = company_site("large")
    page = watched_page(url, viewport={"width": 390, "height": 844}).page
    page.goto(assessment_url(url))
    assert page.locator(".hb-place-here .hb-place__radio").first.evaluate("el => el.getBoundingClientRect().bottom") <= 844


def test_placing_yourself_works_in_the_offline_copy(watched_page, offline_site, loaded):
    dimension, level = loaded.handbook.ladder.dimensions[0], loaded.levels[1]
    watch = watched_page("file://")
    page = watch.page
    page.goto((offline_site / "self-assessment.html").as_uri())
    choice(page, dimension.id, level.id).check()
    page.reload()
    assert choice(page, dimension.id, level.id).is_checked()
    assert watch.errors == [] and watch.outside == []


def test_the_whole_job_by_keyboard_alone_place_target_plan_evidence_export(watched_page, site_url, loaded):
    """An engineer who uses no mouse: places herself, chooses a target, adopts an idea as her next step and
    adds to it, ticks a signal, and downloads her promotion case, with Tab, arrows, letters, Space and Enter."""
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    name = page.locator('[data-profile-field="name"]')
    tab_to(page, name)
    page.keyboard.type("Priya Raman")
    first = page.locator(".hb-place-here .hb-place__radio:visible").first
    tab_to(page, first)
    page.keyboard.press("ArrowDown")  # a half step above the first level
    dimension = page.evaluate("document.activeElement.dataset.dimension")
    target = page.locator('[data-profile-field="target"]')
    tab_to(page, target)
    page.keyboard.type(loaded.levels[-1].name)
    expect(target).to_have_value(loaded.levels[-1].id)
    idea = page.locator(f'[data-plan="{dimension}"] [data-action="adopt-step"]').first
    expect(idea).to_be_visible()
    words = idea.locator("xpath=..").locator("[data-suggestion-text]").inner_text().strip()
    tab_to(page, idea)
    page.keyboard.press("Enter")
    step = page.locator(f'[data-plan="{dimension}"] [data-plan-field="step"]')
    expect(step).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.type(" By the end of March.")
    expect(step).to_have_value(re.compile(re.escape(words) + r".*By the end of March\.", re.S))
    tick = page.locator(".hb-checklist:visible input[type=checkbox]").first
    tab_to(page, tick)
    page.keyboard.press("Space")
    expect(tick).to_be_checked()
    export = page.locator('[data-action="export-markdown"]')
    tab_to(page, export)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    case = info.value.path().read_text(encoding="utf-8")
    assert "Priya Raman" in case and "By the end of March." in case and words.split()[0] in case
