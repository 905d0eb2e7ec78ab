"""What a page's navigation holds: every page can be found from it, and it does not grow with the ladder.

Material writes the navigation into every page. Listing every level and transition there made each page,
and the build's time per page, grow with the ladder; a page now opens only its own family's and track's
group, and another group is one link to its first page. A section of more groups than a screen shows keeps
only the page's own, and one link to its index page, which lists every group."""
import importlib.util
import re
from collections import deque

import pytest

from handbook.site.bounded_nav import MAX_GROUPS_LISTED
from site_html import output_path, parse, resolve
from support import ROOT, load_handbook, mkdocs_build


def navigation_links(site, page: str) -> list[str]:
    """The site files the primary navigation of `page` links to."""
    text = (site / page).read_text(encoding="utf-8")
    nav = text[text.index("md-sidebar--primary"):text.index("md-sidebar--secondary")]
    hrefs = [part.split('"', 1)[0] for part in nav.split('href="')[1:]]
    return [found[0] for found in (resolve(page, href) for href in hrefs) if found]


def navigation_labels(site, page: str) -> dict[str, str]:
    """The words of each link in the primary navigation of `page`, by the site file it leads to."""
    text = (site / page).read_text(encoding="utf-8")
    nav = text[text.index("md-sidebar--primary"):text.index("md-sidebar--secondary")]
    labels = {}
    for href, words in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', nav, re.S):
        found = resolve(page, href)
        if found:
            labels.setdefault(found[0], []).append(" ".join(re.sub(r"<[^>]+>", " ", words).split()))
    return labels


@pytest.fixture(scope="module")
def many_tracks_site(tmp_path_factory):
    """The base data copied into one track more than the navigation lists, built: (site folder, its data)."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    folder = tmp_path_factory.mktemp("many-tracks")
    data = bench.scaled_data(folder / "data", MAX_GROUPS_LISTED + 1)
    result = mkdocs_build(folder / "site", HANDBOOK_DATA=str(data))
    assert result.returncode == 0, result.stderr
    return folder / "site", load_handbook(data)


def test_with_many_tracks_a_level_page_lists_its_own_track_and_one_link_to_the_level_map(many_tracks_site):
    site, loaded = many_tracks_site
    tracks = len(loaded.tracks_of())
    assert tracks > MAX_GROUPS_LISTED
    labels = navigation_labels(site, "levels/mid-c5/index.html")
    assert {"levels/junior-c5/index.html", "levels/senior-c5/index.html"} <= set(labels)  # its own track
    others = {output_path(loaded.entry(lv.id).page) for lv in loaded.levels if not lv.id.endswith("-c5")}
    assert others & set(labels) == set()
    assert f"All {tracks} tracks" in labels["levels/index.html"]
    assert f"All {tracks} tracks" in labels["transitions/index.html"]


def test_with_many_tracks_a_transition_page_lists_its_own_track(many_tracks_site):
    site, loaded = many_tracks_site
    transitions = loaded.handbook.transitions.transitions
    own = [output_path(loaded.entry(t.id).page) for t in transitions if t.from_level.endswith("-c3")]
    labels = navigation_labels(site, own[0])
    assert set(own) <= set(labels)
    assert len([path for path in labels if path.startswith("transitions/") and path not in own]) == 1  # the index


def test_with_many_tracks_every_level_and_transition_is_listed_by_its_section_page(many_tracks_site):
    site, loaded = many_tracks_site
    for index, entities in (("levels/index.html", loaded.levels),
                            ("transitions/index.html", loaded.handbook.transitions.transitions)):
        linked = {found[0] for href in parse(site / index).hrefs if (found := resolve(index, href))}
        assert {output_path(loaded.entry(e.id).page) for e in entities} - linked == set()


def test_every_level_and_transition_page_can_be_reached_from_the_navigation(northwind_site, northwind):
    site, _ = northwind_site
    reached, waiting = {"index.html"}, deque(["index.html"])
    while waiting:
        for target in navigation_links(site, waiting.popleft()):
            if target.endswith(".html") and target not in reached and (site / target).is_file():
                reached.add(target)
                waiting.append(target)
    pages = [northwind.entry(level.id).page for level in northwind.levels]
    pages += [northwind.entry(t.id).page for t in northwind.handbook.transitions.transitions]
    assert [page for page in pages if output_path(page) not in reached] == []


def test_a_level_page_lists_its_own_group_and_not_every_level(northwind_site):
    site, _ = northwind_site
    links = navigation_links(site, "levels/da-4/index.html")
    assert "levels/da-5/index.html" in links  # the same family and track
    assert "levels/sw-1/index.html" in links  # the other family: one link, to its first page
    assert not {"levels/sw-2/index.html", "levels/sw-5/index.html", "levels/em-4/index.html"} & set(links)


def test_a_transition_page_lists_its_own_group_and_not_every_transition(northwind_site, northwind):
    site, _ = northwind_site
    transitions = northwind.handbook.transitions.transitions
    data = [northwind.entry(t.id).page for t in transitions if t.from_level.startswith("da-")]
    software = [northwind.entry(t.id).page for t in transitions if t.from_level.startswith("sw-")]
    links = set(navigation_links(site, output_path(data[0])))
    assert output_path(data[1]) in links
    assert len(links & {output_path(page) for page in software}) <= 1  # at most the other group's one link
