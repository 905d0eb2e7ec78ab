"""The link to the handbook's source in every page's header, when the configuration names none.

Netlify tells each build where its source is (`REPOSITORY_URL`); any other build may say it with
`REPO_URL`. Netlify's address can carry an access token (`https://x-access-token:...@github.com/o/r`),
so only the host and the path are kept, never a user, password, port, query or fragment; an SSH
address (`git@github.com:o/r.git`) becomes its https form. Anything else is left out: a header
without a link is better than a wrong one. A `repo_url` in mkdocs.yml always wins.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

ENVIRONMENT = ("REPO_URL", "REPOSITORY_URL")
_SSH = re.compile(r"^[\w.-]+@(?P<host>[\w.-]+):(?P<path>[\w./-]+)$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+$")
_PATH = re.compile(r"^(/[\w.-]+)+$")


def public_address(address: str) -> str | None:
    """`address` as a public https link to the repository, or None when it is not one."""
    address = address.strip()
    ssh = _SSH.match(address)
    if ssh:
        host, path = ssh["host"], "/" + ssh["path"]
    else:
        parts = urlsplit(address)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
        host, path = parts.hostname, parts.path
    path = path.rstrip("/").removesuffix(".git")
    if not _HOST.match(host) or not _PATH.match(path) or "/.." in path:
        return None
    return f"https://{host}{path}"


def link_source(config, environ) -> None:
    """Set `repo_url` and `repo_name` from the environment when mkdocs.yml sets no `repo_url`."""
    if config["repo_url"]:
        return
    for name in ENVIRONMENT:
        address = public_address(environ.get(name, ""))
        if address:
            config["repo_url"] = address
            config["repo_name"] = config["repo_name"] or urlsplit(address).path.strip("/")
            return
