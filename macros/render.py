"""Turn validated data into Markdown through the Jinja templates in templates/."""

from __future__ import annotations

import html
import json
import re
import shlex
import typing
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import markdown

from content import changelog, export, facts, toolchain, urls
from content.fields import DESCRIPTION_MAX
from content.loader import SiteData
from content.measured import characters, seconds, times
from content.models import REVIEW_MONTHS, Measure

from . import tables

LABELS = {"rust": "Rust", "python": "Python", "depends": "Depends", "mix": "Mix: Rust core, Python surface"}
# A case study's coded values as readers see them: its direction, what its outcome measures, its evidence.
CASE_LABELS = {
    "python-to-rust": "Python to Rust", "stayed-python": "Stayed with Python", "reversed": "Rust move reversed",
    "speed": "Speed", "throughput": "Throughput", "memory": "Memory", "incidents": "Incidents",
    "platforms": "Platform reach", "qualitative": "No figure",
    "first-party": "Reported by the team that did it", "independent": "Measured by another team",
    "secondary": "Found only in secondary sources",
}


@dataclass(frozen=True)
class Site:
    """What the templates need: the data, and where its files can be edited on the repository host."""

    data: SiteData
    edit_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/ ; None hides "Edit" links

    @cached_property
    def faq_by_id(self) -> dict:
        return {e.id: e for e in self.data.faq.root}

    @cached_property
    def facts(self) -> dict:
        return {f.id: f for f in self.data.facts.root}

    def figures(self, kind: urls.Kind, entry_id: str) -> list:
        """The facts an entry renders, for its "Figures" line: each with its source and as-of date."""
        return self.data.facts_of(kind.data_file, entry_id)

    @cached_property
    def questions(self) -> dict[str, str]:
        """FAQ id -> question, for templates that link to answers by their question."""
        return {e.id: e.question for e in self.data.faq.root}

    @cached_property
    def related(self) -> dict[str, list]:
        """Each answer's related answers: those it lists, then those that list it."""
        inbound: dict[str, list[str]] = {e.id: [] for e in self.data.faq.root}
        for e in self.data.faq.root:
            for r in e.related:
                inbound[r].append(e.id)
        return {e.id: [self.faq_by_id[i] for i in [*e.related, *(i for i in inbound[e.id] if i not in e.related)]]
                for e in self.data.faq.root}

    @cached_property
    def cases_by_answer(self) -> dict[str, list]:
        """FAQ id -> the case studies that bear on that answer, in file order."""
        by_answer: dict[str, list] = {e.id: [] for e in self.data.faq.root}
        for case in self.data.case_studies.root:
            for answer_id in case.answers:
                by_answer[answer_id].append(case)
        return by_answer

    def edit_url(self, kind: urls.Kind, entry_id: str) -> str | None:
        """Where the entry's line in its YAML file can be edited."""
        if self.edit_base is None:
            return None
        return f"{self.edit_base}data/{kind.data_file}#L{self.data.line(kind.data_file, entry_id)}"


def _oneline(text) -> str:
    return " ".join(str(text).split())


@cache
def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # no stat() per include per page; `mkdocs serve` reloads this module on every rebuild
        autoescape=False,  # the output is Markdown; data is checked for raw HTML when it is loaded
    )
    env.filters["oneline"] = _oneline
    env.filters["cell"] = lambda text: _oneline(text).replace("|", "\\|")  # a cell of a Markdown table
    env.filters["quoted"] = lambda text: '"' + _oneline(text).replace('"', "'") + '"'
    env.filters["yaml_string"] = lambda text: json.dumps(_oneline(text), ensure_ascii=False)
    env.filters["plain"] = plain_text
    env.filters["shorten"] = shorten
    env.filters["seconds"] = seconds
    env.filters["characters"] = characters
    env.filters["times"] = times
    env.filters["shell"] = shlex.join
    env.filters["size"] = lambda size: f"{size / 1024:.0f} KiB" if size < 2**20 else f"{size / 2**20:.1f} MiB"
    env.globals["label"] = LABELS.__getitem__
    env.globals["case_label"] = CASE_LABELS.__getitem__
    env.globals["case_measures"] = typing.get_args(Measure)  # the digest's order of groups
    env.globals["rustc"] = toolchain
    env.globals.update({kind.name: kind for kind in urls.KINDS})  # {{ answer.page_source(e.id) }}
    return env


