"""The career conversation in headless Chromium: profiles, a second view beside one's own (file, share link,
another profile), the agenda, check-ins a week apart, hostile input, and the stored versions before."""
import base64
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support import (HOSTILE, arrive_with, assessment_url, axe_violations, download, first_signal_key, item,
                     make_share_link, message, open_anew, open_assessment, open_share_link, page_url, radio, storage_key,
                     stored, write_note)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WEEK = 7 * 24 * 3600 * 1000


def choose_file(page, action: str, text: str, name: str = "assessment.json"):
    page.set_input_files(f'[data-action="{action}"]', files=[{"name": name, "mimeType": "application/json",
                                                             "buffer": text.encode("utf-8")}])


def place(page, site_url, placements: dict):
    page.goto(page_url(site_url, "levels/index.md"))
    for dimension, level in placements.items():
        radio(page, dimension, level).check()


def fill(page, site_url, name: str, placements: dict, notes: dict, ticks: set):
    place(page, site_url, placements)
    open_assessment(page, site_url)
    page.locator('[data-profile-field="name"]').fill(name)
    for key, note in notes.items():
        if key in ticks:
            item(page, key).locator(".hb-item__box").check()
        write_note(page, key, note)


def profile_names(page) -> list[str]:
    return page.locator("[data-profile-select] option").all_inner_texts()


def compare_rows(page) -> list[list[str]]:
    return [row.locator("th, td").all_inner_texts() for row in page.locator("[data-compare-table] tbody tr").all()]


def test_engineer_and_manager_compare_views_bring_an_agenda_and_check_in(watched_page, site_url, loaded):
    dims = [d.id for d in loaded.handbook.ladder.dimensions]
    names = {d.id: d.name for d in loaded.handbook.ladder.dimensions}
    key = first_signal_key(loaded)
    engineer_watch, manager_watch = watched_page(site_url), watched_page(site_url)  # two browser contexts
    engineer, manager = engineer_watch.page, manager_watch.page

    fill(engineer, site_url, "Sam", {dims[0]: "staff", dims[1]: "senior"}, {key: "Led the incident review"}, {key})
    sams_file = download(engineer, "export-json")
    sams_link = make_share_link(engineer)

    # The manager keeps their own assessment and one of Sam, made before the one-on-one.
    fill(manager, site_url, "Robin", {dims[0]: "principal"}, {}, set())
    manager.locator("[data-profile-new]").fill("Sam (my report)")
    manager.locator('[data-action="profile-add"]').click()
    assert manager.locator('[data-profile-field="name"]').input_value() == "Sam (my report)"
    fill(manager, site_url, "Sam (my report)", {dims[0]: "senior", dims[1]: "senior"}, {key: "Only saw one review"}, set())
    assert profile_names(manager) == ["Me (Robin)", "Sam (my report)"]
    own = stored(manager)["profiles"]["me"]
    assert own["placements"][dims[0]]["level"] == "principal" and own["items"] == {}, "switching mixed the answers"

    # Sam's file beside the manager's view: the differing dimension first, the item with both notes.
    choose_file(manager, "compare-file", sams_file)
    manager.locator("[data-compare]").wait_for()
    rows = compare_rows(manager)
    assert rows[0][0] == names[dims[0]] and "Staff" in rows[0][2] and "Senior" in rows[0][1]
    assert rows[0][3] == message(manager, "compare-higher", who="Sam", steps=message(manager, "agenda-steps-one"))
    assert next(r for r in rows if r[0] == names[dims[1]])[3] == message(manager, "compare-same")
    differ = manager.locator("[data-compare-items]").inner_text()
    assert "Led the incident review" in differ and "Only saw one review" in differ
    chart = manager.locator("[data-assessment] [data-profile] svg").first  # the profile chart; the comparison has its own
    assert chart.locator('[data-outline="theirs"]').get_attribute("points")
    assert chart.locator('[data-outline="today"]').get_attribute("points")

    agenda = download(manager, "export-agenda")
    assert agenda.startswith("# ") and "Sam" in agenda
    assert names[dims[0]] in agenda and "Led the incident review" in agenda and "Only saw one review" in agenda
    assert agenda.index(names[dims[0]]) < agenda.index(names[dims[1]]), "differences come first"
    assert "## " + manager.locator('[data-message="agenda-decided"]').text_content() not in agenda, "no empty section"

    # Sam's share link opens beside the manager's assessments, never over them.
    before = stored(manager)
    open_share_link(manager, sams_link)
    assert manager.locator("[data-shared-name]").inner_text() == "Sam"
    manager.locator('[data-action="compare-shared"]').click()
    manager.locator("[data-compare]").wait_for()
    assert compare_rows(manager)[0][0] == names[dims[0]]
    assert stored(manager) == before, "comparing wrote to the manager's storage"
    open_share_link(manager, sams_link)
    manager.locator('[data-action="adopt"]').click()
    assert profile_names(manager) == ["Me (Robin)", "Sam (my report)", "Sam"]
    assert stored(manager)["profiles"]["me"] == before["profiles"]["me"]

    # The manager's view of Sam goes to Sam as a file; Sam opens it as a new assessment and compares.
    manager.locator("[data-profile-select]").select_option(label="Sam (my report)")
    managers_file = json.loads(download(manager, "export-json"))
    assert list(managers_file["profiles"]) == ["p1"], "an export holds only the assessment shown"
    choose_file(engineer, "import-new", json.dumps(managers_file))
    engineer.wait_for_function("() => document.querySelectorAll('[data-profile-select] option').length === 2")
    engineer.locator("[data-profile-select]").select_option(label="Me (Sam)")
    engineer.locator("[data-compare-with]").select_option(label="Sam (my report)")
    assert "Only saw one review" in engineer.locator("[data-compare-items]").inner_text()
    assert engineer_watch.errors == [] and manager_watch.errors == []
    assert engineer_watch.outside == [] and manager_watch.outside == []


