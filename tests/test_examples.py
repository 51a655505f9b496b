"""Every example runs in both languages and prints exactly its expected output; the Examples page shows them."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import MATURIN, ROOT, soup

from tools import examples as ex

EXAMPLES = ex.load_examples()
BY_ID = {e.id: e for e in EXAMPLES}


def cargo() -> str:
    """A missing compiler fails every Rust test with the reason: it never turns into a skip."""
    try:
        return ex.find_cargo()
    except ex.ToolMissing as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def workspace() -> ex.Build:
    """The whole workspace, built once per run, offline, into the persistent target folder (incremental)."""
    try:
        return ex.build_examples(cargo())
    except ex.BuildFailed as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def pyo3_python(tmp_path_factory) -> dict[str, Path]:
    """Per example with a PyO3 extension: the python of a new virtual environment with its wheel installed."""
    maturin = Path(sys.executable).with_name("maturin")
    found = {}
    for example in (e for e in EXAMPLES if e.hot_path and e.hot_path.extension):
        work = tmp_path_factory.mktemp(f"pyo3-{example.id}")
        try:
            wheel = ex.build_wheel(str(maturin), example, work / "wheel")
            found[example.id] = ex.install_wheel(wheel, work / "venv")
        except ex.BuildFailed as error:
            pytest.fail(str(error))
    return found


def check_output(example, result: subprocess.CompletedProcess) -> None:
    command = " ".join(map(str, result.args))
    assert result.returncode == 0, f"{command} exited with {result.returncode}:\n{result.stdout}{result.stderr}"
    expected = (ROOT / example.expected).read_text()
    assert ex.output(example, result) == expected, f"{command} no longer prints {example.expected}"


def test_there_are_at_least_nine_examples_and_five_are_benchmarked():
    assert len(EXAMPLES) >= 9
    assert sum(e.benchmark is not None for e in EXAMPLES) >= 5
    assert any(e.unit_tests for e in EXAMPLES)


@pytest.mark.parametrize("example_id", BY_ID)
def test_python_version_prints_the_expected_output(example_id):
    example = BY_ID[example_id]
    check_output(example, ex.run(example, ex.python_command(example, sys.executable)))


@pytest.mark.build
@pytest.mark.parametrize("example_id", BY_ID)
def test_rust_version_prints_the_expected_output(example_id, workspace):
    example = BY_ID[example_id]
    check_output(example, ex.run(example, ex.rust_command(example, ex.program(example, workspace))))


def test_the_workspace_builds_without_a_warning(workspace):
    assert workspace.warnings == [], "\n".join(workspace.warnings)


HOT_PATHS = [e.id for e in EXAMPLES if e.hot_path]


def test_at_least_one_example_moves_its_hot_function_to_rust_and_is_benchmarked():
    assert any(BY_ID[example_id].benchmark for example_id in HOT_PATHS)


@pytest.mark.build
@pytest.mark.parametrize("example_id", HOT_PATHS)
def test_python_calling_rust_prints_the_expected_output(example_id, workspace):
    example = BY_ID[example_id]
    env = ex.hot_path_env(example, ex.library(example, workspace))
    check_output(example, ex.run(example, ex.hot_path_command(example, sys.executable), env=env))


EXTENSIONS = [e.id for e in EXAMPLES if e.hot_path and e.hot_path.extension]


def test_the_hot_path_example_also_has_a_pyo3_extension():
    assert EXTENSIONS and set(EXTENSIONS) <= set(HOT_PATHS)


@MATURIN
@pytest.mark.parametrize("example_id", EXTENSIONS)
def test_python_calling_the_pyo3_wheel_prints_the_expected_output(example_id, pyo3_python):
    example = BY_ID[example_id]
    python = pyo3_python[example_id]
    check_output(example, ex.run(example, ex.extension_command(example, str(python))))
    # It is the installed wheel that answers, an abi3 build, not a copy lying next to the program.
    where = subprocess.run([python, "-c", "from fuzzy_pyo3 import fuzzy_pyo3; print(fuzzy_pyo3.__file__)"],
                           capture_output=True, text=True, cwd=ROOT / Path(example.python).parent, check=True).stdout
    assert str(python.parent.parent) in where and where.strip().endswith(".abi3.so")


@MATURIN
@pytest.mark.parametrize("example_id", EXTENSIONS)
def test_the_pyo3_function_rejects_a_wrong_argument_with_a_type_error(example_id, pyo3_python):
    result = subprocess.run([pyo3_python[example_id], "-c", "import fuzzy_pyo3; fuzzy_pyo3.distance('a', 3)"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "TypeError" in result.stderr


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    modules = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("example_id", BY_ID)
def test_python_version_imports_only_the_standard_library(example_id):
    assert imports(ROOT / BY_ID[example_id].python) <= sys.stdlib_module_names


@pytest.mark.parametrize("example_id", HOT_PATHS)
def test_python_calling_rust_imports_only_the_standard_library_and_the_pure_python_version(example_id):
    example = BY_ID[example_id]
    assert imports(ROOT / example.hot_path.python) <= sys.stdlib_module_names | {Path(example.python).stem}


@pytest.mark.parametrize("example_id", EXTENSIONS)
def test_python_calling_pyo3_imports_only_the_extension_and_the_pure_python_version(example_id):
    example = BY_ID[example_id]
    module = tomllib.loads((ROOT / example.hot_path.extension.module).with_name("pyproject.toml").read_text())
    allowed = {Path(example.python).stem, module["tool"]["maturin"]["module-name"]}
    assert imports(ROOT / example.hot_path.extension.python) == allowed


def test_each_example_folder_belongs_to_one_entry():
    folders = {p.name for p in (ROOT / "examples").iterdir() if p.is_dir() and not p.name.startswith(".")}
    assert folders == set(BY_ID)
    for example in EXAMPLES:
        hot_path = [example.hot_path.python, example.hot_path.library] if example.hot_path else []
        if example.hot_path and example.hot_path.extension:
            hot_path += [example.hot_path.extension.python, example.hot_path.extension.module]
        for path in (example.python, example.rust, *example.rust_modules, *hot_path, example.expected, example.stdin):
            assert path is None or path.startswith(f"examples/{example.id}/"), path


def test_unit_test_reports_reduce_to_the_same_summary():
    unittest_report = ("test_adds (main.T.test_adds) ... ok\n"
                       "test_rejects_empty (main.T.test_rejects_empty) ... FAIL\n")
    rust_report = "test tests::rejects_empty ... FAILED\ntest tests::adds ... ok\n"
    expected = "adds ok\nrejects_empty FAILED\n1 of 2 tests passed\n"
    assert ex.test_summary(unittest_report) == ex.test_summary(rust_report) == expected


def test_missing_compiler_is_reported_with_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(ex.ToolMissing, match=r"cargo was not found on PATH or in ~/\.cargo/bin.*Install Rust 1\.85 or newer"):
        ex.find_cargo()


def test_a_compiler_older_than_the_2024_edition_is_refused_by_name(monkeypatch, tmp_path):
    """Debian 12's cargo 1.65 cannot build 2024 edition code: say so instead of failing on every example."""
    fake = tmp_path / "cargo"
    fake.write_text("#!/bin/sh\necho 'cargo 1.65.0'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ex.ToolMissing, match=rf"{fake} is cargo 1\.65\.0, too old for the examples: they are Rust 2024 "
                                             r"edition code and need Rust 1\.85 or newer"):
        ex.find_cargo()


