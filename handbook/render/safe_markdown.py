"""Markdown that cannot run script: the renderer's defence behind the loader's text check.

`make check` refuses HTML and unsafe links in the data (handbook/data/text_check.py). Should
something get past it (a company's template override, a hand-written page, a gap in
that check), this Python-Markdown extension, run on every page and on checklist labels,
still keeps what reaches the browser from running script:

- a link or image whose address is anything but http(s):, mailto: or relative
  becomes its text (an image, its alt text);
- attributes that run script (`onclick=...`, also from an attribute list) are dropped;
- a raw HTML chunk holding a script, a frame, an event handler or a `javascript:`
  address is shown as text. The templates' own HTML holds none of these.

With `html=False` (checklist labels, which sit inside the templates' HTML), raw HTML
is never passed through at all: every tag is shown as text.
"""
from __future__ import annotations

import html
import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from handbook.data.text_check import unsafe_target

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite"}
_DANGEROUS_HTML = re.compile(r"<\s*/?\s*(?:script|iframe|frame|frameset|object|embed|base|meta|link|style|template)\b"
                             r"|[\s\"'/]on[a-z]+\s*=|srcdoc\s*=", re.I)
_SCRIPT_URL = re.compile(r"(?:java|vb|live)script:|data:text/html", re.I)
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f]+")


# Text between a tag's end and the next tag, holding no quote: a browser reads it as text (or, had the `>` been
# inside a quoted value, as part of that value), never as markup. A name from the data, escaped in the
# templates' own HTML (`<option>&lt;img onerror=...&gt;</option>`), is such text, and must not turn the
# whole compare form into text.
_PLAIN_TEXT = re.compile(r"(?<=>)[^<>\"']+(?=<)")


def dangerous_html(chunk: str) -> bool:
    """Whether a piece of raw HTML could run script: its markup is looked at, not its plain text."""
    markup = _PLAIN_TEXT.sub("", chunk)
    if _DANGEROUS_HTML.search(markup):
        return True
    # A script address needs a colon, written as it is or as a character reference (`&#58;`, `&colon;`):
    # most chunks (`<span>`, `</li>`) have neither, and decoding them would find nothing.
    return (":" in markup or "&" in markup) and bool(_SCRIPT_URL.search(_INVISIBLE.sub("", html.unescape(markup))))


class _SafeAttributes(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for name in [name for name in element.attrib if name.lower().startswith("on")]:
                del element.attrib[name]
            for name in URL_ATTRIBUTES & set(element.attrib):
                if unsafe_target(element.attrib[name].replace(AMP_SUBSTITUTE, "&")):
                    del element.attrib[name]
                    if element.tag in ("a", "img"):  # MkDocs expects every link and image to have its address
                        element.text = element.text if element.tag == "a" else element.attrib.pop("alt", "")
                        element.tag = "span"


class _SafeRawHtml(Postprocessor):
    """Runs before Python-Markdown puts the raw HTML back into the page.

    The table of contents runs every postprocessor again once per heading, over the same stash,
    which only grows during a conversion. Checking the whole stash on each run cost headings x
    chunks; so the chunks already checked are remembered and each is checked once per conversion.
    A new conversion gets a new stash (Markdown.reset() makes a new list), which starts the count
    again: tied to the list itself, not to a reset call that an extension might not pass on.
    """

    def __init__(self, md):
        super().__init__(md)
        self.stash: list | None = None
        self.checked = 0

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if blocks is not self.stash or self.checked > len(blocks):  # another stash, or this one emptied
            self.stash, self.checked = blocks, 0
        for position in range(self.checked, len(blocks)):
            chunk = blocks[position]
            if isinstance(chunk, str) and "<" in chunk and dangerous_html(chunk):
                blocks[position] = html.escape(chunk)
        self.checked = len(blocks)
        return text


class SafeMarkdown(Extension):
    def __init__(self, **kwargs):
        self.config = {"html": [True, "pass the templates' raw HTML through (False: show every tag as text)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        if not self.getConfig("html"):
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
        # After the inline links (20), attribute lists (8) and the table of contents (5).
        md.treeprocessors.register(_SafeAttributes(md), "safe_attributes", 1)
        # Before raw HTML goes back into the page (30).
        md.postprocessors.register(_SafeRawHtml(md), "safe_raw_html", 35)
