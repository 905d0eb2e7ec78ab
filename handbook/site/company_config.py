"""The base's own folders for a company's configuration, wherever the company's folder sits.

MkDocs reads every relative path of an inherited configuration (INHERIT) from the folder of
the file that inherits it. A company's mkdocs.yml, one or two folders below the base, would
then have to restate each of the base's paths with the right number of `../`. Instead it names
the base once, in `INHERIT`, and this module finds the rest from the base's folder:

- `docs_dir`: the base's pages. A company's own `docs/` folder (MkDocs' default, read from
  the company's folder) holds its pages and images, published beside the base's.
- the plugin's `data_dir`: the base's data, read from the base's folder.
- `watch`: the base's data, code and templates, and the company's own folders (its data, pages,
  templates, and its macros module and snippets for mkdocs-macros-plugin).
- the theme: the base's `overrides/` (added by the plugin, handbook/plugin.py), the company's `custom_dir` first.
- the PDF cover template: the company's when it has that file, else the base's.
- the plugin's `colours`: a company's primary and accent colours for every palette, so it
  need not restate Material's light and dark palettes.
"""
from __future__ import annotations

from pathlib import Path

from handbook.paths import ROOT

BASE = ROOT
BASE_DOCS = BASE / "docs"
BASE_WATCH = ("data", "handbook", "macros", "templates", "overrides")
COMPANY_FOLDERS = ("overlay_dir", "pages_dir", "templates_dir")
# The base's site_url when neither mkdocs.yml nor the environment names one.
LOCAL_SITE_URL = "http://127.0.0.1:8000/"


def config_folder(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def base_data_dir(config) -> Path:
    """The base's data folder: the plugin's `data_dir`, read from the base's folder (absolute paths as they are)."""
    data_dir = Path(config.plugins["handbook"].config.data_dir)
    if (BASE / data_dir).is_dir():
        return BASE / data_dir
    return config_folder(config) / data_dir  # a configuration that still spells the path from its own folder


def resolve_base_paths(config) -> None:
    """Point `config` at the base's folders and the company's own ones (see the module's docstring)."""
    settings = config.plugins["handbook"].config
    root = config_folder(config)
    docs_dir = Path(config["docs_dir"])
    if docs_dir != BASE_DOCS:
        settings["pages_dir"] = settings["pages_dir"] or str(docs_dir)
        config["docs_dir"] = str(BASE_DOCS)
    settings["data_dir"] = str(base_data_dir(config))
    watched = {Path(path) for path in config["watch"]}
    company = [root / settings[key] for key in COMPANY_FOLDERS if settings.get(key)]
    macros_plugin = config.plugins.get("macros")
    if macros_plugin is not None:
        module, snippets = macros_plugin.config["module_name"], macros_plugin.config["include_dir"]
        company += [root / f"{module}.py", root / module] + ([root / snippets] if snippets else [])
    for path in [*(BASE / name for name in BASE_WATCH), *company]:
        if path.exists() and path not in watched:
            watched.add(path)
            config["watch"].append(str(path))
    _use_base_cover(config, root)
    _apply_colours(config, {name: value for name, value in (settings["colours"] or {}).items() if value})


def _use_base_cover(config, root: Path) -> None:
    print_site = config.plugins.get("print-site")
    template = print_site.config.get("cover_page_template") if print_site else None
    if template and not (root / template).is_file() and (BASE / template).is_file():
        print_site.config["cover_page_template"] = str(BASE / template)


def _apply_colours(config, colours: dict | None) -> None:
    if not colours:
        return
    palettes = config["theme"]["palette"]
    for palette in palettes if isinstance(palettes, list) else [palettes]:
        palette.update(colours)
