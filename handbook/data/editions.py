"""Editions: what changed since an earlier edition, and the promise that its ids and pages still work.

`make build SINCE=<git revision or folder>` (or the handbook plugin's `since`) loads the earlier
edition's data the way this build loads its own (a company's overlay included, so the
company's own changes count) and compares the two, entry by entry, as the open data lists
them: every entity, checklist item and cell of the level map, by id.

- The comparison is a model (`Changes`) that `templates/pages/changes.md.j2` shows as the
  "What changed" page, grouped by level so that a reader finds their own.
- An id of the earlier edition that is gone with nothing standing in for it (no entity
  that `covers` it, no `redirects:` entry) stops the build: links, bookmarks, saved
  answers and other tools use those ids, and a level's or transition's id is also the
  address of its page. A checklist item of an entity that is itself replaced goes with it.

A git revision is read with `git archive` into a temporary folder; nothing is fetched.
"""
from __future__ import annotations

import io
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from handbook.errors import HandbookError, Problem, shown
from handbook.data.loader import load_handbook
from handbook.data.model import Entry, LoadedHandbook
from handbook.site.open_data import EditionInfo, Record, record_kind, records
from handbook.data.redirects import by_key, moved
from handbook.data.schema import Covering, Edition
from handbook.data.site_map import ENTITY_PAGES

# Order of kinds within a level's group: the ladder's own first.
KIND_ORDER = ("level", "cell", "transition", "signal", "checklist_item", "dimension")
STATUS_ORDER = ("added", "reworded", "removed")
SINCE_PATH = ("plugins", "handbook", "since")


@dataclass
class Wording:
    """One text field, before and now ("" where it had none)."""

    field: str
    before: str
    now: str


@dataclass
class Change:
    status: str  # added, reworded or removed
    record: Record  # as it is now; as it was for a removed one
    wording: list[Wording] = field(default_factory=list)
    link: str | None = None  # the id to link to: the entry itself, a cell's level, or what replaced it
    replaced_by: str | None = None


@dataclass
class Group:
    """The changes that concern one level (`level` None: the whole ladder or no level in particular)."""

    level: Record | None
    changes: list[Change] = field(default_factory=list)


@dataclass
class Changes:
    since: str | None = None  # the earlier edition as given (a revision or a folder); None: none given
    previous: EditionInfo | None = None
    current: EditionInfo | None = None
    groups: list[Group] = field(default_factory=list)

    def count(self, status: str) -> int:
        return len({(c.record.kind, c.record.id) for g in self.groups for c in g.changes if c.status == status})


def changes_since(since: str | None, config_file: Path, data_dir: Path, overlay_dir: Path | None,
                  current: LoadedHandbook, page_folders: tuple[Path, ...] = (),
                  redirected: frozenset[str] = frozenset()) -> Changes:
    """The changes since the edition `since` (None or "": no earlier edition); HandbookError if an id of
    that edition is gone with nothing standing in for it, or a page of `page_folders` (the hand-written
    pages) that is not in `redirected` (mkdocs-redirects' own redirect_maps)."""
    since = str(since or "").strip()
    if not since:
        return Changes(current=_info(current.handbook.site.edition))
    with tempfile.TemporaryDirectory(prefix="handbook-edition-") as scratch:
        base, overlay, shown_root = _earlier_data(since, data_dir, overlay_dir, config_file, Path(scratch))
        try:
            previous = load_handbook(base, overlay)
        except HandbookError as error:
            raise HandbookError([_problem(config_file, f"the edition SINCE={since} does not load with this version's "
                                          f"schema:\n{error}", "compare with a later edition, or bring that edition's "
                                          "data up to date in a folder and name the folder")]) from None
        problems = stability_problems(previous, current, since, shown_root)
    problems += gone_pages(since, config_file, data_dir, page_folders, redirected)
    if problems:
        raise HandbookError(problems)
    return compare(previous, current, since)


