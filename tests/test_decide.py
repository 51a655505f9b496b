"""The decision helper in real Chromium: every test vector, shared links, keyboard-only use, and the page
without JavaScript. The vectors run against the page's own scoring code, so the rules exist once."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT
from playwright.sync_api import expect

from macros import render

VECTORS = yaml.safe_load((ROOT / "tests" / "decision_vectors.yml").read_text())
HOT_SPOT = {"name": "hot spot", "traits": ["hot-spot", "python-codebase"], "weights": {"performance": "Critical"}}


def answer(page, vector: dict) -> None:
    """Tick and pick like a reader, through the form."""
    for trait in vector.get("traits", []):
        page.locator(f'#decide-form input[name="trait"][value="{trait}"]').check()
    for criterion, level in vector.get("weights", {}).items():
        page.locator(f'#decide-form select[name="{criterion}"]').select_option(label=level)


def shown(page) -> dict:
    """What the result area shows: the outcome, the verdict sentence and the answers listed as reasons."""
    return {
        "outcome": page.locator("#decide").get_attribute("data-outcome"),
        "verdict": page.locator("#decide-verdict").inner_text(),
        "reasons": page.locator(".decide__reasons li").evaluate_all("items => items.map(item => item.dataset.id)"),
    }


def form_state(page) -> dict:
    return page.locator("#decide-form").evaluate(
        """form => ({
            traits: [...form.querySelectorAll('input[name="trait"]:checked')].map(box => box.value),
            weights: Object.fromEntries([...form.querySelectorAll("select")].map(s => [s.name, s.value])),
        })""")


def test_vectors_cover_every_outcome_and_use_known_answers(data):
    decision = data.decision
    assert {v["expect"] for v in VECTORS} == set(dict(decision.outcomes))
    traits = {t.id for t in decision.traits}
    weights = {s.id for s in decision.criteria if s.rust is not None}
    levels = {level.label for level in decision.levels}
    for vector in VECTORS:
        assert set(vector.get("traits", [])) <= traits, vector["name"]
        assert set(vector.get("weights", {})) <= weights, vector["name"]
        assert set(vector.get("weights", {}).values()) <= levels, vector["name"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector_gives_the_expected_recommendation_and_reasons(page, server, data, vector):
    page.goto(f"{server}/decide/")
    answer(page, vector)
    result = shown(page)
    assert result["outcome"] == vector["expect"]
    assert result["reasons"] == vector["reasons"]
    title = getattr(data.decision.outcomes, vector["expect"]).title
    assert result["verdict"].startswith(title)
    assert f"Rust {vector['rust']} points, Python {vector['python']}." in result["verdict"]
    advice = page.locator(".decide__advice").inner_text()
    assert render.plain_text(getattr(data.decision.outcomes, vector["expect"]).advice) in " ".join(advice.split())


def test_reasons_link_to_their_explanations_on_the_page(page, server):
    page.goto(f"{server}/decide/")
    answer(page, HOT_SPOT)
    hrefs = page.locator(".decide__reasons a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["#score-performance", "#trait-hot-spot", "#trait-python-codebase"]
    for href in hrefs:
        assert page.locator(href).count() == 1
    faq = page.locator(".decide__advice a[href*='/faq/#']")
    assert faq.count() >= 1, "the advice links to FAQ answers"


def test_a_shared_link_restores_the_answers_and_the_result(page, context_for, server):
    page.goto(f"{server}/decide/")
    answer(page, HOT_SPOT)
    url = page.url
    assert re.search(r"\?.*performance=3", url) and "trait=hot-spot" in url
    share = page.locator(".decide__share")
    assert share.evaluate("a => a.href") == url
    other = context_for()
    other.goto(url)
    assert form_state(other) == form_state(page)
    assert shown(other) == shown(page)
    assert shown(other)["outcome"] == "mix"


def test_start_over_clears_the_answers_and_the_link(page, server):
    page.goto(f"{server}/decide/?performance=3&trait=hot-spot")
    assert shown(page)["outcome"] == "rust"
    page.get_by_role("button", name="Start over").click()
    expect(page.locator("#decide")).to_have_attribute("data-outcome", "undecided")
    assert page.url == f"{server}/decide/"


def test_show_the_result_takes_a_keyboard_user_to_the_recommendation(page, server):
    page.goto(f"{server}/decide/?trait=hot-spot")
    tab_to(page, page.get_by_role("button", name="Show the result"))
    page.keyboard.press("Enter")
    result = page.get_by_role("region", name="Recommendation")
    expect(result).to_be_focused()
    expect(result).to_be_in_viewport()
    assert page.url.startswith(f"{server}/decide/?")  # the form did not navigate away


def test_unknown_answers_in_a_link_are_ignored(page, server):
    page.goto(f"{server}/decide/?performance=7&trait=no-such-trait&nonsense=1")
    assert shown(page)["outcome"] == "undecided"
    assert form_state(page)["traits"] == []
    assert form_state(page)["weights"]["performance"] == "0"


def test_works_when_reached_from_another_page(page, server):
    page.goto(f"{server}/")
    page.locator("article").get_by_role("link", name="decision helper", exact=True).first.click()
    page.wait_for_url(f"{server}/decide/")
    answer(page, {"traits": ["data-science"]})
    assert shown(page)["outcome"] == "python"


def test_keyboard_only(page, server):
    page.goto(f"{server}/decide/")
    first_trait = page.locator('#decide-form input[name="trait"]').first
    first_select = page.locator("#decide-form select").first
    tab_to(page, first_trait)
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Space")
    assert first_trait.is_checked()
    assert shown(page)["outcome"] == "rust"
    tab_to(page, first_select)
    page.keyboard.press("ArrowDown")
    assert first_select.input_value() != "0"
    assert shown(page)["reasons"][-1] == first_select.get_attribute("name")
    tab_to(page, page.get_by_role("button", name="Start over"))
    page.keyboard.press("Enter")
    expect(page.locator("#decide")).to_have_attribute("data-outcome", "undecided")
    status = page.get_by_role("status")
    assert status.count() == 1 and "No recommendation yet" in status.inner_text()


def tab_to(page, locator, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{limit} presses of Tab never reached {locator}")


def test_every_control_has_a_label(page, server, data):
    page.goto(f"{server}/decide/")
    for trait in data.decision.traits:
        assert page.get_by_label(trait.label, exact=True).get_attribute("value") == trait.id
    titles = {c.id: c.title for c in data.comparison.root}
    for score in data.decision.criteria:
        control = page.get_by_label(titles[score.id], exact=True)
        assert control.count() == (1 if score.rust is not None else 0), score.id


def test_without_javascript_the_page_shows_all_the_rules(context_for, server, data):
    decision = data.decision
    page = context_for(java_script_enabled=False)
    page.goto(f"{server}/decide/")
    assert page.locator("#decide").is_hidden()
    assert page.locator(".decide-noscript").is_visible()
    text = " ".join(page.locator("article").inner_text().split())
    for level in decision.levels:
        assert f"{level.label} ×{level.weight}" in text
    assert f"neither language has {decision.thresholds.minimum} points" in text
    assert f"at least {decision.thresholds.ratio:g} times the other's points" in text
    titles = {c.id: c.title for c in data.comparison.root}
    for score in decision.criteria:
        if score.rust is None:
            assert f"{titles[score.id]}: {render.plain_text(score.why)}" in text, score.id
            continue
        cells = row_cells(page, f"#score-{score.id}")
        assert cells == [titles[score.id], str(score.rust), str(score.python), render.plain_text(score.why)]
    for trait in decision.traits:
        cells = row_cells(page, f"#trait-{trait.id}")
        assert cells[0] == trait.label and cells[2] == render.plain_text(trait.why), trait.id
        assert cells[1] == ", ".join(f"+{p} {side}" for side, p in (("Rust", trait.rust), ("Python", trait.python)) if p)
        links = page.locator(f"#trait-{trait.id}").locator("xpath=ancestor::tr/td[4]//a")
        hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs == [f"../comparison/#{c}" for c in trait.criteria] + [f"../faq/#{q}" for q in trait.faq]
    for name, outcome in decision.outcomes:
        section = page.locator(f'.decide-outcome[data-outcome="{name}"]')
        assert section.locator("h3").inner_text().rstrip("¶").strip() == outcome.title
        assert render.plain_text(outcome.advice) in " ".join(section.inner_text().split())


def row_cells(page, anchor: str) -> list[str]:
    cells = page.locator(anchor).locator("xpath=ancestor::tr/td")
    return [" ".join(text.split()) for text in cells.all_inner_texts()]
