"""`python -m content check [DATA_DIR]`: validate the data files and print every problem, one per line."""

import sys
from pathlib import Path

from ..loader import DataError, load


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    try:
        data = load(data_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found in {data_dir}/", file=sys.stderr)
        return 1
    print(f"{data_dir}/ is valid: {len(data.comparison.root)} criteria, {len(data.faq.root)} FAQ entries, "
          f"{len(data.use_cases.root)} use cases, {len(data.facts.root)} facts, "
          f"{len(data.case_studies.root)} case studies")
    return 0

