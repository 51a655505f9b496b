"""`python -m content stale [DATA_DIR] [--months N]`: list the entries whose `reviewed` date is N months
(default 6) or more in the past, oldest first, as `file:line: id: reviewed DATE (N days ago)`."""

import argparse
import calendar
import sys
from datetime import date
from pathlib import Path

from ..loader import DataError, load

REVIEWED_FILES = ("faq.yml", "comparison.yml", "use_cases.yml")


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))  # 31 Aug - 6 months: end of Feb


def stale(data, data_dir: Path, cutoff: date) -> list[tuple[date, str]]:
    """(reviewed, "file:line: id") for each entry reviewed on or before `cutoff`, oldest first."""
    rows = []
    for filename in REVIEWED_FILES:
        for entry in getattr(data, Path(filename).stem).root:
            if entry.reviewed <= cutoff:
                rows.append((entry.reviewed, f"{data_dir / filename}:{data.line(filename, entry.id)}: {entry.id}"))
    return sorted(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m content stale", description=__doc__)
    parser.add_argument("data_dir", nargs="?", type=Path, default=Path("data"))
    parser.add_argument("--months", type=int, default=6)
    args = parser.parse_args(argv)
    try:
        data = load(args.data_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    today = date.today()
    cutoff = months_before(today, args.months)
    rows = stale(data, args.data_dir, cutoff)
    for reviewed, where in rows:
        print(f"{where}: reviewed {reviewed} ({(today - reviewed).days} days ago)")
    print(f"{len(rows)} {'entry' if len(rows) == 1 else 'entries'} not reviewed since {cutoff} "
          f"({args.months} months or more ago)")
    return 0

