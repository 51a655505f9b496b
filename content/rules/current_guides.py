"""current-guides: a link into a guide published per release names the release that data/facts.yml gives as the
current one, so that a reader told "PyO3 0.30 is current" is not sent to the 0.29 guide. Each such guide is listed
below with the fact that holds its project's current release; the first version number in the fact's value is
the one links must name. Moving the fact to a new release makes every older link a problem to update."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Problem
from ..pages import pages
from .walk import entries, matches

NAME = "current-guides"
# The fact that holds a project's current release -> links into its per-release guide, the version as group 1.
GUIDES = {"pyo3-current": re.compile(r"https://pyo3\.rs/v(\d+\.\d+\.\d+)/")}
VERSION = re.compile(r"\d+\.\d+\.\d+")


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "facts.yml" not in docs:
        return
    values = {entry.get("id"): entry.get("value") for _, entry in entries(docs["facts.yml"])}
    for fact, link in GUIDES.items():
        current = VERSION.search(values.get(fact) or "")
        if not current:
            continue  # a missing fact is the known-facts rule's to report
        for doc in docs.values():
            for path, match, occurrence in matches(doc, link):
                if match.group(1) != current.group(0):
                    yield doc.problem_at(path, match.group(0), occurrence, _stale(match, current.group(0), fact))
        for page in pages(docs):
            for match in link.finditer(page.text):
                if match.group(1) != current.group(0):
                    yield page.problem(match.start(), _stale(match, current.group(0), fact))


def _stale(link: re.Match, current: str, fact: str) -> str:
    return f"'{link.group(0)}' is the guide of {link.group(1)}; fact '{fact}' gives {current} as current"