def _render(template: str, root: str = "", **context) -> str:
    """Links in data and templates are docs-absolute ([x](/faq.md#id)); Zensical resolves only links relative
    to the page, so each is made relative here. `root` leads from the page to docs/: "" for the top-level
    pages the macros render into, "../" for a page generated into a folder."""
    return _DOCS_ABSOLUTE.sub("](" + root, _templates().get_template(template).render(**context))


_DOCS_ABSOLUTE = re.compile(r"\]\(/(?!/)")


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_MARKUP = re.compile(r"[`*_\[\]<>&#|\\~:]|^\s*([-+]|\d+\.)\s", re.MULTILINE)


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["tables", "def_list", "pymdownx.superfences"])


@cache
def plain_text(markdown_text: str) -> str:
    """What a reader sees of a Markdown snippet, as one line of plain text (for meta tags and JSON-LD).

    Cached, and with one reused converter: every answer is needed on the FAQ page and on its own page.
    """
    if not _MARKUP.search(markdown_text):  # most questions and short answers are plain already
        return " ".join(markdown_text.split())
    parser = _TextOnly()
    parser.feed(tables.caption(_markdown().reset().convert(markdown_text)))  # captions as published
    return " ".join("".join(parser.parts).split())


# A sentence ends at . ! or ? followed by a space and a capital, which "e.g. uv" does not pass.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")


def shorten(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """`text` cut to `limit` characters for a description: whole sentences when they fill at least half of it,
    else whole words and an ellipsis. Never cuts inside a word."""
    if len(text) <= limit:
        return text
    sentences = [end.end() for end in _SENTENCE_END.finditer(text[: limit + 1])]
    if sentences and sentences[-1] >= limit // 2:
        return text[: sentences[-1]]
    words = text[: limit - 1]  # one character is left for the ellipsis
    if not text[limit - 1].isspace():
        words = words.rsplit(" ", 1)[0]  # drop the word the cut went through
    return words.rstrip(" ,;:-–—") + "…"


_DOCS_LINK = re.compile(r"\]\((/[^)\s]*)\)")


@dataclass(frozen=True)
class PublicMarkdown:
    """Markdown from data as plain text and as HTML for readers elsewhere (the JSON export, the feed): its links
    lead to the public site."""

    site_url: str

    def text(self, markdown_text: str) -> str:
        return plain_text(markdown_text)

    def html(self, markdown_text: str) -> str:
        linked = _DOCS_LINK.sub(lambda m: "](" + self.site_url + urls.public_url(m[1]).lstrip("/") + ")",
                                markdown_text)
        return _markdown().reset().convert(linked)


def faq_jsonld(entries) -> str:
    """schema.org FAQPage structured data, with the same text a reader sees.

    Consumers read an answer's text as HTML, so `Vec<u32>` is escaped: unescaped, they drop "<u32>" as a tag.
    """
    questions = [{"@type": "Question", "name": plain_text(e.question),
                  "acceptedAnswer": {"@type": "Answer",
                                     "text": html.escape(plain_text(f"{e.short_answer}\n\n{e.answer}"), quote=False)}}
                 for e in entries]
    data = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions}
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")  # unindented, so the C encoder writes it


def _faq_context(site: Site) -> dict:
    return {"edit_url": site.edit_url, "figures": site.figures, "related": lambda e: site.related[e.id],
            "jsonld": faq_jsonld, "cases_for": lambda e: site.cases_by_answer[e.id],
            "case_studies": site.data.case_studies.root}


