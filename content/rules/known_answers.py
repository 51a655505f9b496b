"""known-answers: every FAQ id that another entry links to (`related`, a use case's or a trait's `faq`) exists,
and no answer is related to itself."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Path_, Problem
from .walk import entries, ids, strings

NAME = "known-answers"
FIELDS = [("faq.yml", "related", ()), ("use_cases.yml", "faq", ()), ("decision.yml", "faq", ("traits",)),
          ("decision.yml", "faq", ("outcomes",))]


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "faq.yml" not in docs:
        return
    known = ids(docs["faq.yml"])
    for filename, field, base in FIELDS:
        if filename in docs:
            yield from dangling(docs[filename], field, known, base)


def dangling(doc: Document, field: str, known: set[str], base: Path_ = (), kind: str = "FAQ") -> Iterator[Problem]:
    for index, entry in entries(doc, base):
        for position, ref in strings(entry, field):
            if ref not in known:
                yield doc.problem((*base, index, field, position), f"unknown {kind} id '{ref}'")
            elif field == "related" and ref == entry.get("id"):
                yield doc.problem((*base, index, field, position), "an entry cannot be related to itself")
