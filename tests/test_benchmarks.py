"""The committed measurements cover the benchmarked examples; the performance page draws them faithfully."""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import MATURIN, ROOT, run, soup

from content import measured
from content.benchmark_models import BenchmarksFile, Rung, break_even
from macros import benchmarks, render
from tools import bench_languages, fetch_interpreters, interpreters

FORMAT = render._templates().filters
SPAN = 370  # the width of the longest bar, set in benchmark_chart.html.j2


@pytest.fixture(scope="module")
def html(site) -> BeautifulSoup:
    return soup(site, "performance")


def test_committed_results_cover_every_benchmarked_example(data):
    timed = {e.id: e.benchmark.workload for e in data.examples.root if e.benchmark}
    assert {r.example: r.workload for r in data.benchmarks.results} == timed, "rerun `make bench-languages`"
    assert len(timed) >= 5
    assert {r.kind for r in data.benchmarks.runtimes} >= {"python", "rust"}
    assert data.benchmarks.timed_runs >= 3
    hot_paths = {e.id for e in data.examples.root if e.benchmark and e.hot_path}
    assert hot_paths and {r.example for r in data.benchmarks.results if r.hot_path} == hot_paths
    assert data.benchmarks.crossing.example in hot_paths


def expected_bars(data, result) -> list[tuple[str, str, float]]:
    """(label, runtime id, median) in chart order: each Python alone, each Python calling Rust, Rust."""
    names = {r.id: r.name for r in data.benchmarks.runtimes}
    alone = [(names[t.runtime], t.runtime, t) for t in result.timings]
    return ([bar for bar in alone if bar[1] != "rust"] + [(f"{names[t.runtime]} + Rust", t.runtime, t)
                                                           for t in result.hot_path]
            + [bar for bar in alone if bar[1] == "rust"])


def test_chart_is_an_accessible_svg_with_a_bar_per_measurement(html, data):
    svg = html.select_one("article figure.bench-chart svg")
    assert svg["role"] == "img"
    assert svg.find("title").get_text() and svg.find("desc").get_text()
    assert set(svg["aria-labelledby"].split()) == {svg.find("title")["id"], svg.find("desc")["id"]}
    groups = svg.select("g.bench-group")
    assert [g["data-example"] for g in groups] == [r.example for r in data.benchmarks.results]
    for group, result in zip(groups, data.benchmarks.results, strict=True):
        top = max(t.max for t in [*result.timings, *result.hot_path])
        bars = group.select("rect.bar")
        labels = [text.get_text() for text in group.select("text")]
        expected = expected_bars(data, result)
        assert [(bar["data-runtime"], bar.has_attr("data-hot-path")) for bar in bars] == [
            (runtime, label.endswith("+ Rust")) for label, runtime, _ in expected]
        for bar, (label, _, timing) in zip(bars, expected, strict=True):
            assert float(bar["width"]) == pytest.approx(max(timing.median / top * SPAN, 1), abs=0.051)
            assert label in labels and FORMAT["seconds"](timing.median) in labels
            assert f"{label} {FORMAT['seconds'](timing.median)}" in svg.find("desc").get_text()


def test_python_bars_run_from_the_oldest_interpreter_to_the_newest(data):
    versions = [tuple(map(int, r.name.split()[1].split("."))) for r in data.benchmarks.pythons]
    assert versions == sorted(versions)


def test_chart_colours_follow_the_light_and_dark_schemes(context_for, server):
    colours = {}
    for scheme in ("light", "dark"):
        page = context_for(scheme=scheme)
        page.goto(server + "/performance/#measured")
        colours[scheme] = page.evaluate("""() => {
            const fill = selector => getComputedStyle(document.querySelector(selector)).fill;
            return {python: fill('.bench-chart .bar-python'), rust: fill('.bench-chart .bar-rust'),
                    hot: fill('.bench-chart .bar-hot-path'), text: fill('.bench-chart text'),
                    body: getComputedStyle(document.querySelector('.md-typeset')).color};
        }""")
    for scheme, c in colours.items():
        assert c["text"] == c["body"], f"{scheme}: chart text is not the page's text colour"
        assert len({c["python"], c["rust"], c["hot"], c["text"]}) == 4, f"{scheme}: bars are not told apart by colour"
    assert colours["light"]["python"] != colours["dark"]["python"]
    assert colours["light"]["hot"] != colours["dark"]["hot"]
    assert colours["light"]["text"] != colours["dark"]["text"]


