"""Hostile and careless data: every case gets a `file:line: problem. Fix:` message, never a traceback
or a hang, and no text from the data ever becomes HTML or script on a page."""
from __future__ import annotations

import html.parser
import json
import os
import re
import subprocess
import sys

import markdown
import pytest
import yaml

from support import ROOT, edit, line_of, load_error, mkdocs_build
from handbook.data import loader
from handbook.errors import HandbookError
from handbook.data.loader import load_handbook
from handbook.render.renderer import Renderer, _inline_html
from handbook.render.safe_markdown import SafeMarkdown, dangerous_html
from handbook.data.text_check import table_cell
from handbook.data.yaml_source import MAX_BYTES, read_yaml

HOSTILE_STORY = "<script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\">"


# `make check`, printing at the end the most memory it held (KB).
CHECK = ("import resource, sys; from handbook.check import main; status = main(sys.argv[1:]); "
         "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(status)")


def check(data_dir, cwd=ROOT) -> subprocess.CompletedProcess:
    """`make check` on `data_dir`, run from `cwd`; a hang ends in the timeout, not in a pass."""
    env = {**os.environ, "HANDBOOK_DATA": str(data_dir), "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "true"}
    return subprocess.run([sys.executable, "-c", CHECK, "--config", str(ROOT / "mkdocs.yml")],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def set_lesson(path, text: str) -> int:
    """Make `text` the first story's lesson, exactly; returns the lesson's line."""
    line = line_of(path, "    lesson:")
    block = "    lesson: |-\n" + "".join(f"      {row}\n" if row else "\n" for row in text.split("\n"))
    source = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"    lesson: >-\n(?:(?:      .*)?\n)*", lambda _: block, source, count=1), encoding="utf-8")
    return line


# --- HTML and links in the data ----------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("<script>alert(1)</script>", "'<script>' is HTML"),
    ("Look <img src=x onerror=alert(1)> here", "'<img src=x onerror=alert(1)>' is HTML"),
    ("a<b>bold</b>", "'<b>' is HTML"),
    ("<!-- hidden -->", "'<!-- hidden -->' is HTML"),
    ("[click](javascript:alert(1))", "the link target 'javascript:alert(1' is not allowed"),
    ("[click](JavaScript:alert(1))", "the link target 'JavaScript:alert(1' is not allowed"),
    ("[click](&#106;avascript:alert(1))", "the link target '&#106;avascript:alert(1' is not allowed"),
    ("[click](<javascript:alert(1)>)", "is not allowed"),
    ("![pic](data:text/html,hi)", "the link target 'data:text/html,hi' is not allowed"),
    ("<vbscript:msgbox>", "the link target 'vbscript:msgbox' is not allowed"),
    ("[click](//evil.example)", "the link target '//evil.example' is not allowed"),
    ("Read more.\n\n[ref]: javascript:alert(1)", "the link target 'javascript:alert(1)' is not allowed"),
    ("![tracker](https://tracker.example/pixel.png)", "the image 'https://tracker.example/pixel.png' is on another site"),
    ("![pic](//cdn.example/a.png)", "is not allowed"),
    ("Bold { onclick=alert(1) }", "sets HTML attributes"),
    ("\\`<b>not code</b>`", "'<b>' is HTML"),
    # Backticks around a blank line are no code span: Markdown ends a paragraph there.
    ("a `\n\n<img src=\"a.png\" style=\"position:fixed\">\n\n` b", "'<img src=\"a.png\" style=\"position:fi"),
    ("[sign in](/\\\\evil.example/login)", "the link target '/\\\\evil.example/login' is not allowed"),
    ("[sign in](/\\evil.example/login)", "the link target '/\\evil.example/login' is not allowed"),
    ("![pixel](/\\\\evil.example/p.png)", "is not allowed"),
    ("## Mine { .md-button #senior }", "'{ .md-button #senior }' sets HTML attributes, an anchor or a class"),
    ("Fine.\n\n*[the]: Secret", "'*[the]:' defines an abbreviation, which would mark that word on the whole page"),
])
def test_html_and_unsafe_links_in_a_text_are_refused_with_file_and_line(data_copy, text, shown):
    line = set_lesson(data_copy / "stories.yml", text)
    message = load_error(data_copy)
    assert f"stories.yml:{line}: [base] stories[0].lesson: " in message
    assert shown in message and "Fix:" in message


