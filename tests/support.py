"""Helpers the test modules share: building and serving a site, Netlify's headers, reading and driving the
handbook's pages in Chromium, and editing a copy of the data. Fixtures live in conftest.py; test modules
import helpers from here, never from each other."""
from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
# `make test` exports its own variables and make's nesting level; a test that runs `make` or `mkdocs` must see
# what a reader's shell has, so that `make build` prints no "Entering directory" and builds the base config.
for _make_variable in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CONFIG", "DOWNLOADS", "SINCE", "NAME", "FILE",
                       "PYTEST_ARGS", "PYTEST_ADDOPTS"):
    os.environ.pop(_make_variable, None)
FIXTURES = ROOT / "tests" / "fixtures"
LARGE = FIXTURES / "large-ladder"  # 9 dimensions, a trunk that splits into IC and manager paths, 13 levels
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from handbook.data.loader import load_handbook  # noqa: E402
from handbook.errors import HandbookError  # noqa: E402
from pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402, F401  (one browser and its flags for the PDF and the tests)
from site_html import output_path  # noqa: E402


# --- building and serving ------------------------------------------------------------------------

def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "true", **env}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
                          cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def netlify_rule_pattern(for_path: str) -> re.Pattern:
    """A `[[headers]] for` path as Netlify matches it: `*` spans anything, `:name` one segment."""
    def part(segment: str) -> str:
        if segment.startswith(":"):
            return "([^/]+)"
        if segment == "*":
            return "?(.*)"
        return ".*".join(re.escape(piece) for piece in segment.split("*"))
    return re.compile("^/" + "/".join(part(s) for s in for_path.split("/") if s) + "/?$", re.IGNORECASE)


def netlify_headers(path: str, config: Path = ROOT / "netlify.toml") -> dict[str, str]:
    """The headers netlify.toml gives a path: every matching rule applies, repeated names joined."""
    headers = {"Cache-Control": "public, max-age=0, must-revalidate"}  # Netlify's default
    chosen: dict[str, list[str]] = {}
    for rule in tomllib.loads(config.read_text(encoding="utf-8")).get("headers", []):
        if netlify_rule_pattern(rule["for"]).match(path):
            for name, value in rule["values"].items():
                chosen.setdefault(name, []).append(value)
    return headers | {name: ", ".join(values) for name, values in chosen.items()}


class NetlifyHandler(QuietHandler):
    """Serves the site as Netlify would: netlify.toml's headers, and 404.html for a missing path."""

    def end_headers(self):
        for name, value in netlify_headers(urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path, port: int, handler=QuietHandler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- a copy of the data, broken on purpose ---------------------------------------------------------

def load_error(data_dir) -> str:
    with pytest.raises(HandbookError) as caught:
        load_handbook(data_dir)
    return str(caught.value)


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path, needle) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


# --- the handbook's pages in Chromium --------------------------------------------------------------

HOSTILE = '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>'
OWN_COMPONENTS = [".hb-checklist", ".hb-readiness", "[data-assessment]", ".hb-compare__form", ".hb-compare",
                  ".md-search"]


def first_transition(loaded):
    return loaded.handbook.transitions.transitions[0]


def item_key(owner, item) -> str:
    return f"{owner.id}--{item.id}"


def first_signal_key(loaded) -> str:
    """The key the site gives the first signal of the first transition, from the handbook's own index."""
    transition = first_transition(loaded)
    return loaded.entry_of(transition.signals[0], transition).key


def page_url(site_url, page_src: str) -> str:
    return site_url + output_path(page_src).removesuffix("index.html")


def transition_url(site_url, loaded, transition) -> str:
    return page_url(site_url, loaded.entry(transition.id).page)


def assessment_url(site_url) -> str:
    return site_url + "self-assessment/"


def item(page, key: str):
    return page.locator(f'.hb-checklist [data-item="{key}"]')


ANSWERS = ".hb.assessment"  # after the site's path: the key of a reader's answers in local storage


def storage_key(page) -> str:
    return page.evaluate("__md_scope.pathname") + ANSWERS


def stored(page) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", storage_key(page)) or "null")


def stored_items(page) -> dict:
    """The ticks and notes of the reader's own profile in the stored document (version 2)."""
    return stored(page)["profiles"]["me"]["items"]


def open_assessment(page, site_url, suffix: str = ""):
    """The self-assessment page with every checklist shown (by default it shows the reader's transitions)."""
    page.goto(assessment_url(site_url) + suffix)
    page.locator('[data-action="show-all"]').click()


def arrive_with(page, site_url: str, text: str, suffix: str = ""):
    """Keep `text` in the browser as the handbook's stored answers (its key plus `suffix`) before any of its pages
    is open, as a reader who was here before has them; the page opened next reads them as it arrives. They are
    written from the site's smallest file, of the same origin, where none of the handbook's scripts runs."""
    page.goto(site_url + "api/handbook.schema.json")
    store_raw(page, text, urlsplit(site_url).path + ANSWERS + suffix)


