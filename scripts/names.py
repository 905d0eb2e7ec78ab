"""The one rule for a company's folder name, which `make company` and `make import` both take as NAME.

A name becomes a folder and a path in messages and in `CONFIG=NAME/mkdocs.yml`, so it is kept to
lowercase letters, digits and hyphens, at most one folder deep (`companies/mycompany`): nothing that a
shell, a URL or another operating system would read differently.
"""
from __future__ import annotations

import re

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?$")
NAME_RULE = ("lowercase letters, digits and hyphens; at most one folder above it, as in companies/mycompany")


def company_name_problem(name: str) -> str | None:
    """None when `name` is a valid company folder name, else what is wrong with it."""
    if not _NAME.match(name or ""):
        return f"'{name}' is not a company name ({NAME_RULE})"
    return None
