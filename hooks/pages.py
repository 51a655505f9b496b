"""MkDocs hooks for the pages: write the generated pages (macros/generate.py, which any builder runs) before MkDocs
lists docs/, point each one's edit button at its YAML entry and redirect an answer's old ids to it. Caption each
table (macros/tables.py; a table without a caption is a warning, so `mkdocs build --strict` stops on it). Publish
each page's link-preview card (macros/cards.py).

MkDocs loads this file by path, not as part of the package, hence the import below.
"""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mkdocs.exceptions import PluginError

from content import urls
from macros import cards, generate, site_context, tables

log = logging.getLogger("mkdocs.hooks.pages")

# Where the edit button of each generated page points: its entry's line in the YAML (set by on_pre_build).
_edit_urls: dict[str, str | None] = {}
# The cached card files this build published; the others are stale (see on_post_build).
_cards_used: set[Path] = set()


def _card_cache(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "cards"


def on_pre_build(config):
    site = site_context(config)
    generate.write(site, Path(config.docs_dir), config)
    redirects = config.plugins["redirects"].config["redirect_maps"]
    _edit_urls.clear()
    _cards_used.clear()
    for kind in generate.PAGES:
        for entry in kind.entries(site.data):
            _edit_urls[kind.page_file(entry.id)] = site.edit_url(kind, entry.id)
    for entry in urls.ANSWER.entries(site.data):  # an answer's old ids lead to its page
        redirects.update({urls.ANSWER.page_file(alias): urls.ANSWER.page_file(entry.id) for alias in entry.aliases})


def on_page_content(html, page, config, files):
    html = tables.caption(html)
    if missing := tables.uncaptioned(html):
        log.warning("%s: %d %s", page.file.src_uri, missing, tables.MISSING)
    return html


def on_page_context(context, page, config, nav):
    """A generated page has no Markdown file to edit: point its edit button at the YAML entry. Every page gets
    its preview card, which overrides/main.html names in the link-preview tags."""
    if page.file.src_uri in _edit_urls:
        page.edit_url = _edit_urls[page.file.src_uri]
    card = cards.for_page(config.site_name, page.title, page.meta)
    path = urls.card_path(page.url)
    try:
        _cards_used.add(cards.publish(card, _card_cache(config), Path(config.site_dir) / path))
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: preview card: {error}") from None
    context["card"] = {"url": config.site_url + path, "title": card.title, "alt": cards.alt(card),
                       "width": cards.WIDTH, "height": cards.HEIGHT}
    return context


def on_post_build(config):
    cards.prune(_card_cache(config), _cards_used)
