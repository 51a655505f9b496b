"""case-links: every answer and criterion a case study names exists, so the link back from it resolves."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Problem
from .known_answers import dangling
from .walk import ids

NAME = "case-links"
TARGETS = [("answers", "faq.yml", "FAQ"), ("criteria", "comparison.yml", "criterion")]


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "case_studies.yml" not in docs:
        return
    for field, filename, kind in TARGETS:
        if filename in docs:
            yield from dangling(docs["case_studies.yml"], field, ids(docs[filename]), kind=kind)
