"""What a page's navigation holds: every page can be found from it, and it does not grow with the ladder.

Material writes the navigation into every page. Listing every level and transition there made each page,
and the build's time per page, grow with the ladder; a page now opens only its own family's and track's
group, and another group is one link to its first page."""
from collections import deque

from site_html import output_path, resolve


def navigation_links(site, page: str) -> list[str]:
    """The site files the primary navigation of `page` links to."""
    text = (site / page).read_text(encoding="utf-8")
    nav = text[text.index("md-sidebar--primary"):text.index("md-sidebar--secondary")]
    hrefs = [part.split('"', 1)[0] for part in nav.split('href="')[1:]]
    return [found[0] for found in (resolve(page, href) for href in hrefs) if found]


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