# The Examples page


@pytest.fixture(scope="module")
def examples_index(site) -> BeautifulSoup:
    return soup(site, "examples")


def words(text: str, n: int = 6) -> str:
    return " ".join(text.replace("`", "").split()[:n])


@pytest.mark.parametrize("example_id", BY_ID)
def test_the_examples_page_lists_each_task_at_its_id_with_a_link_to_its_page(examples_index, example_id):
    example = BY_ID[example_id]
    heading = examples_index.find(id=example.id)
    assert heading is not None and heading.name == "h2"
    assert heading.get_text().rstrip("¶").strip() == example.title
    assert words(example.notice) in " ".join(heading.find_next("p").get_text().split())
    assert heading.find_next("a", href=f"{example.id}/") is not None


@pytest.mark.parametrize("example_id", BY_ID)
def test_each_example_page_shows_the_real_files_in_tabs(site, data, example_id):
    example = BY_ID[example_id]
    page = soup(site, f"examples/{example.id}")
    assert page.select_one("article h1").get_text().rstrip("¶").strip() == example.title
    assert words(example.notice) in " ".join(page.select_one("article h1").find_next("p").get_text().split())
    tabs = page.select_one("article div.tabbed-set")
    folder = example.python.rsplit("/", 1)[0]
    expected_tabs = {"Python": [example.python], "Rust": [example.rust, *example.rust_modules, f"{folder}/Cargo.toml"]}
    if example.hot_path:
        library = example.hot_path.library.rsplit("/", 1)[0]
        expected_tabs["Python + Rust (ctypes)"] = [example.hot_path.python, example.hot_path.library,
                                                  f"{library}/Cargo.toml"]
    if example.hot_path and example.hot_path.extension:
        module = example.hot_path.extension.module.rsplit("/", 1)[0]
        expected_tabs["Python + Rust (PyO3)"] = [example.hot_path.extension.python, example.hot_path.extension.module,
                                                f"{module}/Cargo.toml", f"{module}/pyproject.toml"]
    if example.stdin:
        expected_tabs["Input"] = [example.stdin]
    expected_tabs["Output"] = [example.expected]
    labels = [label.get_text(strip=True) for label in tabs.select(".tabbed-labels label")]
    assert labels == list(expected_tabs)
    blocks = tabs.select(".tabbed-content > .tabbed-block")
    for files, block in zip(expected_tabs.values(), blocks, strict=True):
        assert [name.get_text() for name in block.select(".filename")] == files
        for path, code in zip(files, block.select("pre code"), strict=True):
            assert code.get_text() == (ROOT / path).read_text(), f"{path} differs on the page"
    assert page.select_one("a.md-content__button[rel=edit]")["href"].endswith(
        f"data/examples.yml#L{data.line('examples.yml', example.id)}")


def test_tabs_switch_and_the_copy_button_copies_the_program(page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(server + "/examples/parallel-cpu/", wait_until="networkidle")
    tabs = page.locator("article .tabbed-set").first
    python, rust = tabs.locator(".tabbed-block").nth(0), tabs.locator(".tabbed-block").nth(1)
    program = rust.locator("pre code").first  # main.rs, then Cargo.toml
    assert python.locator("pre code").is_visible() and not program.is_visible()
    tabs.get_by_text("Rust", exact=True).click()
    assert program.is_visible() and not python.locator("pre code").is_visible()
    assert "into_par_iter" in program.inner_text()
    rust.locator("pre").first.hover()
    rust.get_by_title("Copy to clipboard").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == (ROOT / BY_ID["parallel-cpu"].rust).read_text().strip()
