"""`make validate`: third-party validators on the built site, served on loopback; one summary line per tool.

The tools (tools/validators.py) are html-validate and the Nu HTML Checker for markup, linkinator and
LinkChecker for links and fragments, structured-data-testing-tool with its Google and SocialMedia presets,
pa11y with HTML_CodeSniffer, Chromium with JavaScript off, and feedparser on the Atom feed. Findings in markup
that Material for MkDocs or pymdown-extensions generate are switched off in .validators.yml, each entry with
the reason; whatever else a tool finds is printed. Exits 1 on any error, or when a tool cannot run.

    python -m tools.validate [--site DIR] [--only TOOL ...]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, RootModel, ValidationError

from content.commands import ledger
from tools import validators
from tools.serve import serve

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".validators.yml"
PAGES_SHOWN = 3  # pages named for each kind of finding; the rest are counted


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Switch(_Strict):
    rule: str  # the tool's rule id, or its whole message where it has no ids
    where: str  # a regular expression that only the third-party markup matches, searched in the finding's context
    why: str

    def covers(self, finding: validators.Finding) -> bool:
        return finding.rule == self.rule and re.search(self.where, finding.context) is not None


class Setting(_Strict):
    rule: str
    options: dict
    why: str


class ToolConfig(_Strict):
    settings: list[Setting] = []  # html-validate's rule options, on top of html-validate:recommended
    ignore: list[Switch] = []


class Config(RootModel[dict[Literal[tuple(validators.TOOLS)], ToolConfig]]):
    pass


def load_config(path: Path = CONFIG) -> dict[str, ToolConfig]:
    try:
        return Config.model_validate(yaml.safe_load(path.read_text()) or {}).root
    except ValidationError as error:
        problems = [f"{path.name}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
        sys.exit("\n".join(problems))


def run_tool(name: str, config: ToolConfig, site: Path, base: str, pages: list[str]) -> bool:
    """Run one tool, print its summary and findings; True when it found no error."""
    started = time.monotonic()
    settings = {s.rule: ["error", s.options] for s in config.settings}
    with tempfile.TemporaryDirectory(prefix="validate-") as scratch:
        try:
            findings, checked = validators.TOOLS[name](site, base, pages, Path(scratch), settings)
        except (validators.ToolFailed, OSError) as failure:
            print(f"{name}: could not run: {failure}")
            return False
    shown, used = sort_out(findings, config.ignore)
    errors = sum(f.error for f in shown)
    print(f"{name}: {errors} errors, {len(shown) - errors} warnings "
          f"({checked}; {sum(used.values())} switched off in {CONFIG.name}; {time.monotonic() - started:.0f} s)")
    print_by_rule(shown)
    for i, switch in enumerate(config.ignore):
        if not used[i]:
            print(f"  note: nothing matched the switch for {switch.rule!r} in {CONFIG.name}; remove it if stale")
    return not errors


def sort_out(findings: list[validators.Finding], switches: list[Switch]) -> tuple[list[validators.Finding], Counter]:
    """The findings no switch covers, and how many each switch (by position) covered."""
    shown, used = [], Counter()
    for finding in findings:
        switch = next((i for i, s in enumerate(switches) if s.covers(finding)), None)
        if switch is None:
            shown.append(finding)
        else:
            used[switch] += 1
    return shown, used


def print_by_rule(findings: list[validators.Finding]) -> None:
    """One line per rule, errors first and the most frequent first, with its first message and some pages."""
    by_rule: dict[tuple[bool, str], list[validators.Finding]] = {}
    for finding in findings:
        by_rule.setdefault((not finding.error, finding.rule), []).append(finding)
    for (warning, rule), found in sorted(by_rule.items(), key=lambda item: (item[0][0], -len(item[1]))):
        example = "" if found[0].message == rule else f": {found[0].message}"
        pages = sorted({f.page for f in found})
        more = f" and {len(pages) - PAGES_SHOWN} more" if len(pages) > PAGES_SHOWN else ""
        print(f"  {'warning' if warning else 'error'} ×{len(found)} {(rule + example)[:240]}"
              f" (on {', '.join(pages[:PAGES_SHOWN])}{more})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (default: site/)")
    parser.add_argument("--only", nargs="+", choices=list(validators.TOOLS), help="run only these tools")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site} holds no built site: run `make build` first")
    config = load_config()
    pages = ledger.pages(args.site)
    with serve(args.site) as base:
        passed = [run_tool(name, config.get(name, ToolConfig()), args.site, base, pages)
                  for name in args.only or validators.TOOLS]
    return 0 if all(passed) else 1


if __name__ == "__main__":
    sys.exit(main())
