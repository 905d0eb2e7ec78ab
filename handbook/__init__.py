"""The handbook generator: YAML data in, a MkDocs site out.

- `handbook.data`: read, validate, overlay and index the YAML; the typed model; editions.
- `handbook.site`: what the site gets from the data (pages, nav, open data, the joined script,
  redirects, printing) and a company's folders.
- `handbook.render`: the Jinja renderer of the generated pages, the ladder's geometry, summaries.
- `handbook.plugin`: the MkDocs plugin `handbook` that runs them, with its options in `handbook.options`.

Nothing is imported here, so that importing a data module loads neither MkDocs' theme nor Jinja.
"""
