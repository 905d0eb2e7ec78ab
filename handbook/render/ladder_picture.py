"""Where each level and transition sits in the home page's picture of the ladder: geometry only.

- One panel (an SVG of its own) per job family, so that no family's levels stack on another's; a
  ladder without families is one panel. The panels sit side by side and wrap onto the next line when
  the page is too narrow for them.
- In a panel, a column per track of the family in `LoadedHandbook.tracks_of` order: the trunk, then
  the paths that branch from it.
- Height is the one level scale, `LoadedHandbook.rank`: every panel has a row per rank of the whole
  ladder, lowest at the bottom, so the levels of one rank sit on one line across columns and panels
  (M1 beside E4). Levels of one track with the same rank sit side by side in their row. A row is as
  tall as the longest name on it needs.
- A transition within a panel is an arrow of straight runs that turns only in the gaps between rows,
  so it never crosses a box on its way. A transition from another family is not drawn across the
  panels between: the cell below the level it leads to names where it comes from, when that cell is
  free (the level's page and the transition's list it anyway).
- The boxes are as wide as the longest level name on one line, narrower when the panels would not sit
  side by side in the content column of a desktop window, or when a panel would scale down on a phone
  until its smallest label is under 11 px; names then wrap, and a box is never narrower than the
  longest word of a name. Text widths are estimated from the font sizes in handbook.css.

The template (templates/partials/ladder-picture.md.j2) writes the SVG; nothing here is markup or prose.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from handbook.data.model import Entry, LoadedHandbook
from handbook.data.schema import Family

PAD, COL_GAP, LANE_GAP, ROW_GAP = 8, 24, 12, 30
NAME_LINE, CODE_LINE, BOX_SPACE = 19, 15, 18   # a box's height: its name's lines, its code, borders and space
BOX_INSET = 16                                 # a box's borders and the space either side of its name
TRACK_LINE, FAMILY_LINE, HEADER_GAP = 16, 18, 14
NAME_CHAR = 8.2      # width of a character of a level's name (15 px, bold)
TRACK_CHAR = 7.2     # of a track's name above its column (13 px)
FAMILY_CHAR = 8.6    # of a family's name above its panel (14 px, bold)
MIN_BOX_W = 150
ARROW_GAP = 2        # between an arrow's tip and the box it points at
HEAD_LENGTH, HEAD_HALF_WIDTH = 12, 6
DESKTOP_WIDTH = 688  # the content column of a 1280 px window, between Material's two sidebars
PHONE_WIDTH = 358    # the content column of a 390 px window
MIN_SCALE = 11 / 12  # a level's code, the smallest label (12 px), stays 11 px when a panel scales down
PANEL_GAP = 24       # between panels side by side: the `gap` of .hb-ladder in handbook.css

Point = tuple[float, float]
Cell = tuple[float, int]   # a box's left edge and its row, 0 being the lowest rank


@dataclass(frozen=True)
class Box:
    entry: Entry
    x: float
    y: float
    h: float


@dataclass(frozen=True)
class Arrow:
    """A transition's arrow. Its head is a triangle of its own rather than an SVG marker: a marker is
    referenced by id, and the print page (the PDF) prefixes every id but not the references."""
    entry: Entry                   # the transition
    points: tuple[Point, ...]      # a polyline, from one level to the tip at the level it leads to

    @property
    def line(self) -> tuple[Point, ...]:
        """The polyline up to the base of the head."""
        return (*self.points[:-1], self._base)

    @property
    def head(self) -> tuple[Point, Point, Point]:
        (dx, dy), (x, y) = self._direction, self._base
        return (self.points[-1], (x - dy * HEAD_HALF_WIDTH, y + dx * HEAD_HALF_WIDTH),
                (x + dy * HEAD_HALF_WIDTH, y - dx * HEAD_HALF_WIDTH))

    @property
    def _direction(self) -> Point:
        (x1, y1), (x2, y2) = self.points[-2:]
        return (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)

    @property
    def _base(self) -> Point:
        (dx, dy), (x, y) = self._direction, self.points[-1]
        return x - dx * HEAD_LENGTH, y - dy * HEAD_LENGTH


@dataclass(frozen=True)
class Entrance:
    """The free cell below a level that levels of other families lead to: where they come from."""
    x: float
    y: float
    h: float
    sources: list[tuple[Entry, list[Entry]]]   # each family with its levels


@dataclass(frozen=True)
class Column:
    entry: Entry     # the track
    x: float         # its left edge
    width: float


@dataclass(frozen=True)
class Panel:
    family: Entry | None
    width: float
    columns: list[Column]
    boxes: list[Box]
    arrows: list[Arrow]
    entrances: list[Entrance]


@dataclass(frozen=True)
class Picture:
    panels: list[Panel]
    height: float
    box_w: float
    family_h: float  # the family's name, at the top of each panel
    track_y: float   # the tracks' names, under it
    track_h: float


def ladder_picture(loaded: LoadedHandbook) -> Picture:
    groups = [(family, [loaded.levels_on(track, family) for track in loaded.tracks_of(family)])
              for family in loaded.family_groups]
    ranks = sorted({loaded.rank(level) for _, tracks in groups for levels in tracks for level in levels})
    # A column is as many boxes wide as its track has levels of one rank.
    lanes = [[max(Counter(map(loaded.rank, levels)).values()) for levels in tracks] for _, tracks in groups]
    box_w = _box_width(loaded, lanes)
    lines = Counter()
    for level in loaded.levels:
        rank = loaded.rank(level)
        lines[rank] = max(lines[rank], _lines(level.name, box_w - BOX_INSET, NAME_CHAR))
    widths = [_panel_width(box_w, panel_lanes) for panel_lanes in lanes]
    families = [family for family, _ in groups if family is not None]
    family_h = max([_lines(f.name, w - 2 * PAD, FAMILY_CHAR) * FAMILY_LINE + PAD for f, w in zip(families, widths)],
                   default=0)
    track_h = TRACK_LINE * max(_lines(track.name, box_w * n + LANE_GAP * (n - 1), TRACK_CHAR)
                               for family, panel_lanes in zip(loaded.family_groups, lanes)
                               for track, n in zip(loaded.tracks_of(family), panel_lanes))
    top = PAD + family_h + track_h + HEADER_GAP
    rows = _Rows(top, [BOX_SPACE + lines[rank] * NAME_LINE + CODE_LINE for rank in ranks], box_w)
    row_of = {rank: i for i, rank in enumerate(ranks)}
    panels = [_panel(loaded, family, rows, row_of, panel_lanes) for (family, _), panel_lanes in zip(groups, lanes)]
    return Picture(panels, rows.y(0) + rows.heights[0] + PAD, box_w, family_h, PAD + family_h, track_h)


@dataclass(frozen=True)
class _Rows:
    top: float
    heights: list[float]   # per row, the lowest rank's first
    box_w: float

    def y(self, row: int) -> float:
        return self.top + sum(h + ROW_GAP for h in self.heights[row + 1:])

    def bottom(self, row: int) -> float:
        return self.y(row) + self.heights[row]


def _panel(loaded: LoadedHandbook, family: Family | None, rows: _Rows, row_of: dict[int, int],
           lanes: list[int]) -> Panel:
    box_w, columns, cell_of, x = rows.box_w, [], {}, PAD
    for track, track_lanes in zip(loaded.tracks_of(family), lanes):
        width = track_lanes * box_w + (track_lanes - 1) * LANE_GAP
        columns.append(Column(loaded.entry_of(track), x, width))
        placed = Counter()
        for level in loaded.levels_on(track, family):
            rank = loaded.rank(level)
            cell_of[level.id] = (x + placed[rank] * (box_w + LANE_GAP), row_of[rank])
            placed[rank] += 1
        x += width + COL_GAP
    occupied = set(cell_of.values())
    drawn = [level for level in loaded.levels if level.id in cell_of]
    boxes = [Box(loaded.entry_of(level), left, rows.y(row), rows.heights[row]) for level in drawn
             for left, row in [cell_of[level.id]]]
    arrows = [Arrow(loaded.entry_of(t), _route(cell_of[t.from_level], cell_of[t.to_level], occupied, rows))
              for t in loaded.handbook.transitions.transitions if t.from_level in cell_of and t.to_level in cell_of]
    entrances = []
    for level in drawn:
        arriving = [t for t in loaded.transitions_to(level) if t.from_level not in cell_of]
        x, row = cell_of[level.id]
        if not arriving or row == 0 or (x, row - 1) in occupied:
            continue
        entrances.append(Entrance(x, rows.y(row - 1), rows.heights[row - 1],
                                  _by_family(loaded, [t.from_level for t in arriving])))
        start = (x + box_w / 2, rows.y(row - 1))
        arrows += [Arrow(loaded.entry_of(t), _ending((start, (start[0], rows.bottom(row))))) for t in arriving]
    family_entry = loaded.entry_of(family) if family is not None else None
    return Panel(family_entry, _panel_width(box_w, lanes), columns, boxes, arrows, entrances)


def _by_family(loaded: LoadedHandbook, level_ids: list[str]) -> list[tuple[Entry, list[Entry]]]:
    grouped: dict[str, list[Entry]] = {}
    for level_id in level_ids:
        level = loaded.entry("level:" + level_id)
        grouped.setdefault(level.obj.family, []).append(level)
    return [(loaded.entry("family:" + family), levels) for family, levels in grouped.items()]


def _route(start: Cell, end: Cell, occupied: set[Cell], rows: _Rows) -> tuple[Point, ...]:
    """An arrow from the box at `start` to the box at `end` that leaves and enters boxes by their top or
    bottom (their side, for a neighbour on the same row) and turns only in the gap between two rows."""
    (x1, row1), (x2, row2) = start, end
    w = rows.box_w
    if row1 == row2:
        mid = rows.y(row1) + rows.heights[row1] / 2
        if not any(row == row1 and min(x1, x2) < x < max(x1, x2) for x, row in occupied):
            right = x2 > x1
            return _ending(((x1 + w if right else x1, mid), (x2 if right else x2 + w, mid)))
        turn = rows.y(row1) - ROW_GAP / 2   # over the boxes between, into the level's top
        return _ending(((x1 + w / 2, rows.y(row1)), (x1 + w / 2, turn), (x2 + w / 2, turn), (x2 + w / 2, rows.y(row2))))
    (lower_x, lower), (upper_x, upper) = sorted([start, end], key=lambda cell: cell[1])
    between = range(lower + 1, upper)
    bottom_of_upper = rows.bottom(upper)
    if lower_x == upper_x:
        points = ((lower_x + w / 2, rows.y(lower)), (upper_x + w / 2, bottom_of_upper))
    else:
        # Turn just above the lower box and rise in the upper box's column (a branch's column is empty
        # below its first level), unless that column has a box on the way and the lower's has none.
        upper_blocked = any((upper_x, row) in occupied for row in between)
        lower_free = not any((lower_x, row) in occupied for row in between)
        turn = bottom_of_upper + ROW_GAP / 2 if upper_blocked and lower_free else rows.y(lower) - ROW_GAP / 2
        points = ((lower_x + w / 2, rows.y(lower)), (lower_x + w / 2, turn), (upper_x + w / 2, turn),
                  (upper_x + w / 2, bottom_of_upper))
    return _ending(points if row2 > row1 else points[::-1])


def _ending(points: tuple[Point, ...]) -> tuple[Point, ...]:
    """The polyline with its last run shortened, so that the arrow's tip stops just short of the box."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)
    return (*points[:-1], (x2 - dx * ARROW_GAP, y2 - dy * ARROW_GAP))


