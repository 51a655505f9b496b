"""unique-ids: ids and aliases share one namespace per page, so each names exactly one entry."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Path_, Problem
from .walk import entries, strings

NAME = "unique-ids"
LISTS = {"comparison.yml": [()], "faq.yml": [()], "use_cases.yml": [()], "examples.yml": [()],
         "case_studies.yml": [()],
         "decision.yml": [("criteria",), ("traits",)]}


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    for filename, bases in LISTS.items():
        for base in bases if filename in docs else ():
            yield from unique(docs[filename], base)


def unique(doc: Document, base: Path_ = ()) -> Iterator[Problem]:
    owner: dict[str, int] = {}
    for index, entry in entries(doc, base):
        names = [((*base, index, "id"), entry.get("id"))]
        names += [((*base, index, "aliases", n), alias) for n, alias in strings(entry, "aliases")]
        for path, name in names:
            if not isinstance(name, str):
                continue
            if name in owner:
                what = "id" if path[-1] == "id" else "alias"
                yield doc.problem(path, f"{what} '{name}' is already used by the entry on line {owner[name]}")
            else:
                owner[name] = doc.mark((*base, index))[0]
