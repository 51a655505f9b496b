"""Build and run the side-by-side examples in examples/. Used by the tests and by `make bench-languages`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from content import loader
from content.models import Example, ExamplesFile
from content.toolchain import CARGO_FLAGS, EDITION, MIN_RUSTC

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = ROOT / "examples" / "Cargo.toml"
TARGET_DIR = ROOT / ".cache" / "cargo-target"  # kept between runs, so that a rebuild is incremental
# One line per test, from unittest's verbose report or Rust's test harness:
#   test_single_unit (main.ParseDurationTest.test_single_unit) ... ok
#   test tests::single_unit ... ok
_TEST_LINE = re.compile(r"^(?:test_|test (?:\w+::)*)(?P<name>\w+)(?: \([\w.]+\))? \.\.\. (?P<status>\w+)", re.M)


class ToolMissing(Exception):
    """A compiler the examples need is not installed, or too old."""


class BuildFailed(Exception):
    """cargo or maturin could not build an example."""


def load_examples(data_dir: Path = ROOT / "data") -> list[Example]:
    """data/examples.yml alone, so that the benchmark does not depend on its own previous output."""
    path = data_dir / "examples.yml"
    doc = loader.parse(str(path), path.read_bytes())
    model, problems = loader.validate(doc, ExamplesFile)
    if problems:
        raise loader.DataError(problems)
    return model.root


def find_cargo() -> str:
    """cargo from PATH, else from ~/.cargo/bin (where rustup installs it without touching PATH), if new enough."""
    found = shutil.which("cargo") or shutil.which("cargo", path=str(Path.home() / ".cargo" / "bin"))
    if not found:
        raise ToolMissing("cargo was not found on PATH or in ~/.cargo/bin, so the Rust examples cannot run. "
                          f"Install Rust {_dotted(MIN_RUSTC)} or newer (rustup, or Debian's rustc-web and "
                          "cargo-web on Debian 12), or run .ci/run, which does.")
    version = tool_version(found)
    number = re.search(r"(\d+)\.(\d+)", version)
    if not number or tuple(map(int, number.groups())) < MIN_RUSTC:
        raise ToolMissing(f"{found} is {version}, too old for the examples: they are Rust {EDITION} "
                          f"edition code and need Rust {_dotted(MIN_RUSTC)} or newer. Put a newer cargo first on "
                          "PATH (rustup's ~/.cargo/bin, or Debian's cargo-web on Debian 12).")
    return found


def _dotted(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


def tool_version(executable: str) -> str:
    return subprocess.run([executable, "--version"], capture_output=True, text=True, check=True).stdout.strip()


def rustc_version(cargo: str) -> str:
    """The compiler that this cargo runs."""
    return tool_version(str(Path(cargo).with_name("rustc")) if Path(cargo).with_name("rustc").exists() else "rustc")


def package_of(path: str) -> str:
    """The Cargo package that a Rust source file of an example belongs to: the nearest Cargo.toml above it."""
    folder = (ROOT / path).parent
    while not (folder / "Cargo.toml").exists():
        folder = folder.parent
    return tomllib.loads((folder / "Cargo.toml").read_text())["package"]["name"]


@dataclass
class Build:
    """What one `cargo build` of the workspace produced: each package's program, library and test harness."""

    executables: dict[str, Path] = field(default_factory=dict)
    libraries: dict[str, Path] = field(default_factory=dict)
    tests: dict[str, Path] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def cargo_build(cargo: str, *args: str, target_dir: Path = TARGET_DIR, build: Build | None = None) -> Build:
    """Run `cargo build` (or `cargo test --no-run`, with args) on the workspace, offline and with the committed
    Cargo.lock, and collect what it built. The crates come from `make` (`cargo fetch --locked`) beforehand."""
    build = build or Build()
    command = [cargo, *(args or ("build",)), *CARGO_FLAGS, "--manifest-path", str(WORKSPACE),
               "--target-dir", str(target_dir), "--message-format", "json-diagnostic-rendered-ansi"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, env=_cargo_env())
    messages = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for message in messages:
        if message.get("reason") == "compiler-message" and message["message"]["level"] in ("warning", "error"):
            build.warnings.append(message["message"]["rendered"])
        if message.get("reason") != "compiler-artifact" or not message["package_id"].startswith("path+"):
            continue
        package = _package_name(message)
        if message["profile"]["test"]:
            build.tests[package] = Path(message["executable"])
        elif message.get("executable"):
            build.executables[package] = Path(message["executable"])
        elif "cdylib" in message["target"]["kind"]:
            build.libraries[package] = Path(message["filenames"][0])
    if result.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} failed:\n" + "\n".join(build.warnings) + result.stderr[-3000:])
    return build


def _package_name(message: dict) -> str:
    """`path+file:///.../fuzzy-ctypes#0.1.0` or `...#fuzzy-ctypes@0.1.0`: the package's name."""
    ident = message["package_id"].split("#", 1)[1]
    return ident.split("@")[0] if "@" in ident else message["package_id"].split("#")[0].rsplit("/", 1)[1]


def _cargo_env() -> dict[str, str]:
    # Plain diagnostics in the rendered text that the tests print.
    return {**os.environ, "CARGO_TERM_COLOR": "never"}


def build_examples(cargo: str, target_dir: Path = TARGET_DIR) -> Build:
    """Every program and C-ABI library of the workspace, and the unit-test harness of the unit-test examples.
    The PyO3 extension is left to maturin (build_wheel), which sets up PyO3 its own way: building it here
    too would make each of the two rebuild it after the other."""
    examples = load_examples()
    extensions = [package_of(e.hot_path.extension.module) for e in examples if e.hot_path and e.hot_path.extension]
    build = cargo_build(cargo, "build", "--workspace", *(f"--exclude={p}" for p in extensions),
                        target_dir=target_dir)
    tested = [package_of(e.rust) for e in examples if e.unit_tests]
    return cargo_build(cargo, "test", "--no-run", *(f"--package={p}" for p in tested), target_dir=target_dir,
                       build=build) if tested else build


def build_wheel(maturin: str, example: Example, out_dir: Path, target_dir: Path = TARGET_DIR) -> Path:
    """Build the example's PyO3 extension into an abi3 wheel in out_dir with maturin, offline."""
    manifest = (ROOT / example.hot_path.extension.module).parent / "Cargo.toml"
    command = [maturin, "build", *CARGO_FLAGS, "--manifest-path", str(manifest), "--target-dir", str(target_dir),
               "--out", str(out_dir)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, env=_cargo_env())
    if result.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    [wheel] = out_dir.glob("*.whl")
    return wheel


def install_wheel(wheel: Path, venv: Path) -> Path:
    """A new virtual environment with the wheel installed from the file, offline; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                             "--no-index", "--no-deps", "--disable-pip-version-check", str(wheel)],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise BuildFailed(f"pip could not install {wheel.name}:\n{result.stderr}")
    return python


def program(example: Example, build: Build) -> Path:
    """The example's built Rust program (or, for unit tests, its test harness)."""
    package = package_of(example.rust)
    return build.tests[package] if example.unit_tests else build.executables[package]


def library(example: Example, build: Build) -> Path:
    """The example's built C-ABI hot-path library."""
    return build.libraries[package_of(example.hot_path.library)]


def hot_path_command(example: Example, python: str) -> list[str]:
    return [python, Path(example.hot_path.python).name, *example.args]


def extension_command(example: Example, python: str) -> list[str]:
    return [python, Path(example.hot_path.extension.python).name, *example.args]


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
