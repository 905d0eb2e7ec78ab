"""Material's search finds the table-of-contents entry of each section it indexes by walking the page's whole
table, once per section: a page of n headings costs n x n steps, and the pages that list the data have hundreds
of headings at a large company. Here the table is walked once per page into a lookup by id, which gives the
same entry (the first in the table's order, as Material's walk finds it)."""
from __future__ import annotations


def find_headings_in_one_walk(search_plugin) -> None:
    """Once per build, after the search plugin made its new index; a search without that lookup is left alone."""
    index = getattr(search_plugin, "search_index", None)
    if index is None or not callable(getattr(index, "_find_toc_by_id", None)):
        return
    walked = {"toc": None, "by_id": {}}

    def find_toc_by_id(toc, heading_id):
        if toc is not walked["toc"]:  # the sections of one page come one after another, with its table
            walked["toc"], walked["by_id"] = toc, _by_id(toc)
        return walked["by_id"].get(heading_id)

    index._find_toc_by_id = find_toc_by_id


def _by_id(toc) -> dict:
    found: dict = {}
    waiting = list(reversed(list(toc)))
    while waiting:
        item = waiting.pop()
        found.setdefault(item.id, item)
        waiting.extend(reversed(list(item.children)))
    return found
