"""Readers type whole questions into the search box: the answer that settles each one comes first."""

from __future__ import annotations

import json
import re

import yaml
from conftest import REPORT, ROOT, open_search

from macros.render import plain_text

QUESTIONS = yaml.safe_load((ROOT / "tests" / "search_questions.yml").read_text())
TOP_RESULT = """() => {
    const hits = [...document.querySelectorAll('.md-search-result__link')]
        .map(a => ({href: a.getAttribute('href'), score: parseFloat(a.querySelector('article').dataset.mdScore)}));
    hits.sort((a, b) => b.score - a.score);
    return hits.length ? hits[0].href : null;
}"""


# The results on show answer `query`: the box holds it, and every result link's highlight terms (Material's `h`
# parameter: the typed words the result matched, cut as the search separator cuts them) begin words of it.
ANSWERED = r"""query => {
    const words = query.toLowerCase().split(/\s+/).flatMap(word => [word, ...word.split(/[^\p{L}\p{N}]+/u)]);
    const links = [...document.querySelectorAll('.md-search-result__link')];
    return document.querySelector('input.md-search__input').value === query && links.length > 0 &&
        links.every(a => (new URL(a.href).searchParams.get("h") || "").split(" ")
            .every(w => words.some(word => word.startsWith(w))));
}"""


WAIT_MS = 60_000  # a limit, not a pause: on a machine busy with other work a query can take seconds


def top_result(page, query: str) -> str | None:
    """Types `query` into the search box and returns the best-scored result link once that query's results are
    shown. The box is emptied first and the results cleared, so what shows next can only answer `query`. All but
    the last key go in at once: a reader's intermediate queries change nothing but the wait."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("Backspace")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list').children.length",
                           timeout=WAIT_MS)
    box.fill(query[:-1])
    box.press(query[-1])
    page.wait_for_function(ANSWERED, arg=query, timeout=WAIT_MS)
    return page.evaluate(TOP_RESULT)


def test_questions_typed_in_full_put_the_settling_answer_first(page, server):
    page.goto(server + "/")
    open_search(page)
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


def test_the_index_keeps_titles_and_prose_and_leaves_out_code_forms_and_link_lists(site, data):
    """What no reader searches for stays out of the index every page downloads: the example programs and
    their tab labels, the decision helper's form, an answer's Related list and Also-asked line (its tags carry
    the phrasings). Titles and prose stay."""
    docs = {doc["location"]: doc for doc in json.loads((site / "search" / "search_index.json").read_text())["docs"]}
    for example in data.examples.root:
        doc = docs[f"examples/{example.id}/"]
        assert doc["title"] == example.title
        assert plain_text(example.notice).split()[-1] in re.sub(r"<[^>]+>", "", doc["text"]), example.id
        assert "<pre>" not in doc["text"] and example.python not in doc["text"], example.id
    for entry in data.faq.root:
        doc = docs[f"faq/{entry.id}/"]
        assert plain_text(entry.answer).split()[-1] in doc["text"], entry.id
        assert "Related:" not in doc["text"] and "Also asked as" not in doc["text"], entry.id
    decide = docs["decide/"]["text"]
    assert "tick what applies" not in decide and "Not a factor" not in decide
