"""The "at a glance" infographic: drawn from the data at build time, accessible, readable on a phone,
following the color scheme, downloadable, and redrawn when the data changes."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import copy_project, mkdocs

SVG_FILE = "assets/rust-vs-python-at-a-glance.svg"


def inline_svg(site: Path):
    return BeautifulSoup((site / "index.html").read_text(), "html.parser").select_one("figure.glance-figure svg")


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
    html = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    link = html.select_one("figure.glance-figure figcaption a[download]")
    assert link["href"] == SVG_FILE
    standalone = BeautifulSoup((site / SVG_FILE).read_text(), "html.parser").svg
    assert standalone["xmlns"] == "http://www.w3.org/2000/svg"
    assert str(standalone) == str(inline_svg(site))


def test_readable_on_a_375_px_phone_without_horizontal_scroll(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{server}/")
        svg = page.locator("figure.glance-figure svg")
        svg.scroll_into_view_if_needed()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        box = svg.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('svg.glance text')]
            .map(t => t.getBoundingClientRect().height))""")
        assert smallest >= 11, f"the smallest label is {smallest:.1f} px tall"
    finally:
        context.close()


def test_colors_follow_the_light_and_dark_schemes(browser, server):
    colors = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(f"{server}/")
            colors[scheme] = page.evaluate("""() => Object.fromEntries(
                ['rect.bg', 'text.text', 'rect.rust', 'rect.python'].map(selector => [selector,
                    getComputedStyle(document.querySelector('svg.glance ' + selector)).fill]))""")
        finally:
            context.close()
    for selector in colors["light"]:
        assert colors["light"][selector] != colors["dark"][selector], selector


def test_changing_a_criterion_redraws_the_infographic(tmp_path):
    project = copy_project(tmp_path)
    edit(project / "data" / "comparison.yml", "  title: Performance\n", "  title: Raw speed\n")
    edit(project / "data" / "decision.yml", "  - id: performance\n    rust: 5\n    python: 2\n",
         "  - id: performance\n    rust: 5\n    python: 4\n")
    mkdocs("build", "--strict", cwd=project, check=True)
    for svg in (inline_svg(project / "site"),
                BeautifulSoup((project / "site" / SVG_FILE).read_text(), "html.parser").svg):
        row = svg.find("g", attrs={"data-criterion": "performance"})
        assert row.find("text").get_text() == "Raw speed"
        widths = bar_widths(svg, "performance")
        assert widths["python"] / widths["rust"] == 4 / 5
        assert "Raw speed: Rust 5, Python 4;" in svg.desc.get_text()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))
