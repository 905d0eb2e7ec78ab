"""A company's data laid over the base data by id (see docs on hosting a company handbook)."""
from __future__ import annotations

from .errors import Problem
from .yaml_source import SourceFile


def apply_overlay(base: dict[str, SourceFile], company: dict[str, SourceFile],
                  problems: list[Problem]) -> dict[str, SourceFile]:
    merged = dict(base)
    merged.update(company)
    return merged
