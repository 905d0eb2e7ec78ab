"""How fast the team view draws a large team, and how much its script weighs.

`render_ms()` loads `people` generated self-assessment downloads (each placed on every dimension of its
level) into the "My team" page in headless Chromium, all at once as the file picker gives them, and
returns the milliseconds team.js took to draw the grid, the calibration view and the themes, the time
from the files chosen to the page laid out, and the gzipped sizes of team.js and of the shared bundle.
By default it builds the large test ladder widened to 12 dimensions (50 x 12, the issue's figure).
`team_downloads` is also what tests/test_team.py loads. Run alone: `python scripts/bench_team.py`.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import statistics
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
    from handbook.render.profile import Scale

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


EXTRA = {"security": "Security", "product-sense": "Product sense", "hiring": "Hiring"}


def wider_ladder(folder: Path, extra: dict[str, str] = EXTRA) -> Path:
    """A copy of the large test ladder (9 dimensions) with `extra` dimensions more, each level describing
    them, in `folder`; returns its mkdocs.yml. The 12-dimension team of the benchmark is drawn on it."""
    import yaml

    ladder = yaml.safe_load((LARGE / "data" / "ladder.yml").read_text(encoding="utf-8"))
    for dimension, name in extra.items():
        ladder["dimensions"].append({"id": dimension, "name": name, "question": f"How far does your {name.lower()} reach?"})
        for level in ladder["levels"]:
            level["dimensions"][dimension] = f"{name} at {level['name']}."
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "docs").mkdir(exist_ok=True)  # a company's own pages: none, but MkDocs needs the folder
    (folder / "data" / "ladder.yml").write_text(yaml.safe_dump(ladder, sort_keys=False), encoding="utf-8")
    (folder / "data" / "transitions.yml").write_bytes((LARGE / "data" / "transitions.yml").read_bytes())
    config = (LARGE / "mkdocs.yml").read_text(encoding="utf-8").replace("../../../", f"{ROOT}/")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def build(config: Path) -> Path:
    """The handbook of `config` built into a new temporary folder."""
    site = Path(tempfile.mkdtemp(prefix="bench-team-site-"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], cwd=ROOT,
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "true"})
    return site


def render_ms(site: Path | None = None, people: int = 50, config: Path | None = None, runs_of: int = 5) -> dict:
    """{render_ms, read_ms, total_ms, people, dimensions, team_js_gz, bundle_gz}: `people` downloads loaded into the
    team page of `site`, built from `config` (by default the large test ladder widened to 12 dimensions)
    when not given. For a site built from mkdocs.yml, pass config=ROOT / "mkdocs.yml" so the downloads
    fit its ladder. Each figure is the median of `runs_of` loads. render_ms is team.js drawing the views; read_ms, the files read and checked; total_ms runs from the files chosen to the
    page laid out again (reading the files, drawing, the browser's layout)."""
    from playwright.sync_api import sync_playwright

    from handbook.data.loader import load_handbook
    from pdf import CHROMIUM_ARGS

    config = config or wider_ladder(Path(tempfile.mkdtemp(prefix="bench-team-ladder-")))
    site = site or build(config)
    overlay = config.parent / "data"
    loaded = load_handbook(ROOT / "data", overlay) if config.resolve() != (ROOT / "mkdocs.yml").resolve() else load_handbook(ROOT / "data")
    files = [[name, body.decode()] for name, body in team_downloads(loaded, people)]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/team/")
            page.wait_for_function("() => window.handbook.team")
            runs = []
            for _ in range(runs_of):  # the median of a few: seven helpers share these two cores
                page.locator('[data-team-action="clear"]').click()
                total = page.evaluate(_LOAD_AND_TIME, [files, people])
                runs.append({**page.evaluate("() => Object.assign({}, window.handbook.team.timing)"), "total": total})
            dimensions = page.evaluate("() => new Set([...document.querySelectorAll('[data-team-column]')].map(th => th.dataset.teamColumn)).size")
            browser.close()
    finally:
        server.shutdown()
    team_gz, bundle_gz = script_size(site)
    median = {name: round(statistics.median(run[name] for run in runs), 1) for name in ("render", "read", "total")}
    return {"render_ms": median["render"], "read_ms": median["read"], "total_ms": median["total"], "people": people,
            "dimensions": dimensions, "team_js_gz": team_gz, "bundle_gz": bundle_gz}


# The files chosen in the page itself (as the file picker gives them), then the time until every row is
# there and the page is laid out.
_LOAD_AND_TIME = """async ([files, people]) => {
  const input = document.querySelector('[data-team-files]'), chosen = new DataTransfer();
  files.forEach(([name, text]) => chosen.items.add(new File([text], name, {type: 'application/json'})));
  input.files = chosen.files;
  const started = performance.now();
  input.dispatchEvent(new Event('change', {bubbles: true}));
  while (document.querySelectorAll('[data-team-rows] tr').length < people) await new Promise(r => setTimeout(r, 1));
  document.body.getBoundingClientRect();
  return performance.now() - started;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    print(render_ms())
