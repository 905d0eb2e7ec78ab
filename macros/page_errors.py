"""A mistake in a page's Jinja, reported as `file:line: problem. Fix: ...`.

mkdocs-macros-plugin renders each page and, when that fails, formats the error with
`mkdocs_macros.errors.format_error`, a function that picks its formatter by the error's type
(`functools.singledispatch`). Its own text names the page but not the line and adds a Python
traceback; with `on_error_fail: true` it logs that text as a warning, which `mkdocs build
--quiet` (`make build`) does not show, and exits with code 100. `register()` gives it one
formatter for every error instead: the line of the page, or of the template or included
snippet where the mistake is, and what to do. With `on_error_fail: true` that formatter
stops the build with that message (MkDocs prints it as an error, exit code 1); otherwise
the plugin writes it into the page and logs it as a warning, as it does its own.
"""
from __future__ import annotations

from types import TracebackType

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs_macros.errors import format_error

from handbook.errors import shown

# The name Jinja gives a template made from a string: the page's own Markdown.
STRING_TEMPLATE = "<template>"


def register(env) -> None:
    """Format every error the plugin `env` reports with `located` (its syntax errors too)."""
    def report(error: Exception, markdown: str, page) -> str:
        message = located(error, markdown, page)
        if env.config["on_error_fail"]:
            raise PluginError(message) from None
        return message

    format_error.register(Exception, report)
    format_error.register(jinja2.TemplateSyntaxError, report)


def located(error: Exception, markdown: str, page) -> str:
    """`file:line: problem. Fix: ...` for an error raised while rendering `page`."""
    page_file = shown(page.file.abs_src_path or page.file.src_uri)  # a generated page has no file on disk
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{shown(error.filename) if error.filename else page_file}:{error.lineno}"
        return f"{where}: {_sentence(error.message)}. Fix: {_syntax_fix(error.message or '')}"
    filename, line, raised_in = _template_frame(error.__traceback__)
    where = f"{page_file if filename in (None, STRING_TEMPLATE) else shown(filename)}:{line or 1}"
    if isinstance(error, jinja2.TemplateNotFound):
        return (f"{where}: no file '{error.name}' to include. Fix: put it in the include folder "
                "(plugins.macros.include_dir in mkdocs.yml) or correct its name")
    if isinstance(error, jinja2.UndefinedError):
        return (f"{where}: {_sentence(error.message)}. Fix: correct the name, or define it: a value under `extra` in "
                "mkdocs.yml, or a macro or variable in a macros module's define_env")
    origin = f" (raised at {raised_in})" if raised_in else ""
    return f"{where}: {type(error).__name__}: {_sentence(str(error))}{origin}. Fix: correct the macro call or the code named here"


def _template_frame(tb: TracebackType | None) -> tuple[str | None, int | None, str | None]:
    """The innermost template line in the traceback, and the Python code it called that raised, if any.

    Jinja rewrites a template's frames to carry the template's file name and line; such a
    frame's globals hold `__jinja_exception__`. The first Python frame after it is the macro or
    filter the template called (Jinja's own calls are left out of the rewritten traceback).
    """
    filename = line = called = None
    while tb is not None:
        code = tb.tb_frame.f_code
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            filename, line, called = code.co_filename, tb.tb_lineno, None
        elif filename is not None and called is None:
            called = f"{shown(code.co_filename)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return filename, line, called


def _sentence(message: str | None) -> str:
    """Jinja's message without its closing full stop, which the `. Fix:` that follows supplies."""
    return (message or "").rstrip(".")


def _syntax_fix(message: str) -> str:
    if "comment" in message:
        return ("`{#` opens a Jinja comment: write a heading's id with a space, `{ #id }`, or put literal "
                "braces between {% raw %} and {% endraw %}")
    return "correct the Jinja syntax on that line, or put literal braces between {% raw %} and {% endraw %}"
