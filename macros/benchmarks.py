"""The measurements from data/benchmarks.yml on the performance page: the chart and tables, and every figure
that the page's prose quotes, so that a new run cannot leave the text disagreeing with the chart."""

from __future__ import annotations

from dataclasses import dataclass

from content.benchmark_models import BenchmarkResult, BenchmarksFile, Timing

from .render import Site, _render, _templates


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


def _median(timings: list[Timing], runtime: str) -> float:
    return next(t.median for t in timings if t.runtime == runtime)


def figures(b: BenchmarksFile) -> dict[str, list[tuple[str, str | None]]]:
    """Every figure the prose may quote, by name: its values, each with the interpreter it was measured on."""
    fmt = _templates().filters
    names = {runtime.id: runtime.name for runtime in b.runtimes}
    rust = next(runtime.id for runtime in b.runtimes if runtime.kind == "rust")
    ratios = [t.median / _median(r.timings, rust) for r in b.results for t in r.timings if t.runtime != rust]
    builds = [runtime.build for runtime in b.pythons]
    found = {"oldest_python": [(b.pythons[0].name, None)], "newest_python": [(b.pythons[-1].name, None)],
             "pythons": [(runtime.name, None) for runtime in b.pythons],
             "rust": [(names[rust], None)],
             "python_builds": [(f"{'some' if any(b.free_threaded for b in builds) else 'none'} free-threaded", None),
                               (f"{'some' if any(b.jit_available for b in builds) else 'none'} with the JIT built in",
                                None)],
             "python_vs_rust_range": [(fmt["times"](min(ratios)), None), (fmt["times"](max(ratios)), None)]}
    if hot := next((r for r in b.results if r.hot_path), None):
        found["hot_path_gains"] = [(fmt["times"](_median(hot.timings, t.runtime) / t.median), names[t.runtime])
                                   for t in hot.hot_path]
        found["hot_path_vs_rust"] = [(fmt["times"](t.median / _median(hot.timings, rust)), names[t.runtime])
                                     for t in hot.hot_path]
    if hot and hot.extension:
        found["pyo3_gains"] = [(fmt["times"](_median(hot.timings, t.runtime) / t.median), names[t.runtime])
                               for t in hot.extension]
        found["pyo3_vs_ctypes"] = [(fmt["times"](_median(hot.hot_path, t.runtime) / t.median), names[t.runtime])
                                   for t in hot.extension]
    for runtime in (r for r in b.pythons if r.build.jit_enabled):
        off = next(r.id for r in b.pythons if r.version == runtime.version and not r.build.jit_enabled)
        gains = [_median(r.timings, off) / _median(r.timings, runtime.id) for r in b.results]
        found.setdefault("jit_effects", []).append((f"{fmt['times'](min(gains))} to {fmt['times'](max(gains))}",
                                                    runtime.name))
    if b.crossing:
        entries = b.crossing.interpreters
        found["crossing_overheads"] = [(fmt["seconds"](e.overhead.median), names[e.runtime]) for e in entries]
        found["pyo3_overheads"] = [(fmt["seconds"](e.overhead_pyo3.median), names[e.runtime]) for e in entries]
        found["python_empty_calls"] = [(fmt["seconds"](e.ladder[0].python.median), names[e.runtime])
                                       for e in entries]
        found["break_evens"] = [(fmt["characters"](e.break_even), names[e.runtime]) for e in entries]
        found["break_evens_pyo3"] = [(fmt["characters"](e.break_even_pyo3), names[e.runtime]) for e in entries]
    if b.parallel:
        found["cores"] = [(f"{b.parallel.workers} {'core' if b.parallel.workers == 1 else 'cores'}", None)]
        found["parallel_summary"] = [(parallel_summary(b, fmt), None)]
        for way in ("threads", "processes", "subinterpreters", "rayon"):
            ways = [w for w in b.parallel.ways if w.way == way]
            if ways:
                found[f"speedup_{way}"] = [(fmt["times"](w.speedup), names[w.runtime]) for w in ways]
                found[f"startup_{way}"] = [(fmt["seconds"](w.startup.median), names[w.runtime]) for w in ways]
                found[f"memory_{way}"] = [(f"{w.memory_mib:.0f} MiB", names[w.runtime]) for w in ways]
    if b.rust_builds:
        found["workspace_build"] = [(fmt["seconds"](b.rust_builds.workspace_seconds), None)]
    return found


def parallel_summary(b: BenchmarksFile, fmt: dict) -> str:
    """One line for an answer elsewhere: each way's speed-up on the newest interpreter without the JIT that ran
    it, then rayon's, with the core count: 'threads ..., processes ... and subinterpreters ... on CPython 3.15.2
    (Debian), and rayon ..., on 2 cores'."""
    names = {runtime.id: runtime for runtime in b.runtimes}
    order = [runtime.id for runtime in b.runtimes]  # oldest first
    newest = max((w.runtime for w in b.parallel.ways if w.way != "rayon"), key=order.index)
    python = [w for w in b.parallel.ways if w.runtime == newest]
    rayon = next(w for w in b.parallel.ways if w.way == "rayon")
    ways = [f"{w.way} {fmt['times'](w.speedup)}" for w in python]
    listed = ", ".join(ways[:-1]) + f" and {ways[-1]}" if len(ways) > 1 else ways[0]
    return (f"{listed} on {names[newest].name}, and rayon {fmt['times'](rayon.speedup)}, on {b.parallel.workers} "
            f"{'core' if b.parallel.workers == 1 else 'cores'}")


def measured(site: Site, figure: str) -> str:
    """One figure for the prose, e.g. `{{ measured('break_evens') }}`, from data/benchmarks.yml."""
    known = figures(site.data.benchmarks)
    if figure not in known:
        raise KeyError(f"measured: no figure '{figure}' in data/benchmarks.yml; known: {', '.join(known)}")
    return _render("measured.md.j2", items=known[figure]).strip()


MACROS = [benchmark_results, hot_path_results, parallel_results, measured]
