"""The navigation a page is given: the site's, with a section of many groups cut down to the page's own group.

Material writes the navigation into every page, and with `navigation.prune` a closed group (another family's
or track's levels or transitions) is still one link. A section of a few groups keeps them all: a reader
switches track in one click. Past a screenful of groups, the list is longer than anyone scrolls and costs
every page a link per group, so the others give way to one link to the section's index page (the level map,
the list of transitions), which shows every group at once.
"""
from __future__ import annotations

import html

from mkdocs.structure.nav import Link, Section

from handbook.data.model import LoadedHandbook

# About what a phone shows without scrolling; a section with more groups than this lists only the page's own.
MAX_GROUPS_LISTED = 12
PLURALS = {"family": "families", "track": "tracks"}


class _Cut(Section):
    """A section with fewer children than the site's, open exactly when the site's section is."""

    def __init__(self, original: Section, children: list):
        self.original = original
        super().__init__(original.title, children)

    @property
    def active(self) -> bool:
        return self.original.active

    @active.setter
    def active(self, value: bool) -> None:
        pass  # MkDocs sets the site's section; this one only reads it


class BoundedNav:
    """Per build: a navigation for each group of pages, made once and shared by the group's pages."""

    def __init__(self, nav, loaded: LoadedHandbook):
        self.nav = nav
        self.loaded = loaded
        self.views: dict[tuple, object] = {}

    def for_page(self, page):
        """The navigation to render into `page`: the site's when no section has to be cut."""
        path = tuple(page.ancestors)
        key = tuple(id(section) for section in path)
        if key not in self.views:
            self.views[key] = self._view(set(key))
        return self.views[key]

    def _view(self, open_ids: set[int]):
        items = [self._cut(item, open_ids) if isinstance(item, Section) else item for item in self.nav.items]
        if all(a is b for a, b in zip(items, self.nav.items)):
            return self.nav
        view = object.__new__(type(self.nav))
        view.__dict__.update(self.nav.__dict__)
        view.items = items
        return view

    def _cut(self, section: Section, open_ids: set[int]) -> Section:
        """`section` with its open sub-section cut in turn, and its closed ones given way to one link when
        they are too many to list. Material shows the top-level sections open on every page."""
        groups = [child for child in section.children if isinstance(child, Section)]
        children = [self._cut(child, open_ids) if id(child) in open_ids else child
                    for child in section.children]
        kind = self._kind(groups[0]) if len(groups) > MAX_GROUPS_LISTED else ""
        if kind:  # a company's own sections stay as its mkdocs.yml lays them out
            children = [child for child in children
                        if not isinstance(child, Section) or id(getattr(child, "original", child)) in open_ids]
            children.append(self._all_groups_link(section, len(groups), kind))
        if all(a is b for a, b in zip(children, section.children)) and len(children) == len(section.children):
            return section
        return _Cut(section, children)

    def _all_groups_link(self, section: Section, count: int, kind: str) -> Link:
        index = next((child for child in section.children if getattr(child, "is_index", False)), None)
        target = index or _first_page(section)
        # Material prints navigation titles as HTML.
        return Link(html.escape(f"All {count} {PLURALS[kind]}"), target.url)

    def _kind(self, group: Section) -> str:
        """'family' or 'track': what `group`, a sub-section of levels or transitions, gathers ('' for another)."""
        page = _first_page(group)
        ref = self.loaded.entity_on_page(page.file.src_uri) if page is not None else None
        groups = self.loaded.nav_groups(self.loaded.entry(ref)) if ref is not None else []
        return next((key.split(":", 1)[0] for key, title in groups if html.escape(title) == group.title), "")


def _first_page(section: Section):
    for child in section.children:
        if isinstance(child, Section):
            found = _first_page(child)
            if found is not None:
                return found
        elif getattr(child, "is_page", False):
            return child
    return None