@pytest.mark.parametrize("name, shown", [
    ("Code quality { style=position:fixed;inset:0", "this name holds '{' or '}'"),
    ("Junior {new}", "this name holds '{' or '}'"),
    ("Junior [sign in](https://evil.example)", "this name holds a link"),
    ("Junior <https://evil.example>", "this name holds a link"),
    ("\u200b\u200b", "this name shows nothing: it holds only invisible or combining characters"),
])
def test_a_name_with_braces_or_a_link_is_refused(data_copy, loaded, name, shown):
    """A name is a heading (followed by its `{ #id }`), a table cell and a navigation entry: braces would
    become attributes of the heading, a link would sit inside the link the templates make of the name."""
    level = loaded.levels[0]
    edit(data_copy / "ladder.yml", f"    name: {level.name}\n", f"    name: '{name}'\n")
    message = load_error(data_copy)
    assert f"ladder.yml:{line_of(data_copy / 'ladder.yml', name)}: [base] levels[0].name: {shown}" in message
    assert "Fix:" in message


def test_a_code_examples_language_is_one_word(data_copy):
    """Words after the language would be the code block's options: a title, line numbers."""
    senior = data_copy / "senior.yml"
    written = next(line for line in senior.read_text(encoding="utf-8").splitlines() if "language:" in line)
    edit(senior, written, written.split(":")[0] + ": 'javascript title=\"Yours\" linenums=\"1\"'")
    message = load_error(data_copy)
    assert (f"senior.yml:{line_of(senior, 'linenums')}: [base] " in message
            and "'javascript title=\"Yours\" linenums=\"1\"' is not one word naming a language. Fix: write the "
            "language alone" in message), message


def test_the_fix_for_html_says_how_to_write_it_in_markdown(data_copy):
    set_lesson(data_copy / "stories.yml", "<b>Bold</b>")
    message = load_error(data_copy)
    assert "write it in Markdown" in message and "&lt;" in message


def test_checklist_labels_are_checked_too(data_copy, loaded):
    item = loaded.handbook.transitions.transitions[0].signals[0]
    path = data_copy / "transitions.yml"
    edit(path, f"text: {item.text.splitlines()[0]}", "text: Ship it <img src=x onerror=alert(1)>")
    message = load_error(data_copy)
    assert f"transitions.yml:{line_of(path, 'onerror')}" in message and "transitions[0].signals[0].text" in message


@pytest.mark.parametrize("text", [
    "Use `<button>` rather than `<div onclick>`.",
    "If a < b and c > d, nothing is a tag.",
    "See <https://example.com/a_(b)> or [the senior page](../levels/senior.md#senior), "
    "[mail](mailto:team@example.com) and <team@example.com>.",
    "Escaped: \\<b> stays text, and AT&amp;T too.",
])
def test_markdown_that_only_looks_like_html_is_accepted(data_copy, text):
    set_lesson(data_copy / "stories.yml", text)
    assert text in load_handbook(data_copy).handbook.stories.stories[0].lesson


def test_code_examples_may_hold_html_but_not_a_fence(data_copy):
    path = data_copy / "senior.yml"
    edit(path, "        const s = ", "        const html = '<script>x</script>';\n        const s = ")
    load_handbook(data_copy)
    edit(path, "        const s = ", "        ```\n        const s = ")
    message = load_error(data_copy)
    assert "senior.yml:" in message and "which would end the code block" in message


@pytest.mark.parametrize("url", ["https://example.com/<script>alert(1)</script>", "https://example.com/a b",
                                 "https://example.com/\"onmouseover=alert(1)", "javascript:alert(1)", "https://"])
def test_a_resource_url_must_be_a_whole_web_address(data_copy, url):
    path = data_copy / "resources.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    url: ")
    path.write_text(text[:start] + f"    url: '{url}'" + text[text.index("\n", start):], encoding="utf-8")
    message = load_error(data_copy)
    assert f"resources.yml:{line_of(path, '    url: ' + repr(url))}" in message
    assert "is not a whole web address" in message and "https://" in message


class _Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.handlers, self.hrefs, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.hrefs += [value for name, value in attrs if name in ("href", "src") and value]

    def handle_data(self, data):
        self.text.append(data)


def elements(page_html: str) -> _Elements:
    parsed = _Elements()
    parsed.feed(page_html)
    return parsed


def rendered_page(data_dir, monkeypatch, kind: str, here: str) -> str:
    """A page as the build makes it, from data that got past the loader's text check."""
    monkeypatch.setattr(loader, "check_text", lambda *args: None)
    return converted(Renderer(load_handbook(data_dir), []), kind, here)


