"""The guide's content layer: the schema of data/ (models), the loader and the rules that span files, the public
URL scheme and the command-line programs (`python -m content`). No MkDocs and no Jinja here: macros/ renders."""
