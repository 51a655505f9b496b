"""decision-criteria: decision.yml has one entry per comparison criterion, its scores agree with the
criterion's edge (a criterion whose edge is "depends" has equal scores or none), and its traits link only criteria
that exist."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Problem
from .known_answers import dangling
from .walk import entries, ids

NAME = "decision-criteria"


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    if "decision.yml" not in docs or "comparison.yml" not in docs:
        return
    decision, comparison = docs["decision.yml"], docs["comparison.yml"]
    yield from scored_criteria(decision, comparison)
    yield from dangling(decision, "criteria", ids(comparison), ("traits",), "criterion")


def scored_criteria(decision: Document, comparison: Document) -> Iterator[Problem]:
    edges: dict[str, str | None] = {}
    for _, entry in entries(comparison):
        if isinstance(entry.get("id"), str):
            pick = entry["edge"].get("pick") if isinstance(entry.get("edge"), dict) else None
            # A duplicated id is reported by unique-ids; which edge it means is unclear, so skip the comparison.
            edges[entry["id"]] = None if entry["id"] in edges else pick
    seen = set()
    for index, entry in entries(decision, ("criteria",)):
        criterion = entry.get("id")
        if not isinstance(criterion, str):
            continue
        seen.add(criterion)
        if criterion not in edges:
            yield decision.problem(("criteria", index, "id"), f"unknown criterion id '{criterion}'")
            continue
        favours = _favours(entry.get("rust"), entry.get("python"))
        if favours and edges[criterion] in ("rust", "python") and favours != edges[criterion]:
            yield decision.problem(("criteria", index), f"the scores favour {favours}, but comparison.yml gives "
                                                        f"the edge to {edges[criterion]}")
        elif favours in ("rust", "python") and edges[criterion] == "depends":
            yield decision.problem(("criteria", index), f"the scores favour {favours}, but comparison.yml's edge "
                                                        "is 'depends': give both the same score, or only a `why` "
                                                        "to leave the criterion unscored")
    if isinstance(decision.value, dict) and isinstance(decision.value.get("criteria"), list):
        for criterion in [c for c in edges if c not in seen]:
            yield decision.problem(("criteria",), f"criterion '{criterion}' from comparison.yml has no entry; "
                                                  "give it scores, or only a `why` to leave it unscored")


def _favours(rust: object, python: object) -> str | None:
    if type(rust) is not int or type(python) is not int:
        return None
    return "rust" if rust > python else "python" if python > rust else "neither language"
