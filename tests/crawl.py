"""One visit of every page of a built site in each look a reader may have (color scheme and screen width, and a
phone without JavaScript), recording what the tests of the whole site check: axe-core's findings, sideways
scroll, layout shifts, console messages and requests to other hosts. The looks are visited side by side, each in
a browser context of its own; every wait is for a state of the page, never for a length of time."""

from __future__ import annotations

import asyncio
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from content.commands import ledger
from tools import chromium
from tools.serve import Handler, serve

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = ["light", "dark"]
WIDTHS = [1280, 375]
PHONE = 375
HELD = re.compile(r"/assets/javascripts/[^/]+\.js")  # Material's bundle and the site's script; not the search worker
AXE_URL = "/.crawl/axe.min.js"  # where each look's server offers axe-core, beside the site

# Layout shifts, with the class of each element that moved. The observer is kept so that takeRecords() can
# collect the shifts it has seen but not yet reported.
WATCH_SHIFTS = """
window.shifts = [];
window.shiftObserver = new PerformanceObserver((list) => window.shifts.push(...list.getEntries()));
window.shiftObserver.observe({type: "layout-shift", buffered: true});
"""
# Each element that moved once the HTML had been parsed, as "<class> <dx>,<dy> px at <t> ms, before/after the scripts
# ran", so that a failure says what moved, how far and when (window.scriptsReleased is set as the crawl lets the held
# scripts through). Shifts while the browser is still parsing are left out: whether it paints half a table before the
# rest of its rows arrive depends on the machine's speed, not on the page (on a CPU slowed six times, a table at the
# edge of a phone's first screen moved its columns by 4 to 7 px in 2 loads of 20, and never on a normal one).
SHIFTS = """async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));  // one frame drawn
    const parsed = performance.getEntriesByType("navigation")[0].domInteractive;
    return [...window.shifts, ...window.shiftObserver.takeRecords()].filter((shift) => shift.startTime >= parsed)
        .flatMap((shift) => shift.sources.map((source) => {
            const name = source.node?.className || source.node?.nodeName || "?";
            const [was, is] = [source.previousRect, source.currentRect];
            const when = shift.startTime < (window.scriptsReleased ?? Infinity) ? "before" : "after";
            return `${name} ${is.x - was.x},${is.y - was.y} px at ${Math.round(shift.startTime)} ms, ${when} the scripts ran`;
        }));
}"""
# The page's scripts (HELD) by whether they arrived before or after the crawl released them: all after, if the hold works.
SCRIPT_ARRIVALS = """held => Object.groupBy(performance.getEntriesByType("resource").filter(
    entry => new RegExp(`^${held}$`).test(new URL(entry.name).pathname)),
    entry => entry.responseStart < window.scriptsReleased ? "before" : "after")"""
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# resultTypes: the violations in full, one node of each other kind; noHtml: no copy of each node's markup, since
# its selector names it (both are axe-core's options for a faster run).
RUN_AXE = """tags => (axe.configure({noHtml: true}), axe.run(document, {runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"]})).then(result => result.violations.map(
    v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")))"""


@dataclass(frozen=True)
class Look:
    scheme: str
    width: int
    javascript: bool = True

    @property
    def id(self) -> str:
        return f"{self.scheme}-{self.width}" + ("" if self.javascript else "-without-javascript")


LOOKS = [Look(scheme, width) for scheme in SCHEMES for width in WIDTHS] + [Look("light", PHONE, javascript=False)]


@dataclass
class Visit:
    path: str
    look: Look
    scheme: str = ""  # the color scheme the page applied (Material's data-md-color-scheme), with JavaScript
    overflow: int = 0  # how far the page scrolls sideways, in CSS pixels
    shifts: list[str] = field(default_factory=list)  # what moved once the page was parsed: class, distance, time
    held: list[str] = field(default_factory=list)  # the page's scripts that arrived once it had been drawn
    early: list[str] = field(default_factory=list)  # and those that arrived before: none, if the hold works
    violations: list[str] = field(default_factory=list)  # axe-core's findings
    messages: list[str] = field(default_factory=list)  # console errors and warnings, uncaught exceptions
    foreign: list[str] = field(default_factory=list)  # requests to any host but the site's


