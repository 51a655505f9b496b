"""Writing a build's files whole: the tests build two variants side by side, and neither may read a file the
other has only half written, or finish writing one under the same temporary name."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(target: Path, content: bytes, scratch: Path) -> None:
    """Write `content` to a file of its own in `scratch`, which then takes the target's place in one step."""
    scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=scratch, suffix=".partial", delete=False) as file:
        file.write(content)
    os.chmod(file.name, 0o644)  # a temporary file is private to its owner; a page or an image is not
    os.replace(file.name, target)
