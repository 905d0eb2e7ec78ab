"""Render the handbook's pages from Jinja templates that output Markdown.

Templates live in `templates/` (a company's own folder is searched first, so
it can override any of them). Python hands them typed models and URLs, never
markup: links are written by the templates as Markdown, so MkDocs checks and
rewrites them like any hand-written link.
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import posixpath
import re
from pathlib import Path

import jinja2
import markdown
from mkdocs.utils import get_relative_url

from handbook.render.as_is import AsIs
from handbook.render.ladder_picture import ladder_picture
from handbook.data.model import Entry, LoadedHandbook
from handbook.render.profile import Scale, content_hash
from handbook.render.safe_markdown import SafeMarkdown
from handbook.render.summaries import by_relevance, summary
from handbook.data.text_check import table_cell
from handbook.paths import ROOT, page_url

BASE_TEMPLATES = ROOT / "templates"
# Options that change what a template compiles to; the compiled-template cache is kept per set of them.
TEMPLATE_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}


class Renderer:
    def __init__(self, loaded: LoadedHandbook, template_dirs: list[Path], site_config=None, as_is: AsIs | None = None):
        self.loaded = loaded
        self.as_is = as_is or AsIs()  # the build's: the plugin puts these parts back into each page's HTML
        self.site_config = site_config  # MkDocs' config, read per page: the offline plugin changes its URLs
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in [*template_dirs, BASE_TEMPLATES]]),
            undefined=jinja2.StrictUndefined,
            bytecode_cache=_compiled_templates(),
            auto_reload=False,  # a new Renderer for every build (and every `mkdocs serve` rebuild) reads them anew
            **TEMPLATE_OPTIONS,
        )
        self.env.filters["inline"] = _inline_html
        self.env.filters["as_is"] = self.as_is.keep
        self.env.filters["content_hash"] = content_hash
        self.env.filters["summary"] = summary
        self.env.filters["cell"] = table_cell  # text from the data inside a Markdown table's cell
        self.env.filters["by_relevance"] = by_relevance
        self.env.globals["entry"] = self._entry
        self.env.globals["scale"] = Scale(loaded)
        self.env.globals["ladder_picture"] = lambda: ladder_picture(self.loaded)
        self.env.globals["today"] = datetime.date.today()  # the edition date on the PDF's cover

    def page(self, kind: str, here: str, key: str | None = None) -> str:
        """The Markdown of the page `kind` (or of entity `key`) as seen from the page file `here`."""
        directory_urls = self.site_config["use_directory_urls"] if self.site_config is not None else True
        context = {"hb": self.loaded.handbook, "loaded": self.loaded, "url": _UrlFrom(here, self.loaded, directory_urls)}
        if key is not None:
            context["page_entry"] = self.loaded.entry(key)
        return self.env.get_template(f"pages/{kind}.md.j2").render(context)

    def site_wide(self, name: str) -> str:
        """A part that belongs to no page (it gets no `url`), such as the list of levels the scripts read."""
        return self.env.get_template(name).render(hb=self.loaded.handbook, loaded=self.loaded)

    def _entry(self, obj, owner=None) -> Entry:
        """`entry("id")`, `entry("kind:id")`, `entry(model)` or `entry(part, owner)`; an Entry as it is."""
        if isinstance(obj, Entry):
            return obj
        return self.loaded.entry(obj) if isinstance(obj, str) else self.loaded.entry_of(obj, owner)


def _compiled_templates() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between builds, as Python keeps `.pyc` files.

    Compiling the templates was a visible share of every build (BENCHMARKS.md). Jinja checks each cached
    entry against the template's source; the file name also carries Jinja's version
    and the options above, so a change to either compiles afresh. Without a writable
    temporary folder the build simply compiles every time.
    """
    fingerprint = hashlib.sha1(f"{jinja2.__version__}{sorted(TEMPLATE_OPTIONS.items())}".encode()).hexdigest()[:12]
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"handbook-{fingerprint}-%s.cache")
    except (OSError, RuntimeError):
        return None


class _UrlFrom:
    """Relative links from one page file to an entry, in Markdown's `file.md#anchor` form."""

    def __init__(self, here: str, loaded: LoadedHandbook, directory_urls: bool = True):
        self.here, self.loaded, self.directory_urls = here, loaded, directory_urls

    def __call__(self, target) -> str:
        if isinstance(target, str):
            entry = self.loaded.entry(target)
        else:
            entry = target if isinstance(target, Entry) else self.loaded.entry_of(target)
        if entry.page == self.here:
            return f"#{entry.anchor}"
        return f"{self.page(entry.page)}#{entry.anchor}"

    def page(self, page: str) -> str:
        return _relative(page, posixpath.dirname(self.here) or ".")

    def built(self, target) -> str:
        """The address of an entry as the built site has it, for links inside raw HTML (such as SVG),
        which MkDocs does not rewrite from `.md` as it does Markdown links."""
        entry = self.loaded.entry(target) if isinstance(target, str) else target
        there, here = (page_url(p, self.directory_urls) for p in (entry.page, self.here))
        return f"{get_relative_url(there, here)}#{entry.anchor}"


@functools.lru_cache(maxsize=None)
def _relative(page: str, from_folder: str) -> str:
    """Cached: a page links to the same few pages many times, and relpath asks the OS for the cwd each time."""
    return posixpath.relpath(page, from_folder)


# One converter for the whole build: `markdown.markdown()` would set up a new one, with all its
# extensions and patterns, for every checklist label. Labels sit inside the templates' HTML, where
# no later step looks at them: every tag in one is shown as text, and unsafe links lose their target.
_INLINE_MARKDOWN = markdown.Markdown(extensions=[SafeMarkdown(html=False)])
# Text with none of these comes out of Markdown as it went in, and most labels are such text:
# inline marks, characters HTML escapes, a hard line break, a blank line, or a line that starts a block.
_NEEDS_MARKDOWN = re.compile(r"[\\`*_\[\]<>&!\t]|  \n|\n\s*\n|^\s*(?:[#>+=-]|\d+[.)])", re.M)


def _inline_html(text: str) -> str:
    """Markdown text as inline HTML, for places inside raw HTML blocks (checklist labels)."""
    if not _NEEDS_MARKDOWN.search(text):
        return text
    html = _INLINE_MARKDOWN.reset().convert(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
