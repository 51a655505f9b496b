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
    origin: Literal["debian", "pyenv", "other"] = Field(description="Who built it: Debian's package (this machine's "
                                                                    "or unstable's), pyenv (compiled here), other.")
    config_args: str = Field(description="sysconfig's CONFIG_ARGS: the configure flags it reports.")
    pgo: bool = Field(description="CONFIG_ARGS has --enable-optimizations (profile-guided optimisation).")
    lto: bool = Field(description="CONFIG_ARGS has --with-lto (link-time optimisation).")


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
                                                   "Rust through ctypes, one entry per Python runtime, in the order "
                                                   "of `runtimes`.")
    extension: list[Timing] = Field([], description="The same, calling Rust through the PyO3 extension; only the "
                                                    "runtimes its abi3 wheel installs on (not free-threaded ones).")


class PerCall(Spread):
    calls: int = Field(ge=1, description="Calls per timed sample; `runs` holds each sample's seconds per call.")


class Rung(Strict):
    size: int = Field(ge=0, description="Characters in each of the two words passed.")
    python: PerCall = Field(description="Seconds per call of the pure Python function.")
    rust: PerCall = Field(description="Seconds per call of the Rust function through ctypes (the name predates "
                                      "the PyO3 figures; the export keeps it).")
    pyo3: PerCall = Field(description="Seconds per call of the Rust function through the PyO3 extension.")


class Crossing(Strict):
    runtime: Slug = Field(description="Id of the Python runtime that made the calls.")
    ladder: list[Rung] = Field(min_length=2, description="One rung per input size, from 0 (no work: the crossing "
                                                         "alone) upwards.")
    break_even: int | None = Field(description="The smallest size from which the Rust call through ctypes is faster "
                                               "at every rung, by median; null if it never is.")
    break_even_pyo3: int | None = Field(description="The same for the call through the PyO3 extension.")

    @field_validator("ladder")
    @classmethod
    def _starts_empty_and_grows(cls, ladder: list[Rung]) -> list[Rung]:
        sizes = [rung.size for rung in ladder]
        if sizes[0] != 0 or sizes != sorted(set(sizes)):
            raise ValueError("the ladder must start at size 0 and grow at every rung")
        return ladder

    @model_validator(mode="after")
    def _break_even_matches_ladder(self):
        for field, binding in (("break_even", "rust"), ("break_even_pyo3", "pyo3")):
            if getattr(self, field) != break_even(self.ladder, binding):
                raise ValueError(f"{field} does not match the ladder (it says {break_even(self.ladder, binding)}); "
                                 "rerun `make bench-languages`")
        return self

    @property
    def overhead(self) -> PerCall:
        """Seconds per call through ctypes that does no work: what crossing into Rust costs."""
        return self.ladder[0].rust

    @property
    def overhead_pyo3(self) -> PerCall:
        return self.ladder[0].pyo3


def break_even(ladder: list[Rung], binding: Literal["rust", "pyo3"] = "rust") -> int | None:
    """The smallest size from which Rust, called through ctypes (`rust`) or PyO3, wins at every larger rung too."""
    found = None
    for rung in reversed(ladder):
        if getattr(rung, binding).median >= rung.python.median:
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


Way = Literal["threads", "processes", "subinterpreters", "rayon"]


class ParallelWay(Strict):
    way: Way = Field(description="threads (ThreadPoolExecutor), processes (ProcessPoolExecutor), subinterpreters "
                                 "(InterpreterPoolExecutor) or rayon (Rust).")
    runtime: Slug = Field(description="Id of the entry in `runtimes` that ran it.")
    one_worker: Spread = Field(description="Seconds for the workload with one worker, from creating the pool to "
                                           "shutting it down (a whole program run for rayon).")
    all_workers: Spread = Field(description="The same with one worker per core.")
    startup: Spread = Field(description="Seconds to start one worker per core and get a trivial result back from "
                                        "each, before any real work; for rayon, the whole program on nothing to do.")
    memory_mib: float = Field(gt=0, description="Peak resident memory with one worker per core, in MiB: the "
                                                "process's own peak (VmHWM), plus, for processes, each worker's "
                                                "(shared pages count in each); for rayon, GNU time's maximum.")

    @property
    def speedup(self) -> float:
        return self.one_worker.median / self.all_workers.median


class ParallelRuns(Strict):
    example: Slug = Field(description="Id of the example whose work was shared out.")
    workload: Text = Field(description="What one run did.")
    workers: int = Field(ge=1, description="Workers in the all-workers runs: one per core.")
    ways: list[ParallelWay] = Field(min_length=1, description="Each way of running it, on each runtime it runs on.")


class Dependency(Strict):
    name: str = Field(description="Crate name.")
    version: str = Field(description="The version Cargo.lock pins.")


class RustPackage(Strict):
    package: str = Field(description="Cargo package name in examples/Cargo.toml's workspace.")
    example: Slug = Field(description="Id of the example it belongs to.")
    role: Literal["program", "ctypes-library", "pyo3-extension"] = Field(description="What it builds.")
    dependencies: list[Dependency] = Field(description="Its direct dependencies from crates.io.")
    crates: int = Field(ge=0, description="Crates from crates.io it builds with, its direct and indirect "
                                          "dependencies counted once each (build-time ones included).")
    build_seconds: Seconds = Field(description="A release build of this package alone into an empty target folder, "
                                               "with its crates already downloaded.")
    size_bytes: int = Field(gt=0, description="Size of the built program or library.")


class RustBuilds(Strict):
    cargo: Text = Field(description="`cargo --version` of the run.")
    command: Text = Field(description="How each package was built.")
    workspace_seconds: Seconds = Field(description="The first build of the whole workspace (every package and "
                                                   "crate), into an empty target folder, crates downloaded.")
    packages: list[RustPackage] = Field(min_length=1, description="One entry per workspace package.")


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
    parallel: ParallelRuns | None = Field(None, description="The parallel example as threads, processes, "
                                                            "subinterpreters and rayon.")
    rust_builds: RustBuilds | None = Field(None, description="What building each Rust package costs and brings in.")

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
            if not {timing.runtime for timing in result.extension} <= set(pythons):
                raise ValueError(f"extension of '{result.example}' may only time {', '.join(pythons)}")
        if self.crossing and not {c.runtime for c in self.crossing.interpreters} <= set(pythons):
            raise ValueError(f"crossing.interpreters may only cover {', '.join(pythons)}")
        if self.parallel and not {w.runtime for w in self.parallel.ways} <= set(ids):
            raise ValueError(f"parallel.ways may only name runtimes {', '.join(ids)}")
        return self

    @property
    def pythons(self) -> list[Runtime]:
        return [runtime for runtime in self.runtimes if runtime.kind != "rust"]
