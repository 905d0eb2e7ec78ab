"""The plan and the conversation after it, in headless Chromium: ideas from the handbook adopted as a next step,
the agenda's decisions saved with the assessment, and a joint check-in that keeps both views."""
import json
import re

from markdown_it import MarkdownIt
from playwright.sync_api import expect

from support import HOSTILE, assessment_url, download, message, page_url, radio, stored

DAY = 24 * 3600 * 1000


def choose_file(page, action: str, text: str):
    page.set_input_files(f'[data-action="{action}"]', files=[{"name": "priya.json", "mimeType": "application/json",
                                                             "buffer": text.encode("utf-8")}])


def transition_to(loaded, level_id: str):
    return next(t for t in loaded.handbook.transitions.transitions if t.to_level == level_id)


def place_all(page, site_url, loaded, level_id: str, skip: tuple = ()):
    page.goto(page_url(site_url, "levels/index.md"))
    for dimension in loaded.handbook.ladder.dimensions:
        if dimension.id not in skip:
            radio(page, dimension.id, level_id).check()


def set_levels(page, current: str, target: str):
    page.locator('[data-profile-field="current"]').select_option(current)
    page.locator('[data-profile-field="target"]').select_option(target)


def ideas(page, dimension: str):
    return page.locator(f'[data-plan="{dimension}"] [data-plan-suggestions] > li')


def step_box(page, dimension: str):
    return page.locator(f'[data-plan="{dimension}"] [data-plan-field="step"]')


def test_a_suggestion_becomes_my_next_step_survives_reload_and_reads_in_the_promotion_case(watched_page, site_url, loaded):
    towards = transition_to(loaded, "staff")
    wanted = {d.id: [s for s in loaded.next_steps(towards) if d.id in s.dimensions] for d in loaded.handbook.ladder.dimensions}
    dimension = max(wanted, key=lambda d: len(wanted[d]))  # the dimension with the most ideas: two can be adopted
    strong = next(d.id for d in loaded.handbook.ladder.dimensions if d.id != dimension)
    watch = watched_page(site_url)
    page = watch.page
    place_all(page, site_url, loaded, "senior", skip=(strong,))
    radio(page, strong, "staff").check()
    page.goto(assessment_url(site_url))
    page.locator('[data-profile-field="name"]').fill("Priya Raman")
    set_levels(page, "senior", "staff")

    shown = ideas(page, dimension)
    expect(shown).to_have_count(len(wanted[dimension]))
    assert ideas(page, strong).count() == 0 and not page.locator(f'[data-plan="{strong}"]').is_visible(), "at target: no plan asked"

    first = shown.nth(0)
    idea = first.locator("[data-suggestion-text]").inner_text().strip()
    first.get_by_role("button").click()
    box = step_box(page, dimension)
    expect(box).to_have_value(idea)
    expect(box).to_be_focused()
    box.press("End")
    box.type(" Start with the payments RFC this quarter.")
    page.locator(f'[data-plan="{dimension}"] [data-plan-field="date"]').fill("2027-03-31")
    mine = box.input_value()

    page.reload()
    box = step_box(page, dimension)
    expect(box).to_have_value(mine)
    second = ideas(page, dimension).nth(1)  # another idea over my words: both kept, mine first
    other = second.locator("[data-suggestion-text]").inner_text().strip()
    second.get_by_role("button").click()
    expect(box).to_have_value(mine + "\n" + other)
    status = page.locator(f'[data-plan="{dimension}"] [data-plan-status]').inner_text()
    assert status == message(page, "step-added", dimension=page.locator(f'[data-plan="{dimension}"] .hb-plan__title').inner_text())
    mine = box.input_value()
    ideas(page, dimension).nth(0).get_by_role("button").click()
    expect(box).to_have_value(mine)  # the same idea twice is not added again
    assert stored(page)["profiles"]["me"]["plan"][dimension]["step"] == mine

    case = download(page, "export-markdown")
    tokens = MarkdownIt("commonmark").parse(case)
    texts = [t.content for t in tokens if t.type == "inline"]
    assert "Start with the payments RFC this quarter." in case and "2027-03-31" in case
    assert all(text.strip() for text in texts), "an empty field in the promotion case"
    assert not re.search(r"\[[a-z ]+\]|: none\b|\(not given\)", case), "a placeholder in the promotion case"
    names = {d.id: d.name for d in loaded.handbook.ladder.dimensions}
    heading = message(page, "case-strengths-heading")
    assert case.index(heading) < case.index(names[strong]), "the dimension at target is a strength"
    assert watch.errors == []


