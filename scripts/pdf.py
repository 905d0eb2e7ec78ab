"""Print the combined page of a site built with PRINT_PAGE=true (print_page/, from print-site) to a PDF.

    python scripts/pdf.py SITE OUTPUT     # `make pdf`: .build/print -> site/handbook.pdf

Headless Chromium prints the page as a reader would (print.css, the site's own scripts), with
bookmarks from the headings and a tagged PDF; print.css puts the running header and the page
numbers in the margins. Chromium cannot number a table of contents, so the page is printed twice:
the first print shows on which page each contents entry landed (the PDF's named destinations),
those numbers are written into the contents, and the next print is kept once no number moves.
The first print also shows whether the contents' last page holds only a few entries (a spill page):
then the space between entries shrinks just enough for them to fit on one page fewer, and every
number moves back a page, which the next print checks.
"""
from __future__ import annotations

import functools
import http.server
import io
import shutil
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

PRINT_PAGE = "print_page/"
# Debian's headless shell (`make browser`): Chromium without its window layer, the build Playwright itself
# uses for headless work. It prints the same PDF, and the browser tests, which open hundreds of pages, cost
# much less CPU in it (BENCHMARKS.md). Else full Chromium, else Playwright's own (`playwright install chromium`,
# on Netlify).
CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium")
# Without the networking flags Chromium reaches for the internet on start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
MAX_PRINTS = 4
# The contents' last page is a spill when it holds at most this share of the entries of the page before.
SPILL = 1 / 4
# Shrink the spacing a little more than the arithmetic asks: entries grouped under a section keep together.
SPILL_MARGIN = 0.97

READY = """() => {
  document.querySelectorAll("details").forEach(details => details.open = true);
  const title = document.querySelector(".hb-cover__title").textContent.trim();
  document.title = title;
  document.documentElement.style.setProperty("--hb-running-title", JSON.stringify(title));
  return [...document.querySelectorAll("#print-page-toc a[href*='#']")].map(a => a.hash.slice(1));
}"""
NUMBER_CONTENTS = """pages => {
  for (const a of document.querySelectorAll("#print-page-toc a[href*='#']")) {
    a.dataset.page = pages[a.hash.slice(1)] ?? "";
  }
}"""
# The contents' entries take `share` of their height: their text stays, the padding between them shrinks.
SQUEEZE_CONTENTS = """share => {
  const rows = [...document.querySelectorAll("#print-page-toc a")].filter(row => row.offsetHeight);
  const padding = row => parseFloat(getComputedStyle(row).paddingTop) + parseFloat(getComputedStyle(row).paddingBottom);
  const height = rows.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0);
  const text = rows.reduce((sum, row) => sum + row.getBoundingClientRect().height - padding(row), 0);
  const each = Math.max(0, (height * share - text) / rows.length / 2);
  document.documentElement.style.setProperty("--hb-contents-padding", `${each}px`);
}"""


def main(site: Path, output: Path) -> None:
    started = time.perf_counter()
    pdf, prints = print_handbook(site)
    output.write_bytes(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"wrote {output}: {pages} pages, {len(pdf) / 1e6:.1f} MB, "
          f"printed {prints} times in {time.perf_counter() - started:.1f} s")


def print_handbook(site: Path) -> tuple[bytes, int]:
    """The PDF, and how many prints it took for the contents' page numbers to settle."""
    with serve(site) as base, sync_playwright() as playwright:
        page = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS).new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        page.emulate_media(media="print")
        page.goto(base + PRINT_PAGE, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        # print-site writes the contents from a script; on a busy machine it may not have run yet.
        page.wait_for_selector("#print-page-toc a[href*='#']", state="attached")
        contents = page.evaluate(READY)
        numbers: dict[str, int] = {}
        for prints in range(1, MAX_PRINTS + 1):
            pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
            landed = {target: number for target, number in destination_pages(pdf).items() if target in contents}
            if landed == numbers:
                return pdf, prints
            numbers = landed
            share = contents_spill(pdf, contents, min(landed.values())) if prints == 1 else None
            if share:
                page.evaluate(SQUEEZE_CONTENTS, share)
                numbers = {target: number - 1 for target, number in landed.items()}  # one page of contents fewer
            page.evaluate(NUMBER_CONTENTS, numbers)
    raise SystemExit(f"the contents' page numbers still moved after {MAX_PRINTS} prints")


def contents_spill(pdf: bytes, contents: list[str], first_chapter: int) -> float | None:
    """When the contents' last page is a spill, the share of their height in which they fit on one page
    fewer; else None. The contents run from the second page to the page before the first chapter."""
    reader = PdfReader(io.BytesIO(pdf))
    targets = set(contents)
    entries = [sum(1 for link in page.get("/Annots", []) if link_target(link) in targets)
               for page in reader.pages[1:first_chapter - 1]]
    if len(entries) < 2 or entries[-1] > entries[-2] * SPILL:
        return None
    return (sum(entries) - entries[-1]) / sum(entries) * SPILL_MARGIN


def link_target(annotation) -> str:
    """The named destination a link of the PDF leads to, named as in `destination_pages`."""
    return str(annotation.get_object().get("/Dest", "")).lstrip("/")


def destination_pages(pdf: bytes) -> dict[str, int]:
    """The page (from 1) of each named destination: Chromium names them after the ids that links point at."""
    reader = PdfReader(io.BytesIO(pdf))
    return {name.lstrip("/"): reader.get_destination_page_number(destination) + 1
            for name, destination in reader.named_destinations.items()}


@contextmanager
def serve(site: Path):
    """The site on a local port, so the page loads its CSS and scripts as on the web."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    if len(sys.argv) != 3 or not (Path(sys.argv[1]) / PRINT_PAGE).is_dir():
        raise SystemExit(f"usage: python scripts/pdf.py SITE OUTPUT  (SITE: a built site, with {PRINT_PAGE})")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
