"""Term pages and the glossary index (issue #13, "A glossary that scales"): real `mkdocs build --strict` runs of
the seed site, of small sites written here (news, essay and encyclopedia styles), of a site made in two
processes, and of the dev corpus; read with a real HTML parser; glossary.json checked against its published
JSON Schema with `check-jsonschema`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import ROOT, main_content, make_project, mkdocs_build, soup
from seedsite import cache, pipeline, sources

SCHEMA = ROOT / "docs" / "assets" / "glossary.schema.json"
PAGE_LIMIT = 300_000
"""The most bytes a glossary page (the index or a term page) may take."""
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def terms_of(site: Path) -> list[dict]:
    return json.loads((site / "glossary.json").read_text(encoding="utf-8"))["terms"]


def check_schema(instance: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMA), str(instance)],
                          capture_output=True, text=True, timeout=600)


def linked_paragraphs(site: Path, term: dict) -> set[tuple[str, str]]:
    """(article URL from the site root, paragraph id) of every ¶ link on the term's page."""
    page = site / term["url"] / "index.html"
    base = term["url"]
    out = set()
    for a in main_content(soup(page)).select("a.term-paragraph"):
        url, _, anchor = urljoin(base, a["href"]).partition("#")
        out.add((url, anchor))
    return out


def fully_linked(site: Path) -> tuple[int, int]:
    """How many terms have every paragraph that mentions them linked from their page, of how many."""
    terms = terms_of(site)
    whole = sum({(m["url"], m["anchor"]) for m in t["mentions"]} <= linked_paragraphs(site, t) for t in terms)
    return whole, len(terms)


def glossary_pages(site: Path) -> list[Path]:
    return sorted((site / "glossary").rglob("index.html"))


# --- the seed site --------------------------------------------------------------------------------------------