def comparison_table(site: Site) -> str:
    return _render("comparison_table.md.j2", criteria=site.data.comparison.root)


def criteria_details(site: Site) -> str:
    return _render("criteria_details.md.j2", criteria=site.data.comparison.root, edit_url=site.edit_url,
                   figures=site.figures)


def criterion_card(site: Site, criterion_id: str) -> str:
    criteria = {c.id: c for c in site.data.comparison.root}
    if criterion_id not in criteria:
        raise KeyError(f"criterion_card: unknown criterion id '{criterion_id}'; known: {', '.join(criteria)}")
    return _render("criterion_card.md.j2", c=criteria[criterion_id])


def faq(site: Site) -> str:
    return _render("faq.md.j2", entries=site.data.faq.root, **_faq_context(site))


def faq_page(site: Site, entry_id: str) -> str:
    """The stand-alone page of one answer, served at faq/<id>/."""
    return _render("faq_page.md.j2", root="../", e=site.faq_by_id[entry_id], **_faq_context(site))


def faq_list(site: Site, tag: str) -> str:
    entries = [e for e in site.data.faq.root if tag in e.tags]
    if not entries:
        raise KeyError(f"faq_list: no FAQ entry has the tag '{tag}'")
    return _render("faq_list.md.j2", entries=entries)


def use_case_map(site: Site, choice: str | None = None, *, caption: str) -> str:
    cases = [u for u in site.data.use_cases.root if choice in (None, u.choice)]
    if not cases:
        raise KeyError(f"use_case_map: no use case has the choice '{choice}'")
    return _render("use_case_map.md.j2", cases=cases, questions=site.questions, show_choice=choice is None,
                   caption=caption)


def case_studies(site: Site) -> str:
    """docs/case-studies.md: the sortable table of cases, then each case with its sources."""
    return _render("case_studies.md.j2", case_studies=site.data.case_studies.root, edit_url=site.edit_url,
                   questions=site.questions, titles={c.id: c.title for c in site.data.comparison.root},
                   figures=site.figures)


def case_study_summary(site: Site) -> str:
    """How many case studies there are and which way they went, counted from the data (home page, verdict)."""
    return _render("case_study_summary.md.j2", case_studies=site.data.case_studies.root)


def strengths_and_drawbacks(site: Site) -> str:
    strengths = site.data.strengths
    return _render("strengths.md.j2", languages={"Rust": strengths.rust, "Python": strengths.python})


def takeaways(site: Site) -> str:
    return _render("takeaways.md.j2", points=site.data.takeaways.root)


def verdict(site: Site) -> str:
    return _render("verdict.md.j2", v=site.data.verdict)


def _decision_context(site: Site) -> dict:
    decision = site.data.decision
    return {"d": decision, "scored": [s for s in decision.criteria if s.rust is not None],
            "titles": {c.id: c.title for c in site.data.comparison.root},
            "questions": site.questions}


def scoring_model(site: Site) -> dict:
    """What docs/assets/javascripts/decide.js scores with; the page embeds it as JSON."""
    context = _decision_context(site)
    decision = context["d"]
    return {
        "levels": [level.model_dump() for level in decision.levels],
        "thresholds": decision.thresholds.model_dump(),
        "criteria": [{"id": s.id, "title": context["titles"][s.id], "rust": s.rust, "python": s.python}
                     for s in context["scored"]],
        "traits": [t.model_dump(include={"id", "label", "rust", "python"}) for t in decision.traits],
        "outcomes": {name: outcome.title for name, outcome in decision.outcomes},
    }


def decision_helper(site: Site) -> str:
    """The helper's form and result area (shown by decide.js) and its full rules as static text."""
    return _render("decision_helper.md.j2", model=scoring_model(site), **_decision_context(site))


GLANCE_FILE = "assets/rust-vs-python-at-a-glance.svg"


