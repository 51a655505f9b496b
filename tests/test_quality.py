"""Self-contained, accessible, usable on any screen and in print (issue #5), checked in real Chromium."""

from __future__ import annotations

import json
import re

import crawl as crawl_module
import pytest
from conftest import open_search
from playwright.sync_api import expect

from content.commands import ledger

SCHEMES = crawl_module.SCHEMES
WIDTHS = crawl_module.WIDTHS


def visits(crawl, **look) -> list[crawl_module.Visit]:
    """The crawl's visits in the looks that have all of `look`'s attributes (scheme, width, javascript)."""
    found = [v for v in crawl if all(getattr(v.look, name) == value for name, value in look.items())]
    assert found, f"the crawl has no visit in a look with {look}"
    return found


def test_the_crawl_visits_every_page_of_the_build_in_every_look(crawl, site):
    paths = ledger.pages(site)
    assert sorted((v.path, v.look.id) for v in crawl) == sorted((p, look.id) for p in paths for look in crawl_module.LOOKS)
    assert len(paths) > 50


def test_pages_load_nothing_from_other_hosts_and_log_nothing(crawl):
    assert [f"{v.path} ({v.look.id}) {url}" for v in crawl for url in v.foreign] == []
    assert [f"{v.path} ({v.look.id}) {m}" for v in crawl for m in v.messages] == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violations(crawl, scheme, width):
    shown = visits(crawl, scheme=scheme, width=width, javascript=True)
    assert {v.scheme for v in shown} == {"slate" if scheme == "dark" else "default"}
    assert [f"{v.path} {violation}" for v in shown for violation in v.violations] == []


def test_each_code_block_gets_a_copy_button_in_a_bar_named_after_it_once_shown(context_for, server):
    page = context_for()
    page.goto(server + "/examples/word-frequencies/", wait_until="networkidle")
    blocks, bars = page.locator("article pre"), page.locator("article pre > nav.md-code__nav")
    count = blocks.count()  # the Python and Rust programs, the Cargo manifest, the output, the commands
    assert count >= 4
    labels = page.locator("article .tabbed-labels label")
    for i in range(labels.count()):
        labels.nth(i).click()
    expect(bars).to_have_count(count)
    expect(bars.get_by_title("Copy to clipboard")).to_have_count(count)
    names = bars.evaluate_all("bars => bars.map(bar => bar.getAttribute('aria-label'))")
    assert names == [f"Code block {n}" for n in range(1, count + 1)]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_no_page_scrolls_sideways_on_a_phone(crawl, javascript):
    wide = [f"{v.path} ({v.look.id}) by {v.overflow} px" for v in visits(crawl, width=crawl_module.PHONE, javascript=javascript)
            if v.overflow > 0]
    assert wide == []


def test_comparison_table_turns_into_cards_on_a_phone(context_for, server, data):
    page = context_for(375)
    page.goto(server + "/comparison/")
    first = page.locator(".comparison-table tbody tr").first
    cells = first.locator("td")
    assert [cells.nth(i).get_attribute("data-label") for i in range(4)] == ["Criterion", "Rust", "Python", "Edge"]
    assert cells.nth(1).evaluate("td => getComputedStyle(td).display") == "block"
    assert first.evaluate("tr => tr.getBoundingClientRect().width") <= 375


@pytest.mark.parametrize("scheme", SCHEMES)
def test_comparison_table_looks_exactly_like_materials_tables(context_for, server, scheme):
    """The comparison table has a class, so Material's script leaves it outside its scroll container, and
    data-table.css gives it the look Material gives class-less tables: a class-less copy must compute to the
    same style in every property."""
    page = context_for(1280, scheme)
    page.goto(server + "/comparison/", wait_until="networkidle")
    differences = page.locator(".comparison-table table").evaluate("""table => {
        // Two copies without the caption, which is the site's own: one as published, one without the class.
        const [ours, copy] = [table.cloneNode(true), table.cloneNode(true)];
        for (const clone of [ours, copy]) {
            clone.querySelector("caption").remove();
            table.after(clone);
        }
        copy.removeAttribute("class");
        const parts = (root) => [root, root.querySelector("th"), root.querySelector("td"), root.querySelector("td a")];
        const theirs = parts(copy);
        return parts(ours).flatMap((element, i) => {
            const [a, b] = [getComputedStyle(element), getComputedStyle(theirs[i])];
            return [...a].filter((name) => a.getPropertyValue(name) !== b.getPropertyValue(name))
                .map((name) => `${element.localName} ${name}: ${a.getPropertyValue(name)} vs ${b.getPropertyValue(name)}`);
        });
    }""")
    assert differences == []


