"""The figures that prose quotes from data/benchmarks.yml, by name, so that a new run cannot leave a sentence
disagreeing with the chart. A page under docs/ writes `{{ measured('<name>') }}` (macros/benchmarks.py); data
text writes `[[measured:<name>]]`, which the loader fills in like a fact. Each figure is a list of values, each
with the interpreter it was measured on if it has one, quoted as "<a> on CPython 3.11, <b> on … and <c> on …".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import ValidationError

from .benchmark_models import BenchmarksFile, Timing

MEASURED = re.compile(r"\[\[measured:([^\]\s]*)\]\]")
Figure = list[tuple[str, str | None]]


def seconds(s: float) -> str:
    """Three significant digits in the largest unit that keeps a digit before the point: never "1e+03 ms"."""
    if s >= 0.9995:
        return f"{s:.2f} s"
    if s >= 0.0009995:
        return f"{s * 1e3:.3g} ms"
    return f"{s * 1e6:.3g} µs"


def times(ratio: float) -> str:
    return f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.1f}×"


def characters(n: int | None) -> str:
    return "never" if n is None else f"{n} {'character' if n == 1 else 'characters'}"


def mebibytes(m: float) -> str:
    return f"{m:.0f} MiB"


def spread(values: list[tuple[float, str]], show: Callable[[float], str]) -> Figure:
    """A figure measured on several interpreters as prose quotes it when a table beside it gives each one: the
    lowest and the highest, each on its interpreter ("14 MiB on CPython 3.11.2 to 22 MiB on CPython 3.14.10")."""
    (low, low_on), (high, high_on) = min(values), max(values)
    if len(values) == 1:
        return [(show(low), low_on)]
    if show(low) == show(high):
        return [(show(low), "every interpreter")]
    return [(f"{show(low)} on {low_on} to {show(high)} on {high_on}", None)]


def quote(figure: Figure) -> str:
    """A figure as a sentence quotes it: values joined by commas and a final "and", each "on" its interpreter."""
    items = [f"{value} on {where}" if where else value for value, where in figure]
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def _median(timings: list[Timing], runtime: str) -> float:
    return next(t.median for t in timings if t.runtime == runtime)


def figures(b: BenchmarksFile) -> dict[str, Figure]:
    """Every figure the prose may quote, by name."""
    names = {runtime.id: runtime.name for runtime in b.runtimes}
    rust = next(runtime.id for runtime in b.runtimes if runtime.kind == "rust")
    ratios = [t.median / _median(r.timings, rust) for r in b.results for t in r.timings if t.runtime != rust]
    builds = [runtime.build for runtime in b.pythons]
    found = {"measured_on": [(f"{b.date:%-d %B %Y}", None)],
             "oldest_python": [(b.pythons[0].name, None)], "newest_python": [(b.pythons[-1].name, None)],
             "pythons": [(runtime.name, None) for runtime in b.pythons],
             "rust": [(names[rust], None)],
             "python_builds": [(f"{'some' if any(b.free_threaded for b in builds) else 'none'} free-threaded", None),
                               (f"{'some' if any(b.jit_available for b in builds) else 'none'} with the JIT built in",
                                None)],
             "python_vs_rust_range": [(times(min(ratios)), None), (times(max(ratios)), None)]}
    if hot := next((r for r in b.results if r.hot_path), None):
        found["hot_path_gains"] = [(times(_median(hot.timings, t.runtime) / t.median), names[t.runtime])
                                   for t in hot.hot_path]
        found["hot_path_vs_rust"] = [(times(t.median / _median(hot.timings, rust)), names[t.runtime])
                                     for t in hot.hot_path]
    if hot and hot.extension:
        found["pyo3_gains"] = [(times(_median(hot.timings, t.runtime) / t.median), names[t.runtime])
                               for t in hot.extension]
        found["pyo3_vs_ctypes"] = [(times(_median(hot.hot_path, t.runtime) / t.median), names[t.runtime])
                                   for t in hot.extension]
    for runtime in (r for r in b.pythons if r.build.jit_enabled):
        off = next(r.id for r in b.pythons if r.version == runtime.version and not r.build.jit_enabled)
        gains = [_median(r.timings, off) / _median(r.timings, runtime.id) for r in b.results]
        found.setdefault("jit_effects", []).append((f"{times(min(gains))} to {times(max(gains))}", runtime.name))
    if b.crossing:
        entries = b.crossing.interpreters
        found["crossing_overheads"] = [(seconds(e.overhead.median), names[e.runtime]) for e in entries]
        found["pyo3_overheads"] = [(seconds(e.overhead_pyo3.median), names[e.runtime]) for e in entries]
        found["python_empty_calls"] = [(seconds(e.ladder[0].python.median), names[e.runtime]) for e in entries]
        found["break_evens"] = [(characters(e.break_even), names[e.runtime]) for e in entries]
        found["break_evens_pyo3"] = [(characters(e.break_even_pyo3), names[e.runtime]) for e in entries]
    if b.parallel:
        found["cores"] = [(f"{b.parallel.workers} {'core' if b.parallel.workers == 1 else 'cores'}", None)]
        found["parallel_summary"] = [(parallel_summary(b), None)]
        for way in ("threads", "processes", "subinterpreters", "rayon"):
            if ways := [w for w in b.parallel.ways if w.way == way]:
                found[f"speedup_{way}"] = spread([(w.speedup, names[w.runtime]) for w in ways], times)
                found[f"startup_{way}"] = spread([(w.startup.median, names[w.runtime]) for w in ways], seconds)
                found[f"memory_{way}"] = spread([(w.memory_mib, names[w.runtime]) for w in ways], mebibytes)
    if b.rust_builds:
        found["workspace_build"] = [(seconds(b.rust_builds.workspace_seconds), None)]
    return found


def parallel_summary(b: BenchmarksFile) -> str:
    """Each way's speed-up on the newest interpreter without the JIT that ran it, then rayon's, with the core
    count: 'threads ..., processes ... and subinterpreters ... on CPython 3.15.2 (Debian), and rayon ..., on 2
    cores'."""
    names = {runtime.id: runtime for runtime in b.runtimes}
    order = [runtime.id for runtime in b.runtimes]  # oldest first
    newest = max((w.runtime for w in b.parallel.ways if w.way != "rayon"), key=order.index)
    ways = [(f"{w.way} {times(w.speedup)}", None) for w in b.parallel.ways if w.runtime == newest]
    rayon = next(w for w in b.parallel.ways if w.way == "rayon")
    return (f"{quote(ways)} on {names[newest].name}, and rayon {times(rayon.speedup)}, on {b.parallel.workers} "
            f"{'core' if b.parallel.workers == 1 else 'cores'}")


def quoted(benchmarks: object) -> dict[str, str]:
    """Each figure as data text reads it once `[[measured:<name>]]` is filled in, from data/benchmarks.yml as
    parsed; none while the file is invalid (its own problems are reported where it is validated)."""
    try:
        b = BenchmarksFile.model_validate(benchmarks)
    except ValidationError:
        return {}
    return {name: quote(figure) for name, figure in figures(b).items()}
