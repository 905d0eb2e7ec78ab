"""The handbook of the current build, loaded once and read by every macro and hook."""
from __future__ import annotations

from pathlib import Path

from .loader import load_handbook
from .model import LoadedHandbook

_current: LoadedHandbook | None = None


def data_dirs(config) -> tuple[Path, Path | None]:
    """The base data folder and the company's overlay folder (or None) that `config` names."""
    settings = config["extra"].get("handbook", {})
    root = Path(config["config_file_path"]).parent
    overlay = settings.get("overlay_dir")
    return root / settings.get("data_dir", "data"), (root / overlay if overlay else None)


def load_for_config(config) -> LoadedHandbook:
    """Load the data that `config` names (extra.handbook.data_dir, overlay_dir) and keep it for this build."""
    global _current
    _current = load_handbook(*data_dirs(config))
    return _current


def current() -> LoadedHandbook:
    if _current is None:
        raise RuntimeError("the handbook is not loaded: is macros/hooks.py listed under hooks: in mkdocs.yml?")
    return _current
