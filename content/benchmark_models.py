"""The schema of data/benchmarks.yml, which `make bench-languages` writes: runtimes, timings and crossing costs."""

from __future__ import annotations

import datetime
import math
import statistics
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from .fields import Slug, Strict, Text

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
