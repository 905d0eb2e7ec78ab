"""The handbook's own scripts served as one small file on every page, and stripped files elsewhere.

The scripts stay separate, commented files in `docs/assets/javascripts/`, one job each. Those every page
needs are listed in order under `extra_javascript`; the site serves them joined in that order as one file,
with comments and white space taken out by rjsmin (it renames nothing, so the code that runs is the code
we read). Joining lets gzip share one dictionary across the files and saves a page a request per file;
stripping the comments takes about a third off (the budget for every page is 20 KB gzipped). The joined
sources are not published: no page loads them, and their readable text is the repository's. The scripts
that are not joined (a page's own, which `handbook.js` loads where the page needs it, and search's) are
served stripped in the same way; a company's own, under another folder, stay as they are.
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
    _strip_the_others(files, config)


def _strip_the_others(files: Files, config) -> None:
    """The handbook's scripts that are not joined (a page's own, loaded by handbook.js; search's) are served
    stripped the same way: the self-assessment's three files lose a third of their weight."""
    for file in [f for f in files if f.src_uri.startswith(OWN) and f.src_uri.endswith(".js") and f.abs_src_path]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=rjsmin.jsmin(file.content_string, keep_bang_comments=False)))
