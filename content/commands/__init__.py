"""The command-line programs behind `python -m content <command>`; each module's `main(argv)` returns the exit code."""
