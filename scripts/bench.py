"""`make bench`: what the handbook's data costs on top of the designed stack, and what a page weighs.

It prints figures and asserts nothing; the goals (build ratio at most 1.05, cost
linear in the data, own JS under 20 KB gzipped) are read off the table.

The plain build is the yardstick: the same pages, rendered to Markdown once by
the handbook (the generated level and transition pages included), built by
MkDocs with the same theme, extensions, navigation and plugins, mkdocs-macros-plugin
included, but with no data and no macros to call: without the handbook plugin (which
loads the data and adds the generated pages) and without the handbook's macros
module. So the ratio is what the data costs. The plugin's own cost is a line of
its own: the plain build with the plugin against the same build without it, at
the scales in PLUGIN_COST_SCALES. Each is timed as `make build` runs it, a fresh
`mkdocs build` process each, so Python's start and imports count; runs of the
builds alternate and the median is kept. The ratio is of CPU time, which other
work on a shared machine disturbs less than wall time (both are printed; a build
uses one core, so on an idle machine they agree). Larger data is made from the real data:
each entity in a list is copied with its id suffixed (`-c2`, `-c3`, ...) and the
references inside a copy lead to the same copy, so every copy is a valid,
complete handbook and the levels and transitions (and their pages) grow too.
The handbook keeps its compiled templates between builds (as Python keeps .pyc
files); at 1x the first build after a change to templates/, with nothing compiled
kept, is timed too.
Everything is written to a temporary folder; in the repository only the handbook's bytecode is
written (`__pycache__`, as any import writes it unless PYTHONDONTWRITEBYTECODE is set).
"""
from __future__ import annotations

import argparse
import compileall
import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import bench_team  # noqa: E402  (the team view's drawing time)
from support import CHROMIUM, CHROMIUM_ARGS, free_port, serve  # noqa: E402
from handbook.site.bundle import BUNDLE  # noqa: E402
from handbook.data.loader import load_handbook  # noqa: E402

CONFIG = ROOT / "mkdocs.yml"
DATA_PLUGIN = "handbook"  # the plugin that loads the data and adds the generated pages
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
# Scale of the data -> runs of each build. Few at 100x, whose builds are long enough to even out a slow
# moment of a shared machine; more at small scales, where they are not. The whole run is sized to take
# about ten minutes on the project's 2-core machine (BENCHMARKS.md has what it took).
SCALES = {1: 7, 10: 3, 100: 1}
# Where the plugin's own cost is measured too (a third build per run; at 100x that would add minutes).
PLUGIN_COST_SCALES = {1, 10}
SERVE_EDITS = 3
# `--quick`: the scales of the scaling check, one handbook build each.
QUICK_SCALES = (1, 5)


# --- Data at larger scales ------------------------------------------------------

