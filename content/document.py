"""What every data rule works on: a parsed YAML file with the position of each value, and a problem found in
it. Both the loader and the cross-entry checks use these; neither imports the other for them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"


@dataclass
class Document:
    """One parsed YAML file: plain Python values plus the (line, column) of every path in it."""

    name: str
    value: object
    marks: dict[Path_, tuple[int, int]]
    problems: list[Problem] = field(default_factory=list)  # found while parsing, e.g. duplicate keys
    text: str = ""  # the file as written, for rules that point inside a value

    def locate(self, path: Path_, needle: str, occurrence: int = 0) -> tuple[int, int]:
        """(line, column) of the `occurrence`-th `needle` in the file at or after the value at `path`: where a
        rule's finding inside a long text stands. Falls back to the value's own position."""
        line, column = self.mark(path)
        lines = self.text.split("\n")
        offset = sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
        for _ in range(occurrence + 1):
            found = self.text.find(needle, offset)
            if found < 0:
                return line, column
            offset = found + 1
        return self.text.count("\n", 0, found) + 1, found - (self.text.rfind("\n", 0, found) + 1) + 1

    def problem_at(self, path: Path_, needle: str, occurrence: int, message: str) -> Problem:
        line, column = self.locate(path, needle, occurrence)
        return Problem(self.name, line, column, self.field_name(path), message)

    def mark(self, path: Path_) -> tuple[int, int]:
        while path not in self.marks:  # a missing field points at the mapping that lacks it
            path = path[:-1]
        return self.marks[path]

    def field_name(self, path: Path_) -> str:
        text = Path(self.name).stem
        for part in path:
            text += f"[{part}]" if isinstance(part, int) else f".{part}"
        return text

    def problem(self, path: Path_, message: str) -> Problem:
        line, column = self.mark(path)
        return Problem(self.name, line, column, self.field_name(path), message)
