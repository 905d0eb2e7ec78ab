"""The handbook's macros: one macro, `handbook_page`, that renders a page of the handbook.

This package is an mkdocs-macros module: mkdocs.yml lists it under the macros plugin's
`modules`, and the plugin calls `define_env(env)` once per build, after the handbook plugin
(handbook/plugin.py) has loaded and validated the data. A company's own module (the plugin's
`module_name`) adds its macros beside this one.
"""
from handbook.render.renderer import Renderer
from handbook.site import leave_out


def define_env(env):
    from macros import page_errors  # imports the plugin, which only a build needs (not `make check`)

    page_errors.register(env)
    handbook = env.conf.plugins["handbook"]  # the plugin: its options, and the data it loaded for this build
    own_templates = [handbook.config.templates_dir] if handbook.config.templates_dir else []
    loaded = handbook.loaded.handbook
    renderer = Renderer(loaded, own_templates, env.conf, handbook.as_is)
    renderer.env.globals["changes"] = handbook.loaded.changes  # the "What changed" page (handbook/data/editions.py)
    left_out = leave_out.leave_out(env.conf)  # what of the base this site drops (handbook/site/leave_out.py)
    renderer.env.globals["kept"] = lambda name: name.removesuffix(".md") not in left_out

    @env.macro
    def handbook_page(kind: str, key: str | None = None) -> str:
        """Render `templates/pages/<kind>.md.j2` for the page being built; on a level's or
        transition's own page, for that entity unless `key` names another."""
        here = env.page.file.src_uri
        return renderer.page(kind, here, key or loaded.entity_on_page(here))
