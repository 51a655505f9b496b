"""MkDocs hooks: give every FAQ answer its own generated page at faq/<id>/, and redirect its old ids there.

MkDocs loads this file by path, not as part of the package, hence the import below.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from macros import render, site_context


@event_priority(50)  # before the redirects plugin lists the pages that redirects may point to
def on_files(files, config):
    site = site_context(config)
    redirects = config.plugins["redirects"].config["redirect_maps"]
    for entry in site.data.faq.root:
        files.append(File.generated(config, f"faq/{entry.id}.md", content=render.faq_page(site, entry.id)))
        redirects.update({f"faq/{alias}.md": f"faq/{entry.id}.md" for alias in entry.aliases})
    files.append(File.generated(config, render.GLANCE_FILE, content=render.glance_svg(site)))
    return files


def on_page_context(context, page, config, nav):
    """A generated answer page has no Markdown file to edit: point its edit button at the YAML entry."""
    if page.file.generated_by and page.file.src_uri.startswith("faq/"):
        page.edit_url = site_context(config).edit_url("faq.yml", Path(page.file.src_uri).stem)
    return context
