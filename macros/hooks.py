"""MkDocs hooks: load the data once per build, add a page per level and transition.

It loads the handbook on config, before anything is written and before
mkdocs-macros-plugin sets up its macros (hence the priority), extends the
navigation with the generated pages and adds them as in-memory files. The
plugin then renders every page's Markdown, calling the macro of
`macros/__init__.py` (`define_env`) and a company's own macros. It also adds the open data
(`macros/open_data.py`) as generated files, and the old addresses of replaced levels and
transitions to the redirects plugin (`macros/redirects.py`).
"""
import html
import importlib
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
BASE_PACKAGE = "macros"
BASE_OVERRIDES = ROOT / "overrides"
# The same for every page of a kind, so it is compiled once; the macro finds the entity from the page.
PAGE_SOURCE = '{{{{ handbook_page("{kind}") }}}}\n'
# Material's offline plugin would load this shim from a CDN; we ship it (npm: iframe-worker).
OFFLINE_SEARCH_SHIM = "assets/vendor/iframe-worker/shim.js"
_loaded = None  # the handbook of the current build
_titles_of_data: dict[str, str] = {}  # generated page -> its title (text of the data), kept from the macros plugin
_command = "build"  # or "serve", "gh-deploy": MkDocs says which in on_startup
_dropped: frozenset[str] = frozenset()  # base pages this site leaves out (macros/leave_out.py)


def on_startup(command, dirty):
    global _command
    _command = command


@event_priority(100)  # before the macros plugin, whose define_env reads the loaded data
def on_config(config):
    """Load the data, then lay the generated pages into the navigation.

    MkDocs imports this file once per process, and the macros plugin imports a package once
    per process, so `mkdocs serve` would go on running the code it started with. Every build
    drops the imported macros/ first, and the company's own package if it has one; this hook
    and the plugin then import the files as they are now, the same modules.
    """
    global _loaded, _dropped
    if str(ROOT) not in sys.path:  # the package macros/, for this file and the plugin (`modules: [macros]`)
        sys.path.insert(0, str(ROOT))
    _forget_modules(BASE_PACKAGE)
    company_config = importlib.import_module(f"{BASE_PACKAGE}.company_config")
    company_config.resolve_base_paths(config)  # the base's folders, wherever a company's mkdocs.yml sits
    importlib.import_module(f"{BASE_PACKAGE}.repository").link_source(config, os.environ)
    if _command == "build" and config["site_url"] == company_config.LOCAL_SITE_URL:
        # Not a warning: a strict build would stop, and a local build is right to have no address.
        print(f"Note: site_url is not set, so canonical links and the sitemap point at {company_config.LOCAL_SITE_URL}. "
              "Set site_url in your mkdocs.yml (or SITE_URL in the environment) before you deploy.", file=sys.stderr)
    build = importlib.import_module(f"{BASE_PACKAGE}.build")
    handbook_error = importlib.import_module(f"{BASE_PACKAGE}.errors").HandbookError
    try:
        _loaded = loaded = build.load_for_config(config)
    except handbook_error as error:
        raise PluginError(str(error)) from None
    leave_out = importlib.import_module(f"{BASE_PACKAGE}.leave_out")
    try:
        _dropped = leave_out.dropped_pages(leave_out.leave_out(config))
    except leave_out.LeaveOutError as error:
        raise PluginError(str(error)) from None
    leave_out.drop_from_index(loaded, _dropped)
    config["nav"] = leave_out.drop_from_nav(config["nav"] or [], _dropped)
    safe_markdown = importlib.import_module(f"{BASE_PACKAGE}.safe_markdown")
    config["markdown_extensions"].append(safe_markdown.SafeMarkdown())  # no page runs script from its Markdown
    _prepare_macros_plugin(config)
    _add_page_redirects(config, importlib.import_module(f"{BASE_PACKAGE}.redirects").page_redirects(loaded))
    for section_index, entry in loaded.generated_pages():
        section = _section_containing(config["nav"] or [], section_index)
        if section is None:
            raise PluginError(f"mkdocs.yml: the nav needs a section that lists '{section_index}'; "
                              f"the page of '{entry.key}' is added to that section")
        # Material prints navigation titles as HTML, and <title> and the footer take the page's title from here:
        # a name from the data is text, escaped once, here.
        for group in loaded.nav_groups(entry):  # a level's family and track, on a ladder that has several
            section = _subsection(section, html.escape(group))
        section.append({html.escape(entry.title): entry.page})
    _layer_theme_overrides(config)
    config["nav"] = [*(config["nav"] or []), *config["extra"].get("handbook", {}).get("nav", [])]
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SEARCH_SHIM]
        # Stemming needs docs/assets/javascripts/search-worker.js, which cannot run in the shim: index words whole.
        search = config.plugins.get("material/search")
        if search is not None and search.config.pipeline:
            search.config.pipeline = [step for step in search.config.pipeline if step != "stemmer"]
    return config