def test_table_shows_each_median_and_the_ratio_to_rust(html, data):
    runtimes = data.benchmarks.runtimes
    table = html.select_one("article figure.bench-chart").find_next("table")
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    others = [r for r in runtimes if r.kind != "rust"]
    assert header == ["Task", "Workload", *(r.name for r in runtimes), *(f"{r.name} ÷ Rust" for r in others)]
    rows = table.select("tbody tr")
    assert len(rows) == len(data.benchmarks.results)
    for row, result in zip(rows, data.benchmarks.results, strict=True):
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert row.select_one("td a")["href"] == f"../examples/{result.example}/"
        assert cells[1] == result.workload
        medians = {t.runtime: t for t in result.timings}
        rust = next(t.median for t in result.timings if t.runtime == "rust")
        for cell, runtime in zip(cells[2:2 + len(runtimes)], runtimes, strict=True):
            t = medians[runtime.id]
            assert cell == f"{FORMAT['seconds'](t.median)} ({FORMAT['seconds'](t.min)}–{FORMAT['seconds'](t.max)})"
        assert cells[2 + len(runtimes):] == [FORMAT["times"](medians[r.id].median / rust) for r in others]


def page_text(html) -> str:
    return " ".join(html.select_one("article").get_text(" ").split())


def test_page_names_the_machine_its_load_and_each_interpreter_build(html, data):
    b = data.benchmarks
    text = page_text(html)
    assert b.machine.cpu in text and str(b.date) in text
    assert f"{', '.join(map(str, b.load.before))} at the start, {', '.join(map(str, b.load.after))} at the end" in text
    free = [r for r in b.runtimes if r.kind == "python-free-threaded"]
    assert ("It found no free-threaded build" in text) == (not free)
    for runtime in b.pythons:
        jit = ("on" if runtime.build.jit_enabled else "built in but off") if runtime.build.jit_available else "not built in"
        build = "free-threaded" if runtime.build.free_threaded else "default build (with the GIL)"
        line = f"{runtime.name}: {runtime.command} , version {runtime.version} ; {build}, JIT {jit}; built by"
        assert " ".join(line.split()) in text
        assert " ".join(runtime.build.config_args.split()) in text
    # What was measured comes first: the machine is named before the chart.
    article = html.select_one("article")
    machine = article.find(string=lambda s: s and b.machine.cpu in s)
    assert machine is not None and machine.find_next("figure", class_="bench-chart") is not None


def test_page_says_which_interpreters_compare_like_with_like(html, data):
    text = page_text(html)
    debian = [r.name for r in data.benchmarks.pythons if r.build.origin == "debian"]
    others = [r.name for r in data.benchmarks.pythons if r.build.origin != "debian"]
    assert debian and f"Like with like: {', '.join(debian)} are Debian's packages" in text
    assert all(name in text.split("Like with like:")[1] for name in others)


def test_page_ends_with_what_was_not_measured(html):
    heading = html.find(id="not-measured")
    assert heading is not None and heading.name == "h2"
    items = " ".join(heading.find_next("ul").get_text(" ").split())
    assert "Free-threaded CPython" in items and "not measured here" in items


def test_a_forced_run_is_flagged_on_the_page(html, data):
    warning = html.select_one("article .admonition.warning")
    assert (warning is not None) == data.benchmarks.load.forced
    if warning:
        text = " ".join(warning.get_text(" ").split())
        assert f"was {data.benchmarks.load.before[0]} when this run started" in text and "--force" in text


def test_a_quiet_run_is_not_flagged(data):
    b = data.benchmarks
    quiet = b.model_copy(update={"load": b.load.model_copy(update={"forced": False, "before": [0.2, 0.3, 0.4]})})
    site = SimpleNamespace(data=SimpleNamespace(benchmarks=quiet, examples=data.examples))
    text = benchmarks.benchmark_results(site)
    assert "Measured on a busy machine" not in text and "0.2, 0.3, 0.4 at the start" in text


