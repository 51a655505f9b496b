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