def glance_svg(site: Site) -> str:
    """The "at a glance" infographic as a standalone SVG document: comparison edges plus decision scores."""
    scores = {s.id: s for s in site.data.decision.criteria if s.rust is not None}
    return _render("glance.svg.j2", criteria=site.data.comparison.root, scores=scores)


def at_a_glance(site: Site) -> str:
    """The infographic inline, so it follows the color scheme, with a link to the file from GLANCE_FILE."""
    return _render("glance.md.j2", svg=glance_svg(site), href=GLANCE_FILE)


def robots_txt(site_url: str) -> str:
    """robots.txt, naming the sitemap at site_url."""
    return _render("robots.txt.j2", site_url=site_url)


def examples(site: Site) -> str:
    return _render("examples.md.j2", examples=site.data.examples.root)


def example_page(site: Site, example_id: str) -> str:
    """The page of one example, served at examples/<id>/: a tab set per example would make one page heavy."""
    example = next(e for e in site.data.examples.root if e.id == example_id)
    measured = {result.example for result in site.data.benchmarks.results}
    builds = site.data.benchmarks.rust_builds
    packages = [p for p in builds.packages if p.example == example.id] if builds else []
    return _render("example_page.md.j2", root="../", e=example, measured=measured, packages=packages,
                   builds=builds)


def fact(site: Site, fact_id: str) -> str:
    """A figure from data/facts.yml in a page's prose: `{{ fact('jit-315-gain-x86-64-linux') }}`."""
    if fact_id not in site.facts:
        raise KeyError(f"fact: no fact '{fact_id}' in data/facts.yml")
    return site.facts[fact_id].value


def count(site: Site, what: str) -> str:
    """How many criteria, answers, use cases or examples the guide has, spelled out: `{{ count('criteria') }}`."""
    if what not in facts.COUNTED:
        raise KeyError(f"count: cannot count '{what}'; one of: {', '.join(facts.COUNTED)}")
    return facts.spelled(len(getattr(site.data, Path(facts.COUNTED[what]).stem).root))


def fact_sources(site: Site) -> str:
    """The facts page: every figure with its value, the day it was last confirmed, and its source."""
    return _render("facts.md.j2", facts=site.data.facts.root, months=REVIEW_MONTHS)


RECENT_CHANGES = 50  # notes on the What changed page and in the feed


def recent_changes(site: Site) -> str:
    """The newest change notes across the guide, by day, for the What changed page."""
    return _render("recent_changes.md.j2", notes=changelog.notes(site.data)[:RECENT_CHANGES])


def feed_xml(site: Site, settings: dict, built: date) -> str:
    """The Atom feed of the newest change notes; `settings` is mkdocs.yml, `built` the day of the build (the feed's
    date while no entry has a note)."""
    site_url = settings["site_url"]
    notes = changelog.notes(site.data)[:RECENT_CHANGES]
    return _render("feed.xml.j2", notes=notes, site_url=site_url, short_name=settings["extra"]["short_name"],
                   host=urlsplit(site_url).hostname, feed_url=site_url + urls.FEED,
                   page_url=site_url + urls.public_url(urls.CHANGES_PAGE).lstrip("/"), repo_url=settings["repo_url"],
                   rights=f"Text and data: {export.LICENCE_NAME} ({export.LICENCE_URL})",
                   updated=notes[0].change.date if notes else built, html=PublicMarkdown(site_url).html)


def cargo_command(site: Site) -> str:
    """How the examples are built, e.g. `cargo build --release --offline --locked`, for the prose."""
    return _render("cargo_command.md.j2").strip()


MACROS = [comparison_table, criteria_details, criterion_card, faq, faq_list, use_case_map, case_studies,
          case_study_summary, strengths_and_drawbacks, takeaways, verdict, decision_helper, at_a_glance, examples,
          cargo_command, fact, count, fact_sources, recent_changes]
