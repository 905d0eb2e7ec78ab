"""The handbook as one download that works without a server: `make offline`.

Builds with OFFLINE=true (Material's offline plugin: links to .html files, the search index inlined
as a script) and zips the result into a single folder named after the zip, so that unpacking it
gives one folder whose index.html opens from file://, search and self-assessment included.

Usage: python scripts/offline_zip.py site/handbook-offline.zip [--config company/mkdocs.yml]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from handbook.paths import ROOT



def build_offline(site_dir: Path, config: Path) -> None:
    environment = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "true"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config),
                    "-d", str(site_dir)], cwd=ROOT, env=environment, check=True)


def zip_site(site_dir: Path, target: Path) -> Path:
    """The files of site_dir under one folder named like the zip (handbook-offline/index.html).

    Source maps are left out: only a developer's tools read them, and they are a third of the size.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix != ".map"):
            archive.write(path, f"{target.stem}/{path.relative_to(site_dir).as_posix()}")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Zip an offline build of the handbook.")
    parser.add_argument("target", type=Path, help="the zip to write, e.g. site/handbook-offline.zip")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = Path(scratch) / "site"
        build_offline(site_dir, arguments.config.resolve())
        written = zip_site(site_dir, arguments.target)
    print(f"wrote {written} ({written.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
