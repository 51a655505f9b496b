"""The schema of every file in data/: one pydantic model per file.

These models are the single description of the data. Validation, the error messages contributors see and
the JSON Schema that editors use all come from here.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, RootModel, field_validator, model_validator

from .benchmark_models import BenchmarksFile
from .fields import (
    DESCRIPTION_MAX,
    TITLE_MAX,
    Changes,
    Choice,
    LocatedSource,
    PlainText,
    Reviewed,
    Slug,
    Source,
    Sources,
    Strict,
    Tag,
    Text,
)


class Edge(Strict):
    pick: Choice = Field(description="Which language this criterion favors: rust, python or depends.")
    reason: Text = Field(description="One line saying why.")


class Criterion(Strict):
    id: Slug
    title: Text = Field(description="Criterion name shown in the table and as the section heading.")
    rust: Text = Field(description="One-sentence summary of the Rust side (Markdown).")
    python: Text = Field(description="One-sentence summary of the Python side (Markdown).")
    edge: Edge = Field(description="Which language this criterion favors, and why.")
    details: Text | None = Field(None, description="Optional Markdown with the nuance behind the summaries.")
    aliases: list[Slug] = Field([], description="Former ids of this criterion, so old links keep working.")
    reviewed: Reviewed
    sources: Sources
    changes: Changes = Field([])


class FaqEntry(Strict):
    id: Slug
    question: Text = Field(description="The question as a reader would ask it.")
    short_title: PlainText(TITLE_MAX) | None = Field(
        None, description=f"Plain text, at most {TITLE_MAX} characters: the page title when the question is longer.")
    short_answer: Text = Field(description="One or two sentences: the answer you would say out loud.")
    summary: PlainText(DESCRIPTION_MAX) | None = Field(
        None, description=f"Plain text, at most {DESCRIPTION_MAX} characters: the description for search results "
                          "and link previews when the short answer is longer.")
    asked_as: list[PlainText(100)] = Field(
        min_length=2, max_length=5,
        description="Two to five other ways people type this question into a search box, e.g. 'is rust quicker "
                    "than python'. Shown on the answer's own page and weighted by search.")
    answer: Text = Field(description="The full answer in Markdown. Do not repeat the question.")
    tags: list[Tag] = Field(min_length=1, description="Topics, used to list this answer on topic pages.")
    related: list[Slug] = Field([], description="Ids of other FAQ entries worth reading next.")
    aliases: list[Slug] = Field([], description="Former ids of this entry, so old links keep working.")
    digest: Literal["case-studies"] | None = Field(
        None, description="Data rendered after the answer's text: 'case-studies' lists the case studies by what "
                          "their outcome measures, so the answer never retypes them.")
    reviewed: Reviewed
    sources: Sources
    changes: Changes = Field([])

    @model_validator(mode="after")
    def _title_fits(self):
        if self.short_title is None and len(self.question) > TITLE_MAX:
            raise ValueError(f"the question is {len(self.question)} characters, too long for a page title: "
                             f"add a short_title of at most {TITLE_MAX} characters")
        return self


class Point(Strict):
    title: Text = Field(description="Short noun phrase.")
    text: Text = Field(description="One or two sentences of Markdown. Link to a FAQ answer or comparison "
                                   "criterion that backs it, or give `sources`.")
    sources: list[Source] = Field([], description="Authoritative sources, unless the text links to a sourced entry.")


class LanguageProfile(Strict):
    strengths: list[Point] = Field(min_length=1, description="What the language does well, one point each.")
    drawbacks: list[Point] = Field(min_length=1, description="What it costs you, one point each.")


class UseCase(Strict):
    id: Slug
    use_case: Text = Field(description="The kind of project or component.")
    choice: Literal["rust", "python", "mix"] = Field(description="Recommended choice: rust, python or mix.")
    why: Text = Field(description="One or two sentences of Markdown giving the reason.")
    faq: list[Slug] = Field([], description="Ids of FAQ entries that go deeper (and back this use case).")
    reviewed: Reviewed
    sources: list[Source] = Field([], description="Authoritative sources, unless `faq` lists a sourced answer.")


FactKind = Literal["release", "survey", "figure", "event"]
# How long a fact may go unchecked before `make stale` lists it, by kind: a release status ("the newest
# PyO3", "still in beta") moves fastest, a survey comes once a year, anything else is checked twice a year.
REVIEW_MONTHS: dict[str, int] = {"release": 3, "survey": 12, "figure": 6, "event": 6}


class Fact(Strict):
    id: Slug
    value: PlainText(160) = Field(description="The figure as it reads in a sentence, e.g. '7–8%' or 'PyO3 0.30.1'. "
                                              "Data text writes [[fact:<id>]], a page {{ fact('<id>') }}.")
    as_of: Reviewed = Field(description="Date (YYYY-MM-DD) the value was last confirmed against its source.")
    kind: FactKind = Field(description="release: a version or release status (checked every 3 months); survey: a "
                                       "survey figure (12 months); figure: a measured or reported number and event: "
                                       "a dated event (6 months).")
    source: LocatedSource = Field(description="Where the value comes from, and where in it.")
    note: Text | None = Field(None, description="What the value means exactly (its baseline, its scope), or what "
                                                "could not be confirmed.")

    @property
    def review_months(self) -> int:
        return REVIEW_MONTHS[self.kind]


class FactsFile(RootModel[list[Fact]]):
    """data/facts.yml: every figure that can change, each with its value, as-of date and source."""


Direction = Literal["python-to-rust", "stayed-python", "reversed"]
Measure = Literal["speed", "throughput", "memory", "incidents", "platforms", "qualitative"]
Evidence = Literal["first-party", "independent", "secondary"]


class CaseStudy(Strict):
    id: Slug
    project: PlainText(80) = Field(description="The project and, if different, the organisation: 'Ruff, Astral'.")
    moved: Text = Field(description="What moved, from what to what; for a team that kept Python, what it did instead.")
    direction: Direction = Field(description="python-to-rust; stayed-python (kept Python on purpose); reversed (a "
                                             "move to Rust undone).")
    year: int = Field(strict=True, ge=1991, le=2100, description="The year the move shipped or was published.")
    outcome: Text = Field(description="The measured outcome in the source's own figures, with units and conditions; "
                                      "say so when the source gives no figure. Never convert or combine figures.")
    measure: Measure = Field(description="What the outcome measures. Figures of one measure are still not comparable "
                                         "across cases: each has its own workload, machine and baseline.")
    cost: Text = Field(description="What it cost: time, team, build complexity, platforms lost or gained.")
    evidence: Evidence = Field(description="first-party (the team that did it), independent (someone else, from "
                                           "their own use) or secondary (found only in a copy or a summary).")
    answers: list[Slug] = Field(min_length=1, description="FAQ ids this case bears on; each answer links back.")
    criteria: list[Slug] = Field([], description="Comparison criteria this case bears on.")
    aliases: list[Slug] = Field([], description="Former ids of this case, so old links keep working.")
    reviewed: Reviewed
    sources: list[LocatedSource] = Field(min_length=1, description="Where the facts come from, most direct first.")
    changes: Changes = Field([])

    @model_validator(mode="after")
    def _year_is_past(self):
        if self.year > self.reviewed.year:
            raise ValueError(f"the year {self.year} is after the review date {self.reviewed}")
        return self


class ComparisonFile(RootModel[list[Criterion]]):
    """data/comparison.yml: one entry per comparison criterion."""


class FaqFile(RootModel[list[FaqEntry]]):
    """data/faq.yml: one entry per question."""


class CaseStudiesFile(RootModel[list[CaseStudy]]):
    """data/case_studies.yml: published moves between Python and Rust, with their outcomes and costs."""


class StrengthsFile(Strict):
    """data/strengths.yml: strengths and drawbacks of each language."""

    rust: LanguageProfile = Field(description="Rust's strengths and drawbacks.")
    python: LanguageProfile = Field(description="Python's strengths and drawbacks.")


class UseCasesFile(RootModel[list[UseCase]]):
    """data/use_cases.yml: the use-case map."""


class TakeawaysFile(RootModel[list[Point]]):
    """data/takeaways.yml: the key takeaways shown on the home page."""


class VerdictFile(Strict):
    """data/verdict.yml: the bottom line."""

    summary: Text = Field(description="Markdown: the honest bottom line in a paragraph or two.")
    choose_rust: list[Text] = Field(min_length=1, description="Situations where Rust is the better choice.")
    choose_python: list[Text] = Field(min_length=1, description="Situations where Python is the better choice.")
    mix: list[Text] = Field(min_length=1, description="Situations for a Rust core under a Python surface.")


Score = Annotated[int, Field(strict=True, ge=1, le=5, description="1 (weak) to 5 (strong).")]
Points = Annotated[int, Field(strict=True, ge=0, le=10, description="Points added to this side, 0 to 10.")]


class Level(Strict):
    label: Text = Field(description="How much a criterion matters, as the reader picks it, e.g. 'Important'.")
    weight: int = Field(strict=True, ge=0, le=5, description="Multiplier applied to the criterion's score gap.")


class Thresholds(Strict):
    minimum: int = Field(strict=True, ge=1, description="Points one side needs before anything is recommended.")
    ratio: float = Field(gt=1, description="A language is recommended alone when its points are at least this "
                                           "many times the other's; otherwise the mix.")


class CriterionScore(Strict):
    id: Slug
    rust: Score | None = Field(None, description="Rust's score on this criterion; leave out both to not score it.")
    python: Score | None = Field(None, description="Python's score on this criterion; leave out both to not score it.")
    why: Text = Field(description="Markdown: the rationale for the scores, or why the criterion is not scored.")

    @model_validator(mode="after")
    def _both_or_neither(self):
        if (self.rust is None) != (self.python is None):
            raise ValueError("give both a rust and a python score, or neither to leave the criterion unscored")
        return self


class Trait(Strict):
    id: Slug
    label: Text = Field(description="Plain text the reader ticks, e.g. 'Tight deadline for the first version'.")
    rust: Points = 0
    python: Points = 0
    why: Text = Field(description="One line of Markdown: why this trait moves the result.")
    criteria: list[Slug] = Field([], description="Ids of comparison criteria that go deeper.")
    faq: list[Slug] = Field([], description="Ids of FAQ entries that go deeper.")

    @model_validator(mode="after")
    def _moves_something(self):
        if self.rust == 0 and self.python == 0:
            raise ValueError("a trait must give points to rust, python or both")
        return self


class Outcome(Strict):
    title: Text = Field(description="Plain-text headline of this result, e.g. 'Rust'.")
    advice: Text = Field(description="Markdown: what to do when this is the result.")
    faq: list[Slug] = Field([], description="Ids of FAQ entries that go deeper.")


class Outcomes(Strict):
    rust: Outcome = Field(description="Rust alone.")
    python: Outcome = Field(description="Python alone.")
    mix: Outcome = Field(description="A Rust core called from Python through PyO3.")
    undecided: Outcome = Field(description="Shown while neither side has the minimum number of points.")


class DecisionFile(Strict):
    """data/decision.yml: the scores, traits and thresholds behind the decision helper."""

    levels: list[Level] = Field(min_length=2, description="Choices for how much a criterion matters, in order; "
                                                            "the first is preselected.")
    thresholds: Thresholds = Field(description="When the helper recommends Rust, Python, the mix or nothing yet.")
    criteria: list[CriterionScore] = Field(description="One entry per criterion in comparison.yml, same ids.")
    traits: list[Trait] = Field(min_length=1, description="Project traits the reader can tick.")
    outcomes: Outcomes = Field(description="The text shown for each possible result.")

    @field_validator("levels")
    @classmethod
    def _levels_increase(cls, levels: list[Level]) -> list[Level]:
        weights = [level.weight for level in levels]
        if weights != sorted(set(weights)):
            raise ValueError("level weights must increase from the first level to the last")
        return levels


def repository_path(text: str) -> str:
    path = PurePosixPath(text)
    if path.is_absolute() or ".." in path.parts or "\\" in text:
        raise ValueError(f"'{text}' must be a path inside the repository, like 'examples/iterators/main.py'")
    return text


# Whether the file exists is checked by the example-files rule (rules/example_files.py), which knows the repository.
RepoFile = Annotated[str, AfterValidator(repository_path)]


class ExampleBenchmark(Strict):
    workload: Text = Field(description="What one timed run does, in a few words, e.g. 'primes below 300,000'.")
    args: list[str] = Field([], description="Command-line arguments of the timed run (instead of `args`).")
    stdin_copies: int = Field(1, ge=1, description="The timed run reads the `stdin` file this many times over.")


class Extension(Strict):
    python: RepoFile = Field(description="The Python program that imports the extension module and hands its "
                                         "function to the pure Python program, e.g. examples/<id>/mixed_pyo3.py.")
    module: RepoFile = Field(description="The Rust source of the PyO3 extension module, in a Cargo package with a "
                                         "pyproject.toml that maturin builds into a wheel.")


class HotPath(Strict):
    python: RepoFile = Field(description="The Python program that loads the library and hands its function to the "
                                         "pure Python program, e.g. examples/<id>/mixed.py.")
    library: RepoFile = Field(description="The Rust source of a C-ABI library (a Cargo package with crate-type "
                                          "cdylib), e.g. examples/<id>/fuzzy-ctypes/fuzzy.rs.")
    function: str = Field(pattern=r"^[a-z_][a-z0-9_]*$",
                          description="The hot function's name, the same in both Python programs; "
                                      "`make bench-languages` times one call of each on a ladder of input sizes.")
    library_variable: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$",
                                  description="The environment variable through which the tests tell the Python "
                                              "program where they built the library, e.g. FUZZY_LIBRARY.")
    extension: Extension | None = Field(None, description="A fourth version: the same function as a PyO3 extension "
                                                          "module, built by maturin and installed with pip.")


class Example(Strict):
    id: Slug
    title: Text = Field(description="The task in a few words, shown as the heading on the Examples page.")
    notice: Text = Field(description="Markdown: what to notice when comparing the two versions. Be fair to both.")
    python_depends: Text = Field(description="Markdown: what the Python version uses beyond the language (the "
                                             "standard library, or a PyPI package) and why a Python developer would "
                                             "reach for it. The Rust side's crates are measured (data/benchmarks.yml).")
    python: RepoFile = Field(description="The Python program, e.g. examples/<id>/main.py.")
    rust: RepoFile = Field(description="The Rust program, e.g. examples/<id>/main.rs.")
    rust_modules: list[RepoFile] = Field([], description="Other Rust files of the program's package (a library "
                                                          "it shares with the hot-path versions, say), shown after it.")
    expected: RepoFile = Field(description="What both programs must print, byte for byte.")
    stdin: RepoFile | None = Field(None, description="A file fed to both programs on standard input.")
    args: list[str] = Field([], description="Command-line arguments, run from the example's folder.")
    unit_tests: bool = Field(False, description="Run the unit tests (unittest, cargo test) instead of the program; "
                                                "`expected` then lists each test and its result.")
    hot_path: HotPath | None = Field(None, description="A third version: the Python program calling Rust for its "
                                                       "hot function; it must print the same output.")
    benchmark: ExampleBenchmark | None = Field(None, description="Set to time this task in `make bench-languages`.")


class ExamplesFile(RootModel[list[Example]]):
    """data/examples.yml: the side-by-side examples on docs/examples.md."""


FILES: dict[str, type[BaseModel]] = {
    "facts.yml": FactsFile,
    "comparison.yml": ComparisonFile,
    "faq.yml": FaqFile,
    "strengths.yml": StrengthsFile,
    "use_cases.yml": UseCasesFile,
    "takeaways.yml": TakeawaysFile,
    "verdict.yml": VerdictFile,
    "decision.yml": DecisionFile,
    "examples.yml": ExamplesFile,
    "benchmarks.yml": BenchmarksFile,
    "case_studies.yml": CaseStudiesFile,
}
