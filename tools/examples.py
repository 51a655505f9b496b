"""Build and run the side-by-side examples in examples/. Used by the tests and by `make bench-languages`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from content import loader
from content.models import Example, ExamplesFile
from content.toolchain import EDITION, MIN_RUSTC, RUSTC_FLAGS

ROOT = Path(__file__).resolve().parent.parent
# One line per test, from unittest's verbose report or Rust's test harness:
#   test_single_unit (main.ParseDurationTest.test_single_unit) ... ok
#   test tests::single_unit ... ok
_TEST_LINE = re.compile(r"^(?:test_|test (?:\w+::)*)(?P<name>\w+)(?: \([\w.]+\))? \.\.\. (?P<status>\w+)", re.M)


class ToolMissing(Exception):
    """A compiler the examples need is not installed, or too old."""


class BuildFailed(Exception):
    """rustc rejected an example."""


def load_examples(data_dir: Path = ROOT / "data") -> list[Example]:
    """data/examples.yml alone, so that the benchmark does not depend on its own previous output."""
    path = data_dir / "examples.yml"
    doc = loader.parse(str(path), path.read_bytes())
    model, problems = loader.validate(doc, ExamplesFile)
    if problems:
        raise loader.DataError(problems)
    return model.root


def find_rustc() -> str:
    """rustc from PATH, else from ~/.cargo/bin (where rustup installs it without touching PATH), if new enough."""
    found = shutil.which("rustc") or shutil.which("rustc", path=str(Path.home() / ".cargo" / "bin"))
    if not found:
        raise ToolMissing("rustc was not found on PATH or in ~/.cargo/bin, so the Rust examples cannot run. "
                          f"Install rustc {_dotted(MIN_RUSTC)} or newer (rustup, or Debian's rustc-web on "
                          "Debian 12), or run .ci/run, which does.")
    version = rustc_version(found)
    number = re.search(r"(\d+)\.(\d+)", version)
    if not number or tuple(map(int, number.groups())) < MIN_RUSTC:
        raise ToolMissing(f"{found} is {version}, too old for the examples: they are Rust {EDITION} "
                          f"edition code and need rustc {_dotted(MIN_RUSTC)} or newer. Put a newer rustc first on "
                          "PATH (rustup's ~/.cargo/bin, or Debian's rustc-web on Debian 12).")
    return found


def _dotted(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


def rustc_version(rustc: str) -> str:
    return subprocess.run([rustc, "--version"], capture_output=True, text=True, check=True).stdout.strip()


def build_rust(example: Example, rustc: str, out_dir: Path, *extra: str) -> Path:
    """Compile the Rust program (or, for unit tests, its test harness) into out_dir."""
    binary = out_dir / example.id
    tests = ["--test"] if example.unit_tests else []
    command = [rustc, *RUSTC_FLAGS, *tests, *extra, "-o", str(binary), str(ROOT / example.rust)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} failed:\n{result.stderr}")
    return binary


def build_library(example: Example, rustc: str, out_dir: Path, *extra: str) -> Path:
    """Compile the example's hot-path library into out_dir as a shared library that ctypes can load."""
    library = out_dir / f"lib{Path(example.hot_path.library).stem}.so"
    command = [rustc, *RUSTC_FLAGS, "--crate-type", "cdylib", *extra, "-o", str(library),
               str(ROOT / example.hot_path.library)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} failed:\n{result.stderr}")
    return library


def hot_path_command(example: Example, python: str) -> list[str]:
    return [python, Path(example.hot_path.python).name, *example.args]


def hot_path_env(example: Example, library: Path) -> dict[str, str]:
    """What tells the hot-path program where the library was built."""
    return {example.hot_path.library_variable: str(library)}


def python_command(example: Example, python: str) -> list[str]:
    script = Path(example.python)
    if example.unit_tests:
        return [python, "-m", "unittest", "-v", script.stem]
    return [python, script.name, *example.args]


def rust_command(example: Example, binary: Path) -> list[str]:
    return [str(binary)] if example.unit_tests else [str(binary), *example.args]


def run(example: Example, command: list[str], stdin: Path | None = None, timeout: float = 120,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run from the example's folder, as a reader would, feeding the example's input file if it has one;
    `env` adds environment variables."""
    stdin = stdin or (ROOT / example.stdin if example.stdin else None)
    with open(stdin or os.devnull, "rb") as source:
        return subprocess.run(command, cwd=ROOT / Path(example.python).parent, stdin=source, capture_output=True,
                              text=True, timeout=timeout, env={**os.environ, **(env or {})})


def output(example: Example, result: subprocess.CompletedProcess) -> str:
    """What gets compared with the expected file: stdout, or for unit tests a runner-neutral summary."""
    if not example.unit_tests:
        return result.stdout
    return test_summary(result.stdout + result.stderr)


def test_summary(report: str) -> str:
    """'name ok' per test, sorted, then a count: the same text for unittest -v and for Rust's harness."""
    results = sorted((m["name"], "ok" if m["status"] == "ok" else "FAILED") for m in _TEST_LINE.finditer(report))
    passed = sum(status == "ok" for _, status in results)
    lines = [f"{name} {status}" for name, status in results]
    return "\n".join([*lines, f"{passed} of {len(results)} tests passed", ""])
