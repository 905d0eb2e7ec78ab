"""The MkDocs plugin `handbook`: load the data once per build, add a page per level and transition.

Every event the handbook handles is here, in the order MkDocs runs them; the priorities say where
it stands among the other plugins:

| event             | priority | what it does                                                          |
|-------------------|----------|-----------------------------------------------------------------------|
| on_startup        |          | keeps this object across `mkdocs serve` rebuilds (MkDocs' rule), and  |
|                   |          | in serve what a rebuild may reuse (handbook/site/serve.py)            |
| on_config         | 100      | before mkdocs-macros-plugin, whose define_env reads the loaded data:  |
|                   |          | the base's folders, the data, the nav with the generated pages        |
|                   |          | (and the theme's compiled templates, kept between serve rebuilds)     |
| on_files          | 50       | before other plugins see the files (redirects checks its targets):    |
|                   |          | generated pages, a company's pages, the joined script, open data      |
| on_nav            | -100     | serve: the files and settings every page's HTML depends on            |
|                   |          | and the search entries of pages whose HTML did not change; search     |
|                   |          | finds a page's headings in one walk (handbook/site/search_headings.py)|
| on_page_markdown  | 50       | before the macros plugin: a title from the data is not run as Jinja;  |
|                   |          | serve: a page whose Markdown is unchanged keeps its HTML              |
| on_page_content   | 50       | before print-site keeps a page and search indexes it (on_page_context)|
|                   |          | the templates' HTML that skipped Markdown goes back in (render/as_is) |
| on_page_context   | -100     | after the others: the theme renders a navigation cut to the page's    |
|                   |          | own group where a section has too many (handbook/site/bounded_nav.py) |
| on_post_build     | -100     | after print-site wrote the combined page: its ids and links           |
| on_serve          |          | `mkdocs serve` sees a saved file sooner                               |

The pipeline's modules are imported inside the methods, not at the top: `mkdocs serve` keeps
this object for the whole session, and an edited module is imported afresh before the next build
(`handbook/reload.py`); a name bound here at the top would keep running the old code.
"""
from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from handbook.options import HandbookConfig

