"""Small helpers every layer shares, kept once: the repository's folder and a page's address
(a path as messages show it is `handbook.errors.shown`)."""
from __future__ import annotations

import functools
from pathlib import Path

# The folder that holds data/, templates/, overrides/ and docs/ (the base handbook).
ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def page_url(page: str, directory_urls: bool = True) -> str:
    """levels/senior.md -> levels/senior/ (or levels/senior.html), relative to the site's root, as MkDocs makes it."""
    from mkdocs.structure.files import File  # MkDocs only when a URL is asked for: `make check` needs none

    return File(page, "", "", use_directory_urls=directory_urls).url
