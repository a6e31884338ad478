"""Cross-links end to end (issue "Cross-links"): real `mkdocs build --strict` runs, read with a real HTML parser.

Every built page is parsed once (`page_info`, cached by path) into what the tests look at: ids, hrefs, and for
article pages the term links per section.
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import main_content, make_project, mkdocs_build, soup

SEED_PAGE = Path("articles/strong-focus-on-development/index.html")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
FOOTER_IDS = ("terms", "related")
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel", "javascript", "data")


@dataclass
class Section:
    anchor: str
    """The heading's id, or "" for the intro."""
    text: str = ""
    links: list[tuple[str, str, str]] = field(default_factory=list)
    """Every a.glossary-term in the section's paragraphs: (href, title, text)."""


@dataclass
class PageInfo:
    ids: set[str]
    """Every id and every name attribute on the page."""
    refs: list[str]
    """Every href of a, link and area, and every src of script, img, source and iframe."""
    sections: list[Section]
    """The main content's sections, up to the "Terms in this article" footer (article pages)."""
    heading_term_links: int
    nested_links: int
    footer: dict[str, list[str]]
    """Footer heading id (`terms`, `related`) → the hrefs listed under it."""
    term_links: list[tuple[str, str]]
    """Every a.glossary-term on the page: (href, title)."""


@functools.lru_cache(maxsize=None)
def page_info(path: Path) -> PageInfo:
    page = soup(path)
    ids = {tag["id"] for tag in page.find_all(id=True)}
    ids |= {tag["name"] for tag in page.find_all(attrs={"name": True})}
    refs = [tag["href"] for tag in page.find_all(["a", "link", "area"], href=True)]
    refs += [tag["src"] for tag in page.find_all(["script", "img", "source", "iframe"], src=True)]
    content = main_content(page)
    sections: list[Section] = []
    footer: dict[str, list[str]] = {}
    heading_links = nested = 0
    if content is not None:
        heading_links = sum(len(h.select("a.glossary-term")) for h in content.find_all(HEADINGS))
        nested = len(content.select("a a"))
        current = Section("")
        sections.append(current)
        in_footer = None
        children = [  # (the footer is in a block the search index leaves out: its children count)
            tag for child in content.find_all(recursive=False)
            for tag in (child.find_all(recursive=False) if "unsearched" in child.get("class", []) else [child])
        ]
        for tag in children:
            if tag.name in HEADINGS[1:]:
                if tag.get("id") in FOOTER_IDS:
                    in_footer = tag["id"]
                    footer[in_footer] = []
                    continue
                in_footer = None
                current = Section(tag.get("id", ""))
                sections.append(current)
            elif in_footer:
                footer[in_footer] += [a["href"] for a in tag.find_all("a", href=True)]
            elif tag.name == "p":
                current.text += " " + tag.get_text()
                current.links += [
                    (a["href"], a.get("title", ""), a.get_text()) for a in tag.select("a.glossary-term")
                ]
    term_links = [(a["href"], a.get("title", "")) for a in page.select("a.glossary-term")]
    return PageInfo(ids, refs, sections, heading_links, nested, footer, term_links)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def article_pages(site: Path) -> list[Path]:
    """Pages of articles: those in a section folder two levels down (term pages are in `glossary/`)."""
    return [p for p in html_pages(site) if len(p.relative_to(site).parts) == 3
            and p.relative_to(site).parts[0] != "glossary"]


def glossary_terms(site: Path) -> list[dict]:
    return json.loads((site / "glossary.json").read_text(encoding="utf-8"))["terms"]


def term_of(href: str) -> str:
    """The term a link to a term page (`../../glossary/union-state/`, `glossary/union-state.md`) points at."""
    return href.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html").removesuffix(".md")


# --- the crawler ----------------------------------------------------------------------------------------------


@dataclass
class Crawl:
    pages: int = 0
    checked: int = 0
    fragments: int = 0
    external: int = 0
    broken: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.pages} pages, {self.checked} internal links checked ({self.fragments} with a #fragment), "
            f"{self.external} external skipped, {len(self.broken)} broken"
        )