def scaled_data(target: Path, copies: int) -> Path:
    """data/ with every entity in a list copied `copies` times; references stay within their copy."""
    loaded = load_handbook(ROOT / "data")
    dimensions = {d.id for d in loaded.handbook.ladder.dimensions}  # the ladder's axes keep their shape
    entities = {e.obj.id for e in loaded.index.values() if e.key == e.obj.id} - dimensions
    copied = set().union(*(_listed(source.data, entities) for source in loaded.sources.values()))
    target.mkdir(parents=True)
    for name, source in loaded.sources.items():
        grown = _grow(source.data, copies, copied)
        (target / f"{name}.yml").write_text(yaml.safe_dump(grown, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
    scaled = load_handbook(target)  # raises if the copies broke the schema or a reference
    assert len(scaled.levels) == copies * len(loaded.levels)
    return target


def _listed(value, entities: set[str]) -> set[str]:
    """The ids of the entities that sit in lists (a single entity, such as the brag document, cannot be copied)."""
    if isinstance(value, dict):
        return set().union(*(_listed(item, entities) for item in value.values()))
    if not isinstance(value, list):
        return set()
    found = set().union(*(_listed(item, entities) for item in value))
    if value and all(isinstance(item, dict) and item.get("id") in entities for item in value):
        found |= {item["id"] for item in value}
    return found


def _grow(value, copies: int, copied: set[str]):
    if isinstance(value, dict):
        return {key: _grow(item, copies, copied) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    grown = [_grow(item, copies, copied) for item in value]
    if value and all(isinstance(item, dict) and item.get("id") in copied for item in value):
        grown += [_renamed(item, f"-c{copy}", copied) for copy in range(2, copies + 1) for item in value]
    return grown


def _renamed(value, suffix: str, copied: set[str]):
    if isinstance(value, dict):
        return {key: _renamed(item, suffix, copied) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, suffix, copied) for item in value]
    return value + suffix if isinstance(value, str) and value in copied else value


# --- The plain site: the same pages as Markdown, no data, no macros to call ---------

def plain_project(target: Path, data_dir: Path) -> tuple[Path, Path, int]:
    """Render every page once through the handbook and write it as a plain MkDocs project.

    Returns two configurations of it, with mkdocs-macros-plugin (as designed, but with no
    macros module) and without it, and the number of pages.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.utils import yaml_load

    class AllPagesRead(Exception):
        pass

    class Capture(BasePlugin):
        """Keeps each page's Markdown after every other plugin (the macros) has run."""

        def __init__(self):
            self.pages: dict[str, str] = {}

        @event_priority(-100)
        def on_page_markdown(self, markdown, page, config, **kwargs):
            # The same content as the handbook's page: the HTML it passes around Markdown (render/as_is) is
            # written back in, as a plain site would hold it.
            self.pages[page.file.src_uri] = config.plugins[DATA_PLUGIN].as_is.restore(markdown)

        def on_env(self, env, **kwargs):
            raise AllPagesRead  # every page is read: writing the site is not needed

    os.environ["HANDBOOK_DATA"] = str(data_dir)
    try:
        config = load_config(config_file=str(CONFIG), site_dir=str(target / "rendered-site"))
        capture = Capture()
        config.plugins["bench-capture"] = capture
        build(config)
    except AllPagesRead:
        pass
    finally:
        del os.environ["HANDBOOK_DATA"]

    docs = target / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    for src_uri, markdown in capture.pages.items():
        if any(marker in markdown for marker in ("{{", "{%", "{#")):
            # Braces that are text once rendered (the hosting guide shows Jinja): a page as a writer
            # would keep it with the plugin on, opted out of rendering (the plugin's own switch).
            markdown = f"---\nrender_macros: false\n---\n{markdown}"
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(markdown, encoding="utf-8")

    with CONFIG.open(encoding="utf-8") as file:
        settings = yaml_load(file)
    # Only the data's plugin goes, and the theme reads the one option it would give it (the PDF button's title).
    pdf_label = settings["plugins"].pop(DATA_PLUGIN)["pdf_label"]
    settings.pop("watch", None)
    overrides = shutil.copytree(ROOT / "overrides", target / "overrides")  # the plugin adds them to a build
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace("config.plugins.handbook.config.pdf_label", repr(pdf_label)), encoding="utf-8")
    settings["theme"]["custom_dir"] = str(overrides)
    settings["docs_dir"] = str(docs)
    settings["nav"] = config["nav"]  # the plugin's nav, with the generated pages in it
    settings["plugins"]["macros"]["modules"] = []  # the plugin as designed, with no macros of the handbook's
    with_plugin = target / "mkdocs.yml"
    with_plugin.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    del settings["plugins"]["macros"]
    without_plugin = target / "mkdocs-without-macros.yml"
    without_plugin.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return with_plugin, without_plugin, len(capture.pages)


# --- Timing ----------------------------------------------------------------------

def compile_project() -> None:
    """Compile the handbook's Python to bytecode before timing, as the installed packages already are.

    Python keeps the bytecode of a module it imports and later processes load it; where writing it is
    turned off (PYTHONDONTWRITEBYTECODE), every handbook build would compile its own modules from source
    again, a cost the plain build, whose code is all installed packages, never pays and a user's machine
    pays once."""
    for package in ("handbook", "macros"):
        compileall.compile_dir(ROOT / package, quiet=1)


def timed_build(config: Path, site: Path, **env: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `mkdocs build` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                            cwd=ROOT, env={**ENV, **env}, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare_builds(work: Path, scale: int, runs: int, cold: bool) -> dict:
    """Median times of the handbook's build and the plain one (and, if `cold`, of a first build;
    at PLUGIN_COST_SCALES, of the plain build without mkdocs-macros-plugin)."""
    data_dir = ROOT / "data" if scale == 1 else scaled_data(work / f"data-{scale}x", scale)
    plain_config, no_plugin_config, pages = plain_project(work / f"plain-{scale}x", data_dir)
    times: dict[str, list[tuple[float, float]]] = {"handbook": [], "plain": []}
    for run in range(runs):
        # alternate which goes first, so a slow moment of the machine does not favour one of them
        order = [("handbook", CONFIG, {"HANDBOOK_DATA": str(data_dir)}), ("plain", plain_config, {})]
        if scale in PLUGIN_COST_SCALES:
            order.append(("no plugin", no_plugin_config, {}))
            times.setdefault("no plugin", [])
        if cold:  # Jinja keeps compiled templates in the temporary folder: a new one has none
            fresh = work / f"tmp-{scale}x-{run}"
            fresh.mkdir()
            order.append(("first", CONFIG, {"HANDBOOK_DATA": str(data_dir), "TMPDIR": str(fresh)}))
            times.setdefault("first", [])
        for kind, config, env in order if run % 2 == 0 else order[::-1]:
            times[kind].append(timed_build(config, work / f"site-{kind}-{scale}x", **env))
    result = {"scale": scale, "pages": pages, "runs": runs, "site": work / f"site-handbook-{scale}x"}
    for kind, runs_of_kind in times.items():
        result[f"{kind} wall"] = statistics.median(wall for wall, _ in runs_of_kind)
        result[kind] = statistics.median(cpu for _, cpu in runs_of_kind)
    result["ratio"] = result["handbook"] / result["plain"]
    if "no plugin" in result:
        result["plugin"] = result["plain"] - result["no plugin"]
    if cold:
        result["first ratio"] = result["first"] / result["plain"]
    return result


def page_count(site: Path) -> int:
    """The pages of a built site: each is listed once in its sitemap (redirect pages are not)."""
    return (site / "sitemap.xml").read_text(encoding="utf-8").count("<loc>")


def quick_check(work: Path) -> None:
    """The scaling check to run before calling a change done: the handbook's CPU time per page at 1x
    and 5x data, one build each, and how much it grew. Flat (a few %) means the build is linear."""
    per_page = {}
    for scale in QUICK_SCALES:
        data_dir = ROOT / "data" if scale == 1 else scaled_data(work / f"data-{scale}x", scale)
        site = work / f"site-{scale}x"
        wall, cpu = timed_build(CONFIG, site, HANDBOOK_DATA=str(data_dir))
        pages = page_count(site)
        per_page[scale] = 1000 * cpu / pages
        print(f"{scale:>4}x {pages:>5} pages: CPU {cpu:6.2f} s, wall {wall:6.2f} s, "
              f"{per_page[scale]:6.1f} ms/page", flush=True)
    low, high = QUICK_SCALES[0], QUICK_SCALES[-1]
    print(f"handbook ms/page {low}x -> {high}x: {per_page[low]:.1f} -> {per_page[high]:.1f} "
          f"({100 * (per_page[high] / per_page[low] - 1):+.0f}%; load average {load()})")


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


# --- Live reload -----------------------------------------------------------------------

def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, timeout: float, step: float = 0.02) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def serve_rebuilds(work: Path) -> list[float]:
    """Seconds from saving a level's code in ladder.yml until `mkdocs serve` serves the page with it."""
    data_dir = work / "serve-data"
    shutil.copytree(ROOT / "data", data_dir)
    level = load_handbook(data_dir).levels[0]
    ladder = data_dir / "ladder.yml"
    port = free_port()
    page_url = f"http://127.0.0.1:{port}/levels/{level.id}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(CONFIG),
                               "-a", f"127.0.0.1:{port}", "-w", str(data_dir)],
                              cwd=ROOT, env={**ENV, "HANDBOOK_DATA": str(data_dir)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        if not wait_for(lambda: fetch(page_url), timeout=120, step=0.2):
            raise SystemExit("mkdocs serve did not start")
        code = level.code
        for edit in range(1, SERVE_EDITS + 1):
            time.sleep(1)  # let the watcher settle after the previous build
            new_code = f"{level.code}-bench{edit}"
            text = ladder.read_text(encoding="utf-8")
            start = time.perf_counter()
            ladder.write_text(text.replace(f"code: {code}\n", f"code: {new_code}\n", 1), encoding="utf-8")
            if not wait_for(lambda shown=f"({new_code})": shown in (fetch(page_url) or ""), timeout=60):
                raise SystemExit("mkdocs serve did not rebuild after the edit")
            times.append(time.perf_counter() - start)
            code = new_code
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


# --- PDF ---------------------------------------------------------------------------------

def pdf_time(work: Path) -> str:
    """`make pdf`, timed in its two steps: the build with the print page, then scripts/pdf.py."""
    script = ROOT / "scripts" / "pdf.py"
    if not script.exists():
        return "pdf: not available (scripts/pdf.py does not exist yet)"
    site = work / "print-site"
    build_wall, _ = timed_build(CONFIG, site, PRINT_PAGE="true")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(script), str(site), str(work / "handbook.pdf")],
                            cwd=ROOT, env=ENV, capture_output=True, text=True)
    print_wall = time.perf_counter() - start
    if result.returncode != 0:
        return f"pdf: scripts/pdf.py failed after {print_wall:.2f} s: {(result.stderr or result.stdout).strip()[-300:]}"
    said = (result.stdout.strip().splitlines() or [""])[-1]
    return (f"pdf (make pdf): {build_wall + print_wall:.2f} s = build with the print page {build_wall:.2f} s "
            f"+ printing {print_wall:.2f} s (scripts/pdf.py: {said})")