def test_glossary_json_is_valid_against_its_published_schema(seed_site, tmp_path):
    result = check_schema(seed_site / "glossary.json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (seed_site / "assets" / "glossary.schema.json").read_bytes() == SCHEMA.read_bytes()
    data = json.loads((seed_site / "glossary.json").read_text(encoding="utf-8"))
    data["terms"][0]["kind"] = "thing"  # no kind: the schema must refuse it
    broken = tmp_path / "glossary.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert check_schema(broken).returncode != 0


def test_every_term_has_a_page_with_every_paragraph_that_mentions_it(seed_site):
    terms = terms_of(seed_site)
    assert len(terms) > 10
    assert fully_linked(seed_site) == (len(terms), len(terms))
    for term in terms:
        content = main_content(soup(seed_site / term["url"] / "index.html"))
        assert content.find("h1").get_text().rstrip("¶") == term["name"]
        for a in content.select("a.term-paragraph"):  # each ¶ lands on a paragraph of the article
            url, _, anchor = urljoin(term["url"], a["href"]).partition("#")
            target = soup(seed_site / url / "index.html").find(id=anchor)
            assert target is not None and target.name == "p", a["href"]


def test_no_page_sends_a_reader_to_json_and_no_glossary_page_is_heavy(seed_site):
    for page in seed_site.rglob("*.html"):
        assert "glossary.json" not in page.read_text(encoding="utf-8"), page
    for page in glossary_pages(seed_site):
        assert page.stat().st_size <= PAGE_LIMIT, page


def test_term_pages_are_in_no_nav_but_in_the_sitemap(published_site):
    nav = soup(published_site / "index.html").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
    assert list(dict.fromkeys(labels)) == ["Home", "Articles", "Glossary"]
    sitemap = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    for term in terms_of(published_site):
        assert f"/{term['url']}</loc>" in sitemap, term["url"]


def test_the_index_lists_each_term_with_kind_count_and_short_definition(seed_site):
    lines = {li["id"]: li for li in main_content(soup(seed_site / "glossary" / "index.html")).select("li")}
    union = lines["union-state"]
    assert union.a["href"] == "union-state/" and union["data-kind"] in ("concept", "organisation", "place")
    assert re.fullmatch(r"Union State \w+ · 1 article — The Union State of Russia and Belarus, .{20,80}…",
                        union.get_text()), union.get_text()
    assert (seed_site / "glossary" / "index.html").stat().st_size < 60_000


# --- tooltips -------------------------------------------------------------------------------------------------

HARBOUR = """Harbour news
The Harbour Board met on Monday. Its chair, Mara Lind, spoke about the new quay and the ferries.
The Harbour Board is the body that runs the port and its quays. It was set up in 1920.
== Ferries ==
Ferries leave at dawn. The Harbour Board sets the timetable.
"""
QUAYS = """The quays
An essay on the old quays of the town, and on Mara Lind who walks them every morning.
Mara Lind thinks the quays are older than the town itself.
"""
HARBOUR_CURATED = "Harbour Board: The body that runs the port and its quays.\n"


@pytest.fixture(scope="module")
def harbour_site(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("harbour-seeds")
    (seeds / "news").mkdir()
    (seeds / "news" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (seeds / "essays").mkdir()
    (seeds / "essays" / "quays.txt").write_text(QUAYS, encoding="utf-8")
    (seeds / "glossary.yml").write_text(HARBOUR_CURATED, encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("harbour-site"), seeds=seeds)
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_a_tooltip_shows_the_definition_unless_its_paragraph_says_it(harbour_site):
    content = main_content(soup(harbour_site / "news" / "harbour-news" / "index.html"))
    tips = {p["id"]: [a["title"] for a in p.select('a.glossary-term[href$="glossary/harbour-board/"]')]
            for p in content.find_all("p", id=True)}
    assert tips["p1"] == ["The body that runs the port and its quays."]
    assert tips["p2"] == []  # linked once per section: in the intro, at its first mention
    assert tips["p3"] == ["The body that runs the port and its quays."]
    board = main_content(soup(harbour_site / "glossary" / "harbour-board" / "index.html"))
    assert board.select_one("p.term-definition").get_text() == "The body that runs the port and its quays."


def test_a_tooltip_never_repeats_the_paragraph_it_sits_in(harbour_site):
    """A paragraph that states the definition gets the term's kind and count instead."""
    content = main_content(soup(harbour_site / "news" / "harbour-news" / "index.html"))
    for p in content.find_all("p", id=True):
        for a in p.select("a.glossary-term"):
            definition = a["title"]
            assert definition.rstrip("…") not in p.get_text() or " · mentioned in " in definition, (p["id"], a)


def test_a_term_without_definition_says_its_kind_and_article_count(harbour_site):
    terms = {t["name"]: t for t in terms_of(harbour_site)}
    lind = terms["Mara Lind"]
    assert lind["definition"] == "" and lind["context"]["anchor"] == "p1"
    links = [a for page in harbour_site.glob("*/*/index.html")
             for a in main_content(soup(page)).select('a.glossary-term[href$="glossary/mara-lind/"]')]
    assert len(links) == 2
    assert {a["title"] for a in links} == {f"{lind['kind'].capitalize()} · mentioned in 2 articles"}


def test_key_terms_are_those_of_their_section(harbour_site):
    """Each section lists the terms its articles mention, with their article counts; a term both sections
    mention is less key to either than one only this section has."""
    news = main_content(soup(harbour_site / "news" / "index.html"))
    listed = [a.get_text() for a in news.select('a[href*="glossary/"]')]
    assert listed and listed[0] == "Harbour Board"
    assert "(1)" in news.get_text()


# --- a site made in two processes -----------------------------------------------------------------------------


def test_term_pages_come_with_the_second_process(harbour_site, tmp_path):
    """A large site's glossary is made in a second process, after MkDocs has been handed the other pages: the
    term pages still come complete, in the sitemap and the search index, and the build is the same."""
    project = make_project(tmp_path / "project", seeds=harbour_site.parent / "seeds")
    env = {"MICROSITE_BACKGROUND_FROM": "0", "SITE_URL": "https://example.org/site/"}
    result = mkdocs_build(project, "--strict", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    if "in a second process" not in result.stderr:
        pytest.skip("no second process on this machine (one CPU or no fork)")
    site = project / "site"
    for page in glossary_pages(harbour_site):
        other = site / page.relative_to(harbour_site)
        assert main_content(soup(other)) == main_content(soup(page)), page
    assert fully_linked(site)[0] == len(terms_of(site))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "glossary/harbour-board/</loc>" in sitemap
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (board,) = [d for d in index["docs"] if d["location"] == "glossary/harbour-board/"]
    assert board["boost"] == 2 and "The body that runs the port" in board["text"]


CRASH_HOOK = """
import os
from seedsite import pipeline

PARENT = os.getpid()
real = getattr(pipeline, "{step}")


def crash(*args, **kwargs):
    if os.getpid() != PARENT:
        raise RuntimeError("a crash in the second process")
    return real(*args, **kwargs)


setattr(pipeline, "{step}", crash)
"""


@pytest.mark.parametrize("step", ["glossary_of", "word_bags", "article_pages", "finish"])
def test_when_the_second_process_fails_the_pages_are_made_here(harbour_site, tmp_path, step):
    """Whenever the second process fails (before the term pages' outline, in the third process that makes the
    articles' words, before the article pages, in the one that makes the rest), the build says so and makes the
    same pages in its own process."""
    project = make_project(tmp_path / "project", seeds=harbour_site.parent / "seeds")
    (project / "hooks" / "crash.py").write_text(CRASH_HOOK.replace("{step}", step), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("hooks:\n", "hooks:\n  - hooks/crash.py\n", 1), encoding="utf-8")
    env = {"MICROSITE_BACKGROUND_FROM": "0", "MICROSITE_CACHE": "0", "SITE_URL": "https://example.org/site/"}
    result = mkdocs_build(project, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    if "in a second process" not in result.stderr:
        pytest.skip("no second process on this machine (one CPU or no fork)")
    assert "the second process failed" in result.stderr and "a crash in the second process" in result.stderr
    site = project / "site"
    for page in [*glossary_pages(harbour_site), harbour_site / "news" / "harbour-news" / "index.html"]:
        assert main_content(soup(site / page.relative_to(harbour_site))) == main_content(soup(page)), page
    assert "glossary/harbour-board/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_term_outline_is_the_term_pages_markdown(harbour_site, language):
    """The second process sends the term pages' Markdown as soon as the glossary is made, before their blocks:
    it must be the Markdown the finished pages have (title, description, placeholders), and what the search
    index reads of them the same as of the finished pages' blocks."""
    draft = pipeline.draft(sources.load(harbour_site.parent / "seeds", "seeds"), language=language)
    glossary = pipeline.glossary_of(draft)
    outline, searched = pipeline.term_outline(draft, glossary)
    finished = [page for page in pipeline.finish(draft, glossary).pages if page.uri.startswith("glossary/")]
    assert len(outline) >= 2
    assert [(p.uri, p.markdown) for p in outline] == [(p.uri, p.markdown) for p in finished[1:]]
    assert all(not p.blocks for p in outline) and all(len(p.blocks) == 2 for p in finished[1:])
    assert searched == cache.unlinked_blocks(finished[1:])
    assert any("term-definition" in view[0] for view in searched.values())


# --- the dev corpus -------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_corpus_glossary_links_every_mention_from_light_pages(corpus_site):
    project, _ = corpus_site
    site = project / "site"
    assert check_schema(site / "glossary.json").returncode == 0
    heavy = [(p, p.stat().st_size) for p in glossary_pages(site) if p.stat().st_size > PAGE_LIMIT]
    assert not heavy, heavy
    whole, total = fully_linked(site)
    assert total > 300 and whole >= 0.99 * total, (whole, total)
    for page in site.rglob("*.html"):
        assert "glossary.json" not in page.read_text(encoding="utf-8"), page