# Material's offline plugin would load this shim from a CDN; we ship it (npm: iframe-worker).
OFFLINE_SEARCH_SHIM = "assets/vendor/iframe-worker/shim.js"


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def __init__(self):
        super().__init__()
        self.command = "build"  # or "serve", "gh-deploy": MkDocs says which in on_startup
        self.loaded = None  # handbook.load.Loaded: the data of the current build, read by the macro
        self.dropped: frozenset[str] = frozenset()  # base pages this site leaves out (handbook/site/leave_out.py)
        self.titles_of_data: dict[str, str] = {}  # generated page -> its title, kept from the macros plugin
        self.modules = None  # handbook.reload.Modules: the pipeline's files, to import an edited one afresh
        self.compiled_theme = None  # the theme's compiled templates, kept between serve rebuilds
        self.kept_pages = None  # serve: each page's HTML, for a rebuild that leaves its Markdown as it was
        self.kept_search = None  # serve: each page's search entries, for a rebuild that leaves its HTML as it was
        self.kept_theme_files = None  # serve: the theme's files, while none of its folders changed
        self.as_is = None  # handbook.render.as_is.AsIs: the templates' HTML of this build that skips Markdown
        self.bounded_nav = None  # handbook.site.bounded_nav.BoundedNav: the navigation each page is given

    def load_config(self, options, config_file_path=None):
        """MkDocs only warns about an option it does not know; here it stops the build, naming it."""
        errors, warnings = super().load_config(options, config_file_path)
        known = [name for name, _ in self.config_class._schema]
        for name, message in list(warnings):
            if "Unrecognised configuration name" in message:
                warnings.remove((name, message))
                if name != "colours":
                    close = difflib.get_close_matches(name, known, n=1)
                    fix = f"did you mean `{close[0]}`?" if close else f"the options are {', '.join(sorted(known))}"
                    message = f"`{name}` is not an option of the handbook plugin. Fix: {fix}"
                else:
                    message = f"{message}. Fix: colours takes `primary` and `accent`"
                errors.append((name, PluginError(message)))
        return errors, warnings

    def on_startup(self, command, dirty):
        self.command = command
        if command == "serve":
            from handbook.site import serve

            serve.keep_git_answers()

    @event_priority(100)
    def on_config(self, config: MkDocsConfig):
        """Load the data, then lay the generated pages into the navigation."""
        from handbook import reload

        self.modules = reload.forget_edited(self.modules)  # `mkdocs serve`: code saved since the last build
        if self.command == "serve" and (self.kept_pages is None or self.modules.reloaded):
            from handbook.site.serve import KeptPages, KeptSearchEntries, KeptThemeFiles

            self.kept_pages = KeptPages()  # edited code may convert a page differently
            self.kept_search = KeptSearchEntries()
            self.kept_theme_files = KeptThemeFiles()
        from handbook.data.redirects import page_redirects
        from handbook.errors import HandbookError
        from handbook.load import load_for_config
        from handbook.render.as_is import AsIs
        from handbook.render.compiled import KeptTemplates
        from handbook.render.safe_markdown import SafeMarkdown
        from handbook.site import company_config, leave_out, pages, repository

        # The theme's templates compile once per `mkdocs serve` session, not once per rebuild: MkDocs makes new
        # Jinja environments for each build, and compiling Material's templates took a tenth of it.
        self.compiled_theme = self.compiled_theme or KeptTemplates()
        self.compiled_theme.use_for(config.theme)
        if self.kept_theme_files is not None:
            self.kept_theme_files.use_for(config.theme)
        company_config.resolve_base_paths(config)  # the base's folders, wherever a company's mkdocs.yml sits
        repository.link_source(config, os.environ)
        if self.command == "build" and config["site_url"] == company_config.LOCAL_SITE_URL:
            # Not a warning: a strict build would stop, and a local build is right to have no address.
            print(f"Note: site_url is not set, so canonical links and the sitemap point at "
                  f"{company_config.LOCAL_SITE_URL}. Set site_url in your mkdocs.yml (or SITE_URL in the environment) "
                  "before you deploy or make the offline copy: that copy keeps a reader's answers under this address, "
                  "which every offline copy built without one shares.", file=sys.stderr)
        try:
            self.loaded = load_for_config(config, freeze=self.command != "serve")
        except HandbookError as error:
            raise PluginError(str(error)) from None
        loaded = self.loaded.handbook
        try:
            self.dropped = leave_out.dropped_pages(leave_out.leave_out(config))
        except leave_out.LeaveOutError as error:
            raise PluginError(str(error)) from None
        leave_out.drop_from_index(loaded, self.dropped)
        config["nav"] = leave_out.drop_from_nav(config["nav"] or [], self.dropped)
        config["markdown_extensions"].append(SafeMarkdown())  # no page runs script from its Markdown
        self.as_is = AsIs()  # the templates' HTML that skips Markdown, put back in on_page_content
        _prepare_macros_plugin(config)
        pages.add_page_redirects(config, page_redirects(loaded))
        pages.lay_out_nav(config, loaded, self.config.nav)
        pages.layer_theme_overrides(config)
        offline = config.plugins.get("material/offline")
        if offline is not None and offline.config.enabled:
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SEARCH_SHIM]
        return config

    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig):
        from handbook.render.renderer import Renderer
        from handbook.site import ladder_script, pages
        from handbook.site.bundle import bundle_scripts

        for page in self.dropped:
            files.remove(files.get_file_from_path(page))
        pages.add_generated_pages(files, config, self.loaded.handbook)
        if self.config.pages_dir:
            pages.add_company_pages(files, config, Path(self.config.pages_dir))
        own_templates = [Path(self.config.templates_dir)] if self.config.templates_dir else []
        levels = Renderer(self.loaded.handbook, own_templates, config).site_wide(ladder_script.TEMPLATE)
        ladder_script.add_ladder_script(files, config, levels)  # once per site, not once per page
        bundle_scripts(files, config)  # the scripts as one file, the list of levels first
        pages.add_open_data(files, config, self.loaded.handbook)
        return files

    @event_priority(-100)  # after every plugin's on_files: the files are final
    def on_nav(self, nav, config, files):
        from handbook.site.bounded_nav import BoundedNav
        from handbook.site.search_headings import find_headings_in_one_walk

        self.bounded_nav = BoundedNav(nav, self.loaded.handbook)
        find_headings_in_one_walk(config.plugins.get("material/search"))
        if self.kept_pages is not None:
            self.kept_pages.start(config, files)
        if self.kept_search is not None:
            self.kept_search.use(config.plugins.get("material/search"))
        return nav

    @event_priority(50)
    def on_page_markdown(self, markdown, page, config, files):
        """A generated page's title is text of the data, and the macros plugin runs a title that looks
        like Jinja (`Junior {{ 7*7 }}`) as a template. Hide it from the plugin; `on_page_content` gives it back."""
        if page.file.generated_by is not None and page.title:
            self.titles_of_data[page.file.src_uri] = page.title
            page.title = ""
        if self.kept_pages is not None:
            self.kept_pages.use(page)
        return markdown

    @event_priority(50)
    def on_page_content(self, html, page, config, files):
        from handbook.render.summaries import search_meta
        from handbook.site import contents
        from handbook.site.printing import mark_leaving_links

        if page.file.src_uri in self.titles_of_data:
            page.title = self.titles_of_data.pop(page.file.src_uri)
        printing = _print_site(config) is not None  # it would print the search tags
        page.meta.update(search_meta(self.loaded.handbook, page.file.src_uri, tags=not printing))
        html = self.as_is.restore(html)
        contents.leave_out(page.toc.items, contents.skipped_ids(html))
        return mark_leaving_links(html)

    @event_priority(-100)  # the other plugins (print-site, search) see the site's navigation
    def on_page_context(self, context, page, config, nav):
        context["nav"] = self.bounded_nav.for_page(page)
        return context

    @event_priority(-100)
    def on_post_build(self, config):
        from handbook import reload
        from handbook.site.printing import fix_print_page

        print_site = _print_site(config)
        if print_site is not None:
            fix_print_page(print_site)
        reload.stamp_loaded(self.modules)

    def on_serve(self, server, config, builder):
        from handbook.site import serve

        serve.look_more_often(server, config)  # MkDocs looks for saved files every half second
        return server


def _print_site(config):
    """print-site's plugin when this build writes the combined page (`make pdf`), else None."""
    print_site = config.plugins.get("print-site")
    return print_site if print_site is not None and print_site.config["enabled"] else None


def _prepare_macros_plugin(config) -> None:
    """What mkdocs-macros-plugin leaves to us: paths read from mkdocs.yml's folder, modules read afresh.

    - Its `include_dir` is read from where the build runs; a company's mkdocs.yml names it
      relative to itself, as it names every other folder.
    - It imports a company's module (`module_name`) once per process when that module is a
      package (a single file it runs anew every build), so drop the package first.
    """
    from handbook import reload

    plugin = config.plugins.get("macros")
    if plugin is None:
        raise PluginError("mkdocs.yml: the macros plugin (mkdocs-macros-plugin) renders the handbook's pages. "
                          "Fix: list `macros` under `plugins`, as the base mkdocs.yml does")
    root = Path(config["config_file_path"]).parent
    if plugin.config["include_dir"]:
        plugin.config["include_dir"] = str(root / plugin.config["include_dir"])
    own_module = plugin.config["module_name"]
    if own_module not in (reload.MACROS_PACKAGE, *plugin.config["modules"]):
        reload.forget_package(own_module)