def converted(renderer: Renderer, kind: str, here: str) -> str:
    """The page's HTML as the plugin hands it on: Markdown converted, the templates' own HTML put back."""
    renderer.env.globals["kept"] = lambda name: True  # the macros module sets it in a build: the whole base here
    names, options = site_markdown_extensions()
    md = markdown.Markdown(extensions=[*names, SafeMarkdown()], extension_configs=options)
    return renderer.as_is.restore(md.convert(renderer.page(kind, here)))


def site_markdown_extensions() -> tuple[list[str], dict]:
    """mkdocs.yml's Markdown extensions (read as YAML: MkDocs' loader would run the hooks in this process)."""
    class ConfigLoader(yaml.SafeLoader):
        pass
    ConfigLoader.add_constructor("!ENV", lambda loader, node: None)
    listed = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)["markdown_extensions"]
    names = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in listed]
    return names, {next(iter(entry)): next(iter(entry.values())) for entry in listed if isinstance(entry, dict)}


def test_renderer_shows_html_from_the_data_as_text_should_the_check_miss_it(data_copy, monkeypatch):
    set_lesson(data_copy / "stories.yml", f"{HOSTILE_STORY} [go](javascript:alert(1))")
    page = elements(rendered_page(data_copy, monkeypatch, "stories", "stories.md"))
    assert "script" not in page.tags and "img" not in page.tags and not page.handlers
    assert not [href for href in page.hrefs if "javascript" in href.lower()]
    assert "window.__pwned = 1" in "".join(page.text)


def _hostile_document(headings: int) -> str:
    """Headings (each makes the table of contents run the postprocessors) around hostile raw HTML."""
    parts = [f"## Part {n}\n\n<span>{n}</span> <img src=x onerror=\"window.__pwned = {n}\">\n" for n in range(headings)]
    return "\n".join(parts) + "\n<script>window.__pwned = 0</script>\n"


@pytest.mark.parametrize("between", ["reset", "stash only", "nothing"])
def test_raw_html_is_shown_as_text_in_every_conversion_of_a_reused_renderer(between):
    """A renderer converts many pages (the table of contents reruns the check once per heading): script
    from any of them, before or after any heading, on a longer page after a shorter one, stays text."""
    names, options = site_markdown_extensions()
    md = markdown.Markdown(extensions=[*names, SafeMarkdown()], extension_configs=options)
    for headings in (1, 4, 2, 6):
        if between == "reset":
            md.reset()
        elif between == "stash only":
            md.htmlStash.reset()
        page = elements(md.convert(_hostile_document(headings)))
        assert "script" not in page.tags and "img" not in page.tags and not page.handlers
        assert "window.__pwned = 0" in "".join(page.text)


def test_each_raw_html_chunk_is_checked_once_whatever_the_headings(monkeypatch):
    """The check ran over every chunk once per heading (headings x chunks), which made large
    handbooks slow to build; now a page costs one check per chunk."""
    from handbook.render import safe_markdown
    checked = []
    monkeypatch.setattr(safe_markdown, "dangerous_html",
                        lambda chunk: checked.append(chunk) or bool(safe_markdown._DANGEROUS_HTML.search(chunk)))
    names, options = site_markdown_extensions()
    document = _hostile_document(30)
    md = markdown.Markdown(extensions=[*names, SafeMarkdown()], extension_configs=options)
    md.convert(document)
    assert len(checked) == len(md.htmlStash.rawHtmlBlocks) > 60


class _Parsed(html.parser.HTMLParser):
    """A page as a browser reads it: tags, their attributes in any order (`hidden` is `hidden="hidden"`), text."""
    def __init__(self, page_html: str):
        super().__init__()
        self.events = []
        self.feed(page_html)

    def handle_starttag(self, tag, attrs):
        self.events.append((tag, sorted((name, name if value in (None, name) else value) for name, value in attrs)))

    def handle_endtag(self, tag):
        self.events.append(("/", tag))

    def handle_data(self, data):
        self.events.append(data)


@pytest.mark.parametrize("kind", ["self-assessment", "senior"])
def test_checklists_read_the_same_when_they_skip_markdown(loaded, kind):
    """The checklists and the plan skip Markdown's HTML parser (handbook/render/as_is.py): a reader
    gets the same page as when Markdown read them, on a page where they sit in a `markdown` block too."""
    renderer = Renderer(loaded, [])
    page = converted(renderer, kind, f"{kind}.md")
    through_markdown = Renderer(loaded, [])
    through_markdown.env.filters["as_is"] = lambda part: part
    assert "hb-item" in page and "hb-as-is-" not in page
    assert _Parsed(page).events == _Parsed(converted(through_markdown, kind, f"{kind}.md")).events