def test_hot_path_table_compares_the_three_versions_per_interpreter(html, data):
    b = data.benchmarks
    result = next(r for r in b.results if r.hot_path)
    table = html.find(id="hot-path").find_next("table")
    rows = [[td.get_text(strip=True) for td in row.select("td")] for row in table.select("tbody tr")]
    rust = next(t.median for t in result.timings if t.runtime == "rust")
    names = {r.id: r.name for r in b.runtimes}
    expected = []
    for t in result.hot_path:
        alone = next(a.median for a in result.timings if a.runtime == t.runtime)
        pyo3 = next(p.median for p in result.extension if p.runtime == t.runtime)
        expected.append([names[t.runtime], FORMAT["seconds"](alone), FORMAT["seconds"](t.median), FORMAT["seconds"](pyo3),
                         FORMAT["seconds"](rust), FORMAT["times"](alone / t.median), FORMAT["times"](alone / pyo3)])
    assert rows == expected


def test_crossing_tables_show_the_overhead_the_ladder_and_the_break_even(html, data):
    c = data.benchmarks.crossing
    names = {r.id: r.name for r in data.benchmarks.runtimes}
    summary, ladder = html.find(id="hot-path").find_next("table").find_all_next("table", limit=2)
    rows = [[td.get_text(strip=True) for td in row.select("td")] for row in summary.select("tbody tr")]
    assert rows == [[names[e.runtime], FORMAT["seconds"](e.ladder[0].python.median), FORMAT["seconds"](e.overhead.median),
                     FORMAT["seconds"](e.overhead_pyo3.median), FORMAT["characters"](e.break_even),
                     FORMAT["characters"](e.break_even_pyo3)] for e in c.interpreters]
    rows = ladder.select("tbody tr")
    assert [row.select_one("td").get_text() for row in rows] == [str(rung.size) for rung in c.interpreters[0].ladder]
    for i, row in enumerate(rows):
        cells = row.select("td")[1:]
        triples = zip(cells[::3], cells[1::3], cells[2::3], strict=True)
        for entry, (python, *bridges) in zip(c.interpreters, triples, strict=True):
            step = entry.ladder[i]
            assert python.get_text() == FORMAT["seconds"](step.python.median)
            for cell, timing in zip(bridges, (step.rust, step.pyo3), strict=True):
                assert cell.get_text() == FORMAT["seconds"](timing.median)
                assert (cell.find("strong") is not None) == (timing.median < step.python.median)


def test_parallel_table_shows_each_way_with_its_speedup(html, data):
    p = data.benchmarks.parallel
    assert {w.way for w in p.ways} == {"threads", "processes", "subinterpreters", "rayon"}
    assert p.workers == data.benchmarks.machine.cores
    names = {r.id: r.name for r in data.benchmarks.runtimes}
    table = html.find(id="parallel").find_next("table")
    rows = [[td.get_text(" ", strip=True) for td in row.select("td")] for row in table.select("tbody tr")]
    assert [(row[1], row[4]) for row in rows] == [(names[w.runtime], FORMAT["times"](w.speedup)) for w in p.ways]


def test_break_even_is_where_rust_wins_from_then_on():
    def timing(seconds):
        return {"calls": 1, "median": seconds, "min": seconds, "max": seconds, "runs": [seconds]}

    def rung(size, python, ctypes, pyo3=10):
        return Rung(size=size, python=timing(python), rust=timing(ctypes), pyo3=timing(pyo3))
    assert break_even([rung(0, 1, 2), rung(1, 2, 1), rung(2, 3, 4), rung(3, 5, 1), rung(4, 9, 1)]) == 3
    assert break_even([rung(0, 1, 2), rung(1, 2, 3)]) is None
    assert break_even([rung(0, 2, 1), rung(1, 3, 1)]) == 0
    assert break_even([rung(0, 1, 2, 0.5), rung(1, 2, 3, 1)], "pyo3") == 0


def test_a_figure_of_several_interpreters_is_quoted_as_its_lowest_and_highest():
    assert measured.quote(measured.spread([(0.93, "B"), (0.81, "A"), (0.88, "C")], measured.times)) == "0.8× on A to 0.9× on B"
    assert measured.quote(measured.spread([(0.81, "A"), (0.84, "B")], measured.times)) == "0.8× on every interpreter"
    assert measured.quote(measured.spread([(2.1, "Rust")], measured.mebibytes)) == "2 MiB on Rust"


def test_prose_quotes_the_figures_of_the_data(html, data):
    text = page_text(html)
    quoted = measured.figures(data.benchmarks)
    assert {"hot_path_gains", "hot_path_vs_rust", "crossing_overheads", "break_evens", "pyo3_overheads",
            "break_evens_pyo3", "pyo3_gains", "jit_effects", "cores", "speedup_threads", "speedup_processes",
            "speedup_subinterpreters", "speedup_rayon"} <= set(quoted)
    for items in quoted.values():
        for value, where in items:
            assert (f"{value} on {where}" if where else value) in text


