"""The list of levels the scripts read, served once per site instead of once per page.

placement.js needs every level of the ladder (its step, track, family, code and where its transitions
lead) on the level, transition, level-map, self-assessment and team pages. Written into each of those
pages, the list made every page grow with the ladder, so the build's cost per page grew with the data.
The build renders the same template (`partials/ladder-data.md.j2`) once and serves it as a string in a
classic script that is joined into the handbook's bundle: one request, cached, read from `file://` too,
and outside the search index. The scripts parse it into an inert document and read its `data-*`
attributes as they would read the page's.
"""
from __future__ import annotations

import json

from mkdocs.structure.files import File, Files

from handbook.site.bundle import OWN

LADDER_SCRIPT = OWN + "ladder-data.js"
TEMPLATE = "partials/ladder-data.md.j2"


def add_ladder_script(files: Files, config, rendered_list: str) -> None:
    """Serve the rendered list as `window.handbook.ladderList`, listed before the handbook's own scripts."""
    content = f"(window.handbook = window.handbook || {{}}).ladderList = {json.dumps(rendered_list.strip())};\n"
    files.append(File.generated(config, LADDER_SCRIPT, content=content))
    scripts = list(config["extra_javascript"])
    first = next((i for i, script in enumerate(scripts) if str(script).startswith(OWN)), len(scripts))
    config["extra_javascript"] = [*scripts[:first], LADDER_SCRIPT, *scripts[first:]]
