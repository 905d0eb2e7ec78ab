"""The strict build: every page, every anchor once, no broken link, and bad data stops it early."""
import html.parser
import json
import re
import subprocess
import sys

from support import ROOT, mkdocs_build
from handbook.data.schema_export import SCHEMA_DIR, schemas
from handbook.data.site_map import FILE_PAGES, KIND_PAGES
from site_html import html_pages, output_path, resolve


def test_strict_build_prints_no_warning(built_site):
    _, result = built_site
    assert "WARNING" not in result.stderr, result.stderr


def test_no_list_runs_into_the_paragraph_before_it(built_site):
    """A template's list must follow a blank line; where a condition ate it, the items read as "a: - b - c"."""
    merged = {}
    for page in built_site[0].rglob("*.html"):
        for paragraph in re.findall(r"<p>((?:(?!</p>).)*)</p>", page.read_text(encoding="utf-8"), re.S):
            if "\n- " in paragraph:
                merged[page.relative_to(built_site[0]).as_posix()] = paragraph[:120]
    assert merged == {}


def test_each_level_and_transition_has_its_own_page(built_site, loaded):
    site, _ = built_site
    for entry in [loaded.entry(level.id) for level in loaded.levels] + \
                 [loaded.entry(t.id) for t in loaded.handbook.transitions.transitions]:
        page = site / output_path(entry.page)
        assert page.exists(), entry.page
        assert f'id="{entry.anchor}"' in page.read_text(encoding="utf-8")


def test_navigation_lists_levels_in_ladder_order(built_site, loaded):
    home = (built_site[0] / "index.html").read_text(encoding="utf-8")
    positions = [home.find(f'href="levels/{level.id}/"') for level in loaded.levels]
    assert all(p > 0 for p in positions) and positions == sorted(positions)


class _LinkTexts(html.parser.HTMLParser):
    """Every link of a page: (href, its text, blanks collapsed)."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append([dict(attrs).get("href") or "", ""])

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.links.append((href, " ".join(text.split())))

    def handle_data(self, data):
        for link in self._open:
            link[1] += data


def test_the_level_map_goes_by_one_name(built_site):
    """Its title, its label in the navigation and every link to it call it the same, never "Levels"."""
    site, _ = built_site
    title = (ROOT / "docs" / FILE_PAGES["ladder"]).read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
    page = (site / output_path(FILE_PAGES["ladder"])).read_text(encoding="utf-8")
    assert re.search(rf"<title>{re.escape(title)} - ", page) and re.search(rf"<h1[^>]*>{re.escape(title)}<", page)
    name = title.lower().removeprefix("the ")
    texts = set()
    for path in site.rglob("*.html"):
        links = _LinkTexts()
        links.feed(path.read_text(encoding="utf-8"))
        page_path = path.relative_to(site).as_posix()
        texts |= {text for href, text in links.links
                  if resolve(page_path, href) == (output_path(FILE_PAGES["ladder"]), "") and text}
    assert texts and [text for text in texts if name not in text.lower()] == []


def test_every_entity_and_item_has_exactly_one_anchor_on_its_page(built_site, loaded):
    pages = html_pages(built_site[0])
    where = {}
    for page, parsed in pages.items():
        for anchor in parsed.ids:
            where.setdefault(anchor, []).append(page)
    for entry in loaded.index.values():
        expected = [output_path(entry.page)]
        if entry.kind in KIND_PAGES:  # moved to a page of its own: its data file's page keeps the old anchor
            expected = sorted(expected + [output_path(FILE_PAGES[entry.source.path.stem])])
        assert sorted(where.get(entry.anchor, [])) == expected, (entry.key, where.get(entry.anchor))


def test_no_internal_link_is_broken(built_site):
    pages = html_pages(built_site[0])
    broken = []
    for page, parsed in pages.items():
        for href in parsed.hrefs:
            target = resolve(page, href)
            if target is None:
                continue
            path, anchor = target
            if path not in pages and not (built_site[0] / path).exists():
                broken.append((page, href))
            elif anchor and path in pages and anchor not in pages[path].ids:
                broken.append((page, href))
    assert not broken


def test_level_page_links_its_transitions_traps_and_stories(built_site, loaded):
    for level in loaded.levels:
        text = (built_site[0] / output_path(loaded.entry(level.id).page)).read_text(encoding="utf-8")
        for transition in loaded.transitions_from(level) + loaded.transitions_to(level):
            assert f"../../transitions/{transition.id}/#{transition.id}" in text
        for backlink in loaded.entry(level.id).backlinks:
            assert f"#{backlink.anchor}" in text, (level.id, backlink.key)


def test_each_entity_shows_what_links_to_it(built_site, loaded):
    story = loaded.handbook.stories.stories[0]
    referrers = loaded.entry(story.id).backlinks
    assert referrers, "the first story is referenced somewhere"
    text = (built_site[0] / "stories/index.html").read_text(encoding="utf-8")
    section = text[text.index(f'id="{story.id}"'):]
    section = section[:section.find("<h2", 10)]
    assert "Referenced by" in section or all(r in loaded.entry(story.id).links for r in referrers)


def test_search_index_covers_rendered_content(built_site, loaded):
    index = json.loads((built_site[0] / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    for transition in loaded.handbook.transitions.transitions:
        assert transition.signals[0].text.split()[1] in text
    for resource in loaded.handbook.resources.resources:
        assert resource.title.replace("'", "&#x27;") in text or resource.title in text


def test_searching_a_level_finds_its_page_not_every_page_that_lists_the_ladder(built_site, loaded):
    """Searching "Principal" finds the pages about it, not a section of every level page (where the
    scripts' list of levels once sat, hidden)."""
    index = json.loads((built_site[0] / "search/search_index.json").read_text(encoding="utf-8"))
    first, last = loaded.levels[0], loaded.levels[-1]
    found = [doc["location"] for doc in index["docs"] if last.name in doc["text"] + doc["title"]]
    assert found and not [location for location in found if location.startswith(f"levels/{first.id}/")], found


def test_searching_a_signal_finds_its_transition_not_the_copies_and_no_hidden_notice_is_found(built_site, loaded):
    """The self-assessment shows every checklist again, to tick: search finds each item on its own page. The
    notices and counts a script reveals are no search results either."""
    index = json.loads((built_site[0] / "search/search_index.json").read_text(encoding="utf-8"))
    for transition in loaded.handbook.transitions.transitions:
        signal = transition.signals[0].text
        found = {doc["location"].split("#")[0] for doc in index["docs"] if signal in doc["text"]}
        assert found and "self-assessment/" not in found, (signal, found)
    notice = "does not let the handbook save anything"
    assert [doc["location"] for doc in index["docs"] if notice in doc["text"]] == []


def test_the_list_of_levels_the_scripts_read_is_served_once_not_in_every_page(built_site, loaded):
    """A page that carried every level grew with the ladder, and so did the build's time per page."""
    site = built_site[0]
    assert [page for page in site.rglob("*.html") if "data-ladder" in page.read_text(encoding="utf-8")] == []
    bundle = (site / "assets/javascripts/handbook.bundle.js").read_text(encoding="utf-8")
    assert all(bundle.count(f'data-level=\\"{level.id}\\"') == 1 for level in loaded.levels)  # once, in the script


def test_no_page_asks_for_anything_outside_the_site(built_site):
    for page in built_site[0].rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]+src="(https?:)?//', text), page
        assert not re.search(r'<link[^>]+rel="(stylesheet|preload|preconnect|icon|manifest)"[^>]+href="(https?:)?//', text)
        assert "fonts.googleapis" not in text


