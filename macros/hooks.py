"""MkDocs hooks: load the data once per build, add a page per level and transition, run the macros.

It loads the handbook on config, before anything is written (hence the
priority), extends the navigation with the generated pages and adds them as
in-memory files; then each page's Markdown is rendered with the macros of
`macros/__init__.py` (`define_env`), see `macros/page_macros.py`.
"""
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# MkDocs runs this file by path; `mkdocs serve` runs it again on every rebuild.
# Drop the cached package so edits to macros/ take effect without a restart.
for _name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
    del sys.modules[_name]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import build, define_env  # noqa: E402
from macros.errors import HandbookError  # noqa: E402
from macros.page_macros import PageMacros  # noqa: E402
from macros.safe_markdown import SafeMarkdown  # noqa: E402

BASE_OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"
# The same for every page of a kind, so it is compiled once; the macro finds the entity from the page.
PAGE_SOURCE = '{{{{ handbook_page("{kind}") }}}}\n'
# Material's offline plugin would load this shim from a CDN; we ship it (npm: iframe-worker).
OFFLINE_SEARCH_SHIM = "assets/vendor/iframe-worker/shim.js"
_macros: PageMacros | None = None


@event_priority(100)
def on_config(config):
    global _macros
    try:
        loaded = build.load_for_config(config)
    except HandbookError as error:
        raise PluginError(str(error)) from None
    _macros = PageMacros(config, define_env)
    config["markdown_extensions"].append(SafeMarkdown())  # no page runs script from its Markdown
    config["handbook_macros"] = _macros.env.macros  # for the PDF's cover, which print-site renders with `config` alone
    for section_index, entry in loaded.generated_pages():
        section = _section_containing(config["nav"] or [], section_index)
        if section is None:
            raise PluginError(f"mkdocs.yml: the nav needs a section that lists '{section_index}'; "
                              f"the page of '{entry.key}' is added to that section")
        section.append({entry.title: entry.page})
    _layer_theme_overrides(config)
    config["nav"] = [*(config["nav"] or []), *config["extra"].get("handbook", {}).get("nav", [])]
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SEARCH_SHIM]
    return config


def on_files(files, config):
    for _, entry in build.current().generated_pages():
        content = PAGE_SOURCE.format(kind=entry.kind)
        files.append(File.generated(config, entry.page, content=content))
    pages_dir = config["extra"].get("handbook", {}).get("pages_dir")
    if pages_dir:
        _add_company_pages(files, config, Path(config["config_file_path"]).parent / pages_dir)
    return files


@event_priority(50)  # before other plugins, so that they see the rendered Markdown
def on_page_markdown(markdown, page, config, files):
    return _macros.render(markdown, page)


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
            raise PluginError(f"{path}: a base page already has the path '{src_uri}'; "
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
