"""The test suite's own house rules: markers that are true, test modules that stand alone, tests that start with
no answers stored."""
import json
import re

import pytest

from conftest import FALSE_MARKS
from support import ROOT, assessment_url, first_signal_key, store_raw, stored


def test_every_browser_mark_is_on_a_test_that_starts_chromium(request):
    """`make test-fast` leaves out `browser` tests: one marked without starting Chromium would be skipped for nothing.
    Chromium tests are marked by conftest.py from their fixtures (`browser`, `watched_page`, `chromium`)."""
    assert request.config.stash.get(FALSE_MARKS, []) == []


def test_no_test_module_imports_another():
    """Shared helpers live in tests/support.py: importing a test module runs its fixtures and tests twice."""
    importing = {path.name: found for path in sorted((ROOT / "tests").rglob("*.py"))
                 if (found := re.findall(r"^\s*(?:from|import) (test_\w+)", path.read_text(encoding="utf-8"), re.M))}
    assert importing == {}


@pytest.mark.parametrize("marker", ["browser", "slow"])
def test_the_lane_markers_are_registered(request, marker):
    assert any(line.startswith(f"{marker}:") for line in request.config.getini("markers"))


# Browser contexts and pages are kept for the whole run (browser_pages.py); these two run in this order on one
# worker, the second where the first left its browsers.
def test_answers_given_in_one_test(watched_page, site_url, offline_site, loaded):
    key = first_signal_key(loaded)
    changed_for_good, kept = watched_page(site_url).page, watched_page(site_url).page
    changed_for_good.add_init_script("window.__leftBehind = true")
    changed_for_good.clock.install(time="2001-01-01T09:00:00Z")  # Playwright's clock is the whole context's
    for page in (changed_for_good, kept):
        page.goto(assessment_url(site_url))
        store_raw(page, json.dumps({"version": 1, "items": {key: {"done": True}}}))
        page.evaluate("sessionStorage.setItem('left-behind', 'yes')")
        second_tab = page.context.new_page()
        second_tab.goto((offline_site / "self-assessment.html").as_uri())
        store_raw(second_tab, json.dumps({"version": 1, "items": {key: {"done": True}}}))
    assert stored(page) is not None and stored(second_tab) is not None


def test_are_gone_in_the_next(watched_page, site_url, offline_site):
    for page in (watched_page(site_url).page, watched_page(site_url).page):
        page.goto(assessment_url(site_url))
        assert stored(page) is None
        assert page.evaluate("[sessionStorage.getItem('left-behind'), window.__leftBehind]") == [None, None]
        assert page.evaluate("new Date().getFullYear()") > 2001, "a clock installed in another test"
        page.goto((offline_site / "self-assessment.html").as_uri())
        assert stored(page) is None
