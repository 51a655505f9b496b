"""The third-party validators that `make validate` runs, each turned into a list of findings.

Every runner takes the site as files (`site`), as served on loopback (`base`, the URL of its root) and as
its list of pages, plus a scratch folder, and returns its findings and what it checked. A runner raises
ToolFailed when the tool itself breaks, so a crash never reads as a clean result.
"""

from __future__ import annotations

import concurrent.futures
import csv
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tools import chromium

ROOT = Path(__file__).resolve().parent.parent
NODE_BIN = ROOT / "node_modules" / ".bin"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PHONE = {"width": 375, "height": 800}
WORKERS = 2  # the machine has two cores; the page-by-page tools run this many at a time


@dataclass(frozen=True)
class Finding:
    page: str  # the page (or, for link checkers, the page holding the link)
    rule: str  # the tool's rule id, or its message where it has none
    message: str
    context: str  # the markup, URL or test the finding is about: what `where` in .validators.yml searches
    error: bool  # False for a warning


class ToolFailed(Exception):
    pass


def _run(args: list[str], ok=(0,), **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode not in ok:
        raise ToolFailed(f"{Path(args[0]).name} exited {result.returncode}: {(result.stderr or result.stdout)[-800:]}")
    return result


def _each_page(pages: list[str], check) -> list[Finding]:
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        return [finding for findings in pool.map(check, pages) for finding in findings]


def _files(site: Path, pages: list[str]) -> list[str]:
    return [str(site / page.lstrip("/") / "index.html") for page in pages]


def _page(site: Path, file: str) -> str:
    path = Path(file).resolve().relative_to(site.resolve()).parent.as_posix()
    return "/" if path == "." else f"/{path}/"


def html_validate(site, base, pages, scratch, settings: dict) -> tuple[list[Finding], str]:
    config = scratch / "htmlvalidate.json"
    config.write_text(json.dumps({"extends": ["html-validate:recommended"], "rules": settings}))
    files = _files(site, pages)
    out = scratch / "html-validate.json"  # a file: Node cuts piped output short when the tool exits
    _run([str(NODE_BIN / "html-validate"), "--config", str(config), "--formatter", f"json={out}", *files], ok=(0, 1))
    findings = []
    for report in json.loads(out.read_text()):
        lines = Path(report["filePath"]).read_text().split("\n")
        for m in report["messages"]:
            line = lines[m["line"] - 1]  # holds the element the rule names
            page = _page(site, report["filePath"])
            findings.append(Finding(page, m["ruleId"], m["message"], line, m["severity"] == 2))
    return findings, f"{len(files)} pages"


def nu_html_checker(site, base, pages, scratch, settings) -> tuple[list[Finding], str]:
    # The files, not the loopback URLs: the checker refuses to fetch from private addresses ("Forbidden host").
    result = _run(["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *_files(site, pages)])
    messages = json.loads(result.stderr)["messages"]
    if broken := [m for m in messages if m["type"] == "non-document-error"]:
        raise ToolFailed(f"{broken[0]['url']}: {broken[0]['message']}")
    findings = [Finding(_page(site, m["url"].removeprefix("file:")), m["message"], m["message"], m.get("extract", ""),
                        m["type"] == "error")
                for m in messages if m["type"] == "error" or m.get("subType") == "warning"]  # plain "info" is neither
    return findings, f"{len(pages)} pages"


def linkinator(site, base, pages, scratch, settings) -> tuple[list[Finding], str]:
    local = re.escape(base)
    # One request at a time: with more, linkinator now and then misses a broken #fragment on a page it is
    # already fetching (seen here with 10).
    result = _run([str(NODE_BIN / "linkinator"), base + "/", "--recurse", "--check-fragments", "--check-css",
                   "--concurrency", "1", "--skip", f"^(?!{local})", "--format", "json"], ok=(0, 1))
    links = json.loads(result.stdout)["links"]
    broken = {(link["url"], link.get("parent") or "", link.get("status"))
              for link in links if link["state"] == "BROKEN"}
    # A page that loads (200) but lacks the #fragment; linkinator names the first page that linked to the
    # target page as its parent, not necessarily the one holding the broken fragment.
    findings = [Finding(parent.removeprefix(base), "missing #fragment" if status == 200 else f"HTTP {status}",
                        f"broken link to {url.removeprefix(base)}", url, True)
                for url, parent, status in sorted(broken)]
    return findings, f"{len(links)} local URLs with their fragments"


def linkchecker(site, base, pages, scratch, settings) -> tuple[list[Finding], str]:
    config = scratch / "linkcheckerrc"
    # AnchorCheck checks each #fragment; the rate limit exists to spare remote hosts, and this one is local.
    config.write_text("[checking]\nmaxrequestspersecond=1000\n[AnchorCheck]\n")
    result = _run([str(Path(sys.executable).parent / "linkchecker"), "--config", str(config), "--no-status",
                   "--verbose", "--output", "csv", base + "/"], ok=(0, 1))
    rows = list(csv.DictReader((line for line in result.stdout.splitlines() if not line.startswith("#")),
                               delimiter=";"))
    findings = []
    for row in rows:
        page = row["parentname"].removeprefix(base)
        if row["valid"] != "True":
            findings.append(Finding(page, row["result"], f"{row['urlname']}: {row['result']}", row["urlname"], True))
        for warning in filter(None, row["warningstring"].split("\n")):
            # LinkChecker calls a missing anchor a warning; it is a broken link all the same.
            missing_anchor = warning.startswith("Anchor ") and " not found" in warning
            rule = "missing #fragment" if missing_anchor else warning.split("`")[0].strip()
            findings.append(Finding(page, rule, f"{row['urlname']}: {warning[:120]}", row["urlname"], missing_anchor))
    return findings, f"{len(rows)} URLs with their anchors"


def structured_data(site, base, pages, scratch, settings) -> tuple[list[Finding], str]:
    def check(page: str) -> list[Finding]:
        report = json.loads(_run(["node", str(Path(__file__).with_name("sdtt.cjs")), base + page]).stdout)
        return [Finding(page, f"{test['group']}: {test['description']}", test.get("error", {}).get("message", ""),
                        test["test"], failed)
                for failed, tests in ((True, report["failed"]), (False, report["warnings"])) for test in tests]

    return _each_page(pages, check), f"{len(pages)} pages, presets Google and SocialMedia"


def pa11y(site, base, pages, scratch, settings) -> tuple[list[Finding], str]:
    config = scratch / "pa11y.json"
    config.write_text(json.dumps({"runners": ["htmlcs"], "standard": "WCAG2AA", "chromeLaunchConfig": {
        "executablePath": str(chromium.PATH), "args": chromium.ARGS}}))

    def check(page: str) -> list[Finding]:
        result = _run([str(NODE_BIN / "pa11y"), "--config", str(config), "--reporter", "json", "--include-warnings",
                       base + page], ok=(0, 2))
        return [Finding(page, issue["code"], issue["message"], f"{issue['selector']} {issue['context']}",
                        issue["type"] == "error")
                for issue in json.loads(result.stdout) if issue["type"] in ("error", "warning")]

    return _each_page(pages, check), f"{len(pages)} pages, HTML_CodeSniffer, WCAG 2 AA"


def chromium_without_javascript(site, base, pages, scratch, settings) -> tuple[list[Finding], str]:
    from playwright.sync_api import sync_playwright

    findings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
        page = browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
        for path in pages:
            page.goto(base + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                findings.append(Finding(path, "sideways-scroll", f"scrolls sideways by {overflow} px", path, True))
            for answer in page.locator("section.entry").all():
                if not answer.is_visible():
                    heading = answer.locator("h1, h2").first.inner_text()
                    findings.append(Finding(path, "hidden-answer", f"answer not shown: {heading}", heading, True))
        browser.close()
    return findings, f"{len(pages)} pages at {PHONE['width']} px"


# What RFC 4287 requires of an Atom feed and of each entry, in feedparser's names (`link` is the alternate link).
ATOM_REQUIRED = {"feed": ("id", "title", "updated_parsed", "author", "link"),
                 "entry": ("id", "title", "updated_parsed", "link", "summary")}


def atom_feed(site, base, pages, scratch, settings) -> tuple[list[Finding], str]:
    """The Atom feed as a reader fetches it, parsed by feedparser: well-formed, Atom 1.0, every element RFC 4287
    requires present (a date it cannot parse as RFC 3339 counts as missing), each entry id once."""
    import urllib.request

    import feedparser

    with urllib.request.urlopen(f"{base}/feed.xml") as response:
        feed = feedparser.parse(response.read())
    findings = []
    if feed.bozo:
        findings.append(Finding("/feed.xml", "not well-formed", str(feed.bozo_exception), "", True))
    if feed.version != "atom10":
        findings.append(Finding("/feed.xml", "not Atom 1.0", f"read as {feed.version or 'unknown'}", "", True))
    parts = [("feed", "feed", feed.feed), *((f"entry {i + 1}", "entry", e) for i, e in enumerate(feed.entries))]
    for where, part, element in parts:
        for name in ATOM_REQUIRED[part]:
            if not element.get(name):
                findings.append(Finding("/feed.xml", f"{part} without {name.removesuffix('_parsed')}",
                                        f"{where} has no {name.removesuffix('_parsed')}", where, True))
    ids = [entry.get("id") for entry in feed.entries]
    findings += [Finding("/feed.xml", "duplicate id", f"entry id {i} is used twice", i, True)
                 for i in sorted({i for i in ids if ids.count(i) > 1})]
    return findings, f"{len(feed.entries)} entries, feedparser {feedparser.__version__}"


TOOLS = {
    "html-validate": html_validate,
    "Nu HTML Checker": nu_html_checker,
    "linkinator": linkinator,
    "LinkChecker": linkchecker,
    "structured-data-testing-tool": structured_data,
    "pa11y": pa11y,
    "Chromium without JavaScript": chromium_without_javascript,
    "Atom feed": atom_feed,
}
