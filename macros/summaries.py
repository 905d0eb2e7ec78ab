"""The one-line summary of each kind of entity: the field that says what it is, cut to its first sentence.

Links on level pages carry it ("More for this level"), and it is what a search result and a page's
meta description show for a level or a transition. Which field that is, per kind, is decided here
once; the words are the data's.
"""
from __future__ import annotations

import html
import re

from .model import Entry, LoadedHandbook

# kind -> the field whose first sentence sums the entity up
SUMMARY_FIELDS = {
    "level": "summary", "transition": "what_changes", "track": "summary", "dimension": "question",
    "anti_pattern": "pattern", "mistake": "trap", "pillar": "meaning", "archetype": "summary",
    "glue_work": "definition", "brag_document": "definition", "story": "headline", "resource": "why",
    "exercise": "intro", "checklist": "intro", "plan_phase": "goal", "interview_question": "testing",
    "manager_topic": "text", "step_group": "intro", "skill_stage": "description",
    "company_dimension": "green_flags", "compensation_part": "what", "side_projects": "litmus_test",
}
# A level's name is part of its transitions' names ("Staff" in "Senior to Staff"): the level's own page comes first.
LEVEL_BOOST = 1.2
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


def summary(entry: Entry) -> str:
    """The first sentence of the entity's summary field, on one line; "" when its kind has none."""
    text = getattr(entry.obj, SUMMARY_FIELDS.get(entry.kind, ""), None) or ""
    if not isinstance(text, str):
        return ""
    return _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def by_relevance(entries: list[Entry]) -> list[Entry]:
    """Entries in the order a reader of one level wants them: those that name fewer levels (more about this
    one) first, and among equals in the data's order. An entity that names no level comes last."""
    def specificity(entry: Entry) -> int:
        levels = getattr(entry.obj, "levels", None) or []
        return len(levels) if levels else 1000
    return sorted(entries, key=specificity)


def search_meta(loaded: LoadedHandbook, page_src: str, tags: bool = True) -> dict:
    """Page metadata for a level's or transition's own page: its name as a search tag, which Material's
    search weighs far above words in the text (so searching a level's name shows its page first), and
    its summary as the page's description. Material writes the description into HTML unescaped. The PDF's
    build (print-site) would print the tags, so it goes without them."""
    key = loaded.entity_on_page(page_src)
    if key is None:
        return {}
    entry = loaded.entry(key)
    meta = {"description": html.escape(summary(entry), quote=True)}
    if tags:
        meta["tags"] = [html.escape(entry.title)]  # Material's search shows tags as HTML
    if tags and entry.kind == "level":
        meta["tags"].append(html.escape(entry.obj.code))  # "E4" finds the E4 levels before the transitions named after them
        meta["search"] = {"boost": LEVEL_BOOST}
    return meta
