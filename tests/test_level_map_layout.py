"""The level map of a wide ladder (12 dimensions, 8 levels on each of two tracks) on a phone and a laptop.

Measured in Chromium: nothing scrolls sideways (the page or anything inside the map), and no text
column is narrower than 14 characters of its own font. Screenshots go to the test's folder.
"""
from __future__ import annotations

import pytest

from support import ROOT, mkdocs_build, serve, free_port

DIMENSIONS = [f"dimension-{n:02d}" for n in range(1, 13)]
BASE_LEVELS = ["junior", "mid", "senior", "staff", "principal"]  # the IC levels e1 to e5 stand in for
MIN_CHARACTERS = 14

# Widths of every visible text column of each map, in characters of the column's own font ("0" wide),
# and every element inside the map (or the page) that scrolls sideways.
MEASURE = """() => {
  const page = document.scrollingElement;
  const maps = [...document.querySelectorAll('.hb-level-map')];
  const shapes = [...document.querySelectorAll('.hb-ladder-shape')];
  const scrolls = (e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  return {
    page: [page.scrollWidth, page.clientWidth],
    shapesOverflowing: shapes.filter((shape) => [shape, ...shape.querySelectorAll('*')].some(scrolls)).length,
    maps: maps.map((map) => {
      const columns = [...map.querySelectorAll('tbody td')].filter((cell) => cell.offsetParent).map((cell) => {
        const style = getComputedStyle(cell);
        const probe = document.createElement('span');
        probe.textContent = '0'.repeat(20);
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
        cell.appendChild(probe);
        const zero = probe.getBoundingClientRect().width / 20;
        probe.remove();
        const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return width / zero;
      });
      return {
        overflowing: [map, ...map.querySelectorAll('*')].filter(scrolls).length,
        right: map.getBoundingClientRect().right,
        narrowest: Math.min(...columns),
        cells: columns.length,
      };
    }),
  };
}"""


def wide_company(folder):
    data = folder / "data"
    data.mkdir(parents=True)
    lines = ["replace: [dimensions, levels]", "dimensions:"]
    for n, dimension in enumerate(DIMENSIONS, 1):
        lines += [f"  - id: {dimension}", f"    name: Dimension number {n}", f"    question: What does part {n} ask?"]
    lines.append("levels:")
    for track, prefix in (("ic", "e"), ("management", "m")):
        for n in range(1, 9):
            lines += [f"  - id: {prefix}{n}", f"    name: {track.title()} level {n}", f"    code: {prefix.upper()}{n}",
                      f"    track: {track}", f"    summary: Level {n}.", f"    evaluated_on: Work at level {n}.",
                      f"    covers: [{BASE_LEVELS[n - 1] if prefix == 'e' and n <= 5 else ''}]", "    dimensions:"]
            lines += [f"      {d}: What this part of the work looks like at level {n}, in a sentence of ordinary "
                      "length for a real ladder." for d in DIMENSIONS]
    (data / "ladder.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "transitions.yml").write_text("replace: [transitions]\ntransitions:\n" + "".join(
        f"  - {{id: e{n}-up, from: e{n}, to: e{n + 1}, title: E{n} to E{n + 1}, what_changes: More., "
        f"signals: [{{id: s, text: A signal.}}], held_back: [{{id: h, text: A habit.}}]}}\n" for n in range(1, 8)),
        encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT}/mkdocs.yml\n"
        "site_name: Wide Engineering Handbook\n"
        "plugins: {handbook: {overlay_dir: data}}\n", encoding="utf-8")
    (folder / "docs").mkdir()
    return folder / "mkdocs.yml"


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wide")
    port = free_port()
    result = mkdocs_build(folder / "site", config=wide_company(folder / "company"), SITE_URL=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    server = serve(folder / "site", port)
    yield f"http://127.0.0.1:{port}/", folder
    server.shutdown()


def measure(watched_page, url: str, width: int, screenshot) -> dict:
    page = watched_page(url, viewport={"width": width, "height": 900}).page
    page.goto(url + "levels/")
    measured = page.evaluate(MEASURE)
    page.locator(".hb-level-map").first.screenshot(path=str(screenshot))
    return measured


def assert_readable(measured: dict, width: int) -> None:
    assert measured["page"][0] <= measured["page"][1], measured
    assert measured["shapesOverflowing"] == 0, measured
    for level_map in measured["maps"]:
        assert level_map["overflowing"] == 0 and level_map["right"] <= width, level_map
        assert level_map["narrowest"] >= MIN_CHARACTERS, level_map


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_a_wide_ladder_needs_no_sideways_scrolling_and_keeps_columns_readable(wide_site, watched_page, width):
    url, folder = wide_site
    measured = measure(watched_page, url, width, folder / f"level-map-{width}.png")
    assert len(measured["maps"]) == 2  # one per track
    assert all(level_map["cells"] == 12 * 9 for level_map in measured["maps"])  # names and 8 levels, all shown
    assert_readable(measured, width)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_the_base_ladder_is_readable_at_both_widths(site_url, watched_page, tmp_path, width):
    measured = measure(watched_page, site_url, width, tmp_path / f"level-map-{width}.png")
    assert measured["maps"]
    assert_readable(measured, width)


@pytest.fixture(params=["acme", "northwind"])
def example_site(request, tmp_path):
    """The example's site of the whole run (conftest.py), and a folder for this test's screenshots."""
    site, url = request.getfixturevalue(f"{request.param}_site")
    return url, tmp_path


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_the_examples_level_maps_are_readable_at_both_widths(example_site, watched_page, width):
    url, folder = example_site
    measured = measure(watched_page, url, width, folder / f"level-map-{width}.png")
    assert any(level_map["cells"] for level_map in measured["maps"])
    assert_readable(measured, width)
