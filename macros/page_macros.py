"""Run the macros of `define_env` inside the pages' Markdown, as mkdocs-macros-plugin would.

A page such as `docs/levels/index.md` holds one call, `{{ handbook_page("ladder") }}`.
This module gives `define_env(env)` the part of mkdocs-macros' `env` it uses
(`conf`, `macro`, `page`) and renders each page's Markdown as a Jinja template
with those macros. The plugin itself did the same at a fixed cost of about
0.12 s a build (its imports and thirteen `git` calls), 15% of a plain build of
these pages; `macros/` stays a valid mkdocs-macros module all the same.
"""
from __future__ import annotations

import traceback

import jinja2
from mkdocs.exceptions import PluginError


class MacroEnv:
    """What `define_env(env)` is given: the configuration, a `macro` decorator and the current page."""

    def __init__(self, config):
        self.conf = config
        self.page = None
        self.macros: dict = {}

    def macro(self, function, name: str = ""):
        self.macros[name or function.__name__] = function
        return function


class PageMacros:
    def __init__(self, config, define_env):
        self.env = MacroEnv(config)
        define_env(self.env)
        self.jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
        self.jinja.globals.update(self.env.macros)
        self.compiled: dict[str, jinja2.Template] = {}  # by source: pages of one kind share theirs

    def render(self, markdown: str, page) -> str:
        """The page's Markdown with every macro call replaced by what it returns."""
        if "{{" not in markdown and "{%" not in markdown:
            return markdown
        self.env.page = page
        try:
            if markdown not in self.compiled:
                self.compiled[markdown] = self.jinja.from_string(markdown)
            return self.compiled[markdown].render()
        except jinja2.TemplateError as error:
            raise PluginError(f"{_where(error, page)}: {error.message}. Fix: correct the macro call or the template "
                              "named here") from None


def _where(error: jinja2.TemplateError, page) -> str:
    """`file:line` of the template line that failed: a file in templates/, or the page itself."""
    page_file = page.file.abs_src_path or page.file.src_uri  # a generated page has no file on disk
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"{error.filename or page_file}:{error.lineno}"
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}"
        if frame.filename == "<template>":
            return f"{page_file}:{frame.lineno}"
    return page_file
