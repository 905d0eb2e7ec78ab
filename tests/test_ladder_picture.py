"""The home page's picture of the ladder: a panel per job family, height from the level scale, arrows
only where a transition leads, readable from a phone to a desktop. Northwind has two families and a
trunk that branches; our own ladder is one track without families."""
from __future__ import annotations

import math
import shutil

import pytest

from support import ROOT
from macros.ladder_picture import ARROW_GAP, ladder_picture
from macros.loader import load_handbook

NORTHWIND = ROOT / "examples" / "northwind"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# A step from the data family into the software family's management track, added to a copy of Northwind.
CROSSING = """
  - id: da-3-to-em-4
    from: da-3
    to: em-4
    title: 'D3 to M4: from data to management'
    what_changes: Your work becomes a team of engineers and its health.
    signals:
      - id: runs-one-to-ones
        text: You have run regular one-to-ones and acted on what you heard.
    held_back:
      - id: still-coding-first
        text: Keeping the most interesting pipelines for yourself.
"""


def boxes_of(picture) -> dict[str, tuple]:
    """Each level's id: (its panel, its box)."""
    return {box.entry.obj.id: (panel, box) for panel in picture.panels for box in panel.boxes}


def distance(point, box, picture) -> float:
    """From a point to the nearest edge of a box, 0 on its edge (and inside it)."""
    x, y = point
    dx = max(box.x - x, 0, x - box.x - picture.box_w)
    dy = max(box.y - y, 0, y - box.y - box.h)
    return math.hypot(dx, dy)


def crosses(start, end, box, picture) -> bool:
    """Whether a straight run of an arrow passes through the inside of a box (touching its edge is fine)."""
    (x1, y1), (x2, y2) = start, end
    return (min(x1, x2) < box.x + picture.box_w and max(x1, x2) > box.x
            and min(y1, y2) < box.y + box.h and max(y1, y2) > box.y)


def test_levels_of_one_rank_share_a_row_across_tracks_and_families(northwind):
    picture = ladder_picture(northwind)
    placed = boxes_of(picture)
    assert placed["sw-4"][1].y == placed["em-4"][1].y == placed["da-4"][1].y
    assert placed["sw-5"][1].y == placed["em-5"][1].y
    for level in northwind.levels:
        for other in northwind.levels:
            y, other_y = placed[level.id][1].y, placed[other.id][1].y
            assert (y < other_y) == (northwind.rank(level) > northwind.rank(other)), (level.id, other.id)


def test_each_family_is_a_panel_of_its_own_with_the_trunk_first_then_its_branches(northwind):
    picture = ladder_picture(northwind)
    families = northwind.handbook.ladder.families
    assert [panel.family.obj.id for panel in picture.panels] == [f.id for f in families]
    for panel, family in zip(picture.panels, families):
        assert {box.entry.obj.family for box in panel.boxes} == {family.id}
        assert [c.entry.obj.id for c in panel.columns] == [t.id for t in northwind.tracks_of(family)]
        assert panel.columns[0].entry.obj.id == "trunk"
        for column in panel.columns:   # a column holds only its own track's levels
            inside = [b for b in panel.boxes if column.x <= b.x < column.x + column.width]
            assert {b.entry.obj.track for b in inside} == {column.entry.obj.id}
    assert sorted(box.entry.obj.id for panel in picture.panels for box in panel.boxes) == sorted(
        level.id for level in northwind.levels)


def test_arrows_join_the_levels_of_a_transition_and_pass_through_no_box(northwind):
    picture = ladder_picture(northwind)
    placed = boxes_of(picture)
    drawn = [arrow.entry.obj for panel in picture.panels for arrow in panel.arrows]
    assert sorted(t.id for t in drawn) == sorted(t.id for t in northwind.handbook.transitions.transitions)
    for panel in picture.panels:
        for arrow in panel.arrows:
            step = arrow.entry.obj
            assert placed[step.from_level][0] is panel and placed[step.to_level][0] is panel
            assert distance(arrow.points[0], placed[step.from_level][1], picture) == 0, step.id
            assert distance(arrow.points[-1], placed[step.to_level][1], picture) == pytest.approx(ARROW_GAP), step.id
            for start, end in zip(arrow.points, arrow.points[1:]):
                assert start[0] == end[0] or start[1] == end[1], f"{step.id} runs askew"
                assert not any(crosses(start, end, box, picture) for box in panel.boxes), step.id
    s4, m4 = placed["sw-4"][1], placed["em-4"][1]
    side_step = next(a for a in picture.panels[0].arrows if a.entry.obj.id == "sw-4-to-em-4")
    assert [y for _, y in side_step.points] == [s4.y + s4.h / 2] * 2   # straight across, S4 beside M4
    assert m4.x > s4.x


