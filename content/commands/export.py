"""`python -m content export [DIR]`: validate the JSON export the generation step wrote (docs/data/ by default)
against the JSON Schemas published beside it, and check that index.json lists every file.

Prints `file: path.to.value: message` for each problem, and exits 1 on any.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from .. import export


def problems(folder: Path) -> list[str]:
    found = []
    names = list(export.MODELS)
    index = folder / f"{export.INDEX}.json"
    if not index.is_file():
        return [f"{index}: missing: run `python -m macros.generate` (any build does)"]
    listed = [entry["data_set"] for entry in json.loads(index.read_text()).get("files", [])]
    if listed != names[1:]:
        found.append(f"{index}: files: lists {listed}, expected {names[1:]}")
    for name in names:
        file, schema = folder / f"{name}.json", folder / f"{name}.schema.json"
        if not (file.is_file() and schema.is_file()):
            found.append(f"{file}: missing, or its schema is")
            continue
        validator = Draft202012Validator(json.loads(schema.read_text()), format_checker=FormatChecker())
        for error in sorted(validator.iter_errors(json.loads(file.read_text())), key=lambda e: list(e.path)):
            where = ".".join(map(str, error.path)) or "(file)"
            found.append(f"{file}: {where}: {error.message}")
    return found


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("docs") / export.FOLDER
    found = problems(folder)
    for problem in found:
        print(problem, file=sys.stderr)
    if not found:
        print(f"{folder}/: {len(export.MODELS)} files match their schemas")
    return 1 if found else 0
