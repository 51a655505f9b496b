"""typed-figures: a percentage, a multiplier or a count of the guide's own entries is never typed by hand, in data
text or in a page. A figure that can change lives once in data/facts.yml and text names it
(`[[fact:<id>]]` in data, `{{ fact('<id>') }}` in a page); a count of criteria, answers, use cases or examples
is computed (`[[count:criteria]]`, `{{ count('criteria') }}`).

What counts as a figure: `7%`, `7-8%` (with a hyphen or an en dash), `7 percent`, `7 percentage points`,
`a 7-point rise`, `10x`, `2.5` followed by a multiplication sign, `10-100x`, `3 times faster`, `twice as fast`,
`tenfold`/`10-fold`, and `eleven criteria`. Code spans, fenced
code, URLs and link targets, fact tokens and Jinja are not read; a version name ("Python 3.14", "Rust 2024")
is no figure. data/facts.yml is the home of figures, data/benchmarks.yml is written by the benchmark script and
data/case_studies.yml is the home of each case's own figures (with its sources, where in them, and its review
date), so none of them is read; nor are dated change notes (`changes`), which record a figure as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import facts
from ..document import Document, Problem
from ..pages import pages
from .walk import texts

NAME = "typed-figures"
SKIPPED_FILES = ("facts.yml", "benchmarks.yml", "case_studies.yml")
SKIPPED_FIELDS = ("url", "id", "aliases")
HISTORY = "changes"  # a dated change note records the old and the new figure as they were on its date

_NUMBER = r"\d+(?:[.,]\d+)*"
_RANGE = rf"{_NUMBER}(?:\s?(?:–|-|to)\s?{_NUMBER})?"
_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|a hundred|hundred|thousand)"
_COUNT_WORD = ("(?:" + "|".join(facts.spelled(n) for n in range(2, 21)) + ")")
FIGURE = re.compile(
    rf"(?<![\w.]){_RANGE}\s?(?:%|percent\b|per cent\b|percentage points?\b|-points?\b)"
    rf"|(?<![\w.]){_RANGE}\s?[x×](?![\w×])"
    rf"|(?<![\w.])(?:{_NUMBER}|{_WORD})\s+times\s+(?:faster|slower|as\b|more|less|larger|smaller|bigger|longer"
    rf"|shorter|higher|lower)"
    rf"|\b(?:twice|half) as (?:fast|slow|much|many|long|large)\b"
    rf"|(?<![\w.])(?:{_NUMBER}|{_WORD})[- ]?fold\b",
    re.IGNORECASE)
COUNT = re.compile(rf"\b(?:{_COUNT_WORD}|\d+)\s+(criteria|answers|use cases|examples)\b", re.IGNORECASE)
_COUNTED_AS = {"criteria": "criteria", "answers": "answers", "use cases": "use-cases", "examples": "examples"}
# Text that is not prose: code, URLs and link targets, fact and count tokens, Jinja, Markdown attribute lists.
_NOT_PROSE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`|\]\([^)]*\)|<?https?://[^\s)>]+>?|\[\[[a-z]+:[^\]]*\]\]"
                        r"|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{:?\s*[#.][^}\n]*\}|=\"[^\"\n]*\"", re.DOTALL)


def prose(text: str) -> str:
    """`text` with everything that is not prose blanked out, so offsets stay where they were."""
    return _NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def findings(text: str) -> Iterator[tuple[re.Match, str]]:
    """Each hand-typed figure or count in `text`, with what to write instead (`{}` for the token syntax)."""
    masked = prose(text)
    for match in FIGURE.finditer(masked):
        yield match, "give it a home in data/facts.yml and write {fact} here"
    for match in COUNT.finditer(masked):
        yield match, "a count of the guide's own entries is computed: write {count} " + match.group(1)


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    for filename, doc in docs.items():
        if filename in SKIPPED_FILES:
            continue
        for path, text in texts(doc.value):
            if path and (path[-1] in SKIPPED_FIELDS or HISTORY in path):
                continue
            seen: dict[str, int] = {}
            for match, advice in findings(text):
                figure = match.group(0)
                occurrence = seen[figure] = seen.get(figure, -1) + 1
                what = COUNT.fullmatch(figure)
                yield doc.problem_at(path, figure, occurrence, f"hand-typed figure '{figure}': " + advice.format(
                    fact="[[fact:<id>]]", count=f"[[count:{_COUNTED_AS[what.group(1).lower()]}]]" if what else ""))
    for page in pages(docs):
        for match, advice in findings(page.text):
            what = COUNT.fullmatch(match.group(0))
            count = f"{{{{ count('{_COUNTED_AS[what.group(1).lower()]}') }}}}" if what else ""
            yield page.problem(match.start(), f"hand-typed figure '{match.group(0)}': "
                                              + advice.format(fact="{{ fact('<id>') }}", count=count))
