"""`make company NAME=mycompany`: a company's starting folder, which builds as it is.

Copies templates/company/ (filling in the name): NAME/mkdocs.yml, about ten lines (the base,
the name, the colours, the folders), NAME/data/site.yml (the handbook's title) and
NAME/docs/<name>/about.md (a page of its own). NAME may sit one or two folders below the
repository (`mycompany`, `companies/mycompany`). An existing folder is never touched, and a folder the
handbook's build or tools own (`site`, `docs`, `data`...) is refused: see scripts/make_vars.py.

Usage: python scripts/new_company.py NAME
"""
from __future__ import annotations

import sys
from pathlib import Path

from make_vars import name_problem

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "templates" / "company"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0]:
        print("Usage: make company NAME=mycompany (lowercase letters, digits and hyphens; "
              "at most one folder above it, as in companies/mycompany)", file=sys.stderr)
        return 2
    problem = name_problem(argv[0])
    if problem:
        print(f"{problem}.", file=sys.stderr)
        return 2
    folder = ROOT / argv[0]
    if folder.exists():
        print(f"{argv[0]}/ exists already; nothing was written. Choose another NAME.", file=sys.stderr)
        return 1
    slug = folder.name
    words = {"title": slug.replace("-", " ").title(), "slug": slug, "up": "../" * len(Path(argv[0]).parts)}
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file()):
        relative = source.relative_to(STARTER)
        if relative.parts[0] == "docs":  # the company's pages go in a folder of their own
            relative = Path("docs", slug, *relative.parts[1:])
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(source.read_text(encoding="utf-8").format(**words), encoding="utf-8")
    print(f"wrote {argv[0]}/: build it with `make build CONFIG={argv[0]}/mkdocs.yml`")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
