"""The real content in data/ validates and covers what every reader asks."""

from __future__ import annotations

import re
import sys

from conftest import ROOT, run

REQUIRED_CRITERIA = {"learning-curve", "performance", "memory-management", "concurrency", "ecosystem",
                     "development-speed", "deployment", "interoperability", "best-suited-for"}
# The questions every reader asks (issue #2), by the ids the public links use.
REQUIRED_FAQ = {"where-rust-wins", "is-python-easier-to-learn", "use-both", "deployment-differences",
                "where-python-wins", "how-to-migrate"}


def test_make_check_accepts_the_real_data():
    result = run("make", "--no-print-directory", "check")
    assert result.returncode == 0, result.stderr
    assert "data/ is valid" in result.stdout


def test_comparison_covers_the_required_criteria(data):
    ids = {c.id for c in data.comparison.root}
    assert ids >= REQUIRED_CRITERIA, REQUIRED_CRITERIA - ids


def test_faq_has_at_least_twelve_entries_and_the_common_questions(data):
    ids = {e.id for e in data.faq.root}
    assert len(ids) >= 12
    assert ids >= REQUIRED_FAQ, REQUIRED_FAQ - ids


def test_every_data_file_opens_with_an_editing_comment():
    for path in sorted((ROOT / "data").glob("*.yml")):
        assert path.read_text().startswith("#"), f"{path.name} should open with a comment on how to edit it"


def test_every_tag_used_by_a_topic_page_has_answers(data):
    used = {tag for entry in data.faq.root for tag in entry.tags}
    for page in (ROOT / "docs").glob("*.md"):
        for tag in _calls(page.read_text(), "faq_list"):
            assert tag in used, f"{page.name} lists FAQ tag '{tag}', which no entry has"


def _calls(text: str, macro: str) -> list[str]:
    return re.findall(macro + r"\('([^']+)'\)", text)


def test_check_runs_without_mkdocs():
    """`make check` only validates, so it stays fast and survives a move away from MkDocs."""
    result = run(sys.executable, "-X", "importtime", "-m", "content", "check", "data")
    assert result.returncode == 0
    assert "mkdocs" not in result.stderr
