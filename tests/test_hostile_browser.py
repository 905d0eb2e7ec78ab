"""Hostile and unlucky input in the browser: what a reader typed stays text in the Markdown export,
storage that is full is said to be full and nothing is lost, odd imports and share links are refused."""
import base64
import html.parser
import json
import random
import string
import zlib
from pathlib import Path

import markdown
import pytest
from markdown_it import MarkdownIt
from playwright.sync_api import expect

from support import (arrive_with, assessment_url, download, first_signal_key, first_transition, import_json, item,
                     item_key, make_share_link, message, open_anew, open_assessment, open_share_link, status, storage_key, store_raw,
                     stored, stored_items, transition_url, write_note)

TYPED = [
    "First line",
    "# Heading",
    "- list item",
    "1. numbered",
    "> quote",
    "[link](javascript:alert(1)) <b>bold</b> *em* _em_ `code` <https://example.com>",
    "| a | b |",
    "---",
    "===",
    "![img](x.png) &lt;escaped&gt; {: onclick=x }",
    "    indented",
]
# Typed with every kind of line break a browser may hand over.
NOTE = "\r\n".join(TYPED[:3]) + "\r" + "\n".join(TYPED[3:])
COMMONMARK = MarkdownIt("commonmark")


class _Items(html.parser.HTMLParser):
    """Each list item's text and the tags inside it."""

    def __init__(self):
        super().__init__()
        self.open, self.items = [], []

    def handle_starttag(self, tag, attrs):
        for entry in self.open:
            entry["tags"].append(tag)
        if tag == "li":
            self.open.append({"text": "", "tags": []})

    def handle_endtag(self, tag):
        if tag == "li" and self.open:
            self.items.append(self.open.pop())

    def handle_data(self, data):
        for entry in self.open:
            entry["text"] += data


def list_items(rendered: str) -> list[dict]:
    parser = _Items()
    parser.feed(rendered)
    return parser.items


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.tags = "", []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def text_and_tags(rendered: str) -> _Text:
    parser = _Text()
    parser.feed(rendered)
    return parser


def item_with(rendered: str, start: str) -> dict:
    return next(entry for entry in list_items(rendered) if entry["text"].strip().startswith(start))


def fill_storage(page) -> int:
    """Fill the origin's storage to the last character; returns how many were added."""
    return page.evaluate("""() => {
        let added = 0, n = 0;
        for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
            const chunk = "x".repeat(size);
            while (true) {
                try { localStorage.setItem("filler." + n++, chunk); added += size; } catch (e) { break; }
            }
        }
        return added; }""")


def await_status(page, text: str):
    page.wait_for_function("text => document.querySelector('[data-status=actions]').textContent === text", arg=text)


def ticked_transition_page(watched_page, site_url, loaded):
    """The first transition's page with its first signal ticked; (page, the signal's key, the second's key)."""
    transition = first_transition(loaded)
    first, second = (item_key(transition, signal) for signal in transition.signals[:2])
    page = watched_page(site_url).page
    page.goto(transition_url(site_url, loaded, transition))
    item(page, first).locator(".hb-item__box").check()
    return page, first, second


def free_storage(page):
    page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('filler.')).forEach(k => localStorage.removeItem(k))")


# --- the Markdown export ----------------------------------------------------------------------------

def test_markdown_text_keeps_any_line_as_the_same_text(watched_page, site_url):
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    for line in TYPED + ["1) also numbered", "+ plus", "*** rule", "~~~ fence", "```js", "<!-- c -->", "a\\b \\# c",
                         "<img src=x onerror=alert(1)>", "&amp; &#60;", "_a_ **b** ~~c~~"]:
        escaped = page.evaluate("text => handbook.markdownText(text)", line)
        shown = text_and_tags(COMMONMARK.render(escaped))
        assert shown.tags == ["p"] and shown.text.strip() == line.strip(), (line, escaped)


