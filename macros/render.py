"""Turn validated data into Markdown through the Jinja templates in templates/."""

from __future__ import annotations

import shlex
from functools import cache
from pathlib import Path

import jinja2

from .loader import SiteData

LABELS = {"rust": "Rust", "python": "Python", "depends": "Depends", "mix": "Mix: Rust core, Python surface"}


@cache
def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; data is checked for raw HTML when it is loaded
    )
    env.filters["cell"] = lambda text: " ".join(str(text).split()).replace("|", "\\|")
    env.filters["quoted"] = lambda text: '"' + " ".join(str(text).split()).replace('"', "'") + '"'
    env.filters["seconds"] = lambda s: f"{s:.2f} s" if s >= 1 else f"{s * 1000:.3g} ms"
    env.filters["times"] = lambda ratio: f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.1f}×"
    env.filters["shell"] = shlex.join
    env.globals["label"] = LABELS.__getitem__
    return env


def _render(template: str, **context) -> str:
    return _templates().get_template(template).render(**context)


def comparison_table(data: SiteData) -> str:
    return _render("comparison_table.md.j2", criteria=data.comparison.root)


def criteria_details(data: SiteData) -> str:
    return _render("criteria_details.md.j2", criteria=data.comparison.root)


def criterion_card(data: SiteData, criterion_id: str) -> str:
    criteria = {c.id: c for c in data.comparison.root}
    if criterion_id not in criteria:
        raise KeyError(f"criterion_card: unknown criterion id '{criterion_id}'; known: {', '.join(criteria)}")
    return _render("criterion_card.md.j2", c=criteria[criterion_id])


def faq(data: SiteData) -> str:
    entries = {e.id: e for e in data.faq.root}
    return _render("faq.md.j2", entries=data.faq.root, by_id=entries)


def faq_list(data: SiteData, tag: str) -> str:
    entries = [e for e in data.faq.root if tag in e.tags]
    if not entries:
        raise KeyError(f"faq_list: no FAQ entry has the tag '{tag}'")
    return _render("faq_list.md.j2", entries=entries)


def use_case_map(data: SiteData, choice: str | None = None) -> str:
    cases = [u for u in data.use_cases.root if choice in (None, u.choice)]
    if not cases:
        raise KeyError(f"use_case_map: no use case has the choice '{choice}'")
    questions = {e.id: e.question for e in data.faq.root}
    return _render("use_case_map.md.j2", cases=cases, questions=questions, show_choice=choice is None)


def strengths_and_drawbacks(data: SiteData) -> str:
    return _render("strengths.md.j2", languages={"Rust": data.strengths.rust, "Python": data.strengths.python})


def takeaways(data: SiteData) -> str:
    return _render("takeaways.md.j2", points=data.takeaways.root)


def verdict(data: SiteData) -> str:
    return _render("verdict.md.j2", v=data.verdict)


def examples(data: SiteData) -> str:
    measured = {result.example for result in data.benchmarks.results}
    return _render("examples.md.j2", examples=data.examples.root, measured=measured)


def benchmark_results(data: SiteData) -> str:
    titles = {example.id: example.title for example in data.examples.root}
    return _render("benchmarks.md.j2", b=data.benchmarks, titles=titles)


MACROS = [comparison_table, criteria_details, criterion_card, faq, faq_list, use_case_map,
          strengths_and_drawbacks, takeaways, verdict, examples, benchmark_results]
