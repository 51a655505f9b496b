"""benchmarked-examples: every result in benchmarks.yml times an example that examples.yml marks as benchmarked."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Problem
from .walk import entries

NAME = "benchmarked-examples"


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "benchmarks.yml" not in docs or "examples.yml" not in docs:
        return
    benchmarks = docs["benchmarks.yml"]
    timed = {e["id"] for _, e in entries(docs["examples.yml"]) if isinstance(e.get("id"), str) and e.get("benchmark")}
    results = benchmarks.value.get("results") if isinstance(benchmarks.value, dict) else None
    for index, result in enumerate(results if isinstance(results, list) else []):
        name = result.get("example") if isinstance(result, dict) else None
        if isinstance(name, str) and name not in timed:
            yield benchmarks.problem(("results", index, "example"), f"'{name}' is not a benchmarked example id")
