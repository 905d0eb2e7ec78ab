"""The Makefile's variables are data, never shell: check NAME, CONFIG and SINCE before any target runs.

The Makefile passes each value as written (make expands nothing in it) and in single quotes, so no value
can run a command; this script turns a value that could not be meant (`NAME=';touch x'`, a folder the
build owns) into one clear line. It prints nothing when every value is fine, else the first problem,
on standard output, for the Makefile's `$(error ...)`.

It runs with the system's Python before `make setup`, so it imports nothing from the handbook's
packages; the one helper that shows invisible characters is read from macros/errors.py directly.

Usage: python scripts/make_vars.py NAME=value CONFIG=value SINCE=value
"""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("handbook_errors", ROOT / "macros" / "errors.py")
errors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(errors)
visible = errors.visible

from names import NAME_RULE, RESERVED_NAMES, company_name_problem  # noqa: E402  (the one rule for NAME)

# A configuration file: any folder name (letters of any language, spaces), no option (`-x`), a YAML file.
CONFIG_PATTERN = re.compile(r"^(?!-)[\w .,+@/-]+\.ya?ml$")
# An edition to compare with: a git tag, branch or commit (v1.0, HEAD~3, main@{1}) or a folder.
SINCE_PATTERN = re.compile(r"^(?!-)[\w .,+@/~^{}:-]+$")


def name_problem(name: str) -> str | None:
    """Why NAME cannot be a company's folder, or None (the rule is scripts/names.py's, shared with make import)."""
    problem = company_name_problem(name)
    if problem is None:
        return None
    first = name.split("/")[0]
    if first in RESERVED_NAMES:
        return (f"NAME='{name}': the folder {first}/ belongs to the handbook's build and tools "
                f"({', '.join(RESERVED_NAMES)}). Fix: choose another name, such as NAME={first}-handbook")
    return (f"NAME='{visible(name)}' is not a folder name the handbook takes. Fix: use {NAME_RULE}")


def config_problem(config: str) -> str | None:
    if not CONFIG_PATTERN.match(config):
        return (f"CONFIG='{visible(config)}' is not the path of a configuration file. Fix: give the path of a "
                "mkdocs.yml, such as CONFIG=acme/mkdocs.yml (letters, digits, spaces, '.', '-', '_', '/')")
    if not (ROOT / config).is_file():
        return f"CONFIG={config}: there is no such file. Fix: give the path of a mkdocs.yml, such as CONFIG=acme/mkdocs.yml"
    return None


def since_problem(since: str) -> str | None:
    if since and not SINCE_PATTERN.match(since):
        return (f"SINCE='{visible(since)}' is neither a git revision nor a folder name. Fix: give a tag, branch "
                "or commit (SINCE=v1.0, SINCE=HEAD~3) or the folder of an earlier edition's data")
    return None


def main(argv: list[str]) -> int:
    values = dict(arg.split("=", 1) for arg in argv if "=" in arg)
    checks = [(name_problem, values.get("NAME", "")), (config_problem, values.get("CONFIG", "mkdocs.yml")),
              (since_problem, values.get("SINCE", ""))]
    for check, value in checks:
        problem = check(value) if value or check is since_problem else None
        if problem:
            print(problem)  # make adds ". Stop."
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
