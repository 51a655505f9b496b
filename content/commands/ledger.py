"""The link ledger: every public link the site has published must keep resolving.

    python -m content ledger check SITE_DIR    # fail if a published link no longer resolves in the built site
    python -m content ledger update SITE_DIR   # add the links the built site publishes now

A link is a site-relative page path (`/performance/`) or one with a fragment (`/faq/#use-both`). It resolves when the
page exists in the built site (a redirect page counts) and, for a fragment, the page has an element with
that id: a current id or an alias anchor.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .. import urls
from ..loader import load

LEDGER = Path(__file__).resolve().parents[2] / "published-links.txt"
HEADER = "# Every public link this site has published. Never delete a line: keep old links working\n" \
         "# with an alias (FAQ, comparison) or a redirect (pages). `make ledger` appends new links.\n"
_ID = re.compile(r'\sid="([^"]+)"')


def pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a site-relative path: `/`, `/faq/`, `/faq/use-both/`."""
    paths = (p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return sorted("/" if path == "." else f"/{path}/" for path in paths)


def current_links(site_dir: Path, data_dir: Path) -> set[str]:
    data = load(data_dir)
    entries = {url for kind in urls.KINDS for e in kind.entries(data) for url in kind.public_urls(e.id)}
    return set(pages(site_dir)) | entries


def read(ledger: Path = LEDGER) -> list[str]:
    return [line.strip() for line in ledger.read_text().splitlines() if line.strip() and not line.startswith("#")]


def broken(site_dir: Path, links: list[str]) -> list[str]:
    """The links that no longer resolve, each with the reason."""
    problems, ids_by_page = [], {}
    for link in links:
        path, _, fragment = link.partition("#")
        page = site_dir / path.strip("/") / "index.html"
        if not page.is_file():
            problems.append(f"{link}: page {path} no longer exists (add a redirect)")
            continue
        if fragment:
            ids = ids_by_page.setdefault(page, set(_ID.findall(page.read_text())))
            if fragment not in ids:
                problems.append(f"{link}: no element with id '{fragment}' (add it to the entry's aliases)")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"check", "update"}:
        print(__doc__, file=sys.stderr)
        return 2
    site_dir = Path(argv[1])
    published = read()
    if argv[0] == "update":
        new = sorted(current_links(site_dir, LEDGER.parent / "data") - set(published))
        LEDGER.write_text(HEADER + "".join(f"{link}\n" for link in sorted(set(published) | set(new), key=_order)))
        print(f"{len(new)} new link(s) added to {LEDGER.name}" + "".join(f"\n  {link}" for link in new))
        return 0
    problems = broken(site_dir, published)
    for problem in problems:
        print(f"{LEDGER.name}: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _order(link: str) -> tuple:
    return (link.partition("#")[0], link)

