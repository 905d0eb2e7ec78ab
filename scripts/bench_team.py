"""How fast the team view draws a large team, and how much its script weighs.

`render_ms(site)` loads `people` generated self-assessment downloads (each placed on every dimension of
its level) into the "My team" page of a built site in headless Chromium, all at once through the file
picker, and returns the milliseconds team.js took to draw the grid, the calibration view and the themes,
and the time from the files chosen to everything drawn. `team_downloads` is also what tests/test_team.py
loads. Run alone: `python scripts/bench_team.py [site folder]` (without one it builds the large test ladder).
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
LARGE = ROOT / "tests" / "fixtures" / "large-ladder"


def team_downloads(loaded, people: int) -> list[tuple[str, bytes]]:
    """(file name, JSON) for `people` downloads as My self-assessment writes them: each person at a level
    (round the ladder), their target the next level, placed on every dimension of their level at it, one
    level lower, or halfway between, in turn."""
    from macros.profile import Scale

    scale, levels, files = Scale(loaded), loaded.levels, []
    for number in range(people):
        level = levels[number % len(levels)]
        below = scale.leading_to(level)
        placements = {}
        for turn, dimension in enumerate(loaded.dimensions_of(level)):
            lower = next((lv for lv in below if dimension.id in lv.dimensions), None)
            if lower and turn % 3 == 1:
                placements[dimension.id] = {"level": lower.id}
            elif lower and turn % 3 == 2:
                placements[dimension.id] = {"from": lower.id, "level": level.id}
            else:
                placements[dimension.id] = {"level": level.id}
        after = scale.next_levels(level)
        profile = {"name": f"Person {number + 1:02d}", "date": "", "current": level.id,
                   "target": after[0].id if after else level.id, "placements": placements,
                   "plan": {}, "items": {}, "checkins": []}
        document = {"format": "handbook-self-assessment", "version": 2, "exported": "2026-12-06T00:00:00Z",
                    "profile": "me", "profiles": {"me": profile}}
        files.append((f"person-{number + 1:02d}.json", json.dumps(document).encode()))
    return files


def script_size(site: Path) -> tuple[int, int]:
    """Gzipped bytes of team.js and of the bundle every page loads."""
    scripts = site / "assets" / "javascripts"
    return tuple(len(gzip.compress((scripts / name).read_bytes(), 9)) for name in ("team.js", "handbook.bundle.js"))


def build(config: Path = LARGE / "mkdocs.yml") -> Path:
    site = Path(tempfile.mkdtemp(prefix="bench-team-"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], cwd=ROOT,
                   check=True, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "true"})
    return site


def render_ms(site: Path | None = None, people: int = 50, config: Path = LARGE / "mkdocs.yml") -> dict:
    """{render_ms, total_ms, people, dimensions, team_js_gz, bundle_gz} for `people` downloads on `site`
    (built from `config` when not given)."""
    from playwright.sync_api import sync_playwright

    from macros.loader import load_handbook
    from pdf import CHROMIUM_ARGS

    site = site or build(config)
    loaded = load_handbook(ROOT / "data", config.parent / "data") if config != ROOT / "mkdocs.yml" else load_handbook(ROOT / "data")
    files = [{"name": name, "mimeType": "application/json", "buffer": body} for name, body in team_downloads(loaded, people)]
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/team/")
            page.wait_for_function("() => window.handbook.team")
            page.locator("[data-team-files]").set_input_files(files)
            page.wait_for_function(f"() => document.querySelectorAll('[data-team-rows] tr').length === {people}")
            page.wait_for_function("() => window.handbook.team.timing.total !== undefined")
            timing = page.evaluate("() => window.handbook.team.timing")
            dimensions = page.evaluate("() => new Set([...document.querySelectorAll('[data-team-column]')].map(th => th.dataset.teamColumn)).size")
            browser.close()
    finally:
        server.shutdown()
    team_gz, bundle_gz = script_size(site)
    return {"render_ms": round(timing["render"], 1), "total_ms": round(timing["total"], 1), "people": people,
            "dimensions": dimensions, "team_js_gz": team_gz, "bundle_gz": bundle_gz}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    print(render_ms(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
