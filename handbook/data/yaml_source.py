"""Read YAML and keep the line of every value, within limits a hostile file cannot get around.

PyYAML's `safe_load` forgets where values came from and silently keeps the last
of two equal keys. Errors found much later (a schema error, a dangling id, a
removed level still referenced by a company) must point at a file and a line,
so we build the data from PyYAML's stream of events in one loop and record the
line of each path such as ("levels", 2, "dimensions", "scope"). On the way,
every string loses the white space around it (a `|` block ends with a line
break). Other scalars (numbers, true/false, dates) are read by PyYAML's rules.

The loop keeps its own stack instead of recursing, so it also bounds what a
file can cost: a file's size, how deep it nests, how many aliases it uses and
how many values those aliases repeat. An alias is the very object its anchor
built, never a fresh copy, so nine anchors of nine aliases each ("a billion
laughs") cost nine lists, and are refused before anything walks them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.errors import Problem, visible

PathKey = tuple

MAX_BYTES = 10_000_000  # ten times the largest data file of `make bench` at 100 times today's data
MAX_DEPTH = 50  # today's data nests 7 deep
MAX_ALIASES = 1_000  # alias uses per file
MAX_REPEATED = 100_000  # values that aliases repeat, per file
# What no text may hold, however it is written: control characters other than tab and line break, and
# half of a surrogate pair ("\ud800"), which no page or file can be written with. YAML refuses them raw;
# only a double-quoted scalar's escapes ("\0", "\a", "\x1b", "\e", "\N") can make them.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(repr=False)
class SourceFile:
    """One YAML file: its data and the line where each path starts."""

    path: Path
    data: object
    lines: dict[PathKey, int] = field(default_factory=dict)
    layer: str = "base"
    # Each plain value that YAML read as something other than a text, as the file writes it (`yes`, not True):
    # a message about it quotes what the writer typed.
    written: dict[PathKey, str] = field(default_factory=dict)

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
# events and lines; its error messages are vaguer ("did not find expected key"), so a file
# that fails is read again by the pure-Python parser, whose message names what it found.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, layer: str = "base") -> SourceFile:
    text = _read_text(path, layer)
    try:
        return _Build(path, layer, FAST_LOADER(text)).source()
    except yaml.YAMLError as error:
        if FAST_LOADER is yaml.SafeLoader:
            raise _malformed(path, layer, text, error) from None
    try:
        return _Build(path, layer, yaml.SafeLoader(text)).source()
    except yaml.YAMLError as error:
        raise _malformed(path, layer, text, error) from None


def _read_text(path: Path, layer: str) -> str:
    """The file as text: not a folder, not too large, UTF-8."""
    if path.is_dir():
        raise Problem(path, 1, (), "this is a folder, not a data file",
                      f"move the folder elsewhere or rename it so that its name does not end in {path.suffix}", layer)
    try:
        if not path.is_file():  # a named pipe would wait for a writer forever, /dev/zero never end
            raise Problem(path, 1, (), "this is not a regular file (a pipe, a device or a socket)",
                          "replace it with a YAML file, or remove it", layer)
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # the size `stat` gives can be wrong, or change while it is read
        if len(raw) > MAX_BYTES:
            raise Problem(path, 1, (), f"the file has more than the {MAX_BYTES:,} bytes a data file may have",
                          "split the content or remove what does not belong in the handbook", layer)
    except OSError as error:
        raise Problem(path, 1, (), f"the file cannot be read ({error.strerror})",
                      "check that it is a readable file", layer) from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise Problem(path, line, (), f"byte 0x{raw[error.start]:02x} at column {column} is not UTF-8 text",
                      "save the file as UTF-8 (retype the character if it still looks wrong)", layer) from None


STRING_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"
_NO_KEY = object()
_MERGE = object()


@dataclass
class _Open:
    """A mapping or list whose events are still being read."""

    value: object
    path: PathKey
    anchor: str | None
    size: int = 1
    key: object = _NO_KEY  # a mapping's key waiting for its value
    seen: dict = field(default_factory=dict)  # a mapping's keys and their lines


class _Build:
    """Data and lines of one file, from the parser's events."""

    def __init__(self, path: Path, layer: str, loader):
        self.path, self.layer, self.loader = path, layer, loader
        self.lines: dict[PathKey, int] = {}
        self.written: dict[PathKey, str] = {}
        self.anchors: dict[str, tuple[object, int]] = {}  # anchor -> (value, number of values in it)
        self.open: list[_Open] = []
        self.aliases = self.repeated = 0

    def source(self) -> SourceFile:
        try:
            data = self._read()
        finally:
            self.loader.dispose()
        return SourceFile(self.path, data, self.lines, self.layer, self.written)

    def problem(self, mark, path: PathKey, message: str, fix: str) -> Problem:
        return Problem(self.path, mark.line + 1, path, message, fix, self.layer)

    def _read(self):
        get_event, resolve, stack = self.loader.get_event, self.loader.resolve, self.open
        root, documents = _NO_KEY, 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent and event.style == '"' and FORBIDDEN.search(event.value):
                raise self._forbidden(event)
            if kind is yaml.ScalarEvent and stack and event.anchor is None and type(stack[-1].value) is dict:
                # The common case, kept short: a text key, or a text value under a key.
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(yaml.ScalarNode, event.value, event.implicit)
                if tag == STRING_TAG:
                    parent = stack[-1]
                    parent.size += 1
                    if parent.key is _NO_KEY:
                        self._key(parent, event.value, event)
                    else:
                        parent.value[parent.key] = event.value.strip()
                        parent.key = _NO_KEY
                    continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.problem(event.start_mark, (), "the file holds more than one YAML document (---)",
                                       "keep one document per file: remove the second '---' and what follows")
            elif kind is yaml.StreamEndEvent or event is None:
                break
            elif isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
                done = self._event(event)
                if done is not _NO_KEY:
                    root = done[0]
        if root is _NO_KEY:
            raise Problem(self.path, 1, (), "the file is empty", "write the file's top-level keys, see data/README.md",
                          self.layer)
        return root

    def _event(self, event):
        """Handle one event; returns (value, size) when the file's top value is complete, else _NO_KEY."""
        if isinstance(event, yaml.CollectionEndEvent):
            closed = self.open.pop()
            if closed.anchor is not None:
                self.anchors[closed.anchor] = (closed.value, closed.size)
            return self._add(closed.value, closed.size, event)
        path = self._path_of(event)
        if isinstance(event, yaml.AliasEvent):
            return self._add(*self._alias(event, path), event)
        if path is not None:
            self.lines.setdefault(path, event.start_mark.line + 1)
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event, path)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            return self._add(value, 1, event)
        if len(self.open) >= MAX_DEPTH:
            raise self.problem(event.start_mark, (path or ())[:1],
                               f"the data nests more than {MAX_DEPTH} levels deep here",
                               "flatten it: the handbook's files nest fewer than ten levels")
        if path is None:
            raise self._complex_key(event)
        collection = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.open.append(_Open(collection, path, event.anchor))
        return _NO_KEY

    def _path_of(self, event) -> PathKey | None:
        """The path of the value that starts with `event`; None when it is a mapping's key."""
        if not self.open:
            return ()
        parent = self.open[-1]
        if isinstance(parent.value, list):
            return parent.path + (len(parent.value),)
        if parent.key is _NO_KEY:
            return None
        return parent.path + (parent.key,)

    def _alias(self, event, path: PathKey | None) -> tuple[object, int]:
        if event.anchor not in self.anchors:
            if any(o.anchor == event.anchor for o in self.open):
                raise self.problem(event.start_mark, path or (), f"the alias *{event.anchor} is inside its own anchor",
                                   "an anchor cannot contain itself; write the value out")
            raise self.problem(event.start_mark, path or (), f"the alias *{event.anchor} has no anchor before it",
                               f"define '&{event.anchor}' earlier in the file, or write the value out")
        value, size = self.anchors[event.anchor]
        self.aliases += 1
        self.repeated += size
        if self.aliases > MAX_ALIASES:
            raise self.problem(event.start_mark, path or (), f"the file uses more than {MAX_ALIASES:,} aliases",
                               "write repeated values out, or repeat fewer of them")
        if self.repeated > MAX_REPEATED:
            raise self.problem(event.start_mark, path or (),
                               f"the aliases up to here repeat more than {MAX_REPEATED:,} values",
                               "aliases of aliases multiply: write the values out, or repeat fewer of them")
        if path is not None:
            self.lines.setdefault(path, event.start_mark.line + 1)
        return value, size

    def _scalar(self, event, path: PathKey | None):
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == STRING_TAG:
            return event.value.strip() if path is not None else event.value
        if tag == MERGE_TAG and path is None:
            return _MERGE
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        if path is not None:
            self.written[path] = event.value
        try:
            return self.loader.construct_object(node)
        except yaml.YAMLError:
            raise
        except Exception:  # PyYAML's constructors raise ValueError and others for a malformed number or date
            kind = tag.split(":")[-1]
            length = f" ({len(event.value):,} characters)" if len(event.value) > 60 else ""
            raise self.problem(event.start_mark, path or (),
                               f"'{event.value:.60}'{length} cannot be read as {_KINDS.get(kind, kind)}",
                               "correct the value, or quote it to make it a text") from None

    def _add(self, value, size: int, event):
        """Put a complete value into the mapping or list that holds it."""
        if not self.open:
            return value, size
        parent = self.open[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(value)
        elif parent.key is _NO_KEY:
            self._key(parent, value, event)
        else:
            parent.value[parent.key] = value
            parent.key = _NO_KEY
        return _NO_KEY

    def _key(self, parent: _Open, name, event) -> None:
        line = event.start_mark.line + 1
        if name is _MERGE:
            raise self.problem(event.start_mark, parent.path, "YAML merge keys (<<) are not supported",
                               "write the keys out; a company layer changes entities by id instead")
        if isinstance(name, (dict, list)):
            raise self._complex_key(event)
        if name in parent.seen:
            raise self.problem(event.start_mark, parent.path + (name,),
                               f"duplicate key '{name}' (first at line {parent.seen[name]})",
                               "keep one of the two; YAML would silently drop the first")
        parent.seen[name] = line
        parent.key = name
        self.lines[parent.path + (name,)] = line

    def _forbidden(self, event) -> Problem:
        character = FORBIDDEN.search(event.value)[0]
        name = "half of a surrogate pair" if "\ud800" <= character <= "\udfff" else "the control character"
        where = self._path_of(event)
        return self.problem(event.start_mark, where if where is not None else (self.open[-1].path if self.open else ()),
                            f"this text holds {name} {visible(character)}, written as an escape in quotes; "
                            "it would end up invisible or broken in pages and files",
                            "remove the escape; write a line break as a new line in a '|' block, and any other "
                            "character as itself")

    def _complex_key(self, event) -> Problem:
        return self.problem(event.start_mark, self.open[-1].path if self.open else (),
                            "a key here is a list or a mapping (YAML's '? ' complex key)",
                            "use a plain name as the key")


_QUOTE_START = re.compile(r"^\s*(?:-\s+)*(?:[^\s#'\"][^:#]*:\s+|-\s+)?(?P<quote>[\"'])(?P<rest>.*)$")


def _unclosed_quote(text: str, before: int) -> tuple[int, str] | None:
    """(line, quote) of the last value up to line `before` whose quote does not close on its own line."""
    found = None
    for number, line in enumerate(text.splitlines()[:before], 1):
        match = _QUOTE_START.match(line)
        if not match:
            continue
        quote, rest = match["quote"], match["rest"]
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            found = (number, quote)
    return found


# What a YAML tag's value would have been, in the words of a message.
_KINDS = {"int": "a whole number", "float": "a number", "timestamp": "a date", "bool": "true or false"}


def _malformed(path: Path, layer: str, text: str, error: yaml.YAMLError) -> Problem:
    tag = re.search(r"could not determine a constructor for the tag '(?:tag:yaml\.org,2002:)?([^']*)'",
                    str(getattr(error, "problem", "")))
    if tag:  # !!python/name:os.system and the like: the safe reader builds no object, and says it this way
        mark = error.problem_mark
        return Problem(path, mark.line + 1 if mark else 1, (),
                       f"the tag !!{tag[1]} asks for an object to be built; the data holds only texts, numbers, "
                       "lists and mappings", "remove the tag (from '!' to the next space)", layer)
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        return Problem(path, line, (), f"the character #x{error.character:04x} is not allowed in YAML",
                       "remove it (it is invisible in most editors)", layer)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 1
    detail = " ".join(part for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part)
    lines = text.splitlines()
    if mark and line <= len(lines) and "\t" in lines[line - 1][:mark.column + 1]:
        column = lines[line - 1].index("\t") + 1
        return Problem(path, line, (), f"a tab character at column {column}: YAML indents with spaces only",
                       "replace the tab with spaces (most editors can show tabs, and turn them into spaces)", layer)
    quote = _unclosed_quote(text, line)
    if quote is not None and quote[0] != line:
        return Problem(path, quote[0], (), f"malformed YAML: the quote {quote[1]} opened on this line is not closed "
                                           f"on it (the YAML reader then stopped at line {line}: {detail})",
                       "close the quote on this line; for text over several lines use a '|' block", layer)
    return Problem(path, line, (), f"malformed YAML: {detail}",
                   "check the indentation and quoting on this line and the one above it", layer)
