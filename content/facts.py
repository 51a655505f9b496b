"""Facts by id: how text names a figure from data/facts.yml, and how the name becomes the figure.

Data text writes `[[fact:<id>]]` (Jinja in data is shown literally, so the token is not Jinja); the loader
replaces it with the fact's value before validating, so every page, preview card, description and export
reads the same figure. A page under docs/ writes `{{ fact('<id>') }}` (macros/render.py). `[[count:<what>]]`
and `{{ count('<what>') }}` give the number of criteria, answers, use cases or examples, spelled out,
computed from the data, never typed. `[[measured:<name>]]` is a figure of this guide's own benchmark run
(content/measured.py).
"""

from __future__ import annotations

import re

from .measured import MEASURED

FACT = re.compile(r"\[\[fact:([^\]\s]*)\]\]")
PAGE_FACT = re.compile(r"\{\{-?\s*fact\(\s*['\"]([^'\"]*)['\"]\s*\)\s*-?\}\}")
COUNT = re.compile(r"\[\[count:([^\]\s]*)\]\]")
# What a count counts: the data file whose list of entries it is.
COUNTED = {"criteria": "comparison.yml", "answers": "faq.yml", "use-cases": "use_cases.yml",
           "examples": "examples.yml"}
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


def spelled(number: int) -> str:
    """A count as prose writes it: words up to twenty, digits above."""
    return _WORDS[number] if 0 <= number < len(_WORDS) else f"{number:,}"


def referenced(value: object) -> list[str]:
    """The fact ids that data text (or every text in a list or mapping) names, in order, with repeats."""
    if isinstance(value, str):
        return FACT.findall(value)
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [fact for item in items for fact in referenced(item)]


def expand(value: object, facts: dict[str, str], counts: dict[str, int], measured: dict[str, str]) -> object:
    """`value` (parsed YAML: text, lists and mappings) with every known token replaced; an unknown one is left as
    it is for the known-facts rule to report."""
    if isinstance(value, str):
        if "[[" not in value:
            return value
        value = FACT.sub(lambda m: facts.get(m.group(1), m.group(0)), value)
        value = MEASURED.sub(lambda m: measured.get(m.group(1), m.group(0)), value)
        return COUNT.sub(lambda m: spelled(counts[m.group(1)]) if m.group(1) in counts else m.group(0), value)
    if isinstance(value, list):
        return [expand(item, facts, counts, measured) for item in value]
    if isinstance(value, dict):
        return {key: expand(item, facts, counts, measured) for key, item in value.items()}
    return value
