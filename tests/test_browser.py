"""The site as a reader sees it, in headless Chromium: loads, searches, stays inside the site, works offline."""
import pytest

from support import instant_navigation_ready

pytestmark = pytest.mark.search  # the real search worker on every page (conftest.py: QUIET_SEARCH)


def search(page, term: str):
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.type(term)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results


def test_home_page_loads_without_errors_or_outside_requests(watched_page, site_url, loaded):
    watch = watched_page(site_url)
    watch.page.goto(site_url)
    assert loaded.handbook.site.title in watch.page.title()
    assert watch.page.locator("article h1").first.inner_text().strip() != ""
    for level in loaded.levels:
        assert watch.page.locator(f"nav a[href$='levels/{level.id}/']").count() >= 1
    watch.page.wait_for_load_state("networkidle")
    assert watch.errors == [] and watch.outside == []


def test_search_finds_the_page_of_a_story(watched_page, site_url, loaded):
    story = loaded.handbook.stories.stories[0]
    watch = watched_page(site_url)
    watch.page.goto(site_url)
    search(watch.page, story.name)
    # Results are redrawn as the index answers; wait for the story's page among them.
    watch.page.locator(".md-search-result__item a[href*='stories/']").first.wait_for(timeout=15000)
    assert watch.errors == [] and watch.outside == []


def test_instant_navigation_keeps_the_page_alive(watched_page, site_url, loaded):
    level = loaded.levels[0]
    watch = watched_page(site_url)
    watch.page.goto(site_url)
    instant_navigation_ready(watch.page)
    watch.page.evaluate("window.__marker = 'still here'")
    watch.page.locator(f"nav a[href$='levels/{level.id}/']").first.click()
    watch.page.locator(f"h1#{level.id}").wait_for()
    assert watch.page.url.endswith(f"/levels/{level.id}/")
    assert watch.page.evaluate("window.__marker") == "still here", "navigation reloaded the page"


def test_offline_build_works_from_file_urls_search_included(watched_page, offline_site, loaded):
    story = loaded.handbook.stories.stories[-1]
    watch = watched_page("file://")
    watch.page.goto((offline_site / "index.html").as_uri())
    watch.page.locator(f"nav a[href$='levels/{loaded.levels[0].id}.html']").first.click()
    watch.page.locator(f"h1#{loaded.levels[0].id}").wait_for()
    results = search(watch.page, story.name)
    assert "stories.html" in results.first.locator("a").first.get_attribute("href")
    assert watch.errors == [] and watch.outside == []
