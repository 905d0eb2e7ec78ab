"""The page's table of contents without the headings a template marks `data-toc-skip`.

Python-Markdown's `toc` lists every heading, also those of sections a script shows only when they apply
(saved data that could not be read, checklists shown on request). They stay headings, so that readers
who move by headings find them when shown; only the table of contents, which cannot follow what a script
hides, leaves them out.
"""
from __future__ import annotations

import re

_MARKED = re.compile(r"<h[1-6]\b[^>]*\bdata-toc-skip\b[^>]*>")
_ID = re.compile(r'\bid="([^"]+)"')


def skipped_ids(html: str) -> set[str]:
    """The ids of the headings marked `data-toc-skip` in a page's HTML."""
    return {found.group(1) for tag in _MARKED.findall(html) if (found := _ID.search(tag))}


def leave_out(items: list, ids: set[str]) -> None:
    """Removes the entries of `ids` (and what they hold) from a list of MkDocs' table of contents, in place."""
    if not ids:
        return
    items[:] = [item for item in items if item.id not in ids]
    for item in items:
        leave_out(item.children, ids)
