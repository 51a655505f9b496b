"""Workarounds for Material for MkDocs' internals, each behind a switch: see manifest.yml and README.md."""
