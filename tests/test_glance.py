"""The "at a glance" infographic: drawn from the data at build time, accessible, readable on a phone,
following the color scheme, downloadable, and redrawn when the data changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, edit, mkdocs, soup

SVG_FILE = "assets/rust-vs-python-at-a-glance.svg"


def inline_svg(site: Path):
    return soup(site, "").select_one("figure.glance-figure svg")


def standalone_svg(site: Path):
    """The drawing as the download link serves it."""
    return BeautifulSoup((site / SVG_FILE).read_text(), "html.parser").svg


def bar_widths(svg, criterion_id: str) -> dict[str, float]:
    row = svg.find("g", attrs={"data-criterion": criterion_id})
    return {side: float(row.select_one(f"rect.{side}")["width"]) for side in ("rust", "python")}


def test_home_page_shows_the_infographic_drawn_from_the_data(site, data):
    svg = inline_svg(site)
    assert svg["role"] == "img"
    assert set(svg["aria-labelledby"].split()) == {svg.title["id"], svg.desc["id"]}
    assert svg.title.get_text() == "Rust vs Python at a glance"
    scores = {s.id: s for s in data.decision.criteria}
    per_point = set()
    for criterion in data.comparison.root:
        row = svg.find("g", attrs={"data-criterion": criterion.id})
        assert row.find("text").get_text().startswith(criterion.title)
        score = scores[criterion.id]
        if score.rust is None:
            assert row.find("rect", class_="rust") is None
            continue
        assert f"{criterion.title}: Rust {score.rust}, Python {score.python};" in svg.desc.get_text()
        widths = bar_widths(svg, criterion.id)
        per_point |= {widths["rust"] / score.rust, widths["python"] / score.python}
    assert len(per_point) == 1, "bar lengths are not proportional to the scores"


def test_the_download_link_serves_the_same_drawing(site):
    link = soup(site, "").select_one("figure.glance-figure figcaption a[download]")
    assert link["href"] == SVG_FILE
    standalone = standalone_svg(site)
    assert standalone["xmlns"] == "http://www.w3.org/2000/svg"
    assert str(standalone) == str(inline_svg(site))


def test_readable_on_a_375_px_phone_without_horizontal_scroll(context_for, server):
    page = context_for(375)
    page.goto(f"{server}/")
    svg = page.locator("figure.glance-figure svg")
    svg.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('svg.glance text')]
        .map(t => t.getBoundingClientRect().height))""")
    assert smallest >= 11, f"the smallest label is {smallest:.1f} px tall"


def test_colors_follow_the_light_and_dark_schemes(context_for, server):
    colors = {}
    for scheme in ("light", "dark"):
        page = context_for(scheme=scheme)
        page.goto(f"{server}/")
        colors[scheme] = page.evaluate("""() => Object.fromEntries(
            ['rect.bg', 'text.text', 'rect.rust', 'rect.python'].map(selector => [selector,
                getComputedStyle(document.querySelector('svg.glance ' + selector)).fill]))""")
    for selector in colors["light"]:
        assert colors["light"][selector] != colors["dark"][selector], selector


@pytest.mark.build
def test_changing_a_criterion_redraws_the_infographic(tmp_path):
    project = copy_project(tmp_path)
    edit(project / "data" / "comparison.yml", "  title: Performance\n", "  title: Raw speed\n")
    edit(project / "data" / "decision.yml", "  - id: performance\n    rust: 5\n    python: 2\n",
         "  - id: performance\n    rust: 5\n    python: 4\n")
    mkdocs("build", "--strict", cwd=project, check=True)
    for svg in (inline_svg(project / "site"), standalone_svg(project / "site")):
        row = svg.find("g", attrs={"data-criterion": "performance"})
        assert row.find("text").get_text() == "Raw speed"
        widths = bar_widths(svg, "performance")
        assert widths["python"] / widths["rust"] == 4 / 5
        assert "Raw speed: Rust 5, Python 4;" in svg.desc.get_text()
