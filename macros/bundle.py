"""The handbook's own scripts served as one file.

The scripts stay separate files in `docs/assets/javascripts/`, one job each, listed in
order under `extra_javascript`. The site serves them joined, in that order, as one file:
gzip then shares one dictionary across them (14.6 KB instead of 17.3 KB, the budget being
16 KB), and a page makes one request for them instead of seven. Scripts from elsewhere
(a company's own, under another folder) are left as they are.
"""
from __future__ import annotations

from mkdocs.structure.files import File, Files

OWN = "assets/javascripts/"
BUNDLE = OWN + "handbook.bundle.js"


def bundle_scripts(files: Files, config) -> None:
    """Add the joined file and list it where the first of the handbook's scripts was."""
    scripts = list(config["extra_javascript"])
    own = [script for script in scripts if str(script).startswith(OWN) and str(script) != BUNDLE]
    found = [files.get_file_from_path(str(script)) for script in own]
    if not own or None in found:
        return  # a script that is not in the docs (a typo in mkdocs.yml): MkDocs reports it as usual
    content = "\n".join(file.content_string.rstrip("\n") for file in found) + "\n"
    files.append(File.generated(config, BUNDLE, content=content))
    first = scripts.index(own[0])
    config["extra_javascript"] = [*[s for s in scripts[:first] if s not in own], BUNDLE,
                                  *[s for s in scripts[first:] if s not in own]]
