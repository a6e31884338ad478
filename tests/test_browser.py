"""The site as a reader meets it: the seed site served over HTTP and read in a real headless Chromium."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

ARTICLE = "articles/strong-focus-on-development/"
PAGES = {"home": "", "article": ARTICLE, "glossary": "glossary/", "term": "glossary/union-state/"}
SECTIONS = [
    ("the-union-state-is-in-focus", "The Union State is in focus"),
    ("a-friendly-economy", "A friendly economy"),
    ("not-to-lose-the-great-victory", "Not to lose the Great Victory"),
    ("the-belarusian-russian-formula-of-peace", "The Belarusian-Russian formula of peace"),
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
OUTPUT = ROOT / "test-output"


@dataclass
class Visit:
    """A page open in the browser, with the errors it reported."""

    page: Page
    errors: list[str] = field(default_factory=list)
    """Console errors and uncaught exceptions of the site's own pages and scripts."""


@pytest.fixture
def visit(chromium: Browser, site_url: str) -> Callable[..., Visit]:
    """Opens a path of the served site in a fresh browser context and waits until the network is quiet."""
    contexts = []
    origin = urlsplit(site_url).netloc

    def open_page(path: str, viewport: dict = DESKTOP, color_scheme: str = "light") -> Visit:
        context = chromium.new_context(base_url=site_url, viewport=viewport, color_scheme=color_scheme)
        context.set_default_timeout(10_000)  # how long an action waits for its element, not a timed assertion
        contexts.append(context)
        seen = Visit(context.new_page())

        def on_console(message):
            # Only our own origin counts: this machine has no internet, so Material's fetch of the repository's
            # star count from api.github.com fails here (and for the placeholder repo_url, everywhere).
            url = message.location.get("url", "")
            if message.type == "error" and (not url or urlsplit(url).netloc == origin):
                seen.errors.append(f"{message.text} ({url})")

        seen.page.on("console", on_console)
        seen.page.on("pageerror", lambda error: seen.errors.append(str(error)))
        response = seen.page.goto(path)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        seen.page.wait_for_load_state("networkidle")
        return seen

    yield open_page
    for context in contexts:
        context.close()


def toc_links(page: Page):
    return page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")


# The article: table of contents and anchors


def test_toc_lists_the_four_sections(visit):
    page = visit(ARTICLE).page
    assert toc_links(page).all_inner_texts()[:4] == [title for _, title in SECTIONS]


def test_clicking_a_toc_entry_scrolls_to_its_section(visit):
    page = visit(ARTICLE).page
    anchor, title = SECTIONS[2]
    heading = page.locator(f"h2#{anchor}")
    expect(heading).not_to_be_in_viewport()
    toc_links(page).filter(has_text=title).click()
    expect(heading).to_be_in_viewport()
    assert urlsplit(page.url).fragment == anchor


def test_a_link_to_a_section_opens_at_that_section(visit):
    page = visit(f"{ARTICLE}#a-friendly-economy").page
    heading = page.locator("h2#a-friendly-economy")
    expect(heading).to_be_in_viewport()
    header_bottom = page.locator("header.md-header").bounding_box()["height"]
    top = heading.bounding_box()["y"]
    assert header_bottom <= top < DESKTOP["height"] / 4, "the heading is not just below the header"


# Every page: layout, errors, accessibility, screenshots


@pytest.mark.parametrize("name", PAGES)
def test_nothing_scrolls_sideways_on_a_phone(visit, name):
    page = visit(PAGES[name], viewport=PHONE).page
    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width


@pytest.mark.parametrize("name", PAGES)
def test_no_console_errors(visit, name):
    assert visit(PAGES[name]).errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(visit, name, scheme):
    page = visit(PAGES[name], color_scheme=scheme).page
    results = Axe().run(page)
    violations = results.response["violations"]
    # Every finding is kept (by impact) for the record; serious and critical ones fail the test.
    report = OUTPUT / "axe" / f"{name}-{scheme}.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    summary = {
        "by_impact": Counter(v["impact"] for v in violations),
        "violations": [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])} for v in violations],
    }
    report.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    blocking = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not blocking, results.generate_report()


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(visit, name, viewport):
    page = visit(PAGES[name], viewport=DESKTOP if viewport == "desktop" else PHONE).page
    expect(page.locator("article h1")).to_be_visible()
    path = OUTPUT / "screenshots" / f"{name}-{viewport}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 0


