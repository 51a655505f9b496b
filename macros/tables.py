"""Tables as published: each one captioned.

Markdown has no syntax for a caption, and md_in_html wraps a <caption> written in a page's HTML in a paragraph,
so the site follows Pandoc's convention for every table: a paragraph that starts with "Table: " right before a
table becomes that table's <caption>.
"""

from __future__ import annotations

import re

CAPTION_PREFIX = "Table: "
_CAPTIONED = re.compile(rf"<p>{CAPTION_PREFIX}((?:(?!</p>).)+)</p>\s*<table([^>]*)>", re.DOTALL)
_UNCAPTIONED = re.compile(r"<table\b[^>]*>(?!\s*<caption>)")
MISSING = f"table(s) without a caption: write a line '{CAPTION_PREFIX}what it shows' right before each table"


def caption(html: str) -> str:
    """`html` with each table captioned from the paragraph before it."""
    return _CAPTIONED.sub(r"<table\2><caption>\1</caption>", html)


def uncaptioned(html: str) -> int:
    """How many tables in `html` have no <caption>."""
    return len(_UNCAPTIONED.findall(html))
