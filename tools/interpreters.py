"""Find the CPython interpreters on this machine that `make bench-languages` times: one per minor version and
build (default or free-threaded), Debian's builds first, else the newest patch release; and each one that has
the JIT built in a second time, with PYTHON_JIT=1."""

from __future__ import annotations

import fnmatch
import glob
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from tools.fetch_interpreters import CACHE

MIN_VERSION = (3, 11)  # the oldest Python the examples are written for
_MINORS = range(MIN_VERSION[1], 31)
_PROBE = Path(__file__).resolve().parent / "probes" / "python_build.py"
_PYENV = "~/.pyenv/versions/*/bin/python3"
# Debian's builds: the machine's own package, and unstable's from `make interpreters`.
DEBIAN = ("/usr/bin/python3.[0-9]*", str(CACHE / "root" / "usr" / "bin" / "run-python3.[0-9]*"))
SEARCHED = (f"python3.{_MINORS[0]} to python3.{_MINORS[-1]}, each also with a t suffix, on PATH",
            f"{DEBIAN[0]} (Debian's own)", f"{_PYENV} (pyenv)",
            ".cache/interpreters/ (Debian unstable's, from `make interpreters`)")
JIT_ON = {"PYTHON_JIT": "1"}


@dataclass(frozen=True)
class Interpreter:
    executable: str
    version: tuple[int, int, int]
    full_version: str
    free_threaded: bool
    gil_enabled: bool
    jit_available: bool
    jit_enabled: bool
    config_args: str = ""
    pgo: bool = False
    lto: bool = False
    env: tuple[tuple[str, str], ...] = ()  # extra environment it runs with, e.g. PYTHON_JIT=1

    @property
    def origin(self) -> str:
        """Who built it: Debian (this machine's package, or unstable's from `make interpreters`), pyenv, other."""
        if any(fnmatch.fnmatch(self.executable, pattern) for pattern in DEBIAN):
            return "debian"
        return "pyenv" if "/.pyenv/" in self.executable else "other"

    @property
    def name(self) -> str:
        build = " free-threaded" if self.free_threaded else ""
        origin = {"debian": " (Debian)", "pyenv": " (pyenv)"}.get(self.origin, "")
        jit = " with JIT" if self.jit_enabled else ""
        return f"CPython {'.'.join(map(str, self.version))}{build}{origin}{jit}"

    @property
    def command(self) -> list[str]:
        """How to start it: the executable (for Debian unstable's, the script that starts it through its own
        loader)."""
        return [self.executable]


def candidates(extra: list[str]) -> list[str]:
    names = [f"python3.{minor}{suffix}" for minor in _MINORS for suffix in ("", "t")]
    on_path = [found for name in names if (found := shutil.which(name))]
    debian = [path for pattern in DEBIAN for path in sorted(glob.glob(pattern)) if re.search(r"python3\.\d+t?$", path)]
    return [*extra, *on_path, *debian, *sorted(glob.glob(os.path.expanduser(_PYENV)))]


def probe(executable: str, env: dict[str, str] | None = None) -> Interpreter | None:
    """What the interpreter says about itself, or None if it does not run (a pyenv shim for a version that is
    not selected, say) or is not CPython."""
    try:
        result = subprocess.run([executable, str(_PROBE)], capture_output=True, text=True, timeout=60,
                                env={**os.environ, **(env or {})})
        facts = json.loads(result.stdout)
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
        return None
    if facts["implementation"] != "cpython":
        return None
    return Interpreter(facts["executable"], tuple(facts["version"]), facts["full_version"], facts["free_threaded"],
                       facts["gil_enabled"], facts["jit_available"], facts["jit_enabled"],
                       facts.get("config_args", ""), facts.get("pgo", False), facts.get("lto", False),
                       tuple(sorted((env or {}).items())))


def _preference(interpreter: Interpreter) -> tuple:
    """Debian's builds first (one packaging, one set of build flags, so they compare like with like), then the
    newest patch release."""
    return (interpreter.origin == "debian", interpreter.version)


def find(extra: list[str]) -> tuple[list[Interpreter], list[str]]:
    """The interpreters to time, oldest first (each JIT build twice, off then on), and a line for each one left
    out and why."""
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
    chosen: dict[tuple, Interpreter] = {}
    for interpreter in sorted(found.values(), key=_preference, reverse=True):
        key = (interpreter.version[:2], interpreter.free_threaded)
        if key in chosen:
            notes.append(f"{interpreter.executable}: {interpreter.name} left out for {chosen[key].name}")
        else:
            chosen[key] = interpreter
    timed = []
    for interpreter in sorted(chosen.values(), key=lambda i: (i.version, i.free_threaded)):
        timed.append(interpreter)
        if interpreter.jit_available and not interpreter.jit_enabled:
            with_jit = probe(interpreter.executable, JIT_ON)
            if with_jit and with_jit.jit_enabled:
                timed.append(replace(with_jit, executable=interpreter.executable))
    return timed, notes