def test_a_checklist_that_skips_markdown_still_cannot_run_script(data_copy, monkeypatch):
    """Should a label's conversion let HTML through (a company's override, a gap), the checklist,
    which skips the raw-HTML check of Markdown, still shows it as text."""
    from handbook.render import renderer
    item = load_handbook(data_copy).handbook.senior.pillars[0].practices[0]
    edit(data_copy / "senior.yml", item.text.splitlines()[0], f"{item.text.splitlines()[0]} {HOSTILE_STORY}")
    monkeypatch.setattr(renderer, "_inline_html", lambda text: text)
    page = elements(rendered_page(data_copy, monkeypatch, "senior", "senior.md"))
    assert "script" not in page.tags and "img" not in page.tags and not page.handlers
    assert "window.__pwned = 1" in "".join(page.text)


def test_checklist_labels_never_become_html():
    label = elements(_inline_html("Ship <img src=x onerror=alert(1)> **now** [x](javascript:alert(1))"))
    assert label.tags == ["strong", "span"] and not label.handlers and not label.hrefs
    assert "<img src=x onerror=alert(1)>" in "".join(label.text)


def test_hostile_story_stops_the_build_with_its_line(tmp_path, data_copy):
    line = set_lesson(data_copy / "stories.yml", HOSTILE_STORY)
    site = tmp_path / "site"
    result = mkdocs_build(site, HANDBOOK_DATA=str(data_copy))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"stories.yml:{line}: [base] stories[0].lesson: '<script>' is HTML" in result.stderr
    assert not (site / "stories").exists()