def test_a_step_from_another_family_is_named_below_the_level_it_leads_to(tmp_path):
    shutil.copytree(NORTHWIND / "data", tmp_path / "data")
    with (tmp_path / "data" / "transitions.yml").open("a", encoding="utf-8") as transitions:
        transitions.write(CROSSING)
    loaded = load_handbook(ROOT / "data", tmp_path / "data")
    picture = ladder_picture(loaded)
    software, data = picture.panels
    placed = boxes_of(picture)
    assert "da-3-to-em-4" not in [a.entry.obj.id for a in data.arrows]   # nothing runs from panel to panel
    [entrance] = software.entrances
    [(family, levels)] = entrance.sources
    assert family.obj.id == "data" and [level.obj.id for level in levels] == ["da-3"]
    m4 = placed["em-4"][1]
    assert entrance.x == m4.x and entrance.y > m4.y + m4.h   # in the cell below M4
    inside = (entrance.x + 1, entrance.y + 1), (entrance.x + picture.box_w - 1, entrance.y + entrance.h - 1)
    assert not any(crosses(*inside, box, picture) for box in software.boxes)   # and the cell is free
    arrow = next(a for a in software.arrows if a.entry.obj.id == "da-3-to-em-4")
    assert arrow.points[0][1] == entrance.y
    assert distance(arrow.points[-1], m4, picture) == pytest.approx(ARROW_GAP)


def test_a_ladder_without_families_stays_one_column_of_one_line_boxes(loaded):
    """Our own ladder as before: one panel, a box per level one above the other, each name on one line (52 px
    boxes), a straight arrow between."""
    picture = ladder_picture(loaded)
    [panel] = picture.panels
    assert panel.family is None and len(panel.columns) == 1
    assert len({box.x for box in panel.boxes}) == 1 and {box.h for box in panel.boxes} == {52}
    assert [box.entry.obj.id for box in sorted(panel.boxes, key=lambda b: -b.y)] == [lv.id for lv in loaded.levels]
    assert all(len(arrow.points) == 2 for arrow in panel.arrows)


# Per panel as the reader sees it: where it is; the smallest label on screen (font size times the panel's
# scale); the texts that do not fit the room drawn for them; per level link, where its box is.
MEASURE = """figure => [...figure.querySelectorAll('svg')].map(svg => {
  const rect = svg.getBoundingClientRect(), scale = rect.width / svg.viewBox.baseVal.width;
  const labels = [...svg.querySelectorAll('.hb-ladder__name, .hb-ladder__code, .hb-ladder__track, .hb-ladder__from')];
  const overflowing = [...svg.querySelectorAll('foreignObject')].filter(room => {
    const words = document.createRange();
    words.selectNodeContents(room);
    const [text, edge] = [words.getBoundingClientRect(), room.getBoundingClientRect()];
    return text.top < edge.top - 1 || text.bottom > edge.bottom + 1 || text.left < edge.left - 1 || text.right > edge.right + 1;
  }).map(room => room.textContent);
  return {top: rect.top, left: rect.left, right: rect.right, overflowing,
          smallest: Math.min(...labels.map(l => parseFloat(getComputedStyle(l).fontSize) * scale)),
          links: [...svg.querySelectorAll('a')].map(a => ({href: a.getAttribute('href'), top: a.getBoundingClientRect().top}))};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_northwind_picture_reads_on_a_desktop_and_a_phone(northwind_site, northwind, browser, viewport):
    page = browser.new_page(viewport=viewport)
    try:
        page.goto(northwind_site[1])
        figure = page.get_by_role("group", name=f"The ladder at a glance: {len(northwind.levels)} levels", exact=False)
        for level in northwind.levels:
            assert figure.get_by_role("link", name=f"{level.name} {level.code}", exact=True).count() == 1, level.id
        assert figure.get_by_role("link").count() == len(northwind.levels)
        for family in northwind.handbook.ladder.families:
            assert figure.get_by_role("group", name=family.name, exact=True).count() == 1
        panels = figure.evaluate(MEASURE)
        assert [text for panel in panels for text in panel["overflowing"]] == [], "texts overflow their room"
        assert min(panel["smallest"] for panel in panels) >= 11, panels
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the home page scrolls sideways: {width[0]} px wide"
        top = {link["href"].split("#")[-1]: link["top"] for panel in panels for link in panel["links"]}
        assert top["sw-4"] == pytest.approx(top["em-4"], abs=1)
        if viewport is DESKTOP:   # the two families side by side, their steps level
            assert panels[0]["top"] == panels[1]["top"] and panels[0]["right"] < panels[1]["left"]
            assert top["sw-4"] == pytest.approx(top["da-4"], abs=1)
        else:                     # one above the other
            assert panels[1]["top"] > panels[0]["top"]
        # Arrowheads are drawn, not referenced by id: the print page (the PDF) renames ids, not references.
        assert "url(#" not in figure.inner_html()
        figure.get_by_role("link", name="Engineering Manager M4", exact=True).click()
        page.locator("h1#em-4").wait_for()
    finally:
        page.close()
