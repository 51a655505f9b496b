"""`python -m content schema [--check]`: write the JSON Schemas generated from the models into schemas/.

- schemas/<file>.schema.json, one per data file (content/models.py). Editors with the YAML language server read
  them through the `# yaml-language-server: $schema=` line that opens each data file, and show the models' field
  descriptions as hover text.
- schemas/export/v<major>/<name>.schema.json, one per file of the JSON export (content/export.py): the shape
  every consumer of that major version may rely on. A snapshot is rewritten only with a schema that breaks no
  consumer of it (new fields are fine); a removed, renamed or retyped field is refused until the export's major
  version goes up, which starts a new snapshot folder and keeps the old one.

With --check, nothing is written and the exit code says whether the committed schemas match the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import export
from ..models import FILES

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def schema_text(filename: str) -> str:
    schema = FILES[filename].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": f"data/{filename}"}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(filename: str) -> Path:
    return SCHEMAS / f"{Path(filename).stem}.schema.json"


def expected() -> list[tuple[Path, str, str]]:
    """Every schema file under schemas/, the text the models give it, and the module that holds the models."""
    return [*((schema_path(f), schema_text(f), "content/models.py") for f in FILES),
            *((SCHEMAS / export.snapshot_file(name), export.schema_text(name), "content/export.py")
              for name in export.MODELS)]


def breaking(path: Path, text: str, models: str) -> list[str]:
    """What replacing a committed export snapshot with `text` would break for its consumers."""
    if models != "content/export.py" or not path.is_file():
        return []
    return export.breaking_changes(json.loads(path.read_text()), json.loads(text), path.stem.removesuffix(".schema"))


def main(argv: list[str]) -> int:
    status = 0
    for path, text, models in expected():
        shown = path.relative_to(SCHEMAS.parent)
        if path.is_file() and path.read_text() == text:
            continue
        if problems := breaking(path, text, models):
            print(f"{shown}: the export's shape changed in a way that breaks its consumers:", file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
            print(f"  Keep the field, or raise the major version of SCHEMA_VERSION in content/export.py "
                  f"(now {export.SCHEMA_VERSION}).", file=sys.stderr)
            status = 1
        elif "--check" in argv:
            print(f"{shown} is out of date with {models}: run `make schemas`", file=sys.stderr)
            status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            print(f"wrote {shown}")
    return status
