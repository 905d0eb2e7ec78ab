"""Job families, a trunk that branches, one level scale, a proficiency scale: examples/northwind."""
from __future__ import annotations

import re
import textwrap

import pytest
from playwright.sync_api import expect

from support import ROOT
from handbook.errors import HandbookError
from handbook.data.loader import load_handbook
from handbook.render.profile import Scale

NORTHWIND = ROOT / "examples" / "northwind"


def add_assessment(page, name: str, level: str):
    """On the self-assessment page: a new assessment, shown, holding `level` today."""
    page.locator("[data-profile-new]").fill(name)
    page.locator('[data-action="profile-add"]').click()
    page.select_option("[data-profile-field=current]", level)


@pytest.fixture
def page(watched_page, northwind_site):
    """A page with no answers stored, at 1280 x 900, on the northwind site."""
    return watched_page(northwind_site[1]).page


def test_parallel_levels_share_a_step_of_the_scale_and_the_trunk_comes_first(northwind):
    level = {lv.id: lv for lv in northwind.levels}
    assert [northwind.rank(level[i]) for i in ("sw-1", "sw-3", "sw-4", "em-4", "em-5", "da-4")] == [1, 3, 4, 4, 5, 4]
    software = northwind.entry("family:software").obj
    assert [t.id for t in northwind.tracks_of(software)] == ["trunk", "ic", "management"]
    rows = {rank: [[lv.id for lv in levels] for levels in columns] for rank, columns in northwind.shape(software)}
    assert rows[3] == [["sw-3"], [], []] and rows[4] == [[], ["sw-4"], ["em-4"]]
    data = northwind.entry("family:data").obj
    assert [t.id for t in northwind.tracks_of(data)] == ["trunk", "ic"]


def test_each_family_has_its_own_dimensions_some_shared(northwind):
    software, data = (northwind.entry(f"family:{f}").obj for f in ("software", "data"))
    assert [d.id for d in northwind.dimensions_of(software)] == ["delivery", "design", "collaboration", "operations",
                                                                 "people"]
    assert "data-modelling" in [d.id for d in northwind.dimensions_of(data)]
    assert "operations" not in [d.id for d in northwind.dimensions_of(data)]


def test_a_level_may_lead_to_two_levels_and_across_tracks(northwind):
    level = {lv.id: lv for lv in northwind.levels}
    assert {t.to_level for t in northwind.transitions_from(level["sw-3"])} == {"sw-4", "em-4"}
    assert {t.from_level for t in northwind.transitions_to(level["em-4"])} == {"sw-3", "sw-4"}


def test_a_team_theme_offers_only_steps_between_levels_that_describe_its_dimension(northwind):
    operations = northwind.entry("dimension:operations").obj  # the software family's, not the data family's
    level = {lv.id: lv for lv in northwind.levels}
    ways = northwind.ways_across(operations)
    assert ways and all("operations" in level[way.transition.from_level].dimensions
                        and "operations" in level[way.transition.to_level].dimensions for way in ways)
    assert len(ways) < len(northwind.handbook.transitions.transitions)
    helped = [way for way in ways if way.exercises or way.practices]
    assert helped and all(entry.kind in ("pillar", "staff_work") for way in helped for entry in way.practices)


