"""What a reader sees in real headless Chromium: search hits land on the answer, deep links work."""

from __future__ import annotations

import json
import re
from collections import defaultdict

from conftest import open_search


def distinctive_words(site) -> dict[str, str]:
    """Words that occur in exactly one search document, which is an answer's own page: word -> FAQ id."""
    index = json.loads((site / "search" / "search_index.json").read_text())
    sections = defaultdict(set)
    for doc in index["docs"]:
        for word in re.findall(r"[a-z]{9,}", re.sub(r"<[^>]+>", " ", doc["text"] + " " + doc["title"]).lower()):
            sections[word].add(doc["location"])
    return {w: locs.pop().split("/")[1] for w, locs in sorted(sections.items())
            if len(locs) == 1 and re.fullmatch(r"faq/[a-z0-9-]+/", next(iter(locs)))}


def heading_is_visible_below_header(page, element_id: str) -> bool:
    return page.evaluate(
        """id => {
            const h = document.getElementById(id).getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            return h.top >= header.bottom - 1 && h.bottom <= window.innerHeight;
        }""",
        element_id,
    )


def test_search_hit_lands_on_the_answer(page, server, site):
    words = distinctive_words(site)
    assert len(words) >= 5, "too few distinctive words to test search with"
    word, faq_id = next(iter(words.items()))
    page.goto(server + "/")
    open_search(page).press_sequentially(word, delay=20)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    first.click()
    page.wait_for_url(re.compile(rf"/faq/{faq_id}/(\?h=[^#]*)?$"))  # ?h= highlights the search term
    assert page.locator("article mark").first.inner_text().lower() == word, f"searched {word!r}: not highlighted"


def test_opening_a_faq_link_shows_that_question(page, server, data):
    for entry in data.faq.root[:3] + data.faq.root[-2:]:
        page.goto(f"{server}/faq/#{entry.id}")
        heading = page.locator(f"h2#{entry.id}")
        assert heading.inner_text().rstrip("¶").strip() == entry.question
        assert heading_is_visible_below_header(page, entry.id), entry.id


def test_comparison_table_links_jump_to_the_criterion(page, server, data):
    criterion = data.comparison.root[-1]
    page.goto(f"{server}/comparison/")
    page.locator("article table a", has_text=criterion.title).click()
    page.wait_for_url(re.compile(rf"/comparison/#{criterion.id}$"))
    assert page.locator(f"h2#{criterion.id}").is_visible()

