"""The JSON export at /data/ (issue #31): every file valid against the schema published beside it, readable with
nothing but the standard library, its shape kept for consumers unless the major version changes; and the
licence and citation that come with it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml
from conftest import ROOT, copy_project, edit, run, soup

from content import export
from content.commands import export as export_command
from macros.render import plain_text
from tools import variant

SETTINGS = variant.settings()
SITE_URL = SETTINGS["site_url"]


def read(site: Path, name: str) -> dict:
    return json.loads((site / "data" / f"{name}.json").read_text())


def test_every_published_file_matches_the_schema_published_beside_it(site):
    assert export_command.problems(site / "data") == []
    for name in export.MODELS:
        published = json.loads((site / "data" / f"{name}.schema.json").read_text())
        assert published["$id"] == read(site, name)["schema_url"] == f"{SITE_URL}data/{name}.schema.json"


def test_the_index_lists_each_data_set_with_its_entries(site, data):
    index = read(site, "index")
    counts = {f["data_set"]: f["entries"] for f in index["files"]}
    assert counts == {"answers": len(data.faq.root), "criteria": len(data.comparison.root),
                      "decision-scores": len(data.decision.criteria), "use-cases": len(data.use_cases.root),
                      "case-studies": len(data.case_studies.root), "facts": len(data.facts.root),
                      "examples": len(data.examples.root), "benchmarks": len(data.benchmarks.results)}
    for file in index["files"]:
        assert file["url"] == f"{SITE_URL}data/{file['data_set']}.json"
        header = read(site, file["data_set"])
        assert header["schema_version"] == export.SCHEMA_VERSION
        assert header["licence"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/",
                                     "attribution": f"Rust vs Python: a decision guide, {SITE_URL}"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", header["generated"])


def test_an_answer_carries_its_short_answer_as_text_and_html_its_links_and_its_card(site, data):
    entry = data.faq.root[0]
    exported = read(site, "answers")["entries"][0]
    assert exported["id"] == entry.id
    assert exported["question"] == entry.question
    assert exported["short_answer_text"] == plain_text(entry.short_answer)
    assert exported["short_answer_html"].startswith("<p>") and exported["short_answer_html"].endswith("</p>")
    assert exported["url"] == f"{SITE_URL}faq/{entry.id}/"
    assert exported["list_url"] == f"{SITE_URL}faq/#{entry.id}"
    card = exported["card_image"].removeprefix(SITE_URL)
    assert card == f"assets/cards/faq/{entry.id}.png" and (site / card).is_file()  # the MkDocs build draws it


def test_links_in_a_short_answer_lead_to_the_public_site(data):
    from macros.render import PublicMarkdown

    html = PublicMarkdown(SITE_URL).html("Use `Vec<u32>`; see [the GIL answer](/faq.md#gil) and [a page](/faq/x.md).")
    assert html == (f'<p>Use <code>Vec&lt;u32&gt;</code>; see <a href="{SITE_URL}faq/#gil">the GIL answer</a> and '
                    f'<a href="{SITE_URL}faq/x/">a page</a>.</p>')


CONSUMER = textwrap.dedent('''
    import json, sys, urllib.request
    base, site_url = sys.argv[1], sys.argv[2]

    def get(url):
        with urllib.request.urlopen(url.replace(site_url, base + "/")) as response:
            return response.status, response.read()

    index = json.loads(get(base + "/data/index.json")[1])
    for listed in index["files"]:
        data = json.loads(get(listed["url"])[1])
        assert data["schema_version"].split(".")[0] == "1", data["schema_version"]
        print(listed["data_set"], len(data["entries"]), data["licence"]["name"])
    answer = json.loads(get(base + "/data/answers.json")[1])["entries"][0]
    print(answer["question"], "|", answer["short_answer_text"][:40], "|", get(answer["url"])[0])
    print(sorted(sys.modules.keys() & {"yaml", "pydantic", "jsonschema", "requests"}))
''')


def test_a_consumer_reads_the_export_with_the_standard_library_alone(server, data):
    """-I -S: no site-packages, no environment, no user folder; only Python's standard library can be imported."""
    result = subprocess.run([sys.executable, "-I", "-S", "-c", CONSUMER, server, SITE_URL], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:8] == [f"answers {len(data.faq.root)} CC BY 4.0", f"criteria {len(data.comparison.root)} CC BY 4.0",
                         f"decision-scores {len(data.decision.criteria)} CC BY 4.0",
                         f"use-cases {len(data.use_cases.root)} CC BY 4.0",
                         f"case-studies {len(data.case_studies.root)} CC BY 4.0",
                         f"facts {len(data.facts.root)} CC BY 4.0",
                         f"examples {len(data.examples.root)} CC BY 4.0",
                         f"benchmarks {len(data.benchmarks.results)} CC BY 4.0"]
    entry = data.faq.root[0]
    assert lines[8] == f"{entry.question} | {plain_text(entry.short_answer)[:40]} | 200"
    assert lines[9] == "[]"


