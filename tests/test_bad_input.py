"""Every class of bad data gives the contributor one exact `file:line:column: field: message` line."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, copy_project, edit, fixture_project, mkdocs, run, soup

from content import rules


def check(project: Path):
    return run(sys.executable, "-m", "content", "check", "data", cwd=project)


@pytest.fixture
def fixture_data(tmp_path) -> Path:
    """A copy of the fixture data that a test may break, beside the code that checks it."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(Path(__file__).parent.parent / "content", tmp_path / "content")
    return tmp_path / "data"


CASES = {
    "yaml syntax": ("faq.yml", "question: Is this the first question?", "question: [unclosed",
                    "data/faq.yml:4:15: faq: YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'"),
    "tab indentation": ("takeaways.yml", "  text: Profile", "\ttext: Profile",
                        "data/takeaways.yml:3:1: takeaways: YAML syntax error: while scanning a plain scalar found a tab character that violates indentation (indent with spaces, not tabs)"),
    "duplicate key": ("faq.yml", "  short_answer: Yes.\n", "  short_answer: Yes.\n  short_answer: No.\n",
                      "data/faq.yml:5:3: faq[0].short_answer: duplicate key 'short_answer' (first set on line 4)"),
    "missing field": ("comparison.yml", "  python: Interpreted.\n", "",
                      "data/comparison.yml:2:3: comparison[0].python: required field is missing"),
    "wrong type": ("comparison.yml", "rust: Compiled ahead of time.", "rust: [compiled, native]",
                   "data/comparison.yml:4:3: comparison[0].rust: expected text, got a list"),
    "unknown field": ("faq.yml", "  sources:\n    - title: PEP 20", "  sorces:\n    - title: PEP 20",
                      "data/faq.yml:22:3: faq[1].sorces: unknown field 'sorces'; did you mean 'sources'?"),
    "duplicate id": ("comparison.yml", "id: ease", "id: speed",
                     "data/comparison.yml:13:3: comparison[1].id: id 'speed' is already used by the entry on line 2"),
    "not a slug": ("faq.yml", "id: second", "id: Second_Question",
                   "data/faq.yml:14:3: faq[1].id: 'Second_Question' is not a lowercase slug (letters, digits and single hyphens, e.g. 'use-both')"),
    "dangling related": ("faq.yml", "related: [second]", "related: [gil]",
                         "data/faq.yml:9:13: faq[0].related[0]: unknown FAQ id 'gil'"),
    "dangling use-case link": ("use_cases.yml", "faq: [first]", "faq: [missing]",
                               "data/use_cases.yml:6:9: use_cases[0].faq[0]: unknown FAQ id 'missing'"),
    "alias collides with id": ("faq.yml", "  related: []\n", "  related: []\n  aliases: [first]\n",
                               "data/faq.yml:22:13: faq[1].aliases[0]: alias 'first' is already used by the entry on line 2"),
    "question too long for a title": (
        "faq.yml", "question: Is this the first question?",
        "question: Is this the first question, or is it too long to be a title?",
        "data/faq.yml:2:3: faq[0]: the question is 60 characters, too long for a page title: add a short_title of "
        "at most 45 characters"),
    "short title too long": (
        "faq.yml", "question: Is this the first question?",
        "question: Is this the first question?\n  short_title: A short title that is in fact far too long to fit",
        "data/faq.yml:4:3: faq[0].short_title: String should have at most 45 characters"),
    "non-http url": ("faq.yml", "url: https://peps.python.org/pep-0008/", "url: ftp://peps.python.org/pep-0008/",
                     "data/faq.yml:12:7: faq[0].sources[0].url: 'ftp://peps.python.org/pep-0008/' is not a valid http(s) URL"),
    "invalid url": ("faq.yml", "url: https://peps.python.org/pep-0008/", "url: not a url",
                    "data/faq.yml:12:7: faq[0].sources[0].url: 'not a url' is not a valid http(s) URL"),
    "empty file": ("verdict.yml", None, "# only a comment\n", "data/verdict.yml:1:1: verdict: the file is empty"),
    "list instead of mapping": ("strengths.yml", None, "- rust\n- python\n",
                                "data/strengths.yml:1:1: strengths: expected a mapping, got a list"),
    "mapping instead of list": ("faq.yml", None, "id: first\nquestion: Why?\n",
                                "data/faq.yml:1:1: faq: expected a list, got a mapping"),
    "raw html": ("faq.yml", "It is the first entry.", "It is <script>alert(1)</script> the first entry.",
                 "data/faq.yml:5:3: faq[0].answer: raw HTML is not allowed ('<script>'); write Markdown instead"),
    "event handler attribute": ("comparison.yml", "Interpreted.", '<img src=x onerror="alert(1)">',
                                "data/comparison.yml:5:3: comparison[0].python: raw HTML is not allowed ('<img src=x onerror=\"alert(1)\">'); write Markdown instead"),
    "javascript link": ("takeaways.yml", "Profile before you rewrite.", "Profile [first](javascript:alert(1)).",
                        "data/takeaways.yml:3:3: takeaways[0].text: links must not use javascript:, vbscript: or data: URLs"),
    "scores against the edge": ("decision.yml", "rust: 5\n    python: 2", "rust: 2\n    python: 5",
                                "data/decision.yml:11:5: decision.criteria[0]: the scores favour python, but comparison.yml gives the edge to rust"),
    "criterion without scores": ("decision.yml", "  - id: ease\n", "  - id: easy\n",
                                 "data/decision.yml:10:1: decision.criteria: criterion 'ease' from comparison.yml has no entry; give it scores, or only a `why` to leave it unscored"),
    "scores for an unknown criterion": ("decision.yml", "  - id: ease\n", "  - id: easy\n",
                                        "data/decision.yml:15:5: decision.criteria[1].id: unknown criterion id 'easy'"),
    "trait links an unknown criterion": ("decision.yml", "criteria: [ease]", "criteria: [speedy]",
                                         "data/decision.yml:24:16: decision.traits[0].criteria[0]: unknown criterion id 'speedy'"),
    "trait links an unknown answer": ("decision.yml", "faq: [first]", "faq: [third]",
                                      "data/decision.yml:25:11: decision.traits[0].faq[0]: unknown FAQ id 'third'"),
    "score out of range": ("decision.yml", "rust: 5", "rust: 6",
                           "data/decision.yml:12:5: decision.criteria[0].rust: Input should be less than or equal to 5"),
    "trait without points": ("decision.yml", "    python: 4\n    why: No compile step.", "    why: No compile step.",
                             "data/decision.yml:20:5: decision.traits[0]: a trait must give points to rust, python or both"),
    "missing example file": ("examples.yml", "rust: data/examples/hello/main.rs", "rust: data/examples/hello/main.go",
                             "data/examples.yml:6:3: examples[0].rust: file 'data/examples/hello/main.go' does not exist"),
    "missing hot-path library": (
        "examples.yml", "  expected: data/examples/hello/expected.txt",
        "  hot_path: {python: data/examples/hello/main.py, library: data/examples/hello/lib.rs, function: greet,\n"
        "             library_variable: HELLO_LIBRARY}\n  expected: data/examples/hello/expected.txt",
        "data/examples.yml:7:51: examples[0].hot_path.library: file 'data/examples/hello/lib.rs' does not exist"),
    "python runtime without its build": ("benchmarks.yml",
                                         "  build: {free_threaded: false, gil_enabled: true, jit_available: false, jit_enabled: false, "
                                         "origin: debian, config_args: \"'--enable-shared'\", pgo: false, lto: false}\n",
                                         "", "data/benchmarks.yml:17:3: benchmarks.runtimes[0]: a Python runtime needs `build`, and Rust has none"),
    "example path outside the repository": (
        "examples.yml", "python: data/examples/hello/main.py", "python: ../hello/main.py",
        "data/examples.yml:5:3: examples[0].python: '../hello/main.py' must be a path inside the repository, "
        "like 'examples/iterators/main.py'"),
    "benchmark of an unknown example": ("benchmarks.yml", "- example: hello", "- example: goodbye",
                                        "data/benchmarks.yml:29:3: benchmarks.results[0].example: 'goodbye' is not "
                                        "a benchmarked example id"),
    "hand-edited benchmark median": ("benchmarks.yml", "median: 0.02\n", "median: 0.015\n",
                                     "data/benchmarks.yml:32:5: benchmarks.results[0].timings[0]: median, min and max "
                                     "do not match runs; rerun `make bench-languages`"),
    "review date in the future": ("comparison.yml", "reviewed: 2026-11-26", "reviewed: 2999-01-01",
                                  f"data/comparison.yml:9:3: comparison[0].reviewed: 2999-01-01 is after today "
                                  f"({date.today()}): give the day the sources were last checked"),
    "strength without a source": ("strengths.yml", "Compiled ([speed](/comparison.md#speed)).", "Compiled.",
                                  "data/strengths.yml:4:7: strengths.rust.strengths[0]: no source: add `sources`, or "
                                  "link the text to a sourced entry (/faq.md#<id> or /comparison.md#<id> or "
                                  "/case-studies.md#<id>)"),
    "link to an entry that does not exist": (
        "verdict.yml", "Hot loops ([speed](/comparison.md#speed)).", "Hot loops ([speed](/comparison.md#speedy)).",
        "data/verdict.yml:4:5: verdict.choose_rust[0]: no source: link the text to a sourced entry "
        "(/faq.md#<id> or /comparison.md#<id> or /case-studies.md#<id>)"),
    "use case without a source": ("use_cases.yml", "  faq: [first]\n", "",
                                  "data/use_cases.yml:2:3: use_cases[0]: no source: add `sources`, or list an answer "
                                  "in `faq`"),
    "change note without its source": (
        "faq.yml", "  related: [second]\n",
        "  related: [second]\n  changes:\n    - {date: 2026-11-20, what: Reworded., why: Clearer.}\n",
        "data/faq.yml:11:7: faq[0].changes[0].source: required field is missing"),
    "link to the guide of an older release": (
        "faq.yml", "https://pyo3.rs/v0.30.1/", "https://pyo3.rs/v0.29.0/",
        "data/faq.yml:6:112: faq[0].answer: 'https://pyo3.rs/v0.29.0/' is the guide of 0.29.0; fact 'pyo3-current' "
        "gives 0.30.1 as current"),
    "hand-typed percentage": ("comparison.yml", "rust: Compiled ahead of time.", "rust: Compiled ahead of time, 40% faster.",
                              "data/comparison.yml:4:33: comparison[0].rust: hand-typed figure '40%': give it a home in "
                              "data/facts.yml and write [[fact:<id>]] here"),
    "hand-typed multiplier": ("faq.yml", "It is the first entry.", "It is the first entry, and 10x faster.",
                              "data/faq.yml:6:32: faq[0].answer: hand-typed figure '10x': give it a home in data/facts.yml "
                              "and write [[fact:<id>]] here"),
    "hand-typed count of entries": ("takeaways.yml", "Start with the Python profilers.",
                                    "Start with the Python profilers and read all eleven criteria.",
                                    "data/takeaways.yml:3:82: takeaways[0].text: hand-typed figure 'eleven criteria': a "
                                    "count of the guide's own entries is computed: write [[count:criteria]] criteria"),
    "unknown fact": ("faq.yml", "[[fact:jit-gain]]", "[[fact:jit-gains]]",
                     "data/faq.yml:18:43: faq[1].answer: [[fact:jit-gains]] names no fact in data/facts.yml"),
    "unknown measured figure": ("faq.yml", "PEP 20 still applies.", "PEP 20 still applies on [[measured:cores]].",
                                "data/faq.yml:18:90: faq[1].answer: [[measured:cores]] names no figure of "
                                "data/benchmarks.yml (content/measured.py lists them)"),
    "unused fact": ("faq.yml", "The JIT gains [[fact:jit-gain]], and", "The JIT gains a little, and",
                    "data/facts.yml:2:3: facts[0].id: fact 'jit-gain' is used by no page or entry: write "
                    "[[fact:jit-gain]] where it belongs, or remove it"),
    "fact without where in its source": ("facts.yml", '    where: Optimizations, "Upgraded experimental JIT compiler"\n', "",
                                         "data/facts.yml:6:3: facts[0].source.where: required field is missing"),
    "short answer types what the answer renders": ("faq.yml", "short_answer: Yes, the second.",
                                                   "short_answer: Yes, the second, by 7–8%.",
                                                   "data/faq.yml:16:37: faq[1].short_answer: '7–8%' is typed by hand here, while "
                                                   "the answer renders it from [[fact:jit-gain]]: write [[fact:jit-gain]] here too"),
    "listed source the text does not cite": ("comparison.yml", "No interpreter overhead, as The Rust Book explains.",
                                             "No interpreter overhead.",
                                             "data/comparison.yml:11:7: comparison[0].sources[0]: source 'The Rust Book' is "
                                             "listed but the text does not cite it: link it where the text relies on it "
                                             "([The Rust Book](https://doc.rust-lang.org/book/)), or remove it"),
    "unequal scores on a depends edge": ("comparison.yml", "pick: python", "pick: depends",
                                         "data/decision.yml:15:5: decision.criteria[1]: the scores favour python, but "
                                         "comparison.yml's edge is 'depends': give both the same score, or only a `why` to "
                                         "leave the criterion unscored"),
    "unknown case direction": ("case_studies.yml", "direction: python-to-rust", "direction: rust-to-go",
                               "data/case_studies.yml:5:3: case_studies[0].direction: Input should be "
                               "'python-to-rust', 'stayed-python' or 'reversed'"),
    "case year after its review": ("case_studies.yml", "year: 2024", "year: 2027",
                                   "data/case_studies.yml:2:3: case_studies[0]: the year 2027 is after the review "
                                   "date 2026-11-26"),
    "case links an unknown answer": ("case_studies.yml", "answers: [first]", "answers: [third]",
                                     "data/case_studies.yml:11:13: case_studies[0].answers[0]: unknown FAQ id 'third'"),
    "case links an unknown criterion": ("case_studies.yml", "criteria: [speed]", "criteria: [speedy]",
                                        "data/case_studies.yml:12:14: case_studies[0].criteria[0]: unknown criterion "
                                        "id 'speedy'"),
    "alias bomb": ("verdict.yml", None, "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nsummary: *c\n",
                   "data/verdict.yml:2:1: verdict.b[0]: YAML anchors and aliases (&name, *name) are not allowed; write the value out"),
}


