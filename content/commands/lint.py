"""`python -m content lint PATH...`: yamllint's style rules on the YAML files that are valid UTF-8. A file that
is not is reported once, with its line, by `python -m content check`; yamllint would only add a traceback."""

from pathlib import Path

from yamllint import cli


def readable(paths: list[Path]) -> list[str]:
    files = [f for p in paths for f in (sorted(p.glob("*.yml")) if p.is_dir() else [p])]
    return [str(f) for f in files if _is_utf8(f)]


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def main(argv: list[str]) -> int:
    return cli.run(["--strict", "-f", "parsable", *readable([Path(arg) for arg in argv])])
