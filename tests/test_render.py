"""Inline Markdown in checklist labels: the shortcut for plain text gives what Markdown itself gives."""
import markdown
import pytest

from handbook.render.renderer import _inline_html

TRICKY = ["plain words, with commas; and: colons", "a *b* c", "x & y", "a < b", "- item", "1. first", "# head",
          "> quote", "line\n===", "a  \nb", "tab\there", "`code`", "see [x](y)", "L3 - L4", "ok\n- list",
          'a "quoted" word', "x\n    code", "+ plus", "2) second", "one\n\ntwo"]


def markdown_inline(text: str) -> str:
    html = markdown.markdown(text)
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1 else html


def strings(value):
    if isinstance(value, str):
        yield value.strip()
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize("text", TRICKY)
def test_inline_markdown_matches_markdown_on_tricky_text(text):
    assert _inline_html(text) == markdown_inline(text)


def test_inline_markdown_matches_markdown_on_every_text_of_the_handbook(loaded):
    texts = {text for source in loaded.sources.values() for text in strings(source.data)}
    assert [t for t in texts if _inline_html(t) != markdown_inline(t)] == []
