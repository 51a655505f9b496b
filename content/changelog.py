"""The change notes of the guide's entries: who carries them, the newest across the guide, and which edits need one.

An answer's short answer and a criterion's edge and decision scores are what readers quote and link to; when one
of them changes, the entry gets a dated note under `changes:` (what, why, source). The notes are shown under
"What changed" on the entry's page, listed on the What changed page and published in the Atom feed; the
pull-request check (`python -m content changes`) asks for one when a watched field changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import urls
from .fields import Change


@dataclass(frozen=True)
class Noted:
    """One change note with the entry it belongs to."""

    change: Change
    kind: urls.Kind
    entry_id: str
    title: str    # the question or the criterion's title (Markdown)
    ordinal: int  # 1 for the entry's first note of that day, 2 for its second: with the date, a permanent id

    @property
    def url(self) -> str:
        return self.kind.home_url(self.entry_id)

    @property
    def source(self) -> str:
        return self.kind.home_source(self.entry_id)


# The kinds of entry that carry change notes, and the Markdown title of an entry of each.
TITLES = {urls.ANSWER: lambda entry: entry.question, urls.CRITERION: lambda entry: entry.title,
          urls.CASE: lambda entry: entry.project}


def notes(data) -> list[Noted]:
    """Every change note in the guide, newest first."""
    found = []
    for kind, title in TITLES.items():
        for entry in kind.entries(data):
            per_day: dict = {}
            for change in entry.changes:
                per_day[change.date] = per_day.get(change.date, 0) + 1
                found.append(Noted(change, kind, entry.id, title(entry), per_day[change.date]))
    return sorted(found, key=lambda n: n.change.date, reverse=True)


def _words(text) -> str | None:
    """Text with its line breaks and spacing evened out: rewrapping a paragraph is not a change."""
    return " ".join(text.split()) if isinstance(text, str) else text


@dataclass(frozen=True)
class Watched:
    """A field whose change needs a new note on an entry of `kind` (the entry with the same id)."""

    kind: urls.Kind
    data_file: str                      # where the field lives, under data/
    field: str                          # what the message calls it
    value: Callable[[dict], object]     # an entry as read from YAML -> the watched value
    entries: Callable[[object], list] = lambda document: document if isinstance(document, list) else []


WATCHED = (
    Watched(urls.ANSWER, "faq.yml", "short answer", lambda e: _words(e.get("short_answer"))),
    Watched(urls.CRITERION, "comparison.yml", "edge", lambda e: {k: _words(v) for k, v in e.get("edge", {}).items()}),
    Watched(urls.CRITERION, "decision.yml", "scores", lambda e: (e.get("rust"), e.get("python")),
            entries=lambda document: document.get("criteria", []) if isinstance(document, dict) else []),
)
