"""`make import FILE=ladder.csv NAME=mycompany`: a company's ladder from its spreadsheet.

`scripts/ladder_sheet.py` reads and checks the sheet; this writes NAME/data/ladder.yml (levels,
dimensions, families, proficiency scale), the tracks in NAME/data/staff.yml, and
NAME/data/transitions.yml: one step between consecutive levels of each track, whose signals are
the cells that change.

- The sheet owns what it holds: a level's name, code, track, rank and cells, a dimension's name.
  Everything else (a summary, `covers`, a question, `held_back`...) is the company's hand-written
  work and is kept, by id, when a changed sheet is imported again.
- What the import writes from the cells (a transition's title, what changes, its signals, the intros)
  is replaced only while it still reads as the previous sheet made it; once edited, it is kept.
- Every problem of the sheet is reported at once, as `file:row:column: problem. Fix: ...`, and
  nothing is written until there is none.

Usage: python scripts/import_ladder.py FILE NAME
"""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.errors import Problem
from ladder_sheet import Sheet, parse, read_table
from names import company_name_problem

ROOT = Path(__file__).resolve().parent.parent
HEADER = ("# Written by `make import` from {sheet}. The sheet owns names, codes, tracks, ranks and cells;\n"
          "# what you add by hand (summaries, questions, held_back, covers...) is kept at the next import.\n")


# --- What the import writes ------------------------------------------------

def transitions_of(levels: list[dict], dimensions: dict[str, str]) -> list[dict]:
    """One step between consecutive levels of each track (of each family), in rank order, then sheet order.
    Its signals are the cells that change; the words are the sheet's."""
    paths: dict[tuple, list[dict]] = {}
    for level in levels:
        paths.setdefault((level.get("family"), level["track"]), []).append(level)
    ordered_paths = {key: [level for _, level in sorted(enumerate(path), key=lambda pair: (pair[1].get("rank", 0),
                                                                                          pair[0]))]
                     for key, path in paths.items()}
    steps = []
    for (family, track), ordered in ordered_paths.items():
        pairs = list(zip(ordered, ordered[1:]))
        start = ordered[0]
        # A path that starts one step above the top of another of its family's paths branches from it
        # (a trunk's last level leads to the first IC level and to the first manager level).
        for (other_family, other_track), other in ordered_paths.items():
            top = other[-1]
            if (other_family == family and other_track != track and "rank" in start and "rank" in top
                    and top["rank"] == start["rank"] - 1):
                pairs.insert(0, (top, start))
        for before, after in pairs:
            changed = [d for d in after["dimensions"] if after["dimensions"][d] != before["dimensions"].get(d)]
            step = {"id": f"{before['id']}-to-{after['id']}", "from": before["id"], "to": after["id"],
                    "title": f"{before['code']} to {after['code']}"}
            if changed:
                names = [dimensions.get(d, d) for d in changed]
                listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
                step["what_changes"] = (f"{after['name']} ({after['code']}) asks something new in {len(changed)} "
                                        f"of {len(after['dimensions'])} dimensions: {listed}.")
                step["signals"] = [{"id": d, "text": after["dimensions"][d]} for d in changed]
            steps.append(step)
    return steps


def ladder_intro(levels: list[dict], tracks: dict[str, str], dimensions: dict[str, str]) -> str:
    used = [tracks.get(t, t) for t in dict.fromkeys(level["track"] for level in levels)]
    return (f"{len(levels)} levels on {len(used)} track{'s' if len(used) != 1 else ''} ({', '.join(used)}), "
            f"each described along {len(dimensions)} dimensions. Each cell says what that dimension looks like "
            "at that level, so you can place yourself and see what the next level asks for.")


TRANSITIONS_INTRO = "Each step from one level to the next on its track, with the cells that change on the way."


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def count(self, kind: str, before: dict[str, dict], after: dict[str, dict]) -> None:
        added = [i for i in after if i not in before]
        removed = [i for i in before if i not in after]
        changed = [i for i in after if i in before and after[i] != before[i]]
        parts = [f"{len(after)} {kind}"]
        for word, ids in (("added", added), ("changed", changed), ("removed", removed)):
            if ids:
                shown = ", ".join(ids[:6]) + (f" and {len(ids) - 6} more" if len(ids) > 6 else "")
                parts.append(f"{word}: {shown}")
        self.lines.append("; ".join(parts))


