"""HTML the templates write whole, passed around Python-Markdown instead of through it.

A page that lists the data (the self-assessment's checklists and plan, the topic pages' checklists)
is mostly the templates' own HTML, with every text from the data already escaped or converted. Python-
Markdown would still read each of its tags with its HTML parser, and inside a `markdown` block rebuild
and serialize them as elements: the larger part of such a page's build, for HTML that comes out as it
went in. So a template wraps such a part in `{% filter as_is %}`: the page's Markdown holds a token in its
place, and the plugin puts the HTML back once Markdown is done (`restore`, in `on_page_content`).

The token names its HTML by a hash, so the same Markdown always gives the same tokens (`mkdocs serve`
keeps the HTML of a page whose Markdown did not change) and a part two pages share is kept once.
The defence of handbook/render/safe_markdown.py still applies: a part that could run script is
shown as text, as the raw-HTML check does for a chunk.
"""
from __future__ import annotations

import hashlib
import html
import re

from handbook.render.safe_markdown import dangerous_html

# Letters, digits and dashes: text Markdown leaves as it is, in a raw HTML block or inside an element.
_TOKEN = re.compile(r"hb-as-is-[0-9a-f]{32}")


class AsIs:
    def __init__(self):
        self.parts: dict[str, str] = {}

    def keep(self, part: str) -> str:
        """The Jinja filter: the token that stands for `part` in the page's Markdown.

        Wrap only what sits inside a block-level tag of its own without `markdown`, so that the token
        is never a paragraph of its own."""
        token = f"hb-as-is-{hashlib.blake2b(part.encode(), digest_size=16).hexdigest()}"
        if token not in self.parts:
            self.parts[token] = html.escape(part) if dangerous_html(part) else part
        return token

    def restore(self, page_html: str) -> str:
        """The page's HTML with each token replaced by the part it stands for."""
        if "hb-as-is-" not in page_html:
            return page_html
        return _TOKEN.sub(lambda found: self.parts.get(found[0], found[0]), page_html)
