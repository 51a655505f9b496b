"""`python -m content stale [DATA_DIR] [--months N]`: list the entries whose `reviewed` date is N months
(default 6) or more in the past, oldest first, as `file:line: id: reviewed DATE (N days ago)`; then the facts
of data/facts.yml not confirmed within their own review interval (release 3 months, survey 12, figure and event
6), as `file:line: id: as of DATE (N days ago; a KIND is checked every M months)`."""

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


def stale_facts(data, data_dir: Path, today: date) -> list[tuple[date, str]]:
    """(as_of, "file:line: id ...") for each fact confirmed longer ago than its kind's review interval."""
    return sorted((fact.as_of, f"{data_dir / 'facts.yml'}:{data.line('facts.yml', fact.id)}: {fact.id}: as of "
                               f"{fact.as_of} ({(today - fact.as_of).days} days ago; a {fact.kind} is checked every "
                               f"{fact.review_months} months)")
                  for fact in data.facts.root if fact.as_of <= months_before(today, fact.review_months))


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
    facts = stale_facts(data, args.data_dir, today)
    for _, line in facts:
        print(line)
    print(f"{len(facts)} {'fact' if len(facts) == 1 else 'facts'} not confirmed within their review interval")
    return 0

