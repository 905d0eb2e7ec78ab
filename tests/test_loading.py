"""Loading the data: the real data is valid, and each kind of bad input is reported with file, line and fix."""
import re

import pytest

from handbook.data.schema import Handbook
from handbook.data.yaml_source import read_yaml
from support import edit, line_of, load_error


def test_real_data_loads_with_every_file(loaded):
    assert set(loaded.sources) == set(Handbook.__struct_fields__)
    assert loaded.levels, "the ladder has levels"


def test_every_level_describes_every_dimension(loaded):
    dimension_ids = {d.id for d in loaded.handbook.ladder.dimensions}
    for level in loaded.levels:
        assert set(level.dimensions) == dimension_ids


def test_transitions_join_levels_that_exist(loaded):
    level_ids = {level.id for level in loaded.levels}
    for transition in loaded.handbook.transitions.transitions:
        assert {transition.from_level, transition.to_level} <= level_ids


def test_references_are_recorded_both_ways(loaded):
    for entry in loaded.index.values():
        for target in entry.links:
            assert entry in target.backlinks


def test_checklist_items_are_keyed_by_their_owner(loaded):
    transition = loaded.handbook.transitions.transitions[0]
    item = transition.signals[0]
    assert loaded.entry_of(item, transition).key == f"{transition.id}--{item.id}"


def test_malformed_yaml_names_file_and_line(data_copy):
    path = data_copy / "stories.yml"
    edit(path, "stories:\n", "stories:\n  - id: [unclosed\n")
    message = load_error(data_copy)
    assert f"stories.yml:{line_of(path, '[unclosed') + 1}" in message or f"stories.yml:{line_of(path, '[unclosed')}" in message
    assert "malformed YAML" in message


def test_missing_field_names_the_key_and_line(data_copy, loaded):
    path = data_copy / "ladder.yml"
    level = loaded.levels[1]
    edit(path, f"    code: {level.code}\n", "")
    message = load_error(data_copy)
    assert f"ladder.yml:{line_of(path, f'- id: {level.id}')}" in message
    assert "levels[1].code: the key 'code' is missing" in message
    assert "add 'code:'" in message


def test_wrong_type_says_what_was_expected(data_copy, loaded):
    path = data_copy / "stories.yml"
    story = loaded.handbook.stories.stories[0]
    edit(path, f"    name: {story.name}\n", "    name: [a, list]\n")
    message = load_error(data_copy)
    assert f"stories.yml:{line_of(path, 'name: [a, list]')}" in message
    assert "stories[0].name: expected a text, found a list" in message


def test_typo_in_a_key_suggests_the_right_one(data_copy):
    path = data_copy / "stories.yml"
    edit(path, "    lesson:", "    leson:")
    message = load_error(data_copy)
    assert f"stories.yml:{line_of(path, 'leson:')}" in message
    assert "unknown key 'leson'" in message and "did you mean 'lesson'?" in message


def test_duplicate_id_names_both_places(data_copy, loaded):
    path = data_copy / "stories.yml"
    first, second = loaded.handbook.stories.stories[:2]
    edit(path, f"- id: {second.id}\n", f"- id: {first.id}\n")
    message = load_error(data_copy)
    assert f"duplicate id '{first.id}' for a story" in message  # ids are unique within their kind
    assert f"stories.yml:{line_of(path, f'- id: {first.id}')}" in message


def test_bad_id_syntax_is_explained(data_copy, loaded):
    story = loaded.handbook.stories.stories[0]
    edit(data_copy / "stories.yml", f"- id: {story.id}\n", "- id: Not An Id\n")
    message = load_error(data_copy)
    assert "'Not An Id' is not a valid id" in message and "lowercase letters" in message


def _a_reference(loaded, kind: str) -> tuple[str, str, str]:
    """(file, the line's text as written, the id it names) of the first reference of `kind` in the data."""
    if kind == "level":
        meant = loaded.handbook.transitions.transitions[0].to_level
        return "transitions.yml", f"    to: {meant}\n", meant
    practice = next(p for pillar in loaded.handbook.senior.pillars for p in pillar.practices if p.dimensions)
    return "senior.yml", f"dimensions: [{', '.join(practice.dimensions)}]", practice.dimensions[-1]