class _Scripts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        src = dict(attrs).get("src")
        if tag == "script" and src:
            self.sources.append(src)


def test_the_site_holds_every_script_its_pages_load_and_no_joined_source(built_site):
    """The pages load the joined file (handbook/site/bundle.py); the files joined into it are not published."""
    site = built_site[0]
    loaded_scripts = set()
    for page in site.rglob("*.html"):
        parser = _Scripts()
        parser.feed(page.read_text(encoding="utf-8"))
        loaded_scripts |= {resolve(page.relative_to(site).as_posix(), src)[0] for src in parser.sources}
    assert "assets/javascripts/handbook.bundle.js" in loaded_scripts
    assert [script for script in sorted(loaded_scripts) if not (site / script).is_file()] == []
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    joined = re.findall(r"^\s+- (assets/javascripts/[\w-]+\.js)$", config, re.M)
    assert len(joined) >= 5 and [script for script in joined if (site / script).exists()] == []


def test_published_json_schema_is_up_to_date():
    for file_name, schema in schemas().items():
        published = json.loads((SCHEMA_DIR / file_name).read_text(encoding="utf-8"))
        assert published == schema, f"run `make schema`: {file_name} is stale"


def test_bad_data_stops_the_build_before_the_site_is_touched(tmp_path, data_copy):
    (data_copy / "stories.yml").write_text(
        (data_copy / "stories.yml").read_text(encoding="utf-8").replace("    lesson:", "    leson:", 1), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build", encoding="utf-8")
    result = mkdocs_build(site, HANDBOOK_DATA=str(data_copy))
    assert result.returncode != 0
    assert "stories.yml:" in result.stderr and "did you mean 'lesson'?" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous build"


def test_make_check_reports_valid_data():
    result = subprocess.run([sys.executable, "-m", "handbook.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "data is valid" in result.stdout
