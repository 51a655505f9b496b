"""The case studies: the table sorts and filters in Chromium and stays complete without JavaScript, every
answer a case bears on links back to it, and the answer on what migrations report lists every case."""

from __future__ import annotations

from conftest import soup

from content import urls
from macros.render import CASE_LABELS

TABLE = ".case-table"


def shown(case) -> str:
    """The text of a case's row, as the filter searches it (the labels stand for the coded values)."""
    return " ".join([case.project, str(case.year), CASE_LABELS[case.direction], case.moved, case.outcome,
                     CASE_LABELS[case.measure], case.cost]).lower()


def test_case_table_sorts_by_year(context_for, server, data):
    page = context_for()
    page.goto(server + "/case-studies/")
    cases = data.case_studies.root
    projects = page.locator(f"{TABLE} tbody tr td:first-child")
    header = page.locator(f"{TABLE} th", has_text="Year")
    header.get_by_role("button").click()
    assert projects.all_inner_texts() == [c.project for c in sorted(cases, key=lambda c: c.year)]
    assert header.get_attribute("aria-sort") == "ascending"
    header.get_by_role("button").click()
    assert projects.all_inner_texts() == [c.project for c in sorted(cases, key=lambda c: c.year, reverse=True)]
    assert header.get_attribute("aria-sort") == "descending"


def test_case_table_filters_by_text(context_for, server, data):
    page = context_for()
    page.goto(server + "/case-studies/")
    page.get_by_label("Filter case studies").fill("mypyc")
    cases = data.case_studies.root
    expected = [c.project for c in cases if "mypyc" in shown(c)]
    assert 0 < len(expected) < len(cases), "pick a filter word that some rows contain and others do not"
    assert page.locator(f"{TABLE} tbody tr:visible td:first-child").all_inner_texts() == expected
    assert page.locator(f"{TABLE} .sortable-table__status").inner_text() == \
        f"{len(expected)} of {len(cases)} case studies match “mypyc”"


def test_without_javascript_the_case_table_is_complete(context_for, server, data):
    page = context_for(375, java_script_enabled=False)
    page.goto(server + "/case-studies/")
    assert page.locator(f"{TABLE} tbody tr").count() == len(data.case_studies.root)
    assert not page.locator(f"{TABLE} .sortable-table__filter").is_visible()
    assert page.locator(f"{TABLE} th").all_inner_texts()[:3] == ["Project", "Year", "Direction"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_every_answer_a_case_bears_on_links_back_to_it(site, data):
    missing = []
    for case in data.case_studies.root:
        for answer_id in case.answers:
            page = soup(site, urls.ANSWER.page_url(answer_id).strip("/"))
            hrefs = {a["href"] for a in page.select(".entry__cases a")}
            if f"../../case-studies/#{case.id}" not in hrefs:
                missing.append(f"{answer_id} -> {case.id}")
    assert missing == []


def test_the_migrations_answer_lists_every_case(site, data):
    page = soup(site, urls.ANSWER.page_url("what-migrations-report").strip("/"))
    listed = {a["href"].rsplit("#", 1)[1] for a in page.select("article a[href*='case-studies/#']")}
    assert listed >= {c.id for c in data.case_studies.root}


def test_case_studies_have_a_place_on_the_home_page_and_the_verdict(site, data):
    for path in ("", "verdict"):
        text = soup(site, path).select_one("article").get_text(" ", strip=True)
        assert f"collect {len(data.case_studies.root)} published decisions" in text, path
