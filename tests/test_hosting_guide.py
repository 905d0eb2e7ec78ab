""""Host your company's handbook", followed as written from a fresh copy of the repository.

The steps run in a copy of the repository's files (as a clone would have them), with the
shared .venv and node_modules linked in. Every shell block of the guide runs in order, except
what needs the network or keeps running (git clone/remote/pull, make serve, make test); every
YAML block titled with a file name is written to that file when the guide reaches it.
"""
from __future__ import annotations

import re
import subprocess
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from support import GUIDE_ENV, ROOT, fresh_copy, free_port, run, serve
from site_html import parse

GUIDE = ROOT / "docs" / "host-your-handbook.md"
BLOCK = re.compile(r'^```(\w+)(?: title="([^"]+)")?\n(.*?)^```$', re.S | re.M)
NOT_HERE = ("git ", "make serve", "make test")  # the network, a server that keeps running, this very suite
def guide_blocks(until: str | None = None) -> list[tuple[str, str | None, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    if until:
        text = text[:text.index(until)]
    return BLOCK.findall(text)


def follow(folder: Path, blocks) -> list[tuple[str, subprocess.CompletedProcess]]:
    """Do what the guide's blocks say, in order; the result of every command run."""
    results = []
    for language, title, body in blocks:
        if language == "yaml" and title:
            (folder / title).parent.mkdir(parents=True, exist_ok=True)
            (folder / title).write_text(body, encoding="utf-8")
        elif language == "sh":
            for line in body.splitlines():
                command = line.split("#")[0].strip()
                if command and not command.startswith(NOT_HERE):
                    results.append((command, run(command, folder)))
    return results


def git(folder: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *arguments],
                          cwd=folder, capture_output=True, text=True, timeout=120)


def netlify_production_command() -> str:
    with (ROOT / "netlify.toml").open("rb") as handle:
        return tomllib.load(handle)["context"]["production"]["command"]


@pytest.fixture(scope="module")
def deployed(tmp_path_factory, chromium):
    """The guide followed to the end in a git repository of the base, deploy step included: it sets
    site_url and CONFIG in Netlify's environment, and Netlify runs netlify.toml's production command."""
    folder = fresh_copy(tmp_path_factory.mktemp("fresh"))
    (folder / ".git").mkdir()
    git(folder, "init", "-q", "-b", "company")
    (folder / ".git" / "info").mkdir(exist_ok=True)
    (folder / ".git" / "info" / "exclude").write_text(".venv\nnode_modules\n")  # links, which `.venv/` misses
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "the base, as cloned")
    before_deploy = follow(folder, guide_blocks(until="## 4. Deploy"))
    config = folder / "mycompany" / "mkdocs.yml"
    port = free_port()
    # The deploy step's one edit in words: "Set site_url in mycompany/mkdocs.yml to the address you publish at".
    config.write_text(config.read_text(encoding="utf-8").replace(
        "# site_url: https://handbook.mycompany.example/", f"site_url: http://127.0.0.1:{port}/"), encoding="utf-8")
    netlify = {**GUIDE_ENV, "CONFIG": "mycompany/mkdocs.yml", "URL": f"http://127.0.0.1:{port}/"}
    deploy = subprocess.run(["bash", "-c", netlify_production_command()], cwd=folder, env=netlify,
                            capture_output=True, text=True, timeout=900)
    return folder, before_deploy, deploy, port


def test_the_guide_shows_the_config_that_make_company_writes(tmp_path):
    folder = fresh_copy(tmp_path)
    assert run("make company NAME=mycompany", folder).returncode == 0
    written = (folder / "mycompany" / "mkdocs.yml").read_text(encoding="utf-8")
    shown = next(body for language, title, body in guide_blocks() if body.startswith("INHERIT:"))
    assert written.split("\n", 1)[1] == shown
    assert len([line for line in shown.splitlines() if line.strip()]) <= 10
    (folder / "mycompany" / "data" / "site.yml").write_text("title: Our own\n", encoding="utf-8")
    again = run("make company NAME=mycompany", folder)
    assert again.returncode != 0 and "exists already; nothing was written" in again.stderr
    assert (folder / "mycompany" / "data" / "site.yml").read_text(encoding="utf-8") == "title: Our own\n"
    assert run("make company NAME=My_Company", folder).returncode != 0 and not (folder / "My_Company").exists()


def test_every_step_before_deploy_succeeds_and_builds_strict(deployed):
    folder, steps, _, _ = deployed
    assert [command for command, _ in steps] == [
        "make company NAME=mycompany", "make check CONFIG=mycompany/mkdocs.yml",
        "make check CONFIG=mycompany/mkdocs.yml", "make build CONFIG=mycompany/mkdocs.yml"]
    for command, result in steps:
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        assert "WARNING" not in result.stderr, (command, result.stderr)
    build = steps[-1][1]
    assert "site_url is not set" in build.stderr  # the build before the deploy step says so


