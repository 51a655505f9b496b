"""`make audit`: Lighthouse (mobile preset) on every page of the built site, served with gzip on loopback.

Each page is audited AUDIT_RUNS times (default 5, as Lighthouse's variability guide advises), in rounds
over all pages (or those in AUDIT_PAGES, e.g. "/faq/,/faq/use-both/"), and the median performance score
counts. The same pages built with the unmodified Material theme
are measured once for comparison. Writes audit/report.json and audit/summary.md, prints the summary, and
exits 1 when a page misses a target: 100 in accessibility, best practices and SEO, a median performance of
100, and no more bytes transferred than the default theme.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from content.commands import ledger
from tools import chromium, variant
from tools.serve import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = " ".join(["--headless=new", *chromium.ARGS])


def lighthouse(url: str, workdir: Path) -> dict:
    out = workdir / "lh.json"
    profile = tempfile.mkdtemp(prefix="lh-profile-", dir=workdir)
    run = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                          f"--only-categories={','.join(CATEGORIES)}",
                          f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}"],
                         env={**os.environ, "CHROME_PATH": str(chromium.PATH)},
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    shutil.rmtree(profile, ignore_errors=True)
    if run.returncode != 0:
        sys.exit(f"Lighthouse failed on {url} (exit {run.returncode}):\n{run.stderr}")
    report = json.loads(out.read_text())
    audits = report["audits"]
    failed = sorted(a["id"] for a in audits.values()
                    if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary")
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
        "failed_audits": failed,
    }


def default_theme_build(workdir: Path) -> Path:
    """The same content built with Material's defaults: its fonts and palette, no site CSS, JS, overrides or
    theme workarounds."""
    project = variant.copy_sources(workdir / "default-theme")
    (project / "no-overrides").mkdir()
    config = variant.write_variant(project, "default-theme", {
        "theme": {"custom_dir": "no-overrides", "font": {"text": "Roboto", "code": "Roboto Mono"}, "palette": {}},
        "extra_css": [], "extra_javascript": []})
    variant.build(config, project / "site", {"COMPAT_OFF": "all"})
    return project / "site"


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci`", file=sys.stderr)
        return 2
    if not chromium.PATH.exists():
        print(chromium.MISSING, file=sys.stderr)
        return 2
    runs = int(os.environ.get("AUDIT_RUNS", "5"))
    with tempfile.TemporaryDirectory(prefix="audit-") as workdir:
        results = measure(Path(workdir), runs)
    out = ROOT / "audit"
    out.mkdir(exist_ok=True)
    (out / "report.json").write_text(json.dumps(results, indent=1))
    summary, misses = summarize(results, runs)
    (out / "summary.md").write_text(summary)
    print(summary)
    return 1 if misses else 0


def measure(workdir: Path, runs: int) -> dict:
    site = ROOT / "site"
    wanted = set(filter(None, os.environ.get("AUDIT_PAGES", "").split(",")))
    measured = {path: [] for path in ledger.pages(site) if not wanted or path in wanted}
    with serve(site) as base, serve(default_theme_build(workdir)) as default_base:
        # in rounds, so a slow spell on the machine cannot take all of one page's runs
        for round_ in range(1, runs + 1):
            for path, page_runs in measured.items():
                page_runs.append(lighthouse(base + path, workdir))
            print(f"round {round_} of {runs} done", file=sys.stderr)
        results = {}
        for path, page_runs in measured.items():
            results[path] = {"runs": page_runs, "default_theme": lighthouse(default_base + path, workdir)}
            print(f"{path}: performance {[r['scores']['performance'] for r in page_runs]}", file=sys.stderr)
    return results


def summarize(results: dict, runs: int) -> tuple[str, list[str]]:
    lines = [f"# Lighthouse audit (mobile preset, {runs} runs per page, gzip on loopback)", "",
             "| Page | Perf (median; runs) | A11y | Best pr. | SEO | LCP ms | TBT ms | CLS | KB transferred "
             "| Default theme KB |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    misses = []
    for path, result in results.items():
        runs_ = result["runs"]
        perf = [r["scores"]["performance"] for r in runs_]
        median = statistics.median(perf)
        first = runs_[0]
        lcp, tbt, cls = (statistics.median(r[key] for r in runs_) for key in ("lcp_ms", "tbt_ms", "cls"))
        default_kb = result["default_theme"]["transfer_kb"]
        lines.append(f"| {path} | {median:g}; {', '.join(map(str, perf))} | {first['scores']['accessibility']} | "
                     f"{first['scores']['best-practices']} | {first['scores']['seo']} | {lcp:g} | {tbt:g} | {cls:g} | "
                     f"{first['transfer_kb']} | {default_kb} |")
        for category in ("accessibility", "best-practices", "seo"):
            if any(r["scores"][category] < 100 for r in runs_):
                failed = sorted({a for r in runs_ for a in r["failed_audits"]})
                misses.append(f"{path}: {category} below 100 ({', '.join(failed)})")
        if median < 100:
            misses.append(f"{path}: median performance {median:g}")
        if first["transfer_kb"] > default_kb:
            misses.append(f"{path}: {first['transfer_kb']} KB transferred, default theme {default_kb} KB")
    scores = [r["scores"]["performance"] for result in results.values() for r in result["runs"]]
    lines += ["", f"Single runs below 100 in performance: {sum(s < 100 for s in scores)} of {len(scores)} "
              f"(lowest {min(scores)}).", ""]
    lines += ["All targets met." if not misses else "Targets missed:", *[f"- {m}" for m in misses], ""]
    return "\n".join(lines), misses


if __name__ == "__main__":
    sys.exit(main())
