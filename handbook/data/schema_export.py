"""`make schema`: publish the data schema as JSON Schema, one file per data file.

Editors that understand JSON Schema (VS Code's YAML extension, JetBrains IDEs)
then validate and complete `data/*.yml` as it is typed; each data file names
its schema on its first line. The schema of the open data the build writes
(`api/handbook.json`) is published beside them.
"""
import json
import sys

import msgspec

from handbook.paths import ROOT

from handbook.site.open_data import api_schema
from handbook.data.schema import Handbook, fields_of

SCHEMA_DIR = ROOT / "schema"


def schemas() -> dict[str, dict]:
    result = {}
    for field in fields_of(Handbook):
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"data/{field.name}.yml",
                  **msgspec.json.schema(field.type)}
        result[f"{field.name}.schema.json"] = schema
    result["api-handbook.schema.json"] = api_schema()  # what the build writes to api/handbook.json
    return result


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for file_name, schema in schemas().items():
        (SCHEMA_DIR / file_name).write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(schemas())} schema files to {SCHEMA_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
