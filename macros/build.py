"""The handbook of the current build, loaded once and read by every macro and hook."""
from __future__ import annotations

import gc
from pathlib import Path

from .company_config import base_data_dir, config_folder
from .editions import Changes, changes_since
from .loader import load_handbook
from .model import LoadedHandbook

_current: LoadedHandbook | None = None
_changes: Changes | None = None


def data_dirs(config) -> tuple[Path, Path | None]:
    """The base data folder and the company's overlay folder (or None) that `config` names."""
    overlay = config["extra"].get("handbook", {}).get("overlay_dir")
    return base_data_dir(config), (config_folder(config) / overlay if overlay else None)


def hand_written_pages(config) -> tuple[tuple[Path, ...], frozenset[str]]:
    """The folders of hand-written pages (the docs, a company's own pages) and the pages the site redirects."""
    pages_dir = config["extra"].get("handbook", {}).get("pages_dir")
    folders = [Path(config["docs_dir"])]
    if pages_dir:
        folders.append(Path(config["config_file_path"]).parent / pages_dir)
    redirects = config.plugins.get("redirects")
    return tuple(folders), frozenset(redirects.config["redirect_maps"] if redirects else ())


def load_for_config(config) -> LoadedHandbook:
    """Load the data that `config` names (extra.handbook.data_dir, overlay_dir) and keep it for this build.

    Loading makes a great many objects that all live until the build ends. Python's cycle
    collector would walk them again and again while they are made, and then on every
    collection while the pages are written: at 100 times today's data that made loading
    take twice as long and slowed every page. So the collector pauses while loading, and
    then everything alive, the handbook included, is frozen out of its sight (`gc.freeze`).
    When `mkdocs serve` rebuilds in the same process, the previous build's objects are handed
    back to the collector and collected first; frozen again, its garbage would never be freed.
    """
    global _current, _changes
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        _current = load_handbook(*data_dirs(config))
        _changes = changes_since(config["extra"].get("handbook", {}).get("since"), Path(config["config_file_path"]),
                                 *data_dirs(config), _current, *hand_written_pages(config))
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return _current


def current() -> LoadedHandbook:
    if _current is None:
        raise RuntimeError("the handbook is not loaded: is macros/hooks.py listed under hooks: in mkdocs.yml?")
    return _current


def changes() -> Changes:
    """What changed since the earlier edition the configuration names (`extra.handbook.since`, SINCE=)."""
    if _changes is None:
        raise RuntimeError("the handbook is not loaded: is macros/hooks.py listed under hooks: in mkdocs.yml?")
    return _changes
