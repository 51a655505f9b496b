"""Find the CPython interpreters on this machine that `make bench-languages` times: one per minor version and
build (default or free-threaded), the newest patch release of each."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

MIN_VERSION = (3, 11)  # the oldest Python the examples are written for
_MINORS = range(MIN_VERSION[1], 31)
_PROBE = Path(__file__).resolve().parent / "probes" / "python_build.py"
_PYENV = "~/.pyenv/versions/*/bin/python3"
SEARCHED = (f"python3.{_MINORS[0]} to python3.{_MINORS[-1]}, each also with a t suffix, on PATH",
            f"{_PYENV} (pyenv)")


@dataclass(frozen=True)
class Interpreter:
    executable: str
    version: tuple[int, int, int]
    full_version: str
    free_threaded: bool
    gil_enabled: bool
    jit_available: bool
    jit_enabled: bool

    @property
    def name(self) -> str:
        build = " free-threaded" if self.free_threaded else ""
        return f"CPython {'.'.join(map(str, self.version))}{build}" + (" with JIT" if self.jit_enabled else "")


def candidates(extra: list[str]) -> list[str]:
    names = [f"python3.{minor}{suffix}" for minor in _MINORS for suffix in ("", "t")]
    on_path = [found for name in names if (found := shutil.which(name))]
    return [*extra, *on_path, *sorted(glob.glob(os.path.expanduser(_PYENV)))]


def probe(executable: str) -> Interpreter | None:
    """What the interpreter says about itself, or None if it does not run (a pyenv shim for a version that is
    not selected, say) or is not CPython."""
    try:
        result = subprocess.run([executable, str(_PROBE)], capture_output=True, text=True, timeout=60)
        facts = json.loads(result.stdout)
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
        return None
    if facts["implementation"] != "cpython":
        return None
    return Interpreter(facts["executable"], tuple(facts["version"]), facts["full_version"], facts["free_threaded"],
                       facts["gil_enabled"], facts["jit_available"], facts["jit_enabled"])


def find(extra: list[str]) -> tuple[list[Interpreter], list[str]]:
    """The interpreters to time, oldest first, and a line for each one left out and why."""
    found: dict[str, Interpreter] = {}
    notes = []
    for executable in dict.fromkeys(candidates(extra)):
        interpreter = probe(executable)
        if interpreter is None:
            notes.append(f"{executable}: does not run, or is not CPython")
        elif interpreter.version[:2] < MIN_VERSION:
            notes.append(f"{executable}: {interpreter.name} is older than {'.'.join(map(str, MIN_VERSION))}")
        else:
            found.setdefault(interpreter.executable, interpreter)
    newest: dict[tuple, Interpreter] = {}
    for interpreter in sorted(found.values(), key=lambda i: i.version, reverse=True):
        key = (interpreter.version[:2], interpreter.free_threaded)
        if key in newest:
            notes.append(f"{interpreter.executable}: {interpreter.name} is older than {newest[key].name}")
        else:
            newest[key] = interpreter
    return sorted(newest.values(), key=lambda i: (i.version, i.free_threaded)), notes
