"""Contributing by pull request (issue #4): schemas, `make check`, safe builds, edit links, CI files, live preview."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta

import pytest
import yaml
from conftest import FIXTURE_DATA, ROOT, copy_project, edit, fixture_project, run, soup

from content import loader
from content.commands import schema, stale
from content.models import FILES
from tools import variant

MAKE = ("make", "--no-print-directory", f"VENV={ROOT / '.venv'}")


# --- schemas for editors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("filename", FILES)
def test_committed_schema_matches_the_model(filename):
    path = schema.schema_path(filename)
    assert path.is_file(), f"{path} is missing: run `make schemas`"
    assert path.read_text() == schema.schema_text(filename), f"{path.name} is stale: run `make schemas`"


@pytest.mark.parametrize("filename", FILES)
def test_data_file_points_editors_at_its_schema(filename):
    first_line = (ROOT / "data" / filename).read_text().splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../schemas/{schema.schema_path(filename).name}"


@pytest.mark.parametrize("filename", FILES)
def test_editor_schema_accepts_the_real_data_and_explains_fields(filename):
    schema_file = schema.schema_path(filename)
    result = run(str(ROOT / ".venv" / "bin" / "check-jsonschema"), "--schemafile", str(schema_file),
                 str(ROOT / "data" / filename))
    assert result.returncode == 0, result.stdout + result.stderr
    text = schema_file.read_text()
    assert '"description"' in text and '"additionalProperties": false' in text


def test_editor_schema_flags_a_typo(tmp_path):
    bad = tmp_path / "faq.yml"
    bad.write_text((FIXTURE_DATA / "faq.yml").read_text().replace("  sources:\n    - title: PEP 8", "  sorces:\n    - title: PEP 8"))
    result = run(str(ROOT / ".venv" / "bin" / "check-jsonschema"), "--schemafile",
                 str(schema.schema_path("faq.yml")), str(bad))
    assert result.returncode == 1
    assert "sorces" in result.stdout


def test_schema_check_reports_a_stale_schema(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "faq.schema.json"
    stale.write_text("{}\n")
    monkeypatch.setattr(schema, "schema_path", lambda filename: tmp_path / f"{filename}.json" if filename != "faq.yml" else stale)
    for filename in FILES:
        if filename != "faq.yml":
            (tmp_path / f"{filename}.json").write_text(schema.schema_text(filename))
    monkeypatch.setattr(schema, "SCHEMAS", tmp_path)
    assert schema.main(["--check"]) == 1
    assert "faq.schema.json is out of date with content/models.py: run `make schemas`" in capsys.readouterr().err


# --- make check ----------------------------------------------------------------------------------------------

def test_make_check_reports_data_and_style_problems_together(tmp_path):
    project = copy_project(tmp_path)
    faq = project / "data" / "faq.yml"
    text = faq.read_text()
    faq.write_text(text.replace("related: [", "related: [no-such-answer, ", 1).replace("tags: [", "tags:   [", 1))
    result = run(*MAKE, "check", cwd=project)
    assert result.returncode != 0
    lines = (result.stdout + result.stderr).splitlines()
    assert any(re.fullmatch(r"data/faq\.yml:\d+:\d+: faq\[0\]\.related\[0\]: unknown FAQ id 'no-such-answer'", x) for x in lines)
    assert any(re.fullmatch(r"data/faq\.yml:\d+:\d+: \[error\] too many spaces after colon \(colons\)", x) for x in lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_make_check_reports_a_file_that_is_not_utf8_once_and_lints_the_rest(tmp_path):
    project = copy_project(tmp_path)
    (project / "data" / "takeaways.yml").write_bytes(b"- title: caf\xe9\n  text: x\n")
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("tags: [", "tags:   [", 1))
    result = run(*MAKE, "check", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert [line for line in output.splitlines() if "takeaways.yml" in line] == [
        "data/takeaways.yml:1:13: takeaways: the file is not valid UTF-8 text"]
    assert any(re.fullmatch(r"data/faq\.yml:\d+:\d+: \[error\] too many spaces after colon \(colons\)", x)
               for x in output.splitlines())


def test_alias_bomb_is_refused_before_it_expands(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]  # 9**12 leaves if expanded
    (data / "verdict.yml").write_text("\n".join(levels) + "\nsummary: *a11\n")
    doc_error = None
    try:
        loader.parse("data/verdict.yml", (data / "verdict.yml").read_bytes())
    except loader.ParseError as error:
        doc_error = error.problem
    assert doc_error and "anchors and aliases" in doc_error.message and doc_error.line == 2


# --- nothing lost on failure ---------------------------------------------------------------------------------

@pytest.mark.build
def test_failed_build_leaves_the_last_good_site_intact(tmp_path):
    project = copy_project(tmp_path)
    assert run(*MAKE, "build", cwd=project).returncode == 0
    good = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("- id: use-both", "- id: Use Both"))
    result = run(*MAKE, "build", cwd=project)
    assert result.returncode != 0
    assert "data/faq.yml" in result.stderr and "not a lowercase slug" in result.stderr
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == good
    assert not (project / ".site-tmp").exists()


@pytest.mark.build
def test_make_build_stops_on_a_warning_like_any_strict_build(tmp_path):
    project = fixture_project(tmp_path)
    assert run(*MAKE, "build", cwd=project).returncode == 0
    built = (project / "site" / "index.html").read_text()
    index = project / "docs" / "index.md"
    index.write_text(index.read_text() + "\n| Rust | Python |\n| --- | --- |\n| 1 | 2 |\n")
    result = run(*MAKE, "build", cwd=project)
    assert result.returncode != 0
    assert "index.md: 1 table(s) without a caption" in result.stdout + result.stderr
    assert (project / "site" / "index.html").read_text() == built


# --- edit links ----------------------------------------------------------------------------------------------

def test_edit_links_open_the_exact_yaml_line(site, data):
    config = variant.settings()
    base = config["repo_url"] + "/edit/main/data/"
    answers = [(f"faq/{entry.id}", entry.id) for entry in data.faq.root]
    criteria = [("comparison", section["data-entry"]) for section in soup(site, "comparison").select("section.entry")]
    assert answers and criteria
    for filename, what, pages in (("faq.yml", "Edit this answer", answers), ("comparison.yml", "Edit this criterion", criteria)):
        lines = (ROOT / "data" / filename).read_text().splitlines()
        for page, entry_id in pages:
            html = soup(site, page)
            section = html.select_one(f"section.entry[data-entry='{entry_id}']") or html.select_one("article")
            link = section.find("a", string=what)
            assert link and link["href"].startswith(base + filename + "#L"), entry_id
            line = int(link["href"].rsplit("#L", 1)[1])
            assert lines[line - 1] == f"- id: {entry_id}"


def test_ordinary_pages_keep_the_page_edit_action(site):
    html = soup(site, "performance")
    assert html.find("a", rel="edit")["href"].endswith("/edit/main/docs/performance.md")


# --- repository files ----------------------------------------------------------------------------------------

def test_workflows_are_valid_github_actions():
    result = run(str(ROOT / ".venv" / "bin" / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                 *map(str, sorted((ROOT / ".github" / "workflows").glob("*.yml"))))
    assert result.returncode == 0, result.stdout + result.stderr
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    steps = [step.get("run", "") + step.get("uses", "") for step in ci["jobs"]["test"]["steps"]]
    assert ".ci/run" in steps and any(s.startswith("actions/upload-artifact") for s in steps)
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    uses = [s.get("uses", "") for job in pages["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_ci_runs_the_whole_suite_once_through_make_test():
    """.ci/run is the one CI entry point; `make test` alone runs every test, against both builds."""
    commands = [line.split() for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.startswith("make")]
    assert commands == [["make", "test"]]


def test_pre_commit_runs_the_same_checks():
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert {h["id"] for h in hooks} >= {"yamllint", "data-check", "ruff"}


def test_python_code_passes_ruff():
    result = run(str(ROOT / ".venv" / "bin" / "ruff"), "check", "content", "macros", "hooks", "compat", "tests", "tools")
    assert result.returncode == 0, result.stdout


# --- live preview --------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    return urllib.request.urlopen(url, timeout=5).read().decode()


def _linked_site_css(url: str, page: str) -> str:
    """The site's stylesheet bundle that the page links to (its name changes with its content)."""
    href = re.search(r'href="([^"]*site\.[0-9a-f]+\.min\.css)"', page).group(1)
    return _get(urllib.parse.urljoin(url, href))