@pytest.mark.parametrize("kind", ["level", "dimension"])
def test_dangling_reference_names_file_line_and_the_id_meant(data_copy, loaded, kind):
    file, written, meant = _a_reference(loaded, kind)
    typo = meant[:-2] + meant[-1] + meant[-2]  # two letters swapped
    path = data_copy / file
    edit(path, written, written.replace(meant, typo))
    message = load_error(data_copy)
    assert f"{file}:{line_of(path, typo)}" in message
    assert f"'{typo}' is not the id of any {kind}" in message and f"did you mean '{meant}'?" in message


def test_reference_to_the_wrong_kind_is_rejected(data_copy, loaded):
    transition = loaded.handbook.transitions.transitions[0]
    story = loaded.handbook.stories.stories[0]
    edit(data_copy / "transitions.yml", f"    to: {transition.to_level}\n", f"    to: {story.id}\n")
    assert f"'{story.id}' is a story, not a level" in load_error(data_copy)


def test_duplicate_yaml_key_is_not_silently_dropped(data_copy):
    path = data_copy / "managers.yml"
    edit(path, "intro:", "closing: first\nintro:")
    assert "duplicate key 'closing'" in load_error(data_copy)


def test_missing_dimension_on_a_level_is_reported(data_copy, loaded):
    dimension = loaded.handbook.ladder.dimensions[-1]
    path = data_copy / "ladder.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"\n      {dimension.id}: .*", "", text, count=1), encoding="utf-8")
    assert f"does not describe the dimension '{dimension.id}'" in load_error(data_copy)


def test_unknown_data_file_is_reported(data_copy):
    (data_copy / "storys.yml").write_text("intro: x\n", encoding="utf-8")
    message = load_error(data_copy)
    assert "'storys.yml' is not a handbook data file" in message and "rename it to stories.yml" in message


def test_all_problems_are_listed_at_once(data_copy):
    edit(data_copy / "stories.yml", "    lesson:", "    leson:")
    edit(data_copy / "managers.yml", "intro:", "intro2:")
    message = load_error(data_copy)
    assert "stories.yml" in message and "managers.yml" in message


def test_every_problem_in_one_file_is_listed_at_its_own_line(data_copy, loaded):
    path = data_copy / "stories.yml"
    first, _, third, fourth = loaded.handbook.stories.stories[:4]
    edit(path, "    lesson:", "    leson:")
    edit(path, f"- id: {third.id}\n", "- id: Not An Id\n")
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {fourth.id}\n")
    name_line = text.index("    name:", start)
    path.write_text(text[:name_line] + text[text.index("\n", name_line) + 1:], encoding="utf-8")
    message = load_error(data_copy)
    assert f"stories.yml:{line_of(path, 'leson:')}: [base] stories[0].leson: unknown key 'leson'" in message
    assert f"stories.yml:{line_of(path, '- id: Not An Id')}: [base] stories[2].id: 'Not An Id' is not a valid id" in message
    assert f"stories.yml:{line_of(path, f'- id: {fourth.id}')}: [base] stories[3].name: the key 'name' is missing" in message


def test_text_is_trimmed_and_blank_text_is_empty(data_copy, loaded):
    story = loaded.handbook.stories.stories[0]
    edit(data_copy / "stories.yml", f"    name: {story.name}\n", "    name: '   '\n")
    assert "stories[0].name: this is empty" in load_error(data_copy)
    assert not loaded.handbook.stories.stories[0].lesson.endswith("\n")


def test_a_number_where_text_belongs_is_named_as_a_number(data_copy, loaded):
    story = loaded.handbook.stories.stories[0]
    edit(data_copy / "stories.yml", f"    name: {story.name}\n", "    name: 42\n")
    assert "stories[0].name: expected a text, found 42, which YAML reads as a whole number" in load_error(data_copy)


def test_yaml_merge_keys_are_refused_with_a_line(data_copy, loaded):
    path = data_copy / "stories.yml"
    story = loaded.handbook.stories.stories[0]
    edit(path, f"    name: {story.name}\n", f"    name: {story.name}\n    <<: {{lesson: x}}\n")
    message = load_error(data_copy)
    assert f"stories.yml:{line_of(path, '<<:')}" in message and "merge keys (<<) are not supported" in message


def test_yaml_anchors_repeat_a_value_and_scalars_keep_their_yaml_types(tmp_path):
    path = tmp_path / "sample.yml"
    path.write_text("first: &shared\n  words: [one,  two  ]\nsecond: *shared\nwhen: 2024-01-31\nflag: true\n",
                    encoding="utf-8")
    data = read_yaml(path).data
    assert data["second"] == data["first"] == {"words": ["one", "two"]}
    assert data["when"].isoformat() == "2024-01-31" and data["flag"] is True
