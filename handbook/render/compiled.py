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
