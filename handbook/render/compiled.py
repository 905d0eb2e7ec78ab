"""Compiled Jinja templates kept in memory, for a Jinja environment that is made anew for every build."""
from __future__ import annotations

import jinja2


class KeptTemplates(jinja2.BytecodeCache):
    """Jinja asks before compiling a template and keeps what it compiled here. Each entry carries a
    checksum of the template's source, which Jinja compares, so an edited template compiles afresh."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

    def use_for(self, theme) -> None:
        """Every Jinja environment the theme makes in this build uses these: the pages', and the one Material's
        search makes in its on_config to read its translations (which compiled the language templates anew)."""
        make_env = theme.get_env

        def get_env():
            env = make_env()
            env.bytecode_cache = self
            return env

        theme.get_env = get_env  # a build makes a new Theme, so this lasts one build
