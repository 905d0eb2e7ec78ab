"""The data's texts are Markdown, never HTML: refuse raw HTML and links that could run script.

A company's handbook takes its data from many authors, and pages are read from
hosts without the Netlify headers and from the offline zip (file://), where no
Content-Security-Policy stops an inline script. So `make check` refuses, with the
file, line and a fix, anything in a text that the browser would run or parse as
markup: HTML tags, link targets other than https:, http:, mailto: or a relative
address, images from other sites (the handbook fetches nothing when it is read), and
attribute lists (`{ onclick=... }`). Code spans and code blocks may
hold anything: Markdown shows them as written. Fields shown as code (`Verbatim`
in handbook/data/schema.py) may hold anything but a line that would end their code block.
"""
from __future__ import annotations

import functools
import html
import re
import typing
import unicodedata

import msgspec

from handbook.errors import Problem
from handbook.data.schema import SINGLE_LINE_PATTERN, Model, Verbatim, fields_of
from handbook.data.yaml_source import SourceFile

SAFE_SCHEMES = ("http", "https", "mailto")

# Anything that could make a text more than text; most texts hold none of these characters.
_SUSPECT = re.compile(r"[<\]{]")
_ESCAPE = re.compile(r"\\.", re.S)  # a backslash escape: `\`` is not the start of a code span
_FENCED = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$", re.M | re.S)
# A code span, on one line: Markdown ends one at a blank line or a new block (a heading, a list), so a pair of
# backticks around a blank line is not code, and what lies between them must be checked as text.
_CODE_SPAN = re.compile(r"(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_TAG = re.compile(r"<[A-Za-z/!?][^\n>]{0,40}>?")
_INLINE_TARGET = re.compile(r"\]\((.*?)\)", re.S)
_IMAGE_TARGET = re.compile(r"!\[[^\]]*\]\((.*?)\)", re.S)
_REFERENCE_TARGET = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*(\S[^\n]*)", re.M)
# An attribute list: one that sets attributes (`{ onclick=... }`), or an anchor or class (`{ #senior }`,
# `{: .md-button }`), which would take another entity's anchor or the look of a button.
_ATTRIBUTE_LIST = re.compile(r"\{:?[^{}\n]*=[^{}\n]*\}|\{:?[ \t]*[#.][\w-][^{}\n]*\}")
# An abbreviation (`*[HTML]: Hyper Text...`) marks that word everywhere on the page, not only in its own text.
_ABBREVIATION = re.compile(r"^[ \t]*\*\[[^\]\n]*\]:", re.M)
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


def unsafe_target(target: str) -> bool:
    """Whether a link target leads anywhere but http(s):, mailto: or a relative address.

    Read as a browser would: character references decoded, and the blanks, control
    characters and backslashes it ignores or turns into slashes taken out.
    """
    plain = _INVISIBLE.sub("", html.unescape(target).replace("\\", "/")).lower().lstrip("<")
    scheme = _SCHEME.match(plain)
    if scheme:
        return scheme[1] not in SAFE_SCHEMES
    return plain.startswith("//")  # another site, without saying how to reach it


def _unescaped(escape: re.Match) -> str:
    """An escaped backtick or `<` starts no code span and no tag, so it is left out; any other escape stays as
    written (a link's address keeps its backslashes, which a browser reads as slashes)."""
    return "" if escape[0][1] in "`<" else escape[0]


def markdown_problem(text: str) -> tuple[str, str] | None:
    """(problem, fix) for the first thing in a Markdown text that is not plain Markdown, or None."""
    if not _SUSPECT.search(text):
        return None
    text = _CODE_SPAN.sub("", _FENCED.sub("", _ESCAPE.sub(_unescaped, text)))
    for target in [*_INLINE_TARGET.findall(text), *_REFERENCE_TARGET.findall(text), *_AUTOLINK.findall(text)]:
        if unsafe_target(target):
            shown = " ".join(target.split())
            return (f"the link target '{shown:.60}' is not allowed: links lead to https:, http:, mailto: "
                    "or a page of the handbook",
                    "link to a full https:// address or to a handbook page such as ../levels/senior.md")
    for target in _IMAGE_TARGET.findall(text):
        plain = target.strip().lower().lstrip("<").replace("\\", "/")  # a browser reads \ in an address as /
        if _SCHEME.match(plain) or plain.startswith("//"):
            return (f"the image '{target.strip():.60}' is on another site, and the handbook fetches nothing when "
                    "it is read (offline, from file://, under the site's Content-Security-Policy)",
                    "put the image in the docs folder and give its relative address, such as ../assets/ladder.png")
    tag = _TAG.search(_AUTOLINK.sub("", text))
    if tag:
        return (f"'{tag[0]}' is HTML; texts are Markdown, and HTML from the data never reaches a page",
                "write it in Markdown (**bold**, [a link](https://example.com)); to show a < sign, "
                "write &lt; or put it in `backticks`")
    abbreviation = _ABBREVIATION.search(text)
    if abbreviation:
        return (f"'{abbreviation[0].strip()}' defines an abbreviation, which would mark that word on the whole page",
                "write what it stands for in the text itself")
    attributes = _ATTRIBUTE_LIST.search(text)
    if attributes:
        return (f"'{attributes[0]:.60}' sets HTML attributes, an anchor or a class",
                "remove it: the templates give pages their anchors and classes")
    return None


def label_problem(text: str) -> tuple[str, str] | None:
    """A name, title or label is shown as a heading, a table cell, a navigation entry and a page title: something
    visible, no braces (a heading's anchor follows them as `{ #id }`, and a `{` in the name would make that an
    attribute list of its own) and no link (it would sit inside the links the templates make of names)."""
    if all(unicodedata.category(character)[0] in "MCZ" for character in text):  # marks, format, blanks only
        return ("this name shows nothing: it holds only invisible or combining characters",
                "write the name in letters or digits")
    if "{" in text or "}" in text:
        return ("this name holds '{' or '}', which Markdown would read as attributes of the heading it is shown in",
                "use ( ) or [ ] instead")
    if _INLINE_TARGET.search(text) or _AUTOLINK.search(text):
        return ("this name holds a link; a name is shown in headings, table cells and the navigation, which "
                "link to its page already", "write the name alone, and put the link in a text of the entry")
    return markdown_problem(text)


def verbatim_problem(text: str) -> tuple[str, str] | None:
    """A text shown in a ``` code block may hold anything but a line that ends the block."""
    if re.search(r"^[ \t]*```", text, re.M):
        return ("a line here starts with ```, which would end the code block it is shown in",
                "indent that line, or write fewer than three backticks")
    return None


def check_text(part: Model, source: SourceFile, problems: list[Problem]) -> None:
    """Record a problem for every text in `part` (one data file, validated) that is not plain Markdown."""
    _check(part, (), source, problems, markdown_problem)


def _check(value, path: tuple, source: SourceFile, problems: list[Problem], rule) -> None:
    if isinstance(value, str):
        found = rule(value)
        if found:
            problems.append(source.problem(path, *found))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            _check(item, path + (position,), source, problems, rule)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(item, path + (key,), source, problems, rule)
    elif isinstance(value, Model):
        for name, key, field_rule in _rules(type(value)):
            _check(getattr(value, name), path + (key,), source, problems, field_rule)


@functools.cache
def _rules(model: type[Model]) -> list[tuple]:
    """(attribute, key in YAML, rule for its texts) for each field of `model`."""
    return [(field.name, field.encode_name, verbatim_problem if _is_verbatim(field.type)
             else label_problem if _is_label(field.type) else markdown_problem) for field in fields_of(model)]


def _is_verbatim(annotation) -> bool:
    return any(isinstance(arg, Verbatim) or _is_verbatim(arg) for arg in typing.get_args(annotation))


def _is_label(annotation) -> bool:
    """A single-line field (schema.Label), alone or in a list or mapping."""
    return any((isinstance(arg, msgspec.Meta) and arg.pattern == SINGLE_LINE_PATTERN) or _is_label(arg)
               for arg in typing.get_args(annotation))


def table_cell(text: str) -> str:
    """A text as one cell of a Markdown table: a `|` outside code would end the cell (a name `A|B` turned the
    level map into a paragraph of pipes), so it is escaped; inside a code span the table already reads it as
    text, and an escape there would show. A line break would end the row: it becomes a space."""
    if "|" not in text and "\n" not in text:
        return text
    parts, end = [], 0
    for span in _CODE_SPAN.finditer(text):
        parts += [text[end:span.start()].replace("|", "\\|"), span[0]]
        end = span.end()
    parts.append(text[end:].replace("|", "\\|"))
    return "".join(parts).replace("\n", " ")
