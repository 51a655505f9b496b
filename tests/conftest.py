"""Shared fixtures: the real data, one strict build of the real site per variant in BUILDS per test session, served
on loopback (tools/serve.py), one crawl of each build (tests/crawl.py), a real browser; and helpers for tests that
build a throwaway copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import crawl as crawl_module
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from compat import manifest as compat
from content import loader
from tools import chromium, variant
from tools.serve import serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
REPORT: list[str] = []  # figures a test measured, printed at the end of the run


# The builds the tests of the built site run against, by id: the site as shipped, and with every theme workaround of
# compat/ off, as Material makes it (the COMPAT_OFF setting of each). Each is built once per run, strictly.
BUILDS = {"shipped": "", "compat_off": "all"}
# Tests that build the PyO3 wheel share one pytest-xdist worker: two maturin builds into the one target folder
# of the examples at once race on the files they copy out of it.
MATURIN = pytest.mark.xdist_group("maturin")
# The slow tiers: what a test of each needs, and the fixture that marks it (others mark themselves).
# `make test-fast` runs the tests that need neither.
TIERS = {
    "build": ("needs a build: of the real site, of a throwaway copy, or of the Rust examples", "builds"),
    "browser": ("drives Chromium", "browser"),
}


def pytest_configure(config):
    config.addinivalue_line("markers", "workaround(id): the test checks what a theme workaround of "
                                       "compat/manifest.yml brings; runs only against builds that apply it")
    for name, (meaning, _) in TIERS.items():
        config.addinivalue_line("markers", f"{name}: the test {meaning}")


def pytest_generate_tests(metafunc):
    """Every test that uses the built site (through `build`, `site`, `server`, `crawl`...) runs against each build."""
    if "build" in metafunc.fixturenames:
        metafunc.parametrize("build", list(BUILDS), indirect=True, scope="session")


@pytest.hookimpl(tryfirst=True)  # before -m selects by the tier marks added here
def pytest_collection_modifyitems(config, items):
    """Marks the tiers a test needs from the fixtures it uses, and deselects a test of what a theme workaround
    brings for each build that leaves the workaround off."""
    switches = {name: compat.switches(setting=setting) for name, setting in BUILDS.items()}
    deselected = []
    for item in items:
        for tier, (_, fixture) in TIERS.items():
            if fixture in item.fixturenames:
                item.add_marker(tier)
        build = item.callspec.params.get("build") if hasattr(item, "callspec") else None
        if build:
            # `make test` runs two pytest-xdist workers: all the tests of one build go to the same worker, which
            # builds and crawls it once, while the other worker has the other build.
            item.add_marker(pytest.mark.xdist_group(build))
        marker = item.get_closest_marker("workaround")
        if not marker:
            continue
        if marker.args[0] not in switches["shipped"]:
            raise pytest.UsageError(f"{item.nodeid}: compat/manifest.yml has no workaround '{marker.args[0]}'")
        if not switches[build or "shipped"][marker.args[0]]:
            deselected.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if item not in deselected]
        REPORT.append(f"Deselected {len(deselected)} tests of theme workarounds, each against a build without it.")


def pytest_sessionfinish(session):
    if hasattr(session.config, "workeroutput"):  # a pytest-xdist worker: hand its lines to the main process
        session.config.workeroutput["report"] = REPORT


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    REPORT.extend(line for line in node.workeroutput.get("report", []) if line not in REPORT)


def pytest_terminal_summary(terminalreporter):
    for line in REPORT:
        terminalreporter.write_line(line)


def run(*args: str, cwd: Path = ROOT, check: bool = False, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def mkdocs(*args: str, cwd: Path = ROOT, check: bool = False, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", "mkdocs", *args, cwd=cwd, check=check, env=env)


def copy_project(dest: Path, data: Path | None = None) -> Path:
    """A throwaway copy of the project (optionally with other data) that a test may break."""
    for name in (*(s for s in variant.SOURCES if s != "data"), "mkdocs.yml", "zensical.yml", "Makefile",
                 "requirements.txt", "requirements-test.txt", "requirements-zensical.txt", ".yamllint.yml", "schemas",
                 "published-links.txt"):
        source = ROOT / name
        # copy2 keeps modification times, so make sees the shared .venv as up to date
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "target"))
        else:
            shutil.copy2(source, dest / name)
    shutil.copytree(data or ROOT / "data", dest / "data")
    return dest


def soup(site: Path, page: str) -> BeautifulSoup:
    """A built page, parsed: `page` is its folder below the site root ("" for the home page)."""
    return BeautifulSoup((site / page / "index.html").read_text(), "html.parser")


def open_search(page):
    """Opens search from the header as a reader does, with what it shows at this width: Material's search box
    or button, or the link to search (compat/search_on_demand, which reloads the page with search open).
    Returns the search box, once it has the focus."""
    page.locator("input.md-search__input, label.md-header__button[for=__search], a.md-search-link").locator(
        "visible=true").first.click()
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused(timeout=10_000)
    return box


def stub_topic_pages(project: Path) -> None:
    """Topic pages call macros with tags and ids that the tiny fixture data does not have. The stubs keep the
    one anchor that generated example pages link to."""
    for page in project.joinpath("docs").glob("*.md"):
        if page.name not in {"index.md", "comparison.md", "faq.md", "verdict.md", "examples.md", "case-studies.md", "changes.md"}:
            page.write_text(f"---\ntitle: {page.stem}\nreviewed: 2026-11-26\n---\n\n## Measured {{ #measured }}\n")


def fixture_project(dest: Path) -> Path:
    """A throwaway copy of the project with the tiny fixture data, which builds quickly."""
    project = copy_project(dest, FIXTURE_DATA)
    stub_topic_pages(project)
    return project


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file, as a contributor would; fail if the file no longer holds it."""
    text = path.read_text()
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture(scope="session")
def data():
    """The real data/, loaded and validated as the build loads it."""
    return loader.load(ROOT / "data")


