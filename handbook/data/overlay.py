"""A company's data laid over the base data, by id, before anything is validated.

The company keeps files with the base's names in its own folder. Each is merged
onto the base file of the same name:

- a mapping merges key by key, so a company changes only the fields it names;
- a list of entities (mappings with an `id`) merges by id: an entry with a base
  id changes that entity, `remove: true` takes it out, a new id is appended;
- any other value (text, a list of strings) replaces the base value;
- `replace: [key, ...]` in a mapping replaces those keys' lists whole, which is
  how a company brings its own ladder (levels and dimensions).

The merged file keeps, for every value, the file, line and layer it came from,
so an error in the merged data points at the base or the company file.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from handbook.errors import Problem
from handbook.data.yaml_source import PathKey, SourceFile

REMOVE = "remove"
REPLACE = "replace"


@dataclass(repr=False)
class MergedSource(SourceFile):
    """A data file made of two layers; each path remembers its own origin."""

    origins: dict[PathKey, tuple[Path, int, str]] = field(default_factory=dict)

    def locate(self, path: PathKey) -> tuple[Path, int, str]:
        for end in range(len(path), -1, -1):
            origin = self.origins.get(tuple(path[:end]))
            if origin:
                return origin
        return self.path, 1, self.layer


@dataclass
class Removal:
    """An id the company took out, and where it said so."""

    file: Path
    line: int


def apply_overlay(base: dict[str, SourceFile], company: dict[str, SourceFile],
                  problems: list[Problem], removed: dict[str, Removal] | None = None) -> dict[str, SourceFile]:
    """The base files with the company's files merged in; `removed` collects the ids taken out."""
    removed = {} if removed is None else removed
    merged = dict(base)
    for name, layer in company.items():
        if name not in base:
            merged[name] = layer
            continue
        result = MergedSource(layer.path, None, layer=layer.layer)
        merger = _Merger(base[name], layer, result.origins, problems, removed)
        result.data = merger.merge(base[name].data, (), layer.data, (), ())
        merged[name] = result
    return merged


class _Merger:
    def __init__(self, base: SourceFile, company: SourceFile, origins: dict, problems: list, removed: dict):
        self.base, self.company, self.origins = base, company, origins
        self.problems, self.removed = problems, removed

    def merge(self, base_value, base_path, company_value, company_path, path):
        if isinstance(base_value, dict) and isinstance(company_value, dict):
            return self._merge_mapping(base_value, base_path, company_value, company_path, path)
        if _is_entity_list(base_value) and isinstance(company_value, list):
            return self._merge_entities(base_value, base_path, company_value, company_path, path)
        return self._take(self.company, company_value, company_path, path)

    def _merge_mapping(self, base_value, base_path, company_value, company_path, path):
        replace = company_value.get(REPLACE, [])
        if not isinstance(replace, list) or not all(isinstance(key, str) for key in replace):
            self.problems.append(self.company.problem(company_path + (REPLACE,), "'replace' must list keys",
                                                      "write replace: [levels, dimensions]"))
            replace = []
        self._record(self.base, base_path, path)
        result = {}
        for key, value in base_value.items():
            if key in company_value and key not in replace:
                result[key] = self.merge(value, base_path + (key,), company_value[key], company_path + (key,),
                                         path + (key,))
            elif key not in company_value:
                result[key] = self._take(self.base, value, base_path + (key,), path + (key,))
        for key, value in company_value.items():
            if key == REPLACE:
                continue
            if key in replace or key not in base_value:
                result[key] = self._take(self.company, value, company_path + (key,), path + (key,))
        for position, key in enumerate(replace):
            if key not in base_value and key not in company_value:  # misspelt: it would replace nothing, silently
                close = difflib.get_close_matches(key, list(base_value), n=1)
                self.problems.append(self.company.problem(
                    company_path + (REPLACE, position), f"'replace' names '{key}', which neither the base nor this file has here",
                    f"did you mean '{close[0]}'?" if close else f"name one of {', '.join(sorted(base_value))}"))
                continue
            self._note_replaced(base_value.get(key), company_value.get(key), company_path + (REPLACE,))
        return result

    def _note_replaced(self, base_list, company_list, replace_path) -> None:
        """Ids of a replaced list that the company's list does not keep count as removed."""
        if not _is_entity_list(base_list):
            return
        kept = {item.get("id") for item in company_list or [] if isinstance(item, dict)}
        file, line, _ = self.company.locate(replace_path)
        for item in base_list:
            if item["id"] not in kept:
                self.removed[item["id"]] = Removal(file, line)

    def _merge_entities(self, base_list, base_path, company_list, company_path, path):
        changes = {}
        for position, item in enumerate(company_list):
            item_path = company_path + (position,)
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                self.problems.append(self.company.problem(item_path, "an entry in this list has no id (a text)",
                                                          "give it the id of the entity it changes or adds"))
                continue
            if REMOVE in item and item[REMOVE] is not True:  # `remove: yes` in quotes, `remove: 1`, `remove:`
                self.problems.append(self.company.problem(item_path + (REMOVE,),
                                                          f"'remove' takes true, not {item[REMOVE]!r}",
                                                          "write 'remove: true' to take the entity out, or delete "
                                                          "the line"))
                continue
            if item["id"] in changes:
                first = self.company.locate(changes[item["id"]][1])[1]
                self.problems.append(self.company.problem(item_path + ("id",),
                                                          f"duplicate id '{item['id']}' (first at line {first})",
                                                          "keep one entry per id; it may change several fields"))
                continue
            changes[item["id"]] = (item, item_path)
        result = []
        for position, item in enumerate(base_list):
            change = changes.pop(item.get("id"), None)
            target = path + (len(result),)
            if change is None:
                result.append(self._take(self.base, item, base_path + (position,), target))
            elif change[0].get(REMOVE) is True:
                file, line, _ = self.company.locate(change[1])
                self.removed[item["id"]] = Removal(file, line)
            else:
                fields = {k: v for k, v in change[0].items() if k != REMOVE}
                result.append(self.merge(item, base_path + (position,), fields, change[1], target))
        for item, item_path in changes.values():
            if item.get(REMOVE) is True:
                self.problems.append(self.company.problem(item_path, f"there is no '{item['id']}' to remove",
                                                          "check the id against the base data, or delete this entry"))
                continue
            result.append(self._take(self.company, item, item_path, path + (len(result),)))
        return result

    def _take(self, source: SourceFile, value, source_path, path):
        """Use `value` as it is, and remember where each of its parts came from."""
        self._record(source, source_path, path)
        if isinstance(value, dict):
            return {key: self._take(source, item, source_path + (key,), path + (key,))
                    for key, item in value.items() if not (source is self.company and key == REMOVE)}
        if isinstance(value, list):
            return [self._take(source, item, source_path + (i,), path + (i,)) for i, item in enumerate(value)]
        return value

    def _record(self, source: SourceFile, source_path, path):
        self.origins[path] = source.locate(source_path)


def _is_entity_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) and isinstance(item.get("id"), str)
                                                           for item in value)
