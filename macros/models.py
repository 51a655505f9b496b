"""The schema of every file in data/: one pydantic model per file.

These models are the single description of the data. Validation, the error messages contributors see and
the JSON Schema that editors use all come from here.
"""

from __future__ import annotations

import datetime
import math
import re
import statistics
from datetime import date
from pathlib import PurePosixPath
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    RootModel,
    StringConstraints,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Raw HTML is refused everywhere: Markdown covers what the site needs, and HTML from a pull request could
# inject script into every reader's page. Code spans and fenced code are exempt, since `Vec<T>` is not HTML.
_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.DOTALL)
_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?\s*>|<!--|<!\[CDATA\[")
_SCRIPT_URL = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def _no_raw_html(text: str) -> str:
    prose = _CODE.sub("", text)
    if match := _RAW_HTML.search(prose):
        raise ValueError(f"raw HTML is not allowed ({match.group(0)[:40]!r}); write Markdown instead")
    if _SCRIPT_URL.search(prose):
        raise ValueError("links must not use javascript:, vbscript: or data: URLs")
    return text


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(description="Lowercase slug (letters, digits, single hyphens). Public and permanent: never change it."),
]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_raw_html),
]


def PlainText(max_length: int):
    """One line of plain text of at most `max_length` characters, for titles and descriptions."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
                     AfterValidator(_no_raw_html)]


# A page title leaves room for " - " and the short site name within the 70 characters search results show; a
# description is cut at 160 characters by search results and link previews.
TITLE_MAX = 45
DESCRIPTION_MAX = 160

Choice = Literal["rust", "python", "depends"]
Tag = Literal[
    "performance", "memory", "concurrency", "ecosystem", "tooling", "learning", "migration", "deployment",
    "interop", "maintenance", "use-cases", "typing", "web", "data", "wasm",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    title: Text = Field(description="Name of the document, e.g. 'PEP 779' or 'The Rust Book, ch. 16'.")
    url: HttpUrl = Field(description="Absolute http(s) URL of an authoritative source.")


Sources = Annotated[list[Source], Field(min_length=1, description="At least one authoritative source.")]


def _not_in_future(day: date) -> date:
    if day > date.today():
        raise ValueError(f"{day} is after today ({date.today()}): give the day the sources were last checked")
    return day


Reviewed = Annotated[date, AfterValidator(_not_in_future),
                     Field(description="Date (YYYY-MM-DD) the entry was last checked against its sources.")]


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
    reviewed: Reviewed
    sources: Sources

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


class ComparisonFile(RootModel[list[Criterion]]):
    """data/comparison.yml: one entry per comparison criterion."""


class FaqFile(RootModel[list[FaqEntry]]):
    """data/faq.yml: one entry per question."""


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


# Whether the file exists is checked in checks.py, which knows where the repository is.
RepoFile = Annotated[str, AfterValidator(repository_path)]


class ExampleBenchmark(Strict):
    workload: Text = Field(description="What one timed run does, in a few words, e.g. 'primes below 300,000'.")
    args: list[str] = Field([], description="Command-line arguments of the timed run (instead of `args`).")
    stdin_copies: int = Field(1, ge=1, description="The timed run reads the `stdin` file this many times over.")


class HotPath(Strict):
    python: RepoFile = Field(description="The Python program that loads the library and hands its function to the "
                                         "pure Python program, e.g. examples/<id>/mixed.py.")
    library: RepoFile = Field(description="The Rust library built with `--crate-type cdylib`, e.g. "
                                          "examples/<id>/fuzzy.rs.")
    function: str = Field(pattern=r"^[a-z_][a-z0-9_]*$",
                          description="The hot function's name, the same in both Python programs; "
                                      "`make bench-languages` times one call of each on a ladder of input sizes.")
    library_variable: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$",
                                  description="The environment variable through which the tests tell the Python "
                                              "program where they built the library, e.g. FUZZY_LIBRARY.")


class Example(Strict):
    id: Slug
    title: Text = Field(description="The task in a few words, shown as the heading on the Examples page.")
    notice: Text = Field(description="Markdown: what to notice when comparing the two versions. Be fair to both.")
    python: RepoFile = Field(description="The Python program, e.g. examples/<id>/main.py.")
    rust: RepoFile = Field(description="The Rust program, e.g. examples/<id>/main.rs.")
    rust_modules: list[RepoFile] = Field([], description="Rust files that the program (and the hot-path library) "
                                                          "include with `mod`, shown after it.")
    expected: RepoFile = Field(description="What both programs must print, byte for byte.")
    stdin: RepoFile | None = Field(None, description="A file fed to both programs on standard input.")
    args: list[str] = Field([], description="Command-line arguments, run from the example's folder.")
    unit_tests: bool = Field(False, description="Run the unit tests (unittest, rustc --test) instead of the program; "
                                                "`expected` then lists each test and its result.")
    hot_path: HotPath | None = Field(None, description="A third version: the Python program calling Rust for its "
                                                       "hot function; it must print the same output.")
    benchmark: ExampleBenchmark | None = Field(None, description="Set to time this task in `make bench-languages`.")


class ExamplesFile(RootModel[list[Example]]):
    """data/examples.yml: the side-by-side examples on docs/examples.md."""


Seconds = Annotated[float, Field(gt=0, description="Wall-clock seconds.")]
LoadAverage = Annotated[list[float], Field(min_length=3, max_length=3,
                                           description="1-, 5- and 15-minute load averages.")]


class PythonBuild(Strict):
    free_threaded: bool = Field(description="Built without the GIL (sysconfig's Py_GIL_DISABLED).")
    gil_enabled: bool = Field(description="The GIL was on while the benchmark ran (sys._is_gil_enabled()).")
    jit_available: bool = Field(description="The interpreter was built with the experimental JIT compiler.")
    jit_enabled: bool = Field(description="The JIT was switched on while the benchmark ran.")


class Runtime(Strict):
    id: Slug
    kind: Literal["python", "python-free-threaded", "rust"] = Field(description="Which language and build.")
    name: Text = Field(description="Short name shown in the chart and table, e.g. 'CPython 3.11.7'.")
    version: Text = Field(description="The full version the interpreter or compiler reported.")
    command: Text = Field(description="How each program was built or started.")
    build: PythonBuild | None = Field(None, description="For a Python runtime: how the interpreter was built.")

    @model_validator(mode="after")
    def _build_matches_kind(self):
        if (self.kind == "rust") != (self.build is None):
            raise ValueError("a Python runtime needs `build`, and Rust has none")
        if self.build and self.build.free_threaded != (self.kind == "python-free-threaded"):
            raise ValueError("kind python-free-threaded goes with build.free_threaded: true, and only with it")
        return self


class Spread(Strict):
    median: Seconds
    min: Seconds
    max: Seconds
    runs: list[Seconds] = Field(min_length=1, description="Every timed run, in order.")

    @model_validator(mode="after")
    def _summary_matches_runs(self):
        summary = (statistics.median(self.runs), min(self.runs), max(self.runs))
        if not all(math.isclose(a, b, rel_tol=1e-6) for a, b in zip((self.median, self.min, self.max), summary,
                                                                      strict=True)):
            raise ValueError("median, min and max do not match runs; rerun `make bench-languages`")
        return self


class Timing(Spread):
    runtime: Slug = Field(description="Id of an entry in `runtimes`.")


class BenchmarkResult(Strict):
    example: Slug = Field(description="Id of the benchmarked task in data/examples.yml.")
    workload: Text = Field(description="What one timed run did.")
    timings: list[Timing] = Field(min_length=2, description="One entry per runtime, in the order of `runtimes`.")
    hot_path: list[Timing] = Field([], description="For an example with a hot path: the Python program calling "
                                                   "Rust, one entry per Python runtime, in the order of `runtimes`.")


class PerCall(Spread):
    calls: int = Field(ge=1, description="Calls per timed sample; `runs` holds each sample's seconds per call.")


class Rung(Strict):
    size: int = Field(ge=0, description="Characters in each of the two words passed.")
    python: PerCall = Field(description="Seconds per call of the pure Python function.")
    rust: PerCall = Field(description="Seconds per call of the Rust function through ctypes.")


class Crossing(Strict):
    runtime: Slug = Field(description="Id of the Python runtime that made the calls.")
    ladder: list[Rung] = Field(min_length=2, description="One rung per input size, from 0 (no work: the crossing "
                                                         "alone) upwards.")
    break_even: int | None = Field(description="The smallest size from which the Rust call is faster at every "
                                               "rung, by median; null if it never is.")

    @field_validator("ladder")
    @classmethod
    def _starts_empty_and_grows(cls, ladder: list[Rung]) -> list[Rung]:
        sizes = [rung.size for rung in ladder]
        if sizes[0] != 0 or sizes != sorted(set(sizes)):
            raise ValueError("the ladder must start at size 0 and grow at every rung")
        return ladder

    @model_validator(mode="after")
    def _break_even_matches_ladder(self):
        if self.break_even != break_even(self.ladder):
            raise ValueError(f"break_even does not match the ladder (it says {break_even(self.ladder)}); "
                             "rerun `make bench-languages`")
        return self

    @property
    def overhead(self) -> PerCall:
        """Seconds per call that does no work: what crossing into Rust costs."""
        return self.ladder[0].rust


def break_even(ladder: list[Rung]) -> int | None:
    """The smallest size from which Rust wins at every larger rung too."""
    found = None
    for rung in reversed(ladder):
        if rung.rust.median >= rung.python.median:
            break
        found = rung.size
    return found


class CrossingCost(Strict):
    example: Slug = Field(description="Id of the example whose hot function was timed.")
    function: Text = Field(description="The call that was timed, e.g. 'distance(a, b)'.")
    input: Text = Field(description="What the arguments were, in a few words.")
    samples: int = Field(ge=1, description="Timed samples per rung and language.")
    sample_seconds: Seconds = Field(description="Each sample makes enough calls to take at least this long.")
    interpreters: list[Crossing] = Field(min_length=1, description="One entry per Python runtime, in the order of "
                                                                  "`runtimes`.")

    @model_validator(mode="after")
    def _same_ladder_everywhere(self):
        ladders = {tuple(rung.size for rung in entry.ladder) for entry in self.interpreters}
        if len(ladders) > 1:
            raise ValueError("every interpreter must climb the same ladder of sizes")
        return self


class Machine(Strict):
    cpu: Text = Field(description="Processor model as the operating system reports it.")
    cores: int = Field(ge=1, description="Logical CPUs available to the benchmark.")
    os: Text = Field(description="Operating system, kernel release and architecture.")


class Load(Strict):
    before: LoadAverage = Field(description="When the run started.")
    after: LoadAverage = Field(description="When the run ended.")
    limit: float = Field(gt=0, description="The highest one-minute load at which the results are written unforced: "
                                           "half the cores.")
    forced: bool = Field(description="Written with --force although the one-minute load was above `limit`.")


class BenchmarksFile(Strict):
    """data/benchmarks.yml: written by `make bench-languages`; do not edit by hand."""

    date: datetime.date = Field(description="Day of the run.")
    command: Text = Field(description="The command that wrote this file.")
    machine: Machine = Field(description="The computer the run happened on.")
    load: Load = Field(description="How busy the machine was.")
    warmup_runs: int = Field(ge=0, description="Untimed runs of each program before the timed ones.")
    timed_runs: int = Field(ge=1, description="Timed runs of each program.")
    searched: list[Text] = Field(min_length=1, description="Where the script looked for Python interpreters.")
    runtimes: list[Runtime] = Field(min_length=2, description="Every interpreter and compiler that was timed.")
    results: list[BenchmarkResult] = Field(min_length=1, description="One entry per benchmarked example.")
    crossing: CrossingCost | None = Field(None, description="What a call into the Rust hot path costs, per "
                                                            "interpreter.")

    @model_validator(mode="after")
    def _one_timing_per_runtime(self):
        kinds = [runtime.kind for runtime in self.runtimes]
        if kinds.count("rust") != 1 or len(kinds) < 2:
            raise ValueError("runtimes need exactly one rust entry and at least one Python entry")
        ids = [runtime.id for runtime in self.runtimes]
        pythons = [runtime.id for runtime in self.pythons]
        for result in self.results:
            if [timing.runtime for timing in result.timings] != ids:
                raise ValueError(f"results for '{result.example}' must time {', '.join(ids)}, in that order")
            if result.hot_path and [timing.runtime for timing in result.hot_path] != pythons:
                raise ValueError(f"hot_path of '{result.example}' must time {', '.join(pythons)}, in that order")
        if self.crossing and [c.runtime for c in self.crossing.interpreters] != pythons:
            raise ValueError(f"crossing.interpreters must cover {', '.join(pythons)}, in that order")
        return self

    @property
    def pythons(self) -> list[Runtime]:
        return [runtime for runtime in self.runtimes if runtime.kind != "rust"]


FILES: dict[str, type[BaseModel]] = {
    "comparison.yml": ComparisonFile,
    "faq.yml": FaqFile,
    "strengths.yml": StrengthsFile,
    "use_cases.yml": UseCasesFile,
    "takeaways.yml": TakeawaysFile,
    "verdict.yml": VerdictFile,
    "decision.yml": DecisionFile,
    "examples.yml": ExamplesFile,
    "benchmarks.yml": BenchmarksFile,
}