def _wait_for(url: str, text: str, seconds: float = 60, fetch=lambda body: body) -> str:
    """Poll the page until `text` shows in it, or in what `fetch` makes of it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            body = _get(url)
            if text in fetch(body):
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}")


@pytest.mark.build
def test_make_serve_picks_up_data_macro_and_stylesheet_edits(tmp_path):
    project = fixture_project(tmp_path)
    port = _free_port()
    server = subprocess.Popen([*MAKE, "serve", f"HOST=127.0.0.1:{port}"], cwd=project, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, start_new_session=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}/faq/first/"
    try:
        _wait_for(url, "Is this the first question?")
        faq = project / "data" / "faq.yml"
        faq.write_text(faq.read_text().replace("Is this the first question?", "Was this edited live?"))
        _wait_for(url, "Was this edited live?")
        template = project / "macros" / "templates" / "faq_entry.md.j2"
        template.write_text(template.read_text().replace("**Short answer:**", "**In short:**"))
        _wait_for(url, "In short:")
        stylesheet = project / "docs" / "assets" / "stylesheets" / "entries.css"
        stylesheet.write_text(stylesheet.read_text() + "\n.edited-live { color: red; }\n")
        _wait_for(url, "edited-live", fetch=lambda page: _linked_site_css(url, page))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_make_check_is_the_documented_contributor_command():
    readme, contributing = (ROOT / "README.md").read_text(), (ROOT / "CONTRIBUTING.md").read_text()
    for command in ("make check", "make serve", "make test"):
        assert command in readme and command in contributing


@pytest.mark.parametrize("filename", FILES)
def test_every_field_has_hover_text(filename):
    tree = json.loads(schema.schema_text(filename))
    for name, definition in [*tree.get("$defs", {}).items(), ("top level", tree)]:
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{filename}: {name}.{field} has no description in content/models.py"


def test_make_stale_lists_entries_not_reviewed_for_six_months(tmp_path):
    project = fixture_project(tmp_path)
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("reviewed: 2026-11-26", f"reviewed: {date.today() - timedelta(days=200)}", 1))
    result = run(*MAKE, "stale", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    cutoff = stale.months_before(date.today(), 6)
    assert lines[-3:-1] == [f"data/faq.yml:2: first: reviewed {date.today() - timedelta(days=200)} (200 days ago)",
                            f"1 entry not reviewed since {cutoff} (6 months or more ago)"]


@pytest.mark.parametrize("kind, months", [("release", 3), ("survey", 12), ("figure", 6)])
def test_make_stale_lists_facts_older_than_their_review_interval(tmp_path, kind, months):
    project = fixture_project(tmp_path)
    facts = project / "data" / "facts.yml"
    due, fresh = stale.months_before(date.today(), months), stale.months_before(date.today(), months) + timedelta(days=1)
    edit(facts, "kind: figure", f"kind: {kind}")
    edit(facts, "as_of: 2026-11-26", f"as_of: {fresh}")
    assert run(*MAKE, "stale", cwd=project).stdout.splitlines()[-1] == \
        "0 facts not confirmed within their review interval"
    edit(facts, f"as_of: {fresh}", f"as_of: {due}")
    lines = run(*MAKE, "stale", cwd=project, check=True).stdout.splitlines()
    assert lines[-2:] == [f"data/facts.yml:2: jit-gain: as of {due} ({(date.today() - due).days} days ago; a {kind} is "
                          f"checked every {months} months)", "1 fact not confirmed within their review interval"]


def test_six_months_before_the_end_of_a_long_month_is_the_end_of_a_short_one():
    assert stale.months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert stale.months_before(date(2024, 8, 29), 6) == date(2024, 2, 29)
    assert stale.months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)
