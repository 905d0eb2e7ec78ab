"""The `data-*` contract between the templates and the scripts, checked without a browser.

The scripts hold no copy of the data: they find what they work on by the `data-*` attributes the
templates render. A script that queries an attribute no template renders finds nothing, and says
nothing: the feature just stops working on the page. So every attribute a script names must be
rendered by a template (ours, or Material's) or set by a script, and be written down in the
contract table of ARCHITECTURE.md, which is what a maintainer reads before renaming one.

The scripts are read as text (comments taken out with rjsmin, as the site serves them): attribute
names in strings and selectors (`[data-plan-field]`, `getAttribute("data-hash")`), `el.dataset.planField`,
and a variable that holds an element's `dataset` (`var data = node.dataset; data.step`). A name built
at run time (`"[data-" + name + "-list]"`) counts as a pattern, `data-*-list`, which the contract lists
as such and some template must match.
"""
import re
from pathlib import Path

import material
import rjsmin

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "docs" / "assets" / "javascripts"
TEMPLATE_FOLDERS = [ROOT / "templates", ROOT / "overrides", Path(material.__file__).parent / "templates"]
CONTRACT = ROOT / "ARCHITECTURE.md"
CONTRACT_HEADING = "## The `data-*` contract"

NAME = r"(?<![\w-])(data-[a-z][a-z0-9-]*)"
DATASET_PROPERTY = r"\.dataset\.([A-Za-z_$][\w$]*)"
DATASET_ALIAS = r"\b([A-Za-z_$][\w$]*)\s*=\s*[\w$.]+\.dataset\b(?!\s*[.\[])"
SET_BY_DATASET = r"\.dataset\.([A-Za-z_$][\w$]*)\s*=(?!=)"
SET_BY_ATTRIBUTE = r"(?:setAttribute|toggleAttribute)\(\s*[\"'](data-[a-z0-9-]+)"
BUILT_NAME = r"data-[\"']\s*\+\s*(?:[\w$.]+\s*\+\s*[\"']([a-z0-9-]*))?"


def attribute(property_name: str) -> str:
    """`planField` -> `data-plan-field`, as the DOM maps `dataset` properties to attributes."""
    return "data-" + re.sub(r"[A-Z]", lambda upper: "-" + upper.group().lower(), property_name)


def _block_after(code: str, start: int) -> str:
    """The code from `start` to the end of the block (`{...}`) that holds it: where a `var` set there is read."""
    depth = 0
    for position in range(start, len(code)):
        depth += {"{": 1, "}": -1}.get(code[position], 0)
        if depth < 0:
            return code[start:position]
    return code[start:]


def names_in_script(source: str) -> dict[str, set[str]]:
    """What one script's code names: `reads` (every attribute named), `sets`, `patterns` (built names), `computed`."""
    code = rjsmin.jsmin(source)
    reads = set(re.findall(NAME, code)) | {attribute(name) for name in re.findall(DATASET_PROPERTY, code)}
    for alias in re.finditer(DATASET_ALIAS, code):
        block = _block_after(code, alias.end())
        reads |= {attribute(name) for name in re.findall(rf"(?<![\w$.]){re.escape(alias.group(1))}\.([A-Za-z_$][\w$]*)", block)}
    sets = {attribute(name) for name in re.findall(SET_BY_DATASET, code)} | set(re.findall(SET_BY_ATTRIBUTE, code))
    patterns = {"data-*" + suffix for suffix in re.findall(BUILT_NAME, code)}
    reads -= {"data-"}  # the start of a built name, counted in `patterns`
    computed = set(re.findall(r"\.dataset\[[^\]]*\]", code))
    return {"reads": reads, "sets": sets, "patterns": patterns, "computed": computed}


def script_names() -> dict[str, dict[str, set[str]]]:
    return {script.relative_to(ROOT).as_posix(): names_in_script(script.read_text(encoding="utf-8"))
            for script in sorted(SCRIPTS.rglob("*.js"))}


