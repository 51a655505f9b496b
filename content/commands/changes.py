"""`python -m content changes [DATA_DIR] [--base REF]`: the pull-request check for change notes.

Compares data/ with the same files at REF (default `main`, read with `git show`) and lists every entry whose
short answer, edge or decision scores changed there without a new note under its `changes:`, as
`file:line: id: message`. Rewrapped text is not a change; an entry renamed with its old id in `aliases` is
compared with its old self; a new entry needs no note. Exits 1 when an entry needs a note.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

from .. import changelog
from ..loader import DataError, load


def at_base(data_dir: Path, filename: str, base: str) -> object:
    """The file as it was at `base`, parsed; None when it did not exist there."""
    prefix = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=data_dir, capture_output=True, text=True,
                            check=True).stdout.strip()
    shown = subprocess.run(["git", "show", f"{base}:{prefix}{filename}"], cwd=data_dir, capture_output=True, text=True)
    return yaml.safe_load(shown.stdout) if shown.returncode == 0 else None


def _by_id(entries: list) -> dict[str, dict]:
    return {e["id"]: e for e in entries if isinstance(e, dict) and "id" in e}


def _notes(entry: dict | None) -> set[tuple]:
    return {(str(c.get("date")), c.get("what")) for c in (entry or {}).get("changes") or [] if isinstance(c, dict)}


def missing_notes(data_dir: Path, base: str) -> list[str]:
    data = load(data_dir)  # the data must be valid first; the line numbers come from here
    problems = []
    read: dict[tuple[str, str], object] = {}

    def document(filename: str, where: str):
        if (filename, where) not in read:
            read[(filename, where)] = (yaml.safe_load((data_dir / filename).read_text()) if where == "now"
                                       else at_base(data_dir, filename, base))
        return read[(filename, where)]

    for watched in changelog.WATCHED:
        old_document = document(watched.data_file, "base")
        if old_document is None:
            continue
        old = _by_id(watched.entries(old_document))
        old_notes = _by_id(document(watched.kind.data_file, "base") or [])
        notes = _by_id(document(watched.kind.data_file, "now"))
        for entry_id, entry in _by_id(watched.entries(document(watched.data_file, "now"))).items():
            former = [entry_id, *notes.get(entry_id, {}).get("aliases", [])]
            before = next((old[i] for i in former if i in old), None)
            if before is None or watched.value(before) == watched.value(entry):
                continue
            noted_before = next((old_notes[i] for i in former if i in old_notes), None)
            if _notes(notes.get(entry_id)) - _notes(noted_before):
                continue
            where = f"{data_dir / watched.kind.data_file}:{data.line(watched.kind.data_file, entry_id)}"
            in_file = "" if watched.data_file == watched.kind.data_file else f" in {data_dir / watched.data_file}"
            problems.append(f"{where}: {entry_id}: the {watched.field}{in_file} changed since {base}; add a note "
                            "under `changes:` (date, what, why, source) saying what changed and why")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m content changes", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=Path("data"))
    parser.add_argument("--base", default="main", help="the branch or commit to compare with (default: main)")
    args = parser.parse_args(argv)
    if subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{args.base}^{{commit}}"], cwd=args.data_dir,
                      capture_output=True).returncode != 0:
        print(f"{args.base}: no such branch or commit to compare with (fetch it, or give --base)", file=sys.stderr)
        return 2
    try:
        problems = missing_notes(args.data_dir, args.base)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} {'entry needs' if len(problems) == 1 else 'entries need'} a change note "
          f"(compared with {args.base})")
    return 1 if problems else 0