# Each rule of content/rules/ and the cases above that plant a violation of it.
RULE_CASES = {
    "unique-ids": ["duplicate id", "alias collides with id"],
    "known-answers": ["dangling related", "dangling use-case link", "trait links an unknown answer"],
    "case-links": ["case links an unknown answer", "case links an unknown criterion"],
    "decision-criteria": ["scores against the edge", "unequal scores on a depends edge", "criterion without scores", "scores for an unknown criterion",
                          "trait links an unknown criterion"],
    "example-files": ["missing example file", "missing hot-path library"],
    "benchmarked-examples": ["benchmark of an unknown example"],
    "backed-claims": ["strength without a source", "link to an entry that does not exist", "use case without a source"],
    "known-facts": ["unknown fact", "unknown measured figure"],
    "used-facts": ["unused fact"],
    "typed-figures": ["hand-typed percentage", "hand-typed multiplier", "hand-typed count of entries"],
    "consistent-answers": ["short answer types what the answer renders"],
    "cited-sources": ["listed source the text does not cite"],
    "current-guides": ["link to the guide of an older release"],
}


def test_every_rule_has_a_planted_violation():
    assert set(RULE_CASES) == set(rules.RULES), "give each rule in content/rules/ a case in RULE_CASES"
    assert all(case in CASES for cases in RULE_CASES.values() for case in cases)


