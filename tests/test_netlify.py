"""Shipping: the site as Netlify builds and serves it (netlify.toml), and the offline download.

The `site_url` server (tests/conftest.py) applies netlify.toml's [[headers]] rules by path, the way
Netlify does, so these tests and every other browser test run under the real Content-Security-Policy.
"""
import base64
import hashlib
import re
import shlex
import subprocess
import tomllib
import zipfile
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config

from support import ROOT, QuietHandler, free_port, netlify_headers, serve
from scripts.offline_zip import zip_site

pytestmark = pytest.mark.search  # every page as Netlify serves it, search worker included (conftest.py: QUIET_SEARCH)
NETLIFY = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")  # Material's bundles carry a content hash
YEAR = 31536000

# Turns every CSP violation, including those no console message reports, into a console error.
REPORT_CSP_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', e =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`));
"""


def page_urls(site, site_url):
    """Every HTML page of the built site, by the URL a reader would use."""
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        yield site_url + (relative[:-len("index.html")] if relative.endswith("index.html") else relative)


def inline_scripts(html: str) -> list[str]:
    return [body for attributes, body in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.S)
            if "application/json" not in attributes]


def csp_directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (d.split() for d in policy.split(";") if d.strip())}


def site_policy() -> dict[str, list[str]]:
    return csp_directives(netlify_headers("/")["Content-Security-Policy"])


def test_netlify_builds_the_readme_targets_into_the_published_folder():
    build = NETLIFY["build"]
    assert build["publish"] == "site"
    assert re.fullmatch(r"3\.\d+", build["environment"]["PYTHON_VERSION"])
    commands = [build["command"], NETLIFY["context"]["production"]["command"]]
    targets = {tuple(word for word in shlex.split(c) if "=" not in word) for c in commands}
    assert targets == {("make", "build", "pdf", "offline")}, "every deploy context builds the same things"
    dry_run = subprocess.run(["make", "-n", *next(iter(targets))[1:]], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr


def test_a_deploy_preview_gets_its_own_site_url(monkeypatch):
    preview = "https://deploy-preview-7--handbook.netlify.app/"
    monkeypatch.setenv("DEPLOY_PRIME_URL", preview)
    assert load_config(str(ROOT / "mkdocs.yml")).site_url == preview


def test_every_inline_script_is_allowed_by_its_hash_and_no_other_is(built_site):
    site, _ = built_site
    needed = {"'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
              for page in site.rglob("*.html") for script in inline_scripts(page.read_text(encoding="utf-8"))}
    allowed = {source for source in site_policy()["script-src"] if source.startswith("'sha256-")}
    assert not needed - allowed, f"add to script-src in netlify.toml: {' '.join(sorted(needed - allowed))}"
    assert not allowed - needed, f"no page needs these, drop them from netlify.toml: {sorted(allowed - needed)}"


def test_policy_allows_nothing_outside_the_site():
    policy = site_policy()
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    for directive, sources in policy.items():
        outside = [s for s in sources if s not in ("'self'", "'none'", "data:") and not s.startswith("'sha256-")]
        assert not outside, (directive, outside)


def test_long_cache_lifetimes_only_for_fingerprinted_files(built_site):
    site, _ = built_site
    files = ["/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    cached = {f for f in files if f"max-age={YEAR}" in netlify_headers(f)["Cache-Control"]}
    fingerprinted = {f for f in files if FINGERPRINTED.search(f)}
    assert fingerprinted and "/assets/javascripts/handbook.bundle.js" in files
    assert cached == fingerprinted


@pytest.mark.browser
def test_every_page_loads_under_the_headers_without_violations_errors_or_outside_requests(
        watched_page, site_url, built_site):
    watch = watched_page(site_url)
    watch.page.add_init_script(REPORT_CSP_VIOLATIONS)
    expected = netlify_headers("/")
    for url in page_urls(built_site[0], site_url):
        response = watch.page.goto(url)
        assert response.ok, url
        for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"):
            assert response.headers[name.lower()] == expected[name], (url, name)
    watch.page.wait_for_load_state("networkidle")
    assert watch.errors == [] and watch.outside == []


@pytest.mark.browser
def test_reading_searching_and_navigating_cause_no_violation(watched_page, site_url, loaded):
    story, level = loaded.handbook.stories.stories[0], loaded.levels[-1]
    watch = watched_page(site_url)
    watch.page.add_init_script(REPORT_CSP_VIOLATIONS)
    watch.page.goto(site_url)
    watch.page.locator(f"nav a[href$='levels/{level.id}/']").first.click()  # instant navigation: fetch + swap
    watch.page.locator(f"h1#{level.id}").wait_for()
    watch.page.locator("label[for^='__palette']:visible").first.click()  # the colour scheme toggle
    watch.page.locator("input.md-search__input").click()
    watch.page.keyboard.type(story.name)
    watch.page.locator(".md-search-result__item").first.wait_for()
    assert watch.errors == [] and watch.outside == []


@pytest.mark.browser
def test_browser_features_the_handbook_never_uses_are_switched_off(watched_page, site_url):
    watch = watched_page(site_url)
    watch.page.goto(site_url)
    allowed = watch.page.evaluate("document.featurePolicy.allowedFeatures()")
    denied = [feature.split("=")[0] for feature in netlify_headers("/")["Permissions-Policy"].split(", ")]
    assert denied and not set(denied) & set(allowed)
    assert watch.errors == [], "Chromium reports every feature name it does not know"


@pytest.mark.browser
def test_another_site_cannot_frame_the_handbook(browser, built_site, site_url):
    """The same pages served without the headers load in a frame; served by Netlify they do not."""
    other = serve(built_site[0], free_port(), QuietHandler)
    other_url = f"http://127.0.0.1:{other.server_address[1]}/"
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(other_url)
        page.evaluate("""([framed, control]) => { document.body.innerHTML =
            `<iframe name="framed" src="${framed}"></iframe><iframe name="control" src="${control}"></iframe>` }""",
                      [site_url, other_url])
        page.wait_for_function("document.querySelector('iframe[name=control]').contentDocument?.title")
        # The frame of the element, not looked up by name: a refused frame may not carry its name yet.
        framed = page.locator("iframe[name=framed]").element_handle().content_frame()
        # The blocked frame shows Chromium's error page once the response is refused.
        framed.wait_for_url(lambda url: url.startswith("chrome-error:"), wait_until="commit", timeout=5000)
        assert page.frame(name="control").url == other_url
        assert framed.url.startswith("chrome-error:"), framed.url
    finally:
        context.close()
        other.shutdown()


@pytest.mark.browser
def test_a_missing_page_gets_the_handbooks_404_page(watched_page, site_url, loaded):
    watch = watched_page(site_url)
    watch.page.add_init_script(REPORT_CSP_VIOLATIONS)
    response = watch.page.goto(site_url + "no/such/page/")
    assert response.status == 404
    assert loaded.handbook.site.title in watch.page.title()
    assert watch.page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky", "styled"
    not_found = [e for e in watch.errors if "status of 404" in e]
    assert len(not_found) == 1 and [e for e in watch.errors if e not in not_found] == []
    assert watch.outside == []
    assert urlsplit(response.url).path == "/no/such/page/"


# --- the offline download ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def unpacked_offline_zip(offline_site, tmp_path_factory):
    """The zip `make offline` writes, made from the session's offline build and unpacked."""
    folder = tmp_path_factory.mktemp("offline-zip")
    archive = zip_site(offline_site, folder / "handbook-offline.zip")
    with zipfile.ZipFile(archive) as opened:
        tops = {name.split("/")[0] for name in opened.namelist()}
        opened.extractall(folder / "unpacked")
    assert tops == {"handbook-offline"}, "the zip unpacks into one folder"
    return folder / "unpacked" / "handbook-offline"