def compare(previous: LoadedHandbook, current: LoadedHandbook, since: str) -> Changes:
    before = {(r.kind, r.id): r for r in records(previous)}
    now = {(r.kind, r.id): r for r in records(current)}
    replaced = moved(current)
    changes = [Change("added", r, link=_link(r)) for key, r in now.items() if key not in before]
    for key, record in now.items():
        wording = _reworded(before[key], record) if key in before else []
        if wording:
            changes.append(Change("reworded", record, wording, link=_link(record)))
    for key, record in before.items():
        if key not in now:
            stand_in = replaced.get(record.id)
            changes.append(Change("removed", record, link=stand_in.key if stand_in else None,
                                  replaced_by=stand_in.key if stand_in else None))
    return Changes(since, _info(previous.handbook.site.edition), _info(current.handbook.site.edition),
                   _grouped(changes, before, now))


def stability_problems(previous: LoadedHandbook, current: LoadedHandbook, since: str,
                       shown_root: Path | None = None) -> list[Problem]:
    """One problem per id of `previous` that is gone with nothing standing in for it.

    A checklist item whose owner is gone (replaced or not) is not listed: its owner is.
    """
    replaced, now = moved(current), by_key(current.index)
    gone = [entry for key, entry in by_key(previous.index).items() if key not in now and key not in replaced]
    site_file = _shown(current.sources["site"].path, None)
    problems = []
    for entry in gone:
        if entry.owner is not None and entry.owner.key not in now:
            continue
        problems.append(_gone(entry, since, site_file, shown_root))
    return problems


def gone_pages(since: str, config_file: Path, data_dir: Path, page_folders: tuple[Path, ...],
               redirected: frozenset[str]) -> list[Problem]:
    """A problem per hand-written page of the edition `since` that is gone, unless its address is redirected.

    The earlier pages are known for a git revision and a copy of the repository's folders; a bare
    data folder has none.
    """
    root = _repository(data_dir) or config_file.parent
    copy = next((folder for folder in (Path(since), config_file.parent / since) if folder.is_dir()), None)
    if copy is not None and (copy / "site.yml").is_file():
        return []
    problems = []
    for folder in page_folders:
        relative = os.path.relpath(folder.resolve(), root)
        if relative.startswith(".."):  # not kept with the data: no earlier version of it to read
            continue
        if copy is not None:
            earlier = {p.relative_to(copy / relative).as_posix() for p in (copy / relative).rglob("*.md")}
        else:
            listing = _git(root, "ls-tree", "-r", "--name-only", since, "--", relative) or ""
            earlier = {Path(name).relative_to(relative).as_posix() for name in listing.splitlines()
                       if name.endswith(".md")}
        for page in sorted(earlier - redirected):
            if not (folder / page).is_file():
                problems.append(Problem(_shown(folder / page, None), 1, (), f"the page {page} of edition {since} is "
                                        "gone, and its address with it", "add it back, or forward its address: in "
                                        f"{_shown(config_file, None)}, under plugins: redirects: redirect_maps:, add "
                                        f"'{page}': <the page that replaces it>.md", f"since {since}"))
    return problems


def _gone(entry: Entry, since: str, site_file: Path, shown_root: Path | None) -> Problem:
    kind = record_kind(entry)
    file, line, _ = entry.source.locate(entry.path)
    message = f"{kind} '{entry.key}' of edition {since} is gone, and nothing stands in for it"
    if entry.kind in ENTITY_PAGES:
        message += f": its page {entry.page.removesuffix('.md')}/ would be a dead link"
    fix = f"add it back, or list it under `redirects:` in {site_file} (`- id: {entry.key}` and `to:` the id that " \
          "replaces it)"
    if isinstance(entry.obj, Covering):
        fix += f", or give the {kind} that replaces it `covers: [{entry.key}]`"
    return Problem(_shown(file, shown_root), line, entry.path, message, fix, f"since {since}")


def _reworded(before: Record, now: Record) -> list[Wording]:
    if before.fields == now.fields and before.text == now.text:
        return []
    if not before.fields and not now.fields:  # a cell: its text is all it has
        return [Wording("text", before.text, now.text)]
    names = list(now.fields) + [name for name in before.fields if name not in now.fields]
    return [Wording(name, _flat(before.fields.get(name)), _flat(now.fields.get(name)))
            for name in names if before.fields.get(name) != now.fields.get(name)]


def _flat(value) -> str:
    if value is None:
        return ""
    return "; ".join(value) if isinstance(value, list) else value


def _link(record: Record) -> str:
    return record.owner if record.kind == "cell" else record.id