def merge_entities(new: list[dict], old: list[dict], sheet_keys: tuple[str, ...]) -> list[dict]:
    """The sheet's entities, each keeping the hand-written keys of the old entity with its id."""
    old_by_id = {entity.get("id"): entity for entity in old if isinstance(entity, dict)}
    merged = []
    for entity in new:
        previous = old_by_id.get(entity["id"], {})
        result = {key: value for key, value in previous.items() if key not in sheet_keys}
        result.update(entity)
        merged.append(_in_order(result, previous, entity))
    return merged


def _in_order(result: dict, previous: dict, entity: dict) -> dict:
    """The old file's key order, new keys after, so that a re-import changes as few lines as it can."""
    order = list(previous) + [key for key in entity if key not in previous]
    return {key: result[key] for key in order if key in result}


def keep_edited(new: str | None, old_generated: str | None, old: str | None) -> str | None:
    """The new generated text, unless the old one was edited by hand (it differs from what the import wrote)."""
    if old is not None and old != old_generated:
        return old
    return new


def merge_transitions(new: list[dict], old: list[dict], old_generated: list[dict], report: Report) -> list[dict]:
    generated_before = {step["id"]: step for step in old_generated}
    old_by_id = {step.get("id"): step for step in old if isinstance(step, dict)}
    merged = []
    for step in new:
        previous, made = old_by_id.get(step["id"], {}), generated_before.get(step["id"], {})
        result = {key: value for key, value in previous.items()}
        result.update({key: step[key] for key in ("id", "from", "to")})
        for key in ("title", "what_changes"):
            value = keep_edited(step.get(key), made.get(key), previous.get(key))
            if value is not None and value != step.get(key):
                report.kept.append(f"transition {step['id']}: {key}")
            if value is None:
                result.pop(key, None)
            else:
                result[key] = value
        signals = _merge_signals(step.get("signals", []), made.get("signals", []), previous.get("signals", []),
                                 step["id"], report)
        if signals:
            result["signals"] = signals
        else:
            result.pop("signals", None)
        merged.append(_in_order(result, previous, step))
    return merged


def _merge_signals(new: list[dict], made: list[dict], old: list[dict], owner: str, report: Report) -> list[dict]:
    """A signal the import wrote follows the sheet; one written or edited by hand stays."""
    made_text = {signal["id"]: signal["text"] for signal in made}
    new_by_id = {signal["id"]: signal for signal in new}
    result = []
    for signal in old:
        if not isinstance(signal, dict):
            continue
        untouched = made_text.get(signal.get("id")) == signal.get("text") and set(signal) <= {"id", "text"}
        if untouched and signal["id"] in new_by_id:
            result.append(new_by_id.pop(signal["id"]))
        elif not untouched:
            result.append(signal)
            new_by_id.pop(signal.get("id"), None)
            report.kept.append(f"transition {owner}: signal {signal.get('id')}")
    return result + list(new_by_id.values())


def read_yaml(path: Path) -> dict:
    """A company data file the import updates; a Problem (file:line, as `make check` names it) when it is not YAML."""
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or getattr(error, "reason", None) or type(error).__name__
        raise Problem(path, mark.line + 1 if mark else 1, (), f"the file cannot be read as YAML ({reason}); nothing "
                      "was written", "correct it (make check names the line) or move it away, then import again",
                      "company") from None
    return data if isinstance(data, dict) else {}


def write_yaml(path: Path, data: dict, sheet: str) -> None:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(sheet=sheet) + text, encoding="utf-8")