def test_a_missing_page_shows_the_404_page_with_a_way_home(visit, site_url):
    page = visit("").page
    response = page.goto("no/such/page/")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    page.locator("article").get_by_role("link", name="home page").click()
    page.wait_for_url(site_url)
    expect(page).to_have_title("Home - Strong Focus")


# The glossary: term links, term pages, search, the index


def term_link(page: Page, slug: str):
    links = page.locator(f'article a.glossary-term[href$="glossary/{slug}/"]')
    assert links.count() > 0, f"no term link to glossary/{slug}/ on the page"
    return links.first


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_a_term_link_shows_its_definition(visit, how):
    page = visit(ARTICLE).page
    link = term_link(page, "union-state")
    definition = link.get_attribute("title")
    assert definition and definition.startswith("The Union State of Russia and Belarus")
    link.hover() if how == "hover" else link.focus()
    expect(link).to_have_attribute("aria-describedby", re.compile(r"."))
    tooltip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(html.unescape(definition))  # Material shows the title as HTML


def test_a_click_on_a_term_link_lands_on_the_term_page(visit):
    page = visit(ARTICLE).page
    term_link(page, "union-state").click()
    page.wait_for_url("**/glossary/union-state/")
    expect(page.locator("article h1")).to_have_text(re.compile("^Union State"))
    expect(page.locator("article p.term-definition")).to_have_text(re.compile("^The Union State of Russia"))


def test_search_shows_the_term_page_first(visit):
    page = visit("").page
    page.locator("input.md-search__input").press_sequentially("friendly economy")  # search runs on key presses
    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible()
    paths = [urlsplit(href).path + "#" + urlsplit(href).fragment for href in results.evaluate_all(
        "links => links.map(link => link.href)"
    )]
    assert paths[0].startswith("/glossary/friendly-economy/"), paths
    assert any(path.startswith(f"/{ARTICLE}") for path in paths), paths


def test_a_pilcrow_on_the_term_page_lands_on_its_paragraph(visit):
    page = visit(PAGES["term"]).page
    pilcrows = page.locator("article a.term-paragraph")
    assert pilcrows.count() == 2  # the Union State is mentioned in two paragraphs
    target = pilcrows.last.get_attribute("href").rsplit("#", 1)[1]
    pilcrows.last.click()
    page.wait_for_url(f"**/{ARTICLE}#{target}")
    paragraph = page.locator(f"p#{target}")
    expect(paragraph).to_be_in_viewport()
    expect(paragraph).to_contain_text("Union State")


def test_typing_in_the_filter_narrows_the_glossary_index(visit):
    page = visit(PAGES["glossary"]).page
    lines = page.locator("ul.glossary-index li")
    total = lines.count()
    assert total > 10
    expect(lines.filter(visible=True)).to_have_count(total)
    box = page.locator(".glossary-filter input")
    expect(box).to_be_visible()  # shown by the script
    names = page.locator("ul.glossary-index li > a").all_inner_texts()
    matching = sum("belarus" in name.casefold() for name in names)  # Belarus, President of Belarus
    assert 2 <= matching < total
    box.press_sequentially("belarus")
    expect(lines.filter(visible=True)).to_have_count(matching)
    expect(page.locator("h2#letter-u")).to_be_hidden()  # a letter with no line left goes too
    box.fill("zzzz")
    expect(lines.filter(visible=True)).to_have_count(0)
    expect(page.locator(".glossary-none")).to_be_visible()
    box.fill("")
    expect(lines.filter(visible=True)).to_have_count(total)


def test_the_kind_facet_keeps_one_kind(visit):
    page = visit(PAGES["glossary"]).page
    select = page.locator(".glossary-filter select")
    kinds = [k for k in select.locator("option").evaluate_all("options => options.map(o => o.value)") if k]
    assert kinds
    lines = page.locator("ul.glossary-index li")
    for kind in kinds:
        select.select_option(kind)
        expected = page.locator(f'ul.glossary-index li[data-kind="{kind}"]').count()
        expect(lines.filter(visible=True)).to_have_count(expected)
    select.select_option("")
    expect(lines.filter(visible=True)).to_have_count(lines.count())


def test_the_glossary_index_is_a_plain_list_without_javascript(chromium, site_url):
    context = chromium.new_context(base_url=site_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(PAGES["glossary"])
        expect(page.locator(".glossary-filter")).to_be_hidden()
        lines = page.locator("ul.glossary-index li")
        assert lines.count() > 10
        expect(lines.filter(visible=True)).to_have_count(lines.count())
    finally:
        context.close()
