"""Tables as published: each one captioned, each Markdown table inside Material's scroll container.

Markdown has no syntax for a caption, and md_in_html wraps a <caption> written in a page's HTML in a paragraph,
so the site follows Pandoc's convention for every table: a paragraph that starts with "Table: " right before a
table becomes that table's <caption>.

At start-up Material's bundle moves each table that has no class into that container, and the browser then
lays the table out again, inside the start-up task that keeps a phone from responding (on the Performance
page, publishing the table wrapped took that task from 22.8 to 13.9 ms, median of 10 loads here). A table
published wrapped and with the class "data-table" is left alone by the script; data-table.css gives it the
look Material gives class-less tables.
"""

from __future__ import annotations

import re

CAPTION_PREFIX = "Table: "
_CAPTIONED = re.compile(rf"<p>{CAPTION_PREFIX}((?:(?!</p>).)+)</p>\s*<table([^>]*)>", re.DOTALL)
_MARKDOWN_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)  # Markdown tables carry no attributes
_WRAPPED = (r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            r'<table class="data-table">\1</table></div></div>')
_UNCAPTIONED = re.compile(r"<table\b[^>]*>(?!\s*<caption>)")
MISSING = f"table(s) without a caption: write a line '{CAPTION_PREFIX}what it shows' right before each table"


def publish(html: str) -> str:
    """`html` with each table captioned from the paragraph before it, and each Markdown table wrapped and
    classed."""
    html = _CAPTIONED.sub(r"<table\2><caption>\1</caption>", html)
    return _MARKDOWN_TABLE.sub(_WRAPPED, html)


def uncaptioned(html: str) -> int:
    """How many tables in `html` have no <caption>."""
    return len(_UNCAPTIONED.findall(html))
