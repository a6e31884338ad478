"""End to end: a real `mkdocs build --strict` of the repo and of the dev corpus, read with a real HTML parser."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import SEED, main_content, make_project, mkdocs_build, soup
from seedsite.pipeline import build
from seedsite.sources import load

SEED_URL = "articles/strong-focus-on-development/index.html"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def in_order(needles: list[str], haystack: list[str]) -> bool:
    """True if `needles` is a subsequence of `haystack`."""
    it = iter(haystack)
    return all(word in it for word in needles)


def test_seed_page_structure(seed_site):
    page = soup(seed_site / SEED_URL)
    content = main_content(page)
    assert content.find("h1").get_text(strip=True).rstrip("¶") == "Strong focus on development"
    h2 = [(h["id"], h.get_text(strip=True).rstrip("¶")) for h in content.find_all("h2") if h.get("id") != "related"]
    assert h2[:4] == [
        ("the-union-state-is-in-focus", "The Union State is in focus"),
        ("a-friendly-economy", "A friendly economy"),
        ("not-to-lose-the-great-victory", "Not to lose the Great Victory"),
        ("the-belarusian-russian-formula-of-peace", "The Belarusian-Russian formula of peace"),
    ]
    paragraph_ids = [p["id"] for p in content.find_all("p", id=re.compile(r"^p\d+$"))]
    assert paragraph_ids == [f"p{i}" for i in range(1, 12)]


def test_every_word_of_the_seed_is_on_its_page_in_order(seed_site):
    content = main_content(soup(seed_site / SEED_URL))
    seed_words = words(SEED.read_text(encoding="utf-8"))
    assert in_order(seed_words, words(content.get_text(" ")))


def test_edit_button_opens_the_seed(seed_site):
    page = soup(seed_site / SEED_URL)
    edit = page.select_one('a[rel="edit"]')
    assert edit is not None and edit["href"].endswith("/edit/main/seeds/000_4f2290b386969bbf.txt")


def test_home_and_section_index_list_the_article(seed_site):
    for path in ("index.html", "articles/index.html"):
        content = main_content(soup(seed_site / path))
        links = {a.get_text(strip=True): a["href"] for a in content.find_all("a") if a.get("href")}
        assert "Strong focus on development" in links, path
        assert "The first post-election visit of a Head of State" in content.get_text()


def test_nav_lists_sections_not_articles(seed_site):
    nav = soup(seed_site / "index.html").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
    assert "Articles" in labels
    assert "Strong focus on development" not in labels


def top_nav(page) -> list[tuple[str, str | None, bool]]:
    """The primary nav's top-level items: (label, href or None for the current page, a section?)."""
    items = page.select_one("nav.md-nav--primary > ul.md-nav__list").find_all("li", recursive=False)
    out = []
    for li in items:
        link = li.find(class_="md-nav__link")
        # a section has child items: a nav of its own (the current page's table of contents is not one)
        subnav = li.select_one(":scope > nav:not(.md-nav--secondary)")
        nested = "md-nav__item--nested" in li["class"] or subnav is not None
        out.append((link.get_text(" ", strip=True), link.get("href"), nested))
    return out


def test_a_section_holding_only_its_index_page_is_a_plain_nav_link(seed_site):
    """The articles stay out of the nav, so the "Articles" section holds only its index page: the nav shows it as
    a plain link to that page, no section to open (`on_nav`), and it is the current item on that page."""
    assert top_nav(soup(seed_site / "glossary" / "index.html")) == [
        ("Home", "..", False), ("Articles", "../articles/", False), ("Glossary", None, False),
    ]  # fmt: skip
    assert top_nav(soup(seed_site / SEED_URL)) == [
        ("Home", "../..", False), ("Articles", "../", False), ("Glossary", "../../glossary/", False),
    ]  # fmt: skip
    assert top_nav(soup(seed_site / "glossary" / "union-state" / "index.html")) == [
        ("Home", "../..", False), ("Articles", "../../articles/", False), ("Glossary", "../", False),
    ]  # fmt: skip  (a term page is in no nav)
    section = soup(seed_site / "articles" / "index.html")
    (active,) = section.select("nav.md-nav--primary > ul.md-nav__list > li.md-nav__item--active")
    assert active.find(class_="md-nav__link").get_text(strip=True) == "Articles"
    assert not section.select("nav.md-nav--primary .md-nav__item--section, nav.md-nav--primary .md-nav__item--nested")


# --- search: the index is made from the blocks before their links are put in -----------------------------------


