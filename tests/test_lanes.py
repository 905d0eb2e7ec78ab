"""The test suite's own house rules: markers that are true, and test modules that stand alone."""
import re

import pytest

from conftest import FALSE_MARKS
from support import ROOT


def test_every_browser_mark_is_on_a_test_that_starts_chromium(request):
    """`make test-fast` leaves out `browser` tests: one marked without starting Chromium would be skipped for nothing.
    Chromium tests are marked by conftest.py from their fixtures (`browser`, `watched_page`, `chromium`)."""
    assert request.config.stash.get(FALSE_MARKS, []) == []


def test_no_test_module_imports_another():
    """Shared helpers live in tests/support.py: importing a test module runs its fixtures and tests twice."""
    importing = {path.name: found for path in sorted((ROOT / "tests").rglob("*.py"))
                 if (found := re.findall(r"^\s*(?:from|import) (test_\w+)", path.read_text(encoding="utf-8"), re.M))}
    assert importing == {}


@pytest.mark.parametrize("marker", ["browser", "slow"])
def test_the_lane_markers_are_registered(request, marker):
    assert any(line.startswith(f"{marker}:") for line in request.config.getini("markers"))
