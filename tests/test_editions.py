"""Editions: the "What changed" page between two editions, and ids and pages that stay or redirect."""
import html.parser
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from support import ROOT, mkdocs_build
from macros.editions import Changes, changes_since
from macros.errors import HandbookError
from macros.loader import load_handbook
from site_html import parse


def edit(folder: Path, name: str, change) -> None:
    path = folder / f"{name}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def editions(tmp_path):
    """Edition 1 (the real data) and edition 2: one level added, one signal removed, one cell reworded."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "data", old)
    shutil.copytree(ROOT / "data", new)
    facts = {}

    def ladder(data):
        level = data["levels"][1]
        dimension = next(iter(level["dimensions"]))
        facts["cell"] = (level["dimensions"][dimension], "Reworded: the whole of one service, end to end.")
        level["dimensions"][dimension] = facts["cell"][1]
        added = {**data["levels"][-1], "id": "distinguished", "name": "Distinguished Engineer", "code": "L9"}
        data["levels"].append(added)
        facts["level"] = added["name"]

    def transitions(data):
        transition = data["transitions"][0]
        signal = transition["signals"].pop()
        facts["signal"] = (f"{transition['id']}--{signal['id']}", signal["text"], transition["id"])

    def site(data):
        data["edition"] = {"version": "2.0", "date": "2027-01-15"}
        data["redirects"] = [{"id": facts["signal"][0], "to": facts["signal"][2]}]

    edit(new, "ladder", ladder)
    edit(new, "transitions", transitions)
    edit(new, "site", site)
    return old, new, facts


def committed(repository: Path, tag: str, *folders: str) -> Path:
    """A git repository holding copies of the handbook's `folders` (assets left out), committed and tagged."""
    for folder in folders:
        shutil.copytree(ROOT / folder, repository / folder, ignore=shutil.ignore_patterns("assets"))
    git = ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "edition 1"], ["tag", tag]):
        subprocess.run([*git, *command], check=True)
    return repository


def changes_between(old: Path, new: Path):
    return changes_since(str(old), ROOT / "mkdocs.yml", new, None, load_handbook(new))


