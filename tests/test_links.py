"""Every answer is linkable, shareable and permanent (issue #3): landing, aliases, copy link, ledger, meta."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, copy_project, mkdocs, soup
from test_browser import heading_is_visible_below_header

from content.commands import ledger
from tools import variant
from tools.serve import serve

SITE_URL = variant.settings()["site_url"]


def is_highlighted(page, entry_id: str) -> bool:
    return page.evaluate("id => document.getElementById(id).closest('section.entry').classList.contains('entry--target')",
                         entry_id)


# --- landing -------------------------------------------------------------------------------------------------

def test_every_answer_and_criterion_lands_below_the_header_and_highlighted(page, server, data):
    targets = [("faq", e.id) for e in data.faq.root] + [("comparison", c.id) for c in data.comparison.root]
    for path, entry_id in targets:
        page.goto(f"{server}/{path}/#{entry_id}")
        page.wait_for_function("id => document.getElementById(id).closest('section.entry.entry--target')",
                               arg=entry_id)
        assert heading_is_visible_below_header(page, entry_id), f"{path}/#{entry_id} is hidden"
        assert is_highlighted(page, entry_id)


def test_without_javascript_the_target_heading_is_still_marked(context_for, server, data):
    target, other = data.faq.root[1].id, data.faq.root[2].id
    page = context_for(java_script_enabled=False)
    page.goto(f"{server}/faq/#{target}")
    mark = "id => getComputedStyle(document.getElementById(id)).boxShadow"
    assert page.evaluate(mark, target) != "none"
    assert page.evaluate(mark, other) == "none"


def test_following_links_and_back_forward_land_on_the_answer(page, server, data):
    page.goto(f"{server}/performance/")
    link = page.locator("article a[href*='faq/#']").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(re.compile(rf"/faq/#{target}$"))
    page.wait_for_function("id => document.getElementById(id)?.closest('section.entry.entry--target')", arg=target)
    assert heading_is_visible_below_header(page, target)

    page.locator(f"section[data-entry='{target}']").get_by_role("link", name="Full answer and sources").click()
    page.wait_for_url(re.compile(rf"/faq/{target}/$"))
    page.go_back()
    page.wait_for_function("id => document.getElementById(id)?.closest('section.entry.entry--target')", arg=target)
    assert heading_is_visible_below_header(page, target)
    page.go_forward()
    page.wait_for_url(re.compile(rf"/faq/{target}/$"))


def test_copy_link_puts_the_absolute_url_on_the_clipboard(page, server, data):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    entry = data.faq.root[3]
    page.goto(f"{server}/faq/")
    button = page.get_by_role("button", name=f"Copy link to “{entry.question}”")
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}faq/#{entry.id}"
    assert button.inner_text() == "Link copied"
    page.wait_for_function("document.getElementById('entry-announcer')?.textContent.includes('copied')")

    criterion = data.comparison.root[0]
    page.goto(f"{server}/comparison/")
    page.get_by_role("button", name=f"Copy link to “{criterion.title}”").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}comparison/#{criterion.id}"

    # On an answer's own page (<article data-page-kind="answer">) it is the page's address, without the
    # search term a search result adds or the fragment of a heading.
    page.goto(f"{server}/faq/{entry.id}/?h=rust#sources")
    page.get_by_role("button", name=f"Copy link to “{entry.question}”").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}faq/{entry.id}/"


def test_every_entry_has_a_copy_button_and_keeps_its_permalink(page, server, data):
    page.goto(f"{server}/faq/")
    assert page.locator("section.entry .entry__copy").count() == len(data.faq.root)
    permalink = page.locator(f"h2#{data.faq.root[0].id} a.headerlink").evaluate("link => link.href")
    assert permalink.endswith(f"/faq/#{data.faq.root[0].id}")


# --- aliases -------------------------------------------------------------------------------------------------

def rename(project, old: str, new: str, keep_alias: bool) -> None:
    """Rename an entry id everywhere in a project copy, as a contributor would, optionally keeping an alias."""
    token = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    for path in [*(project / "data").glob("*.yml"), *(project / "docs").glob("*.md")]:
        text = token.sub(new, path.read_text())
        if keep_alias:
            text = text.replace(f"\n- id: {new}\n", f"\n- id: {new}\n  aliases: [{old}]\n")  # top-level entries
        path.write_text(text)


@pytest.fixture(scope="module")
def aliased_site(tmp_path_factory):
    """A copy of the site in which an FAQ entry and a criterion were renamed, keeping their old ids as aliases."""
    project = copy_project(tmp_path_factory.mktemp("aliased"))
    rename(project, "use-both", "mixing-rust-and-python", keep_alias=True)
    rename(project, "memory-management", "memory-and-gc", keep_alias=True)
    mkdocs("build", "--strict", cwd=project, check=True)
    return project / "site"


@pytest.mark.build
def test_an_alias_lands_on_the_renamed_answer(page, aliased_site):
    with serve(aliased_site) as base:
        for path, old, new in (("faq", "use-both", "mixing-rust-and-python"),
                               ("comparison", "memory-management", "memory-and-gc")):
            page.goto(f"{base}/{path}/#{old}")
            page.wait_for_url(re.compile(rf"/{path}/#{new}$"))
            page.wait_for_function("id => document.getElementById(id).closest('section.entry.entry--target')", arg=new)
            assert heading_is_visible_below_header(page, new)


@pytest.mark.build
def test_alias_keeps_the_ledger_whole_and_removal_breaks_it(tmp_path, aliased_site):
    assert ledger.broken(aliased_site, ledger.read()) == []
    project = copy_project(tmp_path)
    rename(project, "python-jit", "jit", keep_alias=False)
    mkdocs("build", "--strict", cwd=project, check=True)
    problems = ledger.broken(project / "site", ledger.read())
    assert "/faq/#python-jit: no element with id 'python-jit' (add it to the entry's aliases)" in problems
    assert "/faq/python-jit/: page /faq/python-jit/ no longer exists (add a redirect)" in problems


# --- ledger --------------------------------------------------------------------------------------------------

def test_every_published_link_still_resolves(site):
    assert ledger.broken(site, ledger.read()) == []


def test_the_ledger_lists_every_link_the_site_publishes_now(site):
    missing = ledger.current_links(site, ROOT / "data") - set(ledger.read())
    assert not missing, f"run `make ledger` to record new public links: {sorted(missing)}"


# --- per-answer pages, meta and structured data --------------------------------------------------------------

def test_every_answer_has_its_own_page(site, data):
    for entry in data.faq.root:
        html = soup(site, f"faq/{entry.id}")
        assert html.find("link", rel="canonical")["href"] == f"{SITE_URL}faq/{entry.id}/"
        assert html.select_one("article h1").get_text().rstrip("¶").strip() == entry.question
        links = {a["href"] for a in html.select("article a")}
        assert f"../#{entry.id}" in links, "no link back to the full FAQ"
        assert {f"../{r}/" for r in entry.related} <= links


def test_related_answers_are_listed_both_ways(site, data):
    for entry in data.faq.root:
        for other in entry.related:
            html = soup(site, f"faq/{other}")
            assert html.select_one("article").find("a", href=f"../{entry.id}/"), f"{other} does not link back to {entry.id}"


@pytest.mark.parametrize("path", ["", "faq", "comparison", "faq/use-both"])
def test_link_preview_meta(site, path):
    html = soup(site, path)
    meta = {m.get("property") or m.get("name"): m["content"] for m in html.find_all("meta") if m.has_attr("content")}
    canonical = html.find("link", rel="canonical")["href"]
    assert canonical.startswith(SITE_URL)
    assert meta["og:url"] == canonical
    assert meta["og:site_name"] == "Rust vs Python: a decision guide"
    assert meta["og:title"] and meta["twitter:title"] == meta["og:title"]
    assert meta["og:description"] == meta["description"] == meta["twitter:description"]
    assert meta["twitter:card"] == "summary_large_image"  # the card itself: test_sharing.py
