"""The PDF (`make pdf`) read back, and printing single pages from the browser (print.css)."""
from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.config import load_config
from pypdf import PdfReader

from support import ROOT
from handbook.site import printing
from pdf import SPILL
from site_html import html_pages, output_path, parse, resolve

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
# Words of the site's chrome that must not reach paper: Material's own labels, and our palette toggles.
CHROME_WORDS = ["Table of contents", "Skip to content", "Back to top", "Made with",
                *[scheme["toggle"]["name"] for scheme in CONFIG["theme"]["palette"]]]


@dataclass
class Printed:
    site: Path
    reader: PdfReader
    pages: list[str]  # the text of each page, blanks collapsed
    report: str       # what scripts/pdf.py printed


@pytest.fixture(scope="session")
def printed(downloads_made) -> Printed:
    """The PDF of `make pdf` in a fresh copy, its print build (.build/print) and what scripts/pdf.py printed."""
    folder, steps = downloads_made
    make_pdf = next(result for target, result, _ in steps if target == "pdf")
    assert make_pdf.returncode == 0, make_pdf.stderr
    reader = PdfReader(folder / "site" / "handbook.pdf")
    report = next(line for line in make_pdf.stdout.splitlines() if line.startswith("wrote "))
    return Printed(folder / ".build" / "print", reader, [" ".join(page.extract_text().split()) for page in reader.pages],
                   report)


def chapters(reader: PdfReader) -> list[tuple[str, int, list]]:
    """Top-level bookmarks: (title, page from 1, the bookmarks under it)."""
    result = []
    for item in reader.outline:
        if isinstance(item, list):
            result[-1][2].extend(item)
        else:
            result.append((item.title, reader.get_destination_page_number(item) + 1, []))
    return result


class _PageTitles(html.parser.HTMLParser):
    """The title (h1 with an id) of each page on the combined page, in order."""

    def __init__(self):
        super().__init__()
        self.titles: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and dict(attrs).get("id"):
            self._inside = True
            self.titles.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.titles[-1] += data


def page_titles(site: Path) -> list[str]:
    parser = _PageTitles()
    parser.feed((site / "print_page" / "index.html").read_text(encoding="utf-8"))
    return [" ".join(title.replace("¶", "").split()) for title in parser.titles]


def test_cover_shows_the_handbook_title_and_tagline_without_a_page_number(printed, loaded):
    cover, total = printed.pages[0], len(printed.pages)
    assert loaded.handbook.site.title in cover
    assert " ".join(loaded.handbook.site.tagline.split()) in cover
    assert f"/ {total}" not in cover


def test_every_level_and_transition_is_in_the_pdf(printed, loaded):
    text = " ".join(printed.pages)
    for level in loaded.levels:
        assert level.name in text, level.id
    for transition in loaded.handbook.transitions.transitions:
        assert transition.title in text, transition.id


def test_a_bookmark_for_every_page_in_navigation_order(printed):
    titles = page_titles(printed.site)
    sitemap = (printed.site / "sitemap.xml").read_text(encoding="utf-8")
    assert len(titles) == sitemap.count("<loc>"), "a page of the site is missing from the combined page"
    bookmarked = [title for title, _, _ in chapters(printed.reader)]
    assert [title for title in bookmarked if title in titles] == titles


def test_levels_and_transitions_have_bookmarks_for_their_sections(printed, loaded):
    by_title = {title: children for title, _, children in chapters(printed.reader)}
    for level in loaded.levels:
        title = next(t for t in by_title if level.name in t and level.code in t)
        assert by_title[title], f"no section bookmarks under {title}"
    for transition in loaded.handbook.transitions.transitions:
        assert by_title[transition.title], f"no section bookmarks under {transition.title}"


def chapter_text(printed: Printed, title: str) -> str:
    """The text of the pages of one chapter: from its bookmark to the next one's."""
    starts = [page for _, page, _ in chapters(printed.reader)] + [len(printed.pages) + 1]
    first = next(page for chapter, page, _ in chapters(printed.reader) if chapter == title)
    return " ".join(printed.pages[first - 1:min(start for start in starts if start > first) - 1])


