"""Rendering: the Jinja renderer of the generated pages, safe Markdown, the ladder's geometry and summaries."""
