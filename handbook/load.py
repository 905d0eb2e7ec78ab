"""Load the data a configuration names: once per build (the plugin) and for `make check`."""
from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from handbook.data.editions import Changes, changes_since
from handbook.data.loader import load_handbook
from handbook.data.model import LoadedHandbook
from handbook.errors import HandbookError, Problem
from handbook.site.company_config import base_data_dir

if TYPE_CHECKING:  # MkDocs' configuration classes load Jinja, which loading the data does not need
    from handbook.options import HandbookConfig


@dataclass(frozen=True)
class Loaded:
    """The handbook of one build and what changed since the earlier edition its configuration names."""

    handbook: LoadedHandbook
    changes: Changes


def options_of(config) -> HandbookConfig:
    """The handbook plugin's options in MkDocs' configuration (`plugins: handbook:`)."""
    plugin = config.plugins.get("handbook")
    if plugin is None:
        raise KeyError("the handbook plugin is not in this configuration: list `handbook` under `plugins`, "
                       "or inherit the base mkdocs.yml")
    return plugin.config


def refuse_old_settings(config) -> None:
    """The options moved from `extra: handbook:` to the plugin; a configuration that still has them is told where."""
    if "handbook" not in config["extra"]:
        return
    path = Path(config["config_file_path"])
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    line = next((number for number, text in enumerate(lines, 1) if text.strip().startswith("handbook:")), 1)
    raise HandbookError([Problem(path, line, ("extra", "handbook"), "these options are no longer read here",
                                 "move them under `plugins:` as `handbook:` (overlay_dir, pages_dir, templates_dir, "
                                 "nav, colours, since, pdf_label), and delete a `hooks:` line naming macros/*.py",
                                 "config")])


def data_dirs(config) -> tuple[Path, Path | None]:
    """The base data folder and the company's overlay folder (or None) that `config` names."""
    overlay = options_of(config).overlay_dir
    return base_data_dir(config), (Path(overlay) if overlay else None)


def hand_written_pages(config) -> tuple[tuple[Path, ...], frozenset[str]]:
    """The folders of hand-written pages (the docs, a company's own pages) and the pages the site redirects."""
    pages_dir = options_of(config).pages_dir
    folders = [Path(config["docs_dir"])]
    if pages_dir:
        folders.append(Path(pages_dir))
    redirects = config.plugins.get("redirects")
    return tuple(folders), frozenset(redirects.config["redirect_maps"] if redirects else ())


def load_for_config(config, *, freeze: bool = True) -> Loaded:
    """Load the data that `config` names (the plugin's data_dir, overlay_dir, since).

    Loading makes a great many objects that all live until the build ends. Python's cycle
    collector would walk them again and again while they are made, and then on every
    collection while the pages are written: at 100 times today's data that made loading
    take twice as long and slowed every page. So the collector pauses while loading, and
    then everything alive, the handbook included, is frozen out of its sight (`gc.freeze`).
    A process that builds again (`mkdocs serve`) passes `freeze=False`: its rebuilds leave the
    previous build's objects to the collector's own pace, since handing frozen ones back and
    collecting them all at the start of every rebuild cost more than the rebuild gained. If
    something else froze them, they are handed back and collected first; frozen again, their
    garbage would never be freed.
    """
    refuse_old_settings(config)
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        loaded = load_handbook(*data_dirs(config))
        changes = changes_since(options_of(config).since, Path(config["config_file_path"]),
                                *data_dirs(config), loaded, *hand_written_pages(config))
    finally:
        if collecting:
            gc.enable()
    if freeze:
        gc.freeze()
    return Loaded(loaded, changes)
