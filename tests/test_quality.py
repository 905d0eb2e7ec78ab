"""Quality gates on the built site: references resolve, HTML is valid, content is accessible, words are ours."""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import AXE, ROOT, mkdocs_build
from site_html import html_pages, output_path, resolve

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SEEDCHECK = ROOT.parent / "shared" / "tools" / "seedcheck.py"
PROSE = ["data", "docs", "handbook", "macros", "templates", "overrides"]

# Errors the Nu checker finds in Material's own markup, each with the markup it occurs in and why
# it is accepted. Anything else, or the same message anywhere else, fails.
MATERIAL_MARKUP = [
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"',
     "Material's drawer and search toggles are checkboxes with autocomplete=off, so that Firefox "
     "does not restore them open on going back; browsers ignore it elsewhere."),
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link',
     "Material's navigation section labels render an empty tabindex; browsers treat it as absent."),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     'for="__toc"',
     "Material's table-of-contents title points at the toggle of the contents in the navigation, "
     "which it leaves out on pages that have no contents there."),
]

# Serious or critical axe findings in the theme's chrome (outside .md-content), by rule and the
# element they occur in. Findings inside the content area are never accepted.
THEME_CHROME: list[tuple[str, str, str]] = []
CONTRAST_RULES = ["color-contrast", "link-in-text-block"]  # the rules a colour scheme changes

RUN_AXE = """async ([rules, known]) => {
  const options = {resultTypes: ['violations']};
  if (rules) options.runOnly = {type: 'rule', values: rules};
  const {violations} = await axe.run(document, options);
  return violations.flatMap(rule => rule.nodes
    .filter(node => ['serious', 'critical'].includes(node.impact))
    .map(node => {
      const element = document.querySelector(node.target[0]);
      const chrome = known.find(([id, selector]) => id === rule.id && element && element.closest(selector));
      return {rule: rule.id, target: node.target.join(' '), summary: node.failureSummary,
              inContent: !!(element && element.closest('.md-content')), known: chrome ? chrome[1] : null};
    }));
}"""


class _References(html.parser.HTMLParser):
    """Every URL a page points at (href, src) and whether the link is a download."""

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if attributes.get(name):
                self.urls.append((attributes[name], "download" in attributes))


def references(path: Path) -> list[tuple[str, bool]]:
    parser = _References()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.urls