@pytest.fixture(scope="session")
def builds(tmp_path_factory):
    """Builds the real site with a COMPAT_OFF setting, once per run and setting: `builds("all").site`."""
    done: dict[str, subprocess.CompletedProcess] = {}

    def get(setting: str) -> subprocess.CompletedProcess:
        if setting not in done:
            site = tmp_path_factory.mktemp("site")
            done[setting] = mkdocs("build", "--strict", "--site-dir", str(site), env={"COMPAT_OFF": setting}, check=True)
            done[setting].site = site
        return done[setting]

    return get


@pytest.fixture(scope="session")
def build(request, builds) -> subprocess.CompletedProcess:
    """One of BUILDS; a test that uses it runs once for each."""
    return builds(BUILDS[request.param])


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


@pytest.fixture(scope="session")
def server(site):
    """The built site's address on loopback."""
    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def crawls():
    """Every page of a build, visited once per run in each look (tests/crawl.py): `crawls(site)`. Kept here
    rather than in a fixture parametrized by build, which pytest tears down and sets up again each time the
    order of the tests switches builds."""
    done: dict[Path, list[crawl_module.Visit]] = {}

    def get(site: Path) -> list[crawl_module.Visit]:
        if site not in done:
            done[site] = crawl_module.crawl(site)
        return done[site]

    return get


@pytest.fixture(scope="session")
def crawl(site, crawls) -> list[crawl_module.Visit]:
    return crawls(site)


@pytest.fixture(scope="session")
def browser():
    if not chromium.PATH.exists():
        pytest.fail(chromium.MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context_for(browser):
    """Opens a page in a fresh browser context of its own (size, color scheme, JavaScript off...); all are
    closed after the test."""
    contexts = []

    def make(width=1280, scheme="light", **options):
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(context_for):
    return context_for()
