"""example-files: every file an example names exists, relative to the repository (the folder that holds data/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import models
from ..document import Document, Path_, Problem
from .walk import entries

NAME = "example-files"
FIELDS = ("python", "rust", "expected", "stdin", "rust_modules", "hot_path.python", "hot_path.library",
          "hot_path.extension.python", "hot_path.extension.module")


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "examples.yml" not in docs:
        return
    doc = docs["examples.yml"]
    root = Path(doc.name).parent.parent
    for index, entry in entries(doc):
        for field, path in _files(entry):
            if isinstance(path, str) and _inside(path) and not (root / path).is_file():
                yield doc.problem((index, *field), f"file '{path}' does not exist")


def _files(entry: dict) -> Iterator[tuple[Path_, object]]:
    """(path of the field, value) for every file an example names; a list field yields one per item."""
    for field in FIELDS:
        keys, value = tuple(field.split(".")), entry
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            yield (*keys, index) if index is not None else keys, item


def _inside(path: str) -> bool:
    """Paths that leave the repository are reported by the model; don't report them twice."""
    try:
        models.repository_path(path)
    except ValueError:
        return False
    return True