@pytest.mark.parametrize("filename, old, new, expected", CASES.values(), ids=CASES.keys())
def test_bad_input_is_reported_exactly(fixture_data, filename, old, new, expected):
    if old is None:
        (fixture_data / filename).write_text(new)
    else:
        edit(fixture_data / filename, old, new)
    result = check(fixture_data.parent)
    assert result.returncode == 1
    assert expected in result.stderr.splitlines(), result.stderr
    assert "Traceback" not in result.stderr


def test_bytes_that_are_not_utf8(fixture_data):
    (fixture_data / "takeaways.yml").write_bytes(b"- title: caf\xe9\n  text: x\n")
    result = check(fixture_data.parent)
    assert "data/takeaways.yml:1:13: takeaways: the file is not valid UTF-8 text" in result.stderr.splitlines()


def test_every_problem_is_reported_in_one_run(fixture_data):
    edit(fixture_data / "faq.yml", "related: [second]", "related: [gil]")
    edit(fixture_data / "comparison.yml", "id: ease", "id: speed")
    edit(fixture_data / "comparison.yml", "rust: Compiled ahead of time.", "rust: [a]")
    (fixture_data / "verdict.yml").write_text("")
    result = check(fixture_data.parent)
    problems = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert problems == [
        "data/comparison.yml:4:3: comparison[0].rust: expected text, got a list",
        "data/comparison.yml:13:3: comparison[1].id: id 'speed' is already used by the entry on line 2",
        "data/decision.yml:15:5: decision.criteria[1].id: unknown criterion id 'ease'",
        "data/decision.yml:24:16: decision.traits[0].criteria[0]: unknown criterion id 'ease'",
        "data/faq.yml:9:13: faq[0].related[0]: unknown FAQ id 'gil'",
        "data/verdict.yml:1:1: verdict: the file is empty",
    ]
    assert result.stderr.splitlines()[-1] == "6 problem(s) found in data/"


