"""`make pdf` and `make offline` each rebuild the site first: neither may take away the other's file."""
from __future__ import annotations

import pytest

from conftest import CHROMIUM
from test_hosting_guide import fresh_copy, run


@pytest.mark.parametrize("order", [("offline", "pdf"), ("pdf", "offline")])
def test_make_pdf_and_make_offline_in_either_order_keep_both_files(tmp_path, order):
    if not CHROMIUM or not __import__("pathlib").Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make browser` (Debian package chromium)")
    folder = fresh_copy(tmp_path)
    for target in order:
        result = run(f"make {target}", folder)
        assert result.returncode == 0, result.stderr
    site = folder / "site"
    assert (site / "handbook.pdf").stat().st_size > 10_000 and (site / "handbook-offline.zip").stat().st_size > 10_000
    assert run("make build", folder).returncode == 0
    assert (site / "handbook.pdf").exists() and (site / "handbook-offline.zip").exists()
