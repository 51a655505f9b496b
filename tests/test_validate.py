"""`make validate`'s switches: each names a rule, a pattern and a reason, and silences the theme's markup only.

The validators themselves run in `make validate`, not here; html-validate, the quickest, runs on two pages.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tools import validate
from tools.validators import Finding


@pytest.fixture(scope="module")
def config():
    return validate.load_config()


def test_every_switch_names_a_rule_a_pattern_and_a_reason(config):
    switches = [switch for tool in config.values() for switch in (*tool.settings, *tool.ignore)]
    assert len(switches) >= 10
    for switch in switches:
        assert len(switch.why.split()) >= 5, switch.rule
    for tool in config.values():
        for switch in tool.ignore:
            assert re.compile(switch.where).pattern != "", switch.rule


def test_a_switch_silences_the_themes_markup_and_not_the_projects(config):
    h32 = next(s for s in config["html-validate"].ignore if s.rule == "wcag/h32")
    theirs = '<form class="md-search__form" name="search">'
    ours = '<form class="decide__form" id="decide-form" aria-label="Your project and priorities">'
    found = [Finding("/decide/", "wcag/h32", "<form> element must have a submit button", line, True) for line in (theirs, ours)]
    assert [h32.covers(f) for f in found] == [True, False]


def test_a_misspelt_switch_is_reported_by_name(tmp_path, monkeypatch):
    broken = tmp_path / ".validators.yml"
    broken.write_text("html-validate:\n  ignore:\n    - rule: valid-id\n      where: x\n      reason: typo\n")
    with pytest.raises(SystemExit) as stop:
        validate.load_config(broken)
    assert str(stop.value).splitlines() == [
        ".validators.yml: html-validate.ignore.0.why: Field required",
        ".validators.yml: html-validate.ignore.0.reason: Extra inputs are not permitted",
    ]


def test_html_validate_passes_the_built_pages_and_catches_a_form_of_ours(site, tmp_path, config, capsys):
    pages = ["/decide/", "/comparison/"]
    assert validate.run_tool("html-validate", config["html-validate"], site, "", pages)
    summary = capsys.readouterr().out.splitlines()[0]
    assert re.fullmatch(r"html-validate: 0 errors, 0 warnings \(2 pages; \d+ switched off in \.validators\.yml; \d+ s\)",
                        summary), summary
    copy = tmp_path / "site"
    for page in pages:
        shutil.copytree(site / page.strip("/"), copy / page.strip("/"))
    decide = copy / "decide" / "index.html"
    decide.write_text(decide.read_text().replace('<button type="submit"', '<button type="button"'))
    assert not validate.run_tool("html-validate", config["html-validate"], copy, "", pages)
    assert "  error ×1 wcag/h32: <form> element must have a submit button (on /decide/)" in capsys.readouterr().out