@event_priority(50)  # before plugins, so that they see the generated pages (redirects checks its targets)
def on_files(files, config):
    for page in _dropped:
        files.remove(files.get_file_from_path(page))
    for _, entry in _loaded.generated_pages():
        content = PAGE_SOURCE.format(kind=entry.kind)
        files.append(File.generated(config, entry.page, content=content))
    pages_dir = config["extra"].get("handbook", {}).get("pages_dir")
    if pages_dir:
        _add_company_pages(files, config, Path(config["config_file_path"]).parent / pages_dir)
    importlib.import_module(f"{BASE_PACKAGE}.bundle").bundle_scripts(files, config)  # the scripts as one file
    _add_open_data(files, config)
    return files


@event_priority(50)  # before the macros plugin
def on_page_markdown(markdown, page, config, files):
    """A generated page's title is text of the data, and the macros plugin runs a title that looks
    like Jinja (`Junior {{ 7*7 }}`) as a template. Hide it from the plugin; `on_page_content` gives it back."""
    if page.file.generated_by is not None and page.title:
        _titles_of_data[page.file.src_uri] = page.title
        page.title = ""
    return markdown


@event_priority(50)  # before the search plugin indexes the page (on_page_context)
def on_page_content(html, page, config, files):
    if page.file.src_uri in _titles_of_data:
        page.title = _titles_of_data.pop(page.file.src_uri)
    summaries = importlib.import_module(f"{BASE_PACKAGE}.summaries")
    print_site = config.plugins.get("print-site")
    printing = print_site is not None and print_site.config["enabled"]  # it would print the search tags
    page.meta.update(summaries.search_meta(_loaded, page.file.src_uri, tags=not printing))
    return html


def _prepare_macros_plugin(config) -> None:
    """What mkdocs-macros-plugin leaves to us: paths read from mkdocs.yml's folder, modules read afresh.

    - Its `include_dir` is read from where the build runs; a company's mkdocs.yml names it
      relative to itself, as it names every other folder.
    - It imports a company's module (`module_name`) once per process when that module is a
      package (a single file it runs anew every build), so drop the package first.
    """
    plugin = config.plugins.get("macros")
    if plugin is None:
        raise PluginError("mkdocs.yml: the macros plugin (mkdocs-macros-plugin) renders the handbook's pages. "
                          "Fix: list `macros` under `plugins`, as the base mkdocs.yml does")
    root = Path(config["config_file_path"]).parent
    if plugin.config["include_dir"]:
        plugin.config["include_dir"] = str(root / plugin.config["include_dir"])
    own_module = plugin.config["module_name"]
    if own_module not in (BASE_PACKAGE, *plugin.config["modules"]):
        _forget_modules(own_module)


def _forget_modules(name: str) -> None:
    """Drop an imported package and its submodules, so that the next import reads the files again."""
    for module in [module for module in sys.modules if module == name or module.startswith(f"{name}.")]:
        del sys.modules[module]


def _add_page_redirects(config, redirects: dict[str, str]) -> None:
    """A redirect page (mkdocs-redirects) at the old address of each level or transition that is gone."""
    plugin = config.plugins.get("redirects")
    if redirects and plugin is None:
        raise PluginError(f"{os.path.relpath(config['config_file_path'])}:1: the old pages "
                          f"{', '.join(sorted(redirects))} need the redirects plugin. Fix: list `redirects: {{}}` "
                          "under plugins")
    if plugin is not None:
        plugin.config["redirect_maps"] = {**redirects, **plugin.config["redirect_maps"]}


def _add_open_data(files, config) -> None:
    """api/handbook.json, its schema and api/ladder.csv; Netlify's `_redirects` when pages moved."""
    open_data = importlib.import_module(f"{BASE_PACKAGE}.open_data")
    redirects = importlib.import_module(f"{BASE_PACKAGE}.redirects")
    directory_urls = config["use_directory_urls"]
    for path, content in open_data.files(_loaded, directory_urls, config["site_url"] or "").items():
        files.append(File.generated(config, path, content=content))
    moved = redirects.page_redirects(_loaded)
    if moved:
        files.append(File.generated(config, "_redirects", content=redirects.netlify_rules(moved, directory_urls)))


def _layer_theme_overrides(config) -> None:
    """A company's custom_dir comes first, the base's overrides next, then Material."""
    dirs = config["theme"].dirs
    if BASE_OVERRIDES.is_dir() and str(BASE_OVERRIDES) not in dirs:
        dirs.insert(1 if config["theme"].custom_dir else 0, str(BASE_OVERRIDES))


def _add_company_pages(files, config, pages_dir: Path) -> None:
    """A company's own pages and assets, served beside the base pages (docs_dir stays the base's)."""
    for path in sorted(p for p in pages_dir.rglob("*") if p.is_file()):
        src_uri = path.relative_to(pages_dir).as_posix()
        if files.get_file_from_path(src_uri) is not None:
            shown = importlib.import_module(f"{BASE_PACKAGE}.errors").shown
            raise PluginError(f"{shown(path)}: a base page already has the path '{src_uri}'; "
                              "put company pages in a folder of their own")
        files.append(File(src_uri, str(pages_dir), config["site_dir"], config["use_directory_urls"]))


def _subsection(section: list, title: str) -> list:
    """The sub-section `title` of a nav section, added at its end the first time."""
    for item in section:
        if isinstance(item, dict) and isinstance(item.get(title), list):
            return item[title]
    section.append({title: []})
    return section[-1][title]


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
