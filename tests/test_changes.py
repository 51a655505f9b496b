"""Change notes (issue #31): an entry's history under "What changed", the What changed page, the Atom feed that
every page names, and the pull-request check that asks for a note when a short answer, edge or score changes.

The fixture data carries three notes: two on the answer `second`, one on the criterion `ease`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from conftest import FIXTURE_DATA, ROOT, edit, fixture_project, mkdocs, soup

from content.commands import ledger
from tools import validators, variant
from tools.serve import serve

SITE_URL = variant.settings()["site_url"]
ATOM = "application/atom+xml"


@pytest.fixture(scope="module")
def noted_site(tmp_path_factory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("changes"))
    mkdocs("build", "--strict", cwd=project, check=True)
    return project / "site"


def items(page, selector: str) -> list[str]:
    return [li.get_text(" ", strip=True) for li in page.select(selector)]


def test_an_answer_shows_its_history_newest_first_under_what_changed(noted_site):
    page = soup(noted_site, "faq/second")
    heading = page.find(id="second-changes")
    assert heading.name == "h2" and heading.get_text().rstrip("¶").strip() == "What changed"
    notes = heading.find_next_sibling("ul")
    assert [li.get_text(" ", strip=True) for li in notes.select("li")] == [
        "2026-12-01: The answer names the first question . Readers asked which entry comes before it. "
        "Source: PEP 8 .",
        "2026-11-20: The short answer now says yes. The entry was checked against PEP 20. Source: PEP 20 .",
    ]
    assert notes.find("a", string="the first question")["href"] == "../#first"
    assert soup(noted_site, "faq/first").find(id="first-changes") is None  # no notes, no heading


def test_a_criterion_shows_its_history_in_its_section(noted_site):
    section = soup(noted_site, "comparison").select_one('section[data-entry="ease"]')
    heading = section.find(id="ease-changes")
    assert heading.name == "h3"
    assert heading.find_next_sibling("ul").get_text(" ", strip=True) == (
        "2026-11-25: The edge moved from depends to Python. The tutorial shows how little a first program needs. "
        "Source: Python tutorial .")


def test_the_what_changed_page_lists_the_newest_notes_by_day_with_links_to_the_entries(noted_site):
    page = soup(noted_site, "changes")
    days = [h.get_text().rstrip("¶").strip() for h in page.select("article h2[id^=changed-]")]
    assert days == ["2026-12-01", "2026-11-25", "2026-11-20"]
    links = [(a.get_text(), a["href"]) for a in page.select("article h2[id^=changed-] + ul li > a:first-child")]
    assert links == [("Is this the second question?", "../faq/second/"), ("Ease", "../comparison/#ease"),
                     ("Is this the second question?", "../faq/second/")]
    assert ledger.broken(noted_site, ["/faq/second/", "/comparison/#ease"]) == []


@pytest.fixture(scope="module")
def noted_server(noted_site):
    with serve(noted_site) as base:
        yield base


def test_the_feed_passes_the_validator_and_lists_the_notes_newest_first(noted_site, noted_server):
    findings, checked = validators.atom_feed(noted_site, noted_server, [], None, {})
    assert findings == [] and checked.startswith("3 entries, feedparser ")
    feed = feedparser.parse((noted_site / "feed.xml").read_bytes())
    assert feed.feed.updated == "2026-12-01T00:00:00Z"
    assert [(e.title, e.link, e.updated[:10], e.id) for e in feed.entries] == [
        ("Is this the second question?", f"{SITE_URL}faq/second/", "2026-12-01",
         "tag:rust-vs-python.github.io,2026-12-01:answer/second/1"),
        ("Ease", f"{SITE_URL}comparison/#ease", "2026-11-25", "tag:rust-vs-python.github.io,2026-11-25:criterion/ease/1"),
        ("Is this the second question?", f"{SITE_URL}faq/second/", "2026-11-20",
         "tag:rust-vs-python.github.io,2026-11-20:answer/second/1"),
    ]
    assert feed.entries[0].summary == "The answer names the first question."
    assert f'<a href="{SITE_URL}faq/#first">the first question</a>' in feed.entries[0].content[0].value


def test_the_validator_names_what_a_broken_feed_lacks(noted_site, tmp_path):
    broken = tmp_path / "site"
    broken.mkdir()
    feed = (noted_site / "feed.xml").read_text()
    (broken / "feed.xml").write_text(feed.replace("<updated>2026-11-25T00:00:00Z</updated>", "", 1)
                                     .replace("<id>tag:rust-vs-python.github.io,2026-11-20:answer/second/1</id>",
                                              "<id>tag:rust-vs-python.github.io,2026-12-01:answer/second/1</id>"))
    with serve(broken) as base:
        findings, _ = validators.atom_feed(broken, base, [], None, {})
    assert [(f.rule, f.message) for f in findings] == [
        ("entry without updated", "entry 2 has no updated"),
        ("duplicate id", "entry id tag:rust-vs-python.github.io,2026-12-01:answer/second/1 is used twice"),
    ]
    (broken / "feed.xml").write_text(feed.replace("</feed>", ""))
    with serve(broken) as base:
        assert [f.rule for f in validators.atom_feed(broken, base, [], None, {})[0]] == ["not well-formed"]


def test_every_page_names_the_feed_in_its_head(site):
    for page in ledger.pages(site):
        links = soup(site, page.strip("/")).select(f'head link[rel=alternate][type="{ATOM}"]')
        assert len(links) == 1, page
        assert (site / page.strip("/") / links[0]["href"]).resolve() == (site / "feed.xml").resolve(), page


# --- the pull-request check ------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=repo,
                   check=True, capture_output=True)


@pytest.fixture
def pull_request(tmp_path) -> Path:
    """A throwaway repository: the fixture data committed on main, and a branch `pr` checked out."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE_DATA, repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "data")
    git(repo, "checkout", "-q", "-b", "pr")
    return repo


