"""`make bench-cards`: what the link-preview cards add to a clean build and to an incremental one.

Builds a copy of the project in pairs: first with an empty card cache (a clean build, as on CI or a fresh
clone: every card is drawn), then again with the cache the first build left (an incremental build, as on every
`make serve` reload: every card is copied, none drawn). The difference between the two is what drawing costs;
the incremental build pays only for copying the cards and laying out their alt text. Prints the median of
CARDS_REPEAT pairs (default 3), and the number and size of the published cards.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
from pathlib import Path

from tools import variant
from tools.bench import build

REPEAT = int(os.environ.get("CARDS_REPEAT", "3"))


def main() -> None:
    project = variant.copy_sources(Path(tempfile.mkdtemp(prefix="cards-")) / "project")
    try:
        clean, incremental = [], []
        for _ in range(REPEAT):
            shutil.rmtree(project / ".cache", ignore_errors=True)
            clean.append(build(project)[:2])
            incremental.append(build(project)[:2])
        published = list((project / "site" / "assets" / "cards").rglob("*.png"))
        size = sum(path.stat().st_size for path in published)
        print(f"{len(published)} cards, {size / 1024:.0f} KB in site/ ({size / 1024 / len(published):.1f} KB each); "
              f"median of {REPEAT} pairs of builds")
        print(f"  {'':12} {'wall s':>7} {'CPU s':>7}")
        for name, runs in (("clean", clean), ("incremental", incremental)):
            wall, cpu = (statistics.median(column) for column in zip(*runs, strict=True))
            print(f"  {name:12} {wall:7.2f} {cpu:7.2f}")
        drawing = [c[1] - i[1] for c, i in zip(clean, incremental, strict=True)]
        print(f"Drawing every card adds {statistics.median(drawing):.2f} s of CPU to a clean build "
              f"({statistics.median(drawing) / len(published) * 1000:.0f} ms a card).")
    finally:
        shutil.rmtree(project.parent)


if __name__ == "__main__":
    main()
