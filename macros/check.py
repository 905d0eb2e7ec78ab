"""`make check`: validate the data a configuration names, without building the site.

Usage: python -m macros.check [--config mkdocs.yml]
Exit status 0 when the data is valid, 1 with every problem listed otherwise.
"""
import argparse
import sys
from collections import Counter
from pathlib import Path

from mkdocs.config import load_config

from .build import data_dirs, hand_written_pages
from .company_config import resolve_base_paths
from .editions import changes_since
from .errors import HandbookError
from .ladder_rules import notes
from .loader import load_handbook


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Validate the handbook's data.")
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    config = load_config(config_file=str(args.config))
    resolve_base_paths(config)  # as a build does: the base's folders, wherever a company's mkdocs.yml sits
    data_dir, overlay_dir = data_dirs(config)
    try:
        loaded = load_handbook(data_dir, overlay_dir)
        changes_since(config["extra"].get("handbook", {}).get("since"), args.config, data_dir, overlay_dir, loaded,
                      *hand_written_pages(config))
    except HandbookError as error:
        print(error, file=sys.stderr)
        return 1
    kinds = Counter(entry.kind for entry in loaded.index.values())
    links = sum(len(entry.links) for entry in loaded.index.values())
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    print(f"data is valid: {len(loaded.index)} ids ({summary}); {links} cross-references")
    for note in notes(loaded, loaded.sources):
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
