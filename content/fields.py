"""Field types shared by the models of every data file: slugs, text without raw HTML, sources, dates."""

from __future__ import annotations

import datetime
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, field_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Raw HTML is refused everywhere: Markdown covers what the site needs, and HTML from a pull request could
# inject script into every reader's page. Code spans and fenced code are exempt, since `Vec<T>` is not HTML.
_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.DOTALL)
_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?\s*>|<!--|<!\[CDATA\[")
_SCRIPT_URL = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def _no_raw_html(text: str) -> str:
    prose = _CODE.sub("", text)
    if match := _RAW_HTML.search(prose):
        raise ValueError(f"raw HTML is not allowed ({match.group(0)[:40]!r}); write Markdown instead")
    if _SCRIPT_URL.search(prose):
        raise ValueError("links must not use javascript:, vbscript: or data: URLs")
    return text


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(description="Lowercase slug (letters, digits, single hyphens). Public and permanent: never change it."),
]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_raw_html),
]


def PlainText(max_length: int):
    """One line of plain text of at most `max_length` characters, for titles and descriptions."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
                     AfterValidator(_no_raw_html)]


# A page title leaves room for " - " and the short site name within the 70 characters search results show; a
# description is cut at 160 characters by search results and link previews.
TITLE_MAX = 45
DESCRIPTION_MAX = 160

Choice = Literal["rust", "python", "depends"]
Tag = Literal[
    "performance", "memory", "concurrency", "ecosystem", "tooling", "learning", "migration", "deployment",
    "interop", "maintenance", "use-cases", "typing", "web", "data", "wasm",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    title: Text = Field(description="Name of the document, e.g. 'PEP 779' or 'The Rust Book, ch. 16'.")
    url: HttpUrl = Field(description="Absolute http(s) URL of an authoritative source.")


class LocatedSource(Source):
    where: Text = Field(description="Where in the source the facts stand: its section, table, heading or comment.")


Sources = Annotated[list[Source], Field(min_length=1, description="At least one authoritative source.")]


def _not_in_future(day: date) -> date:
    if day > date.today():
        raise ValueError(f"{day} is after today ({date.today()}): give the day the sources were last checked")
    return day


Reviewed = Annotated[date, AfterValidator(_not_in_future),
                     Field(description="Date (YYYY-MM-DD) the entry was last checked against its sources.")]


class Change(Strict):
    date: datetime.date = Field(description="Day the change was made (YYYY-MM-DD).")
    what: Text = Field(description="What changed, in a sentence a reader who linked the old version understands.")
    why: Text = Field(description="Why: what was wrong, stale or newly known.")
    source: Source = Field(description="The source that settles the change.")

    @field_validator("date")
    @classmethod
    def _not_ahead(cls, day: datetime.date) -> datetime.date:
        return _not_in_future(day)


Changes = Annotated[list[Change], Field(description="Dated notes of what changed in this entry and why, oldest "
                                                    "first; shown under \"What changed\" on its page and in the feed.")]
