"""The committed measurements cover the benchmarked examples; the performance page draws them faithfully."""

from __future__ import annotations

import shutil
import sys

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, run, soup

from macros import loader, render
from macros.models import BenchmarksFile
from tools import bench_languages

FORMAT = render._templates().filters
SPAN = 370  # the width of the longest bar, set in benchmark_chart.html.j2


@pytest.fixture(scope="module")
def data():
    return loader.load(ROOT / "data")


@pytest.fixture(scope="module")
def html(site) -> BeautifulSoup:
    return soup(site, "performance")


def test_committed_results_cover_every_benchmarked_example(data):
    timed = {e.id: e.benchmark.workload for e in data.examples.root if e.benchmark}
    assert {r.example: r.workload for r in data.benchmarks.results} == timed, "rerun `make bench-languages`"
    assert len(timed) >= 4
    assert {r.kind for r in data.benchmarks.runtimes} >= {"python", "rust"}
    assert data.benchmarks.timed_runs >= 3


def test_chart_is_an_accessible_svg_with_a_bar_per_measurement(html, data):
    svg = html.select_one("article figure.bench-chart svg")
    assert svg["role"] == "img"
    assert svg.find("title").get_text() and svg.find("desc").get_text()
    assert set(svg["aria-labelledby"].split()) == {svg.find("title")["id"], svg.find("desc")["id"]}
    names = {r.id: r.name for r in data.benchmarks.runtimes}
    groups = svg.select("g.bench-group")
    assert [g["data-example"] for g in groups] == [r.example for r in data.benchmarks.results]
    for group, result in zip(groups, data.benchmarks.results, strict=True):
        top = max(t.max for t in result.timings)
        bars = group.select("rect.bar")
        labels = [text.get_text() for text in group.select("text")]
        assert [bar["data-runtime"] for bar in bars] == [t.runtime for t in result.timings]
        for bar, timing in zip(bars, result.timings, strict=True):
            assert float(bar["width"]) == pytest.approx(max(timing.median / top * SPAN, 1), abs=0.051)
            assert names[timing.runtime] in labels and FORMAT["seconds"](timing.median) in labels
            assert f"{names[timing.runtime]} {FORMAT['seconds'](timing.median)}" in svg.find("desc").get_text()


def test_chart_colours_follow_the_light_and_dark_schemes(browser, server):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(server + "/performance/#measured")
        colours[scheme] = page.evaluate("""() => {
            const fill = selector => getComputedStyle(document.querySelector(selector)).fill;
            return {python: fill('.bench-chart .bar-python'), rust: fill('.bench-chart .bar-rust'),
                    text: fill('.bench-chart text'), body: getComputedStyle(document.querySelector('.md-typeset')).color};
        }""")
        context.close()
    for scheme, c in colours.items():
        assert c["text"] == c["body"], f"{scheme}: chart text is not the page's text colour"
        assert len({c["python"], c["rust"], c["text"]}) == 3, f"{scheme}: bars are not told apart by colour"
    assert colours["light"]["python"] != colours["dark"]["python"]
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


def test_page_names_the_machine_and_says_whether_free_threading_was_measured(html, data):
    text = " ".join(html.select_one("article").get_text(" ").split())
    assert data.benchmarks.machine.cpu in text and str(data.benchmarks.date) in text
    free = [r for r in data.benchmarks.runtimes if r.kind == "python-free-threaded"]
    assert ("No free-threaded CPython was installed" in text) == (not free)


def test_ratio_format():
    assert FORMAT["times"](43.6) == "44×" and FORMAT["times"](5.24) == "5.2×"
    assert FORMAT["seconds"](1.234) == "1.23 s" and FORMAT["seconds"](0.02764) == "27.6 ms"
    assert FORMAT["seconds"](0.9996) == "1.00 s" and FORMAT["seconds"](0.9994) == "999 ms"  # never "1e+03 ms"


def test_bench_languages_writes_a_valid_file(tmp_path):
    """A short real run: one task, one timed run. The full run is `make bench-languages`."""
    output = tmp_path / "benchmarks.yml"
    result = run(sys.executable, "-m", "tools.bench_languages", "--only", "iterators", "--runs", "1",
                 "--warmup", "0", "--output", str(output))
    assert result.returncode == 0, result.stderr
    written = BenchmarksFile.model_validate(yaml.safe_load(output.read_text()))
    assert [r.example for r in written.results] == ["iterators"]
    assert all(len(t.runs) == 1 for t in written.results[0].timings)
    assert output.read_text().splitlines()[1].startswith("# Written by `make bench-languages`")
    if not any(shutil.which(name) for name in bench_languages.FREE_THREADED):
        assert "No free-threaded CPython on PATH (looked for python3.14t and python3.15t)" in result.stdout
