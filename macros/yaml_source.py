"""Read YAML and keep the line of every value.

PyYAML's `safe_load` forgets where values came from and silently keeps the last
of two equal keys. Errors found much later (a schema error, a dangling id, a
removed level still referenced by a company) must point at a file and a line,
so we compose the node tree once and, in one walk over it, build the data and
record the line of each path such as ("levels", 2, "dimensions", "scope"). On
the way, every string loses the white space around it (a `|` block ends with a
line break). Other scalars (numbers, true/false, dates) are read by PyYAML's rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem

PathKey = tuple


@dataclass(repr=False)
class SourceFile:
    """One YAML file: its data and the line where each path starts."""

    path: Path
    data: object
    lines: dict[PathKey, int] = field(default_factory=dict)
    layer: str = "base"

    def __repr__(self) -> str:
        return f"SourceFile({self.path}, layer={self.layer})"

    def locate(self, path: PathKey) -> tuple[Path, int, str]:
        """File, line and layer of the deepest known prefix of `path`."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line:
                return self.path, line, self.layer
        return self.path, 1, self.layer

    def problem(self, path: PathKey, message: str, fix: str) -> Problem:
        file, line, layer = self.locate(path)
        return Problem(file, line, path, message, fix, layer)


# libyaml (PyYAML's C parser) reads the data about eight times faster and gives the same
# nodes and lines; its error messages are vaguer ("did not find expected key"), so a file
# that fails is read again by the pure-Python parser, whose message names what it found.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, layer: str = "base") -> SourceFile:
    text = path.read_text(encoding="utf-8")
    try:
        return _parse(path, text, layer, FAST_LOADER)
    except Problem:
        if FAST_LOADER is yaml.SafeLoader:
            raise
        return _parse(path, text, layer, yaml.SafeLoader)


def _parse(path: Path, text: str, layer: str, loader_class) -> SourceFile:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise Problem(path, 1, (), "the file is empty", "write the file's top-level keys, see data/README.md", layer)
        lines: dict[PathKey, int] = {}
        data = _Walk(path, layer, loader, lines).value(node, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        detail = " ".join(part for part in (error.context, error.problem) if part)
        raise Problem(path, line, (), f"malformed YAML: {detail}",
                      "check the indentation and quoting on this line and the one above it", layer) from None
    finally:
        loader.dispose()
    return SourceFile(path, data, lines, layer)


STRING_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass
class _Walk:
    path: Path
    layer: str
    loader: object
    lines: dict

    def value(self, node, key: PathKey):
        self.lines[key] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, key)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, key + (index,)) for index, item in enumerate(node.value)]
        if node.tag == STRING_TAG:
            return node.value.strip()
        return self.loader.construct_object(node)

    def mapping(self, node, key: PathKey) -> dict:
        data: dict = {}
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == MERGE_TAG:
                raise Problem(self.path, line, key, "YAML merge keys (<<) are not supported",
                              "write the keys out; a company layer changes entities by id instead", self.layer)
            name = key_node.value if key_node.tag == STRING_TAG else self.loader.construct_object(key_node)
            if name in seen:
                raise Problem(self.path, line, key + (name,), f"duplicate key '{name}' (first at line {seen[name]})",
                              "keep one of the two; YAML would silently drop the first", self.layer)
            seen[name] = line
            data[name] = self.value(value_node, key + (name,))
            self.lines[key + (name,)] = line
        return data
