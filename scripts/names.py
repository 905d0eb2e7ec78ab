"""The one rule for a company's folder name, which `make company` and `make import` both take as NAME.

A name becomes a folder and a path in messages and in `CONFIG=NAME/mkdocs.yml`, so it is kept to
lowercase letters, digits and hyphens, at most one folder deep (`companies/mycompany`): nothing that a
shell, a URL or another operating system would read differently. A folder that the build or the tools
own (site/ is deleted by every build) is refused too. Standard library only: it runs before `make setup`.
"""
from __future__ import annotations

import re

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}(/[a-z0-9][a-z0-9-]{0,63})?$")
NAME_RULE = "lowercase letters, digits and hyphens; at most one folder above it, as in companies/mycompany"
# Folders of the repository that the build, the tests or the tools own.
RESERVED_NAMES = ("site", "docs", "data", "macros", "templates", "overrides", "scripts", "tests", "schema",
                  "examples", "node_modules")


def company_name_problem(name: str) -> str | None:
    """None when `name` is a valid company folder name, else what is wrong with it."""
    if not _NAME.match(name or ""):
        return f"'{name}' is not a company name ({NAME_RULE})"
    first = name.split("/")[0]
    if first in RESERVED_NAMES:
        return f"'{name}': the folder {first}/ belongs to the handbook's build and tools; choose another name"
    return None
