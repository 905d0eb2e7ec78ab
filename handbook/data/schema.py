"""The handbook's data model: one msgspec class per kind of YAML content.

These classes are the single definition of what `data/*.yml` may hold. The
loader validates every file against them, `make schema` publishes them as JSON
Schema for editors, and the renderer reads the typed objects they produce.

Every model forbids unknown keys, so a typo in a key is an error, not a silent
omission. Text fields hold Markdown prose; data never holds HTML. The YAML
reader trims the white space around every string, so a text of blanks is empty.

An entity is any object with an `id`. Ids are kebab-case and unique within
their kind (a dimension and a pillar may both be `communication`). A
`Ref("level")` field holds the id of another entity of that kind; a `related`
list (`Ref()`, any kind) holds plain ids, or `kind:id` where a plain id names
entities of several kinds. The index checks every reference once per build
and records the backlink.
"""

import datetime
import functools
import re
from dataclasses import dataclass
from typing import Annotated, Optional, TypeVar

import msgspec
from msgspec import Meta, Struct, StructMeta, field

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# An id names a page (levels/<id>/) and a file on disk, whose names most systems cap at 255 bytes; 64
# characters is three times today's longest id and leaves room for `<owner id>--<part id>`.
MAX_ID_LENGTH = 64
# A whole web address: no blanks, quotes or angle brackets that could end it early in a page.
URL_PATTERN = r"^https?://[^\s<>\"'`{}|\\^/\x00-\x1f\x7f][^\s<>\"'`{}|\\^\x00-\x1f\x7f]*$"
# A reference to an entity of any kind: `story-id`, or `pillar:communication` to name the kind.
ANY_REF_PATTERN = r"^([a-z]+(_[a-z]+)*:)?[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, Meta(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH)]
# An entity's id, or a part's `<owner id>--<part id>`: what a link's anchor and the open data name.
KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$"
Key = Annotated[str, Meta(pattern=KEY_PATTERN, max_length=2 * MAX_ID_LENGTH + 2)]
Text = Annotated[str, Meta(min_length=1)]
# The one definition of a single-line field: names, titles, labels and codes are shown in the navigation,
# in a page's <title>, in a table cell and in a form's options, where a line break would start a new
# heading or row. No line break of any kind (Unicode has four); a tab is a blank like any other.
SINGLE_LINE_PATTERN = r"^[^\n\r\x85\u2028\u2029]*$"
MAX_LABEL_LENGTH = 120
Label = Annotated[str, Meta(min_length=1, max_length=MAX_LABEL_LENGTH, pattern=SINGLE_LINE_PATTERN)]
Url = Annotated[str, Meta(pattern=URL_PATTERN)]
T = TypeVar("T")
NonEmptyList = Annotated[list[T], Meta(min_length=1)]


@dataclass(frozen=True)
class RefTo:
    """Marks a field as holding ids of entities of these kinds (any kind when empty). A `hint` is a reference
    that adds to the entity without being part of what it says (a related link, the dimensions a plan
    suggests it for): when a company takes its target out, the reference goes with it."""

    kinds: tuple[str, ...] = ()
    hint: bool = False


@dataclass(frozen=True)
class Verbatim:
    """Marks a text shown as code, character for character (handbook/data/text_check.py)."""


Code = Annotated[str, Meta(min_length=1), Verbatim()]


def Ref(*kinds: str, hint: bool = False):
    return Annotated[str, Meta(pattern=ID_PATTERN if kinds else ANY_REF_PATTERN, max_length=2 * MAX_ID_LENGTH),
                     RefTo(kinds, hint or not kinds)]


def kind_of(model) -> str:
    """AntiPattern -> anti_pattern: the name a Ref("...") and a `kind:id` reference use."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(model).__name__).lower()


LevelRef = Ref("level")
DimensionRef = Ref("dimension", hint=True)
AnyRef = Ref()


class _KeywordFields(StructMeta):
    """Every field is passed by name, so a class may add required fields after a parent's optional ones."""

    def __new__(mcls, name, bases, namespace, **options):
        return super().__new__(mcls, name, bases, namespace, kw_only=True, **options)


class Model(Struct, metaclass=_KeywordFields, forbid_unknown_fields=True, frozen=True):
    pass


class Entity(Model):
    id: Annotated[Id, Meta(description="Stable kebab-case id, unique among entities of its kind; it is the anchor on the site.")]


