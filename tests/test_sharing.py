"""Links that travel: a preview card, a title and a description that fit, structured data once per question,
and crawl hints that tell the truth (robots.txt, sitemap dates)."""

from __future__ import annotations

import html as html_entities
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, fixture_project, mkdocs, soup
from PIL import Image, ImageColor

from content import urls
from content.commands import ledger
from content.fields import DESCRIPTION_MAX
from macros import cards
from macros.render import plain_text, shorten
from tools import variant

SETTINGS = variant.settings()
SITE_URL, SITE_NAME = SETTINGS["site_url"], SETTINGS["site_name"]
TITLE_SUFFIX = f" - {SETTINGS['extra']['short_name']}"


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


# --- preview cards -------------------------------------------------------------------------------------------

def test_every_page_has_a_large_preview_card(site, pages):
    for path, page in pages.items():
        tags = meta(page)
        image = tags.get("og:image")
        assert image == f"{SITE_URL}{urls.card_path(path)}", f"{path}: og:image is {image!r}"
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630"), path
        assert tags["og:image:type"] == "image/png"
        assert tags["og:image:alt"].startswith(f"{SITE_NAME}. {tags['og:title'].split()[0]}"), path
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["twitter:image"] == image and tags["twitter:image:alt"] == tags["og:image:alt"]
        with Image.open(site / image.removeprefix(SITE_URL)) as png:
            assert (png.format, png.size) == ("PNG", (1200, 630)), path


def test_an_answers_card_shows_its_question_and_short_answer(site, pages, data):
    for entry in data.faq.root:
        tags = meta(pages[f"/faq/{entry.id}/"])
        assert tags["og:title"] == plain_text(entry.question)
        alt = tags["og:image:alt"]
        assert alt.startswith(f"{SITE_NAME}. {plain_text(entry.question)} "), entry.id
        drawn = alt.removeprefix(f"{SITE_NAME}. {plain_text(entry.question)} ")
        short_answer = plain_text(entry.short_answer)
        # The whole short answer, or its first words ending in an ellipsis at a word boundary.
        assert drawn == short_answer or (drawn.endswith("…") and _is_word_cut(short_answer, drawn[:-1])), entry.id
    with Image.open(site / "assets/cards/faq" / f"{data.faq.root[0].id}.png") as png:
        colours = png.convert("RGB")
        assert colours.getpixel((5, 5)) == ImageColor.getrgb(cards.PRIMARY)
        assert colours.getpixel((600, 625)) == ImageColor.getrgb(cards.ACCENT)


def test_cards_take_the_colours_readers_see_in_the_header(context_for, server):
    """The card's palette is read from theme.css; Chromium shows the same colours on the site."""
    page = context_for(width=1280, scheme="light")
    page.goto(server + "/")
    header, accent = page.evaluate("""() => {
        const style = getComputedStyle(document.body);
        return [getComputedStyle(document.querySelector('.md-header')).backgroundColor,
                style.getPropertyValue('--md-accent-fg-color').trim()]; }""")
    assert header == "rgb({}, {}, {})".format(*ImageColor.getrgb(cards.PRIMARY))
    assert accent.lower() == cards.ACCENT.lower()


def _is_word_cut(text: str, prefix: str) -> bool:
    """`prefix` is how `text` starts, up to the end of a word (trailing punctuation may be dropped)."""
    prefix = prefix.rstrip()
    return text.startswith(prefix) and (len(text) == len(prefix) or not text[len(prefix)].isalnum())


def test_long_text_wraps_and_ends_at_a_word_with_an_ellipsis():
    font = cards._font("Regular", cards.TEXT_SIZE)
    text = "Rust ships a compiled executable per target, with no interpreter to install at all. " * 6
    lines = cards.wrap(text, font, 1056, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 1056 for line in lines)
    shown = " ".join(lines)[:-1]
    assert _is_word_cut(text, shown)
    assert cards.wrap("Short text.", font, 1056, 3) == ["Short text."]


def test_an_unchanged_card_is_not_redrawn(tmp_path, monkeypatch):
    drawn = []
    draw = cards.draw
    monkeypatch.setattr(cards, "draw", lambda card: drawn.append(card) or draw(card))
    card = cards.Card(SITE_NAME, "Is Rust faster than Python?", "For CPU-bound pure Python, yes.")
    first = cards.cached(card, tmp_path)
    modified = first.stat().st_mtime_ns
    assert cards.cached(card, tmp_path) == first and first.stat().st_mtime_ns == modified
    assert drawn == [card]
    changed = cards.Card(SITE_NAME, card.title, "It depends on where the time goes.")
    assert cards.cached(changed, tmp_path) != first
    assert drawn == [card, changed]


def test_text_the_font_cannot_draw_is_refused(tmp_path):
    card = cards.Card(SITE_NAME, "Python → Rust", "Arrows are not in the font.")
    with pytest.raises(ValueError, match="the card font has no glyph for →: write the text without them"):
        cards.cached(card, tmp_path)
    assert cards.missing_glyphs("Python, Rust – “both”…") == []


@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    """The fixture data built with another site_url, so nothing below can pass by matching mkdocs.yml."""
    project = fixture_project(tmp_path_factory.mktemp("sharing"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(f"site_url: {SITE_URL}", "site_url: https://example.org/guide/"))
    mkdocs("build", "--strict", cwd=project, check=True)
    return project


def _card_files(project: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in (project / ".cache" / "cards").glob("*.png")}


@pytest.mark.build
def test_a_rebuild_redraws_only_the_cards_whose_text_changed(small_project):
    before = _card_files(small_project)
    assert len(before) == len(ledger.pages(small_project / "site"))  # one card a page
    mkdocs("build", "--strict", cwd=small_project, check=True)
    assert _card_files(small_project) == before, "an unchanged card was drawn again"
    faq = small_project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("short_answer: Yes, the second.", "short_answer: Yes, a second one."))
    mkdocs("build", "--strict", cwd=small_project, check=True)
    after = _card_files(small_project)
    assert len(after) == len(before), "the card the edit replaced is still in the cache"
    assert len(set(after) - set(before)) == 1
    assert {name: after[name] for name in set(after) & set(before)} == {
        name: before[name] for name in set(after) & set(before)}
    alt = meta(soup(small_project / "site", "faq/second"))["og:image:alt"]
    assert alt.endswith("Is this the second question? Yes, a second one.")


@pytest.mark.build
def test_a_card_the_font_cannot_draw_stops_the_build(tmp_path):
    project = fixture_project(tmp_path)
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("short_answer: Yes, the second.", "short_answer: Yes → no."))
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert "faq/second.md: preview card: the card font has no glyph for →: write the text without them" in result.stderr
    assert "Traceback" not in result.stderr


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
        visible = _squash(page.select_one("article").get_text())
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

@pytest.mark.build
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
