"""Problems in the handbook's data, reported with file, line, path and fix."""
from __future__ import annotations

from pathlib import Path

from handbook.paths import shown  # re-exported: the data's modules name files with it


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
        where = f"{shown(self.file)}:{self.line}: [{self.layer}] {format_path(self.path)}"
        return f"{where}: {self.message}. Fix: {self.fix}{end}"


class HandbookError(Exception):
    """Every problem found in the data; raised before anything is written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line))
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"the handbook's data has {count} problem{'s' if count != 1 else ''}:\n{lines}")
