"""The self-assessment in headless Chromium: answers that stay, exports, imports, share links, and safety."""
import base64
import html
import json
import re
import shutil
import zlib

import pytest
from markdown_it import MarkdownIt
from playwright.sync_api import expect

from support import (HOSTILE, arrive_with, assessment_url, axe_violations, download, first_signal_key,
                     first_transition, free_port, import_json, instant_navigation_ready, item, item_key,
                     make_share_link, message, open_assessment, open_share_link, page_url, radio, serve, settled,
                     share_code, status, storage_key, store_raw, stored, stored_items, tab_to, transition_url,
                     write_note)


# --- ticks and notes stay ------------------------------------------------------------------------

def test_tick_survives_reload_instant_navigation_and_a_browser_restart(watched_page, site_url, loaded, browser):
    transition = first_transition(loaded)
    key = item_key(transition, transition.signals[0])
    watch = watched_page(site_url)
    page = watch.page
    page.goto(transition_url(site_url, loaded, transition))
    item(page, key).locator(".hb-item__box").check()
    page.reload()
    assert item(page, key).locator(".hb-item__box").is_checked()

    instant_navigation_ready(page)
    page.evaluate("window.__marker = 'same page'")
    level = loaded.levels[-1]
    page.locator(f"nav a[href$='levels/{level.id}/']").first.click()
    page.locator(f"h1#{level.id}").wait_for()
    page.locator(f"nav a[href$='transitions/{transition.id}/']").first.click()
    page.locator(f"h1#{transition.id}").wait_for()
    assert page.evaluate("window.__marker") == "same page", "navigation was not instant"
    assert item(page, key).locator(".hb-item__box").is_checked()
    assert page.locator(f'.hb-checklist[data-checklist="{transition.id}"] .hb-progress__done').inner_text() == "1"

    restarted = browser.new_context(storage_state=page.context.storage_state())
    try:
        again = restarted.new_page()
        again.goto(transition_url(site_url, loaded, transition))
        assert item(again, key).locator(".hb-item__box").is_checked()
    finally:
        restarted.close()
    assert watch.errors == [] and watch.outside == []


def test_evidence_note_persists_and_is_listed_on_the_self_assessment_page(watched_page, site_url, loaded):
    pillar = loaded.handbook.senior.pillars[0]
    key = item_key(pillar, pillar.practices[0])
    page = watched_page(site_url).page
    page.goto(page_url(site_url, "senior.md"))
    write_note(page, key, "Cut p99 latency from 800ms to 200ms")
    page.reload()
    assert item(page, key).locator(".hb-note__text").input_value() == "Cut p99 latency from 800ms to 200ms"
    page.goto(assessment_url(site_url))
    assert "Cut p99 latency from 800ms to 200ms" in page.locator("[data-evidence-list]").inner_text()


def test_ticks_are_saved_in_the_offline_build_read_from_file_urls(watched_page, offline_site, loaded):
    transition = first_transition(loaded)
    key = item_key(transition, transition.signals[0])
    watch = watched_page("file://")
    page = watch.page
    page.goto((offline_site / loaded.entry(transition.id).page.replace(".md", ".html")).as_uri())
    item(page, key).locator(".hb-item__box").check()
    page.reload()
    assert item(page, key).locator(".hb-item__box").is_checked()
    page.goto((offline_site / "self-assessment.html").as_uri())
    assert page.locator(f'[data-chart-row="{transition.id}"] [data-chart-done]').inner_text() == "1"
    assert watch.errors == [] and watch.outside == []


def test_answers_of_two_handbooks_on_one_origin_stay_apart(watched_page, built_site, loaded, tmp_path):
    for folder in ("first", "second"):
        shutil.copytree(built_site[0], tmp_path / folder)
    server = serve(tmp_path, free_port())
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        transition = first_transition(loaded)
        key = item_key(transition, transition.signals[0])
        page = watched_page(origin).page
        page.goto(transition_url(origin + "first/", loaded, transition))
        item(page, key).locator(".hb-item__box").check()
        page.goto(transition_url(origin + "second/", loaded, transition))
        assert not item(page, key).locator(".hb-item__box").is_checked()
    finally:
        server.shutdown()


