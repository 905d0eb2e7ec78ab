"""Ids are unique within their kind: a company's dimension `communication` and the base's pillar coexist."""
import textwrap

import pytest

from support import ROOT, mkdocs_build
from macros.errors import HandbookError
from macros.loader import load_handbook

THEMES = ROOT / "tests" / "fixtures" / "themes"


@pytest.fixture(scope="module")
def themes():
    return load_handbook(ROOT / "data", THEMES / "data")


def test_a_dimension_and_a_pillar_share_an_id(themes, loaded):
    dimension, pillar = themes.entry("dimension:communication"), themes.entry("pillar:communication")
    assert dimension.kind == "dimension" and pillar.kind == "pillar"
    assert [d.id for d in themes.handbook.ladder.dimensions] == ["communication", "leadership", "technical"]
    # The base keeps its anchor and storage keys; the company's entity takes a kind-qualified one.
    assert pillar.anchor == loaded.entry("communication").anchor == "communication"
    assert dimension.anchor == "dimension-communication"
    base_items = {loaded.entry_of(i, loaded.entry("communication").obj).key for i in pillar.obj.practices}
    assert {themes.entry_of(i, pillar.obj).key for i in pillar.obj.practices} == base_items


def test_a_plain_id_of_several_kinds_asks_for_the_kind(themes):
    with pytest.raises(KeyError, match="'dimension:communication' or 'pillar:communication'"):
        themes.entry("communication")


def test_a_related_id_means_the_own_layers_entity_unless_the_kind_is_named(themes):
    story = themes.entry("story:our-writer")
    assert {(link.kind, link.obj.id) for link in story.other_links} == {("dimension", "communication"),
                                                                       ("pillar", "communication")}
    base_referrers = [e for e in themes.entry("pillar:communication").backlinks if e.layer == "base"]
    assert base_referrers and all(e not in themes.entry("dimension:communication").backlinks for e in base_referrers)


def test_an_ambiguous_id_within_the_company_layer_is_an_error_that_names_the_kinds(tmp_path):
    (tmp_path / "stories.yml").write_text(textwrap.dedent("""\
        stories:
          - id: technical
            name: A story with a dimension's id
            headline: One.
            path: Two.
            set_apart: Three.
            lesson: Four.
          - id: reader
            name: Reader
            headline: One.
            path: Two.
            set_apart: Three.
            lesson: Four.
            related: [technical]
        """), encoding="utf-8")
    (tmp_path / "ladder.yml").write_text((THEMES / "data" / "ladder.yml").read_text(encoding="utf-8"))
    (tmp_path / "transitions.yml").write_text((THEMES / "data" / "transitions.yml").read_text(encoding="utf-8"))
    with pytest.raises(HandbookError) as caught:
        load_handbook(ROOT / "data", tmp_path)
    message = str(caught.value)
    assert "stories.yml:14: [company]" in message and "'technical' names entities of several kinds" in message
    assert "write 'dimension:technical' or 'story:technical'" in message or \
           "write 'story:technical' or 'dimension:technical'" in message


def test_a_company_list_naming_one_id_twice_is_an_error(tmp_path):
    (tmp_path / "stories.yml").write_text(textwrap.dedent("""\
        stories:
          - id: dan-abramov
            remove: true
          - id: kelsey-hightower
            name: Changed
          - id: charity-majors-2
            name: Second
            headline: One.
            path: Two.
            set_apart: Three.
            lesson: Four.
          - id: charity-majors-2
            name: Third
            headline: One.
            path: Two.
            set_apart: Three.
            lesson: Four.
        """), encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        load_handbook(ROOT / "data", tmp_path)
    assert "stories.yml:12: [company] stories[3].id: duplicate id 'charity-majors-2' (first at line 6)" \
        in str(caught.value)


def test_the_company_builds_strict_with_no_warnings_from_a_ten_line_config(tmp_path):
    assert len((THEMES / "mkdocs.yml").read_text(encoding="utf-8").splitlines()) <= 10
    result = mkdocs_build(tmp_path / "site", config=THEMES / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    levels = (tmp_path / "site" / "levels" / "index.html").read_text(encoding="utf-8")
    senior = (tmp_path / "site" / "senior" / "index.html").read_text(encoding="utf-8")
    assert 'id="dimension-communication"' in levels and 'id="communication"' not in levels
    assert 'id="communication"' in senior and 'data-item="communication--' in senior
