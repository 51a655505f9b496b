"""`make bench-weight`: what each page transfers, beside the same page built with the default Material theme.

Both builds are made from the current sources in one run and served side by side with gzip on loopback
(tools/serve.py). Chromium opens each page once per build in a fresh context (an empty cache, as a first visit),
waits for the search index when the page has Material's search form (compat/search_on_demand leaves it
out until the reader asks for search) and then until the network is idle, and counts the bytes of every
response, headers and compressed bodies. Prints one line per page and the search index's size; exits 1 when a
page weighs more than TARGET times its default-theme twin. Figures only: a busy machine changes none of them.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

from content.commands import ledger
from tools import chromium, variant
from tools.audit import default_theme_build
from tools.serve import serve

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.9  # issue 30: every page at 0.9x or less of the default theme


def transferred(browser, url: str) -> int:
    """Bytes a first visit to `url` transfers until the network is idle."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    if page.locator("form[name=search]").count():  # Material's bundle then downloads the search index
        page.wait_for_function("performance.getEntriesByType('resource').some((entry) => "
                               "entry.name.endsWith('/search/search_index.json') && entry.responseEnd)")
    page.wait_for_load_state("networkidle")
    total = 0
    for request in finished:
        sizes = request.sizes()
        total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
    context.close()
    return total


def index_size(site: Path) -> str:
    raw = (site / "search" / "search_index.json").read_bytes()
    return f"{len(raw) / 1024:.1f} KB raw, {len(gzip.compress(raw, compresslevel=9)) / 1024:.1f} KB gzip"


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="weigh-") as workdir:
        work = Path(workdir)
        project = variant.copy_sources(work / "ours")
        site = project / "site"
        variant.build(project / "mkdocs.yml", site)
        default_site = default_theme_build(work)
        pages = ledger.pages(site)
        over = []
        print(f"search index: ours {index_size(site)}; default theme {index_size(default_site)}")
        print(f"{'page':45} {'ours KB':>8} {'default KB':>10} {'ratio':>6}")
        with serve(site) as base, serve(default_site) as default_base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
            ratios = []
            for path in pages:
                ours, theirs = transferred(browser, base + path), transferred(browser, default_base + path)
                ratio = ours / theirs
                ratios.append(ratio)
                print(f"{path:45} {ours / 1024:8.1f} {theirs / 1024:10.1f} {ratio:6.2f}", flush=True)
                if ratio > TARGET:
                    over.append(path)
            browser.close()
        print(f"{len(pages)} pages; ratio {min(ratios):.2f} to {max(ratios):.2f}; "
              f"above {TARGET}: {', '.join(over) if over else 'none'}")
    return 1 if over else 0


if __name__ == "__main__":
    if not chromium.PATH.exists():
        sys.exit(chromium.MISSING)
    sys.exit(main())