class _TableCells(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self.rows[-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def rows(page: Path) -> list[list[str]]:
    """The text of each cell, row by row, of every table on the page."""
    parser = _TableCells()
    parser.feed(page.read_text(encoding="utf-8"))
    return [row for row in parser.rows if row]


@pytest.mark.slow  # builds a whole site
def test_what_changed_page_lists_added_level_removed_signal_and_reworded_cell(tmp_path, editions):
    old, new, facts = editions
    site = tmp_path / "site"
    result = mkdocs_build(site, HANDBOOK_DATA=str(new), SINCE=str(old))
    assert result.returncode == 0, result.stderr
    page = site / "changes" / "index.html"
    table = rows(page)
    assert ["Added", "Level: " + facts["level"]] in [row[:2] for row in table]
    removed = next(row for row in table if row[0] == "Removed")
    assert removed[2] == facts["signal"][1] and removed[3].startswith("Replaced by")
    before, now = facts["cell"]
    assert any(row[0] == "Reworded" and row[2:] == [before, now] for row in table), table
    text = page.read_text(encoding="utf-8")
    assert "edition 2.0 of 2027-01-15" in text and "edition 1.0" in text
    assert 'id="changes-distinguished"' in text, "the added level has its own group"
    assert "changes-" + "distinguished" in [a.split("#")[-1] for a in parse(page).hrefs if "#changes-" in a]


def test_changes_are_grouped_by_the_level_they_concern(editions, loaded):
    old, new, facts = editions
    changes = changes_between(old, new)
    by_level = {group.level.id if group.level else None: group for group in changes.groups}
    first_transition = loaded.handbook.transitions.transitions[0]
    assert [c.record.id for c in by_level[first_transition.from_level].changes] == [facts["signal"][0]]
    assert [(c.status, c.record.kind) for c in by_level[loaded.levels[1].id].changes] == [("reworded", "cell")]
    assert changes.count("added") == 1 + len(loaded.handbook.ladder.dimensions)  # the level and its cells
    assert changes.count("removed") == 1 and changes.count("reworded") == 1


def test_without_an_earlier_edition_the_page_says_so(built_site):
    text = (built_site[0] / "changes" / "index.html").read_text(encoding="utf-8")
    assert "no list of changes here" in text and "SINCE=" in text and "<table" not in text


def test_an_id_that_is_gone_without_redirect_stops_the_build_naming_it_and_the_fix(editions):
    old, new, facts = editions
    edit(new, "site", lambda data: data.pop("redirects"))
    with pytest.raises(HandbookError) as caught:
        changes_between(old, new)
    message = str(caught.value)
    assert f"signal '{facts['signal'][0]}' of edition {old} is gone" in message
    assert "transitions.yml:" in message and f"- id: {facts['signal'][0]}" in message and "Fix:" in message


@pytest.mark.slow  # builds a whole site
def test_a_removed_level_page_without_redirect_fails_the_build_and_covers_fixes_it(tmp_path, editions):
    old, new, _ = editions
    renamed = {}

    def ladder(data):
        level = data["levels"][-2]  # "distinguished" was added last: rename the one before it
        renamed["old"] = level["id"]
        level["id"] = renamed["new"] = level["id"] + "-engineer"

    edit(new, "ladder", ladder)
    edit(new, "transitions", lambda data: [t.update({k: renamed["new"] for k in ("from", "to")
                                                     if t[k] == renamed["old"]}) for t in data["transitions"]])
    edit(new, "staff", lambda data: _replace_level(data, renamed["old"], renamed["new"]))
    for name in ("traps", "stories", "resources", "exercises", "interviews", "managers", "senior", "portfolio"):
        edit(new, name, lambda data: _replace_level(data, renamed["old"], renamed["new"]))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build", encoding="utf-8")
    result = mkdocs_build(site, HANDBOOK_DATA=str(new), SINCE=str(old))
    assert result.returncode != 0
    assert f"level '{renamed['old']}' of edition {old} is gone" in result.stderr
    assert f"its page levels/{renamed['old']}/ would be a dead link" in result.stderr
    assert f"covers: [{renamed['old']}]" in result.stderr and "Fix:" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous build"

    edit(new, "ladder", lambda data: data["levels"][-2].update(covers=[renamed["old"]]))
    result = mkdocs_build(site, HANDBOOK_DATA=str(new), SINCE=str(old))
    assert result.returncode == 0, result.stderr
    forward = (site / "levels" / renamed["old"] / "index.html").read_text(encoding="utf-8")
    assert f'http-equiv="refresh" content="0; url=../{renamed["new"]}/"' in forward


def _replace_level(data, old_id: str, new_id: str):
    """Every `levels:` list and `track`-free reference in a data file, moved from one level id to another."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("levels", "related") and isinstance(value, list):
                data[key] = [new_id if item == old_id else item for item in value]
            else:
                _replace_level(value, old_id, new_id)
    elif isinstance(data, list):
        for item in data:
            _replace_level(item, old_id, new_id)


def test_a_git_revision_is_an_earlier_edition(tmp_path):
    repository = committed(tmp_path / "repo", "v1", "data")
    snapshot = tmp_path / "snapshot"  # the same edition as a copy of the repository's folders
    shutil.copytree(repository / "data", snapshot / "data")
    edit(repository / "data", "ladder", lambda data: data["dimensions"][0].update(question="A new question?"))
    data = repository / "data"
    changes = changes_since("v1", ROOT / "mkdocs.yml", data, None, load_handbook(data))
    [change] = [c for group in changes.groups for c in group.changes]
    assert change.status == "reworded" and change.wording[0].now == "A new question?"
    assert changes_since(str(snapshot), ROOT / "mkdocs.yml", data, None, load_handbook(data)) == Changes(
        str(snapshot), changes.previous, changes.current, changes.groups)
    with pytest.raises(HandbookError) as caught:
        changes_since("no-such-tag", ROOT / "mkdocs.yml", data, None, load_handbook(data))
    assert "SINCE=no-such-tag is neither a folder nor a git revision" in str(caught.value)


def test_a_redirect_must_lead_from_a_gone_id_to_an_existing_one(data_copy, loaded):
    level, transition = loaded.levels[0], loaded.handbook.transitions.transitions[0]
    edit(data_copy, "site", lambda data: data.update(redirects=[{"id": level.id, "to": transition.id},
                                                                {"id": "gone-id", "to": transition.id + "x"}]))
    with pytest.raises(HandbookError) as caught:
        load_handbook(data_copy)
    message = str(caught.value)
    assert f"redirects[0].id: '{level.id}' is still in the handbook" in message
    assert f"redirects[1].to: '{transition.id}x' is not an id in the handbook. Fix: did you mean '{transition.id}'?" \
        in message


@pytest.mark.slow  # builds a whole site
def test_old_address_of_a_replaced_level_forwards_from_file_urls(tmp_path, browser):
    """Acme's levels cover the base's: the base's level addresses forward to them, also offline."""
    site = tmp_path / "offline"
    result = mkdocs_build(site, config=ROOT / "examples" / "acme" / "mkdocs.yml", OFFLINE="true")
    assert result.returncode == 0, result.stderr
    company = load_handbook(ROOT / "data", ROOT / "examples" / "acme" / "data")
    covering = next(level for level in company.levels if level.covers)
    page = browser.new_page()
    try:
        page.goto((site / "levels" / f"{covering.covers[0]}.html").as_uri())
        page.wait_for_url(f"**/levels/{covering.id}.html")
        assert page.url.startswith("file://") and page.locator("h1").first.inner_text().startswith(covering.name)
    finally:
        page.close()


def test_an_earlier_edition_that_does_not_load_is_reported_with_the_fix(tmp_path, data_copy):
    earlier = tmp_path / "earlier"
    shutil.copytree(data_copy, earlier)
    (earlier / "stories.yml").write_text("stories: [\n", encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        changes_since(str(earlier), ROOT / "mkdocs.yml", data_copy, None, load_handbook(data_copy))
    message = str(caught.value)
    assert f"extra.handbook.since: the edition SINCE={earlier} does not load" in message
    assert "stories.yml:" in message and "Fix: compare with a later edition" in message


def test_a_hand_written_page_of_a_git_revision_that_is_gone_needs_a_redirect(tmp_path):
    repository = committed(tmp_path / "repo", "v1", "data", "docs")
    page = sorted(p.name for p in (repository / "docs").glob("*.md") if p.name != "index.md")[0]
    (repository / "docs" / page).unlink()
    data, docs = repository / "data", repository / "docs"
    with pytest.raises(HandbookError) as caught:
        changes_since("v1", ROOT / "mkdocs.yml", data, None, load_handbook(data), (docs,))
    message = str(caught.value)
    assert f"docs/{page}:1: [since v1]" in message and f"the page {page} of edition v1 is gone" in message
    assert f"redirect_maps:, add '{page}': <the page that replaces it>.md" in message
    changes_since("v1", ROOT / "mkdocs.yml", data, None, load_handbook(data), (docs,), frozenset({page}))