# --- the shape consumers rely on -------------------------------------------------------------------------------


def test_each_major_version_keeps_a_snapshot_that_the_export_still_satisfies():
    for name in export.MODELS:
        snapshot = ROOT / "schemas" / export.snapshot_file(name)
        assert snapshot.is_file(), f"{snapshot} is missing: run `make schemas`"
        assert export.breaking_changes(json.loads(snapshot.read_text()), export.schema(name), name) == []


def test_renaming_a_field_fails_the_check_until_the_major_version_changes(tmp_path):
    project = copy_project(tmp_path)
    module = project / "content" / "export.py"
    edit(module, "short_answer_text=(str,", "short_answer_plain=(str,")
    edit(module, '"short_answer_text": markdown.text', '"short_answer_plain": markdown.text')
    result = run(sys.executable, "-m", "content", "schema", "--check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:3] == [
        "schemas/export/v1/answers.schema.json: the export's shape changed in a way that breaks its consumers:",
        "  answers.entries[].short_answer_text: removed (or renamed)",
        f"  Keep the field, or raise the major version of SCHEMA_VERSION in content/export.py (now "
        f"{export.SCHEMA_VERSION}).",
    ]
    assert run(sys.executable, "-m", "content", "schema", cwd=project).returncode == 1  # nor will it write it
    edit(module, f'SCHEMA_VERSION = "{export.SCHEMA_VERSION}"', 'SCHEMA_VERSION = "2.0.0"')
    result = run(sys.executable, "-m", "content", "schema", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "wrote schemas/export/v2/answers.schema.json" in result.stdout
    v1 = json.loads((project / "schemas/export/v1/answers.schema.json").read_text())
    assert "short_answer_text" in v1["$defs"]["ExportedFaqEntry"]["properties"]  # the old contract stays
    assert run(sys.executable, "-m", "content", "schema", "--check", cwd=project).returncode == 0


def test_a_new_field_is_no_breaking_change(tmp_path):
    project = copy_project(tmp_path)
    edit(project / "content" / "export.py", "list_url=(str,", "quoted_by=(list[str], []),\n    list_url=(str,")
    assert run(sys.executable, "-m", "content", "schema", cwd=project).returncode == 0
    assert run(sys.executable, "-m", "content", "schema", "--check", cwd=project).returncode == 0


def test_an_export_file_that_breaks_its_schema_is_reported_by_file_and_place(tmp_path, site):
    folder = tmp_path / "data"
    folder.mkdir()
    for file in (site / "data").iterdir():
        folder.joinpath(file.name).write_bytes(file.read_bytes())
    answers = json.loads((folder / "answers.json").read_text())
    del answers["entries"][1]["url"]
    answers["schema_version"] = "2.0.0"
    (folder / "answers.json").write_text(json.dumps(answers))
    assert export_command.problems(folder) == [
        f"{folder}/answers.json: entries.1: 'url' is a required property",
        f"{folder}/answers.json: schema_version: '2.0.0' does not match '^1\\\\.\\\\d+\\\\.\\\\d+$'",
    ]


# --- licence and citation --------------------------------------------------------------------------------------


def test_the_licence_is_stated_in_the_footer_the_readme_and_the_licence_file(site):
    footer = soup(site, "faq").select_one(".md-copyright")
    assert " ".join(footer.get_text().split()).startswith(
        "Text and data licensed under CC BY 4.0, code under the MIT licence.")
    assert footer.find("a", string="CC BY 4.0")["href"] == export.LICENCE_URL
    assert (site / footer.find("a", string="The data as JSON")["href"].lstrip("/")).is_file()
    assert (site / footer.find("a", string="What changed (Atom feed)")["href"].lstrip("/")).is_file()
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
    readme = (ROOT / "README.md").read_text()
    assert "## Licence" in readme and "CC BY 4.0" in readme and "[MIT](LICENSE)" in readme


def cffconvert(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    tool = ROOT / ".venv-cff" / "bin" / "cffconvert"
    assert tool.is_file(), "cffconvert is missing: `make .venv-cff/.installed` (make test installs it)"
    return subprocess.run([str(tool), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_citation_cff_is_valid_and_names_the_sites_addresses(tmp_path):
    result = cffconvert("--validate", "-i", "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid according to schema version 1.2.0" in result.stdout
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert (citation["url"], citation["repository-code"]) == (SITE_URL, SETTINGS["repo_url"])
    broken = tmp_path / "CITATION.cff"
    broken.write_text((ROOT / "CITATION.cff").read_text().replace("cff-version: 1.2.0", "cff-version: 1.2.0\n"
                                                                   "licence: CC-BY-4.0"))
    result = cffconvert("--validate", "-i", str(broken))
    assert result.returncode != 0
    assert "Additional properties are not allowed ('licence' was unexpected)" in result.stdout + result.stderr

