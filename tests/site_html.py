"""Reading the built site: pages, their ids and their links."""
from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.downloads: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        # A download link names a file `make pdf` or `make offline` adds after the build;
        # tests/test_quality.py checks those against the Makefile.
        if tag == "a" and attributes.get("href"):
            (self.downloads if "download" in attributes else self.hrefs).append(attributes["href"])


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def html_pages(site: Path) -> dict[str, _Collector]:
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}


def output_path(page_src: str) -> str:
    """levels/senior.md -> levels/senior/index.html (directory URLs)."""
    stem = page_src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The site file and anchor an internal href points at, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
    if parts.path.endswith("/") or parts.path in ("", ".", ".."):
        target = posixpath.join(target, "index.html") if parts.path else page
    return target.lstrip("./") if target not in (".",) else "index.html", parts.fragment
