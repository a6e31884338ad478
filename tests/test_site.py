"""End to end: a real `mkdocs build --strict` of the repo and of the dev corpus, read with a real HTML parser."""

from __future__ import annotations

import re

import pytest
from conftest import SEED, main_content, soup
from seedsite.sources import load
from seedsite.pipeline import build

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