@pytest.mark.parametrize("width", WIDTHS)
def test_comparison_table_does_not_move_when_its_script_runs(context_for, server, width):
    """Until the site's script arrives the reader already sees the final layout: cards on a phone, and the sort
    arrows in the header, so turning the headers into buttons moves no row."""
    page = context_for(width)
    held = []
    page.route("**/assets/javascripts/site.*.js", lambda route: held.append(route))
    page.goto(server + "/comparison/", wait_until="commit")
    expect(page.locator(".md-footer")).to_be_attached()  # the content is parsed; the site's script still waits
    boxes = "rows => rows.map(row => { const r = row.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })"
    cells = page.locator(".comparison-table :is(th, tbody tr)")
    before = cells.evaluate_all(boxes)
    assert page.locator(".comparison-table th button").count() == 0
    held[0].continue_()
    expect(page.locator(".comparison-table th button")).to_have_count(4)
    assert cells.evaluate_all(boxes) == before


def test_comparison_table_sorts_by_column(context_for, server, data):
    page = context_for()
    page.goto(server + "/comparison/")
    titles = [c.title for c in data.comparison.root]
    rows = page.locator(".comparison-table tbody tr td:first-child")
    header = page.locator(".comparison-table th", has_text="Criterion")
    header.get_by_role("button").click()
    assert rows.all_inner_texts() == sorted(titles, key=str.lower)
    assert header.get_attribute("aria-sort") == "ascending"
    header.get_by_role("button").click()
    assert rows.all_inner_texts() == sorted(titles, key=str.lower, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"


def test_comparison_table_filters_by_text(context_for, server, data):
    page = context_for()
    page.goto(server + "/comparison/")
    page.get_by_label("Filter criteria").fill("garbage collector")
    expected = [c.title for c in data.comparison.root
                if "garbage collector" in f"{c.title} {c.rust} {c.python} {c.edge.reason}".lower()]
    assert expected, "pick a filter word the data contains"
    visible = page.locator(".comparison-table tbody tr:visible td:first-child").all_inner_texts()
    assert visible == expected
    assert page.locator(".sortable-table__status").inner_text() == \
        f"{len(expected)} of {len(data.comparison.root)} criteria match “garbage collector”"


def test_without_javascript_the_table_is_complete(context_for, server, data):
    page = context_for(375, java_script_enabled=False)
    page.goto(server + "/comparison/")
    assert page.locator(".comparison-table tbody tr").count() == len(data.comparison.root)
    assert not page.locator(".sortable-table__filter").is_visible()
    assert page.locator(".comparison-table th").all_inner_texts() == ["Criterion", "Rust", "Python", "Edge"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_scheme_toggle_switches_between_light_and_dark(context_for, server):
    page = context_for(scheme="light")
    page.goto(server + "/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.goto(server + "/faq/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.wait_for_function("document.querySelector('meta[name=color-scheme]')?.content === 'dark'")
    page.locator("label[title='Switch to light mode']").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    # Browser chrome follows the header: the same colour, in whichever notation the tag uses.
    assert page.evaluate("""() => {
        const probe = document.body.appendChild(document.createElement("i"));
        probe.style.color = document.querySelector("meta[name=theme-color]").content;
        return getComputedStyle(probe).color;
    }""") == page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")


@pytest.mark.workaround("scheme_toggle")
def test_scheme_follows_the_system_from_the_first_paint_until_the_reader_picks_one(context_for, server):
    page = context_for(scheme="dark")
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())  # the scheme must not wait for it
    page.goto(server + "/faq/")
    scheme = "document.body.dataset.mdColorScheme"
    assert page.evaluate(scheme) == "slate"
    assert page.locator("label[title='Switch to light mode']").is_visible()
    page.emulate_media(color_scheme="light")
    page.wait_for_function(f"{scheme} === 'default'")
    page.locator("label[title='Switch to dark mode']").click()
    assert page.evaluate(scheme) == "slate"
    # The system goes dark and back to light. Listeners run in the order they were added, so once this one has
    # heard the change the page's has too.
    listen = "() => { window.heard = new Promise((done) => matchMedia('(prefers-color-scheme: dark)').onchange = done); }"
    for system in ("dark", "light"):
        page.evaluate(listen)
        page.emulate_media(color_scheme=system)
        page.evaluate("window.heard")
    assert page.evaluate(scheme) == "slate"


def test_keyboard_user_gets_a_skip_link_and_visible_focus(context_for, server):
    page = context_for()
    page.goto(server + "/faq/")
    page.keyboard.press("Tab")
    skip = page.evaluate("({text: document.activeElement.textContent.trim(), hash: document.activeElement.hash})")
    assert skip["text"] == "Skip to content"
    assert page.locator(f"article {skip['hash']}").count() == 1, "the skip link must lead into the content"
    page.locator(".entry__copy").first.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in {"none", ""}


@pytest.mark.workaround("closed_drawer")
def test_closed_menu_on_a_phone_is_skipped_until_opened(context_for, server):
    """Material's closed drawer is only moved off screen: without the workaround, a keyboard user on a phone-wide
    window tabs through every link of the hidden menu before reaching the page."""
    page = context_for(375)
    page.goto(server + "/faq/")
    in_menu = 0
    for _ in range(30):
        page.keyboard.press("Tab")
        in_menu += page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert in_menu == 0
    link = page.locator(".md-sidebar--primary a.md-nav__link[href$='decide/']")
    link.focus()
    assert not link.is_visible()
    assert page.evaluate("document.activeElement.matches('.md-sidebar--primary a')") is False
    page.locator(".md-header label[for='__drawer']").click()
    link.focus()
    assert link.is_visible()
    assert page.evaluate("document.activeElement.matches('.md-sidebar--primary a')") is True
    link.click()
    assert page.url == server + "/decide/"


def test_print_shows_every_answer_and_tab_without_chrome(context_for, server):
    page = context_for()
    page.goto(server + "/verdict/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    blocks = page.locator(".tabbed-block")
    assert blocks.count() >= 4 and all(blocks.nth(i).is_visible() for i in range(blocks.count()))
    page.goto(server + "/faq/")
    page.emulate_media(media="print")
    assert all(s.is_visible() for s in page.locator("section.entry").all())
    assert not page.locator(".entry__copy").first.is_visible()


def index_requests(page) -> list[str]:
    requests = []
    page.on("request", lambda r: requests.append(r.url) if r.url.endswith("/search/search_index.json") else None)
    return requests


def press_slash(page):
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused(timeout=10_000)


OPEN_SEARCH = {
    "click in the search box": (1280, open_search),
    "tap the search icon": (375, open_search),
    "press the / key": (1280, press_slash),
}


@pytest.mark.parametrize("how", OPEN_SEARCH)
def test_search_answers_however_the_reader_opens_it(context_for, server, how):
    width, open_it = OPEN_SEARCH[how]
    page = context_for(width)
    page.goto(server + "/comparison/")
    open_it(page)
    page.keyboard.type("GIL")  # at once, before search may be ready
    expect(page.locator(".md-search-result__item").first).to_contain_text("GIL")


def test_a_search_result_highlights_its_words_on_a_fresh_load(context_for, server):
    page = context_for()
    requests = index_requests(page)
    page.goto(server + "/concurrency/?h=GIL")
    page.locator("article mark").first.wait_for()
    assert page.locator("article mark").first.inner_text() == "GIL"
    assert len(requests) == 1 and len(page.workers) == 1


@pytest.mark.workaround("search_on_demand")
@pytest.mark.parametrize("width", [375, 1280])
def test_a_page_offers_search_without_downloading_the_index(context_for, server, width):
    page = context_for(width)
    requests = index_requests(page)
    for path in ("/", "/faq/"):
        page.goto(server + path, wait_until="networkidle")
        expect(page.get_by_role("link", name="Search", exact=True)).to_be_visible()
    assert requests == [] and page.workers == []


def test_the_crawl_holds_each_pages_scripts_until_the_page_is_drawn(crawl):
    """What the test below relies on: every page's scripts reach it only after its first paint."""
    shown = visits(crawl, javascript=True)
    assert [f"{v.path} ({v.look.id}): {v.early}" for v in shown if v.early or not v.held] == []


def test_nothing_shifts_while_a_page_loads_on_a_phone(crawl):
    """The crawl holds each page's scripts until the reader has seen the page: once the HTML has been parsed,
    whatever a script changes must move nothing the reader sees (tests/crawl.py says why shifts during parsing
    are left out)."""
    shifted = [f"{v.path} ({v.look.id}): {v.shifts}" for v in visits(crawl, width=crawl_module.PHONE, javascript=True)
               if v.shifts]
    assert shifted == []


@pytest.mark.browser
def test_the_crawl_catches_a_script_that_moves_the_page(tmp_path):
    """The test above can fail: a script that puts a banner above the text a reader already sees is caught in every
    look with JavaScript, as a shift after the scripts ran."""
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Shift</title><style>body, p {margin: 0}</style>'
        '<main><p>Text the reader sees first.</p></main><script defer src="assets/javascripts/banner.js"></script>')
    (scripts / "banner.js").write_text('document.body.prepend(Object.assign(document.createElement("div"), '
                                       '{className: "banner", style: "height: 100px"}));')
    moved = {v.look.id: v.shifts for v in crawl_module.crawl(tmp_path) if v.look.javascript}
    assert set(moved) == {look.id for look in crawl_module.LOOKS if look.javascript}
    assert all(shifts and all(re.fullmatch(r"\S+ 0,100 px at \d+ ms, after the scripts ran", s) for s in shifts)
               for shifts in moved.values()), moved


def trace_of_load(context_for, url: str) -> list[dict]:
    """Chromium's performance trace (the DevTools timeline) of loading `url` in a fresh phone-sized tab."""
    page = context_for(412)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Tracing.start", {"categories": "devtools.timeline", "transferMode": "ReturnAsStream"})
    page.goto(url, wait_until="load")
    streams = []
    cdp.on("Tracing.tracingComplete", lambda event: streams.append(event["stream"]))
    cdp.send("Tracing.end")
    while not streams:
        page.wait_for_timeout(20)
    chunks = [cdp.send("IO.read", {"handle": streams[0]})]
    while not chunks[-1].get("eof"):
        chunks.append(cdp.send("IO.read", {"handle": streams[0]}))
    trace = json.loads("".join(chunk["data"] for chunk in chunks))
    return trace["traceEvents"] if isinstance(trace, dict) else trace


@pytest.mark.workaround("deferred_bundle")
def test_the_whole_page_is_laid_out_before_materials_bundle_runs(context_for, server):
    """The bundle reads the scroll position at once; if that read has to lay out the page, its start-up task
    grows by tens of milliseconds. Without the template's layout read, that happened in one load in three to
    ten here; these eight loads caught the line's removal in each of three tries."""
    for path in ("/faq/", "/comparison/", "/examples/error-handling/", "/examples/cli-args/") * 2:
        events = [e for e in trace_of_load(context_for, server + path) if e.get("ph") == "X"]
        bundle = next(e for e in events if e["name"] == "EvaluateScript" and "/bundle." in e["args"]["data"]["url"])
        layouts = [e for e in events if e["name"] == "Layout" and (e["pid"], e["tid"]) == (bundle["pid"], bundle["tid"])]
        whole_page = max(layouts, key=lambda e: e["args"]["beginData"]["dirtyObjects"])
        assert whole_page["ts"] + whole_page["dur"] <= bundle["ts"], f"{path}: the bundle laid out the page"


def bold_words(page) -> set[str]:
    """What the page's own text puts in bold, before any generated content: how it names controls."""
    return set(page.locator("article h1 ~ p strong").all_inner_texts())


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_faq_intro_names_the_share_control_readers_see(context_for, server, javascript):
    page = context_for(java_script_enabled=javascript)
    page.goto(server + "/faq/")
    control = page.locator("article .entry__copy").first
    expect(control).to_be_visible()
    assert control.inner_text() in bold_words(page)


def test_decision_helper_intro_names_its_share_link(context_for, server):
    page = context_for()
    page.goto(server + "/decide/?trait=hot-spot")
    share = page.locator(".decide__share")
    expect(share).to_be_visible()
    assert share.inner_text() in bold_words(page)


def test_examples_intro_names_the_tabs_of_the_example_pages(context_for, server, site):
    page = context_for()
    tabs = set()
    for example in (site / "examples").iterdir():
        if (example / "index.html").is_file():
            page.goto(f"{server}/examples/{example.name}/")
            labels = page.locator("article .tabbed-labels").first.locator("label").all_inner_texts()
            assert labels[-1] == "Output", example.name
            tabs.update(labels)
    page.goto(server + "/examples/")
    assert tabs and tabs <= bold_words(page)
