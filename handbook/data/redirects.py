"""Ids that are gone and what stands in for them, so that old links and ids keep working.

Something stands in for an id of an earlier edition when a level, transition or dimension
`covers` it, or when `redirects:` in data/site.yml names the id that replaces it. Each such
id that had a page of its own gets a redirect page (mkdocs-redirects), the open data lists
them all, and `make build SINCE=...` refuses an id of the earlier edition that is gone
with nothing standing in for it.
"""
from __future__ import annotations

import difflib


from handbook.errors import Problem
from handbook.data.model import Entry, LoadedHandbook
from handbook.data.schema import Handbook
from handbook.data.site_map import ENTITY_PAGES
from handbook.data.yaml_source import SourceFile
from handbook.paths import page_url


def check_redirects(handbook: Handbook, index: dict[str, Entry], site: SourceFile, problems: list[Problem]) -> None:
    """A redirect is for an id that is gone, and leads to one that exists."""
    keys = by_key(index)
    for position, redirect in enumerate(handbook.site.redirects):
        path = ("redirects", position)
        if redirect.id in keys:
            problems.append(site.problem(path + ("id",), f"'{redirect.id}' is still in the handbook",
                                         "remove this redirect: it is for ids that are gone"))
        elif redirect.to not in keys:
            close = difflib.get_close_matches(redirect.to, keys, n=1)
            fix = f"did you mean '{close[0]}'?" if close else "name the id that replaces the one that is gone"
            problems.append(site.problem(path + ("to",), f"'{redirect.to}' is not an id in the handbook", fix))


def moved(loaded: LoadedHandbook) -> dict[str, Entry]:
    """Each id that is gone, with the entry that stands in for it (the first that covers it)."""
    keys = by_key(loaded.index)
    result: dict[str, Entry] = {}
    for entry in loaded.index.values():
        for covered in getattr(entry.obj, "covers", []):
            if covered not in keys:
                result.setdefault(covered, entry)
    for redirect in loaded.handbook.site.redirects:
        result[redirect.id] = keys[redirect.to]
    return result


def by_key(index: dict[str, Entry]) -> dict[str, Entry]:
    """Entries by their key: the id that anchors, links, saved answers and the open data use."""
    return {entry.key: entry for entry in index.values()}


def page_redirects(loaded: LoadedHandbook) -> dict[str, str]:
    """Old page -> page now, for each gone id whose replacement is of a kind with pages of its own."""
    return {ENTITY_PAGES[entry.kind][0].format(id=old): entry.page
            for old, entry in moved(loaded).items() if entry.kind in ENTITY_PAGES}


def netlify_rules(pages: dict[str, str], directory_urls: bool) -> str:
    """The same redirects for Netlify's `_redirects` file: a real 301 keeps the link's #fragment, which the
    redirect page's inline script cannot carry over under the site's Content-Security-Policy. `!`: the
    redirect page is there too, and would be served instead."""
    def url(page: str) -> str:
        return "/" + page_url(page, directory_urls)
    return "".join(f"{url(old)} {url(new)} 301!\n" for old, new in sorted(pages.items()))
