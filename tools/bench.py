"""`make bench`: how fast search answers in a real browser, and what the data layer costs at scale.

1. Search: the built site served with gzip on loopback, in headless Chromium. First, the time from the start
   of a page load until search is ready: the search index fetched and the worker set up. Then, for each
   query, the time from the input event to the rendered result list (median and worst of several rounds).
2. Scale: synthetic FAQ entries and comparison criteria (100, 1,000 and 5,000 of each) added to a copy of the
   project; each copy is built, and so is a plain-Markdown site holding the same rendered text without the
   macros plugin and hooks. The two are built in BENCH_REPEAT pairs (default 3), one right after the other,
   after compiling the Python modules so that neither side pays for bytecode. Prints the best build time of
   each, peak memory and search-index size, and the ratio: the median over the pairs of each pair's ratio.
   This machine's speed drifts by a fifth from one minute to the next, so a ratio of two builds made side by
   side is steadier than a ratio of two best times taken minutes apart. Build time is given twice: wall-clock,
   and the CPU time the build used (user + system).
"""

from __future__ import annotations

import functools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jinja2
import yaml

from tools import chromium, variant
from tools.serve import serve

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "100,1000,5000").split(",")]
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
QUERIES = ["GIL", "PyO3", "borrow checker", "WebAssembly", "compile times", "free-threaded", "maturin wheels",
           "garbage collector", "hiring", "Polars"]
WORDS = ["ownership", "borrow", "thread", "interpreter", "wheel", "binary", "latency", "memory", "compile", "runtime",
         "library", "package", "iterator", "closure", "trait", "protocol", "module", "deploy", "profile", "cache"]


# --- search in the browser -----------------------------------------------------------------------------------

def bench_search(rounds: int = 5) -> None:
    from playwright.sync_api import sync_playwright

    timings: dict[str, list[float]] = {q: [] for q in QUERIES}
    with serve(ROOT / "site") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
        page = browser.new_page()
        page.goto(base + "/?q=", wait_until="commit")  # where the header's search link leads (compat/search_on_demand)
        page.wait_for_selector(".md-search-result__meta", state="attached")
        ready = page.evaluate(_SEARCH_READY)
        for _ in range(rounds):
            for query in QUERIES:
                timings[query].append(page.evaluate(_TIME_QUERY, query))
        browser.close()
    print(f"Search in Chromium, from the start of a page load until it is ready for a query (the search index\n"
          f"downloaded and the worker set up): {ready:.0f} ms\n")
    print("Later searches in Chromium, query to rendered results (ms):")
    print(f"  {'query':<20} {'median':>7} {'worst':>7}")
    for query, values in timings.items():
        print(f"  {query:<20} {statistics.median(values):>7.1f} {max(values):>7.1f}")
    every = [v for values in timings.values() for v in values]
    print(f"  {'all queries':<20} {statistics.median(every):>7.1f} {max(every):>7.1f}\n")


_SEARCH_READY = """async () => {
    const meta = document.querySelector('.md-search-result__meta');
    while (meta.textContent.trim() === 'Initializing search') await new Promise(r => setTimeout(r, 2));
    return performance.now();
}"""

_TIME_QUERY = """async (query) => {
    const input = document.querySelector('input.md-search__input');
    const list = document.querySelector('.md-search-result__list');
    const meta = document.querySelector('.md-search-result__meta');
    input.value = '';
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await new Promise(r => setTimeout(r, 50));
    return await new Promise(resolve => {
        const start = performance.now();
        const done = () => { if (list.children.length) { observer.disconnect(); resolve(performance.now() - start); } };
        const observer = new MutationObserver(done);
        observer.observe(list, {childList: true});
        observer.observe(meta, {childList: true, characterData: true, subtree: true});
        input.value = query;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
    });
}"""


# --- build cost at scale -------------------------------------------------------------------------------------

def synthetic_project(dest: Path, size: int) -> Path:
    """A copy of the project with `size` extra FAQ entries and comparison criteria."""
    variant.copy_sources(dest)
    rng = random.Random(size)
    prose = lambda n: " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."  # noqa: E731
    faq, criteria, decisions = [], [], []
    for i in range(size):
        faq.append({"id": f"synthetic-{i}", "question": f"Synthetic question {i} about {rng.choice(WORDS)}?",
                    "short_answer": prose(30), "answer": "\n\n".join(prose(60) for _ in range(3)),
                    "tags": ["performance"], "reviewed": "2026-11-26",
                    "related": [f"synthetic-{i - 1}"] if i else [],
                    "sources": [{"title": "PEP 8", "url": "https://peps.python.org/pep-0008/"}]})
        criteria.append({"id": f"criterion-{i}", "title": f"Criterion {i}", "rust": prose(15), "python": prose(15),
                         "edge": {"pick": "depends", "reason": prose(10)}, "details": prose(80),
                         "sources": [{"title": "The Rust Book", "url": "https://doc.rust-lang.org/book/"}]})
        decisions.append({"id": f"criterion-{i}", "why": prose(12)})
    _append_list(dest / "data" / "faq.yml", faq)
    _append_list(dest / "data" / "comparison.yml", criteria)
    decision = yaml.safe_load((dest / "data" / "decision.yml").read_text())
    decision["criteria"] += decisions
    (dest / "data" / "decision.yml").write_text(yaml.safe_dump(decision, sort_keys=False, allow_unicode=True))
    return dest


