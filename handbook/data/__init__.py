"""The data: YAML read with its lines, validated against one schema, a company's overlay laid over it,
indexed by id, and the typed model every page reads. Loads no Jinja and no renderer."""
