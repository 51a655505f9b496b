"""Rules that span entries or files, which a single model cannot see: unique ids, resolvable references and
files that exist.

They read the parsed YAML rather than the validated models, so that they still report while another
field of the same file is broken: a contributor sees every problem in one run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from . import models, urls
from .document import Document, Path_, Problem


def cross_references(docs: dict[str, Document]) -> list[Problem]:
    problems: list[Problem] = []
    for filename in ("comparison.yml", "faq.yml", "use_cases.yml"):
        if filename in docs:
            problems += unique_ids(docs[filename])
    if "faq.yml" in docs:
        faq_ids = _ids(docs["faq.yml"])
        for filename, field in (("faq.yml", "related"), ("use_cases.yml", "faq")):
            if filename in docs:
                problems += dangling(docs[filename], field, faq_ids)
    if "decision.yml" in docs:
        problems += decision_references(docs)
    problems += unbacked(docs)
    if "examples.yml" in docs:
        problems += unique_ids(docs["examples.yml"])
        problems += missing_files(docs["examples.yml"])
        if "benchmarks.yml" in docs:
            problems += unknown_benchmarks(docs["benchmarks.yml"], docs["examples.yml"])
    return problems


def _entries(doc: Document, base: Path_ = ()) -> Iterator[tuple[int | str, dict]]:
    """The mappings in the list (or mapping) at `base`, with their index (or key)."""
    value = doc.value
    for key in base:
        value = value.get(key) if isinstance(value, dict) else None
    items = enumerate(value) if isinstance(value, list) else value.items() if isinstance(value, dict) else ()
    yield from ((k, e) for k, e in items if isinstance(e, dict))


def _ids(doc: Document) -> set[str]:
    return {entry["id"] for _, entry in _entries(doc) if isinstance(entry.get("id"), str)}


def _strings(entry: dict, field: str) -> Iterator[tuple[int, str]]:
    values = entry.get(field)
    if isinstance(values, list):
        yield from ((i, v) for i, v in enumerate(values) if isinstance(v, str))


def unique_ids(doc: Document, base: Path_ = ()) -> Iterator[Problem]:
    """Ids and aliases share one namespace per page: each must name exactly one entry."""
    owner: dict[str, int] = {}
    for index, entry in _entries(doc, base):
        names = [((*base, index, "id"), entry.get("id"))]
        names += [((*base, index, "aliases", n), alias) for n, alias in _strings(entry, "aliases")]
        for path, name in names:
            if not isinstance(name, str):
                continue
            if name in owner:
                what = "id" if path[-1] == "id" else "alias"
                yield doc.problem(path, f"{what} '{name}' is already used by the entry on line {owner[name]}")
            else:
                owner[name] = doc.mark((*base, index))[0]


def dangling(doc: Document, field: str, known: set[str], base: Path_ = (), kind: str = "FAQ") -> Iterator[Problem]:
    for index, entry in _entries(doc, base):
        for position, ref in _strings(entry, field):
            if ref not in known:
                yield doc.problem((*base, index, field, position), f"unknown {kind} id '{ref}'")
            elif field == "related" and ref == entry.get("id"):
                yield doc.problem((*base, index, field, position), "an entry cannot be related to itself")


def decision_references(docs: dict[str, Document]) -> Iterator[Problem]:
    doc = docs["decision.yml"]
    for part in ("criteria", "traits"):
        yield from unique_ids(doc, (part,))
    if "comparison.yml" in docs:
        yield from scored_criteria(doc, docs["comparison.yml"])
        yield from dangling(doc, "criteria", _ids(docs["comparison.yml"]), ("traits",), "criterion")
    if "faq.yml" in docs:
        for part in ("traits", "outcomes"):
            yield from dangling(doc, "faq", _ids(docs["faq.yml"]), (part,))


def scored_criteria(decision: Document, comparison: Document) -> Iterator[Problem]:
    """decision.yml has one entry per comparison criterion, and its scores agree with the criterion's edge."""
    edges: dict[str, str | None] = {}
    for _, entry in _entries(comparison):
        if isinstance(entry.get("id"), str):
            pick = entry["edge"].get("pick") if isinstance(entry.get("edge"), dict) else None
            # A duplicated id is reported by unique_ids; which edge it means is unclear, so skip the comparison.
            edges[entry["id"]] = None if entry["id"] in edges else pick
    seen = set()
    for index, entry in _entries(decision, ("criteria",)):
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
    if isinstance(decision.value, dict) and isinstance(decision.value.get("criteria"), list):
        for criterion in [c for c in edges if c not in seen]:
            yield decision.problem(("criteria",), f"criterion '{criterion}' from comparison.yml has no entry; "
                                                  "give it scores, or only a `why` to leave it unscored")