def store_raw(page, text: str, key: str | None = None):
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [key or storage_key(page), text])


def write_note(page, key: str, text: str):
    row = item(page, key)
    if row.locator(".hb-note__toggle").get_attribute("aria-expanded") != "true":
        row.locator(".hb-note__toggle").click()
    row.locator(".hb-note__text").fill(text)


def download(page, action: str) -> str:
    with page.expect_download() as info:
        page.locator(f'[data-action="{action}"]').click()
    return info.value.path().read_text(encoding="utf-8")


def import_json(page, text: str):
    page.set_input_files('[data-action="import"]', files=[{"name": "answers.json", "mimeType": "application/json",
                                                           "buffer": text.encode("utf-8")}])


def message(page, name: str, **values) -> str:
    text = page.locator(f'[data-messages] [data-message="{name}"]').text_content()
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def status(page) -> str:
    return " ".join(page.locator("[data-status]").all_inner_texts()).strip()


def make_share_link(page) -> str:
    """Click "Make a share link" and wait for the link (packing it takes a moment)."""
    page.locator('[data-action="share"]').click()
    page.wait_for_function("() => document.querySelector('[data-share-output]').value !== ''")
    return page.locator("[data-share-output]").input_value()


def instant_navigation_ready(page):
    """Wait until Material has fetched the sitemap: a link clicked before then loads a whole new page, as its
    instant navigation only takes over links to pages the sitemap lists."""
    page.wait_for_function("""() => performance.getEntriesByType("resource")
        .some(entry => entry.name.endsWith("/sitemap.xml") && entry.responseEnd > 0)""")


def open_anew(page, url: str):
    """Load url as a new page, also when it differs from the page shown only after its `#` (where goto only
    scrolls): a share link pasted into the address bar."""
    page.goto("about:blank")
    page.goto(url)


def open_share_link(page, link: str):
    """Open a share link and wait until the shared view is shown (a packed link unpacks after the page loads)."""
    page.goto(link)
    page.locator('[data-notice="shared"]').wait_for()


def share_code(answers: dict) -> str:
    raw = json.dumps({"version": 1, "items": answers}).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def tab_to(page, control):
    """Press Tab until `control` has the focus, which must be visible. (The element is found once: finding it
    again after every key would cost ten times the check.)"""
    element = control.element_handle()
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("element => element === document.activeElement", element):
            break
    else:
        pytest.fail("Tab never reached the control")
    assert element.evaluate("element => getComputedStyle(element).outlineStyle") != "none", "focus is not visible"


def with_axe(page):
    """axe-core added to the open page, under the page's own Content Security Policy (which refuses a script
    tag): DevTools evaluates it, as it does the tests' other scripts."""
    page.evaluate(AXE.read_text(encoding="utf-8"))


def axe_violations(page) -> list:
    with_axe(page)
    result = page.evaluate("""include => axe.run(
        {include: include.filter(s => document.querySelector(s)).map(s => [s])}, {resultTypes: ["violations"]})""",
                           OWN_COMPONENTS)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def axe_violations_on(page, selectors) -> list:
    """Serious or critical axe findings inside the parts of the page that `selectors` name."""
    with_axe(page)
    result = page.evaluate("""include => axe.run({include: include.filter(s => document.querySelector(s)).map(s => [s])},
                                                  {resultTypes: ["violations"]})""", selectors)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


def settled(page):
    """Waits until the page is still: every image loaded or failed (so an injected onerror has run) and no
    animation or transition running (axe and layout-shift readings are taken on the final look)."""
    page.wait_for_function("""() => [...document.images].every(image => image.complete)
        && document.getAnimations().every(animation => animation.playState !== "running")""")


def radio(page, dimension: str, value: str):
    return page.locator(f'.hb-place__radio[data-dimension="{dimension}"][value="{value}"]').first


# --- a fresh copy of the repository, as the hosting guide's reader has it --------------------------

GUIDE_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
GUIDE_ENV.pop("SITE_URL", None)
GUIDE_ENV.pop("DEPLOY_PRIME_URL", None)


def fresh_copy(target: Path) -> Path:
    """The repository's files as a clone has them; the installed tools linked, never reinstalled."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    for name in listed:
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    for tool in (".venv", "node_modules"):
        (target / tool).symlink_to((ROOT / tool).resolve())
    for pinned in ("requirements.txt", "requirements-dev.txt", "package.json", "pyproject.toml"):
        os.utime(target / pinned, (0, 0))  # older than .venv's stamp: `make` sees the tools installed
    return target


def run(command: str, folder: Path) -> subprocess.CompletedProcess:
    """A shell command of a guide, run in `folder` as a reader would, without the test run's site address.
    The linked .venv has the repository's own handbook/ installed (editable): the copy's comes first."""
    env = {**GUIDE_ENV, "PYTHONPATH": str(folder)}
    return subprocess.run(["bash", "-c", command], cwd=folder, env=env, capture_output=True, text=True, timeout=900)