def test_the_agenda_names_who_filled_each_view_in_and_never_two_views_alike(watched_page, site_url, loaded):
    """A manager's own assessment beside her view of a report (no author written): each line names the view,
    never "Dana: Senior; Dana: Mid-level"; with an author written, the agenda names that author."""
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    page.wait_for_function("() => window.handbook && window.handbook.documents")
    first = loaded.handbook.ladder.dimensions[0].id
    lower, higher = loaded.levels[1], loaded.levels[2]
    page.evaluate("""([d, higher, lower]) => { const s = handbook.store; s.setField('name', 'Dana'); s.place(d, {level: higher});
        s.add(null, 'Sam (my report)'); s.place(d, {level: lower}); }""", [first, higher.id, lower.id])
    page.locator("[data-compare-with]").select_option("me")
    agenda = page.evaluate("handbook.documents.agenda()")
    assert "(Dana: " not in agenda and "; Dana: " not in agenda
    view_of = message(page, "agenda-of", author="{author}").replace("{name}", "Sam")  # "(my report)" left out
    assert view_of.replace("{author}", "Dana") in agenda
    page.locator('[data-profile-field="author"]').fill("Marco Rossi")
    agenda = page.evaluate("handbook.documents.agenda()")
    assert view_of.replace("{author}", "Marco Rossi") in agenda
    assert f"Marco Rossi: {lower.name}" in agenda.replace("*", "")
    # The table beside the chart: each view by its name, and who places higher, in words.
    page.locator("#compare").scroll_into_view_if_needed()
    headers = page.locator("[data-compare-table] thead th").all_inner_texts()
    assert headers[1] == view_of.replace("{author}", "Marco Rossi").replace("Sam", "Sam (my report)") and "Dana" in headers[2]
    first_row = page.locator("[data-compare-table] tbody tr").first.locator("td").all_inner_texts()
    assert first_row[2] == message(page, "compare-higher", who=headers[2], steps=message(page, "agenda-steps-one"))
    # The person's own name in "Filled in by", as people write it: still their own view, never "Sam's view of Sam".
    page.locator('[data-profile-field="author"]').fill("sam (my report) ")
    agenda = page.evaluate("handbook.documents.agenda()")
    assert message(page, "agenda-own").replace("{name}", "Sam") in agenda and "view of Sam" not in agenda, agenda
    assert "view of" not in page.locator("[data-compare-table] thead th").nth(1).inner_text()


