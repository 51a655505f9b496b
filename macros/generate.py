"""Write the generated pages and files into docs/, for any builder: `python -m macros.generate`.

One page per FAQ answer (docs/faq/<id>.md), one per example (docs/examples/<id>.md), the at-a-glance SVG and
robots.txt (naming the sitemap at site_url), rendered by the same functions the macros use. Both builds run
this first: `make build` through the MkDocs hook in macros/hooks.py, `make build-zensical` directly. The
outputs are gitignored; a file is rewritten only when its content changes, so `mkdocs serve` does not
rebuild on a change it caused.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from . import render, site_context

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("faq", "examples")  # under docs/, holding generated pages only


class _PlainSettings(yaml.SafeLoader):
    """mkdocs.yml for its plain settings; values with a MkDocs tag (!relative, !ENV) read as None."""


_PlainSettings.add_multi_constructor("!", lambda loader, suffix, node: None)


def settings(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_PlainSettings)


def config(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """What site_context needs from mkdocs.yml, without running MkDocs."""
    return {**settings(config_file), "config_file_path": str(config_file)}


def outputs(site: render.Site, site_url: str) -> dict[str, str]:
    """Path under docs/ -> content, for every generated file."""
    files = {f"faq/{e.id}.md": render.faq_page(site, e.id) for e in site.data.faq.root}
    files |= {f"examples/{e.id}.md": render.example_page(site, e.id) for e in site.data.examples.root}
    files[render.GLANCE_FILE] = render.glance_svg(site)
    files["robots.txt"] = render.robots_txt(site_url)
    return files


def write(site: render.Site, docs: Path, site_url: str) -> list[str]:
    """Write what changed and remove generated pages whose entry is gone; returns the paths written."""
    files = outputs(site, site_url)
    for folder in FOLDERS:
        for stale in (docs / folder).glob("*.md"):
            if f"{folder}/{stale.name}" not in files:
                stale.unlink()
    written = []
    for path, content in files.items():
        target = docs / path
        if target.is_file() and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    from mkdocs.exceptions import PluginError

    try:
        mkdocs_config = config()
        written = write(site_context(mkdocs_config), ROOT / "docs", mkdocs_config["site_url"])
    except PluginError as error:  # its message lists each problem as file:line:column: field: message
        sys.exit(str(error))
    print(f"Generated {len(written)} changed files under docs/", file=sys.stderr)