def ladder_overlay(tmp_path, levels_yaml: str):
    text = (NORTHWIND / "data" / "ladder.yml").read_text(encoding="utf-8")
    (tmp_path / "ladder.yml").write_text(text.split("levels:\n")[0] + "levels:\n" + textwrap.dedent(levels_yaml),
                                         encoding="utf-8")
    (tmp_path / "staff.yml").write_text("tracks:\n  - id: ic\n    branches_from: []\n", encoding="utf-8")
    (tmp_path / "transitions.yml").write_text("replace: [transitions]\ntransitions:\n"
                                              "  - {id: a-to-b, from: a, to: b, title: A to B, what_changes: More., "
                                              "signals: [{id: s, text: S.}], held_back: [{id: h, text: H.}]}\n",
                                              encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        load_handbook(ROOT / "data", tmp_path)
    return str(caught.value)


def test_family_mistakes_name_the_file_the_line_and_the_fix(tmp_path):
    message = ladder_overlay(tmp_path, """\
        - id: a
          covers: [junior, mid, senior, staff, principal]
          name: A
          code: A
          track: ic
          summary: A.
          evaluated_on: A.
          dimensions: {delivery: A.}
        - id: b
          name: B
          code: B
          track: ic
          family: data
          summary: B.
          evaluated_on: B.
          dimensions: {delivery: B., design: B., collaboration: B., data-modelling: B., people: B., operations: B.}
          proficiency: {delivery: wizard, design: working}
        - id: c
          name: C
          code: C
          track: ic
          family: sofware
          summary: C.
          evaluated_on: C.
          dimensions: {delivery: C., design: C., collaboration: C., operations: C., people: C.}
        """)
    ladder = "ladder.yml"
    assert re.search(rf"{ladder}:\d+: \[company\] levels\[0\]: level 'a' names no family\. "
                     r"Fix: add 'family:' with one of: software, data\.", message), message
    assert "levels[1].dimensions.operations: 'operations' is not a dimension of the family 'data'" in message
    assert "levels[1].proficiency.delivery: 'wizard' is not the id of any proficiency" in message
    assert ("levels[1].proficiency: level 'b' gives no proficiency for the dimension 'collaboration'. "
            "Fix: add 'collaboration:' with a step of the scale under this level's proficiency.") in message
    # A mistyped family is one problem, not one more per dimension of a family nobody knows.
    assert "'sofware' is not the id of any family. Fix: did you mean 'software'?" in message
    assert "levels[2].dimensions" not in message and "levels[2].proficiency" not in message


def test_the_level_map_shows_a_family_at_a_time_with_the_shape_and_the_scale(northwind_site, northwind):
    site, _ = northwind_site
    html = (site / "levels" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="hb-family"') == 2 and "data-family-picker" in html
    assert html.count("<h3 id=\"the-shape-of-the-ladder") == 2  # one per family (the contents list them too)
    shape = html[html.index("hb-ladder-shape"):]
    shape = shape[:shape.index("</table>")]
    row_4 = next(row for row in shape.split("<tr>") if re.search(r"<td>4</td>", row))
    assert "sw-4" in row_4 and "em-4" in row_4  # M4 beside S4 on one row
    for step in northwind.handbook.ladder.proficiency:
        assert f'id="{step.id}"' in html
    assert html.count('class="hb-proficiency"') == sum(len(lv.proficiency) for lv in northwind.levels)


def test_level_pages_show_their_family_dimensions_and_proficiency(northwind_site):
    site, _ = northwind_site
    page = (site / "levels" / "da-4" / "index.html").read_text(encoding="utf-8")
    assert "Data modelling" in page and "../#operations" not in page  # no link to a software dimension
    assert 'href="../#expert"' in page  # D4's data modelling: Expert, linked to the legend
    branch = (site / "levels" / "sw-3" / "index.html").read_text(encoding="utf-8")
    assert "../sw-4/" in branch and "../em-4/" in branch


def test_the_navigation_groups_levels_by_family_then_track(northwind_site):
    """A level's page opens its family, with the family's tracks, and its own track's levels."""
    site, _ = northwind_site
    nav = (site / "levels" / "em-4" / "index.html").read_text(encoding="utf-8")
    nav = nav[nav.index('md-nav--primary'):nav.index('md-content')]
    assert "Software engineering" in nav and "Data engineering" in nav
    software = nav[nav.index("Software engineering"):nav.index("Data engineering")]
    assert software.index("Shared trunk") < software.index("Management track") < software.index("Engineering Manager")


@pytest.mark.browser
def test_the_family_picker_shows_the_chosen_family_and_keeps_it_in_the_address(northwind_site, page):
    _, url = northwind_site
    page.goto(url + "levels/")
    assert page.locator("[data-family=software]").is_visible()
    assert not page.locator("[data-family=data]").is_visible()
    page.get_by_role("radio", name="Data engineering").check()
    assert page.locator("[data-family=data]").is_visible()
    assert not page.locator("[data-family=software]").is_visible()
    assert "family=data" in page.url
    page.goto(url + "levels/?family=data")
    assert page.locator("[data-family=data]").is_visible()
    page.goto(url + "levels/#software")
    assert page.locator("[data-family=software]").is_visible()
    page.emulate_media(media="print")  # the PDF and a printed page carry every family, and no picker
    assert page.locator("[data-family=data]").is_visible() and page.locator("[data-family=software]").is_visible()
    assert not page.locator("[data-family-picker]").is_visible()


def test_a_malformed_address_leaves_the_family_picker_working(northwind_site, page):
    _, url = northwind_site
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + "levels/#%")
    assert errors == []
    assert page.locator("[data-family-picker]").is_visible() and page.locator("[data-family=software]").is_visible()


@pytest.mark.browser
def test_a_reader_assesses_themselves_against_their_own_family(northwind_site, northwind, page):
    _, url = northwind_site
    page.goto(url + "self-assessment/")
    page.get_by_role("radio", name="Data engineering").check()
    shown = page.locator("[data-family]:visible").evaluate_all("parts => parts.map(part => part.dataset.family)")
    lists = page.locator("[data-family=data] .hb-checklist").evaluate_all(
        "lists => lists.map(list => list.dataset.checklist)")
    data = northwind.entry("family:data").obj
    assert shown == ["data"]
    assert lists == [northwind.entry_of(t).key for t in northwind.transitions_of(data)]
    assert "da-1-to-da-2" in lists and "sw-1-to-sw-2" not in lists


def test_a_family_levels_profile_chart_has_its_familys_dimensions(northwind_site, northwind):
    site, _ = northwind_site
    page = (site / "levels" / "da-4" / "index.html").read_text(encoding="utf-8")
    chart = page[page.index('class="hb-profile__svg"'):page.index("</svg>", page.index('class="hb-profile__svg"'))]
    axes = chart.count('class="hb-profile__axis"')
    assert axes == len(northwind.dimensions_of(northwind.entry("level:da-4").obj)) == 5
    assert 'data-dimension="operations"' not in chart and 'data-dimension="data-modelling"' in chart


def test_the_chart_and_the_map_measure_height_on_one_scale(northwind):
    """A level's ring on the placement chart is its row on the level map: M4 and S4 sit together, and a
    data engineer's D1 starts at the bottom like S1 (no transition chain pushes it up)."""
    scale = Scale(northwind)
    for level in northwind.levels:
        assert scale.step(level) == northwind.rank(level) - 1, level.id
    level = {lv.id: lv for lv in northwind.levels}
    assert scale.step(level["da-1"]) == scale.step(level["sw-1"]) == 0
    assert scale.step(level["em-4"]) == scale.step(level["sw-4"])


@pytest.mark.browser
def test_the_profile_follows_the_readers_family_and_can_count_proficiency(northwind_site, northwind, page):
    _, url = northwind_site
    data = northwind.entry("family:data").obj
    page.goto(url + "levels/da-2/")
    for radio in page.locator(".hb-place__radio[value='da-2']").all():
        radio.check()
    page.goto(url + "self-assessment/")
    page.select_option("[data-profile-field=current]", "da-2")
    rows = page.locator("[data-profile-row]:visible").evaluate_all("rows => rows.map(row => row.dataset.profileRow)")
    charts = page.locator("[data-profile-chart]:visible")
    axes = charts.locator(".hb-profile__axis").evaluate_all("axes => axes.map(axis => axis.dataset.dimension)")
    plans = page.locator("[data-plan]:visible").evaluate_all("plans => plans.map(plan => plan.dataset.plan)")
    levels_today = charts.locator("[data-outline=today]").get_attribute("points")
    page.get_by_role("radio", name=re.compile("^Proficiency")).check()
    measure = charts.first.get_attribute("data-profile-chart")
    marks = charts.locator(".hb-profile__mark").all_text_contents()
    proficiency_today = charts.locator("[data-outline=today]").get_attribute("points")
    modelling = page.locator("[data-profile-row=data-modelling] .hb-profile-table__proficiency").all_text_contents()
    page.wait_for_function("window.handbook.documents")  # documents.js, loaded by this page only
    case = page.evaluate("handbook.documents.promotionCase()")
    assert rows == axes == [d.id for d in northwind.dimensions_of(data)]  # no software-only "Operations"
    assert set(plans) <= set(rows) and plans, "a plan for each data dimension below D3"
    assert measure == "proficiency" and marks == [step.label for step in northwind.handbook.ladder.proficiency]
    assert levels_today and proficiency_today and levels_today != proficiency_today
    level = {lv.id: lv for lv in northwind.levels}
    names = {step.id: step.name for step in northwind.handbook.ladder.proficiency}
    today, target = (names[level[i].proficiency["data-modelling"]] for i in ("da-2", "da-3"))
    assert modelling == [today, target]
    assert f"Data modelling: today Data Engineer II (D2) ({today}); target Data Engineer III (D3) ({target})" in case


@pytest.mark.browser
def test_compare_leaves_out_empty_rows_and_can_show_only_differences(northwind_site, northwind, page):
    _, url = northwind_site
    data = [d.id for d in northwind.dimensions_of(northwind.entry("family:data").obj)]
    page.set_viewport_size({"width": 390, "height": 800})
    rows = "rows => rows.map(row => row.querySelector('a') ? row.querySelector('a').hash.slice(1) : 'evaluated')"
    page.goto(url + "compare/?levels=da-2,da-3")
    shown = page.locator(".hb-compare tbody tr:visible").evaluate_all(rows)
    proficiency = page.locator(".hb-compare tbody tr:visible .hb-proficiency:visible").count()
    page.goto(url + "compare/?levels=da-2,da-2")
    same = page.locator(".hb-compare tbody tr:visible").count()
    page.get_by_label("Only the rows where they differ").check()
    differing = page.locator(".hb-compare tbody tr:visible").count()
    assert shown == data + ["evaluated"]  # no row for "Operations", which no data level describes
    assert proficiency == 2 * len(data)  # each level's cell carries its proficiency label
    assert same == len(data) + 1 and differing == 0


@pytest.mark.browser
def test_the_family_shown_follows_the_readers_own_level(northwind_site, page):
    """Once a data engineer says their level, the checklists of their transition show, and the level map
    opens on their family, not on the first one."""
    _, url = northwind_site
    page.goto(url + "self-assessment/")
    page.select_option("[data-profile-field=current]", "da-2")
    checklist = page.locator("[data-focus=da-2-to-da-3]").is_visible()
    picked = page.locator("[data-family-picker] input:checked").get_attribute("value")
    page.get_by_role("radio", name="Software engineering").check()  # looking at another family stays possible
    browsing = page.locator("[data-family=software]").is_visible()
    page.goto(url + "levels/")
    map_family = page.locator("[data-family]:visible").evaluate_all("parts => parts.map(part => part.dataset.family)")
    page.goto(url + "levels/?family=software")
    asked = page.locator("[data-family]:visible").evaluate_all("parts => parts.map(part => part.dataset.family)")
    assert checklist and picked == "data" and browsing
    assert map_family == ["data"] and asked == ["software"]


def test_a_half_step_names_its_level_by_name_when_two_families_share_the_code(tmp_path, northwind):
    """E3 of Backend and E3 of Mobile both leading to M1 gave four "Halfway from E3/E4" choices."""
    for name in ("ladder.yml", "staff.yml", "site.yml"):
        (tmp_path / name).write_text((NORTHWIND / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    ladder = tmp_path / "ladder.yml"
    ladder.write_text(ladder.read_text(encoding="utf-8").replace("code: D3", "code: S3"), encoding="utf-8")
    transitions = (NORTHWIND / "data" / "transitions.yml").read_text(encoding="utf-8")
    start = transitions.index("\n  - id: sw-3-to-em-4")
    crossing = transitions[start:transitions.index("\n  - id:", start + 1)]
    crossing = crossing.replace("sw-3-to-em-4", "da-3-to-em-4").replace("from: sw-3", "from: da-3")
    (tmp_path / "transitions.yml").write_text(transitions.rstrip("\n") + crossing + "\n", encoding="utf-8")
    scale = Scale(load_handbook(ROOT / "data", tmp_path))
    level = {lv.id: lv for lv in scale.loaded.levels}
    assert scale.from_label(level["sw-3"], level["em-4"]) == level["sw-3"].name
    assert scale.from_label(level["da-3"], level["em-4"]) == level["da-3"].name
    assert scale.from_label(level["sw-4"], level["em-4"]) == "S4"
    assert scale.from_label(level["sw-3"], level["sw-4"]) == "S3"


def northwind_with_branches(folder, branches: str) -> str:
    """Northwind's data in `folder`, its manager path branching from `branches` (such as "[sw-3]"): the message
    of the load, which must fail."""
    for name in ("ladder.yml", "transitions.yml", "site.yml"):
        (folder / name).write_text((NORTHWIND / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    staff = (NORTHWIND / "data" / "staff.yml").read_text(encoding="utf-8")
    (folder / "staff.yml").write_text(staff.replace("branches_from: [sw-3]", f"branches_from: {branches}"),
                                      encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        load_handbook(ROOT / "data", folder)
    return str(caught.value)


def test_a_branch_from_another_familys_level_is_refused_with_the_fix(tmp_path):
    """It used to be accepted and do nothing: the manager path never showed beside the trunk it named."""
    message = northwind_with_branches(tmp_path, "[sw-3, da-3]")
    assert re.search(r"staff\.yml:\d+: \[company\] tracks\[\d\]\.branches_from\[1\]: track 'management' branches from "
                     r"'da-3', of the family 'data', but none of its own levels is in that family", message), message
    assert "or place its first level on the level scale with 'rank:' instead" in message


def test_a_track_that_branches_from_itself_is_refused(tmp_path, northwind):
    """A loop: the track would start above its own first level (its ranks came out wrong, without a word)."""
    own = next(level.id for level in northwind.levels if level.track == "management")
    message = northwind_with_branches(tmp_path, f"[{own}]")
    said = f"track 'management' branches from '{own}', one of its own levels. Fix: name the level of another track"
    assert re.search(r"staff\.yml:\d+: \[company\] tracks\[\d\]\.branches_from\[0\]: " + re.escape(said),
                     message), message


@pytest.mark.search  # the real search worker (conftest.py: QUIET_SEARCH)
def test_searching_a_level_code_shows_that_level_before_the_transitions_named_after_it(northwind_site, northwind,
                                                                                        page):
    """"S4" used to list "S3 to S4", "S4 to S5" and "S4 to M4" before Senior Software Engineer."""
    _, url = northwind_site
    page.goto(url)  # one page, searched again and again: the search index is built once per page load
    for level in northwind.levels:
        page.locator("input.md-search__input").fill("")
        page.locator("input.md-search__input").click()
        page.keyboard.type(level.code)
        first = page.locator(".md-search-result__item > a").first
        # Results come for every key typed: wait for those of the whole code (Material adds it as ?h=).
        expect(first).to_have_attribute("href", re.compile(rf"[?&]h={re.escape(level.code.lower())}(&|#|$)"))
        assert re.search(rf"/levels/{level.id}/(\?|#|$)", first.get_attribute("href")), level.code


def test_many_references_to_one_missing_id_come_as_three_lines(tmp_path):
    """Taking a step out of the proficiency scale gave one line per cell that used it (19 for one company)."""
    for name in ("staff.yml", "transitions.yml", "site.yml"):
        (tmp_path / name).write_text((NORTHWIND / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    ladder = (NORTHWIND / "data" / "ladder.yml").read_text(encoding="utf-8")
    cells = re.compile(r"(?<!id): practitioner\b")  # every cell rated Practitioner, not the step itself
    uses = len(cells.findall(ladder))
    (tmp_path / "ladder.yml").write_text(cells.sub(": practitionr", ladder), encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        load_handbook(ROOT / "data", tmp_path)
    lines = str(caught.value).splitlines()[1:]
    assert uses > 3 and len(lines) == 3, lines
    assert all("'practitionr' is not the id of any proficiency" in line for line in lines)
    assert f"and so are {uses - 3} more references to it, in " in lines[-1] and "did you mean 'practitioner'?" in lines[-1]


@pytest.mark.browser
def test_switching_to_a_report_of_another_family_shows_only_their_plan_and_halfway_proficiency(northwind_site,
                                                                                                northwind, page):
    """A manager's plan card for a software engineer's "Operations" stayed on screen, with that engineer's
    notes, after switching to a data engineer's assessment; and a halfway placement showed the upper cell's
    proficiency only."""
    _, url = northwind_site
    level = {lv.id: lv for lv in northwind.levels}
    names = {step.id: step.name for step in northwind.handbook.ladder.proficiency}
    page.goto(url + "self-assessment/")
    page.select_option("[data-profile-field=current]", "sw-2")
    page.locator('[data-plan="operations"] [data-plan-field="step"]').fill("Own the on-call rota")
    add_assessment(page, "Dev", "da-2")
    page.goto(url + "levels/da-3/")
    page.locator(".hb-place__radio[value='da-2+da-3'][data-dimension='data-modelling']").check()
    page.goto(url + "self-assessment/")
    page.select_option("[data-profile-select]", index=0)
    page.select_option("[data-profile-select]", index=1)  # back to Dev, without reloading
    operations = page.locator('[data-plan="operations"]').is_visible()
    halfway = page.locator("[data-profile-row=data-modelling] [data-cell=today] .hb-profile-table__proficiency")
    halfway = halfway.text_content()
    assert not operations
    cells = level["da-2"].proficiency["data-modelling"], level["da-3"].proficiency["data-modelling"]
    assert cells[0] != cells[1] and halfway == f"{names[cells[0]]}–{names[cells[1]]}"


@pytest.mark.browser
def test_comparing_with_someone_of_another_family_says_so(northwind_site, northwind, page):
    """A manager compared a data engineer's assessment with a software engineer's share link, without a word."""
    _, url = northwind_site
    page.goto(url + "self-assessment/")
    page.select_option("[data-profile-field=current]", "sw-3")
    add_assessment(page, "Dev", "da-2")
    page.select_option("[data-compare-with]", value="me")
    other_family = page.locator("[data-compare-family]").inner_text()
    page.select_option("[data-profile-field=current]", "da-3")
    add_assessment(page, "Ana", "da-2")
    page.select_option("[data-compare-with]", label="Dev")
    same_family = page.locator("[data-compare-family]").is_visible()
    assert f"another job family ({northwind.entry('level:sw-3').obj.name})" in other_family and not same_family
