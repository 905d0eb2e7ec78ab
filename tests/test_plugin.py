"""The handbook as a MkDocs plugin: its options are checked, a company's configuration names no code,
the data's modules stand alone, and `mkdocs serve` rebuilds show every edit."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
COMPANY_CONFIGS = [ROOT / "templates" / "company" / "mkdocs.yml", ROOT / "examples" / "acme" / "mkdocs.yml",
                   ROOT / "examples" / "northwind" / "mkdocs.yml"]


def build(config: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                          cwd=ROOT, env={**ENV, **env}, capture_output=True, text=True, timeout=300)


def northwind_with(tmp_path: Path, text: str) -> Path:
    """Northwind's configuration with `text` in place of its own, in its folder (its paths stay right)."""
    config = ROOT / "examples" / "northwind" / f"test-{tmp_path.name}.yml"
    config.write_text(text, encoding="utf-8")
    return config


def test_a_misspelt_option_stops_the_build_and_names_it(tmp_path):
    original = (ROOT / "examples" / "northwind" / "mkdocs.yml").read_text(encoding="utf-8")
    config = northwind_with(tmp_path, original.replace("    overlay_dir: data", "    overlay_dr: data"))
    try:
        result = build(config, tmp_path / "site")
    finally:
        config.unlink()
    assert result.returncode != 0
    assert "`overlay_dr` is not an option of the handbook plugin. Fix: did you mean `overlay_dir`?" in result.stderr
    assert not (tmp_path / "site").exists()


def test_options_left_under_extra_handbook_are_pointed_to_their_new_place(tmp_path):
    config = northwind_with(tmp_path, "INHERIT: ../../mkdocs.yml\nsite_name: Old style\nextra:\n  handbook:\n"
                                      "    overlay_dir: data\n")
    try:
        result = build(config, tmp_path / "site")
    finally:
        config.unlink()
    assert result.returncode != 0
    assert (f"examples/northwind/{config.name}:4: [config] extra.handbook: these options are no longer read here. "
            "Fix: move them under `plugins:` as `handbook:`") in result.stderr


def test_a_company_configuration_names_no_file_of_the_base_code():
    for config in COMPANY_CONFIGS:
        text = config.read_text(encoding="utf-8")
        assert not re.search(r"\.\./\S*\.py|^hooks:|macros/", text, re.M), config
        assert re.search(r"^plugins:\n  handbook:\n", text, re.M), config


def test_importing_the_data_loads_neither_jinja_nor_the_renderer():
    modules = ", ".join(f"handbook.data.{path.stem}" for path in (ROOT / "handbook" / "data").glob("*.py"))
    script = (f"import sys; import handbook.load, {modules}; "
              "print(sorted(m for m in sys.modules if m.startswith(('jinja2', 'handbook.render', 'macros'))))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# Two builds in one process, as `mkdocs serve` runs them, with an edit to the data between them.
SERVE = """
import re, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, data = sys.argv[1:]
config = load_config(config_file="mkdocs.yml", site_dir=site)
config.plugins.on_startup(command="serve", dirty=False)
build(config)
senior = (Path(site) / "levels/senior/index.html").read_text()
ladder = Path(data) / "ladder.yml"
ladder.write_text(ladder.read_text().replace("name: Senior\\n", "name: Senior Edited\\n", 1))
build(load_config(config_file="mkdocs.yml", site_dir=site))
print(senior.count("Senior Edited"), (Path(site) / "levels/senior/index.html").read_text().count("Senior Edited"))
"""


def test_a_serve_rebuild_shows_an_edit_on_every_page_and_keeps_the_others_as_a_fresh_build_writes_them(
        tmp_path, data_copy):
    site = tmp_path / "served"
    result = subprocess.run([sys.executable, "-c", SERVE, str(site), str(data_copy)], cwd=ROOT, capture_output=True,
                            text=True, timeout=600, env={**ENV, "HANDBOOK_DATA": str(data_copy)})
    assert result.returncode == 0, result.stderr
    before, after = map(int, result.stdout.split())
    assert before == 0 and after > 0
    fresh = build(ROOT / "mkdocs.yml", tmp_path / "fresh", HANDBOOK_DATA=str(data_copy))
    assert fresh.returncode == 0, fresh.stderr
    # The pages and the search index (`search/search_index.json`), with the edit in both.
    written = sorted([*site.rglob("*.html"), *site.rglob("*.json")])
    assert "Senior Edited" in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    different = [page.relative_to(site) for page in written
                 if page.read_text(encoding="utf-8") != (tmp_path / "fresh" / page.relative_to(site)).read_text(
                     encoding="utf-8")]
    assert different == []


# A serve session whose data breaks, and is mended, between builds.
SERVE_ERROR = """
import logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, data = sys.argv[1:]
logging.basicConfig(format="%(message)s")  # as `mkdocs serve` shows its log
config = load_config(config_file="mkdocs.yml", site_dir=site)
config.plugins.on_startup(command="serve", dirty=False)
build(config)
ladder = Path(data) / "ladder.yml"
good = ladder.read_text()
ladder.write_text(good.replace("name: Senior\\n", "name: [Senior]\\n", 1))
try:
    build(load_config(config_file="mkdocs.yml", site_dir=site))
except Exception as error:
    print("ERROR", error)
ladder.write_text(good.replace("name: Senior\\n", "name: Senior Mended\\n", 1))
build(load_config(config_file="mkdocs.yml", site_dir=site))
print("SHOWN", (Path(site) / "levels/senior/index.html").read_text().count("Senior Mended"))
"""


@pytest.mark.slow
def test_a_yaml_error_saved_while_serving_is_reported_with_its_line_and_the_next_save_shows(tmp_path, data_copy):
    line = data_copy.joinpath("ladder.yml").read_text(encoding="utf-8").splitlines().index("    name: Senior") + 1
    result = subprocess.run([sys.executable, "-c", SERVE_ERROR, str(tmp_path / "served"), str(data_copy)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, env={**ENV, "HANDBOOK_DATA": str(data_copy)})
    assert result.returncode == 0, result.stderr
    assert "ERROR" in result.stdout  # MkDocs stopped that build, and logged the plugin's message
    reported = [text for text in result.stderr.splitlines() if f"ladder.yml:{line}:" in text]
    assert reported and "Fix:" in reported[0] and "Traceback" not in result.stderr, result.stderr
    assert "SHOWN 0" not in result.stdout and "SHOWN" in result.stdout


def test_a_theme_file_added_or_removed_while_serving_is_listed_at_the_next_build(tmp_path):
    from mkdocs.theme import Theme

    from handbook.site.serve import KeptThemeFiles

    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets" / "old.css").write_text("a {}", encoding="utf-8")
    kept = KeptThemeFiles()

    def stylesheets() -> list[str]:
        theme = Theme(name="mkdocs", custom_dir=str(overrides))
        kept.use_for(theme)
        return [name for name in theme.get_env().list_templates(filter_func=lambda name: name.endswith(".css"))
                if name.startswith("assets/")]

    assert stylesheets() == ["assets/old.css"]
    (overrides / "assets" / "new.css").write_text("b {}", encoding="utf-8")
    (overrides / "assets" / "old.css").unlink()
    assert stylesheets() == ["assets/new.css"]
    (overrides / "assets" / "more").mkdir()
    (overrides / "assets" / "more" / "deep.css").write_text("c {}", encoding="utf-8")
    assert stylesheets() == ["assets/more/deep.css", "assets/new.css"]
