"""The macros in the pages: calls are replaced by what the macro returns, and a mistake names its file and line."""
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from macros.page_macros import PageMacros


def page(src_uri="guide.md", abs_src_path="/docs/guide.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, abs_src_path=abs_src_path))


def macros_from(templates=None):
    def define_env(env):
        @env.macro
        def shout(text):
            return f"{text.upper()} (on {env.page.file.src_uri})"

        @env.macro
        def from_template(name):
            loader = jinja2.FileSystemLoader(str(templates))
            return jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined).get_template(name).render()

    return PageMacros({"extra": {}}, define_env)


def test_a_macro_call_is_replaced_by_its_output_for_the_page_being_built():
    rendered = macros_from().render("# Title\n\n{{ shout('hello') }}\n", page("levels/index.md"))
    assert rendered == "# Title\n\nHELLO (on levels/index.md)\n"


def test_a_page_without_macros_is_left_exactly_as_written():
    text = "Braces alone { like these } and a {#custom-id} are kept.\n"
    assert macros_from().render(text, page()) == text


def test_an_unknown_name_in_a_page_names_the_page_and_line():
    with pytest.raises(PluginError) as caught:
        macros_from().render("# Title\n\n{{ shuot('x') }}\n", page())
    assert "/docs/guide.md:3: 'shuot' is undefined" in str(caught.value)


def test_a_mistake_inside_a_template_names_the_template_file_and_line(tmp_path):
    (tmp_path / "part.md.j2").write_text("fine\n{{ hb.missing }}\n", encoding="utf-8")
    with pytest.raises(PluginError) as caught:
        macros_from(tmp_path).render("{{ from_template('part.md.j2') }}", page())
    assert f"{tmp_path / 'part.md.j2'}:2: 'hb' is undefined" in str(caught.value)


def test_a_syntax_error_in_a_page_names_the_page_and_line():
    with pytest.raises(PluginError) as caught:
        macros_from().render("intro\n{{ shout('x' }}\n", page())
    assert "/docs/guide.md:2:" in str(caught.value)
