"""Facts with one home: a figure from data/facts.yml reads the same wherever it is used, shows its source and
as-of date on the entry that uses it, and a figure typed into a page is reported with its position."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from conftest import FIXTURE_DATA, edit, fixture_project, mkdocs, run, soup

PAGE = """---
title: Speed
description: How fast each language is.
reviewed: 2026-11-26
render_macros: true
---

# Speed

The JIT gains {{ fact('jit-gain') }} across the guide's {{ count('criteria') }} criteria.

## Measured { #measured }
"""


def test_a_new_value_reaches_every_page_that_uses_the_fact(tmp_path):
    project = fixture_project(tmp_path)
    (project / "docs" / "performance.md").write_text(PAGE)
    edit(project / "data" / "facts.yml", "value: 7–8%", "value: 9–10%")
    edit(project / "data" / "facts.yml", "as_of: 2026-11-26", "as_of: 2026-11-27")
    mkdocs("build", "--strict", cwd=project, check=True)
    site = project / "site"

    answer = soup(site, "faq/second").select_one("article")
    assert "The JIT gains 9–10%, and PEP 20 still applies." in answer.get_text(" ", strip=True)
    figures = answer.select_one(".entry__figures")
    assert figures.get_text(" ", strip=True) == ('Figures: 9–10% ( What\'s New in Python 3.15 , Optimizations, '
                                                 '"Upgraded experimental JIT compiler"; as of 2026-11-27 )')
    assert figures.select_one("a")["href"] == "https://docs.python.org/3.15/whatsnew/3.15.html"
    assert figures.select_one("time")["datetime"] == "2026-11-27"
    assert "9–10% across the guide's two criteria." in soup(site, "performance").select_one("article").get_text()
    for page in (site / "faq" / "second" / "index.html", site / "performance" / "index.html"):
        html = page.read_text()
        assert "7–8%" not in html and "[[fact:" not in html and "fact(" not in html


def test_each_answer_and_criterion_shows_its_review_date(tmp_path):
    project = fixture_project(tmp_path)
    edit(project / "data" / "comparison.yml", "reviewed: 2026-11-26", "reviewed: 2026-11-20")
    mkdocs("build", "--strict", cwd=project, check=True)
    criterion = soup(project / "site", "comparison").select_one("section[data-entry=speed] .entry__meta")
    assert criterion.get_text(" ", strip=True).startswith("Reviewed 2026-11-20")
    assert criterion.select_one("time")["datetime"] == "2026-11-20"
    answer = soup(project / "site", "faq/first").select_one("article .entry__meta")
    assert answer.get_text(" ", strip=True).startswith("Reviewed 2026-11-26")


def test_a_figure_typed_into_a_page_is_reported_with_its_position(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(Path(__file__).parent.parent / "content", tmp_path / "content")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "speed.md").write_text(
        "---\ntitle: Speed\ndescription: Rust and Python on eleven criteria.\n---\n\n"
        "The JIT gains {{ fact('jit-gain') }}, or 7–8% by hand; `9%` in code and\n"
        "[a link](https://example.org/10%) are not figures, and {{ fact('jit-gains') }} is no fact.\n")
    result = run(sys.executable, "-m", "content", "check", "data", cwd=tmp_path)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("docs/")] == [
        "docs/speed.md:3:33: description: hand-typed figure 'eleven criteria': a count of the guide's own entries is "
        "computed: write {{ count('criteria') }} criteria",
        "docs/speed.md:6:42: text: hand-typed figure '7–8%': give it a home in data/facts.yml and write "
        "{{ fact('<id>') }} here",
        "docs/speed.md:7:56: text: fact('jit-gains') names no fact in data/facts.yml",
    ]