def test_text_boxes_grow_with_their_text_and_nothing_is_cut_off_on_a_phone(watched_page, site_url, loaded):
    towards = transition_to(loaded, "staff")
    dimension = next(d for s in loaded.next_steps(towards) for d in s.dimensions)
    page = watched_page(site_url, viewport={"width": 390, "height": 844}).page
    place_all(page, site_url, loaded, "senior")
    page.goto(assessment_url(site_url))
    set_levels(page, "senior", "staff")
    box = step_box(page, dimension)
    before = box.bounding_box()["height"]
    box.fill("\n".join(f"Line {n} of a plan that keeps going" for n in range(8)))
    after = box.bounding_box()["height"]
    assert after > before * 2, "the box did not grow with its text"
    assert box.evaluate("b => b.scrollHeight <= b.clientHeight + 1"), "text hidden inside the box"
    assert box.evaluate("b => b.getBoundingClientRect().right <= document.documentElement.clientWidth")
    idea = ideas(page, dimension).nth(0)
    assert idea.evaluate("li => li.getBoundingClientRect().right <= document.documentElement.clientWidth")
    past_the_column = page.evaluate("""() => {
        const edge = document.querySelector('.md-content__inner').getBoundingClientRect().right + 0.5;
        return [...document.querySelectorAll('.hb-assessment input[type=text], .hb-assessment textarea')]
            .filter(box => box.offsetParent && box.getBoundingClientRect().right > edge)
            .map(box => box.closest('label')?.textContent.trim() || box.outerHTML);
    }""")
    assert past_the_column == [], f"text boxes reach past the column: {past_the_column}"


def test_a_manager_decides_downloads_the_agenda_reloads_and_saves_a_joint_check_in(watched_page, site_url, loaded):
    dims = [d.id for d in loaded.handbook.ladder.dimensions]
    names = {d.id: d.name for d in loaded.handbook.ladder.dimensions}
    watch = watched_page(site_url)
    page = watch.page
    page.clock.install(time="2026-12-01T09:00:00Z")

    # Marco keeps his view of Priya (higher on one dimension) and puts her own download beside it.
    page.goto(assessment_url(site_url))
    page.locator('[data-profile-field="name"]').fill("Marco")
    page.locator("[data-profile-new]").fill("Priya (my report)")
    page.locator('[data-action="profile-add"]').click()
    place_all(page, site_url, loaded, "senior", skip=(dims[0],))
    radio(page, dims[0], "staff").check()
    page.goto(assessment_url(site_url))
    set_levels(page, "senior", "staff")
    priyas_file = json.dumps({"version": 4, "profile": "me", "profiles": {"me": {
        "uid": "9a8b7c6d5e4f3021", "name": "Priya Raman", "current": "senior", "target": "staff",
        "placements": {d: {"level": "senior"} for d in dims}, "items": {},
        "plan": {dims[0]: {"step": "Write the cross-team RFC for billing", "date": "2027-03-31"}}}}})
    choose_file(page, "compare-file", priyas_file)
    page.locator("[data-compare]").wait_for()

    row = page.locator("[data-agenda-row]").first
    row.locator('[data-agenda-field="text"]').fill(HOSTILE + " Pair Priya with the billing lead")
    row.locator('[data-agenda-field="owner"]').fill("Marco")
    row.locator('[data-agenda-field="date"]').fill("2027-01-15")
    page.locator("[data-agenda-next]").fill("2027-02-01")
    agenda = download(page, "export-agenda")
    assert "Pair Priya with the billing lead" in agenda and "Marco" in agenda and "2027-01-15" in agenda and "2027-02-01" in agenda
    assert "Write the cross-team RFC for billing" in agenda, "the report's plan is in the agenda"
    own, marcos = message(page, "agenda-own").replace("{name}", "Priya Raman"), message(page, "agenda-of", author="Marco")
    assert agenda.startswith("# " + message(page, "agenda-title", first=own, second=marcos.replace("{name}", "Priya")))
    assert "<img" not in agenda.replace("&lt;img", "") and "<script>" not in agenda

    page.reload()
    choose_file(page, "compare-file", priyas_file)
    row = page.locator("[data-agenda-row]").first
    expect(row.locator('[data-agenda-field="text"]')).to_have_value(HOSTILE + " Pair Priya with the billing lead")
    expect(row.locator('[data-agenda-field="owner"]')).to_have_value("Marco")
    expect(page.locator("[data-agenda-next]")).to_have_value("2027-02-01")

    page.locator('[data-action="checkin"]').click()
    page.clock.fast_forward(30 * DAY)
    step_box(page, dims[1]).fill("Write the billing RFC and present it to two teams")
    page.locator('[data-action="checkin"]').click()
    assert "Priya Raman" in page.locator('[data-status="conversation"]').inner_text()

    exported = json.loads(download(page, "export-json"))
    taken = exported["profiles"][exported["profile"]]["checkins"]
    assert len(taken) == 2 and all(t["other"]["name"] == "Priya Raman" for t in taken)
    assert taken[0]["placements"][dims[0]]["level"] == "staff" and taken[0]["other"]["placements"][dims[0]]["level"] == "senior"
    assert taken[1]["agenda"]["decisions"][0]["owner"] == "Marco" and taken[1]["agenda"]["next"] == "2027-02-01"
    assert exported["profiles"][exported["profile"]]["agenda"]["decisions"][0]["date"] == "2027-01-15"

    timeline = page.locator(f'[data-timeline-row="{dims[0]}"]')
    expect(timeline.locator("polyline")).to_have_count(2)
    text = timeline.locator("td").nth(1).inner_text()
    assert text.count("Priya Raman") == 2 and text.count(message(page, "agenda-steps-one") + " apart") == 2
    changes = page.locator("[data-checkin-changes]").inner_text()
    assert names[dims[1]] in changes and "Write the billing RFC and present it to two teams" in changes
    assert page.evaluate("window.__pwned") is None and watch.errors == []