def _append_list(path: Path, entries: list[dict]) -> None:
    path.write_text(path.read_text() + "\n" + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True))


def plain_project(source: Path, dest: Path) -> Path:
    """The same site as plain Markdown: every macro call and generated page written out, no plugin or hook."""
    sys.path.insert(0, str(source))
    from macros import generate, render, site_context

    config = generate.config(source / "mkdocs.yml")
    site = site_context(config)
    macros = {m.__name__: functools.partial(m, site) for m in render.MACROS}
    shutil.copytree(source / "docs", dest / "docs")
    for page in (dest / "docs").glob("*.md"):
        _, front, body = page.read_text().split("---\n", 2)
        if "render_macros: true" in front:
            body = jinja2.Environment().from_string(body).render(config=config, **macros)
        page.write_text(f"---\n{front}---\n{body}")
    generate.write(site, dest / "docs", config)
    for name in ("overrides", "examples"):
        shutil.copytree(source / name, dest / name)
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    variant.write_variant(dest, "plain", {"plugins": ["search"], "hooks": [], "watch": []})
    sys.path.remove(str(source))
    for name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
        del sys.modules[name]
    return dest


def build(project: Path) -> tuple[float, float, float, float]:
    """Wall-clock time (s), CPU time (s), peak resident memory (MB) and search index size (KB) of one build."""
    start = time.perf_counter()
    config = project / "plain.yml" if (project / "plain.yml").exists() else project / "mkdocs.yml"
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", "site"],
                               cwd=project,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build of {project} failed")
    index = project / "site" / "search" / "search_index.json"
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, index.stat().st_size / 1024


def _best(runs) -> tuple:
    """The lowest of each figure over the runs."""
    return tuple(map(min, zip(*runs, strict=True)))


def _pair(ours: Path, plain: Path, first_ours: bool) -> tuple:
    """One build of each, back to back; which goes first alternates, so neither always gets the warmer machine."""
    if first_ours:
        return build(ours), build(plain)
    plain_run = build(plain)
    return build(ours), plain_run


def bench_scale() -> None:
    print("Build cost: this project (YAML + macros + hooks) vs the same text as plain Markdown")
    print(f"{REPEAT} pairs of builds made back to back. Times are the best of each; a ratio is the median of the\n"
          f"pairs' ratios. The slowest build shows how much this machine's speed varies.")
    print(f"  {'entries':>7} | {'wall s':>7} {'plain':>7} {'ratio':>6} | {'CPU s':>7} {'plain':>7} {'ratio':>6} | "
          f"{'slowest':>7} {'plain':>7} | {'peak MB':>7} {'plain':>7} | {'index KB':>8} {'plain':>7}")
    for size in SIZES:
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-{size}-"))
        ours = synthetic_project(workdir / "project", size)
        plain = plain_project(ours, workdir / "plain")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ours / "macros")], check=True)
        runs = [_pair(ours, plain, i % 2 == 0) for i in range(REPEAT)]
        ours_runs, plain_runs = zip(*runs, strict=True)
        (t, c, m, k), (pt, pc, pm, pk) = _best(ours_runs), _best(plain_runs)
        wall_ratio, cpu_ratio = (statistics.median(a[i] / b[i] for a, b in runs) for i in (0, 1))
        slowest, plain_slowest = max(r[0] for r in ours_runs), max(r[0] for r in plain_runs)
        print(f"  {size:>7} | {t:>7.1f} {pt:>7.1f} {wall_ratio:>6.2f} | {c:>7.1f} {pc:>7.1f} {cpu_ratio:>6.2f} | "
              f"{slowest:>7.1f} {plain_slowest:>7.1f} | {m:>7.0f} {pm:>7.0f} | {k:>8.0f} {pk:>7.0f}", flush=True)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if not chromium.PATH.exists():
        sys.exit(chromium.MISSING)
    bench_search()
    bench_scale()