class Covering(Entity):
    """An entity that a company's own one can stand in for (levels, transitions, dimensions)."""

    covers: Annotated[list[Id], Meta(description="When a company brings its own ladder: ids of the base entities "
                                                  "this one stands in for; references to them lead here.")] = []


class Linked(Entity):
    """An entity that names the levels it concerns and other related entities."""

    levels: Annotated[list[LevelRef], Meta(description="Ids of the levels this concerns.")] = []
    related: Annotated[list[AnyRef], Meta(description="Ids of other entities this relates to; `kind:id` (such as "
                                                     "`pillar:communication`) where an id names several kinds.")] = []


class Note(Model):
    """A titled remark: a test, a rule, an exception, a list of points."""

    title: Label
    text: Optional[Text] = None
    points: list[Text] = []


class Part(Model):
    """A piece of a larger entity, such as a checklist item or a numbered step.

    Its id is unique within its list only; its anchor on the site is
    `<owner id>--<part id>`, so it stays stable when the part moves in the list.
    """

    id: Annotated[Id, Meta(description="Stable kebab-case id, unique within its list.")]


class Item(Part):
    """One checklist item: a box a reader can tick, with an optional explanation."""

    text: Text
    detail: Optional[Text] = None


class PlanItem(Item):
    """A checklist item that the self-assessment can suggest as a next step in a reader's plan."""

    dimensions: Annotated[list[DimensionRef], Meta(description="Optional: ids of the ladder's dimensions this item "
                                                            "shows growth in; a plan suggests it for those. "
                                                            "Without it, the words it shares with a dimension decide.")] = []


class Checklist(Entity):
    title: Label
    intro: Optional[Text] = None
    items: NonEmptyList[Item]
    notes: list[Note] = []


# --- Site ------------------------------------------------------------------

class Audience(Part):
    name: Label
    text: Text
    steps: list[Text] = []


class Edition(Model):
    """Which version of the handbook this is; the "What changed" page and the open data name it."""

    version: Annotated[Label, Meta(description="The edition's name, such as 2.1 or 2026-spring.")]
    date: Annotated[datetime.date, Meta(description="The day it was published, as YYYY-MM-DD.")]


class Redirect(Model):
    """An id of an earlier edition that is gone, and the id that now stands in for it."""

    id: Annotated[Key, Meta(description="The id that is gone (a checklist item's as <owner id>--<item id>).")]
    to: Annotated[Key, Meta(description="The id that replaces it; links, pages and tools are sent there.")]


class Site(Model):
    title: Label
    tagline: Text
    intro: Text
    audiences: NonEmptyList[Audience]
    principles: list[Note] = []
    closing: Optional[Note] = None
    edition: Optional[Edition] = None
    redirects: Annotated[list[Redirect], Meta(description="Ids of earlier editions that are gone, each with the "
                                                          "id that replaces it, so old links and ids keep working.")] = []


# --- Levels and transitions ----------------------------------------------

class Dimension(Covering):
    name: Label
    question: Annotated[Optional[Text], Meta(description="Optional: what this dimension asks about an engineer.")] = None


class Track(Linked):
    """A path of levels. The staff page compares the tracks that describe how they work (`lever` ...);
    a company's trunk or path of its ladder needs only a name and a summary."""

    name: Label
    summary: Optional[Text] = None
    titles: list[Label] = []
    branches_from: Annotated[list[LevelRef], Meta(
        description="The level this track branches from, the last of a shared trunk (one per job family): "
                    "the track's first level sits one step above it on the level scale.")] = []
    lever: Optional[Text] = None
    day_to_day: Optional[Text] = None
    measured_by: Optional[Text] = None
    failure_mode: Optional[Text] = None
    reversibility: Optional[Text] = None


class Family(Entity):
    """A job family (software, data, reliability...): its own levels on the handbook's shared level scale."""

    name: Label
    summary: Optional[Text] = None
    dimensions: Annotated[NonEmptyList[Ref("dimension")], Meta(
        description="Ids of the dimensions this family's levels describe; families may share dimensions.")]


class Proficiency(Entity):
    """One step of a proficiency scale (Awareness, Working, Expert...), which a level may give each dimension."""

    label: Annotated[str, Meta(min_length=1, max_length=16, pattern=SINGLE_LINE_PATTERN,
                               description="The short label shown in a cell.")]
    name: Label
    meaning: Annotated[Optional[Text], Meta(description="Optional: what this step means, for the legend.")] = None


