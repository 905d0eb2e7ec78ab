"""The example sites, built once for the whole run however many workers use them.

pytest-xdist gives each worker its own session fixtures, so a site built in a fixture would be built by each
worker. Instead, the process that starts the run makes one folder and one server per site before any worker
starts (serve_sites), and hands both to the workers. The first worker to ask for a site builds it into that
folder, for the address it is served at, while holding the site's lock; another worker asking meanwhile waits,
and then reads the same build. The servers live in the starting process because a worker ends as soon as no
module is left for it, while the other may still be loading pages from them."""
from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

import pytest

from support import NetlifyHandler, QuietHandler, serve

# The sites that are served, and how: the base as Netlify serves it (its headers, its 404 page), the others plainly.
SERVED = {"base": NetlifyHandler, "acme": QuietHandler, "northwind": QuietHandler, "large": QuietHandler}
RUN_SITES = pytest.StashKey[dict]()


def serve_sites(config) -> None:
    """In the process that starts the run: a folder for the sites and a server for each, both gone at its end."""
    folder = Path(tempfile.mkdtemp(prefix="handbook-sites-"))
    servers = {name: serve(folder / name, 0, handler) for name, handler in SERVED.items()}
    config.stash[RUN_SITES] = {"folder": str(folder),
                               "ports": {name: server.server_address[1] for name, server in servers.items()}}

    def stop():
        for server in servers.values():
            server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    config.add_cleanup(stop)


def run_sites(config) -> dict:
    """The folder and the ports of serve_sites, in a worker (handed over by pytest_configure_node) as in the
    process that made them."""
    return config.workerinput["handbook_sites"] if hasattr(config, "workerinput") else config.stash[RUN_SITES]


def built_once(config, name: str, build: Callable[[Path], subprocess.CompletedProcess]
               ) -> tuple[Path, subprocess.CompletedProcess]:
    """The site `name`, built by `build(folder)` the first time any worker asks; its folder and the build's result."""
    folder = Path(run_sites(config)["folder"])
    site, record = folder / name, folder / f"{name}.json"
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not record.exists():
            result = build(site)
            record.write_text(json.dumps([result.args, result.returncode, result.stdout, result.stderr]),
                              encoding="utf-8")
    result = subprocess.CompletedProcess(*json.loads(record.read_text(encoding="utf-8")))
    assert result.returncode == 0, result.stderr
    return site, result
