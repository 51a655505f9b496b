"""cited-sources: every source listed on an item is cited by the item's own text: the text links its URL, names
its title, or renders a fact (`[[fact:<id>]]`) that comes from it. A listed source the text never relies on
tells the reader nothing about which claim it backs."""

from __future__ import annotations

from collections.abc import Iterator

from .. import facts
from ..document import Document, Path_, Problem
from .walk import entries, texts

NAME = "cited-sources"
# (file, where its items are, the fields that make up an item's text)
ITEMS: list[tuple[str, Path_, tuple[str, ...]]] = [
    ("faq.yml", (), ("short_answer", "answer")),
    ("comparison.yml", (), ("rust", "python", "edge", "details")),
    ("use_cases.yml", (), ("why",)),
    ("takeaways.yml", (), ("text",)),
    *(("strengths.yml", (language, side), ("text",)) for language in ("rust", "python")
      for side in ("strengths", "drawbacks")),
]


def check(docs: dict[str, Document]) -> Iterator[Problem]:
    fact_urls = {f["id"]: _url(f.get("source", {}).get("url")) for _, f in entries(docs["facts.yml"])
                 if isinstance(f.get("id"), str) and isinstance(f.get("source"), dict)} if "facts.yml" in docs else {}
    for filename, base, fields in ITEMS:
        if filename not in docs:
            continue
        doc = docs[filename]
        for index, item in entries(doc, base):
            text = "\n".join(t for field in fields for _, t in texts(item.get(field)))
            lowered = text.lower()
            rendered = {fact_urls.get(fact) for fact in facts.referenced(text)}
            sources = item.get("sources") if isinstance(item.get("sources"), list) else []
            for position, source in enumerate(sources):
                if not isinstance(source, dict) or not isinstance(source.get("url"), str):
                    continue
                title, url = str(source.get("title", "")), source["url"]
                if _url(url) in lowered or (title and title.lower() in lowered) or _url(url) in rendered:
                    continue
                yield doc.problem((*base, index, "sources", position),
                                  f"source '{title}' is listed but the text does not cite it: link it where the text "
                                  f"relies on it ([{title}]({url})), or remove it")


def _url(url: object) -> str:
    return str(url).lower().rstrip("/") if url else ""