def test_two_check_ins_a_week_apart_show_what_changed(watched_page, site_url, loaded):
    dims = [d.id for d in loaded.handbook.ladder.dimensions]
    names = {d.id: d.name for d in loaded.handbook.ladder.dimensions}
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    page.clock.install(time="2026-11-02T09:00:00Z")
    place(page, site_url, {dims[0]: "mid"})
    open_assessment(page, site_url)
    page.locator('[data-action="checkin"]').click()
    assert page.locator("[data-checkin-section]").is_visible()

    page.clock.fast_forward(WEEK)
    place(page, site_url, {dims[0]: "mid+senior"})
    open_assessment(page, site_url)
    item(page, key).locator(".hb-item__box").check()
    write_note(page, key, "Wrote the on-call guide")
    pending = page.locator("[data-checkin-now-changes]").inner_text()  # before the manager saves the next one
    assert names[dims[0]] in pending and "Wrote the on-call guide" in pending
    page.locator('[data-action="checkin"]').click()
    assert page.locator("[data-checkin-now-changes] li").count() == 0
    assert page.locator("[data-checkin-now]").inner_text().startswith(message(page, "checkin-now-same").split("{")[0])

    taken = stored(page)["profiles"]["me"]["checkins"]
    assert [c["date"][:10] for c in taken] == ["2026-11-02", "2026-11-09"]
    changes = page.locator("[data-checkin-changes]").inner_text()
    assert names[dims[0]] in changes and "Senior" in changes
    label = item(page, key).locator(".hb-item__text").first.text_content().strip()
    assert label and "Wrote the on-call guide" in changes and changes.count(label) == 2, "newly ticked, and new evidence"
    line = page.locator(f'[data-timeline-row="{dims[0]}"] polyline').get_attribute("points")
    ys = [float(point.split(",")[1]) for point in line.split()]
    assert len(ys) == 2 and ys[0] - ys[1] >= 8, "a half step up moves the line by at least a third of its height"
    assert page.locator(f'[data-timeline-row="{dims[0]}"] td').nth(1).inner_text().count(";") == 1

    exported = json.loads(download(page, "export-json"))
    assert len(exported["profiles"]["me"]["checkins"]) == 2


def test_each_agenda_decision_stays_in_the_row_it_was_typed_in(watched_page, site_url, loaded):
    """Typed key by key in the second row of an empty agenda, then the first row emptied: nothing moves."""
    first = loaded.handbook.ladder.dimensions[0].id
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    page.wait_for_function("() => window.handbook && window.handbook.store")
    page.evaluate("""([d, level]) => { const s = handbook.store; s.place(d, {level}); s.add(null, 'Sam'); }""",
                  [first, loaded.levels[1].id])
    page.locator("[data-compare-with]").select_option("me")
    texts = page.locator('[data-agenda-row] [data-agenda-field="text"]')
    texts.nth(1).press_sequentially("Book the RFC review")
    assert texts.evaluate_all("boxes => boxes.slice(0, 2).map(box => box.value)") == ["", "Book the RFC review"]
    texts.nth(0).press_sequentially("Agree the scope")
    texts.nth(0).fill("")
    texts.nth(0).press("Backspace")
    assert texts.evaluate_all("boxes => boxes.slice(0, 2).map(box => box.value)") == ["", "Book the RFC review"]
    page.reload()
    page.locator("[data-compare-with]").select_option("me")
    assert texts.evaluate_all("boxes => boxes.slice(0, 2).map(box => box.value)") == ["", "Book the RFC review"]
    assert [d["text"] for d in stored(page)["profiles"][stored(page)["profile"]]["agenda"]["decisions"]] == ["", "Book the RFC review"]