@pytest.mark.browser
def test_unpacked_offline_zip_works_from_file_urls(watched_page, unpacked_offline_zip, loaded):
    """Opened from disk: navigation, search and ticking a self-assessment checkbox, nothing fetched."""
    story, transition = loaded.handbook.stories.stories[0], loaded.handbook.transitions.transitions[0]
    watch = watched_page("file://")
    watch.page.goto((unpacked_offline_zip / "index.html").as_uri())
    watch.page.locator(f"nav a[href$='levels/{loaded.levels[0].id}.html']").first.click()
    watch.page.locator(f"h1#{loaded.levels[0].id}").wait_for()
    watch.page.locator("input.md-search__input").click()
    watch.page.keyboard.type(story.name)
    result = watch.page.locator(".md-search-result__item a").first
    result.wait_for()
    assert "stories.html" in result.get_attribute("href")

    transition_page = unpacked_offline_zip / (loaded.entry(transition.id).page[:-len(".md")] + ".html")
    watch.page.goto(transition_page.as_uri())
    box = watch.page.locator(f'[data-item="{transition.id}--{transition.signals[0].id}"] input[type=checkbox]')
    box.check()
    assert box.is_checked()
    assert watch.errors == [] and watch.outside == []


def test_site_offers_the_zip_and_the_offline_copy_does_not(built_site, offline_site):
    home = (built_site[0] / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="handbook-offline\.zip" download>', home)
    assert "handbook-offline.zip" not in (offline_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("address, link", [
    ("https://x-access-token:v1.secret@github.com/acme/handbook.git", "https://github.com/acme/handbook"),
    ("git@gitlab.example.com:people/career-ladder.git", "https://gitlab.example.com/people/career-ladder"),
    ("https://github.com/acme/handbook/", "https://github.com/acme/handbook"),
    ("https://github.com/acme/handbook?token=secret#x", "https://github.com/acme/handbook"),
    ("javascript:alert(1)//github.com/a/b", None),
    ("file:///home/me/handbook", None),
    ("https://github.com/acme/handbook\"><script>", None),
    ("", None),
])
def test_the_repository_link_keeps_only_a_public_address(address, link):
    from handbook.site.repository import public_address
    assert public_address(address) == link


def test_a_netlify_build_links_its_repository_without_the_token_and_fetches_nothing(tmp_path):
    from support import mkdocs_build
    result = mkdocs_build(tmp_path, REPOSITORY_URL="https://x-access-token:v1.secret@github.com/acme/handbook.git")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/acme/handbook"' in html and "acme/handbook" in html
    assert "secret" not in html and "x-access-token" not in html
    # Material's "source" component would ask GitHub's API for stars and forks from the reader's browser.
    assert 'data-md-component="source"' not in html
