"""The handbook of the current build, loaded once and read by every macro and hook."""
from __future__ import annotations

from pathlib import Path

from .loader import load_handbook
from .model import LoadedHandbook

_current: LoadedHandbook | None = None


def load_for_config(config) -> LoadedHandbook:
    """Load the data that `config` names (extra.handbook.data_dir, overlay_dir) and keep it for this build."""
    global _current
    settings = config["extra"].get("handbook", {})
    root = Path(config["config_file_path"]).parent
    data_dir = root / settings.get("data_dir", "data")
    overlay = settings.get("overlay_dir")
    _current = load_handbook(data_dir, root / overlay if overlay else None)
    return _current


def current() -> LoadedHandbook:
    if _current is None:
        raise RuntimeError("the handbook is not loaded: is macros/hooks.py listed under hooks: in mkdocs.yml?")
    return _current
