"""`make audit`: Lighthouse scores and screenshots of the pages a reader sees most, on the built site.

    python scripts/audit.py CONFIG OUTPUT     # `make audit`: mkdocs.yml -> .build/audit/

Builds the site of CONFIG with the address it is served at as site_url (so canonical links and
instant navigation point at it), serves it on a local port, compressed as a host serves it, and runs Lighthouse (npm `lighthouse`, pinned in package.json) with the
desktop and the mobile preset on the home page, a level page, a transition page and the
self-assessment page, then prints the four category scores and the layout shift per page and preset.
It also writes screenshots of those pages at 1280 and 390 px wide, in the light and the dark scheme,
into OUTPUT, with each Lighthouse report (JSON). It prints figures and checks nothing: Lighthouse's
scores move a few points from run to run on a busy machine. tests/test_reading.py holds the layout
shift and the page width in `make test`.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from handbook.paths import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one set of launch flags for the PDF, the tests and this)

LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE", ROOT / "node_modules" / ".bin" / "lighthouse"))
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PRESETS = {"desktop": ["--preset=desktop"], "mobile": ["--form-factor=mobile"]}
WIDTHS = {1280: 900, 390: 844}  # width: height of the screenshot's window
SCHEMES = ["light", "dark"]


def audited_pages(loaded) -> list[tuple[str, str]]:
    """(name, page file) of the audited pages: home, the middle level, the step into it, the self-assessment."""
    levels = loaded.levels
    level = levels[len(levels) // 2]
    arriving = loaded.transitions_to(level) or loaded.handbook.transitions.transitions
    return [("home", "index.md"), ("level", loaded.entry_of(level).page),
            ("transition", loaded.entry_of(arriving[0]).page), ("self-assessment", "self-assessment.md")]


def page_path(page_src: str) -> str:
    """levels/senior.md -> levels/senior/ (directory URLs)."""
    stem = page_src[:-3]
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def lighthouse(url: str, preset: str, report: Path) -> dict:
    command = [str(LIGHTHOUSE), url, *PRESETS[preset], "--output=json", f"--output-path={report}", "--quiet",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)]
    # Lighthouse scores the full Chromium, the browser readers have, not the tests' headless shell.
    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chrome}, timeout=300)
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["layout shift"] = result["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores


def screenshots(base: str, pages: list[tuple[str, str]], output: Path) -> list[Path]:
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                for name, page_src in pages:
                    page.goto(base + page_path(page_src), wait_until="networkidle")
                    path = output / f"{name}-{width}-{scheme}.png"
                    page.screenshot(path=str(path), full_page=False)
                    written.append(path)
                context.close()
        browser.close()
    return written


def build(config: Path, site: Path, base: str) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)]
    subprocess.run(command, check=True, env={**os.environ, "SITE_URL": base, "DEPLOY_PRIME_URL": base})


def main(config: Path, output: Path) -> None:
    from mkdocs.config import load_config

    from handbook.load import load_for_config  # the data the site is built from names the pages

    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing. Fix: run `make setup` (npm ci installs lighthouse from package.json)")
    output.mkdir(parents=True, exist_ok=True)
    pages = audited_pages(load_for_config(load_config(str(config))).handbook)
    rows = []
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    build(config, output / "site", base)
    with serve(output / "site", port):
        for name, page_src in pages:
            for preset in PRESETS:
                scores = lighthouse(base + page_path(page_src), preset, output / f"{name}-{preset}.json")
                rows.append((name, preset, scores))
                print(f"{name:16} {preset:8} " + "  ".join(f"{k} {v:.3f}" if k == "layout shift" else f"{k} {v}"
                                                        for k, v in scores.items()), flush=True)
        shots = screenshots(base, pages, output)
    print(f"\nwrote {len(shots)} screenshots and {len(rows)} Lighthouse reports to {output}")
    low = [(name, preset, k, v) for name, preset, scores in rows for k, v in scores.items()
           if k != "layout shift" and v < (90 if (k, preset) == ("performance", "mobile") else 95)]
    for name, preset, k, v in low:
        print(f"below target: {name} {preset} {k} {v}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(site: Path, port: int):
    """The site on `port`, gzip-compressed as Netlify (or any host) sends it: Lighthouse's simulated
    slow network counts the bytes sent, so an uncompressed local server would understate every page."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