def test_markdown_export_keeps_what_the_reader_typed_as_text_in_its_item(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    gone = "removed-list--gone"
    watch = watched_page(site_url)
    page = watch.page
    arrive_with(page, site_url, json.dumps({"version": 1, "items": {gone: {"done": True, "text": "\n".join(TYPED),
                                                                         "note": NOTE}}}))
    page.goto(assessment_url(site_url))
    item(page, key).locator(".hb-item__box").check()
    write_note(page, key, NOTE)
    exported = download(page, "export-markdown")

    for render in (COMMONMARK.render, markdown.markdown):
        rendered = render(exported)
        headings = sum(rendered.count(f"<h{level}") for level in range(1, 7))
        # the case's title, the signals shown, the one checklist's, the archived answers': none from the reader
        assert headings == 4, exported
        notes = [entry for entry in list_items(rendered) if entry["text"].strip().startswith("Evidence: First line")]
        assert len(notes) == 2
        for note in notes:
            assert set(note["tags"]) <= {"br", "p"}, note
        archived = item_with(rendered, "First line")
        assert set(archived["tags"]) <= {"br", "p", "code", "ul", "li"}, archived
        assert 'href="javascript' not in rendered and "<b>" not in rendered
    # CommonMark, as most wikis and document tools read Markdown, shows every line as it was typed.
    rendered = COMMONMARK.render(exported)
    for note in [entry for entry in list_items(rendered) if entry["text"].strip().startswith("Evidence")]:
        assert [line.strip() for line in note["text"].split("\n")][1:] == [line.strip() for line in TYPED[1:]]
    assert watch.errors == []


# --- storage that is full ------------------------------------------------------------------------

def test_import_that_does_not_fit_says_so_and_changes_nothing(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    item(page, key).locator(".hb-item__box").check()
    before = stored(page)
    fill_storage(page)
    answers = {f"big-list--item-{n}": {"done": True, "note": "evidence " * 100} for n in range(500)}
    import_json(page, json.dumps({"version": 1, "items": answers}))
    await_status(page, message(page, "import-full", count=500))
    assert stored(page) == before
    assert item(page, key).locator(".hb-item__box").is_checked()
    assert page.locator('[data-assessment] > [data-notice="full"]').is_visible()
    assert not page.locator('[data-assessment] > [data-notice="memory"]').is_visible()
    assert page.locator('[data-action="undo"]').is_hidden()
    free_storage(page)
    page.reload()
    assert stored(page) == before and item(page, key).locator(".hb-item__box").is_checked()


def test_a_tick_that_does_not_fit_is_undone_and_said(watched_page, site_url, loaded):
    page, _, second = ticked_transition_page(watched_page, site_url, loaded)
    before = stored(page)
    fill_storage(page)
    write_note(page, second, "A long note that does not fit. " * 20)
    item(page, second).locator(".hb-item__box").click()
    assert not item(page, second).locator(".hb-item__box").is_checked()
    assert page.locator('.hb-checklist [data-notice="full"]').first.is_visible()
    assert stored(page) == before
    free_storage(page)
    item(page, second).locator(".hb-item__box").click()
    assert item(page, second).locator(".hb-item__box").is_checked()
    assert second in stored_items(page)
    assert not page.locator('.hb-checklist [data-notice="full"]').first.is_visible()


def test_storage_full_on_arrival_shows_the_answers_and_says_full(watched_page, site_url, loaded):
    page, key, _ = ticked_transition_page(watched_page, site_url, loaded)
    fill_storage(page)
    page.reload()
    assert item(page, key).locator(".hb-item__box").is_checked(), "the saved answers were hidden"
    assert page.locator('.hb-checklist [data-notice="full"]').first.is_visible()
    assert not page.locator('.hb-checklist [data-notice="memory"]').first.is_visible()


# --- damaged storage, odd imports and share links ---------------------------------------------

def test_garbage_in_the_undo_copy_is_set_aside_and_reported(watched_page, site_url, loaded):
    page, key, _ = ticked_transition_page(watched_page, site_url, loaded)
    undo_key = storage_key(page) + ".undo"
    store_raw(page, "{ garbage", undo_key)
    page.reload()
    assert item(page, key).locator(".hb-item__box").is_checked()
    assert page.locator('.hb-checklist [data-notice="unreadable"]').first.is_visible()
    set_aside = page.evaluate("""prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix))
                                 .map(k => localStorage.getItem(k))""", storage_key(page) + ".unreadable.")
    assert set_aside == ["{ garbage"]
    assert page.evaluate("key => localStorage.getItem(key)", undo_key) is None


@pytest.mark.parametrize("version", [-5, 0, 1.5])
def test_an_import_with_an_impossible_version_is_refused(watched_page, site_url, loaded, version):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    item(page, key).locator(".hb-item__box").check()
    before = stored(page)
    import_json(page, json.dumps({"version": version, "items": {}}))
    await_status(page, message(page, "problem-version", version=version))
    assert stored(page) == before


def test_one_answer_is_one_answer(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    import_json(page, json.dumps({"version": 1, "items": {key: {"done": True}}}))
    page.wait_for_function("() => document.querySelector('[data-status=actions]').textContent !== ''")
    assert status(page) == "Imported 1 answer. Undo brings back the ones you had."


def test_a_share_link_too_long_for_browsers_is_not_offered(watched_page, site_url, loaded):
    page = watched_page(site_url).page
    noise = random.Random(24)  # notes that do not compress: too long even packed
    answers = {f"big-list--item-{n}": {"done": True, "note": "".join(noise.choices(string.ascii_letters + string.digits, k=20000))}
               for n in range(120)}
    arrive_with(page, site_url, json.dumps({"version": 1, "items": answers}))
    page.goto(assessment_url(site_url))
    page.locator('[data-action="share"]').click()
    page.wait_for_function("() => document.querySelector('[data-status=share]').textContent !== ''")
    size = page.evaluate("() => document.querySelector('[data-status=share]').textContent")
    assert size.startswith("No share link made") and page.locator("[data-share-output]").input_value() == ""


def test_ticks_among_ten_thousand_kept_answers_are_all_saved(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    first, second = (item_key(transition, signal) for signal in transition.signals[:2])
    kept = {f"old-list-{n}--item-{n}": {"done": True, "note": "note " * 10, "text": "An old item"} for n in range(10000)}
    page = watched_page(site_url).page
    arrive_with(page, site_url, json.dumps({"version": 1, "items": kept}))
    page.goto(assessment_url(site_url))
    assert page.locator("[data-archived-list] > li").count() == 10000
    item(page, first).locator(".hb-item__box").check()
    page.wait_for_function("([key, id]) => (localStorage.getItem(key) || '').includes(id)", arg=[storage_key(page), first])
    item(page, second).locator(".hb-item__box").check()
    page.goto(transition_url(site_url, loaded, transition))  # leaving the page writes what is waiting
    saved = stored_items(page)
    assert saved[first]["done"] and saved[second]["done"] and len(saved) == 10002
    assert item(page, second).locator(".hb-item__box").is_checked()


# --- nothing a reader saves is lost (issue 21, cases 5 to 10) ---------------------------------------

def limits(page) -> dict:
    return page.evaluate("() => handbook.store.LIMITS")


def checkins(count: int) -> list:
    return [{"date": f"2026-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}T09:00:00.000Z", "placements": {}, "items": {}}
            for n in range(count)]


def import_twice(page, text: str):
    """The same file imported into the assessment shown, twice in a row."""
    for _ in range(2):
        page.evaluate("document.querySelector('[data-status=actions]').textContent = ''")
        import_json(page, text)
        page.wait_for_function("() => document.querySelector('[data-status=actions]').textContent !== ''")
        assert status(page).startswith("Imported"), status(page)


def test_the_201st_check_in_stays_after_a_reload_and_its_download_imports(watched_page, site_url):
    page = watched_page(site_url).page
    arrive_with(page, site_url, json.dumps({"version": 2, "profile": "me", "profiles": {"me": {"name": "Sam",
                                                                                           "checkins": checkins(200)}}}))
    page.goto(assessment_url(site_url))
    page.locator('[data-action="checkin"]').click()
    page.reload()
    assert len(stored(page)["profiles"]["me"]["checkins"]) == 201
    assert page.locator('[data-timeline-row="scope"] td').nth(1).inner_text().count(";") == 200
    exported = download(page, "export-json")
    import_twice(page, exported)
    page.reload()
    assert len(stored(page)["profiles"]["me"]["checkins"]) == 201
    assert page.locator("[data-unreadable-section]").is_hidden()


def test_long_evidence_and_a_five_digit_year_are_kept_or_refused_where_typed(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    dimension = loaded.handbook.ladder.dimensions[0].id
    watch = watched_page(site_url)
    page = watch.page
    open_assessment(page, site_url)
    limit = limits(page)["text"]
    write_note(page, key, "a" * (limit + 500))  # a pasted document: refused with a message, kept in the box
    assert item(page, key).locator("[data-too-long]").is_visible() and key not in json.dumps(stored(page))
    write_note(page, key, "a" * limit)
    assert not item(page, key).locator("[data-too-long]").is_visible()
    page.locator('[data-profile-field="target"]').select_option(value=loaded.levels[-1].id)
    plan = page.locator(f'[data-plan="{dimension}"]')
    plan.locator('[data-plan-field="date"]').evaluate(
        "box => { box.value = '20270-03-01'; box.dispatchEvent(new Event('input', {bubbles: true})); }")
    plan.locator('[data-plan-field="step"]').fill("Lead the billing migration")
    plan.locator('[data-plan-field="evidence"]').fill("b" * (limit + 1))
    refused = plan.locator("[data-too-long]")
    assert refused.is_visible() and "1 character longer than the 20,000" in refused.inner_text()
    name = page.locator('[data-profile-field="name"]')
    name.fill("N" * (limit + 1))
    assert page.locator("#profile ~ .hb-profile-form [data-too-long], [data-too-long]").first.is_visible()
    assert name.evaluate("box => box.parentNode.querySelector('[data-too-long]').textContent").startswith("Not saved")
    name.fill("Sam")
    page.reload()
    me = stored(page)["profiles"]["me"]
    assert len(me["items"][key]["note"]) == limit and me["name"] == "Sam"
    assert me["plan"][dimension] == {"step": "Lead the billing migration", "date": "20270-03-01"}
    assert page.locator(f'[data-plan="{dimension}"] [data-plan-field="date"]').input_value() == "20270-03-01"
    exported = download(page, "export-json")
    import_twice(page, exported)
    page.reload()
    assert stored(page)["profiles"]["me"]["plan"][dimension]["date"] == "20270-03-01"
    page.goto(transition_url(site_url, loaded, first_transition(loaded)))  # elsewhere the box takes no more than is kept
    assert item(page, key).locator(".hb-note__text").get_attribute("maxlength") == str(limit)
    assert watch.errors == []


def test_two_tabs_each_keep_their_own_assessment_and_neither_overwrites_the_other(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    first, second = (item_key(transition, signal) for signal in transition.signals[:2])
    one = watched_page(site_url).page
    open_assessment(one, site_url)
    two = one.context.new_page()
    open_assessment(two, site_url)
    two.locator("[data-profile-new]").fill("Alex")
    two.locator('[data-action="profile-add"]').click()
    write_note(one, first, "typed in the first tab")
    document = stored(one)
    assert document["profiles"]["me"]["items"][first]["note"] == "typed in the first tab"
    assert document["profiles"]["p1"]["items"] == {}, "the first tab's typing landed in the second tab's assessment"
    one.reload()
    assert one.locator("[data-profile-select]").input_value() == "me"
    two.reload()
    assert two.locator("[data-profile-select]").input_value() == "p1"


def test_delayed_writes_of_two_tabs_with_many_answers_merge(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    first, second = (item_key(transition, signal) for signal in transition.signals[:2])
    kept = {f"old-list-{n}--item-{n}": {"done": True, "text": "An old item"} for n in range(1500)}
    one = watched_page(site_url).page
    arrive_with(one, site_url, json.dumps({"version": 1, "items": kept}))
    one.goto(transition_url(site_url, loaded, transition))
    two = one.context.new_page()
    two.goto(transition_url(site_url, loaded, transition))
    one.evaluate("() => { window.requestIdleCallback = callback => { window.later = callback; }; }")  # held back
    item(one, first).locator(".hb-item__box").check()
    item(two, second).locator(".hb-item__box").check()
    two.wait_for_function("([key, id]) => (localStorage.getItem(key) || '').includes(id)", arg=[storage_key(two), second])
    one.evaluate("() => window.later()")  # the first tab's write, after the second tab's
    # The first tab may write before the second tab's write has reached it: the second tab then hears of a
    # write built without its own and writes its answer again, a moment later.
    one.wait_for_function("([key, ids]) => ids.every(id => (localStorage.getItem(key) || '').includes(id))",
                          arg=[storage_key(one), [first, second]])
    saved = stored_items(one)
    assert saved[first]["done"] and saved[second]["done"] and len(saved) == 1502
    one.reload()
    assert item(one, second).locator(".hb-item__box").is_checked() and item(one, first).locator(".hb-item__box").is_checked()


def choose_file(page, action: str, text: str):
    page.set_input_files(f'[data-action="{action}"]', files=[{"name": "assessment.json", "mimeType": "application/json",
                                                             "buffer": text.encode("utf-8")}])


def test_importing_someone_elses_file_asks_first_and_keeps_every_version(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    report, manager = watched_page(site_url).page, watched_page(site_url).page
    open_assessment(report, site_url)
    report.locator('[data-profile-field="name"]').fill("Sam")
    write_note(report, key, "Sam's evidence")
    sams_file = download(report, "export-json")
    open_assessment(manager, site_url)
    manager.locator('[data-profile-field="name"]').fill("Robin")
    write_note(manager, key, "Robin's own notes")
    import_json(manager, sams_file)
    manager.locator("[data-import-choice]").wait_for()
    assert "Sam" in manager.locator("[data-import-question]").inner_text()
    assert stored(manager)["profiles"]["me"]["items"][key]["note"] == "Robin's own notes", "replaced before asking"
    manager.locator('[data-import-choice] [data-action="import-as-new"]').click()
    for _ in range(2):  # the same person's file again, twice: their kept copy is updated, never doubled
        choose_file(manager, "import-new", sams_file)
        manager.wait_for_function("() => document.querySelector('[data-status=conversation]').textContent.startsWith('Updated')")
        manager.evaluate("document.querySelector('[data-status=conversation]').textContent = ''")
    assert [p["name"] for p in stored(manager)["profiles"].values()] == ["Robin", "Sam"]
    manager.locator("[data-profile-select]").select_option(value="me")
    import_json(manager, sams_file)
    manager.locator('[data-import-choice] [data-action="import-replace"]').click()  # waits for the question
    assert stored(manager)["profiles"]["me"]["name"] == "Sam"
    manager.locator('[data-action="undo"]').click()
    assert stored(manager)["profiles"]["me"]["items"][key]["note"] == "Robin's own notes"
    manager.locator('[data-action="undo"]').click()  # Undo again: Sam's, as imported
    for _ in range(limits(manager)["versions"]):  # one version more than the history keeps per assessment
        manager.evaluate("handbook.store.reset()")
    manager.reload()
    manager.locator("[data-versions-section] summary").click()
    listed = manager.locator("[data-versions-list] li")
    assert listed.count() == limits(manager)["versions"]
    assert "before a reset" in listed.first.inner_text()
    assert "replaced by an import of Sam" not in listed.last.inner_text(), "the oldest version went first"
    manager.evaluate("handbook.store.restore(handbook.store.versions().at(-1).index)")  # Sam's, as imported
    assert stored(manager)["profiles"]["me"]["items"][key]["note"] == "Sam's evidence"


def test_replacing_own_assessment_is_restorable_from_the_list(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    write_note(page, key, "my notes")
    other = json.dumps({"version": 3, "profile": "me", "profiles": {"me": {"name": "Alex", "uid": "a1b2c3", "items": {}}}})
    import_json(page, other)
    page.locator('[data-import-choice] [data-action="import-replace"]').click()
    assert stored_items(page) == {}
    page.locator("[data-versions-section] summary").click()
    entry = page.locator("[data-versions-list] li").first
    assert "replaced by an import of Alex" in entry.inner_text()
    entry.locator('[data-action="restore"]').click()
    assert stored_items(page)[key]["note"] == "my notes"
    assert item(page, key).locator(".hb-note__text").input_value() == "my notes"


@pytest.mark.parametrize("suffix", ["#%", "?levels=%zz#%E0%A4%A", "#%25%"])
def test_a_malformed_address_is_ignored(watched_page, site_url, loaded, suffix):
    key = first_signal_key(loaded)
    transition = first_transition(loaded)
    watch = watched_page(site_url)
    page = watch.page
    page.goto(assessment_url(site_url) + suffix)
    page.locator('[data-action="show-all"]').click()
    item(page, key).locator(".hb-item__box").check()
    assert page.locator(f'[data-chart-row="{transition.id}"] [data-chart-done]').inner_text() == "1"
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-action="reset"]').click()
    await_status(page, message(page, "reset-done-one"))
    assert page.locator('[data-action="undo"]').is_visible()
    assert watch.errors == []


def test_stored_check_ins_dated_no_day_are_set_aside_and_never_show_invalid_date(watched_page, site_url):
    page = watched_page(site_url).page
    stored_text = json.dumps({"version": 2, "profile": "me", "profiles": {"me": {"checkins": [
        {"date": "2026-13-45T00:00:00Z", "placements": {}, "items": {}}, {"date": "9999-99-99", "placements": {}, "items": {}},
        {"date": "2026-11-02T09:00:00.000Z", "placements": {}, "items": {}}]}}})
    arrive_with(page, site_url, stored_text)
    page.goto(assessment_url(site_url))
    assert page.locator("[data-checkin-section]").is_visible(), "the check-in with a real date is kept"
    assert len(stored(page)["profiles"]["me"]["checkins"]) == 1
    assert "Invalid Date" not in page.locator("[data-assessment]").inner_text()
    expect(page.locator("[data-unreadable-section]")).to_be_visible()
    unreadable = page.evaluate("() => Object.keys(localStorage).filter(key => key.includes('.unreadable.'))")
    assert [page.evaluate("key => localStorage.getItem(key)", key) for key in unreadable] == [stored_text], "set aside whole"


def test_non_latin_names_get_distinct_readable_file_names(watched_page, site_url):
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    names = []
    for name in ("Иван Петров", "李小龙", "محمد علي", "Zoë"):
        page.locator('[data-profile-field="name"]').fill(name)
        with page.expect_download() as info:
            page.locator('[data-action="export-json"]').click()
        names.append(info.value.suggested_filename)
    assert names == ["self-assessment-иван-петров.json", "self-assessment-李小龙.json", "self-assessment-محمد-علي.json",
                     "self-assessment-zoe.json"]


def test_offline_copy_shares_no_local_path_and_keeps_answers_in_another_folder(watched_page, offline_site, loaded,
                                                                             tmp_path):
    import shutil
    key = first_signal_key(loaded)
    page = watched_page("file://").page
    page.goto((offline_site / "self-assessment.html").as_uri())
    # Answers an earlier version kept under the folder's path move to the key that does not depend on it.
    store_raw(page, (Path(__file__).parent / "fixtures" / "store-v2.json").read_text(encoding="utf-8"),
              storage_key(page))
    page.reload()
    assert page.locator('[data-profile-field="name"]').input_value() == "Sam Okafor"
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.endsWith('.hb.assessment') && !k.startsWith('/'))")
    assert len(keys) == 1 and keys[0].startswith("offline:http") and str(offline_site) not in keys[0]
    page.locator('[data-action="show-all"]').click()
    write_note(page, key, "kept offline")
    link = make_share_link(page)
    assert "file:" not in link and str(offline_site) not in link and "#share2=" in link
    moved = tmp_path / "somewhere-else"
    shutil.copytree(offline_site, moved)
    page.goto((moved / "self-assessment.html").as_uri())
    page.locator('[data-action="show-all"]').click()
    assert item(page, key).locator(".hb-note__text").input_value() == "kept offline"
    transition = first_transition(loaded)
    page.goto((moved / (loaded.entry(transition.id).page[:-len(".md")] + ".html")).as_uri())  # a page in a subfolder
    assert item(page, key).locator(".hb-note__text").input_value() == "kept offline"


def test_keeping_the_same_shared_link_twice_updates_one_copy_and_keeps_its_version(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    shared = {"version": 3, "profile": "me", "profiles": {"me": {"uid": "sam0001", "name": "Sam", "items": {key: {"done": True}}}}}
    for note in ("first link", "second link"):
        shared["profiles"]["me"]["items"][key]["note"] = note
        open_anew(page, assessment_url(site_url) + "#share=" + share_code_of(shared))
        page.locator('[data-action="adopt"]').click()
    document = stored(page)
    assert [p["name"] for p in document["profiles"].values()] == ["", "Sam"]
    assert document["profiles"]["p1"]["items"][key]["note"] == "second link"
    page.locator("[data-versions-section] summary").click()
    assert "replaced by the shared assessment of Sam" in page.locator("[data-versions-list] li").first.inner_text()
    page.locator('[data-versions-list] [data-action="restore"]').first.click()
    assert stored(page)["profiles"]["p1"]["items"][key]["note"] == "first link"


def share_code_of(document: dict) -> str:
    import base64
    return base64.urlsafe_b64encode(json.dumps(document).encode("utf-8")).decode("ascii").rstrip("=")


def test_a_check_in_on_a_shared_view_never_lands_in_the_readers_own(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    write_note(page, key, "mine")
    before = stored(page)
    shared = {"version": 3, "profile": "me", "profiles": {"me": {"name": "Sam", "items": {key: {"done": True}}}}}
    open_share_link(page, assessment_url(site_url) + "#share=" + share_code_of(shared))  # read on hashchange
    page.locator('[data-action="checkin"]').click()
    assert stored(page) == before
    page.locator('[data-action="leave-share"]').click()
    write_note(page, key, "mine, later")  # the next write must not carry the shared view's check-in
    assert stored(page)["profiles"]["me"]["checkins"] == []


def test_a_packed_share_link_cut_short_is_refused_with_a_message(watched_page, site_url, loaded):
    key = first_signal_key(loaded)
    page = watched_page(site_url).page
    open_assessment(page, site_url)
    write_note(page, key, "mine")
    shared = {"version": 3, "profile": "me", "profiles": {"me": {"name": "Sam", "items": {key: {"done": True, "note": "x" * 400}}}}}
    packer = zlib.compressobj(wbits=-15)
    code = base64.urlsafe_b64encode(packer.compress(json.dumps(shared).encode()) + packer.flush()).decode().rstrip("=")
    open_anew(page, assessment_url(site_url) + "#share2=" + code[: len(code) // 2])  # cut when pasted into a chat
    expect(page.locator('[data-status="page"]')).to_have_text(message(page, "share-problem") + " " + message(page, "problem-cut"))
    assert not page.locator('[data-notice="shared"]').is_visible()
    assert item(page, key).locator(".hb-note__text").input_value() == "mine"
