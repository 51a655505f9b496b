"""Rules that span entries or files, which a single model cannot see: one module per rule, each with a NAME and a
`check(docs)` that yields problems, and a planted violation in tests/test_bad_input.py (RULE_CASES).

Rules read the parsed YAML rather than the validated models, so that they still report while another field of the
same file is broken: a contributor sees every problem in one run. To add a rule, write its module and list it below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..document import Document, Problem
from . import (
    backed_claims,
    benchmarked_examples,
    case_links,
    cited_sources,
    consistent_answers,
    current_guides,
    decision_criteria,
    example_files,
    known_answers,
    known_facts,
    typed_figures,
    unique_ids,
    used_facts,
)

Rule = Callable[[dict[str, Document]], Iterator[Problem]]
MODULES = (unique_ids, known_answers, case_links, decision_criteria, example_files, benchmarked_examples,
           backed_claims, known_facts, used_facts, typed_figures, consistent_answers, cited_sources,
           current_guides)
RULES: dict[str, Rule] = {module.NAME: module.check for module in MODULES}


def run(docs: dict[str, Document]) -> list[Problem]:
    """Every rule's problems, in the order the rules are listed."""
    return [problem for check in RULES.values() for problem in check(docs)]