# Pages about this guide's own measurements, where any figure must come from data/benchmarks.yml.
MEASURED_PAGES = ("docs/performance.md", "docs/examples.md", "data/examples.yml")
_FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?\s?(?:×|x\b|µs\b|us\b|ns\b|ms\b|s\b|seconds?\b|times (?:faster|slower|as))")
_NOT_PROSE = re.compile(r"\{\{.*?\}\}|```.*?```|`[^`\n]*`|\]\([^)]*\)", re.S)


def hard_coded_figures(text: str) -> list[str]:
    """Times and ratios typed into prose, outside macro calls, code and link targets."""
    return [match.group(0) for match in _FIGURE.finditer(_NOT_PROSE.sub("", text))]


def test_no_page_types_a_measured_time_or_ratio_by_hand(data):
    for path in MEASURED_PAGES:
        typed = hard_coded_figures((ROOT / path).read_text())
        assert typed == [], f"{path} types {typed} by hand: render each with measured()"
    figures = {value for items in measured.figures(data.benchmarks).values() for value, _ in items
               if any(unit in value for unit in ("×", " s", "ms", "µs"))}
    for path in [*ROOT.glob("docs/*.md"), *(p for p in ROOT.glob("data/*.yml") if p.name != "benchmarks.yml")]:
        text = path.read_text()
        # A whole figure, not the tail of another number: "1 µs" is not in "179.81 µs".
        typed = [f for f in figures if re.search(rf"(?<![\d.]){re.escape(f)}", text)]
        assert not typed, f"{path.name} types a figure of data/benchmarks.yml: {typed}"


@pytest.mark.parametrize("answer", ["gil-free-threading", "free-threaded-ecosystem"])
def test_answers_quote_the_parallel_speedups_with_the_core_count(site, data, answer):
    text = " ".join(soup(site, f"faq/{answer}").select_one("article").get_text(" ").split())
    summary = measured.quote(measured.figures(data.benchmarks)["parallel_summary"])
    assert summary in text and f"on {data.benchmarks.parallel.workers} cores" in summary
    assert "Free-threaded builds were not measured here" in text or "A free-threaded build was not measured here" in text


def test_hard_coded_figures_are_recognised():
    assert hard_coded_figures("Rust ran 6.2× faster, in 1.51 µs or 3.90 s; 12 ms; 40x; 3 times faster") == [
        "6.2×", "1.51 µs", "3.90 s", "12 ms", "40x", "3 times faster"]
    assert hard_coded_figures("{{ measured('break_evens') }}, `sleep 5s`, [x](https://e.org/10s), Rust 1.85, 55%") == []


def test_an_unknown_figure_is_named_with_the_known_ones(data):
    site = SimpleNamespace(data=data)
    with pytest.raises(KeyError, match=r"measured: no figure 'speedup' in data/benchmarks.yml; known: measured_on, oldest_python, "):
        benchmarks.measured(site, "speedup")


def test_ratio_format():
    assert FORMAT["times"](43.6) == "44×" and FORMAT["times"](5.24) == "5.2×"
    assert FORMAT["seconds"](1.234) == "1.23 s" and FORMAT["seconds"](0.02764) == "27.6 ms"
    assert FORMAT["seconds"](0.9996) == "1.00 s" and FORMAT["seconds"](0.9994) == "999 ms"  # never "1e+03 ms"


@pytest.mark.build  # compiles and runs the examples
def test_bench_languages_writes_a_valid_file(tmp_path):
    """A short real run: one task, one timed run. The full run is `make bench-languages`. Forced, since the
    machine running the tests is rarely quiet."""
    output = tmp_path / "benchmarks.yml"
    result = run(sys.executable, "-m", "tools.bench_languages", "--only", "iterators", "--runs", "1",
                 "--warmup", "0", "--force", "--output", str(output))
    assert result.returncode == 0, result.stderr
    written = BenchmarksFile.model_validate(yaml.safe_load(output.read_text()))
    assert [r.example for r in written.results] == ["iterators"]
    assert all(len(t.runs) == 1 for t in written.results[0].timings)
    assert output.read_text().splitlines()[1].startswith("# Written by `make bench-languages`")
    assert written.crossing is None and written.load.limit == (os.cpu_count() or 1) / 2
    assert sys.version.split()[0] in [r.name.split()[1] for r in written.pythons] or len(written.pythons) > 1


