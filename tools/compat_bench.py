"""`make bench-compat`: what each theme workaround of compat/manifest.yml gains, measured in Chromium.

The site is built with every workaround on, with every one off, and with each one off in turn (COMPAT_OFF).
Each build is served with gzip on loopback, and each page of BENCH_PAGES is loaded BENCH_LOADS times (default
5), in rounds over the builds, in a fresh phone-sized tab whose processor Chromium slows down four times, as
Lighthouse's mobile preset does. For each load it records, until the network has been idle for half a second:
- busy: the main thread's working time (Chromium's TaskDuration metric);
- blocking: the time each main-thread task ran beyond 50 ms, summed (what Lighthouse's Total Blocking Time adds
  up, there only until the page is interactive);
- KB: the bytes transferred.
It prints the median of each figure per build and page, and what switching each workaround off costs: its gain.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import tempfile
from pathlib import Path

from compat import manifest
from tools import chromium, variant
from tools.serve import serve

ROOT = Path(__file__).resolve().parent.parent
PAGES = os.environ.get("BENCH_PAGES", "/,/faq/,/comparison/,/performance/,/examples/word-frequencies/,/faq/mojo/")
LOADS = int(os.environ.get("BENCH_LOADS", "5"))
SLOWDOWN = 4
FIGURES = ("busy", "blocking", "KB")
LONG_TASKS = """window.__blocking = 0; new PerformanceObserver((list) => { for (const task of list.getEntries())
    window.__blocking += Math.max(0, task.duration - 50); }).observe({type: "longtask", buffered: true});"""


def load(browser, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    cdp = context.new_cdp_session(page)
    received = []
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    cdp.send("Network.enable")
    cdp.send("Performance.enable")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    figures = {"busy": metrics["TaskDuration"] * 1000, "blocking": page.evaluate("window.__blocking"),
               "KB": sum(received) / 1024}
    context.close()
    return figures


def measure(sites: dict[str, str], pages: list[str]) -> dict[str, dict[str, list[dict]]]:
    from playwright.sync_api import sync_playwright

    runs = {name: {path: [] for path in pages} for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
        for round_ in range(1, LOADS + 1):  # in rounds, so that a slow spell on the machine spreads over all builds
            for name, base in sites.items():
                for path in pages:
                    runs[name][path].append(load(browser, base + path))
            print(f"round {round_} of {LOADS} done", file=sys.stderr)
        browser.close()
    return runs


def median(runs: list[dict], figure: str) -> float:
    return statistics.median(run[figure] for run in runs)


def report(runs: dict[str, dict[str, list[dict]]], pages: list[str]) -> None:
    baseline = runs["all on"]
    print(f"Median of {LOADS} loads per page, phone-sized tab, processor slowed {SLOWDOWN}x (ms, KB):\n")
    print(f"| Build | {' | '.join(f'{figure} (all pages)' for figure in FIGURES)} |")
    print(f"| --- | {' | '.join('---' for _ in FIGURES)} |")
    for name, by_page in runs.items():
        cells = []
        for figure in FIGURES:
            total = sum(median(by_page[path], figure) for path in pages)
            base = sum(median(baseline[path], figure) for path in pages)
            cells.append(f"{total:.0f}" + ("" if name == "all on" else f" ({total - base:+.0f})"))
        print(f"| {name} | {' | '.join(cells)} |")
    print("\nMain-thread busy time each workaround saves, per page (ms; its build minus the all-on build):\n")
    print(f"| Switched off | {' | '.join(pages)} |")
    print(f"| --- | {' | '.join('---' for _ in pages)} |")
    for name, by_page in runs.items():
        if name != "all on":
            deltas = [median(by_page[path], "busy") - median(baseline[path], "busy") for path in pages]
            print(f"| {name} | {' | '.join(f'{d:+.0f}' for d in deltas)} |")


def main() -> int:
    if not chromium.PATH.exists():
        print(chromium.MISSING, file=sys.stderr)
        return 2
    pages = [path.strip() for path in PAGES.split(",") if path.strip()]
    settings = {"all on": "", "all off": "all", **{w.id: w.id for w in manifest.load() if w.enabled}}
    with tempfile.TemporaryDirectory(prefix="bench-compat-") as workdir, contextlib.ExitStack() as servers:
        sites = {}
        for name, setting in settings.items():
            site = Path(workdir) / (setting or "on")
            variant.build(ROOT / "mkdocs.yml", site, {"COMPAT_OFF": setting})
            sites[name] = servers.enter_context(serve(site))
        print(f"Built {len(sites)} variants; measuring {len(pages)} pages x {LOADS} loads each", file=sys.stderr)
        runs = measure(sites, pages)
    load_average = os.getloadavg()[0]
    report(runs, pages)
    print(f"\nOne-minute load average at the end: {load_average:.2f} on {os.cpu_count()} cores.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
