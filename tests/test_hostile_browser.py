"""Hostile and unlucky input in the browser: what a reader typed stays text in the Markdown export,
storage that is full is said to be full and nothing is lost, odd imports and share links are refused."""
import html.parser
import json

import markdown
import pytest
from markdown_it import MarkdownIt

from support import (assessment_url, download, first_signal_key, first_transition, import_json, item, item_key,
                     message, status, storage_key, store_raw, stored, stored_items, transition_url, write_note)

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
    page.goto(assessment_url(site_url))
    store_raw(page, json.dumps({"version": 1, "items": {gone: {"done": True, "text": "\n".join(TYPED), "note": NOTE}}}))
    page.reload()
    item(page, key).locator(".hb-item__box").check()
    write_note(page, key, NOTE)
    exported = download(page, "export-markdown")

    template = loaded.handbook.staff.brag_document.template
    for render in (COMMONMARK.render, markdown.markdown):
        rendered = render(exported)
        headings = sum(rendered.count(f"<h{level}") for level in range(1, 7))
        # the template's, less its title, plus the case's title, placement, plan, ticked items, one list, archived
        assert headings == sum(render(template).count(f"<h{level}") for level in range(1, 7)) + 5, exported
        notes = [entry for entry in list_items(rendered) if entry["text"].strip().startswith("Evidence: First line")]
        assert len(notes) == 2
        for note in notes:
            assert set(note["tags"]) <= {"br", "p"}, note
        archived = item_with(rendered, "[x] First line")
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
    page.goto(assessment_url(site_url))
    answers = {f"big-list--item-{n}": {"done": True, "note": "n" * 20000} for n in range(110)}
    store_raw(page, json.dumps({"version": 1, "items": answers}))
    page.reload()
    page.locator('[data-action="share"]').click()
    size = page.evaluate("() => document.querySelector('[data-status=actions]').textContent")
    assert size.startswith("No share link made") and page.locator("[data-share-output]").input_value() == ""


def test_ticks_among_ten_thousand_kept_answers_are_all_saved(watched_page, site_url, loaded):
    transition = first_transition(loaded)
    first, second = (item_key(transition, signal) for signal in transition.signals[:2])
    kept = {f"old-list-{n}--item-{n}": {"done": True, "note": "note " * 10, "text": "An old item"} for n in range(10000)}
    page = watched_page(site_url).page
    page.goto(assessment_url(site_url))
    store_raw(page, json.dumps({"version": 1, "items": kept}))
    page.reload()
    assert page.locator("[data-archived-list] > li").count() == 10000
    item(page, first).locator(".hb-item__box").check()
    page.wait_for_function("([key, id]) => (localStorage.getItem(key) || '').includes(id)", arg=[storage_key(page), first])
    item(page, second).locator(".hb-item__box").check()
    page.goto(transition_url(site_url, loaded, transition))  # leaving the page writes what is waiting
    saved = stored_items(page)
    assert saved[first]["done"] and saved[second]["done"] and len(saved) == 10002
    assert item(page, second).locator(".hb-item__box").is_checked()
