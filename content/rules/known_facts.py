"""known-facts: every fact that data text (`[[fact:<id>]]`) or a page (`{{ fact('<id>') }}`) names is in
data/facts.yml, every measured figure that data text names (`[[measured:<name>]]`) is one data/benchmarks.yml
gives, and every count (`[[count:<what>]]`, `{{ count('<what>') }}`) counts something the data has."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import facts, measured
from ..document import Document, Problem
from ..pages import pages
from .walk import ids, matches

NAME = "known-facts"
PAGE_COUNT = re.compile(r"\{\{-?\s*count\(\s*['\"]([^'\"]*)['\"]\s*\)\s*-?\}\}")
COUNTABLE = ", ".join(facts.COUNTED)


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "facts.yml" not in docs:
        return
    known = ids(docs["facts.yml"])
    figures = measured.quoted(docs["benchmarks.yml"].value) if "benchmarks.yml" in docs else {}
    patterns = [(facts.FACT, known, "[[fact:{}]]"), (facts.COUNT, facts.COUNTED, "[[count:{}]]")]
    if figures:  # none while data/benchmarks.yml is invalid, which is reported on its own
        patterns.append((measured.MEASURED, figures, "[[measured:{}]]"))
    for filename, doc in docs.items():
        if filename == "facts.yml":
            continue
        for pattern, valid, token in patterns:
            for path, match, occurrence in matches(doc, pattern):
                if match.group(1) not in valid:
                    yield doc.problem_at(path, match.group(0), occurrence, _unknown(token, match.group(1)))
    for page in pages(docs):
        for pattern, valid, token in ((facts.PAGE_FACT, known, "fact('{}')"),
                                      (PAGE_COUNT, facts.COUNTED, "count('{}')")):
            for match in pattern.finditer(page.text):
                if match.group(1) not in valid:
                    yield page.problem(match.start(), _unknown(token, match.group(1)))


def _unknown(token: str, name: str) -> str:
    if token.startswith("[[measured"):
        return f"{token.format(name)} names no figure of data/benchmarks.yml (content/measured.py lists them)"
    if token.startswith(("[[count", "count")):
        return f"{token.format(name)} counts nothing the data has; one of: {COUNTABLE}"
    return f"{token.format(name)} names no fact in data/facts.yml"
