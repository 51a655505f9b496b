"""Build variants of the site for comparison, configured by inheriting mkdocs.yml (MkDocs' INHERIT key).

Inheriting keeps MkDocs' own YAML tags (`!relative`) working and repeats none of the configuration.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from macros.generate import settings  # mkdocs.yml read without MkDocs, for the tools

ROOT = Path(__file__).resolve().parent.parent
# What a build reads: docs/ and the folders mkdocs.yml watches (the one list of them).
SOURCES = ("docs", *settings()["watch"])


def copy_sources(dest: Path, names=SOURCES) -> Path:
    for name in names:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "target"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def write_variant(project: Path, name: str, overrides: dict) -> Path:
    """A config file in `project` that is mkdocs.yml with `overrides` merged over it (lists are replaced)."""
    path = project / f"{name}.yml"
    path.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", **overrides}, sort_keys=False))
    return path


def build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build `config` into `site_dir`; `env` adds environment variables, such as COMPAT_OFF (compat/)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site_dir)],
                          cwd=config.parent, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                          stdout=subprocess.DEVNULL)