@pytest.mark.build  # compiles and runs the examples
@MATURIN
def test_bench_languages_times_the_hot_path_and_the_crossing(tmp_path):
    output = tmp_path / "benchmarks.yml"
    result = run(sys.executable, "-m", "tools.bench_languages", "--only", "rust-hot-path", "--runs", "1",
                 "--warmup", "0", "--samples", "1", "--sizes", "0,48", "--force", "--output", str(output))
    assert result.returncode == 0, result.stderr
    written = BenchmarksFile.model_validate(yaml.safe_load(output.read_text()))
    [hot] = written.results
    assert [t.runtime for t in hot.hot_path] == [r.id for r in written.pythons]
    assert [[rung.size for rung in entry.ladder] for entry in written.crossing.interpreters] == [
        [0, 48]] * len([r for r in written.pythons if not r.build.free_threaded])
    # 48-letter words take the Python function thousands of steps: Rust must win there on any machine.
    assert all(entry.ladder[-1].rust.median < entry.ladder[-1].python.median and
               entry.ladder[-1].pyo3.median < entry.ladder[-1].python.median for entry in written.crossing.interpreters)
    assert [t.runtime for t in hot.extension] == [r.id for r in written.pythons if not r.build.free_threaded]


def test_bench_languages_refuses_a_busy_machine(monkeypatch, tmp_path, capsys):
    output = tmp_path / "benchmarks.yml"
    cores = os.cpu_count() or 1
    monkeypatch.setattr(os, "getloadavg", lambda: (cores * 2.0, 1.0, 1.0))
    message = bench_languages.main(["--only", "iterators", "--output", str(output)])
    assert message == (f"Not timing: the one-minute load average is {cores * 2.0} on {cores} cores, above the limit "
                       f"of {cores / 2} (half the cores): other work would distort the figures. Wait for a quiet "
                       "machine, or pass --force (BENCH_ARGS=--force) to write them anyway, marked as forced on the page.")
    assert not output.exists()


@pytest.mark.build  # compiles and runs the examples
def test_bench_languages_does_not_write_if_the_machine_got_busy_during_the_run(monkeypatch, tmp_path):
    output = tmp_path / "benchmarks.yml"
    loads = itertools.chain([(0.0, 0.0, 0.0)], itertools.repeat((9.0, 1.0, 1.0)))
    monkeypatch.setattr(os, "getloadavg", lambda: next(loads))
    monkeypatch.setattr(bench_languages.time, "sleep", lambda seconds: None)
    message = bench_languages.main(["--only", "iterators", "--runs", "1", "--warmup", "0", "--output", str(output)])
    assert message.startswith(f"Not writing {os.path.relpath(output)}: the one-minute load average is 9.0")
    assert not output.exists()


def test_the_end_of_run_check_waits_for_the_runs_own_load_to_leave_the_average(monkeypatch):
    loads = iter([(1.9, 1.0, 1.0), (1.4, 1.0, 1.0), (0.8, 1.0, 1.0), (0.5, 1.0, 1.0)])
    monkeypatch.setattr(os, "getloadavg", lambda: next(loads))
    waits = []
    monkeypatch.setattr(bench_languages.time, "sleep", waits.append)
    assert bench_languages.settled_load(limit=1.0) == [0.8, 1.0, 1.0]
    assert len(waits) == 2


