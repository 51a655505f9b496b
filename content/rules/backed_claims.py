"""backed-claims: every claim is backed. Strengths, drawbacks, takeaways, use cases and verdict bullets each carry
their own sources or link to an entry that does (every FAQ answer and criterion has sources by schema)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..document import Document, Problem
from .walk import entries, ids, strings

NAME = "backed-claims"
SOURCED = (urls.ANSWER, urls.CRITERION, urls.CASE)  # the kinds of entry that carry sources by schema
SOURCED_LINK = " or ".join(kind.list_source("<id>") for kind in SOURCED)
UNLINKED = f"no source: link the text to a sourced entry ({SOURCED_LINK})"
UNBACKED = f"no source: add `sources`, or link the text to a sourced entry ({SOURCED_LINK})"


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    known = {kind: ids(docs[kind.data_file]) if kind.data_file in docs else set() for kind in SOURCED}

    def links_to_entry(text: object) -> bool:
        return isinstance(text, str) and any(i in known.get(k, ()) for k, i in urls.linked_entries(text))

    def backed(entry: dict, text_field: str) -> bool:
        return bool(entry.get("sources")) or links_to_entry(entry.get(text_field))

    point_lists = [("strengths.yml", (language, kind)) for language in ("rust", "python")
                   for kind in ("strengths", "drawbacks")] + [("takeaways.yml", ())]
    for filename, base in point_lists:
        for index, point in entries(docs[filename], base) if filename in docs else ():
            if not backed(point, "text"):
                yield docs[filename].problem((*base, index), UNBACKED)
    if "use_cases.yml" in docs:
        for index, case in entries(docs["use_cases.yml"]):
            if not (case.get("faq") or backed(case, "why")):
                yield docs["use_cases.yml"].problem((index,), "no source: add `sources`, or list an answer in `faq`")
    verdict = docs.get("verdict.yml")
    if verdict and isinstance(verdict.value, dict):
        for part in ("choose_rust", "choose_python", "mix"):
            for index, bullet in strings(verdict.value, part):
                if not links_to_entry(bullet):
                    yield verdict.problem((part, index), UNLINKED)
