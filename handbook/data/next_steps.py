"""Next steps the handbook can suggest for a plan: for a transition, its signals, the practices, exercises and
stories that concern its target level or the transition itself, each with the dimensions it speaks to.

A signal or practice may name its dimensions (`dimensions: [scope, influence]`); that is what it concerns.
One that names none is read from its words, so that a company's ladder brought from a spreadsheet gets
suggestions before anyone links them: it concerns a dimension when it shares a word with the dimension's
name or with what the target level says for it ("Multiple systems, across teams" and "adopted by several
teams"). Words are compared by their first five letters, which joins "architecture" and "architectural"
without a stemmer. A signal that concerns no dimension is still the transition's own: it is offered under
every dimension that found nothing else, so no dimension below the target is left without a suggestion
while the data has one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handbook.data.schema import Level, Transition

if TYPE_CHECKING:  # the model offers these as LoadedHandbook.next_steps, so it imports this module
    from handbook.data.model import Entry, LoadedHandbook

# Words too common in the ladder's own texts to say which dimension something is about.
COMMON = frozenset("""that with your their what when more than from into other others they this which about only
whole entire single multiple several across does need needs even know question level levels technical engineer
engineers engineering work someone people""".split())
PER_DIMENSION = 4  # suggestions shown per dimension: a choice, not a reading list


@dataclass(frozen=True)
class NextStep:
    """One suggestion: what it is (`signal`, `practice`, `exercise`, `story`), its entry (for the link)
    and the ids of the dimensions it concerns."""

    kind: str
    entry: Entry
    dimensions: tuple[str, ...]


def _words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4 and w not in COMMON}


def _named(entry: Entry, dimensions: dict[str, set[str]]) -> list[str]:
    """The dimensions an item names itself (through a company's dimension that covers one, if so), of those asked."""
    return [d.obj.id for d in entry.links if d.kind == "dimension" and d.obj.id in dimensions]


def _candidates(loaded: LoadedHandbook, transition: Transition, target: Level) -> list[tuple[str, Entry, str]]:
    """(kind, entry, the words that say what it is about), signals first, each entry once."""
    found = [("signal", loaded.entry_of(s, transition), s.text) for s in transition.signals]
    linked = loaded.backlinks(transition) + loaded.backlinks(target)
    for e in linked:
        if e.kind == "pillar":
            found += [("practice", loaded.entry_of(p, e.obj), p.text) for p in e.obj.practices]
    found += [("exercise", e, e.obj.title) for e in linked if e.kind == "exercise"]
    found += [("story", e, e.obj.headline) for e in linked if e.kind == "story" and target.id in e.obj.levels]
    seen: set[str] = set()
    return [c for c in found if not (c[1].ref in seen or seen.add(c[1].ref))]


def next_steps(loaded: LoadedHandbook, transition: Transition) -> list[NextStep]:
    """The suggestions for `transition`, at most PER_DIMENSION for each dimension of its target level."""
    target = loaded.entry("level:" + transition.to_level).obj
    dimensions = {d.id: _words(d.name + " " + target.dimensions[d.id])
                  for d in loaded.handbook.ladder.dimensions if d.id in target.dimensions}
    candidates = _candidates(loaded, transition, target)
    matched = [(kind, entry, _named(entry, dimensions) or [d for d, words in dimensions.items() if words & _words(text)])
               for kind, entry, text in candidates]
    unmatched_signals = [(kind, entry) for kind, entry, found in matched if kind == "signal" and not found]
    shown: dict[str, list[str]] = {}
    for d in dimensions:
        mine = [entry.ref for _, entry, found in matched if d in found]
        shown[d] = (mine or [entry.ref for _, entry in unmatched_signals])[:PER_DIMENSION]
    return [NextStep(kind, entry, tuple(d for d in dimensions if entry.ref in shown[d]))
            for kind, entry, _ in matched if any(entry.ref in refs for refs in shown.values())]
