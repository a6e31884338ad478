"""No injection: nothing from a seed — text, title, file or folder name, curated glossary — reaches the HTML as
markup, and YAML is loaded safely.

The pages are those of the hostile build (test_bad_input.py, built once per session): `script.txt` is all
`<script>`, `<img onerror>` and attribute break-outs, its title included; `glossary.yml` puts HTML in term names,
definitions (shown as link tooltips) and aliases; file and folder names are HTML. Read with a real HTML parser,
then opened in a real Chromium: the payloads would set `window.__seedScriptRan`, change `document.title` or open
an `alert` dialog.
"""

from __future__ import annotations

import contextlib
import functools
import html
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from conftest import ROOT, main_content, make_project, mkdocs_build, soup
from inputs.hostile import FIXTURES, HOSTILE_NAMES
from test_bad_input import hostile_build

SITE_NAME = "Strong Focus"
SCRIPT_TITLE = "<script>alert(1)</script>"
IMG_DEFINITION = (
    'Sets <img src=x onerror="window.__seedScriptRan = true"> and [a link](javascript:alert(1)) and *stars*.'
)
QUOTE_DEFINITION = "A definition with a quote \" and an apostrophe ' and </title><script>alert(1)</script>."
FIRST_SENTENCE = '"><script>window.__seedScriptRan = true; document.title = "pwned"</script><meta x="'
PAYLOAD = re.compile(r"alert\(|__seedScriptRan|display: none")
"""What only a seed's payload would put inside a <script> or <style> element."""
EDIT_LINK_BREAKOUT = "articles/hostile-file-name-x-onmouseoveralert1-y/index.html"
"""The page of the seed named `x" onmouseover="alert(1)" y=".txt`: its edit link is made from the file name."""


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    return hostile_build(tmp_path_factory.getbasetemp() / "hostile")


@pytest.fixture(scope="session")
def pages(hostile) -> list[str]:
    site, result, _ = hostile
    assert result.returncode == 0, result.stderr[-3000:]
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def injected(page) -> list[str]:
    """Every trace of seed markup in a parsed page: event handlers, frames, images, scripts, styles."""
    found = []
    for tag in page.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        if handlers:
            found.append(f"<{tag.name} {' '.join(handlers)}>")
        if tag.name in ("iframe", "img", "meta") and (tag.name != "meta" or "x" in tag.attrs):
            found.append(str(tag)[:80])
        if tag.name in ("script", "style") and PAYLOAD.search(tag.get_text()):
            found.append(str(tag)[:80])
        if tag.name == "a" and tag.get("href", "").strip().lower().startswith("javascript:"):
            found.append(str(tag)[:80])
    return found


def test_no_page_holds_markup_from_a_seed(hostile, pages):
    site, _, _ = hostile
    assert len(pages) > 25
    found = {page: injected(soup(site / page)) for page in pages}
    assert not {page: marks for page, marks in found.items() if marks}


def test_a_file_name_stays_inside_the_edit_link(hostile):
    site, _, _ = hostile
    edit = soup(site / EDIT_LINK_BREAKOUT).select_one('a[rel="edit"]')
    assert sorted(edit.attrs) == ["class", "href", "rel", "title"]
    assert edit["href"].endswith("/seeds/x%22%20onmouseover%3D%22alert%281%29%22%20y%3D%22.txt")


def test_titles_and_first_sentences_are_text_in_the_head_and_body(hostile):
    site, _, pipeline_site = hostile
    page = soup(site / pipeline_site.uris["script.txt"].replace(".md", "/index.html"))
    assert page.title.get_text() == f"{SCRIPT_TITLE} - {SITE_NAME}"
    assert page.find("meta", attrs={"name": "description"})["content"] == FIRST_SENTENCE
    assert page.find("meta", attrs={"property": "og:title"})["content"] == SCRIPT_TITLE
    assert main_content(page).find("h1").get_text().rstrip("¶") == SCRIPT_TITLE


def test_file_names_are_text_where_they_are_shown(hostile):
    site, _, pipeline_site = hostile
    for name in HOSTILE_NAMES:
        content = main_content(soup(site / pipeline_site.uris[name].replace(".md", "/index.html")))
        assert f"This seed's file name is {name!r}." in content.get_text()


def test_curated_glossary_names_definitions_and_aliases_are_text(hostile):
    site, _, pipeline_site = hostile
    glossary = main_content(soup(site / "glossary" / "index.html"))
    names = [a.get_text() for a in glossary.select("ul.glossary-index li > a")]
    assert {SCRIPT_TITLE, 'Quote" onmouseover="alert(1)" x="', "{{ jinja }}"} <= set(names)
    assert not glossary.select("ul.glossary-index script, ul.glossary-index img, ul.glossary-index svg")
    pages = [main_content(soup(page)) for page in (site / "glossary").glob("*/index.html")]
    assert {page.find("h1").get_text().rstrip("¶") for page in pages} >= set(names)
    definitions = [p.get_text() for page in pages for p in page.select("p.term-definition")]
    assert IMG_DEFINITION in definitions
    assert "{% raw %} $x$ `code` <b>bold</b> &amp;" in definitions
    metas = [p.get_text() for page in pages for p in page.select("p.term-meta")]
    assert "Also called: <svg onload=alert(1)>" in metas
    assert not [page for page in pages if page.select("script, img, svg")]
    article = main_content(soup(site / pipeline_site.uris["script.txt"].replace(".md", "/index.html")))
    tooltips = {a.get_text(): a.get("title") for a in article.select("a.glossary-term")}
    # Material's tooltips show a title as HTML, so it holds the definition HTML-escaped once more.
    assert html.unescape(tooltips['Quote" onmouseover="alert(1)" x="']) == QUOTE_DEFINITION


