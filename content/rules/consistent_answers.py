"""consistent-answers: an answer's short answer and its full answer cannot disagree on a fact they share. When
one renders a fact ([[fact:<id>]]), the other may not type the same figure by hand: both render it, so a new
value reaches both."""

from __future__ import annotations

from collections.abc import Iterator

from .. import facts
from ..document import Document, Problem
from .walk import entries

NAME = "consistent-answers"
FIELDS = ("short_answer", "answer")


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "faq.yml" not in docs or "facts.yml" not in docs:
        return
    values = {f["id"]: str(f["value"]) for _, f in entries(docs["facts.yml"])
              if isinstance(f.get("id"), str) and any(c.isdigit() for c in str(f.get("value", "")))}
    faq = docs["faq.yml"]
    for index, entry in entries(faq):
        for one, other in (FIELDS, FIELDS[::-1]):
            if not (isinstance(entry.get(one), str) and isinstance(entry.get(other), str)):
                continue
            typed = facts.FACT.sub(lambda m: " " * len(m.group(0)), entry[other])
            for fact in dict.fromkeys(facts.referenced(entry[one])):
                if fact in values and values[fact] in typed:
                    yield faq.problem_at((index, other), values[fact], 0,
                                         f"'{values[fact]}' is typed by hand here, while the {one.replace('_', ' ')} "
                                         f"renders it from [[fact:{fact}]]: write [[fact:{fact}]] here too")