def rendered_by_templates() -> dict[str, set[str]]:
    """Every data-* attribute a template writes -> the templates that write it."""
    rendered: dict[str, set[str]] = {}
    for folder in TEMPLATE_FOLDERS:
        for template in sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix in {".j2", ".html", ".md", ".yml"}):
            text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8", errors="replace"), flags=re.S)
            for name in set(re.findall(NAME, text)):  # Jinja comments taken out: they render nothing
                rendered.setdefault(name, set()).add(template.as_posix())
    return rendered


def contract_names(text: str) -> set[str]:
    """The attributes (and `data-*-suffix` patterns) in the first column of the contract's tables."""
    section = text.split(CONTRACT_HEADING, 1)[1] if CONTRACT_HEADING in text else ""
    section = re.split(r"\n## ", section, maxsplit=1)[0]
    names = set()
    for line in section.splitlines():
        cells = line.split("|")
        if line.startswith("|") and len(cells) > 2:
            names |= set(re.findall(r"`(data-[a-z0-9*-]+)`", cells[1]))
    return names


def _matches(pattern: str, name: str) -> bool:
    return re.fullmatch(re.escape(pattern).replace(r"\*", "[a-z0-9-]+"), name) is not None


def test_every_data_attribute_a_script_reads_is_rendered_by_a_template_or_set_by_a_script():
    scripts, rendered = script_names(), rendered_by_templates()
    set_by_scripts = set().union(*(found["sets"] for found in scripts.values()))
    problems = []
    for script, found in scripts.items():
        for name in sorted(found["reads"] - set(rendered) - set_by_scripts):
            problems.append(f"{script}: reads {name}, which no template renders and no script sets. "
                            "Fix: render it in a template (templates/, overrides/) or correct the name in the script")
        for pattern in sorted(found["patterns"]):
            if not any(_matches(pattern, name) for name in rendered):
                problems.append(f"{script}: builds attribute names like {pattern}, and no template renders one. "
                                "Fix: render it in a template, or correct the name in the script")
        for expression in sorted(found["computed"]):
            problems.append(f"{script}: reads {expression}, a name this contract cannot check. "
                            "Fix: name the attribute literally (el.dataset.fooBar or [data-foo-bar])")
    assert not problems, "\n".join(problems)


def test_the_contract_lists_every_data_attribute_the_scripts_read():
    listed = contract_names(CONTRACT.read_text(encoding="utf-8"))
    assert listed, f"{CONTRACT.name}: no table under '{CONTRACT_HEADING}'. Fix: keep the contract's heading and tables"
    problems = [f"{script}: reads {name}, which {CONTRACT.name}'s data-* contract does not list. "
                "Fix: add a row for it (which template renders it, what it means), or render it in a "
                "template and add it to the contract"
                for script, found in script_names().items() for name in sorted(found["reads"] | found["patterns"])
                if name not in listed]
    assert not problems, "\n".join(problems)


def test_the_contract_lists_no_attribute_that_no_script_reads_any_more():
    scripts = script_names()
    read = set().union(*(found["reads"] | found["patterns"] for found in scripts.values()))
    patterns = {name for name in read if "*" in name}
    stale = [name for name in sorted(contract_names(CONTRACT.read_text(encoding="utf-8")))
             if name not in read and not any(_matches(pattern, name) for pattern in patterns)]
    assert not stale, "\n".join(f"{CONTRACT.name}: the data-* contract lists {name}, which no script reads. "
                                "Fix: remove its row, or correct the name" for name in stale)


def test_reader_finds_attributes_in_selectors_dataset_aliases_and_built_names():
    source = """/* a comment naming data-ignored */
    var row = root.querySelector('[data-plan-field="step"]'), hash = row.getAttribute("data-hash");
    row.dataset.timelineRow; row.dataset.key = "x"; row.setAttribute("data-hb-ready", "");
    function f(node) { var data = node.dataset; return data.levelFamily + data.step; }
    var unrelated = {}; data.notAnAttribute;
    root.querySelector("[data-" + name + "-list]");"""
    found = names_in_script(source)
    assert found["reads"] == {"data-plan-field", "data-hash", "data-timeline-row", "data-key", "data-hb-ready",
                              "data-level-family", "data-step"}
    assert found["sets"] == {"data-key", "data-hb-ready"}
    assert found["patterns"] == {"data-*-list"}