def crawl(site: Path) -> Crawl:
    """Every internal href and src on every built page resolves to a file, and its #fragment to an id there."""
    site = site.resolve()
    out = Crawl()
    for page in html_pages(site):
        out.pages += 1
        for ref in page_info(page).refs:
            parts = urlsplit(ref)
            if parts.scheme in EXTERNAL_SCHEMES or parts.netloc:
                out.external += 1
                continue
            assert not parts.scheme, f"{page.relative_to(site)}: unexpected scheme in {ref!r}"
            out.checked += 1
            path = unquote(parts.path)
            if not path:
                target = page
            else:
                base = site if path.startswith("/") else page.parent
                target = Path(os.path.normpath(base / path.lstrip("/")))
                if path.endswith("/") or target.is_dir():
                    target = target / "index.html"
            where = f"{page.relative_to(site)} → {ref}"
            if not target.is_relative_to(site):
                out.broken.append(f"{where}: leaves the site")
            elif not target.is_file():
                out.broken.append(f"{where}: no file {target.relative_to(site)}")
            elif parts.fragment:
                out.fragments += 1
                if target.suffix != ".html":
                    out.broken.append(f"{where}: a fragment into a non-HTML file")
                elif unquote(parts.fragment) not in page_info(target).ids:
                    out.broken.append(f"{where}: no id {unquote(parts.fragment)!r} in {target.relative_to(site)}")
    return out


def test_every_internal_link_of_the_seed_site_resolves(seed_site):
    result = crawl(seed_site)
    print(f"\nseed site crawl: {result}")
    assert not result.broken, f"{result}:\n" + "\n".join(result.broken[:50])
    assert result.pages >= 5 and result.checked > 100, str(result)


@pytest.mark.slow
def test_every_internal_link_of_the_dev_corpus_site_resolves(corpus_site):
    project, _ = corpus_site
    result = crawl(project / "site")
    print(f"\ndev corpus site crawl: {result}")
    assert not result.broken, f"{result}:\n" + "\n".join(result.broken[:50])
    assert result.pages >= 192 and result.checked > 10_000, str(result)


def test_the_crawler_finds_a_broken_link_and_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p><a href="../b/">b</a><a href="../a/#here">ok</a>')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text(
        '<a href="../a/#gone">1</a><a href="../c/">2</a><a href="https://example.org/x">3</a>'
        '<a href="#top" name="top">4</a><a href="/a/">5</a>'
    )
    result = crawl(tmp_path)
    assert (result.pages, result.checked, result.external) == (2, 6, 1)
    assert len(result.broken) == 2, result.broken
    assert "no id 'gone'" in result.broken[0] and "no file c/index.html" in result.broken[1]