# --- Page weight and requests ---------------------------------------------------------

class Stylesheets(HTMLParser):
    """The stylesheets a page links to."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "stylesheet" and attributes.get("href"):
            self.hrefs.append(attributes["href"])


def sizes(paths: list[Path]) -> tuple[int, int]:
    data = [path.read_bytes() for path in paths]
    return sum(len(d) for d in data), sum(len(gzip.compress(d)) for d in data)


def kb(raw: int, zipped: int) -> str:
    return f"{raw / 1024:7.1f} KB {zipped / 1024:7.1f} KB"


def page_weight(site: Path, page: str, scripts: list[Path]) -> list[str]:
    """The page's HTML and stylesheets, and the scripts a browser loaded for it (see `page_load`)."""
    html_path = site / page / "index.html"
    stylesheets = Stylesheets()
    stylesheets.feed(html_path.read_text(encoding="utf-8"))
    base = f"http://site/{page}/"
    css = [site / urlsplit(urljoin(base, href)).path.lstrip("/") for href in stylesheets.hrefs
           if urljoin(base, href).startswith("http://site/")]
    rows = [("HTML", sizes([html_path])), ("CSS", sizes(css)), ("JS", sizes(scripts))]
    total = tuple(sum(r[1][i] for r in rows) for i in (0, 1))
    lines = [f"page weight of {page}/          raw  gzipped"]
    lines += [f"  {name:<6} {kb(*size)}" for name, size in rows + [("total", total)]]
    # The handbook's own: the joined file (handbook/site/bundle.py) and the scripts loaded on their own.
    own = [path for path in scripts if path == site / BUNDLE or (ROOT / "docs" / path.relative_to(site)).is_file()]
    lines.append("the scripts it loads, each gzipped on its own")
    for path in scripts:
        whose = "the handbook's" if path in own else "Material's"
        lines.append(f"  {path.relative_to(site).as_posix()} ({whose}): {sizes([path])[0]} B, "
                     f"{sizes([path])[1]} B gzipped")
    raw, zipped = sizes(own)
    lines.append(f"  the handbook's own, {len(own)} files: {raw} B, {zipped} B gzipped (budget: 20 KB)")
    lines.append("the handbook's stylesheets (each file gzipped on its own)")
    paths = sorted((ROOT / "docs/assets/stylesheets").glob("*.css"))
    for path in paths:
        lines.append(f"  stylesheets/{path.name}: {sizes([path])[0]} B, {sizes([path])[1]} B gzipped")
    raw, zipped = sizes(paths)
    lines.append(f"  all stylesheets: {raw / 1024:.1f} KB, {zipped / 1024:.1f} KB gzipped")
    return lines