def pages(site: Path) -> list[str]:
    """Every page of the built site, as a path below the server root: new pages are visited without an edit."""
    return ledger.pages(site)


def _handler(release: threading.Event) -> type[Handler]:
    """The server of one look's tab. It holds the page's scripts until `release` is set, and serves every file of
    the site afresh on each visit, as on a reader's first visit: holding scripts in the browser instead (Playwright's
    routes) turns its cache off and sends each request through the test process, which cost the crawl an eighth
    more CPU. axe-core comes from the same server, and is cached, so that each page does not compile it anew."""

    class LookHandler(Handler):
        def translate_path(self, path: str) -> str:
            return str(AXE) if urlsplit(path).path == AXE_URL else super().translate_path(path)

        def send_head(self):
            if HELD.fullmatch(urlsplit(self.path).path):
                release.wait()
            return super().send_head()

        def send_header(self, keyword: str, value: str) -> None:
            if keyword != "Cache-Control":
                super().send_header(keyword, value)

        def end_headers(self) -> None:
            super().send_header("Cache-Control", "max-age=600" if urlsplit(self.path).path == AXE_URL else "no-store")
            super().end_headers()

    return LookHandler


async def _visit(page, server: str, visit: Visit, release: threading.Event) -> None:
    if not visit.look.javascript:
        await page.goto(server + visit.path, wait_until="load")
        visit.overflow = await page.evaluate(OVERFLOW)
        return
    # The worst order for layout shifts, made certain: the reader sees the page before any of its scripts runs.
    release.clear()
    await page.goto(server + visit.path, wait_until="commit")
    await page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    await page.evaluate("window.scriptsReleased = performance.now()")
    release.set()
    # Once the scripts have run and the fonts are in, nothing else loads: no need to wait out a quiet network.
    await page.wait_for_load_state("load")
    await page.evaluate("document.fonts.ready.then(() => true)")
    visit.shifts = await page.evaluate(SHIFTS)
    arrivals = await page.evaluate(SCRIPT_ARRIVALS, HELD.pattern)
    visit.held, visit.early = ([entry["name"] for entry in arrivals.get(when, [])] for when in ("after", "before"))
    visit.scheme = await page.evaluate("document.body.dataset.mdColorScheme")
    visit.overflow = await page.evaluate(OVERFLOW)
    await page.add_script_tag(url=server + AXE_URL)
    visit.violations = await page.evaluate(RUN_AXE, AXE_TAGS)


async def _crawl_look(browser, site: Path, paths: list[str], look: Look) -> list[Visit]:
    """The pages one after another in one tab, as a reader following links would load them."""
    release = threading.Event()
    context = await browser.new_context(viewport={"width": look.width, "height": 800}, color_scheme=look.scheme,
                                        java_script_enabled=look.javascript)
    await context.add_init_script(WATCH_SHIFTS)
    page = await context.new_page()
    page.set_default_timeout(60_000)
    visits = [Visit(path, look) for path in paths]
    current = visits[0]
    with serve(site, _handler(release)) as server:
        page.on("request", lambda r: None if r.url.startswith(server) else current.foreign.append(r.url))
        page.on("console", lambda m: current.messages.append(f"{m.type}: {m.text}") if m.type in {"error", "warning"} else None)
        page.on("pageerror", lambda error: current.messages.append(f"uncaught: {error}"))
        try:
            for current in visits:  # the listeners above record into the visit under way
                await _visit(page, server, current, release)
        finally:
            release.set()  # no request is left waiting
            await context.close()
    return visits


async def _crawl(site: Path, paths: list[str]) -> list[Visit]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
        try:
            looks = await asyncio.gather(*(_crawl_look(browser, site, paths, look) for look in LOOKS))
        finally:
            await browser.close()
    return [visit for visits in looks for visit in visits]


def crawl(site: Path) -> list[Visit]:
    """Visit every page of `site`, each look on a loopback server of its own. Runs in a thread of its own, beside
    any browser the tests drive through Playwright's synchronous API."""
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` (make test does)")
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _crawl(site, pages(site))).result()
