"""`make check`: validate the data without building the site.

Usage: python -m macros.check [DATA_DIR] [--overlay COMPANY_DATA_DIR]
Exit status 0 when the data is valid, 1 with every problem listed otherwise.
"""
import argparse
import sys
from collections import Counter

from .errors import HandbookError
from .loader import load_handbook


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Validate the handbook's data.")
    parser.add_argument("data_dir", nargs="?", default="data")
    parser.add_argument("--overlay", help="a company's data folder laid over the base data")
    args = parser.parse_args(argv)
    try:
        loaded = load_handbook(args.data_dir, args.overlay)
    except HandbookError as error:
        print(error, file=sys.stderr)
        return 1
    kinds = Counter(entry.kind for entry in loaded.index.values())
    links = sum(len(entry.links) for entry in loaded.index.values())
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    print(f"data is valid: {len(loaded.index)} ids ({summary}); {links} cross-references")
    return 0


if __name__ == "__main__":
    sys.exit(main())
