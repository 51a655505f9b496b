"""Walking parsed YAML (not validated models), so that a rule still reports while another field is broken."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Path_


def entries(doc: Document, base: Path_ = ()) -> Iterator[tuple[int | str, dict]]:
    """The mappings in the list (or mapping) at `base`, with their index (or key)."""
    value = doc.value
    for key in base:
        value = value.get(key) if isinstance(value, dict) else None
    items = enumerate(value) if isinstance(value, list) else value.items() if isinstance(value, dict) else ()
    yield from ((k, e) for k, e in items if isinstance(e, dict))


def ids(doc: Document) -> set[str]:
    return {entry["id"] for _, entry in entries(doc) if isinstance(entry.get("id"), str)}


def strings(entry: dict, field: str) -> Iterator[tuple[int, str]]:
    values = entry.get(field)
    if isinstance(values, list):
        yield from ((i, v) for i, v in enumerate(values) if isinstance(v, str))


def texts(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text in a parsed value, with its path, depth first in file order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))


def matches(doc: Document, pattern: re.Pattern) -> Iterator[tuple[Path_, re.Match, int]]:
    """Each match of `pattern` in the texts of `doc`, with its text's path and which occurrence of the same
    matched string in that text it is (what `Document.problem_at` needs to point at it)."""
    for path, text in texts(doc.value):
        seen: dict[str, int] = {}
        for match in pattern.finditer(text):
            seen[match.group(0)] = seen.get(match.group(0), -1) + 1
            yield path, match, seen[match.group(0)]
