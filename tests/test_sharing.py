"""Links that travel: a title and a description that fit, structured data once per question, and crawl hints
that tell the truth (robots.txt, sitemap dates)."""

from __future__ import annotations

import html as html_entities
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DATA, ROOT, copy_project, mkdocs, soup, stub_topic_pages

from macros import ledger, loader
from macros.models import DESCRIPTION_MAX
from macros.render import plain_text, shorten
from tools import variant

SETTINGS = variant.settings()
SITE_URL, SITE_NAME = SETTINGS["site_url"], SETTINGS["site_name"]
TITLE_SUFFIX = f" - {SETTINGS['extra']['short_name']}"


@pytest.fixture(scope="module")
def data():
    return loader.load(ROOT / "data")


@pytest.fixture(scope="module")
def pages(site) -> dict[str, object]:
    """Every page a reader can land on (redirect stubs excluded), parsed, by its path below the site root."""
    parsed = {path: soup(site, path.strip("/")) for path in ledger.pages(site)}
    return {path: page for path, page in parsed.items() if not page.find("meta", attrs={"http-equiv": "refresh"})}


def meta(page) -> dict[str, str]:
    return {m.get("property") or m.get("name"): m["content"] for m in page.find_all("meta") if m.has_attr("content")}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text().split("---\n")[1])


def test_the_site_has_every_kind_of_page(pages, data):
    assert {"/", "/faq/", "/comparison/"} <= set(pages)
    assert {f"/faq/{e.id}/" for e in data.faq.root} <= set(pages)
    assert {f"/examples/{e.id}/" for e in data.examples.root} <= set(pages)


# --- titles and descriptions ---------------------------------------------------------------------------------

def test_every_title_fits_is_unique_and_the_home_page_names_the_site_once(pages):
    titles = {path: page.title.string for path, page in pages.items()}
    for path, title in titles.items():
        assert len(title) <= 70, f"{path}: {len(title)} characters: {title}"
    duplicates = {title for title in titles.values() if list(titles.values()).count(title) > 1}
    assert not duplicates
    assert titles["/"] == SITE_NAME
    assert all(title.endswith(TITLE_SUFFIX) for path, title in titles.items() if path != "/")


def test_an_answers_title_is_its_short_title_or_its_question(pages, data):
    for entry in data.faq.root:
        title = pages[f"/faq/{entry.id}/"].title.string
        assert title == (entry.short_title or plain_text(entry.question)) + TITLE_SUFFIX


def test_every_description_fits(pages):
    for path, page in pages.items():
        description = page.find("meta", attrs={"name": "description"})["content"]
        assert 0 < len(description) <= DESCRIPTION_MAX, f"{path}: {len(description)} characters"
        assert meta(page)["og:description"] == meta(page)["twitter:description"] == description


def test_an_answers_description_is_its_summary_or_its_short_answer_cut_between_words(pages, data):
    for entry in data.faq.root:
        description = meta(pages[f"/faq/{entry.id}/"])["description"]
        if entry.summary:
            assert description == entry.summary
        else:
            assert _is_cut_between_words(plain_text(entry.short_answer), description), entry.id
    for example in data.examples.root:
        description = meta(pages[f"/examples/{example.id}/"])["description"]
        assert _is_cut_between_words(plain_text(example.notice), description), example.id


def _is_word_cut(text: str, prefix: str) -> bool:
    """`prefix` is how `text` starts, up to the end of a word (trailing punctuation may be dropped)."""
    prefix = prefix.rstrip()
    return text.startswith(prefix) and (len(text) == len(prefix) or not text[len(prefix)].isalnum())


def _is_cut_between_words(text: str, description: str) -> bool:
    if description.endswith("…"):
        return _is_word_cut(text, description[:-1])
    return text.startswith(description) and (len(text) == len(description) or text[len(description)] == " ")


