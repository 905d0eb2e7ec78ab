"""The reader's experience in headless Chromium: pages that hold still, fit a phone, lead to the right place."""
import re
import sys

import pytest
from playwright.sync_api import expect

from support import ROOT, settled
from handbook.render.summaries import summary
from site_html import output_path

sys.path.insert(0, str(ROOT / "scripts"))
from audit import audited_pages  # noqa: E402  (the pages `make audit` measures)

pytestmark = pytest.mark.search  # pages load as a reader's do, search worker included (conftest.py: QUIET_SEARCH)
PHONE = {"width": 390, "height": 844}

# Every layout shift the page makes without the reader's input, as Lighthouse adds them up.
WATCH_SHIFTS = """() => {
  window.__shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({type: "layout-shift", buffered: true});
}"""


def page_url(site_url, page_src: str) -> str:
    return site_url + output_path(page_src).removesuffix("index.html")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_main_pages_do_not_move_while_loading_and_fit_a_phone(watched_page, site_url, loaded, viewport):
    """Cumulative layout shift under 0.1 (Lighthouse's "good") on the pages `make audit` measures, with the
    processor slowed four times as Lighthouse's mobile preset does; at 390 px nothing scrolls sideways."""
    watch = watched_page(site_url, viewport=viewport)
    page = watch.page
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script(f"({WATCH_SHIFTS})()")
    for name, page_src in audited_pages(loaded):
        page.goto(page_url(site_url, page_src), wait_until="networkidle")
        settled(page)
        shift = page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")
        assert shift < 0.1, f"{name} page moves while loading: layout shift {shift:.3f}"
        if viewport is PHONE:
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], f"{name} page scrolls sideways at 390 px: {width[0]} px wide"
    assert watch.errors == [] and watch.outside == []


def search(page, term: str):
    """Material's search as a reader uses it: the results, best first, as they settle. A term searched before
    is cleared first, as a reader deletes it."""
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").click()
    page.keyboard.type(term)
    return page.locator(".md-search-result__item > a")


def test_searching_a_level_or_transition_name_shows_its_page_first(watched_page, site_url, loaded):
    entries = [loaded.entry(level.id) for level in loaded.levels]
    entries += [loaded.entry(t.id) for t in loaded.handbook.transitions.transitions]
    watch = watched_page(site_url)
    watch.page.goto(site_url)  # one page, searched again and again: the search index is built once per page load
    for entry in entries:
        results = search(watch.page, entry.title)
        expected = re.escape(output_path(entry.page).removesuffix("index.html"))
        expect(results.first).to_have_attribute("href", re.compile(f"{expected}(\\?|#|$)"))
        # The result shows the entity's summary, not the page's controls.
        expect(results.first.locator(".md-search-result__article p").first).to_contain_text(summary(entry)[:40])
    assert watch.errors == [] and watch.outside == []


def test_search_finds_other_forms_of_a_word(watched_page, site_url, loaded):
    """English stemming: "negotiation" finds the section "Negotiating the offer"."""
    negotiation = loaded.handbook.interviews.negotiation
    page = watched_page(site_url).page
    page.goto(site_url)
    search(page, "negotiation")
    expect(page.locator(f".md-search-result__item > a[href*='#{loaded.entry(negotiation.id).anchor}']")).to_have_count(1)
    assert "negotiation" not in negotiation.title.lower()  # the heading has another form of the word


def test_the_offline_copy_finds_other_forms_of_a_word_too(watched_page, offline_site, loaded):
    """From file://, where the search runs in an iframe instead of a worker (the iframe-worker shim)."""
    negotiation = loaded.handbook.interviews.negotiation
    watch = watched_page("file://")
    watch.page.goto((offline_site / "index.html").as_uri())
    search(watch.page, "negotiation")
    anchor = loaded.entry(negotiation.id).anchor
    expect(watch.page.locator(f".md-search-result__item > a[href*='#{anchor}']")).to_have_count(1)
    assert watch.errors == [] and watch.outside == []


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE], ids=["laptop", "phone"])
def test_home_page_shows_its_task_cards_on_the_first_screen(watched_page, site_url, viewport):
    """Where to start is visible without scrolling: at 1280x800 the first row of task cards is whole on
    screen, with its links; on a phone the first card's title and text are."""
    page = watched_page(site_url, viewport=viewport).page
    page.goto(site_url)
    cards = page.locator(".hb-tasks li")
    top = cards.first.bounding_box()["y"]
    if viewport is PHONE:
        shown = [cards.first.locator("strong").first, cards.first.locator("p").nth(1)]
    else:
        shown = [link for card in cards.all() if card.bounding_box()["y"] == top for link in card.locator("a").all()]
        assert len(shown) >= 2, "the first row holds one card"
    for element in shown:
        box = element.bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], f"{element.inner_text()!r} is below the first screen"


