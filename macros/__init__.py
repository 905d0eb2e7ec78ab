"""The handbook's macros: one macro, `handbook_page`, that renders a page of the handbook.

This package is an mkdocs-macros module: mkdocs.yml lists it under the macros plugin's
`modules`, and the plugin calls `define_env(env)` once per build, after macros/hooks.py
has loaded and validated the data. A company's own module (the plugin's `module_name`)
adds its macros beside this one.
"""
from pathlib import Path

from . import build, leave_out
from .render import Renderer


def define_env(env):
    from . import page_errors  # imports the plugin, which only a build needs (not `make check`)

    page_errors.register(env)
    settings = env.conf["extra"].get("handbook", {})
    root = Path(env.conf["config_file_path"]).parent
    own_templates = [root / settings["templates_dir"]] if settings.get("templates_dir") else []
    loaded = build.current()
    renderer = Renderer(loaded, own_templates, env.conf)
    renderer.env.globals["changes"] = build.changes()  # the "What changed" page's model (macros/editions.py)
    left_out = leave_out.leave_out(env.conf)  # what of the base this site drops (macros/leave_out.py)
    renderer.env.globals["kept"] = lambda name: name.removesuffix(".md") not in left_out
    renderer.env.globals["maintainer_site"] = not leave_out.is_company_site(env.conf)

    @env.macro
    def handbook_page(kind: str, key: str | None = None) -> str:
        """Render `templates/pages/<kind>.md.j2` for the page being built; on a level's or
        transition's own page, for that entity unless `key` names another."""
        here = env.page.file.src_uri
        return renderer.page(kind, here, key or loaded.entity_on_page(here))
