"""The theme workarounds of compat/: every one listed with where it lives, each switch removing exactly its own
traces from the built site, and a mistake in a switch or in the manifest stopping the build with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, fixture_project, mkdocs, run, soup

from compat import manifest

WORKAROUNDS = manifest.load()
MAKE = ("make", "--no-print-directory", f"VENV={ROOT / '.venv'}")
HINT = "//# allFunctionsCalledOnLoad\n"


def bundle(site: Path, kind: str, name: str) -> str:
    """The text of a published bundle: kind is "stylesheets" or "javascripts", name "site" or "bundle"."""
    return next((site / "assets" / kind).glob(f"{name}.*.min.{'css' if kind == 'stylesheets' else 'js'}")).read_text()


# What each workaround leaves in the built site, and only it.
TRACES = {
    "scheme_toggle": lambda site: soup(site, "faq/").select_one("form[data-scheme-toggle]") is not None,
    "early_classes": lambda site: "js-focus-visible" in str(soup(site, "faq/").head),
    "deferred_bundle": lambda site: soup(site, "faq/").select_one("script[defer][src*='/bundle.']") is not None,
    "bundle_compile_hint": lambda site: bundle(site, "javascripts", "bundle").startswith(HINT),
    "closed_drawer": lambda site: "content-visibility:hidden" in bundle(site, "stylesheets", "site"),
    "search_on_demand": lambda site: soup(site, "faq/").select_one("a.md-search-link[href='?q=']") is not None,
}


@pytest.fixture(scope="module")
def sites(builds) -> dict[str, Path]:
    """The site with every workaround on, with every one off, and with every other one off."""
    every_other = ",".join(w.id for w in WORKAROUNDS[::2])
    return {setting: builds(setting).site for setting in ("", "all", every_other)}


def test_every_workaround_has_a_trace_test():
    assert sorted(TRACES) == sorted(w.id for w in WORKAROUNDS)


def test_the_manifest_names_every_file_each_workaround_lives_in():
    listed = {path for w in WORKAROUNDS for path in (*w.files, *w.assets)}
    missing = sorted(path for path in listed if not (ROOT / path).is_file())
    assert missing == []
    machinery = {"compat/__init__.py", "compat/manifest.py", "compat/manifest.yml", "compat/hook.py"}
    in_folder = {str(path.relative_to(ROOT)) for path in (ROOT / "compat").rglob("*")
                 if path.is_file() and "__pycache__" not in path.parts}
    assert sorted(in_folder - listed - machinery) == [], "files in compat/ that no workaround lists"
    for w in WORKAROUNDS:
        assert set(w.assets) <= set(w.files), f"{w.id}: list its assets under files too"
        if w.layer:
            layer = {str(p.relative_to(ROOT)) for p in (ROOT / w.layer).rglob("*") if p.is_file()}
            assert layer and layer <= set(w.files), f"{w.id}: list every file of its layer"
        # Outside its own files, the code that applies a workaround names its switch.
        for path in w.files:
            if not path.startswith(f"compat/{w.id}"):
                assert w.id in (ROOT / path).read_text(), f"{path} does not name {w.id}"


def test_each_switch_removes_its_own_traces_and_no_other(sites):
    for setting, site in sites.items():
        found = {w.id: TRACES[w.id](site) for w in WORKAROUNDS}
        assert found == manifest.switches(WORKAROUNDS, setting), f"COMPAT_OFF={setting!r}"


def test_with_every_workaround_off_the_page_uses_materials_own_templates(sites):
    html = soup(sites["all"], "faq/")
    assert html.select_one("form[data-md-component=palette]") is not None
    assert "compat" not in {part for path in sites["all"].rglob("*") for part in path.relative_to(sites["all"]).parts}


@pytest.mark.build
def test_a_switch_that_names_no_workaround_stops_the_build_and_keeps_the_site(tmp_path):
    project = fixture_project(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("last good build")
    result = run("env", "COMPAT_OFF=tab_arrow", *MAKE, "build", cwd=project)
    assert result.returncode != 0
    assert "COMPAT_OFF names no workaround: tab_arrow (known: " in result.stdout + result.stderr
    assert (project / "site" / "index.html").read_text() == "last good build"


@pytest.mark.build
def test_a_mistake_in_the_manifest_is_reported_with_its_line(tmp_path):
    project = fixture_project(tmp_path)
    path = project / "compat" / "manifest.yml"
    lines = path.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("  enabled: "))
    lines[number] = "  enabld: true\n"
    path.write_text("".join(lines))
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert (f"compat/manifest.yml:{number + 1}:3: manifest[0].enabld: unknown field 'enabld'; did you mean 'enabled'?"
            in result.stderr)
    assert "Traceback" not in result.stderr
