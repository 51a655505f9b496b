"""MkDocs hook: publish tables captioned (macros/tables.py says how). A table without a caption is a warning,
so `mkdocs build --strict` stops on it.

MkDocs loads this file by path, not as part of a package, hence the import below.
"""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros import tables

log = logging.getLogger("mkdocs.hooks.tables")


def on_page_content(html, page, config, files):
    html = tables.caption(html)
    if missing := tables.uncaptioned(html):
        log.warning("%s: %d %s", page.file.src_uri, missing, tables.MISSING)
    return html
