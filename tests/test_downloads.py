"""`make pdf` and `make offline` each rebuild the site first: neither may take away the other's file."""
from __future__ import annotations

import pytest

from support import fresh_copy, run


@pytest.mark.slow
def test_make_pdf_and_make_offline_in_either_order_keep_both_files(tmp_path, chromium):
    folder = fresh_copy(tmp_path)
    site = folder / "site"
    for target, kept in [("offline", None), ("pdf", "handbook-offline.zip"), ("offline", "handbook.pdf"),
                         ("build", "handbook.pdf")]:
        result = run(f"make {target}", folder)
        assert result.returncode == 0, result.stderr
        if kept:
            assert (site / kept).stat().st_size > 10_000, f"make {target} took away {kept}"
    assert (site / "handbook-offline.zip").stat().st_size > 10_000