def test_interpreters_are_found_on_path_under_pyenv_and_from_debian_one_per_version_and_build(monkeypatch, tmp_path):
    def fake(path: Path, version: str, free_threaded: bool = False, implementation: str = "cpython",
             jit: bool = False) -> None:
        """A script that answers the probe like the interpreter would; with `jit`, the JIT is built in and on
        when PYTHON_JIT=1."""
        path.parent.mkdir(parents=True, exist_ok=True)
        facts = {"executable": str(path), "implementation": implementation,
                 "version": list(map(int, version.split("."))), "full_version": version,
                 "free_threaded": free_threaded, "gil_enabled": not free_threaded, "jit_available": jit,
                 "jit_enabled": False, "machine": "x86_64", "config_args": "'--enable-shared'", "pgo": False,
                 "lto": False}
        on = json.dumps({**facts, "jit_enabled": True})
        path.write_text(f"#!/bin/sh\nif [ \"$PYTHON_JIT\" = 1 ] && {str(jit).lower()}; then echo '{on}'; "
                        f"else echo '{json.dumps(facts)}'; fi\n")
        path.chmod(0o755)

    bin_dir, pyenv, debian = tmp_path / "bin", tmp_path / ".pyenv" / "versions", tmp_path / "debian"
    fake(bin_dir / "python3.12", "3.12.1")
    fake(bin_dir / "python3.14t", "3.14.2", free_threaded=True)
    fake(pyenv / "3.12.9" / "bin" / "python3", "3.12.9")
    fake(pyenv / "3.14.2" / "bin" / "python3", "3.14.2")
    fake(pyenv / "3.10.4" / "bin" / "python3", "3.10.4")
    fake(pyenv / "pypy3.11" / "bin" / "python3", "3.11.13", implementation="pypy")
    fake(debian / "run-python3.14", "3.14.1", jit=True)
    fake(debian / "run-python3.14-config", "3.14.1")
    (bin_dir / "python3.13").write_text("#!/bin/sh\nexit 127\n")
    (bin_dir / "python3.13").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(interpreters, "DEBIAN", (str(debian / "run-python3.[0-9]*"),))
    found, notes = interpreters.find([])
    # Debian's 3.14.1 beats pyenv's newer 3.14.2: one packaging for the like-with-like comparison. Its JIT is
    # built in, so it runs twice.
    assert [i.name for i in found] == ["CPython 3.12.9 (pyenv)", "CPython 3.14.1 (Debian)",
                                       "CPython 3.14.1 (Debian) with JIT", "CPython 3.14.2 free-threaded"]
    assert [dict(i.env) for i in found] == [{}, {}, {"PYTHON_JIT": "1"}, {}]
    assert sorted(notes) == sorted([
        f"{bin_dir}/python3.12: CPython 3.12.1 left out for CPython 3.12.9 (pyenv)",
        f"{pyenv}/3.14.2/bin/python3: CPython 3.14.2 (pyenv) left out for CPython 3.14.1 (Debian)",
        f"{bin_dir}/python3.13: does not run, or is not CPython",
        f"{pyenv}/3.10.4/bin/python3: CPython 3.10.4 (pyenv) is older than 3.11",
        f"{pyenv}/pypy3.11/bin/python3: does not run, or is not CPython"])


def test_make_interpreters_asks_the_machines_own_mirror_for_unstable(tmp_path, monkeypatch):
    """The private sources list keeps each archive and key of the machine's main release, not its security or
    updates suites, with the suite set to unstable; nothing names a host."""
    sources = tmp_path / "sources.list.d"
    sources.mkdir()
    (sources / "debian.sources").write_text(
        "Types: deb\nURIs: http://mirror.invalid/debian\nSuites: bookworm bookworm-updates\nComponents: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
        "Types: deb\nURIs: http://security.invalid/debian-security\nSuites: bookworm-security\nComponents: main\n")
    one_line = tmp_path / "sources.list"
    one_line.write_text("deb [signed-by=/k.gpg] http://other.invalid/debian bookworm main\n"
                        "deb http://other.invalid/debian bookworm-updates main\n")
    monkeypatch.setattr(fetch_interpreters.platform, "freedesktop_os_release", lambda: {"VERSION_CODENAME": "bookworm"})
    archives = fetch_interpreters.mirrors(sources, one_line)
    assert archives == [("http://mirror.invalid/debian", "/usr/share/keyrings/debian-archive-keyring.gpg"),
                        ("http://other.invalid/debian", "/k.gpg")]
    assert fetch_interpreters.unstable_sources(archives).split("\n\n")[0] == (
        "Types: deb\nURIs: http://mirror.invalid/debian\nSuites: unstable\nComponents: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg")
    source = (ROOT / "tools" / "fetch_interpreters.py").read_text()
    assert not re.search(r"https?://", source), "the fetcher must not name a host"


def test_a_parallel_way_must_name_a_timed_runtime(data):
    b = data.benchmarks.model_dump()
    b["parallel"]["ways"][0]["runtime"] = "cpython-9-9"
    with pytest.raises(ValueError, match=r"parallel\.ways may only name runtimes"):
        BenchmarksFile.model_validate(b)
