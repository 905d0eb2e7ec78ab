"""Pages rendered by mkdocs-macros-plugin: what a company's writer uses works, and a mistake names its file and line."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from site_html import output_path
from support import ROOT, mkdocs_build

def text_of(page: Path) -> str:
    """The words of a built page's article, tags dropped and entities decoded."""
    article = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def company(folder: Path, pages: dict[str, str], module: str = "", snippets: dict[str, str] | None = None,
            templates: dict[str, str] | None = None) -> Path:
    """A company's folder laid over the base, as in "Host your company's handbook"; its mkdocs.yml."""
    for name, text in {**{f"docs/co/{p}": t for p, t in pages.items()},
                       **{f"snippets/{p}": t for p, t in (snippets or {}).items()},
                       **{f"templates/{p}": t for p, t in (templates or {}).items()},
                       **({"co_macros.py": module} if module else {})}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (folder / "snippets").mkdir(exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        INHERIT: {ROOT / 'mkdocs.yml'}
        site_name: Testco Handbook
        docs_dir: {ROOT / 'docs'}
        watch: [{ROOT / 'data'}]
        theme:
          custom_dir: {ROOT / 'overrides'}
        extra:
          testco: {{bonus_month: 4, perks: [books, travel]}}
        plugins:
          handbook:
            data_dir: {ROOT / 'data'}
            pages_dir: docs
            {'templates_dir: templates' if templates else ''}
            nav: [{', '.join(f'co/{p}' for p in pages)}]
          macros:
            {'module_name: co_macros' if module else ''}
            include_dir: snippets
        """), encoding="utf-8")
    return config


# --- What a company's page uses -----------------------------------------------------

def test_acme_page_shows_config_extra_a_filter_its_own_macro_and_an_include(acme_site):
    text = text_of(acme_site[0] / "acme" / "promotions" / "index.html")
    assert "The level pages of the Acme Engineering Handbook are the rubric" in text  # config.site_name
    assert "Reviews happen in March and September" in text  # extra.acme.review_months, Acme's filter, join
    assert re.search(r"the next one is in (March|September) 20\d\d", text)  # Acme's own macro
    assert "Write to the People team at people@acme.example" in text  # the included snippet, with extra
    assert "{{" not in text and "{%" not in text


def test_a_company_module_and_the_base_macro_work_side_by_side(tmp_path):
    config = company(tmp_path, {"perks.md": """\
        # Perks at {{ config.site_name }}

        {{ extra.testco.perks | map("title") | join(" and ") }}, paid in month {{ extra.testco.bonus_month }}.
        Shouted: {{ shout("sure") }}; on {{ page.file.src_uri }}.

        {% include "footer.md" %}
        """}, module="""\
        def define_env(env):
            @env.macro
            def shout(text):
                return text.upper() + "!"
        """, snippets={"footer.md": "Footer of {{ config.site_name }}.\n"})
    result = mkdocs_build(tmp_path / "site", config=config)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    text = text_of(tmp_path / "site" / "co" / "perks" / "index.html")
    assert "Perks at Testco Handbook" in text
    assert "Books and Travel, paid in month 4." in text
    assert "Shouted: SURE!; on co/perks.md." in text
    assert "Footer of Testco Handbook." in text
    levels = text_of(tmp_path / "site" / "levels" / "index.html")  # the base's handbook_page, still there
    assert "{{" not in levels and "Senior" in levels


# --- Mistakes name their file and line ------------------------------------------------

HALF = """\
    def define_env(env):
        @env.macro
        def half(number):
            raise ValueError(f"{number} is odd")
    """
# What a writer gets wrong, and what the build says: {tmp} is the company's folder.
MISTAKES = {
    "misspelt macro": (dict(pages={"guide.md": "# Guide\n\n{{ shuot('x') }}\n"}),
                       ["{tmp}/docs/co/guide.md:3: 'shuot' is undefined. Fix: correct the name"]),
    "in a handbook template": (dict(pages={"guide.md": "# Guide\n"},
                                    templates={"pages/site.md.j2": "fine\n{{ hb.missing }}\n"}),
                               ["{tmp}/templates/pages/site.md.j2:2: ", "has no attribute 'missing'"]),
    "in an included snippet": (dict(pages={"guide.md": "# Guide\n\n{% include 'part.md' %}\n"},
                                    snippets={"part.md": "fine\n\n{{ extra.testco.perkz }}\n"}),
                               ["{tmp}/snippets/part.md:3: 'dict object' has no attribute 'perkz'"]),
    "missing snippet": (dict(pages={"guide.md": "# Guide\n\n\n{% include 'nowhere.md' %}\n"}),
                        ["{tmp}/docs/co/guide.md:4: no file 'nowhere.md' to include. Fix:", "include_dir"]),
    "raised by a company macro": (dict(pages={"guide.md": "# Guide\n\n{{ half(3) }}\n"}, module=HALF),
                                  ["{tmp}/docs/co/guide.md:3: ValueError: 3 is odd (raised at {tmp}/co_macros.py:4)"]),
    "heading id without a space": (dict(pages={"guide.md": "# Guide\n\n## Part {#part}\n"}),
                                   ["{tmp}/docs/co/guide.md:3: Missing end of comment tag. Fix: `{#` opens a Jinja "
                                    "comment", "{ #id }"]),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_mistake_stops_the_build_naming_its_file_line_and_fix(tmp_path, mistake):
    files, expected = MISTAKES[mistake]
    result = mkdocs_build(tmp_path / "site", config=company(tmp_path, **files))
    assert result.returncode != 0, "the build should have stopped"
    assert "Traceback" not in result.stderr, result.stderr
    for words in expected:
        assert words.replace("{tmp}", str(tmp_path)) in result.stderr, result.stderr


def test_a_heading_id_with_a_space_and_raw_braces_are_kept(tmp_path):
    config = company(tmp_path, {"guide.md": "# Guide\n\n## Part { #part }\n\n{% raw %}Write {{ x }}.{% endraw %}\n"})
    result = mkdocs_build(tmp_path / "site", config=config)
    assert result.returncode == 0, result.stderr
    built = (tmp_path / "site" / "co" / "guide" / "index.html").read_text(encoding="utf-8")
    assert 'id="part"' in built and "Write {{ x }}." in built


# --- mkdocs serve: a rebuild in the same process runs the edited code -----------------

REBUILD = """\
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

def site_text(config, site):
    build(load_config(config, site_dir=site))  # what `mkdocs serve` does on every change
    return Path(site, "co", "guide", "index.html").read_text(encoding="utf-8")

config, site, base_init, part = sys.argv[1:]
first = site_text(config, site)
Path(part).write_text('WORD = "edited-company-word"\\n', encoding="utf-8")
Path(base_init).write_text(Path(base_init).read_text().replace("first-base-word", "edited-base-word"))
print(first.count("first-company-word"), first.count("first-base-word"))
second = site_text(config, site)
print(second.count("edited-company-word"), second.count("edited-base-word"))
"""


@pytest.mark.slow  # builds a whole site
def test_a_rebuild_in_the_same_process_sees_edits_to_either_module(tmp_path):
    base = tmp_path / "base"  # a copy of the handbook, whose macros/ the test may edit
    for folder in ("data", "docs", "handbook", "macros", "templates", "overrides"):
        shutil.copytree(ROOT / folder, base / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", base / "mkdocs.yml")
    base_init = base / "macros" / "__init__.py"
    base_init.write_text(base_init.read_text(encoding="utf-8").replace(
        "    @env.macro\n", "    env.variables['base_word'] = 'first-base-word'\n\n    @env.macro\n", 1), encoding="utf-8")
    folder = tmp_path / "testco"
    config = company(folder, {"guide.md": "{{ company_word() }} {{ base_word }}\n"})
    (folder / "co_pkg").mkdir()
    (folder / "co_pkg" / "__init__.py").write_text(
        "from . import words\n\ndef define_env(env):\n    env.macro(lambda: words.WORD, 'company_word')\n", encoding="utf-8")
    (folder / "co_pkg" / "words.py").write_text('WORD = "first-company-word"\n', encoding="utf-8")
    text = config.read_text(encoding="utf-8").replace(str(ROOT), str(base))
    config.write_text(text.replace("include_dir: snippets", "include_dir: snippets\n    module_name: co_pkg"),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", REBUILD, str(config), str(tmp_path / "site"), str(base_init),
                             str(folder / "co_pkg" / "words.py")],
                            cwd=base, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["1 1", "1 1"], result.stdout


def test_the_build_as_make_runs_it_finds_the_handbooks_macros(tmp_path):
    """`make build` runs the `mkdocs` script, whose imports do not look in the folder it runs in."""
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q",
                             "-d", str(tmp_path / "site")], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "true"})
    assert result.returncode == 0, result.stderr
    assert "Senior" in text_of(tmp_path / "site" / "levels" / "index.html")


def test_text_of_the_data_that_looks_like_jinja_is_shown_not_run(tmp_path, data_copy, loaded):
    """A generated page's words come from the data; the plugin would run them as a template. (A name cannot hold
    braces at all: `make check` refuses them, as a heading's `{ #id }` follows the name.)"""
    ladder = data_copy / "ladder.yml"
    ladder.write_text(ladder.read_text(encoding="utf-8").replace("    summary: >-\n", "    summary: >-\n      {{ 7*7 }}\n",
                                                                  1), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", HANDBOOK_DATA=str(data_copy))
    assert result.returncode == 0, result.stderr
    level = loaded.levels[0]  # the first summary in ladder.yml
    page = (tmp_path / "site" / output_path(loaded.entry(level.id).page)).read_text(encoding="utf-8")
    opening = " ".join(level.summary.split()[:3])
    assert f"{{{{ 7*7 }}}} {opening}" in page and f"49 {opening}" not in page
