"""`mkdocs serve`: a saved edit shows quickly, because a rebuild skips what the edit cannot change.

MkDocs rebuilds the whole site after every save. Within one session the handbook plugin keeps:
- the HTML of every page whose Markdown, after the macros ran, is the same as in the last build, with
  the same files and Markdown settings: converting Markdown was the largest part of a rebuild, and a
  YAML edit changes only the pages that show what was edited;
- the search entries of every page whose HTML, title, headings and search settings are unchanged: Material's
  search reads each page's HTML again with Python's HTML parser, the largest part of a rebuild after the HTML;
- the names of the theme's static files: MkDocs matches each of the theme's files (thousands of icons) against
  a list of patterns on every build;
- the answers git gave mkdocs-macros-plugin for its `git` variable (twelve git processes per build);
- a shorter pause between looks for saved files (each look reads every watched folder: 0.2 s costs about 2% of a core).
`make build` keeps nothing: each build starts afresh.
"""
from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass

# How often `mkdocs serve` looks for saved files, in seconds (MkDocs polls every 0.5 s).
POLLING = 0.2


def keep_git_answers() -> None:
    """mkdocs-macros-plugin asks git the same twelve questions on every build; in a session the answers hold."""
    from mkdocs_macros import context

    if not hasattr(context.get_git_info, "cache_info"):
        context.get_git_info = functools.cache(context.get_git_info)


def look_more_often(server, config) -> None:
    """The folders MkDocs watched before the plugin's on_serve (the docs, mkdocs.yml) are watched again at the
    new pace; the others (`watch:`) are added after it."""
    from watchdog.observers.polling import PollingObserver

    watched = [path for path in (config.docs_dir, config.config_file_path) if path]
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=POLLING)
    for path in watched:
        server.watch(path)


@dataclass
class Rendered:
    """What MkDocs' Page.render leaves on a page."""

    content: str
    toc: object
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri: File objects are per build


class KeptPages:
    """The HTML of each page as the last build converted it, keyed by everything the conversion reads."""

    def __init__(self):
        self.pages: dict[str, tuple[str, Rendered]] = {}
        self.setting = ""  # the files and Markdown settings of the current build

    def start(self, config, files) -> None:
        """Once per build: what every page's conversion depends on besides its own Markdown."""
        names = [type(ext).__module__ + type(ext).__name__ if not isinstance(ext, str) else ext
                 for ext in config["markdown_extensions"]]
        addresses = sorted((file.src_uri, file.url) for file in files)
        self.setting = repr((names, config["mdx_configs"], addresses, config["use_directory_urls"]))

    def use(self, page) -> None:
        """Give the page its kept HTML when its Markdown is unchanged; else keep what MkDocs makes of it."""
        convert = page.render  # MkDocs' own conversion, the page's method

        def render(config, files):  # the Markdown is final now: every plugin's on_page_markdown has run
            key = hashlib.sha1(f"{self.setting}\0{page.markdown}".encode()).hexdigest()
            kept = self.pages.get(page.file.src_uri)
            if kept is not None and kept[0] == key:
                _restore(page, kept[1], files)
            else:
                convert(config, files)
                self.pages[page.file.src_uri] = (key, _kept(page))

        page.render = render  # MkDocs calls it right after on_page_markdown; it has no event to skip it


def _kept(page) -> Rendered:
    links = page.links_to_anchors
    return Rendered(page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                    {file.src_uri: anchors for file, anchors in links.items()} if links is not None else None)


def _restore(page, rendered: Rendered, files) -> None:
    page.content, page.toc, page._title_from_render = rendered.content, rendered.toc, rendered.title
    page.present_anchor_ids = rendered.anchors
    if rendered.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src_uri): anchors
                                 for src_uri, anchors in rendered.links_to_anchors.items()
                                 if files.get_file_from_path(src_uri) is not None}


class KeptSearchEntries:
    """The entries Material's search made of each page in the last build, keyed by everything it reads."""

    def __init__(self):
        self.entries: dict[str, tuple[str, list[dict]]] = {}

    def use(self, search_plugin) -> None:
        """Once per build, after the search plugin made its new, empty index."""
        index = getattr(search_plugin, "search_index", None)
        if index is None or not search_plugin.config.enabled:
            return
        add = index.add_entry_from_context  # Material's own indexing of one page

        def add_entry_from_context(page):
            key = _search_key(page)
            kept = self.entries.get(page.file.src_uri)
            if kept is not None and kept[0] == key:
                index.entries.extend(dict(entry) for entry in kept[1])
                return
            first = len(index.entries)
            add(page)
            self.entries[page.file.src_uri] = (key, [dict(entry) for entry in index.entries[first:]])

        index.add_entry_from_context = add_entry_from_context


def _search_key(page) -> str:
    meta = {name: page.meta.get(name) for name in ("title", "tags", "search")}
    return hashlib.sha1(repr((page.url, page.title, meta, _headings(page.toc), page.content)).encode()).hexdigest()


def _headings(toc) -> list:
    return [(item.id, item.url, item.title, _headings(item.children)) for item in toc]


class KeptThemeFiles:
    """The names of the theme's files and which of them MkDocs copies into the site, kept while no folder of
    the theme changed: adding, removing or renaming a file changes its folder's modification time."""

    def __init__(self):
        self.searchpath: list[str] = []
        self.folders: dict[str, int] = {}  # every folder of the theme and its modification time
        self.names: list[str] = []
        self.copied: dict[tuple, list[str]] = {}  # by the filter MkDocs passed: the names it kept

    def use_for(self, theme) -> None:
        """The Jinja environments the theme makes in this build list their files from here."""
        make_env = theme.get_env

        def get_env():
            env = make_env()
            env.list_templates = functools.partial(self._list, env, theme)
            return env

        theme.get_env = get_env  # a build makes a new Theme, so this lasts one build

    def _list(self, env, theme, extensions=None, filter_func=None) -> list[str]:
        """Jinja's Environment.list_templates; MkDocs' filter (its patterns and the theme's static templates)
        decides the same for the same name, so its answers are kept too."""
        searchpath = getattr(env.loader, "searchpath", None)  # MkDocs' themes load from folders
        if extensions is not None or filter_func is None or searchpath is None:
            return type(env).list_templates(env, extensions, filter_func)
        searchpath = list(searchpath)
        if searchpath != self.searchpath or any(_modified(folder) != time for folder, time in self.folders.items()):
            # The folders' times are taken before the names: a file added meanwhile shows at the next build.
            self.folders = {folder: _modified(folder) for top in searchpath for folder, _, _ in os.walk(top)}
            self.searchpath, self.names, self.copied = searchpath, env.loader.list_templates(), {}
        key = (filter_func.__code__, tuple(theme.static_templates))
        if key not in self.copied:
            self.copied[key] = [name for name in self.names if filter_func(name)]
        return list(self.copied[key])


def _modified(folder: str) -> int:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return -1
