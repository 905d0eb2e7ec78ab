"""The handbook's own scripts served as one small file, and only that file.

The scripts stay separate, commented files in `docs/assets/javascripts/`, one job each, listed
in order under `extra_javascript`. The site serves them joined in that order as one file, with
comments and white space taken out by rjsmin (it renames nothing, so the code that runs is the
code we read). Joining lets gzip share one dictionary across the files and saves a page seven
requests; stripping the comments took the file from 20.1 KB to 14.6 KB gzipped once issues 14
and 17 had added their scripts (the budget is 20 KB). The joined sources are not published: no
page loads them, and their readable text is the repository's. Scripts that are not joined stay
as they are: those not listed (`search-stemming.js`, loaded before Material's bundle, and
`search-worker.js`, which the search worker loads) and a company's own, under another folder.
"""
from __future__ import annotations

import rjsmin
from mkdocs.structure.files import File, Files

OWN = "assets/javascripts/"
BUNDLE = OWN + "handbook.bundle.js"


def bundle_scripts(files: Files, config) -> None:
    """Put the joined file in the place of the handbook's listed scripts, in the site and in the list."""
    scripts = list(config["extra_javascript"])
    own = [script for script in scripts if str(script).startswith(OWN) and str(script) != BUNDLE]
    found = [files.get_file_from_path(str(script)) for script in own]
    if not own or None in found:
        return  # a script that is not in the docs (a typo in mkdocs.yml): MkDocs reports it as usual
    joined = "\n".join(file.content_string.rstrip("\n") for file in found) + "\n"
    for file in found:
        files.remove(file)
    files.append(File.generated(config, BUNDLE, content=rjsmin.jsmin(joined, keep_bang_comments=False)))
    first = scripts.index(own[0])
    config["extra_javascript"] = [*[s for s in scripts[:first] if s not in own], BUNDLE,
                                  *[s for s in scripts[first:] if s not in own]]
