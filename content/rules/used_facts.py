"""used-facts: every fact in data/facts.yml is used by an entry (`[[fact:<id>]]`) or a page
(`{{ fact('<id>') }}`): a figure nobody reads is a figure nobody keeps up to date."""

from __future__ import annotations

from collections.abc import Iterator

from .. import facts
from ..document import Document, Problem
from ..pages import pages
from .walk import entries

NAME = "used-facts"


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "facts.yml" not in docs:
        return
    used = {fact for filename, doc in docs.items() if filename != "facts.yml"
            for fact in facts.referenced(doc.value)}
    used |= {fact for page in pages(docs) for fact in facts.PAGE_FACT.findall(page.text)}
    for index, fact in entries(docs["facts.yml"]):
        if isinstance(fact.get("id"), str) and fact["id"] not in used:
            name = fact["id"]
            yield docs["facts.yml"].problem((index, "id"), f"fact '{name}' is used by no page or entry: "
                                                           f"write [[fact:{name}]] where it belongs, or remove it")