class Level(Covering):
    name: Label
    code: Annotated[Label, Meta(description="The level's short code, such as L3.")]
    track: Ref("track")
    family: Annotated[Optional[Ref("family")], Meta(
        description="The job family this level belongs to; required when the ladder has families.")] = None
    rank: Annotated[Optional[Annotated[int, Meta(ge=1, le=99)]], Meta(
        description="Its step on the shared level scale: levels of the same rank (IC3 and M3) line up. "
                    "Without it: one above the level before it on its track (above the level its track branches "
                    "from, for a track's first level), or 1.")] = None
    # Optional: a ladder kept in a spreadsheet has one text per cell and often nothing else (issue 25).
    summary: Annotated[Optional[Text], Meta(description="Optional: the level in a sentence or two.")] = None
    evaluated_on: Annotated[Optional[Text], Meta(description="Optional: what people at this level are evaluated on.")] = None
    dimensions: Annotated[dict[Id, Text], Meta(description="One text per dimension id (of its family's dimensions).")]
    proficiency: Annotated[dict[Id, Ref("proficiency")], Meta(
        description="Optional: per dimension id, the id of a step of the ladder's proficiency scale.")] = {}


class Transition(Covering):
    from_level: LevelRef = field(name="from")
    to_level: LevelRef = field(name="to")
    title: Label
    what_changes: Annotated[Optional[Text], Meta(description="Optional: what changes in the step, in a few sentences.")] = None
    signals: Annotated[list[PlanItem], Meta(description="Signals you made it: a checklist (optional).")] = []
    held_back: Annotated[list[Item], Meta(description="What holds people back (optional).")] = []
    related: list[AnyRef] = []


# --- Traps -----------------------------------------------------------------

class AntiPattern(Linked):
    name: Label
    pattern: Text
    why_it_hurts: Text
    how_to_avoid: Text


class Mistake(Linked):
    name: Label
    trap: Text
    why_it_hurts: Text
    fix: Text
    notes: list[Note] = []


class SkillStage(Entity):
    name: Label
    description: Text
    value: Label


class Traps(Model):
    intro: Text
    anti_patterns: NonEmptyList[AntiPattern]
    mistakes: NonEmptyList[Mistake]
    stages_intro: Text
    skill_stages: NonEmptyList[SkillStage]
    closing: Optional[Note] = None


# --- Senior engineering ----------------------------------------------------

# A code block's language, one word (`python`, `c++`, `c#`): anything after a blank would be read as the block's
# options (a title, line numbers), which are the template's.
LANGUAGE_PATTERN = r"^[A-Za-z0-9_+#.-]+$"


class CodeExample(Model):
    title: Label
    language: Annotated[str, Meta(pattern=LANGUAGE_PATTERN, max_length=40,
                                  description="The code's language, one word, such as python or javascript.")]
    code: Code


class Pillar(Linked):
    name: Label
    meaning: Text
    practices: Annotated[NonEmptyList[PlanItem], Meta(description="What it looks like in practice: a checklist.")]
    notes: list[Note] = []
    example: Optional[CodeExample] = None


class Senior(Model):
    intro: Text
    pillars: NonEmptyList[Pillar]
    task_checklist: Checklist
    deploy_readiness: Checklist
    decision_framework: Checklist


# --- Staff+ ----------------------------------------------------------------

class Archetype(Linked):
    name: Label
    summary: Text
    traits: NonEmptyList[Text]
    day_to_day: Text
    risk: Text


class StaffWork(Linked):
    name: Label
    points: NonEmptyList[Text]


class Step(Part):
    name: Label
    text: Text


class GlueWork(Linked):
    name: Label
    definition: Text
    why_it_hurts: Text
    steps: NonEmptyList[Step]


class BragDocument(Linked):
    name: Label
    definition: Text
    analogy: Text
    template: Annotated[Code, Meta(description="The template, as Markdown source shown in a code block.")]
    rules: NonEmptyList[Step]


class Staff(Model):
    intro: Text
    single_track_problem: Text
    tracks: NonEmptyList[Track]
    tracks_insight: Text
    archetypes_intro: Text
    archetypes: NonEmptyList[Archetype]
    archetypes_closing: Text
    work: NonEmptyList[StaffWork]
    glue_work: GlueWork
    brag_document: BragDocument


