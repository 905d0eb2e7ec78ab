"""Pages for the browser tests, in browser contexts kept for the whole run (conftest.py: watched_page).

A new context starts with an empty cache and a new page starts a new renderer: together they cost about as
much as the page load a test asks for. So each worker keeps its contexts, and in each one page that the next
test takes over, unless the test changed something of that page, or of its context, that outlives a
navigation (then the page, or the context, is closed and a new one made). Between two tests
the pages are closed or left blank, and everything stored for the origins the test reached is deleted: local
storage (a reader's answers), session storage, cookies. Only the HTTP cache stays."""
from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page

# Page methods whose effect outlives a navigation: a page a test called one of them on is closed after it.
LASTING = ("add_init_script", "add_locator_handler", "emulate_media", "expose_binding", "expose_function", "on",
           "once", "route", "route_from_har", "route_web_socket", "set_default_navigation_timeout",
           "set_default_timeout", "set_extra_http_headers", "set_viewport_size")
# Context methods whose effect reaches every later page of the context, as does a page's clock (Playwright's
# clock is its context's): a context a test called one of them on is closed after it.
LASTING_FOR_CONTEXT = ("add_cookies", "add_init_script", "expose_binding", "expose_function", "grant_permissions",
                       "on", "once", "route", "route_from_har", "route_web_socket", "set_extra_http_headers",
                       "set_geolocation", "set_offline", "set_storage_state")
CHANGED = "_changed_by_test"

# Every page load starts Material's search worker, which builds the whole site's index: about a sixth of the
# Chromium time of a page load. A test that does not search gets a worker that does nothing; a test module that
# searches, or checks every page as a reader loads it (test_netlify.py), is marked `search` and gets the real one.
QUIET_SEARCH = """(() => {
  const RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!String(url).includes("search")) return new RealWorker(url, options);
    const quiet = new EventTarget();
    quiet.postMessage = () => {};
    quiet.terminate = () => {};
    return quiet;
  };
})();"""


def note_lasting_changes():
    """Mark a page when a test calls a LASTING method on it or opens a DevTools session on it, and a context when
    a test calls a LASTING_FOR_CONTEXT method on it or reads its clock (or a page's)."""
    def marking(original):
        def call(changed, *args, **kwargs):
            setattr(changed, CHANGED, True)
            return original(changed, *args, **kwargs)
        return call
    for name in LASTING:
        setattr(Page, name, marking(getattr(Page, name)))
    for name in LASTING_FOR_CONTEXT:
        setattr(BrowserContext, name, marking(getattr(BrowserContext, name)))
    page_clock, context_clock = Page.clock, BrowserContext.clock
    Page.clock = property(lambda page: setattr(page.context, CHANGED, True) or page_clock.fget(page))
    BrowserContext.clock = property(lambda context: setattr(context, CHANGED, True) or context_clock.fget(context))
    new_cdp_session = BrowserContext.new_cdp_session
    BrowserContext.new_cdp_session = lambda context, page, *rest: (setattr(page, CHANGED, True)
                                                                   or new_cdp_session(context, page, *rest))


class PageWatch:
    """A browser page that records console errors and every request that leaves the site."""

    def __init__(self, page: Page, allowed_prefix: str):
        self.page, self.errors, self.outside = page, [], []
        self.listeners = [("console", lambda m: m.type == "error" and not chromiums_own(m) and self.errors.append(m.text)),
                          ("pageerror", lambda e: self.errors.append(str(e))),
                          ("request", lambda r: None if r.url.startswith((allowed_prefix, "data:", "blob:", "about:"))
                           else self.outside.append(r.url))]
        for event, listener in self.listeners:
            page.on(event, listener)
        setattr(page, CHANGED, False)  # the watch's own listeners are taken off again

    def stop(self):
        for event, listener in self.listeners:
            self.page.remove_listener(event, listener)


class SharedContext:
    """A browser context kept for the whole run: the page the next test takes, the origins its pages reached
    since the last test, and a blank page of its own that deletes what they stored."""

    def __init__(self, context: BrowserContext):
        self.context, self.origins, self.watch = context, set(), None
        self.cleaner = context.new_page()
        self.session = context.new_cdp_session(self.cleaner)
        self.spare: Page | None = None
        context.on("request", lambda request: self.origins.add(origin_of(request.url)))
        setattr(context, CHANGED, False)  # the set-up above is the same for every test

    def open(self, allowed_prefix: str) -> PageWatch:
        page, self.spare = self.spare or self.context.new_page(), None
        self.watch = PageWatch(page, allowed_prefix)
        return self.watch

    def forget_the_test(self) -> bool:
        """Leave the test's first page blank for the next test (or close it, if the test changed it for good),
        close the others, then delete what was stored for every origin they reached. A context the test changed
        for good is closed instead: False."""
        if getattr(self.context, CHANGED):
            self.context.close()
            return False
        kept = self.watch.page
        self.watch.stop()
        if kept.is_closed() or getattr(kept, CHANGED):
            kept = None
        else:
            try:
                kept.goto("about:blank")  # the page goes away as a reader's would: what waits is written now
            except Exception:  # a page that crashed or hangs is not worth keeping
                kept = None
        for page in self.context.pages:
            if page is not self.cleaner and page is not kept:
                page.close()
        for origin in self.origins - {None}:
            self.session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.origins.clear()
        self.spare, self.watch = kept, None
        return True


def chromiums_own(message) -> bool:
    """The error of Chromium's own request for /favicon.ico, which it makes beside a file that is not a page (such
    as the JSON of support.arrive_with); the site's pages name their icon."""
    return message.location.get("url", "").endswith("/favicon.ico")


def origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "file://"
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None
