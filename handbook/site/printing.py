"""What printing needs from the HTML, for print.css and the PDF (`make pdf`).

- Links that leave the site get `data-print-address`, so that print.css prints their address
  after them, unless their text already is the address. CSS alone cannot tell them apart in the
  browser: Material's instant navigation turns every relative href into an absolute one. This
  runs before print-site copies each page's HTML (handbook/plugin.py calls both).
- In the PDF build, print-site writes the combined page print_page/. It keeps ids unique there
  by prefixing them with the page's key (`levels-senior-`), and rewrites internal links to match,
  but it prefixes only the ids of headings, list items and footnote marks: a link to any other
  anchored element (the `<span>` or `<strong>` an item's anchor sits on) would point nowhere in
  the PDF. This prefixes those ids too, once print-site has written the page (the plugin runs it
  after print-site), and points links with a query at the page they name.
"""
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

LINK = re.compile(r"(<a\s[^>]*>)(.*?)</a>", re.S)
LEAVING_HREF = re.compile(r'\shref="((?:[a-z][a-z0-9+.-]*:)?//[^"]*)"', re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
# One page of the site inside the combined page, as print-site wraps it.
PAGE_SECTION = re.compile(r'(<section class="print-page" id="([^"]+)" heading-number="[^"]*">)(.*?)(</section>)', re.S)
# An id on a tag whose ids print-site leaves alone (it does headings, li, sup, and inputs of tabbed content).
# A link with a query (compare/?levels=mid,senior), which print-site turns into an anchor that does not exist
# (#compare-?levels=...): in the PDF it leads to the page.
QUERY_LINK = re.compile(r'href="#([\w-]+?)-\?[^"]*"')
BARE_ID = re.compile(r'(<(?!(?:h[1-6]|li|sup|input)\b)[a-zA-Z][a-zA-Z0-9-]*\b[^>]*?\sid=")([^"]+)(")')


def mark_leaving_links(html: str) -> str:
    return LINK.sub(_mark_leaving_link, html)


def fix_print_page(print_site) -> None:
    """Unique ids and working links in print-site's combined page, once it is written."""
    path = Path(print_site.print_page.file.abs_dest_path)
    text = PAGE_SECTION.sub(_prefix_bare_ids, path.read_text(encoding="utf-8"))
    path.write_text(QUERY_LINK.sub(r'href="#\1"', text), encoding="utf-8")


def _mark_leaving_link(link: re.Match) -> str:
    tag, text = link[1], TAG.sub("", link[2]).strip().rstrip("/")
    href = LEAVING_HREF.search(tag)
    if href is None or text in (href[1].rstrip("/"), href[1].split("//", 1)[1].rstrip("/")):
        return link[0]
    return "<a data-print-address" + link[0][2:]


def _prefix_bare_ids(section: re.Match) -> str:
    opening, key, body, closing = section.groups()
    if "<section" in body:
        raise PluginError(f"print page: page '{key}' holds a <section>, so where it ends is unclear")
    return opening + BARE_ID.sub(lambda m: f"{m[1]}{key}-{m[2]}{m[3]}", body) + closing
