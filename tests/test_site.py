"""The strictly built site: every criterion and answer at its public id, searchable, dated, error-free."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
import rcssmin
import rjsmin
from bs4 import BeautifulSoup
from conftest import ROOT, soup

from content.commands import ledger
from macros.render import plain_text
from tools import variant

PAGES = ["", "comparison/", "examples/", "performance/", "concurrency/", "ecosystem/", "use-cases/",
         "interop-deployment/", "learning-migration/", "maintenance/", "faq/", "verdict/", "decide/"]


def test_strict_build_has_no_warnings(build):
    assert "WARNING" not in build.stderr + build.stdout


@pytest.mark.parametrize("page", PAGES)
def test_page_exists_and_shows_its_review_date(site, page):
    html = soup(site, page)
    assert html.select_one("article h1"), f"{page or 'home'} has no title"
    reviewed = html.select_one("article time.reviewed")
    assert reviewed and re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed["datetime"]), f"{page or 'home'}: no review date"


@pytest.mark.parametrize("page", PAGES)
def test_no_macro_or_jinja_leftovers(site, page):
    text = soup(site, page).select_one("article").get_text()
    for leftover in ("{{", "{%", "Macro Syntax Error", "Macro Rendering Error", "Traceback (most recent call last)"):
        assert leftover not in text, f"{page or 'home'} shows {leftover!r}"


def assert_each_page_says_its_kind(site: Path, data) -> None:
    """<article data-page-kind> is "answer" on each answer's page, "example" on each example's, and "page" on
    every other page, the 404 page included; redirect pages (an old id's page) have no article."""
    pages = {path: soup(site, path.strip("/")) for path in ledger.pages(site)}
    pages["/404.html"] = BeautifulSoup((site / "404.html").read_text(), "html.parser")
    kinds = {path: [(tag.name, tag["data-page-kind"]) for tag in html.select("[data-page-kind]")]
             for path, html in pages.items() if html.select_one("article")}
    own = {f"/faq/{e.id}/": "answer" for e in data.faq.root} | {f"/examples/{e.id}/": "example" for e in data.examples.root}
    assert own.keys() <= kinds.keys() and {"/", "/faq/", "/comparison/", "/examples/", "/404.html"} <= kinds.keys()
    assert kinds == {path: [("article", own.get(path, "page"))] for path in kinds}


def test_each_page_says_which_kind_it_is(site, data):
    assert_each_page_says_its_kind(site, data)


def test_every_faq_entry_is_a_heading_at_its_id(site, data):
    html = soup(site, "faq/")
    for entry in data.faq.root:
        heading = html.find(id=entry.id)
        assert heading is not None and heading.name == "h2", entry.id
        assert heading.get_text().rstrip("¶").strip() == entry.question
        body = " ".join(_section_text(heading).split())
        assert " ".join(entry.short_answer.split()) in body, entry.id
        hrefs = {a["href"] for a in _section_links(heading)}
        assert f"{entry.id}/" in hrefs, f"{entry.id}: no link to the full answer"


def test_every_answer_page_shows_the_full_answer_sources_and_other_phrasings(site, data):
    for entry in data.faq.root:
        article = soup(site, f"faq/{entry.id}").select_one("article")
        body = " ".join(article.get_text(" ").split())
        assert f"Short answer: {' '.join(entry.short_answer.split())}" in body, entry.id
        assert "Also asked as: " + " · ".join(f"“{phrase}”" for phrase in entry.asked_as) in body, entry.id
        hrefs = {a["href"] for a in article.select("a")}
        assert {str(s.url) for s in entry.sources} <= hrefs, f"{entry.id}: a source link is missing"


def test_every_criterion_is_in_the_table_and_has_a_section(site, data):
    html = soup(site, "comparison/")
    rows = html.select("article table")[0].select("tbody tr")
    assert [row.select_one("td a")["href"] for row in rows] == [f"#{c.id}" for c in data.comparison.root]
    for criterion, row in zip(data.comparison.root, rows, strict=True):
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        assert cells[0] == criterion.title
        assert cells[3].startswith({"rust": "Rust", "python": "Python", "depends": "Depends"}[criterion.edge.pick])
        heading = html.find(id=criterion.id)
        assert heading is not None and heading.name == "h2"
        hrefs = {a["href"] for a in _section_links(heading)}
        assert {str(s.url) for s in criterion.sources} <= hrefs


def test_every_table_has_a_caption(site):
    """Each table says what it shows (a "Table: ..." line before it, macros/tables.py), on every built page."""
    pages = [str(path.parent.relative_to(site)) for path in sorted(site.rglob("index.html"))]
    tables = [(page, table) for page in pages for table in soup(site, page).select("table")]
    assert len(tables) >= 15
    missing = [page for page, table in tables if not (table.caption and table.caption.get_text(strip=True))]
    assert missing == []
    assert [page for page, table in tables if table.caption.get_text().startswith("Table:")] == []


def test_ids_are_unique_on_each_page(site):
    for page in PAGES:
        ids = [tag["id"] for tag in soup(site, page).select("article [id]")]
        assert len(ids) == len(set(ids)), f"{page}: duplicate ids {[i for i in ids if ids.count(i) > 1]}"


def test_search_finds_each_answer_once_on_its_own_page_with_its_phrasings(site, data):
    index = json.loads((site / "search" / "search_index.json").read_text())
    docs = {doc["location"]: doc for doc in index["docs"]}
    for entry in data.faq.root:
        [location] = [loc for loc in docs if loc.startswith(f"faq/{entry.id}/")]
        doc = docs[location]
        assert location == f"faq/{entry.id}/" and doc["title"] == entry.question
        assert plain_text(entry.answer).split()[-1] in doc["text"]
        assert doc["tags"] == entry.asked_as
        assert not any(loc.startswith("faq/#") for loc in docs), "an answer is indexed twice"
    for criterion in data.comparison.root:
        assert f"comparison/#{criterion.id}" in docs


def test_topic_pages_link_to_their_criteria_and_answers(site):
    html = soup(site, "performance/")
    hrefs = {a["href"] for a in html.select("article a")}
    assert "../comparison/#performance" in hrefs
    assert any(h.startswith("../faq/#") for h in hrefs)


def test_home_page_shows_the_takeaways(site, data):
    text = soup(site, "").select_one("article").get_text(" ")
    for point in data.takeaways.root:
        assert point.title in text


def test_verdict_page_shows_strengths_and_drawbacks(site, data):
    text = soup(site, "verdict/").select_one("article").get_text(" ")
    for profile in (data.strengths.rust, data.strengths.python):
        for point in profile.strengths + profile.drawbacks:
            assert point.title in text


def _section(heading):
    for sibling in heading.find_next_siblings():
        if sibling.name in {"h1", "h2"}:
            break
        yield sibling


def _section_text(heading) -> str:
    return " ".join(tag.get_text(" ") for tag in _section(heading))


def _section_links(heading):
    return [a for tag in _section(heading) for a in tag.find_all("a", href=True)]


def test_site_css_and_javascript_arrive_as_one_minified_file_each(site):
    """Ten small source files would cost a phone ten requests before the first paint; it gets two."""
    config = variant.settings()
    for page in PAGES:
        html = soup(site, page)
        css = [link["href"] for link in html.select('link[rel=stylesheet]')]
        js = [script["src"] for script in html.select("script[src]")]
        assert [Path(href).name.split(".")[0] for href in css] == ["main", "palette", "site"], page
        assert [Path(src).name.split(".")[0] for src in js] == ["bundle", "site"], page
    for key, minify, bundle in (("extra_css", rcssmin.cssmin, css[-1]), ("extra_javascript", rjsmin.jsmin, js[-1])):
        published = (site / bundle.removeprefix("../")).read_text()
        for source in config[key]:
            assert minify((ROOT / "docs" / source).read_text()) in published, f"{source} is not in {bundle}"
            assert not (site / source).exists(), f"{source} is published on its own as well"


COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"


def published_scripts(site: Path) -> dict[str, str]:
    """The scripts an answer page loads, by the name they start with: "bundle" (Material's) and "site"."""
    scripts = [script["src"].removeprefix("../") for script in soup(site, "faq/").select("script[src]")]
    return {Path(src).name.split(".")[0]: src for src in scripts}


def test_the_sites_script_is_marked_for_eager_compiling(site):
    """Chromium compiles a script whose first line is the hint while it downloads, not on the main thread at start-up."""
    assert (site / published_scripts(site)["site"]).read_text().startswith(COMPILE_HINT)


@pytest.mark.workaround("bundle_compile_hint")
def test_materials_bundle_is_marked_for_eager_compiling_and_otherwise_untouched(site):
    theme = Path(material.__file__).parent / "templates"
    bundle = published_scripts(site)["bundle"]
    assert (site / bundle).read_text() == COMPILE_HINT + (theme / bundle).read_text()
    # The hint is one more line above Material's code: its source map must skip that line to stay right.
    published_map = json.loads((site / f"{bundle}.map").read_text())
    theme_map = json.loads((theme / f"{bundle}.map").read_text())
    assert published_map == {**theme_map, "mappings": ";" + theme_map["mappings"]}


def test_sources_of_points_and_use_cases_are_shown_where_they_appear(site, data):
    pages = {"verdict/": [*data.strengths.rust.strengths, *data.strengths.rust.drawbacks,
                          *data.strengths.python.strengths, *data.strengths.python.drawbacks],
             "": data.takeaways.root, "use-cases/": data.use_cases.root}
    for page, items in pages.items():
        hrefs = {a["href"] for a in soup(site, page).select("article a")}
        cited = {str(s.url) for item in items for s in item.sources}
        assert cited <= hrefs, f"{page or 'home'}: sources not shown: {sorted(cited - hrefs)}"
    assert any(item.sources for items in pages.values() for item in items), "no point has sources: test nothing"
