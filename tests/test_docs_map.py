"""The docs are a map a newcomer can trust: every path they name exists, the README says where to change what, and
the code's folders import one way only (content -> macros -> hooks -> compat, tools beside them)."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("README.md", "ARCHITECTURE.md", "CONTRIBUTING.md")
# A code span that names a file or folder of the project: a path with a slash or a known file name ending.
_PATH = re.compile(r"`(\.?[\w.-]+(?:/[\w.<>*-]*)*(?:/|\.(?:py|yml|yaml|md|j2|css|js|json|txt|toml|ini|cff|cjs)))`")
LAYERS = ("content", "macros", "hooks", "compat")  # each may import only from the folders before it


def named_paths(text: str) -> set[str]:
    return {match for match in _PATH.findall(text) if not match.startswith(("http", "."))
            or match.startswith((".ci/", ".github/", ".validators", ".yamllint", ".pre-commit"))}


def _exists(path: str) -> bool:
    pattern = re.sub(r"<[^>]+>", "*", path.rstrip("/"))
    if "/" not in path:  # a bare file name, as in "entries.js": some tracked file has it
        return any(_project_files(f"**/{pattern}"))
    if any(ROOT.glob(pattern)) if "*" in pattern else (ROOT / pattern).exists():
        return True
    if path.endswith("/") and (ROOT / "docs" / f"{path.split('/')[0]}.md").is_file():
        return True  # a published address such as faq/<id>/: its page's source is docs/faq.md
    # Build output and caches (site/, .cache/cards/, generated pages) exist only after a build: git ignores them.
    # A folder keeps its slash: .gitignore's "site/" names only a folder, and on a fresh clone there is none yet.
    ignored = pattern.replace("*", "x") + ("/" if path.endswith("/") else "")
    return subprocess.run(["git", "check-ignore", "-q", "--no-index", ignored], cwd=ROOT).returncode == 0


def _project_files(pattern: str):
    return (path for path in ROOT.glob(pattern) if not {".venv", "node_modules", ".git"} & set(path.parts))


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_the_docs_name_exists(doc):
    missing = sorted(p for p in named_paths((ROOT / doc).read_text()) if not _exists(p))
    assert not missing, f"{doc} names paths that do not exist: {missing}"


def test_the_path_check_notices_a_missing_file():
    assert not _exists("content/no_such_module.py") and not _exists("no_such_file.py")
    assert not _exists("nowhere/<id>/")
    assert _exists("content/rules/") and _exists("docs/faq/<id>.md") and _exists("site/assets/cards/<page>.png")
    assert _exists("site-zensical/")  # build output, whether or not it was built


def test_the_readme_says_where_to_change_what():
    text = (ROOT / "README.md").read_text()
    table = text[text.index("## Where to change what"):].split("\n\n")[1]
    rows = {line.split("|")[1].strip(): line for line in table.splitlines()[2:]}
    for topic in ("An answer's text", "How an answer page looks", "A comparison criterion", "A theme workaround",
                  "The URL scheme", "A rule `make check` enforces"):
        assert topic in rows, f"README's map has no row for {topic!r}"
        assert named_paths(rows[topic]), f"the row for {topic!r} names no file"


def _imported_folders(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
              and node.level == 0}
    return {name.split(".")[0] for name in names} & {*LAYERS, "tools"}


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_run_one_way(layer):
    allowed = set(LAYERS[:LAYERS.index(layer) + 1])
    wrong = {f"{path.relative_to(ROOT)} imports {sorted(found - allowed)}"
             for path in (ROOT / layer).rglob("*.py") if (found := _imported_folders(path)) - allowed}
    assert not wrong, f"{layer}/ may import only from {sorted(allowed)}: {sorted(wrong)}"
