"""Write the generated pages and files into docs/, for any builder: `python -m macros.generate`.

One page per FAQ answer (docs/faq/<id>.md), one per example (docs/examples/<id>.md), the at-a-glance SVG,
robots.txt (naming the sitemap at site_url), the Atom feed of the change notes (feed.xml) and the JSON export
with its schemas (data/*.json, content/export.py), rendered by the same functions the macros use. Both builds run
this first: `make build` through the MkDocs hook in macros/hooks.py, `make build-zensical` directly. The
outputs are gitignored; a file is rewritten only when its content changes, so `mkdocs serve` does not
rebuild on a change it caused.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

from content import export, urls

from . import render, site_context
from .files import write_whole

ROOT = Path(__file__).resolve().parent.parent
# The entries with a page of their own, and what renders it; each kind's pages fill a folder of docs/.
PAGES = {urls.ANSWER: render.faq_page, urls.EXAMPLE: render.example_page}


class _PlainSettings(yaml.SafeLoader):
    """mkdocs.yml for its plain settings; values with a MkDocs tag (!relative, !ENV) read as None."""


_PlainSettings.add_multi_constructor("!", lambda loader, suffix, node: None)


def settings(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_PlainSettings)


def config(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """What site_context needs from mkdocs.yml, without running MkDocs."""
    return {**settings(config_file), "config_file_path": str(config_file)}


def outputs(site: render.Site, settings: dict, built: date) -> dict[str, str]:
    """Path under docs/ -> content, for every generated file; `settings` is mkdocs.yml, `built` the build's day."""
    site_url = settings["site_url"]
    files = {kind.page_file(e.id): page(site, e.id) for kind, page in PAGES.items() for e in kind.entries(site.data)}
    files[render.GLANCE_FILE] = render.glance_svg(site)
    files["robots.txt"] = render.robots_txt(site_url)
    files[urls.FEED] = render.feed_xml(site, settings, built)
    for name, file in export.build(site.data, site_url, built, render.PublicMarkdown(site_url)).items():
        files[f"{export.FOLDER}/{name}.json"] = export.dump(file)
        files[f"{export.FOLDER}/{name}.schema.json"] = export.schema_text(name, site_url)
    return files


def write(site: render.Site, docs: Path, settings: dict, built: date | None = None) -> list[str]:
    """Write what changed and remove generated pages and export files that are gone; returns the paths written."""
    files = outputs(site, settings, built or date.today())
    for kind in PAGES:
        for stale in (docs / kind.list_page).glob("*.md"):
            if kind.page_file(stale.stem) not in files:
                stale.unlink()
    for stale in (docs / export.FOLDER).glob("*.json"):
        if f"{export.FOLDER}/{stale.name}" not in files:
            stale.unlink()
    written = []
    for path, content in files.items():
        target = docs / path
        if target.is_file() and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_whole(target, content.encode(), docs.parent / ".cache")
        written.append(path)
    return written


if __name__ == "__main__":
    from mkdocs.exceptions import PluginError

    try:
        mkdocs_config = config()
        written = write(site_context(mkdocs_config), ROOT / "docs", mkdocs_config)
    except PluginError as error:  # its message lists each problem as file:line:column: field: message
        sys.exit(str(error))
    print(f"Generated {len(written)} changed files under docs/", file=sys.stderr)
