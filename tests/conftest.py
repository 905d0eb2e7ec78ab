"""Shared fixtures: the real data, each example site built once for the whole run and served, headless Chromium.

Every built site is made once per run, however many modules and workers use it (shared_sites.py says how).
Helpers (building, serving, page helpers) are in support.py; a test module imports from there, never from
another test module."""
from __future__ import annotations

import collections
import shutil
from pathlib import Path

import pytest

from playwright.sync_api import sync_playwright
from xdist.scheduler import LoadScopeScheduling

from browser_pages import QUIET_SEARCH, PageWatch, SharedContext, note_lasting_changes

from shared_sites import built_once, run_sites, serve_sites
from support import CHROMIUM, CHROMIUM_ARGS, LARGE, ROOT, fresh_copy, load_handbook, mkdocs_build, run


# Fixtures that build a site or the PDF (a few seconds to a minute each): a test that uses one is `slow`.
# Add a fixture here when it builds; a test that builds by itself carries @pytest.mark.slow.
BUILDING_FIXTURES = {"built_site", "site_url", "offline_site", "acme_site", "northwind_site", "company_site",
                     "printed", "deployed", "wide_site", "downloads_made",
                     "many_tracks_site"}
FALSE_MARKS = pytest.StashKey[list]()
# Modules with a step that runs for most of a minute by itself: the hosting guide followed in a fresh copy, the
# PDF, `make pdf` and `make offline` in turn, axe and the HTML checker over every page, a build per macro test.
# `make test` hands whole modules to its two workers in the order collected (--no-loadscope-reorder); these go
# first and the rest by their number of tests, so the run ends on short modules that keep both workers busy
# rather than on one long module while the other worker idles.
LONG_MODULES = ["test_hosting_guide.py", "test_pdf.py", "test_downloads.py", "test_quality.py", "test_page_macros.py"]
# Modules that read the same costly artefact of a session fixture run on the same worker, so that it is made
# once per run: the PDF of `make pdf` (downloads_made) is read by test_downloads.py and test_pdf.py.
SAME_WORKER = {"test_downloads.py": "tests/test_pdf.py"}


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the process that starts the run, not one of its workers
        serve_sites(config)


@pytest.hookimpl(optionalhook=True)  # pytest-xdist: before a worker starts
def pytest_configure_node(node):
    node.workerinput["handbook_sites"] = run_sites(node.config)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config, items):
    """The lanes' markers follow from the fixtures a test uses, so they stay true as tests are added: every test
    whose fixtures start Chromium is `browser`, every test that waits for a site build is `slow`. A `browser` mark
    written on a test that starts no Chromium is recorded for test_lanes.py, which names it."""
    false_marks = config.stash.setdefault(FALSE_MARKS, [])
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "chromium" in fixtures:
            item.add_marker(pytest.mark.browser)
        elif item.get_closest_marker("browser"):
            false_marks.append(item.nodeid)
        if fixtures & BUILDING_FIXTURES:
            item.add_marker(pytest.mark.slow)
    longest_first(items)


class SharedArtefactScheduling(LoadScopeScheduling):
    """`--dist loadscope` (a whole module per worker), with the modules of SAME_WORKER handed out as one."""

    def _split_scope(self, nodeid: str) -> str:
        module = super()._split_scope(nodeid).split("::")[0]
        return SAME_WORKER.get(Path(module).name, module)


@pytest.hookimpl(optionalhook=True)  # also when a run leaves xdist out (-p no:xdist)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") == "loadscope":
        return SharedArtefactScheduling(config, log)
    return None


def longest_first(items):
    """Whole modules in the order of LONG_MODULES, then the others by their number of tests; each module's own
    tests stay in the order written."""
    sizes = collections.Counter(item.path.name for item in items)

    def rank(item):
        name = item.path.name
        return (LONG_MODULES.index(name) if name in LONG_MODULES else len(LONG_MODULES), -sizes[name], name)
    items.sort(key=rank)


@pytest.fixture(scope="session")
def loaded():
    return load_handbook(ROOT / "data")


@pytest.fixture(scope="session")
def northwind():
    """examples/northwind's data, loaded: job families, a branching track, a proficiency scale."""
    return load_handbook(ROOT / "data", ROOT / "examples" / "northwind" / "data")


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.fixture(scope="session")
def site_port(request):
    return run_sites(request.config)["ports"]["base"]


@pytest.fixture(scope="session")
def built_site(request, site_port):
    """The site, built once with the test server's address as site_url (instant navigation needs it)."""
    return built_once(request.config, "base", lambda site: mkdocs_build(site, SITE_URL=f"http://127.0.0.1:{site_port}/"))