def paragraph_texts(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", p.get_text()).strip() for p in BeautifulSoup(html, "html.parser").find_all("p")]


def test_the_search_index_holds_the_article_text_and_the_page_its_links(seed_site):
    """The search plugin indexes each article before its term links go in: it loses no text, and the built page
    still has every link. The lists after the text (terms, related articles) are not search results."""
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    url = SEED_URL.removesuffix("index.html")
    article = [doc for location, doc in docs.items() if location.split("#")[0] == url]
    assert not [doc for doc in index["docs"] if "\ue000" in doc["text"] or "\ue001" in doc["text"]]
    assert not [doc for doc in article if "<a" in doc["text"]]

    # a sentence with a linked term in it: plain text in the index, a glossary link on the page
    sentence = "The first post-election visit of a Head of State always has a landmark character."
    assert sentence in BeautifulSoup(docs[url]["text"], "html.parser").get_text()
    content = main_content(soup(seed_site / SEED_URL))
    p1 = content.find("p", id="p1")
    assert sentence in p1.get_text()
    link = p1.find("a", class_="glossary-term", string="Head of State")
    assert link is not None and link["href"] == "../../glossary/head-of-state/" and link["title"]

    # every section of the article: the index has the text of every one of its paragraphs, in order
    sections = {"": []}
    current = ""
    for tag in content.find_all(["h2", "p"]):
        if tag.name == "h2" and tag["id"] not in ("terms", "related"):
            current = tag["id"]
            sections[current] = []
        elif tag.get("id", "").startswith("p"):
            sections[current].append(re.sub(r"\s+", " ", tag.get_text()).strip())
    assert len(sections) == 5 and sum(map(len, sections.values())) == 11  # intro, 4 sections; 11 paragraphs
    for anchor, texts in sections.items():
        location = f"{url}#{anchor}" if anchor else url
        assert paragraph_texts(docs[location]["text"]) == texts, location
    assert len(content.select("a.glossary-term")) > 20 and content.select_one("#terms + p.term-list a")
    assert sorted(doc["location"].partition("#")[2] for doc in article) == sorted(sections)


def test_the_search_index_has_every_term_page_boosted_with_its_definition_first(seed_site):
    """Each term page is one search result: its title the term, its first text the definition (or its kind and
    count), boosted over the articles; its mentions are left out of the index, and so are the glossary index's
    lines (the term pages are the results)."""
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    terms = json.loads((seed_site / "glossary.json").read_text(encoding="utf-8"))["terms"]
    assert len(terms) > 10
    for term in terms:
        found = [doc for location, doc in docs.items() if location.split("#")[0] == term["url"]]
        assert len(found) == 1, term["url"]
        (doc,) = found
        assert doc["title"] == term["name"] and doc["boost"] == 2
        first = paragraph_texts(doc["text"])[0]
        assert first == (term["definition"] or f"{term['kind'].capitalize()} · mentioned in 1 article")
        assert "unsearched" not in doc["text"] and "¶" not in doc["text"]
    glossary = [doc for location, doc in docs.items() if location.startswith("glossary/#")]
    assert glossary and not [doc for doc in glossary if doc["text"]]


def test_mkdocs_validates_links_to_ids_that_only_the_blocks_hold(tmp_path):
    """The glossary index's term ids are only in its HTML blocks; a hand-written page's Markdown may link to
    them: MkDocs checks those links because the hook gives it the blocks' ids (`render.ids`). Without them, a
    strict build fails on every such link."""
    project = make_project(tmp_path / "project")
    (project / "docs" / "about.md").write_text("# About\n\n[Union](glossary/index.md#union-state)\n", "utf-8")
    assert mkdocs_build(project, "--strict").returncode == 0
    with open(project / "hooks" / "seedsite" / "render.py", "a", encoding="utf-8") as render:
        render.write("\nids = lambda blocks: set()\n")
    result = mkdocs_build(project, "--strict")
    assert result.returncode != 0
    assert (
        "Doc file 'about.md' contains a link 'glossary/index.md#union-state', but the doc 'glossary/index.md' "
        "does not contain an anchor '#union-state'" in result.stderr
    ), result.stderr[-2000:]


def test_a_build_in_two_processes_without_the_search_plugin_fills_every_page(tmp_path):
    """In a large site's build MkDocs writes the article pages before the second process is done, and the hook
    puts their text in at the end (`_fill_late`). Without the search plugin there is no index to correct, and
    the pages must still get every block."""
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n  - search\n", "plugins: []\n"),
                      encoding="utf-8")
    result = mkdocs_build(project, "--strict", env={"MICROSITE_BACKGROUND_FROM": "0", "MICROSITE_ALL_LATE": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    if "in a second process" not in result.stderr:
        pytest.skip("no second process on this machine (one CPU or no fork)")
    assert "pages rendered while the second process worked" in result.stderr
    assert not (project / "site" / "search" / "search_index.json").exists()
    pages = list((project / "site").rglob("*.html"))
    assert project / "site" / SEED_URL in pages
    assert not [page for page in pages if "\ue000" in page.read_text(encoding="utf-8")]
    p1 = main_content(soup(project / "site" / SEED_URL)).find("p", id="p1")
    assert "Head of State" in [link.get_text() for link in p1.select("a.glossary-term")]


@pytest.mark.slow
def test_dev_corpus_builds_strict_with_every_article_and_section(corpus_site):
    project, result = corpus_site
    assert re.search(r"microsite: 192 articles in 2 sections, pipeline \d+\.\d+ s", result.stderr)
    site = build(load(project / "seeds"))
    assert len(site.articles) == 192
    for article in site.articles:
        html = project / "site" / site.uris[article.source].replace(".md", "/index.html")
        content = main_content(soup(html))
        assert content.find("h1") is not None, article.source
        ids = {h.get("id") for h in content.find_all(["h2", "h3", "h4", "h5", "h6"])}
        missing = [s.anchor for s in article.sections if s.anchor not in ids]
        assert not missing, f"{article.source}: sections without their heading: {missing[:5]}"