def test_the_guides_samples_show_up_in_the_company_site(deployed):
    folder, _, _, _ = deployed
    site = folder / "site"
    level = (site / "levels" / "distinguished" / "index.html").read_text(encoding="utf-8")
    assert "Distinguished Engineer" in level and "Talks and papers that the field cites." in level
    assert "Mycompany Engineering Handbook" in (site / "index.html").read_text(encoding="utf-8")
    transition = (site / "transitions" / "principal-to-distinguished" / "index.html").read_text(encoding="utf-8")
    assert 'data-item="principal-to-distinguished--adopted-outside"' in transition
    assert (site / "mycompany" / "about" / "index.html").exists()


def test_the_deploy_step_sets_config_in_netlifys_environment_and_the_base_command_builds_it(deployed):
    folder, _, result, port = deployed
    deploy_section = GUIDE.read_text(encoding="utf-8").split("## 4. Deploy")[1].split("## 5.")[0]
    assert "add `CONFIG` with the value\n`mycompany/mkdocs.yml`" in deploy_section
    assert [body.strip() for language, _, body in BLOCK.findall(deploy_section) if language == "sh"] == [
        "make build pdf offline CONFIG=mycompany/mkdocs.yml"]  # the same build on any other host
    assert result.returncode == 0, result.stderr
    assert "Mycompany Engineering Handbook" in (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert "site_url is not set" not in result.stderr
    site = folder / "site"
    assert (site / "handbook.pdf").stat().st_size > 10_000 and (site / "handbook-offline.zip").exists()
    assert f"http://127.0.0.1:{port}/levels/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_companys_folder_merges_an_upstream_change_to_every_base_file(deployed):
    folder = deployed[0]
    base_commit = git(folder, "rev-parse", "HEAD").stdout.strip()
    git(folder, "add", "-A")
    assert git(folder, "commit", "-q", "-m", "our handbook, as the guide says").returncode == 0
    base_files = git(folder, "ls-tree", "-r", "--name-only", base_commit).stdout.splitlines()
    git(folder, "checkout", "-q", "-b", "upstream", base_commit)
    for name in base_files:
        with (folder / name).open("ab") as handle:
            handle.write(b"\n")
    git(folder, "commit", "-q", "-am", "upstream changes every file")
    git(folder, "checkout", "-q", "company")
    merged = git(folder, "merge", "-q", "--no-edit", "upstream")
    assert merged.returncode == 0 and "CONFLICT" not in merged.stdout, merged.stdout + merged.stderr
    assert len(base_files) > 100


def test_no_link_on_any_deployed_page_answers_404(deployed):
    folder, _, _, port = deployed
    site = folder / "site"
    server = serve(site, port)
    base = f"http://127.0.0.1:{port}/"
    try:
        targets: dict[str, str] = {}
        for page in sorted(site.rglob("*.html")):
            page_url = base + page.relative_to(site).as_posix()
            for href in parse(page).hrefs + parse(page).downloads:
                url = urljoin(page_url, href)
                if url.startswith(base):
                    targets.setdefault(url.split("#")[0], page_url)
        missing = [(url, page) for url, page in targets.items() if _status(url) == 404]
    finally:
        server.shutdown()
    assert len(targets) > 50
    assert not missing, missing[:10]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("name", ["mycompany", "companies/mycompany"])
def test_messages_name_base_and_company_files_relative_to_where_make_runs(tmp_path, name):
    folder = fresh_copy(tmp_path)
    assert run(f"make company NAME={name}", folder).returncode == 0
    senior = folder / "data" / "senior.yml"
    senior.write_text(senior.read_text(encoding="utf-8").replace("  - id: communication\n", "  - id: Communication\n"),
                      encoding="utf-8")
    (folder / name / "data" / "stories.yml").write_text("stories:\n  - id: dan-abramov\n    leson: typo\n",
                                                         encoding="utf-8")
    line = next(n for n, text in enumerate(senior.read_text().splitlines(), 1) if text == "  - id: Communication")
    for command in (f"make check CONFIG={name}/mkdocs.yml", f"make build CONFIG={name}/mkdocs.yml"):
        result = run(command, folder)
        assert result.returncode != 0
        assert f"\n  data/senior.yml:{line}: [base] pillars[5].id:" in result.stderr, result.stderr
        assert f"\n  {name}/data/stories.yml:3: [company] stories[1].leson: unknown key 'leson'" in result.stderr
        assert str(tmp_path) not in result.stderr and "../" not in result.stderr and "Traceback" not in result.stderr