def check_changes(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "content", "changes", "data", *args], cwd=repo, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)


NOTE = ("  changes:\n    - date: 2026-12-02\n      what: The short answer is now definite.\n"
        "      why: PEP 8 settles it.\n      source:\n        title: PEP 8\n"
        "        url: https://peps.python.org/pep-0008/\n")


def test_a_changed_short_answer_needs_a_new_note(pull_request):
    faq = pull_request / "data" / "faq.yml"
    edit(faq, "  short_answer: Yes.\n", "  short_answer: Yes, definitely.\n")
    result = check_changes(pull_request)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/faq.yml:2: first: the short answer changed since main; add a note under `changes:` (date, what, why, "
        "source) saying what changed and why"]
    assert result.stdout == "1 entry needs a change note (compared with main)\n"
    edit(faq, "  related: [second]\n", "  related: [second]\n" + NOTE)
    result = check_changes(pull_request)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr


def test_changed_scores_ask_for_a_note_on_the_criterion_and_rewrapping_asks_for_none(pull_request):
    decision = pull_request / "data" / "decision.yml"
    text = decision.read_text()
    assert "  - id: speed\n    rust: 5\n" in text
    decision.write_text(text.replace("  - id: speed\n    rust: 5\n", "  - id: speed\n    rust: 4\n"))
    edit(pull_request / "data" / "comparison.yml", "    reason: No interpreter overhead, as The Rust Book explains.\n",
         "    reason: >-\n      No interpreter overhead,\n      as The Rust Book explains.\n")
    result = check_changes(pull_request)
    assert result.stderr.splitlines() == [
        "data/comparison.yml:2: speed: the scores in data/decision.yml changed since main; add a note under "
        "`changes:` (date, what, why, source) saying what changed and why"]


def test_a_renamed_entry_is_compared_with_its_old_id_and_an_unknown_base_is_named(pull_request):
    for path in (pull_request / "data").glob("*.yml"):
        path.write_text(path.read_text().replace("[first]", "[the-first]").replace("faq.md#first", "faq.md#the-first"))
    edit(pull_request / "data" / "faq.yml", "- id: first\n", "- id: the-first\n  aliases: [first]\n")
    edit(pull_request / "data" / "faq.yml", "  short_answer: Yes.\n", "  short_answer: No.\n")
    result = check_changes(pull_request)
    assert result.stderr.splitlines()[0].startswith("data/faq.yml:2: the-first: the short answer changed since main")
    result = check_changes(pull_request, "--base", "origin/main")
    assert (result.returncode, result.stderr) == (
        2, "origin/main: no such branch or commit to compare with (fetch it, or give --base)\n")
