"""Readers type whole questions into the search box: the answer that settles each one comes first."""

from __future__ import annotations

import re

import yaml
from conftest import REPORT, ROOT

QUESTIONS = yaml.safe_load((ROOT / "tests" / "search_questions.yml").read_text())
TOP_RESULT = """() => {
    const hits = [...document.querySelectorAll('.md-search-result__link')]
        .map(a => ({href: a.getAttribute('href'), score: parseFloat(a.querySelector('article').dataset.mdScore)}));
    hits.sort((a, b) => b.score - a.score);
    return hits.length ? hits[0].href : null;
}"""


def top_result(page, query: str) -> str | None:
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=5)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta').textContent.trim() !== '' && "
        "document.querySelector('input.md-search__input').value === q", arg=query)
    previous, current = None, page.evaluate(TOP_RESULT)
    for _ in range(60):  # the results settle once the last keystroke's query has been answered
        if current == previous and current is not None:
            break
        page.wait_for_timeout(150)
        previous, current = current, page.evaluate(TOP_RESULT)
    return current


def test_questions_typed_in_full_put_the_settling_answer_first(page, server):
    page.goto(server + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    misses = []
    for query, faq_id in QUESTIONS.items():
        href = top_result(page, query)
        if not (href and re.search(rf"(^|/)faq/{faq_id}/(\?h=[^#]*)?$", href)):
            misses.append(f"{query!r} -> {href} (wanted faq/{faq_id}/)")
    hits = len(QUESTIONS) - len(misses)
    REPORT.append(f"search: {hits} of {len(QUESTIONS)} typed questions put the settling answer first "
                  f"({hits / len(QUESTIONS):.0%})" + "".join(f"\n  miss: {m}" for m in misses))
    assert len(QUESTIONS) >= 60
    assert hits >= 0.9 * len(QUESTIONS), "\n".join(misses)
