"""The reader's experience in headless Chromium: pages that hold still, fit a phone, lead to the right place."""
import sys

import pytest

from conftest import ROOT
from site_html import output_path

sys.path.insert(0, str(ROOT / "scripts"))
from audit import audited_pages  # noqa: E402  (the pages `make audit` measures)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# Every layout shift the page makes without the reader's input, as Lighthouse adds them up.
WATCH_SHIFTS = """() => {
  window.__shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({type: "layout-shift", buffered: true});
}"""


def page_url(site_url, page_src: str) -> str:
    return site_url + output_path(page_src).removesuffix("index.html")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_main_pages_do_not_move_while_loading_and_fit_a_phone(watched_page, site_url, loaded, viewport):
    """Cumulative layout shift under 0.1 (Lighthouse's "good") on the pages `make audit` measures, with the
    processor slowed four times as Lighthouse's mobile preset does; at 390 px nothing scrolls sideways."""
    watch = watched_page(site_url, viewport=viewport)
    page = watch.page
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script(f"({WATCH_SHIFTS})()")
    for name, page_src in audited_pages(loaded):
        page.goto(page_url(site_url, page_src), wait_until="networkidle")
        page.wait_for_timeout(500)
        shift = page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")
        assert shift < 0.1, f"{name} page moves while loading: layout shift {shift:.3f}"
        if viewport is PHONE:
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], f"{name} page scrolls sideways at 390 px: {width[0]} px wide"
    assert watch.errors == [] and watch.outside == []