# --- Portfolio ---------------------------------------------------------------

class SideProjects(Entity):
    title: Label
    impresses: NonEmptyList[Text]
    does_not_impress: NonEmptyList[Text]
    litmus_test: Text


class StepGroup(Linked):
    title: Label
    intro: Optional[Text] = None
    steps: NonEmptyList[Step]
    notes: list[Note] = []


class Portfolio(Model):
    intro: Text
    side_projects: SideProjects
    open_source: StepGroup
    writing: StepGroup
    learning: StepGroup


# --- Interviews ------------------------------------------------------------

class CompanyDimension(Entity):
    name: Label
    green_flags: Text
    red_flags: Text


class QuestionGroup(Entity):
    name: Label
    questions: NonEmptyList[Text]


class CompensationPart(Entity):
    name: Label
    what: Text
    notes: Text


class Negotiation(Entity):
    title: Label
    principles: NonEmptyList[Step]
    compensation: NonEmptyList[CompensationPart]
    notes: list[Note] = []


class RedFlags(Entity):
    title: Label
    company: NonEmptyList[Text]
    candidate: NonEmptyList[Text]


class PlanPhase(Checklist):
    goal: Text


class InterviewQuestion(Linked):
    question: Text
    testing: Annotated[Text, Meta(description="What the question really tests.")]
    how_to_answer: list[Text] = []
    mistakes: list[Text] = []
    examples: list[Note] = []


class Interviews(Model):
    intro: Text
    company_dimensions: NonEmptyList[CompanyDimension]
    question_groups: NonEmptyList[QuestionGroup]
    notes: list[Note] = []
    negotiation: Negotiation
    red_flags: RedFlags
    plan: Annotated[NonEmptyList[PlanPhase], Meta(description="The 30-60-90 day plan, one checklist per phase.")]
    questions_intro: Text
    questions: NonEmptyList[InterviewQuestion]


# --- Stories, resources, exercises, managers ------------------------------

class Story(Linked):
    name: Label
    headline: Text
    path: Text
    set_apart: Text
    lesson: Text


class Resource(Linked):
    title: Label
    author: Optional[Label] = None
    kind: Annotated[Label, Meta(description="book, website, blog, newsletter, essay, talk, ...")]
    url: Optional[Url] = None
    why: Text
    topics: NonEmptyList[Label]


class Resources(Model):
    intro: Text
    resources: NonEmptyList[Resource]


class Exercise(Checklist):
    duration: Optional[Label] = None
    closing: Optional[Text] = None
    levels: list[LevelRef] = []
    related: list[AnyRef] = []


class Exercises(Model):
    intro: Text
    exercises: NonEmptyList[Exercise]


class CriterionExample(Model):
    attribute: Label
    behaviour: Text


class ManagerTopic(Linked):
    title: Label
    text: Text
    points: list[Text] = []
    examples: list[CriterionExample] = []


class Managers(Model):
    intro: Text
    topics: NonEmptyList[ManagerTopic]
    closing: Optional[Text] = None


# --- Files -----------------------------------------------------------------

class Ladder(Model):
    intro: Text
    principle: Annotated[Note, Meta(description="The idea the level map rests on.")]
    dimensions: NonEmptyList[Dimension]
    families: Annotated[list[Family], Meta(
        description="Optional job families; then every level names its family.")] = []
    proficiency: Annotated[list[Proficiency], Meta(
        description="Optional proficiency scale, lowest step first; levels rate dimensions on it.")] = []
    levels: NonEmptyList[Level]


class Transitions(Model):
    intro: Text
    transitions: NonEmptyList[Transition]


class Stories(Model):
    intro: Text
    stories: NonEmptyList[Story]


class Handbook(Model):
    """The whole handbook. Each field is one file, `data/<field>.yml`."""

    site: Site
    ladder: Ladder
    transitions: Transitions
    traps: Traps
    senior: Senior
    staff: Staff
    portfolio: Portfolio
    interviews: Interviews
    stories: Stories
    resources: Resources
    exercises: Exercises
    managers: Managers


@functools.cache
def fields_of(model: type[Model]) -> tuple[msgspec.structs.FieldInfo, ...]:
    """A model's fields: `name` in Python, `encode_name` in YAML, `type`. Cached: the index asks per object."""
    return msgspec.structs.fields(model)
