"""The hand-written pages under docs/ as text, for the rules that look at pages as well as data (figures typed by
hand, facts that nothing uses). Generated pages (docs/faq/, docs/examples/) are rendered from data and skipped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .document import Document, Problem

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_KEY = re.compile(r"^([A-Za-z_]+):", re.MULTILINE)


@dataclass(frozen=True)
class Page:
    name: str  # as a contributor types it: docs/performance.md
    text: str

    @cached_property
    def front_matter_end(self) -> int:
        match = _FRONT_MATTER.match(self.text)
        return match.end(1) if match else 0

    def problem(self, offset: int, message: str) -> Problem:
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return Problem(self.name, line, column, self.field(offset), message)

    def field(self, offset: int) -> str:
        """The front-matter key the offset is in (`description`), or `text` for the page body."""
        if offset >= self.front_matter_end:
            return "text"
        keys = [m for m in _KEY.finditer(self.text, 0, self.front_matter_end) if m.start() <= offset]
        return keys[-1].group(1) if keys else "front matter"


def root(docs: dict[str, Document]) -> Path | None:
    """The project folder: the one that holds data/ (and docs/, if it has pages)."""
    return Path(next(iter(docs.values())).name).parent.parent if docs else None


def pages(docs: dict[str, Document]) -> list[Page]:
    folder = root(docs)
    if folder is None or not (folder / "docs").is_dir():
        return []
    return [Page(str(path), path.read_text(encoding="utf-8")) for path in sorted((folder / "docs").glob("*.md"))]
