"""The measurements from data/benchmarks.yml on the performance page: the chart and tables, and every figure
that the page's prose quotes, so that a new run cannot leave the text disagreeing with the chart."""

from __future__ import annotations

from dataclasses import dataclass

from content.benchmark_models import BenchmarkResult, BenchmarksFile, Timing
from content.measured import figures, quote

from .render import Site, _render


@dataclass(frozen=True)
class Bar:
    label: str
    kind: str  # the bar's colour: python, python-free-threaded, hot-path or rust
    runtime: str
    timing: Timing


def bars(b: BenchmarksFile, result: BenchmarkResult) -> list[Bar]:
    """One task's bars: each Python alone, oldest first, then each Python calling Rust, then Rust alone."""
    runtimes = {runtime.id: runtime for runtime in b.runtimes}
    alone = [Bar(runtimes[t.runtime].name, runtimes[t.runtime].kind, t.runtime, t) for t in result.timings]
    hot_path = [Bar(f"{runtimes[t.runtime].name} + Rust", "hot-path", t.runtime, t) for t in result.hot_path]
    return [*(bar for bar in alone if bar.kind != "rust"), *hot_path, *(bar for bar in alone if bar.kind == "rust")]


def _context(site: Site) -> dict:
    b = site.data.benchmarks
    return {"b": b, "titles": {example.id: example.title for example in site.data.examples.root},
            "groups": like_with_like(b),
            "bars": {result.example: bars(b, result) for result in b.results},
            "rust": next(runtime for runtime in b.runtimes if runtime.kind == "rust")}


def benchmark_results(site: Site) -> str:
    """The chart of whole-program times, the table beside it, and how and where they were measured."""
    return _render("benchmarks.md.j2", **_context(site))


def hot_path_results(site: Site) -> str:
    """The example with a Rust hot path: its versions per interpreter, and the cost of one call."""
    return _render("hot_path.md.j2", **_context(site))


def parallel_results(site: Site) -> str:
    """The parallel example as threads, processes, subinterpreters and rayon: speed-up, start-up, memory."""
    return _render("parallel.md.j2", **_context(site))


def like_with_like(b: BenchmarksFile) -> dict[str, list[str]]:
    """The Python runtimes grouped by who built them, for the page to say which comparisons are like with like."""
    groups: dict[str, list[str]] = {}
    for runtime in b.pythons:
        groups.setdefault(runtime.build.origin, []).append(runtime.name)
    return groups


def measured(site: Site, figure: str) -> str:
    """One figure for the prose, e.g. `{{ measured('break_evens') }}`, from data/benchmarks.yml."""
    known = figures(site.data.benchmarks)
    if figure not in known:
        raise KeyError(f"measured: no figure '{figure}' in data/benchmarks.yml; known: {', '.join(known)}")
    return quote(known[figure])


MACROS = [benchmark_results, hot_path_results, parallel_results, measured]