def test_every_task_card_holds_its_own_links(built_site):
    """A card's links sit in its card: a template tag that starts a card's line must not push them out of it."""
    home = (built_site[0] / "index.html").read_text(encoding="utf-8")
    cards = re.search(r'<div class="[^"]*hb-tasks[^"]*"[^>]*>(.*?)</div>', home, re.S).group(1)
    assert "</ul>" in cards and not re.search(r"</ul>\s*<p>", cards), "a paragraph of links outside the cards"
    for card in re.findall(r"<li>(.*?)</li>", cards, re.S):
        assert "<a " in card, f"a card without its link: {card[:80]!r}"
        assert card.count("<strong>") == 1, f"two cards run together: {card[:80]!r}"


def test_the_managers_page_opens_with_the_conversation_workflow(built_site):
    page = (built_site[0] / "managers" / "index.html").read_text(encoding="utf-8")
    first_heading = re.search(r"<h2 [^>]*>(.*?)</h2>", page, re.S).group(1)
    assert 'id="career-conversations"' in re.search(r"<h2 [^>]*>", page).group(0), first_heading


def test_home_page_ladder_has_a_named_link_per_level(watched_page, site_url, loaded):
    """The picture of the ladder: an accessible name, and one link per level that opens its page."""
    watch = watched_page(site_url)
    page = watch.page
    page.goto(page_url(site_url, loaded.entry(loaded.levels[0].id).page))
    page.locator("a.md-header__button.md-logo").click()  # home, by instant navigation
    ladder = page.locator("figure.hb-ladder")
    name = ladder.get_attribute("aria-label")
    assert str(len(loaded.levels)) in name and page.get_by_role("group", name=name).count() == 1
    links = ladder.locator("a")
    assert links.count() == len(loaded.levels)
    for level in loaded.levels:
        link = ladder.get_by_role("link", name=f"{level.name} {level.code}", exact=True)
        assert link.count() == 1, level.id
    level = loaded.levels[-1]
    ladder.get_by_role("link", name=f"{level.name} {level.code}", exact=True).click()
    page.locator(f"h1#{level.id}").wait_for()
    assert watch.errors == [] and watch.outside == []


def test_a_company_ladder_draws_itself_with_every_track(acme_site):
    """examples/acme: seven IC levels and three management levels, two columns, ten links."""
    home = (acme_site[0] / "index.html").read_text(encoding="utf-8")
    ladder = home[home.index('<figure class="hb-ladder"'):home.index("</figure>", home.index('<figure class="hb-ladder"'))]
    assert ladder.count("<a ") == 10 and ladder.count('class="hb-ladder__track"') == 2
    assert 'href="levels/ic7/#ic7"' in ladder and 'href="levels/m3/#m3"' in ladder


def test_compare_opens_on_the_pages_levels_keeps_their_order_and_shows_the_steps(watched_page, site_url, loaded):
    level = loaded.levels[len(loaded.levels) // 2]
    step = loaded.transitions_to(level)[0]
    below = loaded.entry(step.from_level).obj
    watch = watched_page(site_url)
    page = watch.page
    page.goto(page_url(site_url, loaded.entry(level.id).page))
    page.locator(".md-content a[href*='compare/?levels=']").first.click()
    expect(page.locator('[data-compare-pick="0"]')).to_have_value(below.id)
    expect(page.locator('[data-compare-pick="1"]')).to_have_value(level.id)

    def header():
        return [cell.get_attribute("data-level") for cell in page.locator(".hb-compare thead [data-level]").all()
                if cell.is_visible()]
    assert header() == [below.id, level.id]
    visible_steps = page.locator("[data-compare-step]:visible")
    expect(visible_steps).to_have_count(1)
    assert step.signals[0].text.split("`")[0][:30] in visible_steps.inner_text()
    # The order chosen is kept, and every step between two distant levels shows.
    first, last = loaded.levels[0], loaded.levels[-1]
    page.locator('[data-compare-pick="0"]').select_option(last.id)
    page.locator('[data-compare-pick="1"]').select_option(first.id)
    assert header() == [last.id, first.id]
    expect(visible_steps).to_have_count(len(loaded.levels) - 1)  # one track, a step between each two levels
    # Rows where the two levels differ are marked.
    differing = [d for d in loaded.handbook.ladder.dimensions if first.dimensions[d.id] != last.dimensions[d.id]]
    expect(page.locator(".hb-compare tbody tr.hb-compare__row--differs")).to_have_count(len(differing) + 1)
    assert watch.errors == [] and watch.outside == []


def test_the_pdf_is_offered_in_words_and_a_missing_one_says_so(watched_page, site_url, built_site):
    """The test site is built without `make pdf`: asking for the PDF explains instead of failing."""
    assert not (built_site[0] / "handbook.pdf").exists()
    watch = watched_page(site_url, accept_downloads=True)
    page = watch.page
    page.goto(site_url)
    link = page.locator("a.hb-pdf")
    assert "PDF" in link.inner_text() and link.is_visible()
    note = page.locator("[data-download-missing]")
    assert not note.is_visible()
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    link.click()
    expect(note).to_be_visible()
    assert "make pdf" in note.inner_text() and downloads == []
    assert watch.outside == []