def made_after_the_build() -> set[str]:
    """The files `make pdf` and `make offline` add to site/, read from their commands."""
    dry_run = subprocess.run(["make", "-n", "pdf", "offline"], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    return set(re.findall(r"\bsite/([\w.-]+\.\w+)\b", dry_run.stdout))


def test_every_reference_and_anchor_in_the_built_site_resolves(built_site, site_port):
    """Links, anchors, scripts, stylesheets and images of every page; download links name a made file."""
    site, _ = built_site
    site_url = f"http://127.0.0.1:{site_port}/"
    pages = html_pages(site)
    downloads = made_after_the_build()
    broken = []
    for page in pages:
        for url, download in references(site / page):
            target = resolve(page, "/" + url[len(site_url):] if url.startswith(site_url) else url)
            if target is None or url.startswith("data:"):
                continue
            path, anchor = target
            path = path or "index.html"  # "/." on 404.html: the site's root
            if download:
                if path not in downloads and not (site / path).is_file():  # the build writes api/
                    broken.append((page, url, "neither the build nor a make target writes it"))
            elif not (site / path).is_file():
                broken.append((page, url, "no such file"))
            elif anchor and (path not in pages or anchor not in pages[path].ids):
                broken.append((page, url, "no such anchor"))
    assert downloads and not broken, broken


def test_every_search_result_and_sitemap_entry_leads_to_a_page(built_site, site_port):
    site, _ = built_site
    pages = html_pages(site)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sitemap = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    broken = []
    for location in [doc["location"] for doc in index["docs"]]:
        path, anchor = resolve("index.html", location or "./")
        if path not in pages or (anchor and anchor not in pages[path].ids):
            broken.append(location)
    for url in sitemap:
        path, _ = resolve("index.html", "/" + url.removeprefix(f"http://127.0.0.1:{site_port}/"))
        if path not in pages:
            broken.append(url)
    assert index["docs"] and sitemap and not broken, broken


def test_a_broken_link_or_anchor_in_the_data_stops_the_build(tmp_path, data_copy):
    stories = data_copy / "stories.yml"
    text = stories.read_text(encoding="utf-8")
    stories.write_text(text.replace("intro: >-\n", "intro: >-\n  See [the traps](no-such-page.md) and "
                                    "[the start](index.md#no-such-anchor).\n", 1), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", HANDBOOK_DATA=str(data_copy))
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr and "no-such-anchor" in result.stderr, result.stderr


def test_html_and_our_stylesheets_are_valid(built_site):
    """The Nu HTML checker over every page and our own CSS, in one run of the JVM."""
    if shutil.which("java") is None:
        pytest.fail("java is missing: run `make tools` (Debian's default-jre-headless)")
    site, _ = built_site
    files = sorted(site.rglob("*.html")) + sorted(p for p in site.rglob("*.css") if not p.name.endswith(".min.css"))
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--also-check-css", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    problems, accepted = [], set()
    for message in messages:
        if message["type"] == "info" and message.get("subType") != "warning":
            continue
        known = next((k for k in MATERIAL_MARKUP if message["message"].startswith(k[0])
                      and k[1] in message.get("extract", "")), None)
        if known:
            accepted.add(known[0])
        else:
            problems.append(f'{message.get("url", "")}:{message.get("lastLine", "")}: {message["message"]}')
    assert not problems, "\n".join(problems[:40])
    unused = [k[0] for k in MATERIAL_MARKUP if k[0] not in accepted]
    assert not unused, f"Material no longer produces these, drop them from MATERIAL_MARKUP: {unused}"


def pages_for_axe(site: Path, loaded) -> list[str]:
    """Every page of the site, except that of the level and transition pages (one template each, filled from the
    data) only the two ends of the ladder are read: the first has nothing arriving, the last nothing leaving,
    and between them they show every section those templates can show."""
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    for kind in (loaded.levels, loaded.handbook.transitions.transitions):
        between = [output_path(loaded.entry(entity.id).page) for entity in kind[1:-1]]
        assert set(between) <= set(pages), between
        pages = [page for page in pages if page not in between]
    return pages


@pytest.mark.browser
def test_no_serious_accessibility_violation_in_the_content(watched_page, site_url, built_site, loaded):
    """axe-core on every page (pages_for_axe): nothing serious or critical in the content area, in either colour
    scheme; in the theme's chrome only the findings listed in THEME_CHROME. The dark pass runs the colour rules."""
    site, _ = built_site
    watch = watched_page(site_url)
    watch.page.add_init_script(path=str(AXE))  # once for every page: a script tag on each costs a third more
    known = [[rule, selector] for rule, selector, _ in THEME_CHROME]
    content, chrome, seen = [], [], set()
    for page in pages_for_axe(site, loaded):
        watch.page.goto(site_url + page)
        findings = watch.page.evaluate(RUN_AXE, [None, known])
        watch.page.locator("label[for^='__palette']:visible").first.click()  # the reader's scheme toggle
        assert watch.page.get_attribute("body", "data-md-color-scheme") == "slate"
        findings += watch.page.evaluate(RUN_AXE, [CONTRAST_RULES, known])
        watch.page.evaluate("localStorage.clear()")  # the next page opens in the light scheme again
        for finding in findings:
            where = f"{page}: {finding['rule']} at {finding['target']}: {finding['summary']}"
            if finding["inContent"]:
                content.append(where)
            elif finding["known"]:
                seen.add((finding["rule"], finding["known"]))
            else:
                chrome.append(where)
    assert not content, "\n".join(content[:40])
    assert not chrome, "new findings in the theme's chrome:\n" + "\n".join(chrome[:40])
    stale = [(rule, selector) for rule, selector, _ in THEME_CHROME if (rule, selector) not in seen]
    assert not stale, f"no longer found, drop them from THEME_CHROME: {stale}"
    assert watch.errors == [] and watch.outside == []


def test_copied_share_of_the_seed_documents_stays_under_one_percent():
    if not SEEDCHECK.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SEEDCHECK} is missing: CI clones shared/ beside the repository")
        pytest.skip("../shared/tools/seedcheck.py is not beside this clone")
    result = subprocess.run([sys.executable, str(SEEDCHECK), "--max-share", "1", *PROSE],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
