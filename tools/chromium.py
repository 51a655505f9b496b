"""Debian's Chromium, started the same way by the tests, `make audit` and `make bench`."""

from __future__ import annotations

import os
from pathlib import Path

PATH = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags, Chromium keeps trying hosts that this closed network refuses.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
MISSING = f"{PATH} not found: install Debian's chromium (`apt-get install chromium`) or set CHROMIUM"