def test_next_steps_go_where_the_data_names_them_else_follow_the_words_and_stay_within_the_family(loaded, northwind):
    towards = transition_to(loaded, "staff")
    target = loaded.entry("level:staff").obj
    steps = loaded.next_steps(towards)
    named = [s for s in steps if getattr(s.entry.obj, "dimensions", None)]
    assert named, "the handbook's own signals and practices name their dimensions"
    for step in named:  # under the dimensions it names (four ideas at most under each), never under another
        assert step.dimensions and set(step.dimensions) <= set(step.entry.obj.dimensions), step.entry.ref
    unnamed = [s for t in northwind.handbook.transitions.transitions for s in northwind.next_steps(t)
               if s.kind == "signal" and not s.entry.obj.dimensions]
    assert unnamed, "a company's signals that name no dimension are still suggested, by their words"
    for dimension in target.dimensions:
        mine = [s for s in steps if dimension in s.dimensions]
        assert 0 < len(mine) <= 4, dimension
    assert all(target.id in s.entry.obj.levels for s in steps if s.kind == "story")
    for transition in northwind.handbook.transitions.transitions:
        own = set(northwind.entry("level:" + transition.to_level).obj.dimensions)
        assert all(set(s.dimensions) <= own for s in northwind.next_steps(transition)), transition.id


def test_a_data_engineer_gets_ideas_from_their_own_familys_step(watched_page, northwind_site, northwind):
    _, url = northwind_site
    towards = next(t for t in northwind.handbook.transitions.transitions if t.id == "da-3-to-da-4")
    steps = northwind.next_steps(towards)
    dimension = max({d for s in steps for d in s.dimensions}, key=lambda d: sum(d in s.dimensions for s in steps))
    page = watched_page(url).page
    page.goto(url + "self-assessment/")
    set_levels(page, "da-3", "da-4")
    shown = ideas(page, dimension)
    expect(shown).to_have_count(sum(dimension in s.dimensions for s in steps))
    assert not page.locator('[data-plan="operations"]').is_visible(), "a software dimension in a data engineer's plan"
    idea = shown.nth(0).locator("[data-suggestion-text]").inner_text().strip()
    shown.nth(0).get_by_role("button").click()
    expect(step_box(page, dimension)).to_have_value(idea)