@pytest.mark.build
def test_jinja_in_data_is_shown_literally(tmp_path):
    project = fixture_project(tmp_path)
    edit(project / "data" / "faq.yml", "It is the first entry.", "Try {{ 7 * 7 }} and {% raw %} here.")
    mkdocs("build", "--strict", cwd=project, check=True)
    html = (project / "site" / "faq" / "first" / "index.html").read_text()
    assert "Try {{ 7 * 7 }} and {% raw %} here." in html
    assert "Try 49" not in html


@pytest.mark.build
def test_invalid_data_stops_the_build_with_the_same_lines(tmp_path):
    project = copy_project(tmp_path, FIXTURE_DATA)
    edit(project / "data" / "faq.yml", "related: [second]", "related: [gil]")
    edit(project / "data" / "faq.yml", "id: second", "id: Second")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert "data/faq.yml:9:13: faq[0].related[0]: unknown FAQ id 'gil'" in result.stderr
    assert "data/faq.yml:14:3: faq[1].id: 'Second' is not a lowercase slug" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.build
def test_macro_error_fails_the_build_instead_of_printing_into_the_page(tmp_path):
    project = fixture_project(tmp_path)
    page = project / "docs" / "verdict.md"
    page.write_text(page.read_text() + "\n{{ criterion_card('no-such-criterion') }}\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert "unknown criterion id 'no-such-criterion'" in result.stderr + result.stdout
    assert not (project / "site" / "verdict" / "index.html").exists()


@pytest.mark.build
def test_a_table_without_a_caption_stops_the_build_until_it_gets_one(tmp_path):
    project = fixture_project(tmp_path)
    page = project / "docs" / "ecosystem.md"
    page.write_text(page.read_text() + "\n| Tool | Language |\n| --- | --- |\n| uv | Rust |\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert ("ecosystem.md: 1 table(s) without a caption: write a line 'Table: what it shows' right before each table"
            in result.stderr)
    edit(page, "| Tool |", "Table: Tools and the language they are written in\n\n| Tool |")
    mkdocs("build", "--strict", cwd=project, check=True)
    caption = soup(project / "site", "ecosystem").select_one("article table caption")
    assert caption.get_text() == "Tools and the language they are written in"
