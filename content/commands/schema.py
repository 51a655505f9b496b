"""`python -m content schema [--check]`: write the JSON Schema of every data file into schemas/, from the models.

Editors with the YAML language server read them through the `# yaml-language-server: $schema=` line that
opens each data file, and show the models' field descriptions as hover text. With --check, nothing is
written and the exit code says whether the committed schemas match the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..models import FILES

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def schema_text(filename: str) -> str:
    schema = FILES[filename].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": f"data/{filename}"}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(filename: str) -> Path:
    return SCHEMAS / f"{Path(filename).stem}.schema.json"


def main(argv: list[str]) -> int:
    stale = []
    for filename in FILES:
        path, text = schema_path(filename), schema_text(filename)
        if path.is_file() and path.read_text() == text:
            continue
        if "--check" in argv:
            stale.append(path.relative_to(SCHEMAS.parent))
        else:
            SCHEMAS.mkdir(exist_ok=True)
            path.write_text(text)
            print(f"wrote {path.relative_to(SCHEMAS.parent)}")
    for path in stale:
        print(f"{path} is out of date with content/models.py: run `make schemas`", file=sys.stderr)
    return 1 if stale else 0