def test_the_self_assessment_prints_the_checklist_of_every_transition(printed, loaded):
    """On screen the page shows the reader's own transitions only; paper is for every reader."""
    title = (ROOT / "docs" / "self-assessment.md").read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
    text = chapter_text(printed, title)
    transitions = loaded.handbook.transitions.transitions
    assert len(transitions) > 1
    assert [t.title for t in transitions if t.title not in text] == []


# A filled rectangle of the page's content stream: how Chromium draws a border.
RECTANGLE = re.compile(rb"(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re\s+f\b")


def ruled_lines(page) -> int:
    """Rules across the page: filled rectangles at most 2 px high, nearly as wide as the page's background."""
    sizes = [(float(width), float(height)) for _, _, width, height in RECTANGLE.findall(page.get_contents().get_data())]
    widest = max(width for width, _ in sizes)
    return sum(1 for width, height in sizes if height <= 2 and width >= 0.9 * widest)


def test_the_printed_self_assessment_has_ruled_space_for_the_plan(printed, loaded):
    """A page titled "My plan": per dimension, blanks for today and the target, and a few ruled lines."""
    dimensions = [dimension.name for dimension in loaded.handbook.ladder.dimensions]
    first = next((number for number, text in enumerate(printed.pages) if "My plan" in text), None)
    assert first is not None, "no page of the PDF is titled My plan"
    last = next(number for number in range(first, len(printed.pages))
                if dimensions[-1] in printed.pages[number].split("My plan")[-1])
    text = " ".join(printed.pages[first:last + 1]).split("My plan", 1)[1]
    assert re.search(".*".join(f"{re.escape(name)} Today: Target:" for name in dimensions), text), text[:500]
    lines = sum(ruled_lines(printed.reader.pages[number]) for number in range(first, last + 1))
    assert lines >= 3 * len(dimensions), f"{lines} ruled lines for {len(dimensions)} dimensions"


def test_every_page_after_the_cover_is_numbered_once(printed):
    total = len(printed.pages)
    for number, text in enumerate(printed.pages[1:], start=2):
        assert text.count(f"{number} / {total}") == 1, number
        assert not re.search(r"\bPage \d", text), number


def test_contents_numbers_are_the_pages_their_links_lead_to(printed):
    # The contents start on the second sheet and may run over several, up to the first page they lead to.
    targets, numbers, index = [], [], 1
    while index < len(printed.reader.pages) and (not targets or index < min(targets) - 1):
        contents = printed.reader.pages[index]
        links = sorted((a.get_object() for a in contents.get("/Annots", [])), key=lambda a: -float(a["/Rect"][1]))
        targets += [printed.reader.get_destination_page_number(printed.reader.named_destinations[link["/Dest"]]) + 1
                    for link in links if "/Dest" in link]
        lines = [line.strip() for line in contents.extract_text(extraction_mode="layout").splitlines()]
        numbers += [int(m[1]) for line in lines
                    if (m := re.search(r"\S.*\s(\d+)$", line)) and not re.fullmatch(r"\d+ / \d+", line)]
        index += 1
    assert len(targets) == len(page_titles(printed.site)) and numbers == targets


def test_the_contents_leave_no_entry_alone_on_a_page(printed):
    """The contents do not end on a page that holds only a stray entry or two (scripts/pdf.py's SPILL)."""
    reader = printed.reader

    def targets(page) -> list[int]:
        links = [annotation.get_object() for annotation in page.get("/Annots", [])]
        return [reader.get_destination_page_number(reader.named_destinations[link["/Dest"]]) + 1
                for link in links if "/Dest" in link]

    first_chapter = min(targets(reader.pages[1]))
    entries = [len(targets(page)) for page in reader.pages[1:first_chapter - 1]]
    assert entries and (len(entries) == 1 or entries[-1] > entries[-2] * SPILL), f"entries per page: {entries}"


def test_no_site_chrome_in_the_pdf(printed):
    text = " ".join(printed.pages)
    assert not [word for word in CHROME_WORDS if word in text]


