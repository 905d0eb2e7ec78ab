"""Small helpers every layer shares, kept once: the repository's folder, a path as messages show it,
a page's address."""
from __future__ import annotations

import functools
import os
from pathlib import Path

# The folder that holds data/, templates/, overrides/ and docs/ (the base handbook).
ROOT = Path(__file__).resolve().parent.parent


def shown(file: Path | str) -> str:
    """A file as messages name it: relative to the folder where `make` runs when it is inside it,
    and with no `..` detours either way. A company's configuration reaches the base through
    `../../data`; a message naming `/home/me/handbook/mycompany/../../data/senior.yml` would hide
    the file that `data/senior.yml` names plainly."""
    absolute = Path(os.path.abspath(file))
    for candidate in (absolute, absolute.resolve()):
        try:
            return str(candidate.relative_to(Path.cwd()))
        except (ValueError, OSError):
            continue
    return str(absolute)


@functools.cache
def page_url(page: str, directory_urls: bool = True) -> str:
    """levels/senior.md -> levels/senior/ (or levels/senior.html), relative to the site's root, as MkDocs makes it."""
    from mkdocs.structure.files import File  # MkDocs only when a URL is asked for: `make check` needs none

    return File(page, "", "", use_directory_urls=directory_urls).url
