"""The site's pages and navigation: a page per level and transition, a company's own pages, the old
addresses of pages that are gone, and the theme's folders."""
from __future__ import annotations

import html
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handbook.data import redirects
from handbook.data.model import LoadedHandbook
from handbook.errors import shown
from handbook.paths import ROOT
from handbook.site import open_data

BASE_OVERRIDES = ROOT / "overrides"
# The same for every page of a kind, so it is compiled once; the macro finds the entity from the page.
PAGE_SOURCE = '{{{{ handbook_page("{kind}") }}}}\n'


def lay_out_nav(config, loaded: LoadedHandbook, company_nav: list) -> None:
    """Each generated page in the nav section that lists its index page, in its family's and track's
    sub-section on a ladder that has several; a company's pages at the end."""
    sections: dict[tuple, list] = {}  # (index page, group keys...) -> the nav list of that (sub-)section
    for section_index, entry in loaded.generated_pages():
        if (section_index,) not in sections:
            found = _section_containing(config["nav"] or [], section_index)
            if found is None:
                raise PluginError(f"mkdocs.yml: the nav needs a section that lists '{section_index}'; "
                                  f"the page of '{entry.key}' is added to that section")
            sections[(section_index,)] = found
        path = (section_index,)
        for key, title in loaded.nav_groups(entry):
            parent, path = sections[path], (*path, key)
            if path not in sections:
                # Material prints navigation titles as HTML: a name from the data is text, escaped once, here.
                parent.append({html.escape(title): []})
                sections[path] = parent[-1][html.escape(title)]
        # <title> and the footer take the page's title from here too.
        sections[path].append({html.escape(entry.title): entry.page})
    config["nav"] = [*(config["nav"] or []), *company_nav]


def add_generated_pages(files, config, loaded: LoadedHandbook) -> None:
    for _, entry in loaded.generated_pages():
        files.append(File.generated(config, entry.page, content=PAGE_SOURCE.format(kind=entry.kind)))


def add_open_data(files, config, loaded: LoadedHandbook) -> None:
    """api/handbook.json, its schema and api/ladder.csv; Netlify's `_redirects` when pages moved."""
    directory_urls = config["use_directory_urls"]
    for path, content in open_data.files(loaded, directory_urls, config["site_url"] or "").items():
        files.append(File.generated(config, path, content=content))
    moved = redirects.page_redirects(loaded)
    if moved:
        files.append(File.generated(config, "_redirects", content=redirects.netlify_rules(moved, directory_urls)))


def add_page_redirects(config, moved: dict[str, str]) -> None:
    """A redirect page (mkdocs-redirects) at the old address of each level or transition that is gone."""
    plugin = config.plugins.get("redirects")
    if moved and plugin is None:
        raise PluginError(f"{shown(config['config_file_path'])}:1: the old pages "
                          f"{', '.join(sorted(moved))} need the redirects plugin. Fix: list `redirects: {{}}` "
                          "under plugins")
    if plugin is not None:
        plugin.config["redirect_maps"] = {**moved, **plugin.config["redirect_maps"]}


def layer_theme_overrides(config) -> None:
    """A company's custom_dir comes first, the base's overrides next, then Material."""
    dirs = config["theme"].dirs
    if BASE_OVERRIDES.is_dir() and str(BASE_OVERRIDES) not in dirs:
        dirs.insert(1 if config["theme"].custom_dir else 0, str(BASE_OVERRIDES))


def add_company_pages(files, config, pages_dir: Path) -> None:
    """A company's own pages and assets, served beside the base pages (docs_dir stays the base's)."""
    for path in sorted(p for p in pages_dir.rglob("*") if p.is_file()):
        src_uri = path.relative_to(pages_dir).as_posix()
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"{shown(path)}: a base page already has the path '{src_uri}'; "
                              "put company pages in a folder of their own")
        files.append(File(src_uri, str(pages_dir), config["site_dir"], config["use_directory_urls"]))


def _section_containing(nav: list, page: str) -> list:
    """The nav list that holds `page`, where generated pages are appended."""
    for item in nav:
        children = list(item.values())[0] if isinstance(item, dict) else None
        if isinstance(children, list):
            if page in children or any(page in c.values() for c in children if isinstance(c, dict)):
                return children
            found = _section_containing(children, page)
            if found is not None:
                return found
    return None
