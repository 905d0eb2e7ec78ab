"""What of the base a site leaves out: `extra.handbook.leave_out` in a company's mkdocs.yml.

A company keeps the base's ladder machinery (level map, levels, transitions, compare, self-assessment)
and chooses which of the base's other pages and checklists fit it:

    extra:
      handbook:
        leave_out: [staff, senior, interviews, checklists:exercises]

- A page's name (`staff`, `senior`, `interviews`, ...) drops that page: it is not built, its menu
  entry goes, and so does every link to what it shows (a level's "More for this level", a
  transition's related reading), because its entities leave the index that those links come from.
  The open data leaves them out too. Its checklists leave the self-assessment with it.
- `checklists:<page>` keeps the page and drops only its checklists from the self-assessment.
- A company's site never shows the base's maintainer pages: the hosting guide is always left out,
  and "What changed" drops the instructions for building it (its template asks `maintainer_site`).

A name that is not one of these stops the build with the list of names, so a typo never leaves
a page in. Templates ask `kept("staff.md")` before they link to a page that may be gone; the strict
build refuses any link left behind to a page that is not built.
"""
from __future__ import annotations

import difflib

from .model import LoadedHandbook

# The base's pages a site may leave out, by name; the ladder's own pages are the handbook and stay.
PAGES = ("anti-patterns", "senior", "staff", "visibility", "portfolio", "interviews", "stories", "resources",
         "exercises", "managers", "changes", "host-your-handbook")
# Pages whose checklists the self-assessment offers: `checklists:<page>`.
CHECKLIST_PAGES = ("senior", "interviews", "exercises")
CHECKLISTS = "checklists:"
MAINTAINER_PAGES = ("host-your-handbook",)
# Written up on a page a site may drop (tracks on the Staff+ page) but part of the ladder itself: they stay
# in the index and the open data, and a link to them (`m.link`) becomes their plain name.
LADDER_KINDS = ("track",)


class LeaveOutError(ValueError):
    pass


def leave_out(config) -> frozenset[str]:
    """The option as a set of names, checked; what every part of the build reads (one place for the option)."""
    settings = config["extra"].get("handbook", {}) or {}
    names = settings.get("leave_out", []) or []
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise LeaveOutError("mkdocs.yml: extra.handbook.leave_out must be a list of names. Fix: write "
                            "leave_out: [staff, interviews, checklists:senior]")
    allowed = PAGES + tuple(CHECKLISTS + page for page in CHECKLIST_PAGES)
    for name in names:
        if name not in allowed:
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"use any of: {', '.join(allowed)}"
            raise LeaveOutError(f"mkdocs.yml: extra.handbook.leave_out: '{name}' is not a part of the base that "
                                f"a site can leave out. Fix: {hint}")
    chosen = set(names)
    if is_company_site(config):
        chosen.update(MAINTAINER_PAGES)
    for page in CHECKLIST_PAGES:  # a page that is gone takes its checklists with it
        if page in chosen:
            chosen.add(CHECKLISTS + page)
    return frozenset(chosen)


def is_company_site(config) -> bool:
    """A company's configuration names a folder of its own data or pages; the base's names neither."""
    settings = config["extra"].get("handbook", {}) or {}
    return bool(settings.get("overlay_dir") or settings.get("pages_dir"))


def dropped_pages(names: frozenset[str]) -> frozenset[str]:
    return frozenset(f"{name}.md" for name in names if name in PAGES)


def drop_from_index(loaded: LoadedHandbook, pages: frozenset[str]) -> None:
    """Entities shown only on a dropped page leave the index, and every link to them goes with them."""
    if not pages:
        return
    gone = {key for key, entry in loaded.index.items() if entry.page in pages and entry.kind not in LADDER_KINDS}
    for key in gone:
        del loaded.index[key]
    for entry in loaded.index.values():
        entry.links = [e for e in entry.links if e.page not in pages]
        entry.backlinks = [e for e in entry.backlinks if e.page not in pages]
    for cached in ("_by_id", "_by_key"):
        loaded.__dict__.pop(cached, None)


def drop_from_nav(nav: list, pages: frozenset[str]) -> list:
    """The navigation without the dropped pages (and without a section they leave empty)."""
    kept = []
    for item in nav:
        target = list(item.values())[0] if isinstance(item, dict) else item
        if isinstance(target, list):
            children = drop_from_nav(target, pages)
            if children:
                kept.append({list(item)[0]: children})
        elif target not in pages:
            kept.append(item)
    return kept