@pytest.fixture(scope="session")
def site_url(built_site, site_port):
    """The built site served as Netlify serves it, so every browser test runs under its headers."""
    return f"http://127.0.0.1:{site_port}/"


def company(request, name: str, config: Path) -> tuple[Path, str]:
    """A company's site, built strict without a warning for the address it is served at: (site folder, address)."""
    address = f"http://127.0.0.1:{run_sites(request.config)['ports'][name]}/"
    site, result = built_once(request.config, name, lambda folder: mkdocs_build(folder, config=config, SITE_URL=address))
    assert "WARNING" not in result.stderr, result.stderr
    return site, address


@pytest.fixture(scope="session")
def acme_site(request):
    """examples/acme (the base with Acme's overlay, pages and macros), built and served: (site folder, its address)."""
    return company(request, "acme", ROOT / "examples" / "acme" / "mkdocs.yml")


@pytest.fixture(scope="session")
def northwind_site(request):
    """examples/northwind (two job families, a branching track, a proficiency scale), built strict without a
    warning and served: (site folder, its address)."""
    return company(request, "northwind", ROOT / "examples" / "northwind" / "mkdocs.yml")


@pytest.fixture(scope="session")
def company_site(request, acme_site):
    """company_site("acme") or ("large"): (its address, its loaded data); the large fixture ladder is built
    the first time a test asks for it."""
    def get(name: str):
        if name == "acme":
            return acme_site[1], load_handbook(ROOT / "data", ROOT / "examples" / "acme" / "data")
        _, address = company(request, "large", LARGE / "mkdocs.yml")
        return address, load_handbook(ROOT / "data", LARGE / "data")
    return get


@pytest.fixture(scope="session")
def offline_site(request):
    site, _ = built_once(request.config, "offline", lambda folder: mkdocs_build(folder, OFFLINE="true"))
    return site


@pytest.fixture(scope="session")
def downloads_made(tmp_path_factory, chromium):
    """A fresh copy of the repository in which `make offline`, `make pdf`, `make offline` and `make build` ran
    in turn: (the folder, and for each step its target, its result and the downloads then in site/ with their
    sizes). The PDF of its `make pdf` is the one test_pdf.py reads."""
    folder = fresh_copy(tmp_path_factory.mktemp("downloads"))
    steps = []
    for target in ("offline", "pdf", "offline", "build"):
        result = run(f"make {target}", folder)
        present = {name: (folder / "site" / name).stat().st_size for name in ("handbook.pdf", "handbook-offline.zip")
                   if (folder / "site" / name).exists()}
        steps.append((target, result, present))
    return folder, steps


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium headless shell (else full Chromium), which the browser tests, the PDF and the hosting
    guide's `make pdf` start (scripts/pdf.py says why the shell)."""
    if not CHROMIUM:
        pytest.fail("Chromium is missing: run `make browser` (Debian packages chromium-headless-shell and chromium)")
    return Path(CHROMIUM)


@pytest.fixture(scope="session")
def browser(chromium):
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        note_lasting_changes()
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def contexts(browser):
    """This worker's browser contexts, kept for the whole run, by their options and search worker
    (browser_pages.py says why)."""
    made: dict[tuple, list[SharedContext]] = collections.defaultdict(list)
    yield made
    for pool in made.values():
        for shared in pool:
            shared.context.close()


@pytest.fixture
def watched_page(browser, contexts, request):
    """watched_page(prefix, **context options): a blank page in a browser context with those options, and what it
    logs. Each call in a test is another person, with a context of their own; another tab of the same person is
    `page.context.new_page()`. Each test starts with browsers that hold no answers, as new contexts would
    (browser_pages.py). A test that changes a context itself (routes, cookies, permissions granted on the way)
    makes its own with `browser.new_context()`."""
    quiet = not request.node.get_closest_marker("search")
    used: list[tuple[list[SharedContext], SharedContext]] = []

    def open_page(allowed_prefix: str, **context_options) -> PageWatch:
        pool = contexts[(quiet, repr(sorted(context_options.items())))]
        shared = next((shared for shared in pool if all(shared is not taken for _, taken in used)), None)
        if shared is None:
            context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
            if quiet:
                context.add_init_script(QUIET_SEARCH)
            shared = SharedContext(context)
            pool.append(shared)
        used.append((pool, shared))
        return shared.open(allowed_prefix)
    yield open_page
    for pool, shared in used:
        if not shared.forget_the_test():
            pool.remove(shared)
