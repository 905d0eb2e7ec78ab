"""Hostile make variables and failing company code: no value runs a command, every refusal is one clear
line, and a build that does not finish leaves site/ as it was (issue 21)."""
from __future__ import annotations

import shlex

import pytest
import yaml

from support import fresh_copy, run

INJECTIONS = [";touch pwned", "`touch pwned`", "$$(touch pwned)", "$(touch pwned)", "|touch pwned", ">pwned",
              "'; touch pwned; '", "$(shell touch pwned)", "x\ntouch pwned"]


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return fresh_copy(tmp_path_factory.mktemp("make"))


def refused(result) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Fix:" in output and "Traceback" not in output
    return output


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("command", ["make company NAME=", "make check CONFIG=", "make build SINCE=",
                                     "make check SINCE="])
def test_no_make_variable_runs_a_command(copy, command, value):
    before = sorted(p.name for p in copy.iterdir())
    output = refused(run(command + shlex.quote(value), copy))
    assert command.split()[-1] in output  # the message names the variable
    assert not (copy / "pwned").exists() and sorted(p.name for p in copy.iterdir()) == before


@pytest.mark.parametrize("name", ["site", "docs", "data", "macros", "templates", "tests", "node_modules",
                                  "site/acme", ".build", ".venv"])
def test_a_company_folder_cannot_take_a_folder_of_the_handbook(copy, name):
    before = sorted(p.name for p in (copy / name.split("/")[0]).iterdir()) if (copy / name.split("/")[0]).is_dir() else None
    output = refused(run(f"make company NAME={name}", copy))
    assert f"NAME='{name}'" in output
    after = sorted(p.name for p in (copy / name.split("/")[0]).iterdir()) if (copy / name.split("/")[0]).is_dir() else None
    assert after == before


def test_a_company_named_yes_is_named_yes_in_the_navigation(copy):
    assert run("make company NAME=yes", copy).returncode == 0

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((copy / "yes" / "mkdocs.yml").read_text(encoding="utf-8"), Loader)
    assert config["extra"]["handbook"]["nav"] == [{"Yes": ["yes/about.md"]}]
    assert config["site_name"] == "Yes Engineering Handbook"
    assert yaml.safe_load((copy / "yes" / "data" / "site.yml").read_text(encoding="utf-8"))["title"] == \
        "Yes Engineering Handbook"


def test_messages_show_control_characters_instead_of_acting_on_them(copy):
    output = refused(run("make company NAME=$'\\x1b[2J\\x1b[Hdata is valid'", copy))
    assert "\\x1b[2J" in output and "\x1b" not in output
    data = copy / "data" / "stories.yml"
    original = data.read_text(encoding="utf-8")
    try:
        data.write_text(original.replace("    lesson:", '    "les\\x1b[2Json":', 1), encoding="utf-8")
        output = refused(run("make check", copy))
        assert "this text holds the control character \\x1b" in output and "\x1b" not in output
    finally:
        data.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("first_line, shown", [
    ("import sys; sys.exit(0)", "the build was stopped by sys.exit(0)"),
    ("import a_module_nobody_installed", "the company's module does not import (ModuleNotFoundError"),
    ("raise ValueError('no review months')", "ValueError: no review months"),
])
def test_a_company_module_that_stops_the_build_leaves_site_as_it_was(copy, first_line, shown):
    main = copy / "examples" / "acme" / "main.py"
    original = main.read_text(encoding="utf-8")
    site = copy / "site"
    site.mkdir(exist_ok=True)
    (site / "kept.html").write_text("the previous build", encoding="utf-8")
    try:
        main.write_text(f"{first_line}\n{original}", encoding="utf-8")
        output = refused(run("make build CONFIG=examples/acme/mkdocs.yml", copy))
    finally:
        main.write_text(original, encoding="utf-8")
    assert f"examples/acme/main.py:1: {shown}" in output
    assert len(output.strip().splitlines()) < 6  # one line to fix, not a 40-line traceback
    assert sorted(p.name for p in site.iterdir()) == ["kept.html"]