# --- readiness and progress ----------------------------------------------------------------------

def test_level_and_transition_pages_show_readiness_for_the_next_step(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    watch = watched_page(site_url)
    page = watch.page
    page.goto(transition_url(site_url, loaded, transition))
    for signal in transition.signals[:2]:
        item(page, item_key(transition, signal)).locator(".hb-item__box").check()
    readiness = page.locator(".hb-readiness")
    assert transition.title in readiness.inner_text()
    assert readiness.locator(".hb-progress__done").inner_text() == "2"
    page.goto(page_url(site_url, loaded.entry(transition.from_level).page))
    step = page.locator(".hb-readiness .hb-readiness__step")
    assert transition.title in step.inner_text()  # drawn before the count arrives, so the page does not move
    expect(step.locator(".hb-progress__done")).to_have_text("2")
    assert step.locator("progress").get_attribute("max") == str(len(transition.signals))
    assert watch.errors == [] and watch.outside == []


def test_progress_is_announced_politely(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    page = watched_page(site_url).page
    page.goto(transition_url(site_url, loaded, transition))
    checklist = page.locator(f'.hb-checklist[data-checklist="{transition.id}"]')
    live = checklist.locator("[aria-live='polite']")
    assert live.inner_text() == f"0 of {len(transition.signals)} ticked"
    item(page, item_key(transition, transition.signals[-1])).locator(".hb-item__box").check()
    assert live.inner_text() == f"1 of {len(transition.signals)} ticked"


# --- the self-assessment page ------------------------------------------------------------------

def test_table_shows_progress_per_transition(watched_page, site_url, loaded):
    transitions = loaded.handbook.transitions.transitions
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    last = transitions[-1]
    for signal in last.signals[:3]:
        item(page, item_key(last, signal)).locator(".hb-item__box").check()
    rows = page.locator("[data-chart-row]")
    assert rows.count() == len(transitions)
    row = page.locator(f'[data-chart-row="{last.id}"]')
    assert row.locator("[data-chart-done]").inner_text() == "3"
    assert row.locator("[data-chart-share]").inner_text() == f"{round(300 / len(last.signals))}%"


def test_markdown_export_lists_the_ticked_items_and_notes(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    ticked, untouched = transition.signals[0], transition.signals[1]
    exercise = loaded.handbook.exercises.exercises[0]
    noted = exercise.items[0]
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    item(page, item_key(transition, ticked)).locator(".hb-item__box").check()
    write_note(page, item_key(transition, ticked), "Planned the billing rewrite in the ticket first")
    write_note(page, item_key(exercise, noted), "Did it in March")
    markdown = download(page, "export-markdown")

    assert markdown.splitlines()[0].startswith("# ")
    ticked_text = item(page, item_key(transition, ticked)).locator(".hb-item__text").inner_text()
    assert f"- {ticked_text}" in markdown
    assert "Planned the billing rewrite in the ticket first" in markdown
    assert "Did it in March" not in markdown, "a note on an item not ticked is no signal shown"
    untouched_text = item(page, item_key(transition, untouched)).locator(".hb-item__text").inner_text()
    assert untouched_text not in markdown
    assert transition.title in markdown


def rendered_text(markdown: str) -> str:
    """What a CommonMark/GFM reader shows of `markdown`: its text, tags dropped, entities read."""
    rendered = MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_promotion_case_is_ready_to_paste_and_reads_as_typed(watched_page, site_url, loaded):
    levels, dims = loaded.levels, loaded.handbook.ladder.dimensions
    today, target = levels[2], levels[3]
    transition = loaded.transitions_from(today)[0]
    key = item_key(transition, transition.signals[0])
    page = watched_page(site_url).page
    page.goto(page_url(site_url, "levels/index.md"))
    radio(page, dims[0].id, target.id).check()  # already at the target: a strength
    radio(page, dims[1].id, today.id).check()
    open_assessment(page, site_url)
    page.locator('[data-profile-field="name"]').fill("Priya Raman")
    page.locator('[data-profile-field="current"]').select_option(today.id)
    page.locator('[data-profile-field="target"]').select_option(target.id)
    page.locator(f'[data-plan="{dims[1].id}"] [data-plan-field="step"]').fill("Run the R&D review")  # no date, no evidence
    item(page, key).locator(".hb-item__box").check()
    write_note(page, key, "Cut the bill by ~2k a month & wrote why; a < b")
    case = download(page, "export-markdown")

    shown = rendered_text(case)
    assert "Cut the bill by ~2k a month & wrote why; a < b" in shown and "Run the R&D review" in shown
    assert "~2k" in case and "R&D" in case, "the file itself reads as typed"
    assert "I am Priya Raman." in shown and f"{today.name} ({today.code})" in shown and f"{target.name} ({target.code})" in shown
    strengths = case.split(message(page, "case-strengths-heading"))[1].split("\n## ")[0]
    assert dims[0].name in strengths and dims[1].name not in strengths
    assert message(page, "case-plan-date") + ":" not in case and f": {message(page, 'none')}" not in case, "nothing left blank"
    assert not re.search(r"\[[a-z][^\]]*\]", shown), "no template placeholder"
    assert not [line for line in shown.splitlines() if line.rstrip().endswith(":")], "no empty field"
    signals = case.split(message(page, "assessment-heading"))[1]
    assert "- [ ]" not in case and "- [x]" not in signals
    template = loaded.handbook.staff.brag_document.template.strip().splitlines()
    assert not [line for line in template[1:] if line.startswith("#") and line in case.splitlines()], "the brag template is its own file"


def test_brag_document_template_downloads_on_its_own(watched_page, site_url, loaded):
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    with page.expect_download() as info:
        page.locator('[data-action="export-brag"]').click()
    assert info.value.suggested_filename == "brag-document-template.md"
    assert info.value.path().read_text(encoding="utf-8") == loaded.handbook.staff.brag_document.template.strip() + "\n"


def test_copy_formatted_puts_the_case_on_the_clipboard_as_html(watched_page, site_url):
    watch = watched_page(site_url, permissions=["clipboard-read", "clipboard-write"])
    page = watch.page
    page.goto(assessment_url(site_url))
    page.locator('[data-profile-field="name"]').fill("Priya <b>Raman</b> & co")
    page.locator('[data-action="copy-formatted"]').click()
    expect(page.locator('[data-status="copy"]')).to_have_text(message(page, "copy-done"))
    copied = page.evaluate("""async () => {
        const [entry] = await navigator.clipboard.read();
        return { types: entry.types, html: await (await entry.getType("text/html")).text(),
                 text: await (await entry.getType("text/plain")).text() }; }""")
    assert "text/html" in copied["types"] and "text/plain" in copied["types"]
    assert re.search(r"<h1>Promotion case: Priya &lt;b&gt;Raman&lt;/b&gt; &amp; co</h1>", copied["html"]), copied["html"]
    assert "<b>" not in copied["html"]
    assert copied["text"].startswith("# ")
    assert watch.errors == []


def test_json_export_resets_and_imports_back(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    watch = watched_page(site_url)
    page = watch.page
    open_assessment(page, site_url)
    item(page, key).locator(".hb-item__box").check()
    write_note(page, key, "evidence with ünïcode ✓")
    exported = download(page, "export-json")
    data = json.loads(exported)
    assert data["version"] == 4 and data["profiles"]["me"]["items"][key]["done"] is True

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-action="reset"]').click()
    assert not item(page, key).locator(".hb-item__box").is_checked()
    assert stored_items(page) == {}

    import_json(page, exported)
    page.wait_for_function("key => document.querySelector(`[data-item='${key}'] .hb-item__box`).checked", arg=key)
    assert item(page, key).locator(".hb-note__text").input_value() == "evidence with ünïcode ✓"
    assert stored_items(page)[key]["note"] == "evidence with ünïcode ✓"
    assert watch.errors == [] and watch.outside == []


def test_reset_asks_first_and_can_be_undone(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    item(page, key).locator(".hb-item__box").check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator('[data-action="reset"]').click()
    assert item(page, key).locator(".hb-item__box").is_checked(), "a dismissed reset cleared the answers"
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-action="reset"]').click()
    assert not item(page, key).locator(".hb-item__box").is_checked()
    page.reload()
    page.locator('[data-action="undo"]').click()
    assert item(page, key).locator(".hb-item__box").is_checked()
    assert status(page) == message(page, "undo-done-one")


# --- hostile and broken input ------------------------------------------------------------------

def test_hostile_import_renders_as_text(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    answers = {key: {"done": True, "note": HOSTILE}, "removed-list--gone": {"done": True, "note": HOSTILE, "text": HOSTILE}}
    watch = watched_page(site_url)
    page = watch.page
    page.goto(assessment_url(site_url))
    import_json(page, json.dumps({"version": 1, "items": answers}))
    page.locator("[data-evidence-list] li").first.wait_for()
    settled(page)
    assert page.evaluate("window.__pwned") is None
    assert HOSTILE in page.locator("[data-evidence-list]").inner_text()
    assert HOSTILE in page.locator("[data-archived-list]").inner_text()
    assert page.locator("[data-assessment] img, [data-assessment] script").count() == 0
    assert watch.errors == []


def test_malformed_import_changes_nothing_and_explains(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    item(page, key).locator(".hb-item__box").check()
    before = stored(page)

    import_json(page, "{ this is not json")
    page.wait_for_function("text => document.querySelector('[data-status=actions]').textContent === text",
                           arg=message(page, "problem-json"))
    bad_answer = {"version": 1, "items": {key: {"done": False}, "some-list--item": {"done": "yes"}}}
    import_json(page, json.dumps(bad_answer))
    page.wait_for_function("text => document.querySelector('[data-status=actions]').textContent === text",
                           arg=message(page, "problem-item", id="some-list--item", field="done"))
    import_json(page, json.dumps({"version": 99, "items": {}}))
    page.wait_for_function("() => document.querySelector('[data-status=actions]').textContent.includes('99')")
    import_json(page, json.dumps([1, 2, 3]))
    page.wait_for_function("text => document.querySelector('[data-status=actions]').textContent === text",
                           arg=message(page, "problem-shape"))
    assert stored(page) == before
    assert item(page, key).locator(".hb-item__box").is_checked()


def test_share_link_shows_the_same_view_without_touching_own_answers(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    sharer = watched_page(site_url).page
    open_assessment(sharer, site_url)
    item(sharer, key).locator(".hb-item__box").check()
    write_note(sharer, key, "Led the incident review")
    link = make_share_link(sharer)
    assert link.startswith(assessment_url(site_url) + "#")

    mentor = watched_page(site_url).page
    open_share_link(mentor, link)
    assert item(mentor, key).locator(".hb-item__box").is_checked()
    assert "Led the incident review" in mentor.locator("[data-evidence-list]").inner_text()
    assert mentor.locator('[data-notice="shared"]').is_visible()
    assert stored(mentor) is None, "opening a share link wrote to the mentor's storage"
    mentor.locator('[data-action="leave-share"]').click()
    assert not item(mentor, key).locator(".hb-item__box").is_checked()

    mentor.goto(site_url)
    open_share_link(mentor, link)
    mentor.locator('[data-action="adopt"]').click()
    document = stored(mentor)
    assert document["profiles"]["me"]["items"] == {}, "keeping a shared assessment replaced the reader's own"
    assert document["profiles"][document["profile"]]["items"][key]["note"] == "Led the incident review"
    assert not mentor.locator('[data-notice="shared"]').is_visible()


def test_shared_view_stays_while_moving_around_the_page(watched_page, site_url, loaded):
    transition = loaded.handbook.transitions.transitions[-1]
    key = item_key(transition, transition.signals[0])
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url) + "#share=" + share_code({key: {"done": True}}))
    page.locator(f'[data-chart-row="{transition.id}"] a').click()
    assert page.url.endswith(f"#assess-{transition.id}")
    assert page.locator('[data-notice="shared"]').is_visible()
    assert item(page, key).locator(".hb-item__box").is_checked()


def test_hostile_share_link_renders_as_text(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    watch = watched_page(site_url)
    page = watch.page
    page.goto(assessment_url(site_url) + "#share=" + share_code({key: {"done": True, "note": HOSTILE}}))
    page.locator("[data-evidence-list] li").first.wait_for()
    settled(page)
    assert page.evaluate("window.__pwned") is None
    assert HOSTILE in page.locator("[data-evidence-list]").inner_text()
    assert item(page, key).locator(".hb-note__text").input_value() == HOSTILE

    page.goto(site_url)
    page.goto(assessment_url(site_url) + "#share=not-base64-json!")
    assert message(page, "share-problem") in status(page)
    assert watch.errors == []


def test_corrupt_storage_is_set_aside_reported_and_the_rest_recovered(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    kept, other = item_key(transition, transition.signals[0]), item_key(transition, transition.signals[1])
    damaged = json.dumps({"version": 1, "items": {kept: {"done": True}, "bad id!": {"done": True}}})
    watch = watched_page(site_url)
    page = watch.page
    arrive_with(page, site_url, damaged)
    page.goto(transition_url(site_url, loaded, transition))
    assert item(page, kept).locator(".hb-item__box").is_checked(), "the readable answer was not recovered"
    assert page.locator('.hb-checklist [data-notice="unreadable"]').is_visible()
    set_aside = page.evaluate("""prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix))
                                 .map(k => localStorage.getItem(k))""", storage_key(page) + ".unreadable.")
    assert set_aside == [damaged]

    store_raw(page, "{ not json at all")
    page.reload()
    item(page, other).locator(".hb-item__box").check()
    row = item(page, other)
    assert stored_items(page) == {other: {"done": True, "text": row.locator(".hb-item__text").inner_text(), "hash": row.get_attribute("data-hash")}}
    page.goto(assessment_url(site_url))
    assert page.locator("[data-unreadable-list] li").count() == 2
    with page.expect_download() as info:
        page.locator('[data-action="unreadable-download"]').last.click()
    assert info.value.path().read_text(encoding="utf-8") == "{ not json at all"
    assert watch.errors == []


def test_archived_answer_is_kept_listed_and_exported(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    gone = "renamed-checklist--old-item"
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    store_raw(page, json.dumps({"version": 1, "items": {gone: {"done": True, "note": "kept note", "text": "An old item"}}}))
    page.reload()
    archived = page.locator("[data-archived-list]")
    assert gone in archived.inner_text() and "kept note" in archived.inner_text()
    item(page, key).locator(".hb-item__box").check()
    assert gone in stored_items(page)
    assert gone in json.loads(download(page, "export-json"))["profiles"]["me"]["items"]
    markdown = download(page, "export-markdown")  # a document for people: the old wording and its note, not the id
    assert "An old item" in markdown and "kept note" in markdown and gone not in markdown


def test_unavailable_storage_works_in_memory_and_says_so(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    key = item_key(transition, transition.signals[0])
    watch = watched_page(site_url)
    page = watch.page
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('denied', 'QuotaExceededError'); };")
    page.goto(transition_url(site_url, loaded, transition))
    assert page.locator('.hb-checklist [data-notice="memory"]').is_visible()
    item(page, key).locator(".hb-item__box").check()
    assert page.locator(f'.hb-checklist[data-checklist="{transition.id}"] .hb-progress__done').inner_text() == "1"
    page.goto(assessment_url(site_url))
    assert page.locator('[data-assessment] > [data-notice="memory"]').is_visible()
    assert [e for e in watch.errors if "handbook" in e or "javascripts/" in e] == []


# --- keyboard, accessibility, print, no JavaScript ------------------------------------------------

def test_keyboard_only_tick_and_note(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    key = item_key(transition, transition.signals[0])
    page = watched_page(site_url).page
    page.goto(transition_url(site_url, loaded, transition))
    box = item(page, key).locator(".hb-item__box")
    tab_to(page, box)
    page.keyboard.press("Space")
    assert box.is_checked()
    page.keyboard.press("Tab")
    toggle = item(page, key).locator(".hb-note__toggle")
    assert toggle.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.type("typed with the keyboard")
    page.reload()
    assert item(page, key).locator(".hb-note__text").input_value() == "typed with the keyboard"


def test_every_control_has_a_label(watched_page, site_url):
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    unnamed = page.evaluate("""() => [...document.querySelectorAll(
        '.hb-checklist input, .hb-checklist textarea, .hb-checklist button, [data-assessment] input, [data-assessment] button, [data-assessment] textarea')]
        .filter(el => !(el.labels && el.labels.length) && !el.textContent.trim() && !el.getAttribute('aria-label'))
        .map(el => el.outerHTML)""")
    assert unnamed == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_src", ["self-assessment.md", "senior.md", "compare.md", "transition", "level"])
def test_axe_finds_no_violation_in_the_components(watched_page, site_url, loaded, page_src, scheme):
    transition = first_transition(loaded)
    pages = {"transition": loaded.entry(transition.id).page, "level": loaded.entry(transition.from_level).page}
    page = watched_page(site_url, color_scheme=scheme).page
    page.goto(page_url(site_url, pages.get(page_src, page_src)))
    boxes = page.locator(".hb-item__box")
    if boxes.count():
        boxes.first.check()
        write_note(page, page.locator(".hb-checklist [data-item]").first.get_attribute("data-item"), "a note")
    settled(page)
    assert axe_violations(page) == []


def test_axe_finds_no_violation_with_every_part_of_the_self_assessment_shown(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    store_raw(page, "{ damaged")
    page.reload()
    store_raw(page, json.dumps({"version": 1, "items": {"gone-list--gone-item": {"done": True, "note": "old"}}}))
    page.goto(site_url)
    page.goto(assessment_url(site_url) + "#share=" + share_code({key: {"done": True, "note": "shared note"}}))
    page.locator('[data-action="share"]').click()
    page.locator("[data-markdown-preview] summary").click()
    for part in ['[data-notice="shared"]', "[data-evidence-list] li", "[data-unreadable-list] li", "[data-markdown-output]"]:
        assert page.locator(part).first.is_visible(), part
    assert axe_violations(page) == []


def test_print_shows_the_ticked_state_and_the_notes(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    key = item_key(transition, transition.signals[0])
    page = watched_page(site_url).page
    page.goto(transition_url(site_url, loaded, transition))
    item(page, key).locator(".hb-item__box").check()
    write_note(page, key, "printed evidence")
    page.emulate_media(media="print")
    row = item(page, key)
    assert row.locator(".hb-item__box").is_visible() and row.locator(".hb-item__box").is_checked()
    assert row.locator(".hb-note__print").is_visible() and row.locator(".hb-note__print").inner_text() == "printed evidence"
    assert not row.locator(".hb-note__toggle").is_visible()
    assert "✓" in row.locator(".hb-item__label").evaluate("el => getComputedStyle(el, '::before').content")


def test_without_javascript_checklists_are_plain_readable_lists(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    page = watched_page(site_url, java_script_enabled=False).page
    page.goto(transition_url(site_url, loaded, transition))
    checklist = page.locator(f'.hb-checklist[data-checklist="{transition.id}"]')
    assert checklist.locator(".hb-item__box").count() == len(transition.signals)
    assert checklist.locator(".hb-item__text").first.is_visible()
    assert not checklist.locator(".hb-progress").is_visible()
    assert not checklist.locator(".hb-note").first.is_visible()
    page.goto(assessment_url(site_url))
    assert page.locator(".hb-checklist .hb-item__text").first.is_visible()


# --- the site around it ------------------------------------------------------------------------

def test_every_checklist_of_the_site_is_on_the_self_assessment_page(built_site):
    site = built_site[0]
    pattern = re.compile(r'data-item="([^"]+)"')
    on_assessment = set(pattern.findall((site / "self-assessment/index.html").read_text(encoding="utf-8")))
    elsewhere = set()
    for path in site.rglob("*.html"):
        if path.parent.name != "self-assessment":
            elsewhere |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert elsewhere and elsewhere <= on_assessment, sorted(elsewhere - on_assessment)


def test_compare_shows_the_two_chosen_levels_and_keeps_them_in_the_address(watched_page, site_url, loaded):
    levels = loaded.levels
    first, second = levels[1], levels[-1]
    page = watched_page(site_url).page
    page.goto(page_url(site_url, "compare.md"))
    page.locator('[data-compare-pick="0"]').select_option(first.id)
    page.locator('[data-compare-pick="1"]').select_option(second.id)
    assert f"levels={first.id}%2C{second.id}" in page.url or f"levels={first.id},{second.id}" in page.url
    page.reload()
    visible = [lv.id for lv in levels if page.locator(f'.hb-compare thead [data-level="{lv.id}"]').is_visible()]
    assert visible == [first.id, second.id]
    assert page.locator('[data-compare-pick="0"]').input_value() == first.id


def test_search_dialog_has_an_accessible_name(watched_page, site_url):
    page = watched_page(site_url).page
    page.goto(site_url)
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")


# --- sharing that is easy, one date format ------------------------------------------------------------

def test_share_link_is_packed_shorter_than_before_and_opens_with_every_answer(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    keys = [item_key(transition, signal) for signal in transition.signals[:6]]
    sharer = watched_page(site_url).page
    open_assessment(sharer, site_url)
    sharer.locator('[data-profile-field="name"]').fill("Priya Raman")
    for n, key in enumerate(keys):
        item(sharer, key).locator(".hb-item__box").check()
        write_note(sharer, key, f"Led the migration of service {n} to the new queue, with a write-up the team reuses")
    link = make_share_link(sharer)
    base, code = link.split("#share2=")
    document = zlib.decompress(base64.urlsafe_b64decode(code + "=" * (-len(code) % 4)), wbits=-15)
    old_link = base + "#share=" + base64.urlsafe_b64encode(document).decode("ascii").rstrip("=")
    print(f"share link: {len(link)} characters packed, {len(old_link)} as before")
    assert len(link) < len(old_link) * 0.75

    for opened in (link, old_link):  # links made before still open
        mentor = watched_page(site_url).page
        open_share_link(mentor, opened)
        assert mentor.locator("[data-shared-name]").inner_text() == "Priya Raman"
        mentor.locator('[data-action="show-all"]').click()
        for n, key in enumerate(keys):
            assert item(mentor, key).locator(".hb-item__box").is_checked()
            assert item(mentor, key).locator(".hb-note__text").input_value().startswith(f"Led the migration of service {n} ")


def test_copy_puts_the_share_link_on_the_clipboard_and_says_so_beside_the_button(watched_page, site_url, loaded):
    page = watched_page(site_url, permissions=["clipboard-read", "clipboard-write"]).page
    open_assessment(page, site_url)
    item(page, first_signal_key(loaded)).locator(".hb-item__box").check()
    copy = page.locator('[data-action="share-copy"]')
    copy.click()
    expect(page.locator('[data-status="share"]')).to_have_text(message(page, "share-copied"))
    link = page.locator("[data-share-output]").input_value()
    assert "#share2=" in link and page.evaluate("navigator.clipboard.readText()") == link
    button, said = copy.bounding_box(), page.locator('[data-status="share"]').bounding_box()
    assert abs((said["y"] + said["height"] / 2) - (button["y"] + button["height"] / 2)) < button["height"], \
        "the message is not beside the Copy button"


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_shared_view_notice_is_on_the_first_screen(watched_page, site_url, loaded, width, height):
    page = watched_page(site_url, viewport={"width": width, "height": height}).page
    page.goto(assessment_url(site_url) + "#share=" + share_code({first_signal_key(loaded): {"done": True}}))
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator('[data-notice="shared"]').bounding_box()  # whose it is, and its buttons
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"the shared-view notice is at y={box['y']:.0f}"


def test_dates_on_the_page_are_in_one_format_the_readers(watched_page, site_url, loaded):
    page = watched_page(site_url, locale="en-GB").page
    open_assessment(page, site_url)
    item(page, first_signal_key(loaded)).locator(".hb-item__box").check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-action="reset"]').click()
    item(page, first_signal_key(loaded)).locator(".hb-item__box").check()
    page.locator('[data-action="checkin"]').click()
    page.locator("[data-versions-section] summary").click()
    shown = [page.locator("[data-checkin-since]").inner_text(), page.locator("[data-versions-list] li").first.inner_text()]
    for text in shown:
        assert re.search(r"\b\d{1,2} [A-Z][a-z]{2,3} \d{4}\b", text), text
        assert not re.search(r"\d+/\d+/\d+|\d{4}-\d\d-\d\d", text), text