@pytest.mark.parametrize("text, expected", [
    ("Short enough.", "Short enough."),
    # whole sentences when they fill at least half of the room
    ("Yes. " + "A second sentence that runs on " * 3 + "and ends. " + "A third one that does not fit at all " * 3,
     "Yes. " + "A second sentence that runs on " * 3 + "and ends."),
    # else whole words: the word the limit falls in goes, and so does the comma before it
    ("word " * 30 + "end, continuation text", "word " * 30 + "end…"),
    ("One sentence. " + "word " * 40, "One sentence. " + "word " * 28 + "word…"),
])
def test_shorten_cuts_between_words(text, expected):
    assert shorten(text) == expected
    assert len(shorten(text)) <= DESCRIPTION_MAX
    assert _is_cut_between_words(text, shorten(text))


# --- structured data -----------------------------------------------------------------------------------------

def _jsonld(page) -> list[dict]:
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def test_each_question_is_marked_up_once_on_its_own_page(pages, data):
    marked = [(path, question["name"]) for path, page in pages.items() for item in _jsonld(page)
              for question in item.get("mainEntity", [])]
    assert sorted(marked) == sorted((f"/faq/{e.id}/", plain_text(e.question)) for e in data.faq.root)


def test_structured_data_is_plain_text_matching_what_readers_see(pages, data):
    for entry in data.faq.root:
        page = pages[f"/faq/{entry.id}/"]
        [item] = _jsonld(page)
        assert item["@type"] == "FAQPage"
        [question] = item["mainEntity"]
        assert question["name"] == page.select_one("article h1").get_text().rstrip("¶").strip()
        text = question["acceptedAnswer"]["text"]
        # Consumers read the text as HTML: `Vec<u32>` must arrive escaped, or "<u32>" is dropped as a tag.
        assert not re.search(r"<|\*\*|\]\(", text), f"{entry.id}: markup in the answer text"
        short_answer, answer = plain_text(entry.short_answer), plain_text(entry.answer)
        assert _squash(html_entities.unescape(text)) == _squash(short_answer + answer), entry.id
        visible = _squash(page.select_one(f"section[data-entry='{entry.id}']").get_text())
        assert _squash(short_answer) in visible and _squash(answer) in visible, entry.id


def test_generic_types_reach_structured_data_escaped(pages, data):
    generic = [e for e in data.faq.root if re.search(r"`[^`]*<[^`]*>[^`]*`", e.answer)]
    assert generic, "no answer mentions a generic type such as `Vec<u32>` any more: pick another check"
    for entry in generic:
        text = _jsonld(pages[f"/faq/{entry.id}/"])[0]["mainEntity"][0]["acceptedAnswer"]["text"]
        assert "&lt;" in text and "&gt;" in text, entry.id


def _squash(text: str) -> str:
    return re.sub(r"\s", "", text)


# --- crawl hints ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    """The fixture data built with another site_url, so nothing below can pass by matching mkdocs.yml."""
    project = copy_project(tmp_path_factory.mktemp("sharing"), FIXTURE_DATA)
    stub_topic_pages(project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(f"site_url: {SITE_URL}", "site_url: https://example.org/guide/"))
    mkdocs("build", "--strict", cwd=project, check=True)
    return project


def test_robots_txt_names_the_sitemap_from_site_url(site, small_project):
    assert (site / "robots.txt").read_text().splitlines() == [
        "User-agent: *", "Allow: /", "", f"Sitemap: {SITE_URL}sitemap.xml"]
    robots = (small_project / "site" / "robots.txt").read_text()
    assert "Sitemap: https://example.org/guide/sitemap.xml" in robots.splitlines()


def _sitemap(site: Path) -> dict[str, str | None]:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    return {url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace)
            for url in root.findall("s:url", namespace)}


def test_sitemap_dates_are_review_dates(site, pages, data):
    sitemap = _sitemap(site)
    assert set(sitemap) == {SITE_URL + path.lstrip("/") for path in pages}
    for entry in data.faq.root:
        assert sitemap[f"{SITE_URL}faq/{entry.id}/"] == entry.reviewed.isoformat(), entry.id
    for source in (ROOT / "docs").glob("*.md"):
        url = SITE_URL + ("" if source.stem == "index" else f"{source.stem}/")
        assert sitemap[url] == front_matter(source)["reviewed"].isoformat(), source.name
    for example in data.examples.root:
        assert sitemap[f"{SITE_URL}examples/{example.id}/"] is None, "an example has no review date to give"