@pytest.mark.slow  # builds a whole site
def test_a_hostile_hand_written_page_runs_nothing_from_file(tmp_path, browser):
    """A company page (or a page a template wrote) with script in its Markdown: built, opened from
    file:// as the offline zip is, it shows the text and runs nothing."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "hostile.md").write_text(
        f"# Hostile\n\n{HOSTILE_STORY}\n\n<div onclick=\"window.__pwned = 3\">x</div>\n\n"
        "[go](javascript:window.__pwned=4) [also](jav&#x09;ascript:window.__pwned=5)\n\n"
        "Click **here**{ onclick=\"window.__pwned = 6\" } and <a href=\"javascript:window.__pwned=7\">here</a>.\n",
        encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
                      f"watch: [{ROOT / 'data'}]\ntheme:\n  custom_dir: {ROOT / 'overrides'}\n"
                      f"plugins:\n  print-site:\n    cover_page_template: {ROOT / 'overrides/print_site_cover.html'}\n"
                      f"  handbook:\n    data_dir: {ROOT / 'data'}\n    pages_dir: {pages}\n    nav: [hostile.md]\n",
                      encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, config=config)
    assert result.returncode == 0, result.stderr
    built = (site / "hostile" / "index.html").read_text(encoding="utf-8")
    content = built[built.index('<article'):built.index('</article>')]
    parsed = elements(content)
    assert "script" not in parsed.tags and "img" not in parsed.tags and not parsed.handlers
    assert not [href for href in parsed.hrefs if "script" in href.lower()]
    page = browser.new_page()
    try:
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto((site / "hostile" / "index.html").as_uri())
        for text in ["go", "also"]:
            page.locator("article").get_by_text(text, exact=True).click()
        page.locator("article strong").click()
        assert page.evaluate("window.__pwned") is None and not dialogs
        shown = page.locator("article").inner_text()
        assert "<script>window.__pwned = 1</script>" in shown and '<img src=x onerror="window.__pwned = 2">' in shown
    finally:
        page.close()


# --- Hostile YAML: bounded, and every case a message -------------------------------

def alias_bomb(levels: int = 9, width: int = 9) -> str:
    rows = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    rows += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels + 1)]
    return "\n".join(rows) + "\n"


def test_alias_bomb_is_refused_quickly_and_in_little_memory(data_copy):
    (data_copy / "stories.yml").write_text(alias_bomb() + (data_copy / "stories.yml").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    result = check(data_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "stories.yml:6: [base] a5[0]: the aliases up to here repeat more than 100,000 values" in result.stderr
    peak_kb = int(result.stdout.split()[-1])
    assert peak_kb < 200_000, f"{peak_kb} KB"  # expanded, the bomb took 4.8 GB


def test_aliases_share_one_object_per_anchor(tmp_path):
    path = tmp_path / "shared.yml"
    path.write_text(alias_bomb(levels=4, width=9), encoding="utf-8")
    data = read_yaml(path).data
    assert data["a4"][0] is data["a3"] and data["a3"][8] is data["a2"]


@pytest.mark.parametrize("name, content, line, shown", [
    ("invalid-utf8", b"intro: fine\nstories:\n  - name: caf\xe9\n", 3, "byte 0xe9 at column 14 is not UTF-8 text"),
    ("deep", ("intro: " + "[" * 600 + "]" * 600 + "\n").encode(), 1, "nests more than 50 levels deep"),
    ("deep-blocks", ("intro: x\nstories:\n" + "".join("  " * i + "- \n" for i in range(600))).encode(), 52,
     "nests more than 50 levels deep"),
    ("recursive-alias", b"intro: x\nstories: &s\n  - *s\n", 3, "the alias *s is inside its own anchor"),
    ("complex-key", b"intro: x\n? [a, b]\n: c\n", 2, "a key here is a list or a mapping"),
    ("many-aliases", ("intro: &i x\nstories: [" + ", ".join(["*i"] * 1200) + "]\n").encode(), 2,
     "more than 1,000 aliases"),
    ("undefined-alias", b"intro: *nothing\n", 1, "the alias *nothing has no anchor before it"),
    ("two-documents", b"intro: x\n---\nintro: y\n", 2, "more than one YAML document"),
    ("control-character", b"intro: a\x00b\n", 1, "the character #x0000 is not allowed"),
    ("bad-number", b"intro: !!int twelve\n", 1, "'twelve' cannot be read as a whole number"),
    ("huge-number", b"intro: x\nstories:\n  - name: " + b"9" * 5000 + b"\n", 3,
     "(5,000 characters) cannot be read as a whole number"),
    ("python-tag", b"intro: !!python/name:os.system\n", 1, "the tag !!python/name:os.system asks for an object"),
])
def test_hostile_yaml_gets_a_message_from_check_and_build(tmp_path, data_copy, name, content, line, shown):
    (data_copy / "stories.yml").write_bytes(content)
    for run in (check(data_copy), mkdocs_build(tmp_path / "site", HANDBOOK_DATA=str(data_copy))):
        assert run.returncode != 0
        assert "Traceback" not in run.stderr and "Error:" not in run.stderr.replace("BuildError!", "")
        assert f"stories.yml:{line}: [base]" in run.stderr and shown in run.stderr and "Fix:" in run.stderr


def test_a_date_where_a_text_belongs_says_to_quote_it(data_copy):
    text = (data_copy / "exercises.yml").read_text()
    (data_copy / "exercises.yml").write_text(text.replace("title: ", "title: 2026-12-06 #", 1))
    run = check(data_copy)
    assert "expected a text, found 2026-12-06, which YAML reads as a date. Fix: put it in quotes (\"2026-12-06\")" \
        in run.stderr
    assert "datetime" not in run.stderr


@pytest.mark.parametrize("typed,read_as", [("yes", "true or false"), ("on", "true or false"), ("1.10", "a number"),
                                           ("0x1F", "a whole number")])
def test_a_plain_value_where_a_text_belongs_is_quoted_as_typed(data_copy, typed, read_as):
    """YAML reads `yes` as True and `1.10` as 1.1: the message and its fix show what the writer typed."""
    senior = data_copy / "senior.yml"
    flow = next(line for line in senior.read_text(encoding="utf-8").splitlines() if "dimensions: [" in line)
    edit(senior, flow, flow.split("[")[0] + f"[{typed}]")
    message = load_error(data_copy)
    assert f"expected a text, found {typed}, which YAML reads as {read_as}. Fix: put it in quotes (\"{typed}\")." \
        in message


def test_a_reference_listed_twice_is_named_at_its_line(data_copy):
    """`dimensions: [scope, scope]`, or a level listed twice under an exercise: the second one is refused, with
    the line of the first, whether the list is written on one line or one item a line."""
    senior = data_copy / "senior.yml"
    flow = next(line for line in senior.read_text(encoding="utf-8").splitlines() if "dimensions: [" in line)
    first = flow.split("[", 1)[1].split(",")[0].rstrip("]")
    edit(senior, flow, flow.replace("]", f", {first}]"))
    exercises = data_copy / "exercises.yml"
    lines = exercises.read_text(encoding="utf-8").splitlines()
    block = next(n for n, line in enumerate(lines) if line.strip() == "levels:")
    item = lines[block + 1]
    edit(exercises, item + "\n", f"{item}\n{item}\n")
    message = load_error(data_copy)
    at = line_of(senior, flow.replace("]", f", {first}]"))
    assert (f"senior.yml:{at}: [base] " in message and f"'{first}' is listed twice in dimensions (first at line {at})."
            f" Fix: remove one of the two '{first}'." in message)
    listed = item.strip().removeprefix("- ")
    assert (f"exercises.yml:{block + 3}: " in message
            and f"'{listed}' is listed twice in levels (first at line {block + 2})" in message)


def test_a_data_file_that_is_a_folder_is_named(tmp_path, data_copy):
    (data_copy / "stories.yml").unlink()
    (data_copy / "stories.yml").mkdir()
    for run in (check(data_copy), mkdocs_build(tmp_path / "site", HANDBOOK_DATA=str(data_copy))):
        assert run.returncode != 0 and "Traceback" not in run.stderr
        assert "stories.yml:1: [base] (top level): this is a folder, not a data file. Fix:" in run.stderr


def test_a_data_file_too_large_is_refused_before_it_is_read(data_copy):
    (data_copy / "stories.yml").write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    message = load_error(data_copy)
    assert f"stories.yml:1: [base] (top level): the file has more than the {MAX_BYTES:,} bytes" in message


@pytest.mark.parametrize("kind", ["pipe", "endless device"])
def test_a_data_file_that_is_a_pipe_or_a_device_is_named_at_once(data_copy, kind):
    """A named pipe waited forever for a writer; /dev/zero, whose size reads as 0, filled the memory."""
    stories = data_copy / "stories.yml"
    stories.unlink()
    if kind == "pipe":
        os.mkfifo(stories)
    else:
        stories.symlink_to("/dev/zero")
    run = check(data_copy)  # its timeout fails a hang
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "stories.yml:1: [base] (top level): this is not a regular file (a pipe, a device or a socket). Fix:" \
        in run.stderr


# --- The smaller items ---------------------------------------------------------------

def test_an_unclosed_quote_is_reported_at_its_line_and_named(data_copy, loaded):
    path = data_copy / "stories.yml"
    story = loaded.handbook.stories.stories[0]
    edit(path, f"    name: {story.name}\n", f"    name: \"{story.name}\n")
    line = line_of(path, 'name: "')
    message = load_error(data_copy)
    assert f"stories.yml:{line}: [base] (top level): malformed YAML: the quote \" opened on this line" in message
    assert "close the quote on this line" in message


def test_a_tab_that_indents_is_named_with_its_column_and_a_tab_in_text_is_fine(data_copy, loaded):
    path = data_copy / "stories.yml"
    story = loaded.handbook.stories.stories[0]
    edit(path, f"    name: {story.name}\n", f"\tname: {story.name}\n")
    line = line_of(path, "\tname: ")
    message = load_error(data_copy)
    assert f"stories.yml:{line}: [base] (top level): a tab character at column 1: YAML indents with spaces only" in message
    assert "Fix: replace the tab with spaces" in message
    edit(path, f"\tname: {story.name}\n", f"    name: {story.name}\twith a tab\n")
    assert load_handbook(data_copy).entry(f"story:{story.id}").obj.name == f"{story.name}\twith a tab".strip()


def test_a_malformed_file_does_not_hide_the_problems_of_the_others(data_copy):
    (data_copy / "managers.yml").write_text("intro: [unclosed\n", encoding="utf-8")
    edit(data_copy / "stories.yml", "    lesson:", "    leson:")
    message = load_error(data_copy)
    assert "managers.yml:2" in message and "malformed YAML" in message
    assert "unknown key 'leson'" in message


def test_two_files_for_one_part_are_reported(data_copy):
    (data_copy / "stories.yaml").write_text((data_copy / "stories.yml").read_text(encoding="utf-8"), encoding="utf-8")
    message = load_error(data_copy)
    assert "'stories.yml' and 'stories.yaml' both hold stories" in message and "keep one of the two" in message


def test_a_fix_that_asks_a_question_ends_with_the_question_mark(data_copy):
    edit(data_copy / "stories.yml", "    lesson:", "    leson:")
    message = load_error(data_copy)
    assert "Fix: did you mean 'lesson'?\n" in message + "\n" and "?." not in message


def test_check_names_files_relative_to_where_it_runs(tmp_path, data_copy):
    edit(data_copy / "stories.yml", "    lesson:", "    leson:")
    result = check(data_copy, cwd=tmp_path)
    assert result.returncode == 1
    assert "\n  data/stories.yml:" in result.stderr and str(tmp_path) not in result.stderr


def test_valid_data_has_no_text_problems(loaded):
    problems = []
    for name, source in loaded.sources.items():
        loader.check_text(getattr(loaded.handbook, name), source, problems)
    assert problems == []


def test_handbook_error_lists_every_problem_without_a_traceback(data_copy):
    (data_copy / "stories.yml").write_bytes(b"\xff\xfe")
    with pytest.raises(HandbookError) as caught:
        load_handbook(data_copy)
    assert caught.value.problems[0].line == 1


def test_company_entries_without_a_text_id_are_named_not_a_traceback(tmp_path):
    company = tmp_path / "company"
    company.mkdir()
    (company / "stories.yml").write_text("stories:\n  - plain text\n  - [a, list]\n  - id: [not, text]\n", encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        load_handbook(ROOT / "data", company)
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (line, "an entry in this list has no id (a text)") for line in (2, 3, 4)]


# --- Names are text; ids and characters within limits (issue 21) ------------------------------

@pytest.mark.parametrize("escape, shown", [
    ("\\0", "\\x00"), ("\\a", "\\x07"), ("\\x1b[2J", "\\x1b"), ("\\e", "\\x1b"), ("\\N", "\\x85"),
    ("\\r", "\\x0d"), ("\\ud800", "\\ud800"),
])
def test_control_characters_and_lone_surrogates_written_as_escapes_are_refused(data_copy, escape, shown):
    ladder = data_copy / "ladder.yml"
    line = line_of(ladder, "    name: Mid-level")
    edit(ladder, "    name: Mid-level\n", f'    name: "Mid{escape} data is valid"\n')
    message = load_error(data_copy)
    assert f"ladder.yml:{line}: [base] levels[1].name: this text holds " in message and "Fix:" in message
    assert shown in message
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", message)  # shown, never acted on


def test_an_escaped_control_character_in_a_key_is_refused_and_shown_visibly(data_copy):
    edit(data_copy / "stories.yml", "    lesson:", '    "les\\x1bson":')
    message = load_error(data_copy)
    assert "\\x1b" in message and "\x1b" not in message


def test_a_tab_in_a_text_is_still_fine_written_as_an_escape(data_copy):
    edit(data_copy / "ladder.yml", "    summary: >-\n", '    summary: "A\\ttab and a\\nline break."\n    x_summary: >-\n')
    message = load_error(data_copy)
    assert "this text holds" not in message and "unknown key 'x_summary'" in message


@pytest.mark.parametrize("name", ['"Mid\\n\\n# X"', '"Mid\\u2028level"', "|\n      Mid\n      # X"])
def test_a_line_break_in_a_name_is_refused(data_copy, name):
    ladder = data_copy / "ladder.yml"
    line = line_of(ladder, "    name: Mid-level")
    edit(ladder, "    name: Mid-level\n", f"    name: {name}\n")
    message = load_error(data_copy)
    assert f"ladder.yml:{line}: [base] levels[1].name: this name, title or label holds a line break" in message
    assert "Fix: write it on one line" in message


def test_a_line_break_in_a_transition_title_is_refused(data_copy):
    edit(data_copy / "transitions.yml", "    title: Junior to Mid\n", '    title: "Junior\\n\\n## to Mid"\n')
    assert "transitions[0].title: this name, title or label holds a line break" in load_error(data_copy)


@pytest.mark.parametrize("file, old", [("ladder.yml", "  - id: mid\n"), ("transitions.yml", "  - id: junior-to-mid\n")])
def test_an_id_that_takes_the_address_of_an_overview_page_is_refused(data_copy, file, old):
    line = line_of(data_copy / file, old.rstrip("\n"))
    edit(data_copy / file, old, "  - id: index\n")
    message = load_error(data_copy)
    assert f"{file}:{line}: [base] " in message and "the id 'index' would give this " in message
    assert "Fix: choose another id" in message


def test_an_id_over_64_characters_is_refused_with_the_limit(data_copy):
    long_id = "-".join(["word"] * 60)  # 299 characters
    line = line_of(data_copy / "ladder.yml", "  - id: mid")
    edit(data_copy / "ladder.yml", "  - id: mid\n", f"  - id: {long_id}\n")
    message = load_error(data_copy)
    assert f"ladder.yml:{line}: [base] levels[1].id: this id has 299 characters, more than the 64" in message


def test_a_pipe_in_a_table_cell_is_escaped_outside_code_only():
    assert table_cell("A|B `c|d` e") == "A\\|B `c|d` e"
    assert table_cell("one\ntwo") == "one two"
    html = markdown.markdown(f"| x |\n| - |\n| {table_cell('A|B `c|d`')} |", extensions=["tables"])
    assert "<td>A|B <code>c|d</code></td>" in html


def hostile_names(source, target) -> None:
    """A copy of the data where every name, title, code and label holds markup inside a code span, a pipe
    and an escaped closing tag, and the level `mid` is called `constructor` (a name Object.prototype has)."""
    payload = " `<img src=x onerror=window.__pwned=1>` a|b &lt;/title&gt;"
    names = {"name", "title", "code", "version", "author", "kind", "attribute", "value", "duration"}  # language: one word

    def walk(value):
        if isinstance(value, dict):
            return {("constructor" if key == "mid" else key):
                    (item + payload if key in names and isinstance(item, str)
                     else "`<i>`" if key == "label" and isinstance(item, str) else walk(item))
                    for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        if value in ("mid", "level:mid"):
            return value.replace("mid", "constructor")
        return value

    target.mkdir()
    for path in source.glob("*.yml"):
        data = walk(yaml.safe_load(path.read_text(encoding="utf-8")))
        (target / path.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                                        encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_names_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-names")
    hostile_names(ROOT / "data", folder / "data")
    site = folder / "site"
    result = mkdocs_build(site, HANDBOOK_DATA=str(folder / "data"))
    assert result.returncode == 0, result.stderr
    return site


def test_markup_in_names_never_reaches_a_page_as_html(hostile_names_site, built_site):
    built_site = built_site[0]
    pages = sorted(hostile_names_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<img src=x" not in text and "a|b </title>" not in text, page
        normal = built_site / page.relative_to(hostile_names_site)
        if normal.exists() and "constructor" not in str(page):  # a | in a name leaves every table a table
            assert text.count("<table") == normal.read_text(encoding="utf-8").count("<table"), page
    level = (hostile_names_site / "levels" / "constructor" / "index.html").read_text(encoding="utf-8")
    assert "<title>Mid-level `&lt;img src=x onerror=window.__pwned=1&gt;` a|b &amp;lt;/title&amp;gt; - " in level
    index = json.loads((hostile_names_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if "<img" in json.dumps(doc.get("tags", []))]  # Material shows tags as HTML


def test_markup_in_names_shows_as_text_and_runs_nothing_in_the_browser(hostile_names_site, browser):
    page = browser.new_page()
    try:
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for address in ("levels/constructor/index.html", "compare/index.html", "index.html"):
            page.goto((hostile_names_site / address).as_uri())
            assert page.locator("img[src=x]").count() == 0
            assert "<img src=x onerror=window.__pwned=1>" in page.locator(".md-nav").first.inner_text()
        page.goto((hostile_names_site / "compare" / "index.html").as_uri() + "?levels=junior,senior")
        option = page.locator("[data-compare-pick='0'] option[value=constructor]").inner_text()
        assert option.startswith("Mid-level `<img src=x onerror=window.__pwned=1>` a|b &lt;/title&gt;")
        # `constructor` is a level like any other: the way from Junior to Senior goes through it
        assert page.locator("[data-compare-step]:visible").count() == 2
        assert page.locator("[data-compare-none]").is_hidden()
        assert page.evaluate("window.__pwned") is None and not dialogs
    finally:
        page.close()


@pytest.mark.parametrize("chunk, dangerous", [
    ("<option>&lt;img src=x onerror=alert(1)&gt; javascript: x</option>", False),  # an escaped name: text
    ("<b>x</b> onclick=y <i>", False),
    ("<img src=x onerror=alert(1)>", True),
    ("<img/src=x/onerror=alert(1)>", True),
    ("<img src=x onerror=alert(1)", True),
    ("<a title=\">\" onclick=x>", True),
    ("<a title='x>' onclick=alert(1) data-y='<'>", True),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", True),
    ("<a href=\"jav&#x09;ascript:x\">", True),
])
def test_the_raw_html_check_reads_markup_not_escaped_text(chunk, dangerous):
    assert dangerous_html(chunk) is dangerous
