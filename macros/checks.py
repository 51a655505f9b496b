"""Rules that span entries or files, which a single model cannot see: unique ids, resolvable references and
files that exist.

They read the parsed YAML rather than the validated models, so that they still report while another
field of the same file is broken: a contributor sees every problem in one run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import models

if TYPE_CHECKING:
    from .loader import Document, Problem


def cross_references(docs: dict[str, Document]) -> list[Problem]:
    problems: list[Problem] = []
    for filename in ("comparison.yml", "faq.yml", "use_cases.yml"):
        if filename in docs:
            problems += unique_ids(docs[filename])
    if "faq.yml" in docs:
        faq_ids = {entry["id"] for _, entry in _entries(docs["faq.yml"]) if isinstance(entry.get("id"), str)}
        for filename, field in (("faq.yml", "related"), ("use_cases.yml", "faq")):
            if filename in docs:
                problems += dangling(docs[filename], field, faq_ids)
    if "examples.yml" in docs:
        problems += unique_ids(docs["examples.yml"])
        problems += missing_files(docs["examples.yml"])
        if "benchmarks.yml" in docs:
            problems += unknown_benchmarks(docs["benchmarks.yml"], docs["examples.yml"])
    return problems


def _entries(doc: Document) -> Iterator[tuple[int, dict]]:
    if isinstance(doc.value, list):
        yield from ((i, e) for i, e in enumerate(doc.value) if isinstance(e, dict))


def _strings(entry: dict, field: str) -> Iterator[tuple[int, str]]:
    values = entry.get(field)
    if isinstance(values, list):
        yield from ((i, v) for i, v in enumerate(values) if isinstance(v, str))


def unique_ids(doc: Document) -> Iterator[Problem]:
    """Ids and aliases share one namespace per page: each must name exactly one entry."""
    owner: dict[str, int] = {}
    for index, entry in _entries(doc):
        names = [((index, "id"), entry.get("id"))]
        names += [((index, "aliases", n), alias) for n, alias in _strings(entry, "aliases")]
        for path, name in names:
            if not isinstance(name, str):
                continue
            if name in owner:
                what = "id" if path[-1] == "id" else "alias"
                yield doc.problem(path, f"{what} '{name}' is already used by the entry on line {owner[name]}")
            else:
                owner[name] = doc.mark((index,))[0]


def dangling(doc: Document, field: str, faq_ids: set[str]) -> Iterator[Problem]:
    for index, entry in _entries(doc):
        for position, ref in _strings(entry, field):
            if ref not in faq_ids:
                yield doc.problem((index, field, position), f"unknown FAQ id '{ref}'")
            elif field == "related" and ref == entry.get("id"):
                yield doc.problem((index, field, position), "an entry cannot be related to itself")


EXAMPLE_FILES = ("python", "rust", "expected", "stdin")


def missing_files(doc: Document) -> Iterator[Problem]:
    """Example paths are relative to the repository, the folder that holds data/."""
    root = Path(doc.name).parent.parent
    for index, entry in _entries(doc):
        for field in EXAMPLE_FILES:
            path = entry.get(field)
            if isinstance(path, str) and _inside(path) and not (root / path).is_file():
                yield doc.problem((index, field), f"file '{path}' does not exist")


def _inside(path: str) -> bool:
    """Paths that leave the repository are reported by the model; don't report them twice."""
    try:
        models.repository_path(path)
    except ValueError:
        return False
    return True


def unknown_benchmarks(benchmarks: Document, examples: Document) -> Iterator[Problem]:
    timed = {e["id"] for _, e in _entries(examples) if isinstance(e.get("id"), str) and e.get("benchmark")}
    results = benchmarks.value.get("results") if isinstance(benchmarks.value, dict) else None
    for index, result in enumerate(results if isinstance(results, list) else []):
        name = result.get("example") if isinstance(result, dict) else None
        if isinstance(name, str) and name not in timed:
            yield benchmarks.problem(("results", index, "example"), f"'{name}' is not a benchmarked example id")
