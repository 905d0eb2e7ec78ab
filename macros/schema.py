"""The handbook's data model: one pydantic class per kind of YAML content.

These classes are the single definition of what `data/*.yml` may hold. The
loader validates every file against them, `make schema` publishes them as JSON
Schema for editors, and the renderer reads the typed objects they produce.

Every model forbids unknown keys, so a typo in a key is an error, not a silent
omission. Text fields hold Markdown prose; data never holds HTML.

An entity is any object with an `id`. Ids are kebab-case and unique across
the whole handbook, so one id names one thing and one anchor on the site.
A `Ref("level")` field holds the id of another entity of that kind; the index
checks every such reference once per build and records the backlink.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]


@dataclass(frozen=True)
class RefTo:
    """Marks a field as holding ids of entities of these kinds (any kind when empty)."""

    kinds: tuple[str, ...] = ()


def Ref(*kinds: str):
    return Annotated[str, StringConstraints(pattern=ID_PATTERN), RefTo(kinds)]


LevelRef = Ref("level")
AnyRef = Ref()


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Entity(Model):
    id: Id = Field(description="Stable kebab-case id, unique in the handbook; it is the anchor on the site.")


class Covering(Model):
    covers: list[Id] = Field(default_factory=list,
                             description="When a company brings its own ladder: ids of the base entities this one "
                                         "stands in for; references to them lead here.")


class Linked(Entity):
    """An entity that names the levels it concerns and other related entities."""

    levels: list[LevelRef] = Field(default_factory=list, description="Ids of the levels this concerns.")
    related: list[AnyRef] = Field(default_factory=list, description="Ids of other entities this relates to.")


class Note(Model):
    """A titled remark: a test, a rule, an exception, a list of points."""

    title: Label
    text: Optional[Text] = None
    points: list[Text] = Field(default_factory=list)


class Part(Model):
    """A piece of a larger entity, such as a checklist item or a numbered step.

    Its id is unique within its list only; its anchor on the site is
    `<owner id>--<part id>`, so it stays stable when the part moves in the list.
    """

    id: Id = Field(description="Stable kebab-case id, unique within its list.")


class Item(Part):
    """One checklist item: a box a reader can tick, with an optional explanation."""

    text: Text
    detail: Optional[Text] = None


class Checklist(Entity):
    title: Label
    intro: Optional[Text] = None
    items: list[Item] = Field(min_length=1)
    notes: list[Note] = Field(default_factory=list)


# --- Site ------------------------------------------------------------------

class Audience(Part):
    name: Label
    text: Text
    steps: list[Text] = Field(default_factory=list)


class Site(Model):
    title: Label
    tagline: Text
    intro: Text
    audiences: list[Audience] = Field(min_length=1)
    principles: list[Note] = Field(default_factory=list)
    closing: Optional[Note] = None


# --- Levels and transitions ----------------------------------------------

class Dimension(Entity, Covering):
    name: Label
    question: Text = Field(description="What this dimension asks about an engineer.")


class Track(Linked):
    name: Label
    summary: Text
    titles: list[Label] = Field(default_factory=list)
    lever: Text
    day_to_day: Text
    measured_by: Text
    failure_mode: Text
    reversibility: Text


class Level(Entity, Covering):
    name: Label
    code: Label = Field(description="The level's short code, such as L3.")
    track: Ref("track")
    summary: Text
    evaluated_on: Text = Field(description="What people at this level are evaluated on.")
    dimensions: dict[Id, Text] = Field(description="One text per dimension id.")


class Transition(Entity, Covering):
    from_level: LevelRef = Field(alias="from")
    to_level: LevelRef = Field(alias="to")
    title: Label
    what_changes: Text
    signals: list[Item] = Field(min_length=1, description="Signals you made it: a checklist.")
    held_back: list[Item] = Field(min_length=1, description="What holds people back.")
    related: list[AnyRef] = Field(default_factory=list)


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
    notes: list[Note] = Field(default_factory=list)


class SkillStage(Entity):
    name: Label
    description: Text
    value: Label


class Traps(Model):
    intro: Text
    anti_patterns: list[AntiPattern] = Field(min_length=1)
    mistakes: list[Mistake] = Field(min_length=1)
    stages_intro: Text
    skill_stages: list[SkillStage] = Field(min_length=1)
    closing: Optional[Note] = None


# --- Senior engineering ----------------------------------------------------

class CodeExample(Model):
    title: Label
    language: Label
    code: Text


class Pillar(Linked):
    name: Label
    meaning: Text
    practices: list[Item] = Field(min_length=1, description="What it looks like in practice: a checklist.")
    notes: list[Note] = Field(default_factory=list)
    example: Optional[CodeExample] = None


class Senior(Model):
    intro: Text
    pillars: list[Pillar] = Field(min_length=1)
    task_checklist: Checklist
    deploy_readiness: Checklist
    decision_framework: Checklist


# --- Staff+ ----------------------------------------------------------------

class Archetype(Linked):
    name: Label
    summary: Text
    traits: list[Text] = Field(min_length=1)
    day_to_day: Text
    risk: Text


class StaffWork(Linked):
    name: Label
    points: list[Text] = Field(min_length=1)


class Step(Part):
    name: Label
    text: Text


class GlueWork(Linked):
    name: Label
    definition: Text
    why_it_hurts: Text
    steps: list[Step] = Field(min_length=1)


class BragDocument(Linked):
    name: Label
    definition: Text
    analogy: Text
    template: Text = Field(description="The template, as Markdown source shown in a code block.")
    rules: list[Step] = Field(min_length=1)


class Staff(Model):
    intro: Text
    single_track_problem: Text
    tracks: list[Track] = Field(min_length=1)
    tracks_insight: Text
    archetypes_intro: Text
    archetypes: list[Archetype] = Field(min_length=1)
    archetypes_closing: Text
    work: list[StaffWork] = Field(min_length=1)
    glue_work: GlueWork
    brag_document: BragDocument


# --- Portfolio ---------------------------------------------------------------

class SideProjects(Entity):
    title: Label
    impresses: list[Text] = Field(min_length=1)
    does_not_impress: list[Text] = Field(min_length=1)
    litmus_test: Text


class StepGroup(Linked):
    title: Label
    intro: Optional[Text] = None
    steps: list[Step] = Field(min_length=1)
    notes: list[Note] = Field(default_factory=list)


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
    questions: list[Text] = Field(min_length=1)


class CompensationPart(Entity):
    name: Label
    what: Text
    notes: Text


class Negotiation(Entity):
    title: Label
    principles: list[Step] = Field(min_length=1)
    compensation: list[CompensationPart] = Field(min_length=1)
    notes: list[Note] = Field(default_factory=list)


class RedFlags(Entity):
    title: Label
    company: list[Text] = Field(min_length=1)
    candidate: list[Text] = Field(min_length=1)


class PlanPhase(Checklist):
    goal: Text


class InterviewQuestion(Linked):
    question: Text
    testing: Text = Field(description="What the question really tests.")
    how_to_answer: list[Text] = Field(default_factory=list)
    mistakes: list[Text] = Field(default_factory=list)
    examples: list[Note] = Field(default_factory=list)


class Interviews(Model):
    intro: Text
    company_dimensions: list[CompanyDimension] = Field(min_length=1)
    question_groups: list[QuestionGroup] = Field(min_length=1)
    notes: list[Note] = Field(default_factory=list)
    negotiation: Negotiation
    red_flags: RedFlags
    plan: list[PlanPhase] = Field(min_length=1, description="The 30-60-90 day plan, one checklist per phase.")
    questions_intro: Text
    questions: list[InterviewQuestion] = Field(min_length=1)


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
    kind: Label = Field(description="book, website, blog, newsletter, essay, talk, ...")
    url: Optional[Annotated[str, StringConstraints(pattern=r"^https?://")]] = None
    why: Text
    topics: list[Label] = Field(min_length=1)


class Resources(Model):
    intro: Text
    resources: list[Resource] = Field(min_length=1)


class Exercise(Checklist):
    duration: Optional[Label] = None
    closing: Optional[Text] = None
    levels: list[LevelRef] = Field(default_factory=list)
    related: list[AnyRef] = Field(default_factory=list)


class Exercises(Model):
    intro: Text
    exercises: list[Exercise] = Field(min_length=1)


class CriterionExample(Model):
    attribute: Label
    behaviour: Text


class ManagerTopic(Linked):
    title: Label
    text: Text
    points: list[Text] = Field(default_factory=list)
    examples: list[CriterionExample] = Field(default_factory=list)


class Managers(Model):
    intro: Text
    topics: list[ManagerTopic] = Field(min_length=1)
    closing: Optional[Text] = None


# --- Files -----------------------------------------------------------------

class Ladder(Model):
    intro: Text
    principle: Note = Field(description="The idea the level map rests on.")
    dimensions: list[Dimension] = Field(min_length=1)
    levels: list[Level] = Field(min_length=1)


class Transitions(Model):
    intro: Text
    transitions: list[Transition] = Field(min_length=1)


class Stories(Model):
    intro: Text
    stories: list[Story] = Field(min_length=1)


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
