"""The handbook plugin's options (`plugins: handbook:` in mkdocs.yml), each typed and checked by MkDocs.

Folders a company names (`overlay_dir`, `pages_dir`, `templates_dir`) are read from the folder of its
own mkdocs.yml and must exist; `data_dir` is the base's data, read from the base's folder.
A name that is not an option stops the build (see `HandbookPlugin.load_config`).
"""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

PDF_LABEL = "The whole handbook as a PDF, to print or to fill in"


class Colours(base.Config):
    """Material's colour names, for every palette (light and dark) at once."""

    primary = c.Optional(c.Type(str))
    accent = c.Optional(c.Type(str))


class HandbookConfig(base.Config):
    data_dir = c.Type(str, default="data")  # the base's YAML, read from the base's folder
    overlay_dir = c.Optional(c.Dir(exists=True))  # a company's YAML, merged over the base's by id
    pages_dir = c.Optional(c.Dir(exists=True))  # a company's own pages (default: its docs_dir)
    templates_dir = c.Optional(c.Dir(exists=True))  # a company's copies of files of templates/
    nav = c.ListOfItems(c.Type((str, dict)), default=[])  # a company's pages, after the handbook's
    colours = c.SubConfig(Colours)  # e.g. {primary: teal, accent: amber}
    since = c.Optional(c.Type(str))  # the earlier edition "What changed" compares with: git revision or folder
    pdf_label = c.Type(str, default=PDF_LABEL)  # the title of the PDF button on every page
    leave_out = c.ListOfItems(c.Type(str), default=[])  # base pages or checklists a company drops (site/leave_out.py)
