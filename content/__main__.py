"""`python -m content <command> [args]`: the one front door for working on the data without building the site.

    check [DATA_DIR]             validate data/ and print every problem as file:line:column: field: message
    lint PATH...                 yamllint's style rules on the YAML files
    stale [DATA_DIR] [--months]  entries not reviewed for N months
    schema [--check]             write (or check) schemas/*.schema.json from the models
    ledger check|update SITE     the published-links ledger against a built site
    export [DIR]                 the JSON export (docs/data/) against its published schemas
    changes [--base REF]         entries whose short answer, edge or scores changed since REF without a new note
"""

import importlib
import sys

COMMANDS = ("check", "lint", "stale", "schema", "ledger", "export", "changes")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    return importlib.import_module(f"content.commands.{argv[0]}").main(argv[1:])


sys.exit(main(sys.argv[1:]))