def _grouped(changes: list[Change], before: dict, now: dict) -> list[Group]:
    """Changes by level, in the ladder's order (levels that are gone last); what concerns every level or
    none goes to the last group."""
    levels = {r.id: r for r in before.values() if r.kind == "level"} | {r.id: r for r in now.values()
                                                                        if r.kind == "level"}
    current_levels = [key[1] for key in now if key[0] == "level"]
    order = current_levels + [key[1] for key in before if key[0] == "level" and key[1] not in current_levels]
    groups = {level_id: Group(levels[level_id]) for level_id in order}
    general = Group(None)
    for change in sorted(changes, key=_order):
        concerned = [level for level in change.record.levels if level in groups]
        if not concerned or set(current_levels) <= set(concerned):
            general.changes.append(change)
            continue
        for level in concerned:
            groups[level].changes.append(change)
    return [group for group in [*groups.values(), general] if group.changes]


def _order(change: Change) -> tuple:
    kind = change.record.kind
    return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), kind,
            STATUS_ORDER.index(change.status))


def _info(edition: Edition | None) -> EditionInfo | None:
    return EditionInfo(edition.version, edition.date.isoformat()) if edition else None


def _earlier_data(since: str, data_dir: Path, overlay_dir: Path | None, config_file: Path,
                  scratch: Path) -> tuple[Path, Path | None, Path | None]:
    """(base data folder, overlay folder or None, the folder its paths are shown from) of the edition `since`.

    A folder is either an earlier data folder (it holds site.yml) or a copy of the repository's
    folders (data/ and a company's overlay at the same places); anything else is a git revision
    of the repository that holds the data.
    """
    for folder in (Path(since), config_file.parent / since):
        if folder.is_dir():
            if (folder / "site.yml").is_file():
                return folder, None, None
            root = _repository(data_dir) or config_file.parent
            return _inside(folder, data_dir, overlay_dir, root) + (None,)
    root = _repository(data_dir)
    if root is None or not _git(root, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}"):
        raise HandbookError([_problem(config_file, f"SINCE={since} is neither a folder nor a git revision of the "
                                      "repository that holds the data", "name a folder that holds an earlier "
                                      "edition's data, or a tag, branch or commit (see `git tag`, `git log`)")])
    wanted = [folder for folder in (data_dir, overlay_dir) if folder is not None]
    paths = [os.path.relpath(folder.resolve(), root) for folder in wanted]
    present = [path for path in paths if _git(root, "cat-file", "-e", f"{since}:{path}") is not None]
    if paths[0] not in present:
        raise HandbookError([_problem(config_file, f"the revision {since} has no folder {paths[0]}",
                                      "name a revision of the handbook that has its data there")])
    import tarfile  # here, not at the top: only a build that compares with a git revision reads an archive

    try:
        archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", since, "--", *present],
                                 capture_output=True, check=True, timeout=120).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(scratch, filter="data")
    except (OSError, subprocess.SubprocessError, tarfile.TarError) as error:
        raise HandbookError([_problem(config_file, f"the data of {since} could not be read from git ({error})",
                                      "check the revision with `git show --stat " + since + "`")]) from None
    base, overlay = _inside(scratch, data_dir, overlay_dir, root)
    return base, overlay, scratch


def _inside(folder: Path, data_dir: Path, overlay_dir: Path | None, root: Path) -> tuple[Path, Path | None]:
    """The data folders at their places relative to `root`, inside `folder`."""
    base = folder / os.path.relpath(data_dir.resolve(), root)
    overlay = folder / os.path.relpath(overlay_dir.resolve(), root) if overlay_dir else None
    return base, overlay if overlay is not None and overlay.is_dir() else None


def _repository(folder: Path) -> Path | None:
    top = _git(folder, "rev-parse", "--show-toplevel") if folder.is_dir() else None
    return Path(top) if top else None


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _problem(config_file: Path, message: str, fix: str) -> Problem:
    return Problem(_shown(config_file, None), 1, SINCE_PATH, message, fix, "since")


def _shown(path: Path, root: Path | None) -> Path:
    """A path as a reader finds it: inside an extracted revision, as in the repository; else from here."""
    path = Path(path)
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root)
    return Path(shown(path))