def _panel_width(box_w: float, lanes: list[int]) -> float:
    return sum(lanes) * box_w + _chrome(lanes)


def _chrome(lanes: list[int]) -> float:
    """A panel's width less its boxes: padding and the gaps between columns and lanes."""
    return 2 * PAD + (len(lanes) - 1) * COL_GAP + (sum(lanes) - len(lanes)) * LANE_GAP


def _box_width(loaded: LoadedHandbook, lanes: list[list[int]]) -> float:
    names = [level.name for level in loaded.levels]
    tracks = [t.name for t in loaded.handbook.staff.tracks if loaded.levels_on(t)]
    one_line = max([MIN_BOX_W] + [len(n) * NAME_CHAR + BOX_INSET for n in names]
                   + [len(n) * TRACK_CHAR + 8 for n in tracks])
    longest_word = max([len(w) * NAME_CHAR + BOX_INSET for n in names for w in n.split()]
                       + [len(w) * TRACK_CHAR + 8 for n in tracks for w in n.split()])
    side_by_side = sum(_chrome(p) for p in lanes) + (len(lanes) - 1) * PANEL_GAP
    on_desktop = (DESKTOP_WIDTH - side_by_side) / sum(map(sum, lanes))
    on_phone = min((PHONE_WIDTH / MIN_SCALE - _chrome(p)) / sum(p) for p in lanes)
    return int(max(longest_word, min(one_line, on_desktop, on_phone)))


def _lines(text: str, width: float, char: float) -> int:
    """How many lines `text` takes wrapped at `width`, as a browser breaks it between words."""
    lines, used = 1, 0.0
    for word in text.split():
        need = len(word) * char
        if used and used + char + need > width:
            lines, used = lines + 1, need
        else:
            used += (char if used else 0) + need
    return lines