@pytest.fixture(scope="module")
def file_url_site(tmp_path_factory) -> Path:
    """The repo's site built with --strict and `use_directory_urls: false` (pages are `x.html`, not `x/`)."""
    project = make_project(tmp_path_factory.mktemp("file-url-site"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "use_directory_urls: true" in config
    (project / "mkdocs.yml").write_text(config.replace("use_directory_urls: true", "use_directory_urls: false"))
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_internal_link_resolves_without_directory_urls(file_url_site):
    """The blocks' links are written as final URLs (`render.href`), so they follow `use_directory_urls`."""
    result = crawl(file_url_site)
    assert not result.broken, f"{result}:\n" + "\n".join(result.broken[:50])
    article = file_url_site / "articles" / "strong-focus-on-development.html"
    info = page_info(article)
    term_page = re.compile(r"^\.\./glossary/[^/#]+\.html$")
    assert info.term_links and all(term_page.match(h) for h, _ in info.term_links)
    assert info.footer["terms"] and all(term_page.match(h) for h in info.footer["terms"])
    glossary = main_content(soup(file_url_site / "glossary" / "index.html"))
    assert [a["href"] for a in glossary.select("ul.glossary-index a")][:2] == ["alexander-lukashenko.html",
                                                                               "belarus.html"]
    term = main_content(soup(file_url_site / "glossary" / "belarus.html"))
    mentions = [a["href"] for a in term.select("a.term-paragraph")]
    assert mentions and all(re.fullmatch(r"\.\./articles/strong-focus-on-development\.html#p\d+", h) for h in mentions)


# --- the seed article page ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_page(seed_site) -> PageInfo:
    return page_info(seed_site / SEED_PAGE)


def test_union_state_links_once_in_each_section_that_mentions_it(seed_page):
    mentioning = [s for s in seed_page.sections if "Union State" in s.text]
    assert [s.anchor for s in mentioning] == ["the-union-state-is-in-focus", "a-friendly-economy"]
    for section in seed_page.sections:
        union = [href for href, _, _ in section.links if href.endswith("glossary/union-state/")]
        assert len(union) == (1 if section in mentioning else 0), section.anchor
    (first,) = [t for h, _, t in mentioning[0].links if term_of(h) == "union-state"]
    assert first == "Union State"


def test_no_term_links_twice_in_one_section(seed_page):
    for section in seed_page.sections:
        targets = [term_of(href) for href, _, _ in section.links]
        assert len(targets) == len(set(targets)), (section.anchor, targets)


def test_the_intro_is_one_section(seed_page):
    intro = seed_page.sections[0]
    assert intro.anchor == ""
    # "Belarus" and "Russia" are in both intro paragraphs, linked only in the first
    assert [term_of(h) for h, _, _ in intro.links].count("belarus") == 1
    assert [term_of(h) for h, _, _ in intro.links].count("russia") == 1


def test_every_section_links_its_terms(seed_site, seed_page):
    """Each section links each term at its first mention there: a term mentioned in a section per glossary.json
    has a link in that section (and a link is only ever made where a mention is)."""
    terms = glossary_terms(seed_site)
    linked = {(s.anchor, term_of(h)) for s in seed_page.sections for h, _, _ in s.links}
    def section_of(anchor: str) -> str:  # intro paragraphs (p1, p2, …) are the intro section
        return "" if re.fullmatch(r"p\d+", anchor) else anchor

    mentioned = {(section_of(m["section"]), term_of(t["url"])) for t in terms for m in t["mentions"]}
    assert {m["url"] for t in terms for m in t["mentions"]} == {"articles/strong-focus-on-development/"}
    assert linked == mentioned


def test_variants_link_to_their_term(seed_page):
    texts = {(t, term_of(h)) for s in seed_page.sections for h, _, t in s.links}
    assert ("Presidents of Belarus", "president-of-belarus") in texts
    assert ("Import substitution", "import-substitution") in texts
    assert ("Alexander Lukashenko", "alexander-lukashenko") in texts  # written "Alexander Lukashenko's"


def test_belarus_links_in_every_section_that_names_it(seed_site, seed_page):
    for section in seed_page.sections:
        text = re.sub(r"Presidents? of Belarus", "", section.text)
        if re.search(r"(?<![\w-])Belarus(?![\w-])", text):
            assert "belarus" in [term_of(h) for h, _, _ in section.links], section.anchor


def test_headings_are_never_linked(seed_site, seed_page):
    assert seed_page.heading_term_links == 0
    content = main_content(soup(seed_site / SEED_PAGE))
    heading = content.find("h2", id="the-union-state-is-in-focus")
    assert heading is not None and heading.find("a", href=re.compile("glossary")) is None


def test_no_link_is_nested_in_another(seed_page):
    assert seed_page.nested_links == 0


def test_every_term_link_has_a_tooltip(seed_site):
    for page in html_pages(seed_site):
        for href, title in page_info(page).term_links:
            assert title.strip(), (page, href)
    union = [t for h, t in page_info(seed_site / SEED_PAGE).term_links if term_of(h) == "union-state"]
    assert union[0].startswith("The Union State of Russia and Belarus")


def test_the_seed_page_lists_its_terms(seed_site, seed_page):
    assert "terms" in seed_page.footer
    listed = {term_of(h) for h in seed_page.footer["terms"]}
    linked = {term_of(h) for s in seed_page.sections for h, _, _ in s.links}
    assert listed == linked == {term_of(t["url"]) for t in glossary_terms(seed_site)}
    content = main_content(soup(seed_site / SEED_PAGE))
    assert content.find("h2", id="terms").get_text(strip=True).rstrip("¶") == "Terms in this article"


def test_a_single_article_has_no_related_articles(seed_page):
    assert "related" not in seed_page.footer


def key_terms(page: Path) -> list[tuple[str, str]]:
    """The key terms a home or section page lists: (term, its count as the page says it)."""
    content = main_content(soup(page))
    links = content.find_all("a", href=re.compile(r"glossary/[^/#]+/$"))
    return [(term_of(a["href"]), a.next_sibling.strip(" ·")) for a in links]


@pytest.mark.parametrize("page", ["index.html", "articles/index.html"])
def test_home_and_section_pages_list_key_terms_with_their_article_counts(seed_site, page):
    """On a one-article site every term is as specific as the next: the most mentioned come first."""
    listed = key_terms(seed_site / page)
    anchors = [term for term, _ in listed]
    assert 3 <= len(anchors) <= 12 and len(anchors) == len(set(anchors))
    assert {count for _, count in listed} == {"(1)"}
    assert set(anchors[:2]) == {"russia", "belarus"}


def test_the_section_page_has_a_key_terms_heading(seed_site):
    content = main_content(soup(seed_site / "articles" / "index.html"))
    assert content.find("h2", id="terms") is not None


# --- seed text that looks like markup -------------------------------------------------------------------------

MARKUP_SEED = """Markup stays text
The Union State was founded in 1999 by a treaty between two countries.
== Links and code ==
See [Union State](x) for more, or <a href="y">Union State</a> there, or `Union State` in code, or *Union State*.
Later the Union State grew.
== Elsewhere ==
Here [Union State](x) comes first; the Union State follows.
"""


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("markup-seeds")
    (seeds / "markup.txt").write_text(MARKUP_SEED, encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("markup-site"), seeds=seeds)
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def markup_paragraphs(site: Path):
    content = main_content(soup(site / "articles" / "markup-stays-text" / "index.html"))
    return {p["id"]: p for p in content.find_all("p", id=True)}


def test_link_syntax_in_a_seed_renders_literally_with_at_most_the_term_link(markup_site):
    paragraphs = markup_paragraphs(markup_site)
    lines = MARKUP_SEED.splitlines()
    for pid, source in (("p2", lines[3]), ("p4", lines[6])):
        p = paragraphs[pid]
        assert p.get_text() == source
        assert p.find("code") is None and p.find("em") is None
        assert not p.select("a a")
        anchors = p.find_all("a")
        assert len(anchors) <= 1, anchors
        assert all("glossary-term" in a.get("class", []) and term_of(a["href"]) == "union-state" for a in anchors)
        assert p.find("a", href=re.compile(r"^(x|y)$")) is None


def test_the_term_links_once_per_section_around_literal_link_syntax(markup_site):
    paragraphs = markup_paragraphs(markup_site)
    links = {pid: [a.get_text() for a in p.select("a.glossary-term")] for pid, p in paragraphs.items()}
    assert links["p1"] == ["Union State"]  # the intro
    assert links["p2"] + links["p3"] == ["Union State"]  # "Links and code": once, literal syntax or not
    assert links["p4"] == ["Union State"]  # "Elsewhere"


def test_the_markup_site_term_page_shows_mentions_literally(markup_site):
    page = soup(markup_site / "glossary" / "union-state" / "index.html")
    content = main_content(page)
    assert content.find("a", href=re.compile(r"^(x|y)$")) is None
    assert "[Union State](x)" in content.get_text()
    assert not content.select("code")
    assert not content.select("a.glossary-term")


def test_the_markup_site_links_resolve(markup_site):
    result = crawl(markup_site)
    assert not result.broken, "\n".join(result.broken)


# --- the dev corpus site --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_articles(corpus_site) -> list[tuple[Path, PageInfo]]:
    project, _ = corpus_site
    site = project / "site"
    pages = [(p, page_info(p)) for p in article_pages(site)]
    assert len(pages) == 192
    return pages


@pytest.mark.slow
def test_corpus_pages_link_each_term_at_most_once_per_section(corpus_articles):
    bad = []
    for path, info in corpus_articles:
        for section in info.sections:
            targets = [term_of(h) for h, _, _ in section.links]
            if len(targets) != len(set(targets)):
                bad.append((path.parent.name, section.anchor))
    assert not bad, bad[:20]


@pytest.mark.slow
def test_corpus_pages_have_no_linked_headings_nor_nested_links(corpus_articles):
    assert [p.parent.name for p, info in corpus_articles if info.heading_term_links or info.nested_links] == []


@pytest.mark.slow
def test_corpus_term_links_have_tooltips(corpus_articles):
    empty = [(p.parent.name, h) for p, info in corpus_articles for h, title in info.term_links if not title.strip()]
    assert not empty, empty[:20]
    assert sum(len(info.term_links) for _, info in corpus_articles) > 1000


@pytest.mark.slow
def test_corpus_pages_have_terms_and_related_articles(corpus_articles):
    without_terms = [p.parent.name for p, info in corpus_articles if info.term_links and "terms" not in info.footer]
    assert not without_terms, without_terms
    with_related = [info for _, info in corpus_articles if info.footer.get("related")]
    assert len(with_related) > len(corpus_articles) // 2, len(with_related)
    for info in with_related:
        assert 1 <= len(info.footer["related"]) <= 5


@pytest.mark.slow
def test_corpus_home_and_section_pages_link_key_terms(corpus_site):
    project, _ = corpus_site
    site = project / "site"
    sections = [p for p in html_pages(site) if len(p.relative_to(site).parts) == 2 and p.parent.name != "glossary"]
    sections = [p for p in sections if p.parent.name not in ("search", "assets")]
    assert len(sections) == 2, sections
    for page in [site / "index.html", *sections]:
        content = main_content(soup(page))
        links = content.find_all("a", href=re.compile(r"glossary/[^/#]+/$"))
        assert 3 <= len(links) <= 12, page