def _favours(rust: object, python: object) -> str | None:
    if type(rust) is not int or type(python) is not int:
        return None
    return "rust" if rust > python else "python" if python > rust else "neither language"


EXAMPLE_FILES = ("python", "rust", "expected", "stdin", "rust_modules", "hot_path.python", "hot_path.library")


def _example_files(entry: dict) -> Iterator[tuple[Path_, object]]:
    """(path of the field, value) for every file an example names; a list field yields one per item."""
    for field in EXAMPLE_FILES:
        keys, value = tuple(field.split(".")), entry
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            yield (*keys, index) if index is not None else keys, item


def missing_files(doc: Document) -> Iterator[Problem]:
    """Example paths are relative to the repository, the folder that holds data/."""
    root = Path(doc.name).parent.parent
    for index, entry in _entries(doc):
        for field, path in _example_files(entry):
            if isinstance(path, str) and _inside(path) and not (root / path).is_file():
                yield doc.problem((index, *field), f"file '{path}' does not exist")


def _inside(path: str) -> bool:
    """Paths that leave the repository are reported by the model; don't report them twice."""
    try:
        models.repository_path(path)
    except ValueError:
        return False
    return True


def unknown_benchmarks(benchmarks: Document, examples: Document) -> Iterator[Problem]:
    timed = {e["id"] for _, e in _entries(examples) if isinstance(e.get("id"), str) and e.get("benchmark")}
    results = benchmarks.value.get("results") if isinstance(benchmarks.value, dict) else None
    for index, result in enumerate(results if isinstance(results, list) else []):
        name = result.get("example") if isinstance(result, dict) else None
        if isinstance(name, str) and name not in timed:
            yield benchmarks.problem(("results", index, "example"), f"'{name}' is not a benchmarked example id")


SOURCED = (urls.ANSWER, urls.CRITERION)  # the kinds of entry that carry sources by schema
SOURCED_LINK = " or ".join(kind.list_source("<id>") for kind in SOURCED)
UNLINKED = f"no source: link the text to a sourced entry ({SOURCED_LINK})"
UNBACKED = f"no source: add `sources`, or link the text to a sourced entry ({SOURCED_LINK})"


def unbacked(docs: dict[str, Document]) -> Iterator[Problem]:
    """Every claim is backed: strengths, drawbacks, takeaways, use cases and verdict bullets each carry their
    own sources or link to an entry that does (every FAQ answer and criterion has sources by schema)."""
    known = {kind: _ids(docs[kind.data_file]) if kind.data_file in docs else set() for kind in SOURCED}

    def links_to_entry(text: object) -> bool:
        return isinstance(text, str) and any(i in known.get(k, ()) for k, i in urls.linked_entries(text))

    def backed(entry: dict, text_field: str) -> bool:
        return bool(entry.get("sources")) or links_to_entry(entry.get(text_field))

    point_lists = [("strengths.yml", (language, kind)) for language in ("rust", "python")
                   for kind in ("strengths", "drawbacks")] + [("takeaways.yml", ())]
    for filename, base in point_lists:
        for index, point in _entries(docs[filename], base) if filename in docs else ():
            if not backed(point, "text"):
                yield docs[filename].problem((*base, index), UNBACKED)
    if "use_cases.yml" in docs:
        for index, case in _entries(docs["use_cases.yml"]):
            if not (case.get("faq") or backed(case, "why")):
                yield docs["use_cases.yml"].problem((index,), "no source: add `sources`, or list an answer in `faq`")
    verdict = docs.get("verdict.yml")
    if verdict and isinstance(verdict.value, dict):
        for part in ("choose_rust", "choose_python", "mix"):
            for index, bullet in _strings(verdict.value, part):
                if not links_to_entry(bullet):
                    yield verdict.problem((part, index), UNLINKED)