def test_internal_links_jump_inside_the_pdf_and_external_ones_keep_their_address(printed, loaded):
    combined = parse(printed.site / "print_page" / "index.html")
    dead = [href for href in combined.hrefs if href.startswith("#") and href[1:] not in combined.ids]
    assert not dead, f"links on the combined page that lead nowhere: {dead[:10]}"
    internal, external = 0, set()
    for page in printed.reader.pages:
        for annotation in page.get("/Annots", []):
            link = annotation.get_object()
            if "/Dest" in link:
                internal += 1
            elif "/A" in link:
                external.add(link["/A"]["/URI"])
    assert internal > len(printed.pages)
    assert not [uri for uri in external if "127.0.0.1" in uri], "a link leads back to the local server"
    text = "".join(printed.pages).replace(" ", "")
    for resource in loaded.handbook.resources.resources:
        if resource.url:
            assert resource.url.rstrip("/") + "/" in {uri.rstrip("/") + "/" for uri in external}, resource.id
            assert resource.url in text, resource.id


def test_the_script_reports_how_long_the_export_took(printed):
    assert re.search(rf"{len(printed.pages)} pages, .* in \d+\.\d s$", printed.report.strip()), printed.report


def test_every_page_links_to_the_pdf(built_site):
    site, _ = built_site
    label = CONFIG.plugins["handbook"].config.pdf_label
    for page in [p for p in html_pages(site) if p != "404.html"]:  # Material's 404 page has its own content
        text = (site / page).read_text(encoding="utf-8")
        links = re.findall(rf'<a href="([^"]*)" class="md-content__button hb-pdf" title="{re.escape(label)}"', text)
        assert [resolve(page, href) for href in links] == [("handbook.pdf", "")], page


def test_printing_a_page_leaves_out_the_chrome_and_keeps_empty_boxes(watched_page, site_url, loaded):
    transition = loaded.handbook.transitions.transitions[0]
    page = watched_page(site_url).page
    page.emulate_media(media="print")
    page.goto(site_url + output_path(loaded.entry(transition.id).page).removesuffix("index.html"))
    for chrome in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-search", ".md-content__button", ".hb-note__toggle"]:
        assert all(not element.is_visible() for element in page.locator(chrome).all()), chrome
    boxes = page.locator(".hb-checklist input.hb-item__box")
    assert boxes.count() == len(transition.signals)
    assert all(box.is_visible() and not box.is_checked() for box in boxes.all())


def test_printing_the_self_assessment_from_the_browser_keeps_to_the_checklists_shown(watched_page, site_url, loaded):
    last = loaded.handbook.transitions.transitions[-1]
    page = watched_page(site_url).page
    page.goto(f"{site_url}self-assessment/#assess-{last.id}")  # shows that one beside the reader's own
    groups = page.locator(".hb-focus")
    groups.and_(page.locator(f'[data-focus="{last.id}"]')).wait_for()

    def visible() -> list[str]:
        return [group.get_attribute("data-focus") for group in groups.all() if group.is_visible()]

    shown = visible()
    page.emulate_media(media="print")
    assert last.id in shown and len(shown) < groups.count()
    assert visible() == shown


def test_only_links_that_leave_the_site_and_hide_their_address_are_marked_for_print():
    html = ('<a href="https://example.org/talk">a talk</a> <a href="https://example.org/">example.org</a> '
            '<a href="../senior/#scope">Scope</a> <a href="//example.org/x"><em>x</em></a>')
    marked = printing.mark_leaving_links(html)
    assert re.findall(r'<a data-print-address href="([^"]+)"', marked) == ["https://example.org/talk", "//example.org/x"]


def test_printing_a_page_shows_the_address_of_marked_links_only(watched_page, site_url, loaded):
    linked = [r for r in loaded.handbook.resources.resources if r.url]
    page = watched_page(site_url).page
    page.emulate_media(media="print")
    page.goto(site_url + output_path(loaded.entry(linked[0].id).page).removesuffix("index.html"))
    after = "element => getComputedStyle(element, '::after').content"
    for resource in linked:
        link = page.locator(f'article a[href="{resource.url}"]').first
        assert (resource.url in link.inner_text()) != (resource.url in link.evaluate(after)), resource.id
    internal = page.locator(f"article a[href^='{site_url}']").first
    assert internal.evaluate(after) == "none"
    internal.evaluate("link => link.setAttribute('data-print-address', '')")
    assert internal.get_attribute("href") in internal.evaluate(after)
