"""Shared fixtures: the real data, built sites, a local server and headless Chromium."""
from __future__ import annotations

import functools
import http.server
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
sys.path.insert(0, str(ROOT))

from handbook.data.loader import load_handbook  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from pdf import CHROMIUM_ARGS  # noqa: E402  (one set of launch flags for the PDF and the tests)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def loaded():
    return load_handbook(ROOT / "data")


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


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


@pytest.fixture(scope="session")
def site_port():
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port):
    """The site, built once with the test server's address as site_url (instant navigation needs it)."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site, SITE_URL=f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, result.stderr
    return site, result


@pytest.fixture(scope="session")
def site_url(built_site, site_port):
    """The built site served as Netlify serves it, so every browser test runs under its headers."""
    server = serve(built_site[0], site_port, NetlifyHandler)
    yield f"http://127.0.0.1:{site_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def northwind_site(tmp_path_factory):
    """examples/northwind (two job families, a branching track, a proficiency scale), built strict without a
    warning and served: (site folder, its address)."""
    site = tmp_path_factory.mktemp("northwind")
    port = free_port()
    result = mkdocs_build(site, config=ROOT / "examples" / "northwind" / "mkdocs.yml",
                          SITE_URL=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    server = serve(site, port)
    yield site, f"http://127.0.0.1:{port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(site, OFFLINE="true")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make browser` (Debian package chromium)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """A browser page that records console errors and every request that leaves the site."""

    def __init__(self, page, allowed_prefix: str):
        self.page, self.errors, self.outside = page, [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith((allowed_prefix, "data:", "blob:", "about:"))
                else self.outside.append(r.url))


@pytest.fixture
def watched_page(browser, request):
    def open_page(allowed_prefix: str, **context_options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
        request.addfinalizer(context.close)
        return PageWatch(context.new_page(), allowed_prefix)
    return open_page