def test_yaml_is_loaded_safely(tmp_path):
    """A Python tag in glossary.yml is refused with one line, and runs nothing; no hook calls an unsafe loader."""
    marker = tmp_path / "yaml-ran"
    project = make_project(tmp_path / "project")
    (project / "seeds" / "glossary.yml").write_text(f'Term: !!python/object/apply:os.system ["touch {marker}"]\n')
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not marker.exists()
    assert re.search(r"^WARNING -  seeds/glossary\.yml: not valid YAML at line 1, ignored", result.stderr, re.M)
    for source in (ROOT / "hooks").rglob("*.py"):
        code = source.read_text(encoding="utf-8")
        assert not re.search(r"yaml\.(unsafe_|full_)?load(_all)?\((?![^)]*SafeLoader)", code), source


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """`site` over HTTP on 127.0.0.1 (a free port); the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def served(hostile) -> Iterator[str]:
    with serve(hostile[0]) as url:
        yield url


@pytest.fixture(scope="module")
def served_small(tmp_path_factory) -> Iterator[str]:
    """Only the small hostile seeds (script.txt, glossary.yml, …): without the megabyte paragraphs, whose
    unbounded summaries stall Material's search (see test_bad_input), search answers at once."""
    project = make_project(tmp_path_factory.mktemp("small-hostile"), seeds=FIXTURES)
    assert mkdocs_build(project).returncode == 0
    with serve(project / "site") as url:
        yield url


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except ConnectionError:  # the browser closed the page while a file was on its way
            self.close_connection = True


def visit(chromium, url: str, hover: str = 'a[rel="edit"]') -> tuple[list[str], object, str]:
    """Open `url`, move the mouse over every link a handler could hide in; (dialogs, the global, the title)."""
    page = chromium.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(url, wait_until="load")
        for link in page.locator(hover).all():
            if link.is_visible():
                link.hover()
        return dialogs, page.evaluate("window.__seedScriptRan"), page.title()
    finally:
        page.close()


@pytest.mark.browser
def test_no_script_runs_and_no_dialog_opens_on_any_page(chromium, served, pages):
    ran = {}
    for path in pages:
        dialogs, flag, title = visit(chromium, served + path)
        if dialogs or flag is not None or "pwned" in title:
            ran[path] = (dialogs, flag, title)
    assert not ran


@pytest.mark.browser
def test_the_script_seed_page_keeps_its_title_in_the_browser(chromium, served, hostile):
    _, _, pipeline_site = hostile
    dialogs, flag, title = visit(chromium, served + pipeline_site.uris["script.txt"].replace(".md", "/"))
    assert (dialogs, flag, title) == ([], None, f"{SCRIPT_TITLE} - {SITE_NAME}")


@pytest.mark.browser
def test_hovering_glossary_links_with_hostile_definitions_runs_nothing(chromium, served, hostile):
    """Material's tooltips render a link's title as HTML: an <img onerror> definition would run on hover."""
    _, _, pipeline_site = hostile
    url = served + pipeline_site.uris["script.txt"].replace(".md", "/")
    assert visit(chromium, url, hover="a.glossary-term")[:2] == ([], None)
    page = chromium.new_page()
    try:
        page.goto(url, wait_until="load")
        link = page.locator("a.glossary-term", has_text="Quote")
        link.hover()
        tooltip = page.locator(f"#{link.get_attribute('aria-describedby')}")
        assert tooltip.inner_text() == QUOTE_DEFINITION
    finally:
        page.close()


def test_no_title_attribute_holds_markup_for_material_tooltips(hostile, pages):
    """Material's content.tooltips feature renders a title attribute as HTML."""
    site, _, _ = hostile
    titles = {tag["title"] for page in pages for tag in soup(site / page).find_all(title=True)}
    assert not [title for title in titles if re.search(r"<[a-zA-Z/!]", title)]


@pytest.mark.browser
def test_hovering_the_edit_link_of_a_hostile_file_name_runs_nothing(chromium, served):
    assert visit(chromium, served + EDIT_LINK_BREAKOUT)[0] == []


READY = "!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')"


@pytest.mark.browser
def test_searching_for_the_payloads_runs_nothing(chromium, served_small):
    """Material's search shows titles and text from the index as HTML: they must arrive there escaped."""
    page = chromium.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(served_small, wait_until="load")
        search = page.locator("input.md-search__input")
        search.focus()  # the index loads in a worker: wait until it is ready
        page.wait_for_function(READY, timeout=120_000)
        for query in ("onmouseover", "onload", "onerror", "jinja", "quote"):  # lunr keeps "alert(1)" whole
            search.fill("")
            search.press_sequentially(query)  # Material searches on key presses
            results = page.locator(".md-search-result__item")
            results.first.wait_for()
            for i in range(min(results.count(), 10)):  # hover each result shown (the list may re-render)
                try:
                    results.nth(i).hover(timeout=5_000)
                except PlaywrightTimeoutError:
                    break
            assert results.count() > 0, query
            assert page.locator(".md-search-result img, .md-search-result svg[onload]").count() == 0, query
        assert page.evaluate("window.__seedScriptRan") is None
        assert dialogs == []
    finally:
        page.close()
