"""The handbook's macros: one macro, `handbook_page`, that renders a page of the handbook.

`define_env(env)` is the entry point of an mkdocs-macros module; `macros/hooks.py`
calls it with the part of that `env` it needs (`macros/page_macros.py`). Loading and
validating happen once per build in `macros/hooks.py`; this module only connects
the loaded model to the templates.
"""
from pathlib import Path

from . import build
from .render import Renderer


def define_env(env):
    settings = env.conf["extra"].get("handbook", {})
    root = Path(env.conf["config_file_path"]).parent
    own_templates = [root / settings["templates_dir"]] if settings.get("templates_dir") else []
    loaded = build.current()
    renderer = Renderer(loaded, own_templates)

    @env.macro
    def handbook_page(kind: str, key: str | None = None) -> str:
        """Render `templates/pages/<kind>.md.j2` for the page being built; on a level's or
        transition's own page, for that entity unless `key` names another."""
        here = env.page.file.src_uri
        return renderer.page(kind, here, key or loaded.entity_on_page(here))
