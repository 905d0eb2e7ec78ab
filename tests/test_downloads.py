"""`make pdf` and `make offline` each rebuild the site first: neither may take away the other's file."""
from __future__ import annotations


def test_make_pdf_and_make_offline_in_either_order_keep_both_files(downloads_made):
    _, steps = downloads_made
    assert [target for target, _, _ in steps] == ["offline", "pdf", "offline", "build"]
    kept = [None, "handbook-offline.zip", "handbook.pdf", "handbook.pdf"]
    for (target, result, present), keeps in zip(steps, kept):
        assert result.returncode == 0, result.stderr
        if keeps:
            assert present.get(keeps, 0) > 10_000, f"make {target} took away {keeps}"
    assert steps[-1][2].get("handbook-offline.zip", 0) > 10_000
