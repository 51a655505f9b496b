"""`make build-zensical`: the same sources built by Zensical keep every published link, every answer and
criterion, and a search that finds the answer a reader types for."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import ROOT, copy_project, run, soup
from test_changes import ATOM
from test_site import assert_each_page_says_its_kind

from content import urls
from content.commands import export as export_command
from content.commands import ledger
from tools import variant
from tools.serve import serve

# Every test here builds the site with Zensical, or a broken copy of it. One worker has them all: two would
# build into the same site-zensical/ at once.
pytestmark = [pytest.mark.build, pytest.mark.xdist_group("zensical")]
SITE_URL = variant.settings()["site_url"]
SEARCH_QUESTIONS = yaml.safe_load((ROOT / "tests" / "search_questions.yml").read_text())


@pytest.fixture(scope="session")
def zensical_site() -> Path:
    run("make", "--no-print-directory", "build-zensical", check=True)
    return ROOT / "site-zensical"


@pytest.fixture(scope="session")
def zensical_server(zensical_site):
    with serve(zensical_site) as base:
        yield base


def test_every_published_link_resolves(zensical_site):
    assert ledger.broken(zensical_site, ledger.read()) == []


def test_every_link_between_pages_resolves(zensical_site):
    """Data and templates write links from docs/ (/faq.md#id), which Zensical leaves unresolved unless they
    are made relative to the page (macros/render.py)."""
    links = set()
    for page in ledger.pages(zensical_site):
        for anchor in soup(zensical_site, page.strip("/")).select("article a[href]"):
            target = urlsplit(urljoin(page, anchor["href"]))
            if not target.scheme and target.path.endswith("/"):
                links.add(target.path + (f"#{target.fragment}" if target.fragment else ""))
    assert len(links) > 100
    assert ledger.broken(zensical_site, sorted(links)) == []


def test_every_answer_criterion_and_example_is_present(zensical_site, data):
    links = [url for kind in urls.KINDS for entry in kind.entries(data) for url in kind.public_urls(entry.id)]
    assert len(links) == (2 * len(data.faq.root) + len(data.comparison.root) + 2 * len(data.examples.root)
                          + len(data.case_studies.root))
    assert ledger.broken(zensical_site, links) == []
    for entry in data.faq.root:
        assert soup(zensical_site, f"faq/{entry.id}").select_one("article h1").get_text().rstrip("¶").strip() \
            == entry.question
    criteria = soup(zensical_site, "comparison")
    for criterion in data.comparison.root:
        assert criteria.find(id=criterion.id).get_text().rstrip("¶").strip() == criterion.title


def test_each_page_says_which_kind_it_is(zensical_site, data):
    """overrides/main.html marks the page's kind under Zensical too: the copy links depend on it."""
    assert_each_page_says_its_kind(zensical_site, data)


def test_robots_txt_names_the_sitemap_which_lists_every_answer(zensical_site, data):
    assert (zensical_site / "robots.txt").read_text().splitlines() == [
        "User-agent: *", "Allow: /", "", f"Sitemap: {SITE_URL}sitemap.xml"]
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in ET.parse(zensical_site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)}
    assert {f"{SITE_URL}faq/{e.id}/" for e in data.faq.root} <= listed


def test_search_finds_the_gil_answer_first(page, zensical_server):
    elsewhere = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(zensical_server)
               else (elsewhere.append(route.request.url), route.abort()))
    page.goto(zensical_server + "/")
    page.locator(".md-search__button").click()
    search = page.get_by_role("dialog", name="Search")  # Zensical's search lives in an open shadow root
    search.get_by_placeholder("Search").fill("GIL")
    first = search.locator("a[href]").first
    first.wait_for()
    assert first.get_attribute("href").startswith(f"{zensical_server}/faq/{SEARCH_QUESTIONS['GIL']}/")
    assert elsewhere == []


@pytest.mark.parametrize(("path", "old", "new", "messages"), [
    ("data/faq.yml", "- id: use-both", "- id: Use Both", ["data/faq.yml:", "not a lowercase slug"]),
    ("docs/index.md", "[FAQ](faq.md)", "[FAQ](no-such-page.md)", [" index.md:", "page does not exist"]),
])
def test_failed_build_says_why_and_leaves_the_last_good_site_intact(tmp_path, path, old, new, messages):
    project = copy_project(tmp_path)
    good = project / "site-zensical" / "index.html"
    good.parent.mkdir()
    good.write_text("last good build")
    source = project / path
    assert old in source.read_text()
    source.write_text(source.read_text().replace(old, new))
    result = run("make", "--no-print-directory", f"VENV={ROOT / '.venv'}", "build-zensical", cwd=project)
    assert result.returncode != 0
    assert all(message in result.stderr for message in messages), result.stderr
    assert good.read_text() == "last good build"
    assert not (project / ".site-zensical-tmp").exists()


def test_the_export_the_feed_and_the_what_changed_page_are_built_too(zensical_site, data):
    """The generation step writes them for any builder: the same files, valid against their schemas, and the feed
    named in every page's head."""
    assert export_command.problems(zensical_site / "data") == []
    answers = json.loads((zensical_site / "data" / "answers.json").read_text())
    assert [e["id"] for e in answers["entries"]] == [e.id for e in data.faq.root]
    assert ET.parse(zensical_site / "feed.xml").getroot().tag == "{http://www.w3.org/2005/Atom}feed"
    assert soup(zensical_site, "changes").select_one("article h1").get_text().rstrip("¶").strip() == "What changed"
    for page in ledger.pages(zensical_site):
        links = soup(zensical_site, page.strip("/")).select(f'head link[rel=alternate][type="{ATOM}"]')
        assert len(links) == 1, page
        assert (zensical_site / page.strip("/") / links[0]["href"]).resolve() == (zensical_site / "feed.xml").resolve()
