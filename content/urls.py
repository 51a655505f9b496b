"""The public URL scheme: where each FAQ answer, comparison criterion, example and case study lives. Nothing else
writes it.

Each kind of entry has a list page (docs/faq.md, published at /faq/) that shows every entry under its id, and
answers and examples also have a page of their own (generated into docs/faq/<id>.md, published at
/faq/<id>/). An address comes in two forms:

- a source: the Markdown file a link in a template points at, written from docs/ like the links in data
  (`/faq/<id>.md`, `/faq.md#<id>`), so that MkDocs checks the target exists; render.py makes it relative;
- a URL: what the built site publishes, from the site's root (`/faq/<id>/`, `/faq/#<id>`), as
  published-links.txt records it.

The templates get the kinds as the Jinja globals `answer`, `criterion`, `example` and `case` (render.py). An entry's own
page names its kind in its front matter (`page_kind: answer`), which overrides/main.html publishes as
<article data-page-kind="answer"> for scripts; every other page is of the kind "page".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Kind:
    name: str       # "answer": its Jinja global, "Link to this answer", data-page-kind="answer" on its own page
    data_file: str  # the file under data/ that holds the entries
    list_page: str  # docs/<list_page>.md lists every entry under its id
    own_page: bool  # each entry also has a generated page, docs/<list_page>/<id>.md

    def entries(self, data) -> list:
        """The entries of this kind in the validated data (a loader.SiteData)."""
        return getattr(data, Path(self.data_file).stem).root

    def anchor(self, entry_id: str) -> str:
        """The element id of the entry (or of one of its aliases) on the list page."""
        return entry_id

    def list_source(self, entry_id: str) -> str:
        return f"/{self.list_page}.md#{self.anchor(entry_id)}"

    def list_url(self, entry_id: str) -> str:
        return f"/{self.list_page}/#{self.anchor(entry_id)}"

    def page_file(self, entry_id: str) -> str:
        """The entry's generated page, under docs/."""
        if not self.own_page:
            raise ValueError(f"a {self.name} has no page of its own; link to {self.list_source(entry_id)}")
        return f"{self.list_page}/{entry_id}.md"

    def page_source(self, entry_id: str) -> str:
        return "/" + self.page_file(entry_id)

    def page_url(self, entry_id: str) -> str:
        return "/" + self.page_file(entry_id).removesuffix(".md") + "/"

    def home_source(self, entry_id: str) -> str:
        """Where a link to the entry leads: its own page if it has one, else its place in the list."""
        return self.page_source(entry_id) if self.own_page else self.list_source(entry_id)

    def home_url(self, entry_id: str) -> str:
        return public_url(self.home_source(entry_id))

    def public_urls(self, entry_id: str) -> list[str]:
        """Every address the site publishes for the entry."""
        return [self.list_url(entry_id), *([self.page_url(entry_id)] if self.own_page else [])]


ANSWER = Kind("answer", data_file="faq.yml", list_page="faq", own_page=True)
CRITERION = Kind("criterion", data_file="comparison.yml", list_page="comparison", own_page=False)
EXAMPLE = Kind("example", data_file="examples.yml", list_page="examples", own_page=True)
CASE = Kind("case", data_file="case_studies.yml", list_page="case-studies", own_page=False)
KINDS = (ANSWER, CRITERION, EXAMPLE, CASE)

CHANGES_PAGE = "/changes.md"  # the newest change notes across the guide
FEED = "feed.xml"             # the same as an Atom feed, from the site's root; overrides/main.html links to it
DATA = "data"                 # the JSON export's folder: data/<name>.json and data/<name>.schema.json (export.py)

# A link written in data to an entry in its list, e.g. [the GIL answer](/faq.md#gil-free-threading).
_LIST_LINK = re.compile(r"\]\(/?(" + "|".join(re.escape(k.list_page) for k in KINDS) + r")\.md#([a-z0-9-]+)\)")


def public_url(source: str) -> str:
    """The URL a docs-absolute Markdown link leads to on the built site: `/faq.md#gil` is `/faq/#gil`,
    `/faq/use-both.md` is `/faq/use-both/`, `/index.md` is `/`."""
    path, hash_, fragment = source.partition("#")
    page = path.removesuffix(".md").removesuffix("index").strip("/")
    return "/" + (page + "/" if page else "") + hash_ + fragment


def card_path(page_url: str) -> str:
    """Where the MkDocs build publishes a page's link-preview card (hooks/pages.py draws it with macros/cards.py):
    faq/use-both/ gets assets/cards/faq/use-both.png, the home page assets/cards/index.png."""
    return f"assets/cards/{page_url.strip('/') or 'index'}.png"


def linked_entries(markdown: str) -> list[tuple[Kind, str]]:
    """The entries a Markdown text links to in their lists, as (kind, id)."""
    by_page = {kind.list_page: kind for kind in KINDS}
    return [(by_page[page], entry_id) for page, entry_id in _LIST_LINK.findall(markdown)]
