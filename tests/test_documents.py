"""The README stays a short page for users that starts with the two commands and names every dependency."""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MOST_LINES = 150


def pinned_dependencies() -> dict[str, str]:
    """Every pinned package -> the file that pins it."""
    pinned = {}
    for requirements in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / requirements).read_text(encoding="utf-8").splitlines():
            name = re.match(r"([A-Za-z0-9._-]+)\s*[=<>~!]=", line)
            if name:
                pinned[name[1]] = requirements
    for name in json.loads((ROOT / "package.json").read_text(encoding="utf-8")).get("devDependencies", {}):
        pinned[name] = "package.json"
    return pinned


def dependency_table(text: str) -> str:
    section = text.split("## Dependencies and why", 1)[1] if "## Dependencies and why" in text else ""
    return "\n".join(line.split("|")[1].lower() for line in section.split("\n## ")[0].splitlines()
                     if line.startswith("|") and line.count("|") > 2)


def test_readme_is_short_and_starts_with_serve_and_test():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MOST_LINES, (f"README.md: {len(text.splitlines())} lines, more than {MOST_LINES}. "
                                                  "Fix: move what is not for users to CONTRIBUTING.md or ARCHITECTURE.md")
    first_block = text.split("```", 2)[1]
    commands = re.findall(r"^make (\w+)", first_block, flags=re.M)
    assert commands[:2] == ["serve", "test"], "README.md: its first commands must be `make serve` and `make test`"


def test_readme_says_why_each_pinned_dependency_is_there():
    table = dependency_table(README.read_text(encoding="utf-8"))
    missing = [f"{source} pins {name}, which README.md's dependency table does not name. "
               "Fix: add a row saying why it is there"
               for name, source in sorted(pinned_dependencies().items())
               if not re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", table)]
    assert not missing, "\n".join(missing)