def _entities(items) -> list[dict]:
    return [item for item in items or [] if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _generated(ladder: dict, tracks: dict[str, str]) -> tuple[str, list[dict]]:
    """What the import wrote from a ladder.yml's own cells: its intro and its transitions."""
    levels = _entities(ladder.get("levels"))
    dimensions = {d["id"]: d.get("name", d["id"]) for d in _entities(ladder.get("dimensions"))}
    if not levels:
        return "", []
    usable = [level for level in levels if isinstance(level.get("dimensions"), dict)]
    return ladder_intro(usable, tracks, dimensions), transitions_of(usable, dimensions)


def write_company(sheet: Sheet, folder: Path, sheet_name: str) -> Report:
    data = folder / "data"
    report = Report()
    ladder_path, transitions_path, staff_path = data / "ladder.yml", data / "transitions.yml", data / "staff.yml"
    old_ladder, old_transitions, old_staff = read_yaml(ladder_path), read_yaml(transitions_path), read_yaml(staff_path)
    old_tracks = {t["id"]: t.get("name", t["id"]) for t in _entities(old_staff.get("tracks"))}
    old_intro, old_steps = _generated(old_ladder, old_tracks)

    families = list(dict.fromkeys(level["family"] for level in sheet.levels.values() if "family" in level))
    dimensions = [{"id": i, "name": name} for i, name in sheet.dimensions.items()]
    scale = sorted(sheet.proficiency.items(), key=lambda item: item[1][0])
    ladder = {key: value for key, value in old_ladder.items()}
    ladder["replace"] = ["dimensions", "levels"] + (["families"] if families else []) + (
        ["proficiency"] if scale else [])
    intro = keep_edited(ladder_intro(list(sheet.levels.values()), sheet.tracks, sheet.dimensions), old_intro,
                        old_ladder.get("intro"))
    if intro != ladder_intro(list(sheet.levels.values()), sheet.tracks, sheet.dimensions):
        report.kept.append("ladder: intro")
    ladder["intro"] = intro
    ladder["dimensions"] = merge_entities(dimensions, _entities(old_ladder.get("dimensions")), ("id", "name"))
    if families:
        ladder["families"] = merge_entities(
            [{"id": f, "name": f.replace("-", " ").capitalize(),
              "dimensions": list(dict.fromkeys(d for level in sheet.levels.values() if level.get("family") == f
                                               for d in level["dimensions"]))} for f in families],
            _entities(old_ladder.get("families")), ("id", "dimensions"))
    else:
        ladder.pop("families", None)
    if scale:
        ladder["proficiency"] = merge_entities(
            [{"id": i, "label": label, "name": name} for i, (_, label, name) in scale],
            _entities(old_ladder.get("proficiency")), ("id", "label", "name"))
    else:
        ladder.pop("proficiency", None)
    ladder["levels"] = merge_entities(list(sheet.levels.values()), _entities(old_ladder.get("levels")),
                                      ("id", "name", "code", "track", "family", "rank", "dimensions", "proficiency"))
    level_covers, step_covers = base_covers(list(sheet.levels.values()), transitions_of(
        list(sheet.levels.values()), sheet.dimensions))
    _add_covers(ladder["levels"], _entities(old_ladder.get("levels")), level_covers)
    ladder = {key: ladder[key] for key in ("replace", "intro") + tuple(k for k in ladder if k not in ("replace", "intro"))}

    steps = transitions_of(list(sheet.levels.values()), sheet.dimensions)
    transitions = {key: value for key, value in old_transitions.items()}
    transitions["replace"] = ["transitions"]
    transitions.setdefault("intro", TRANSITIONS_INTRO)
    transitions["transitions"] = merge_transitions(steps, _entities(old_transitions.get("transitions")), old_steps,
                                                   report)
    _add_covers(transitions["transitions"], _entities(old_transitions.get("transitions")), step_covers)
    transitions = {"replace": transitions.pop("replace"), **transitions}

    staff = {key: value for key, value in old_staff.items()}
    tracks = [{"id": i, "name": name} for i, name in sheet.tracks.items()]
    others = [t for t in _entities(old_staff.get("tracks")) if t["id"] not in sheet.tracks]
    staff["tracks"] = merge_entities(tracks, _entities(old_staff.get("tracks")), ("id", "name")) + others

    def by_id(items) -> dict[str, dict]:
        return {item["id"]: item for item in _entities(items)}
    report.count("levels", by_id(old_ladder.get("levels")), by_id(ladder["levels"]))
    report.count("dimensions", by_id(old_ladder.get("dimensions")), by_id(ladder["dimensions"]))
    report.count("tracks", {i: t for i, t in by_id(old_staff.get("tracks")).items() if i in sheet.tracks},
                 {t["id"]: t for t in staff["tracks"] if t["id"] in sheet.tracks})
    report.count("transitions", by_id(old_transitions.get("transitions")), by_id(transitions["transitions"]))
    write_yaml(ladder_path, ladder, sheet_name)
    write_yaml(transitions_path, transitions, sheet_name)
    write_yaml(staff_path, staff, sheet_name)
    return report


# --- Standing in for the base's ladder ----------------------------------------

def base_covers(levels: list[dict], steps: list[dict]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Which base levels and transitions each imported one stands in for (`covers:`), so that the base's
    stories, traps and checklists that name a base level lead to the company's level of the same step.

    Each base level goes to the level of the sheet's first track nearest its step on the level scale,
    each base transition to the imported step between the levels that cover its ends (or, failing that,
    to the one that arrives where it arrives). A company that sees it otherwise edits `covers:`, which
    the next import keeps."""
    sys.path.insert(0, str(ROOT))
    from handbook.data.loader import load_handbook
    base = load_handbook(ROOT / "data")
    main_track = levels[0]["track"]
    trunk = [level for level in levels if level["track"] == main_track]
    rank = {level["id"]: level.get("rank", position + 1) for position, level in enumerate(trunk)}
    level_covers: dict[str, list[str]] = {}
    cover_of: dict[str, str] = {}
    for level in base.handbook.ladder.levels:
        step = base.rank(level)
        nearest = min(trunk, key=lambda candidate: (abs(rank[candidate["id"]] - step), rank[candidate["id"]]))
        level_covers.setdefault(nearest["id"], []).append(level.id)
        cover_of[level.id] = nearest["id"]
    step_covers: dict[str, list[str]] = {}
    for transition in base.handbook.transitions.transitions:
        ends = (cover_of.get(transition.from_level), cover_of.get(transition.to_level))
        match = next((s for s in steps if (s["from"], s["to"]) == ends), None) or next(
            (s for s in steps if s["to"] == ends[1]), None) or (steps[0] if steps else None)
        if match:
            step_covers.setdefault(match["id"], []).append(transition.id)
    return level_covers, step_covers


def _add_covers(entities: list[dict], old: list[dict], covers: dict[str, list[str]]) -> None:
    """`covers:` where the import chose it; a company's own (any `covers:` in its file) is never touched."""
    if any("covers" in entity for entity in old):
        return
    for entity in entities:
        if entity["id"] in covers:
            entity["covers"] = covers[entity["id"]]


# --- The command -----------------------------------------------------------

def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("Usage: make import FILE=ladder.csv NAME=mycompany", file=sys.stderr)
        return 2
    file, name = Path(argv[0]), argv[1]
    problem = company_name_problem(name)
    if problem:
        print(f"{problem}. Fix: choose a NAME such as mycompany.", file=sys.stderr)
        return 2
    if file.suffix.lower() not in (".csv", ".xlsx") or not file.is_file():
        print(f"{argv[0]}: no such .csv or .xlsx file. Fix: give FILE= the path of your sheet, "
              "saved as CSV (UTF-8) or as an Excel workbook (.xlsx).", file=sys.stderr)
        return 2
    try:
        table = read_table(file)
    except (UnicodeDecodeError, csv.Error, OSError, ValueError, KeyError) as error:
        print(f"{argv[0]}:1:1: the sheet cannot be read ({error}). Fix: save it as CSV (UTF-8) or .xlsx, "
              "with a row per level and dimension.",
              file=sys.stderr)
        return 1
    sheet, errors = parse(table, argv[0])
    if errors:
        count = len(errors)
        print(f"{argv[0]} has {count} problem{'s' if count != 1 else ''}; nothing was written:", file=sys.stderr)
        for error in errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    folder = ROOT / name
    if not (folder / "mkdocs.yml").is_file():
        import new_company
        if new_company.main([name]) != 0:
            return 1
    try:
        report = write_company(sheet, folder, file.name)
    except Problem as problem:
        print(problem, file=sys.stderr)
        return 1
    print(f"imported {argv[0]} into {name}/data/ (ladder.yml, transitions.yml, staff.yml):")
    for line in report.lines:
        print(f"  {line}")
    if report.kept:
        print(f"  kept what was written by hand: {', '.join(report.kept)}")
    print(f"next: make check CONFIG={name}/mkdocs.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
