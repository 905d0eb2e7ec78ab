"""Problems in the handbook's data, reported with file, line, path and fix."""
from __future__ import annotations

import os
import re
from pathlib import Path

# Characters a terminal would act on or hide rather than show: control characters (an escape sequence can
# clear the screen and print a fake "data is valid"), line and paragraph separators, halves of a surrogate
# pair (which no terminal can print), zero-width and bidirectional marks (which reorder what is shown).
_UNSHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufeff]")


def visible(text: str) -> str:
    """Text as a message may print it: every character that is not shown as itself written as an escape
    (`\\x1b`, `\\u202e`), so that what the data holds is what the reader sees."""
    return _UNSHOWN.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", str(text))


def format_path(path: tuple) -> str:
    """("levels", 2, "scope") -> "levels[2].scope"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


class Problem(Exception):
    """One thing wrong in one place, and what to do about it."""

    def __init__(self, file: Path, line: int, path: tuple, message: str, fix: str, layer: str = "base"):
        super().__init__(message)
        self.file, self.line, self.path = Path(file), line, tuple(path)
        self.message, self.fix, self.layer = message, fix, layer

    def __str__(self) -> str:
        end = "" if self.fix.endswith((".", "?", "!")) else "."
        where = f"{shown(self.file)}:{self.line}: [{self.layer}] {visible(format_path(self.path))}"
        return f"{where}: {visible(self.message)}. Fix: {visible(self.fix)}{end}"


def shown(file: Path) -> str:
    """A file as messages name it: relative to the folder where `make` runs when it is inside it,
    and with no `..` detours either way. A company's configuration reaches the base through
    `../../data`; a message naming `/home/me/handbook/mycompany/../../data/senior.yml` would hide
    the file that `data/senior.yml` names plainly."""
    absolute = Path(os.path.abspath(file))
    for candidate in (absolute, absolute.resolve()):
        try:
            return visible(candidate.relative_to(Path.cwd()))
        except (ValueError, OSError):
            continue
    return visible(absolute)


class HandbookError(Exception):
    """Every problem found in the data; raised before anything is written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line))
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"the handbook's data has {count} problem{'s' if count != 1 else ''}:\n{lines}")