def page_load(site: Path, page: str) -> tuple[list[str], list[Path]]:
    """What Chromium asks for on opening the page (cold cache, until the network is idle): the kind of
    each request, and the scripts among them, the search worker's included, as files of the site."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = serve(site, port)
    urls: list[tuple[str, str]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context()
            context.on("request", lambda request: urls.append((request.resource_type, request.url)))
            context.new_page().goto(f"http://127.0.0.1:{port}/{page}/", wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    paths = [urlsplit(url).path for _, url in urls]
    return [kind for kind, _ in urls], [site / path.lstrip("/") for path in paths if path.endswith(".js")]


def requests_line(page: str, kinds: list[str]) -> str:
    counts = ", ".join(f"{kind} {kinds.count(kind)}" for kind in sorted(set(kinds)))
    return f"requests for {page}/ (cold cache, until the network is idle): {len(kinds)} ({counts})"


# --- The table ----------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="*", default=list(SCALES), help="data scales to build")
    parser.add_argument("--quick", action="store_true",
                        help=f"only the scaling check: one handbook build at each of {QUICK_SCALES}x data, ms per page")
    args = parser.parse_args()
    compile_project()
    if args.quick:
        print(f"handbook scaling check: one `mkdocs build` at each scale, CPU time (user + system) per page; "
              f"load average {load()}")
        with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
            quick_check(Path(tmp))
        return
    print(f"handbook benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}. Each build is a fresh "
          "`mkdocs build` process; runs alternate; medians. Plain: the same pages as Markdown, the same plugins\n"
          "(mkdocs-macros-plugin on), no data and no macros to call, so the ratio is what the data costs. The ratio "
          "is of CPU time (user + system),\nwhich other work on the machine disturbs less than wall time; a build "
          f"uses one core, so on an idle machine the two are close. Load average at the start: {load()}.")
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        work = Path(tmp)
        results = []
        print(f"{'data':>5} {'pages':>6} {'runs':>4} | {'CPU s: handbook':>15} {'plain':>6} {'ratio':>6} | "
              f"{'wall s: handbook':>16} {'plain':>6} | "
              f"{'ms/page: handbook':>17} {'plain':>6} {'extra':>6}")
        for scale in args.scales:
            r = compare_builds(work, scale, SCALES.get(scale, 1), cold=scale == 1)
            results.append(r)
            per_page = [1000 * value / r["pages"] for value in (r["handbook"], r["plain"], r["handbook"] - r["plain"])]
            print(f"{scale:>4}x {r['pages']:>6} {r['runs']:>4} | {r['handbook']:>15.2f} {r['plain']:>6.2f} "
                  f"{r['ratio']:>6.2f} | {r['handbook wall']:>16.2f} {r['plain wall']:>6.2f} | "
                  f"{per_page[0]:>17.1f} {per_page[1]:>6.1f} {per_page[2]:>6.1f}", flush=True)
        for r in results:
            if "plugin" in r:
                print(f"mkdocs-macros-plugin's own cost at {r['scale']}x (plain build with it minus without it): CPU "
                      f"{r['plugin']:.2f} s of {r['plain']:.2f} s ({100 * r['plugin'] / r['plain']:.0f}%), "
                      f"wall {r['plain wall'] - r['no plugin wall']:.2f} s (it reads every page's text as Jinja, so a "
                      "long hand-written page costs it more than the handbook's one-line pages)")
        base = results[0]
        if "first" in base:
            print(f"{base['scale']}x, first build after a change to templates/ (nothing compiled kept): CPU "
                  f"{base['first']:.2f} s, wall {base['first wall']:.2f} s, ratio {base['first ratio']:.2f}")
        for r in results[1:]:
            print(f"growth {base['scale']}x -> {r['scale']}x: pages x{r['pages'] / base['pages']:.1f}, "
                  f"handbook CPU time x{r['handbook'] / base['handbook']:.1f}, "
                  f"plain CPU time x{r['plain'] / base['plain']:.1f}")

        rebuilds = serve_rebuilds(work)
        print(f"mkdocs serve rebuild after one YAML edit: median {statistics.median(rebuilds):.2f} s "
              f"({', '.join(f'{t:.2f}' for t in rebuilds)}; from saving the file to the page served with the change)")
        print(pdf_time(work))
        level_page = f"levels/{load_handbook(ROOT / 'data').levels[0].id}"
        kinds, scripts = page_load(base["site"], level_page)
        for line in page_weight(base["site"], level_page, scripts):
            print(line)
        print(requests_line(level_page, kinds))
        team = bench_team.render_ms()
        print(f"team view, {team['people']} people x {team['dimensions']} dimensions (large test ladder): drawn in "
              f"{team['render_ms']:.0f} ms, files read in {team['read_ms']:.0f} ms, from the files chosen to the page "
              f"laid out {team['total_ms']:.0f} ms (medians); team.js {team['team_js_gz'] / 1024:.1f} KB gzipped, "
              f"loaded on that page only")
        print(f"load average at the end: {load()}")
        print("build ratio handbook/plain, both with mkdocs-macros-plugin: "
              + ", ".join(f"{r['scale']}x {r['ratio']:.2f}" for r in results))


if __name__ == "__main__":
    main()