def test_comparing_views_of_people_with_long_names_fits_a_phone(watched_page, site_url, loaded):
    first = loaded.handbook.ladder.dimensions[0].id
    page = watched_page(site_url, viewport={"width": 390, "height": 844}, has_touch=True).page
    page.goto(assessment_url(site_url))
    page.wait_for_function("() => window.handbook && window.handbook.store")
    page.evaluate("""([d, lower, higher]) => { const s = handbook.store; s.setField('name', 'Alexandra Konstantinopoulou-Smith');
        s.setField('author', 'Bartholomew Featherstonehaugh'); s.place(d, {level: lower});
        s.add(null, 'Alexandra Konstantinopoulou-Smith (payments team, my report)'); s.place(d, {level: higher}); }""",
                  [first, loaded.levels[1].id, loaded.levels[2].id])
    page.locator("[data-compare-with]").select_option("me")
    expect(page.locator("[data-compare-table] tbody tr").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"


def test_a_second_view_seen_at_one_check_in_shows_as_a_dot_beside_the_line(watched_page, site_url, loaded):
    dims = [d.id for d in loaded.handbook.ladder.dimensions]
    lower, higher = loaded.levels[1].id, loaded.levels[2].id
    mine = {d: {"level": lower} for d in dims}
    checkins = [{"date": "2026-10-01T09:00:00.000Z", "placements": mine, "items": {}},
                {"date": "2026-11-01T09:00:00.000Z", "placements": mine, "items": {},
                 "other": {"name": "Marco", "uid": "", "placements": {d: {"level": higher} for d in dims}, "items": {}}}]
    page = watched_page(site_url).page
    arrive_with(page, site_url, json.dumps({"version": 4, "profile": "me", "profiles": {"me": {
        "name": "Dana", "placements": mine, "items": {}, "checkins": checkins}}}))
    page.goto(assessment_url(site_url))
    row = page.locator(f'[data-timeline-row="{dims[0]}"]')
    expect(row.locator("polyline")).to_have_count(1)
    dot = row.locator("circle.hb-timeline__other")
    expect(dot).to_have_count(1)
    assert float(dot.get_attribute("cy")) < float(row.locator("polyline").get_attribute("points").split()[-1].split(",")[1])


def test_a_check_in_keeps_an_item_a_fork_renamed_as_archived_with_its_old_label(watched_page, site_url, loaded):
    document = {"version": 2, "profile": "me", "profiles": {"me": {"items": {}, "checkins": [
        {"date": "2026-10-01T09:00:00.000Z", "placements": {}, "items": {}},
        {"date": "2026-10-08T09:00:00.000Z", "placements": {},
         "items": {"old-list--renamed": {"done": True, "text": "The old wording", "note": "kept"}}}]}}}
    page = watched_page(site_url).page
    arrive_with(page, site_url, json.dumps(document))
    page.goto(assessment_url(site_url))
    changes = page.locator("[data-checkin-changes]").inner_text()
    assert "The old wording" in changes and "archived" in changes


def test_deleting_a_profile_can_be_undone_and_never_touches_the_others(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    item(page, key).locator(".hb-item__box").check()
    page.locator("[data-profile-new]").fill("Alex (my report)")
    page.locator('[data-action="profile-add"]').click()
    assert not item(page, key).locator(".hb-item__box").is_checked(), "a new assessment starts empty"
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-action="profile-delete"]').click()
    assert profile_names(page) == ["Me"] and item(page, key).locator(".hb-item__box").is_checked()
    page.locator('[data-action="undo"]').click()
    assert profile_names(page) == ["Me", "Alex (my report)"]


def test_hostile_files_and_links_stay_text_and_overwrite_nothing(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    watch = watched_page(site_url)
    page = watch.page
    open_assessment(page, site_url)
    item(page, key).locator(".hb-item__box").check()
    before = stored(page)
    crafted = {"version": 2, "profile": "me", "profiles": {"me": {"name": HOSTILE, "items": {key: {"done": False, "note": HOSTILE}},
                                                                  "checkins": [{"date": "2026-10-01", "items": {key: {"done": True, "note": HOSTILE}}}]}}}
    choose_file(page, "import-new", json.dumps(crafted))
    page.wait_for_function("() => document.querySelectorAll('[data-profile-select] option').length === 2")
    assert stored(page)["profiles"]["me"] == before["profiles"]["me"], "an import overwrote another assessment"
    page.locator("[data-compare-with]").select_option(value="me")
    assert HOSTILE in page.locator("[data-compare-items]").inner_text()
    assert page.locator("[data-shared-name]").count() == 1 and HOSTILE in page.locator("[data-profile-select]").inner_text()
    agenda = download(page, "export-agenda")
    assert "<img" not in agenda.replace("&lt;img", "") and "<script>" not in agenda
    after = stored(page)
    for bad in ('{"version": 2, "profile": "me", "profiles": {"me": {"checkins": "x"}}}',
                '{"version": 2, "profile": "me", "profiles": {"me": {"checkins": [{"date": "<b>"}]}}}', "{oops"):
        choose_file(page, "import-new", bad)
        page.wait_for_function("() => document.querySelector('[data-status=conversation]').textContent.startsWith('Nothing changed')")
        page.evaluate("document.querySelector('[data-status=conversation]').textContent = ''")
        assert stored(page) == after, "a rejected import changed something"
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-assessment] img, [data-assessment] script").count() == 0
    assert watch.errors == []


@pytest.mark.parametrize("fixture", ["store-v1.json", "store-v2.json", "store-v2-checkins.json", "store-v2-undo.json", "store-v3.json"])
def test_every_stored_version_becomes_the_me_profile_untouched(watched_page, site_url, fixture):
    """Each earlier format migrates to version 4: every tick, note, placement, plan and check-in survives, each
    assessment gets a uid, and version 2's single Undo copy becomes a version under "Earlier versions"."""
    saved = json.loads((FIXTURES / fixture).read_text(encoding="utf-8"))
    old = {"me": {"items": saved["items"]}} if saved["version"] == 1 else saved["profiles"]
    page = watched_page(site_url).page
    arrive_with(page, site_url, json.dumps(saved))
    undo = (FIXTURES / fixture.replace(".json", ".undo.json"))
    if undo.exists():
        arrive_with(page, site_url, undo.read_text(encoding="utf-8"), ".undo")
    open_assessment(page, site_url)
    assert profile_names(page)[0].startswith("Me")
    page.reload()  # a second visit reads the migrated document
    document = stored(page)
    assert document["version"] == 4 and list(document["profiles"]) == list(old)
    for id, profile in old.items():
        now = document["profiles"][id]
        assert len(now["uid"]) == 16
        for field in ("name", "date", "current", "target", "placements", "plan", "items", "checkins"):
            if field in profile:
                assert now[field] == profile[field], (id, field)
    page.locator('[data-action="checkin"]').click()
    shown = page.locator("[data-profile-select]").input_value()  # the check-in goes to the assessment this tab shows
    assert stored(page)["profiles"][shown]["checkins"][-1]["items"] == old[shown]["items"]
    if undo.exists():
        page.locator("[data-profile-select]").select_option(value="me")
        page.locator("[data-versions-section] summary").click()
        assert page.locator("[data-versions-list] li").count() == 1
        page.locator('[data-action="restore"]').click()
        kept = json.loads(undo.read_text(encoding="utf-8"))["profiles"]["me"]
        assert stored(page)["profiles"]["me"]["items"] == kept["items"]
        assert storage_key(page) + ".undo" not in page.evaluate("Object.keys(localStorage)")


def test_a_company_ladder_compares_and_checks_in(watched_page, company_site):
    url, acme = company_site("acme")
    dims = [d.id for d in acme.handbook.ladder.dimensions]
    levels = [level.id for level in acme.levels]
    page = watched_page(url).page
    place(page, url, {dims[0]: levels[2]})
    page.goto(assessment_url(url))
    page.locator("[data-profile-new]").fill("Kai")
    page.locator('[data-action="profile-add"]').click()
    place(page, url, {dims[0]: levels[1]})
    page.goto(assessment_url(url))
    page.locator("[data-compare-with]").select_option(value="me")
    assert compare_rows(page)[0][0] == acme.handbook.ladder.dimensions[0].name
    page.locator('[data-action="checkin"]').click()
    assert page.locator("[data-timeline-row]").count() == len(dims)
    assert "Kai" in download(page, "export-agenda")


def test_the_managers_page_walks_through_the_conversation_and_links_to_each_tool(watched_page, site_url):
    page = watched_page(site_url).page
    page.goto(page_url(site_url, "managers.md"))
    section = page.locator("#career-conversations")
    assert section.is_visible()
    hrefs = page.locator("a[href*='self-assessment/#']").evaluate_all("links => links.map(a => a.href)")
    for anchor in ("assessments", "compare", "checkins"):
        target = next(h for h in hrefs if h.endswith("#" + anchor))
        page.goto(page_url(site_url, "managers.md"))  # a new page each time: Back raced the next visit under load
        page.goto(target)
        assert page.locator("#" + anchor).is_visible(), anchor


def test_the_page_says_where_each_piece_is_kept_and_nothing_is_sent(watched_page, site_url, loaded):
    watch = watched_page(site_url)
    page = watch.page
    open_assessment(page, site_url)
    item(page, first_signal_key(loaded)).locator(".hb-item__box").check()
    page.locator('[data-action="checkin"]').click()
    page.locator("[data-profile-new]").fill("Alex")
    page.locator('[data-action="profile-add"]').click()
    note = page.locator("details.info").text_content()
    for place_kept in ("local storage", "share link", "memory", "Delete this assessment"):
        assert place_kept.lower() in note.lower(), place_kept
    assert watch.outside == []


def test_a_crafted_share_link_named_like_my_own_is_kept_beside_it(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    watch = watched_page(site_url)
    page = watch.page
    open_assessment(page, site_url)
    write_note(page, key, "mine")
    crafted = {"version": 2, "profile": "me", "profiles": {"me": {"name": HOSTILE, "items": {key: {"done": True, "note": HOSTILE}}}}}
    code = base64.urlsafe_b64encode(json.dumps(crafted).encode()).decode().rstrip("=")
    open_share_link(page, assessment_url(site_url) + "#share=" + code)  # the same page: its hashchange reads it
    assert page.locator("[data-shared-name]").inner_text() == HOSTILE
    page.locator('[data-action="adopt"]').click()
    document = stored(page)
    assert document["profiles"]["me"]["items"][key]["note"] == "mine", "the link overwrote the reader's own"
    assert [p["name"] for i, p in document["profiles"].items() if i != "me"] == [HOSTILE]
    bad = base64.urlsafe_b64encode(b'{"version": 2, "profile": "me", "profiles": {"me": {"checkins": [1]}}}').decode()
    open_anew(page, assessment_url(site_url) + "#share=" + bad)
    assert not page.locator('[data-notice="shared"]').is_visible()
    assert stored(page) == document
    assert page.evaluate("window.__pwned") is None and watch.errors == []


def test_axe_finds_no_violation_in_the_comparison_and_check_ins(watched_page, site_url, loaded):
    dims = [d.id for d in loaded.handbook.ladder.dimensions]
    page = watched_page(site_url).page
    place(page, site_url, {dims[0]: "senior"})
    open_assessment(page, site_url)
    page.locator('[data-action="checkin"]').click()
    page.locator('[data-action="checkin"]').click()
    page.locator("[data-profile-new]").fill("Alex")
    page.locator('[data-action="profile-add"]').click()
    page.locator("[data-compare-with]").select_option(value="me")
    assert page.locator("[data-compare]").is_visible()
    page.mouse.move(0, 0)  # a hovered button has Material's hover colours, which are not ours to judge
    page.evaluate("document.activeElement.blur()")
    assert axe_violations(page) == []


def test_an_assessment_with_check_ins_reads_cleanly_and_travels(watched_page, site_url):
    """Check-ins as the page saves them (an ISO time stamp each) were taken for damaged data: every page
    load set another copy aside as unreadable, and their JSON download and share link were refused."""
    text = (FIXTURES / "store-v2-checkins.json").read_text(encoding="utf-8")
    page = watched_page(site_url).page
    arrive_with(page, site_url, text)
    for _ in range(2):
        open_assessment(page, site_url)
    set_aside = page.evaluate("Object.keys(localStorage).filter(key => key.includes('.unreadable.'))")
    assert set_aside == [] and page.locator("[data-unreadable-section]").is_hidden()
    assert len(stored(page)["profiles"]["me"]["checkins"]) == 2
    assert page.locator('[data-timeline-row="scope"] td').nth(1).inner_text().count(";") == 1  # both check-ins
    choose_file(page, "import-new", text)  # the same person (same name, no uid): their copy is updated, not doubled
    expect(page.locator('[data-status="conversation"]')).to_contain_text("Updated the assessment")
    assert profile_names(page) == ["Me (Sam Okafor)"] and len(stored(page)["profiles"]["me"]["checkins"]) == 2


def test_each_download_carries_the_name_of_its_assessment(watched_page, site_url):
    """A manager's downloads for six reports all came as promotion-case.md and self-assessment.json."""
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    names = {}
    for action in ("export-markdown", "export-json"):
        with page.expect_download() as unnamed:
            page.locator(f'[data-action="{action}"]').click()
        names[action] = [unnamed.value.suggested_filename]
    page.locator('[data-profile-field="name"]').fill("Zoë O'Brien-Smith <3")
    for action in ("export-markdown", "export-json"):
        with page.expect_download() as named:
            page.locator(f'[data-action="{action}"]').click()
        names[action].append(named.value.suggested_filename)
    assert names == {"export-markdown": ["promotion-case.md", "promotion-case-zoe-o-brien-smith-3.md"],
                     "export-json": ["self-assessment.json", "self-assessment-zoe-o-brien-smith-3.json"]}


def test_level_pages_say_whose_assessment_their_choices_go_to(watched_page, site_url, loaded):
    """A manager placing six reports could not tell, on a level page, whose assessment a click changed."""
    level = loaded.levels[2]
    page = watched_page(site_url).page
    page.goto(page_url(site_url, loaded.entry(level.id).page))
    alone = page.locator("[data-placing-for]").is_visible()
    open_assessment(page, site_url)
    page.locator("[data-profile-new]").fill("Uma Patel")
    page.locator('[data-action="profile-add"]').click()
    on_assessment_page = page.locator("[data-placing-for]").is_visible()
    page.goto(page_url(site_url, loaded.entry(level.id).page))
    named = page.locator("[data-placing-for] [data-placing-name]").inner_text()
    page.goto(page_url(site_url, "levels/index.md"))
    on_map = page.locator("[data-placing-for]").first.inner_text()
    assert not alone and not on_assessment_page
    assert named == "Uma Patel" and "Uma Patel" in on_map


def test_the_agenda_names_both_people_and_holds_her_plan_a_decision_and_the_next_meeting(watched_page, site_url, loaded):
    dims = [d.id for d in loaded.handbook.ladder.dimensions]
    names = {d.id: d.name for d in loaded.handbook.ladder.dimensions}
    engineer = watched_page(site_url).page
    fill(engineer, site_url, "Priya Raman", {dims[0]: "senior", dims[1]: "senior"}, {}, set())
    engineer.locator('[data-profile-field="target"]').select_option("staff")
    engineer.locator(f'[data-plan="{dims[0]}"] [data-plan-field="step"]').fill("Lead the R&D review, ~2k lines")
    her_file = download(engineer, "export-json")

    watch = watched_page(site_url)
    manager = watch.page
    open_assessment(manager, site_url)
    manager.locator('[data-profile-field="name"]').fill("Marco")
    manager.locator("[data-profile-new]").fill("Priya (my report)")
    manager.locator('[data-action="profile-add"]').click()
    place(manager, site_url, {dims[0]: "staff", dims[1]: "senior"})
    open_assessment(manager, site_url)
    choose_file(manager, "compare-file", her_file)
    manager.locator("[data-compare]").wait_for()
    row = manager.locator("[data-agenda-row]").first
    row.locator('[data-agenda-field="text"]').fill("Priya leads the next design review")
    row.locator('[data-agenda-field="owner"]').fill("Priya")
    row.locator('[data-agenda-field="date"]').fill("2026-12-20")
    manager.locator("[data-agenda-next]").fill("2027-01-10")
    agenda = download(manager, "export-agenda")

    title = agenda.splitlines()[0]
    assert "Priya Raman (own view)" in title and "Marco's view of Priya" in title, title
    assert f"Marco places one step higher on {names[dims[0]]}" in agenda, agenda
    assert agenda.index(names[dims[0]]) < agenda.index(names[dims[1]]), "the largest difference first"
    assert "Lead the R&D review, ~2k lines" in agenda, "her own plan, as typed"
    assert "Priya leads the next design review; owner: Priya; by 2026-12-20" in agenda
    assert "Next meeting: 2027-01-10" in agenda
    assert not [line for line in agenda.splitlines() if line.strip() in ("-", "- =")], "no empty bullet"
    assert manager.locator("[data-agenda-output]").input_value() == agenda
    assert watch.errors == []


def test_comparing_a_shared_view_with_an_empty_own_assessment_asks_which_one(watched_page, site_url, loaded):
    dim = loaded.handbook.ladder.dimensions[0].id
    page = watched_page(site_url).page
    arrive_with(page, site_url, json.dumps({"version": 3, "profile": "me", "profiles": {
        "me": {"name": "Robin"}, "p1": {"name": "Sam (my report)", "placements": {dim: {"level": "senior"}}}}}))
    shared = {"version": 3, "profile": "me", "profiles": {"me": {"name": "Sam", "placements": {dim: {"level": "staff"}}}}}
    open_anew(page, assessment_url(site_url) + "#share=" + base64.urlsafe_b64encode(json.dumps(shared).encode()).decode().rstrip("="))
    page.locator('[data-action="compare-shared"]').click()
    expect(page.locator("[data-compare-ask]")).to_be_visible()
    assert "Me (Robin)" in page.locator("[data-compare-question]").inner_text()
    assert not page.locator("[data-compare]").is_visible(), "compared with an empty assessment without asking"
    assert page.locator("[data-compare-choices] option").all_inner_texts()[1:] == ["Sam (my report)"]  # only those with answers
    page.locator("[data-compare-choices]").select_option(label="Sam (my report)")
    page.locator("[data-compare]").wait_for()
    assert "Senior" in compare_rows(page)[0][1] and "Staff" in compare_rows(page)[0][2]
    assert page.locator("[data-profile-select]").input_value() == "p1"
