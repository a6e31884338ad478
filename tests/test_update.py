"""`pipeline.update`: the quick rebuild `mkdocs serve` runs after a few seeds were edited.

Only the edited articles are read, linked against the previous glossary and rendered again; the home and section
pages are made anew; everything else stays as it was. Whenever it cannot do that faithfully it returns None and
the hook runs a full `pipeline.build`. The reference for every page it does make is a full build of the same
sources (as long as that full build finds the same glossary)."""

from __future__ import annotations

import re

from dataclasses import replace

import pytest
from conftest import CORPUS_DEV, ROOT
from seedsite import pipeline, sources
from seedsite.model import Problem
from seedsite.sources import Seed, Sources

SITE_NAME = "Update test"
REPO = sources.load(ROOT / "seeds")
REPO_SEED = REPO.seeds[0].path

EXTRA = {
    "extra/minsk-metro.txt": (
        "Minsk metro\n"
        "The Minsk metro opened in 1984 and carries visitors to the Palace of Independence. "
        "The Union State budget paid for new trains.\n"
        "New lines\n"
        "The third line of the Minsk metro opened in 2020. Belarus celebrated the new line with a concert.\n"
    ),
    "extra/river-port.txt": (
        "River port\nThe river port of Mozyr ships grain to Russia. Import substitution made the river port busier.\n"
    ),
    "extra/trade-fair.txt": (
        "Trade fair\n"
        "The trade fair in Minsk showed import substitution in machine building. "
        "Alexander Lukashenko opened the trade fair.\n"
        "Exhibitors\n"
        "Exhibitors from Russia showed import substitution projects and the Union State programmes.\n"
    ),
}
NEUTRAL = "The weather stayed calm and the visitors went home before dusk.\n"
"""An added sentence that mentions no glossary term and coins none."""


def seed(path: str, text: str) -> Seed:
    return Seed(path, text.encode("utf-8"))


def with_seeds(src: Sources, *new: Seed) -> Sources:
    """`src` with these seeds put in (replacing seeds of the same path), sorted by path as `sources.load` does."""
    by_path = {s.path: s for s in src.seeds}
    by_path.update({s.path: s for s in new})
    return replace(src, seeds=tuple(sorted(by_path.values(), key=lambda s: s.path)))


def without(src: Sources, path: str) -> Sources:
    assert any(s.path == path for s in src.seeds)
    return replace(src, seeds=tuple(s for s in src.seeds if s.path != path))


def appended(src: Sources, path: str, text: str) -> Sources:
    old = next(s for s in src.seeds if s.path == path)
    return with_seeds(src, Seed(path, old.data.rstrip(b"\n") + b"\n" + text.encode("utf-8")))


def build(src: Sources, directory_urls: bool = True) -> pipeline.Site:
    return pipeline.build(src, SITE_NAME, "seeds", directory_urls)


def pages(site: pipeline.Site) -> dict[str, pipeline.Page]:
    return {page.uri: page for page in site.pages}


def article_uris(site: pipeline.Site) -> set[str]:
    return set(site.uris.values())


def index_uris(site: pipeline.Site) -> set[str]:
    return {"index.md"} | {section.uri for section in site.sections}


def page_text(page: pipeline.Page) -> str:
    return page.markdown + "".join(page.blocks)


@pytest.fixture(scope="module")
def corpus() -> Sources:
    """The repo's seeds and curated glossary, plus three small articles in a section folder."""
    return with_seeds(REPO, *(seed(path, text) for path, text in EXTRA.items()))


@pytest.fixture(scope="module")
def site(corpus) -> pipeline.Site:
    return build(corpus)


def test_the_fixture_site_has_several_articles_in_two_sections(site):
    assert {"extra/minsk-metro.md", "extra/river-port.md", "extra/trade-fair.md", site.uris[REPO_SEED]} <= set(
        article_uris(site)
    )
    assert {s.uri for s in site.sections} == {"articles/index.md", "extra/index.md"}
    assert not [p for p in site.problems if p.fatal]


# --- what update makes -----------------------------------------------------------------------------------------


def test_unchanged_sources_give_the_same_site(corpus, site):
    again = pipeline.update(site, corpus, SITE_NAME, True)
    assert again is not None
    assert pages(again) == pages(site)
    assert again.articles == site.articles
    assert again.glossary_json == site.glossary_json
    assert again.inputs == site.inputs


@pytest.mark.parametrize("path", [REPO_SEED, *EXTRA])
def test_an_added_sentence_rerenders_that_article_as_a_full_build_would(corpus, site, path):
    sentence = "Zyxquorbel is a word that appears only in this added sentence."
    src = appended(corpus, path, sentence + " " + NEUTRAL)
    quick = pipeline.update(site, src, SITE_NAME, True)
    full = build(src)
    assert quick is not None
    assert full.glossary.terms == site.glossary.terms, "precondition: the edit leaves the glossary as it was"
    uri = site.uris[path]
    before, now, reference = pages(site), pages(quick), pages(full)
    assert sentence in page_text(now[uri]) and sentence not in page_text(before[uri])
    assert now[uri].markdown == reference[uri].markdown
    assert now[uri].blocks == reference[uri].blocks
    assert now[uri] == reference[uri]
    for other in article_uris(site) - {uri}:
        assert now[other] == before[other], other
    glossary_pages = [u for u in before if u.startswith("glossary/")]  # the index and every term page
    assert len(glossary_pages) > 10 and pipeline.GLOSSARY_URI in glossary_pages
    assert [now[u] for u in glossary_pages] == [before[u] for u in glossary_pages]  # as of the last full build
    assert quick.glossary_json == site.glossary_json
    for index in index_uris(site):  # the sentence changes no summary and no term counts that rank
        assert now[index] == reference[index], index
    assert set(now) == set(before)
    assert [p.uri for p in quick.pages] == [p.uri for p in site.pages], "the pages keep their order"


def test_an_added_mention_of_a_glossary_term_becomes_a_link(corpus, site):
    path = "extra/river-port.txt"
    uri = site.uris[path]
    anchor = next(t.anchor for t in site.glossary.terms if t.name == "Palace of Independence")
    assert f"#{anchor}" not in page_text(pages(site)[uri])
    src = appended(corpus, path, "A delegation sailed on to the Palace of Independence in Minsk.\n")
    quick, full = pipeline.update(site, src, SITE_NAME, True), build(src)
    assert quick is not None
    assert full.glossary.terms == site.glossary.terms, "precondition: the edit leaves the glossary as it was"
    page = pages(quick)[uri]
    assert f'glossary/{anchor}/"' in page_text(page)
    assert page == pages(full)[uri]
    # the article now shares the term with the metro article, as in a full build
    index = [a.source for a in site.articles].index(path)
    assert quick.links[index] == full.links[index]


def test_an_edited_first_sentence_changes_the_summary_on_the_home_and_section_pages(corpus, site):
    path = "extra/river-port.txt"
    old_first, new_first = "The river port of Mozyr ships grain to Russia.", "It rained all week in the south."
    src = with_seeds(corpus, seed(path, EXTRA[path].replace("The river port", f"{new_first} The river port", 1)))
    quick, full = pipeline.update(site, src, SITE_NAME, True), build(src)
    assert quick is not None
    # A full build defines terms by their first sentences anew; names and anchors, all these pages show, stay.
    assert [(t.name, t.anchor) for t in full.glossary.terms] == [(t.name, t.anchor) for t in site.glossary.terms]
    before, now = pages(site), pages(quick)
    for uri in ("index.md", "extra/index.md"):  # (the lists of articles are the pages' blocks)
        assert old_first in "".join(before[uri].blocks) and new_first not in "".join(before[uri].blocks), uri
        assert new_first in "".join(now[uri].blocks) and old_first not in "".join(now[uri].blocks), uri
        assert now[uri] == pages(full)[uri], uri
    assert now["articles/index.md"] == before["articles/index.md"]  # another section's page: nothing to change
    assert now[site.uris[path]] == pages(full)[site.uris[path]]


def test_edits_in_a_row_each_build_on_the_last(corpus, site):
    """`update` of an updated site: the first edit is kept, the second added; undoing both gives the original."""
    a, b = "extra/minsk-metro.txt", "extra/trade-fair.txt"
    first = appended(corpus, a, "Plorbification was the first edit.\n")
    second = appended(first, b, "Quindlewort was the second edit.\n")
    one = pipeline.update(site, first, SITE_NAME, True)
    two = pipeline.update(one, second, SITE_NAME, True)
    assert one is not None and two is not None
    assert "Plorbification" in page_text(pages(two)[site.uris[a]])
    assert "Quindlewort" in page_text(pages(two)[site.uris[b]])
    assert pages(two)[site.uris[a]] == pages(one)[site.uris[a]]
    assert pages(two)[site.uris[a]] == pages(build(second))[site.uris[a]]
    back = pipeline.update(two, corpus, SITE_NAME, True)
    assert back is not None
    assert pages(back) == pages(site)
    assert back.inputs == site.inputs


def test_directory_urls_off(corpus):
    """With MkDocs' `use_directory_urls: false` the quick page links like the full build's (`….html`)."""
    site = build(corpus, directory_urls=False)
    path = "extra/trade-fair.txt"
    src = appended(corpus, path, NEUTRAL)
    quick, full = pipeline.update(site, src, SITE_NAME, False), build(src, directory_urls=False)
    assert quick is not None
    page = pages(quick)[site.uris[path]]
    assert re.search(r'href="\.\./glossary/[^"/#]+\.html"', page_text(page))
    assert page == pages(full)[site.uris[path]]


def test_a_same_title_seed_keeps_its_own_slug():
    """Two seeds with one title: an edit of the second keeps its page at the numbered slug."""
    src = with_seeds(
        REPO,
        seed("extra/a.txt", "Same title\nThe first of two river port articles.\n"),
        seed("extra/b.txt", "Same title\nThe second of two river port articles.\n"),
    )
    before = build(src)
    assert before.uris["extra/b.txt"] != before.uris["extra/a.txt"]
    edited = appended(src, "extra/b.txt", NEUTRAL)
    quick, full = pipeline.update(before, edited, SITE_NAME, True), build(edited)
    assert quick is not None
    assert quick.uris == full.uris == before.uris
    assert pages(quick).keys() == pages(full).keys()
    for uri in (before.uris["extra/a.txt"], before.uris["extra/b.txt"], "extra/index.md", "index.md"):
        assert pages(quick)[uri] == pages(full)[uri], uri


def test_a_non_utf8_seed_edited_in_its_own_encoding(corpus):
    text = "Caf\xe9 society\nThe caf\xe9 in Minsk served coffee to the trade fair visitors.\n"
    src = with_seeds(corpus, Seed("extra/cafe.txt", text.encode("cp1252")))
    site = build(src)
    assert any("not UTF-8" in p.message for p in site.problems)
    edited = with_seeds(src, Seed("extra/cafe.txt", (text + "The caf\xe9 closed at nine.\n").encode("cp1252")))
    quick, full = pipeline.update(site, edited, SITE_NAME, True), build(edited)
    assert quick is not None
    uri = site.uris["extra/cafe.txt"]
    assert "closed at nine" in page_text(pages(quick)[uri])
    assert pages(quick)[uri] == pages(full)[uri]
    assert quick.problems == full.problems


# --- up to QUICK_EDITS edited seeds ----------------------------------------------------------------------------


def towns(n: int) -> Sources:
    return Sources(
        tuple(
            seed(
                f"towns/town-{i:02}.txt",
                f"Town {i:02}\nTown {i:02} lies on the river port road near Minsk. "
                f"The river port road brings trade to town {i:02}.\n",
            )
            for i in range(n)
        ),
        None,
        (),
    )


def test_quick_edits_edited_seeds_are_all_rerendered():
    src = towns(pipeline.QUICK_EDITS + 3)
    site = build(src)
    edited = src
    for s in src.seeds[: pipeline.QUICK_EDITS]:
        edited = appended(edited, s.path, f"Edited {s.path} today.\n")
    quick, full = pipeline.update(site, edited, SITE_NAME, True), build(edited)
    assert quick is not None
    assert full.glossary.terms == site.glossary.terms
    for s in src.seeds[: pipeline.QUICK_EDITS]:
        uri = site.uris[s.path]
        assert f"Edited {s.path} today." in page_text(pages(quick)[uri])
        assert pages(quick)[uri] == pages(full)[uri]
    for s in src.seeds[pipeline.QUICK_EDITS :]:
        assert pages(quick)[site.uris[s.path]] == pages(site)[site.uris[s.path]]


def test_more_than_quick_edits_edited_seeds_need_a_full_build():
    src = towns(pipeline.QUICK_EDITS + 3)
    site = build(src)
    edited = src
    for s in src.seeds[: pipeline.QUICK_EDITS + 1]:
        edited = appended(edited, s.path, "Edited today.\n")
    assert pipeline.update(site, edited, SITE_NAME, True) is None


# --- when only a full build will do ----------------------------------------------------------------------------


def _added(src):
    return with_seeds(src, seed("extra/new-bridge.txt", "New bridge\nA new bridge crosses the river at Mozyr.\n"))


def _removed(src):
    return without(src, "extra/river-port.txt")


def _retitled(src):
    return with_seeds(src, seed("extra/river-port.txt", EXTRA["extra/river-port.txt"].replace("River port", "Port", 1)))


def _renamed(src):
    old = next(s for s in src.seeds if s.path == "extra/river-port.txt")
    return with_seeds(without(src, old.path), Seed("extra/river-port-2.txt", old.data))


def _curated_changed(src):
    return replace(src, glossary=src.glossary + b"Mozyr: A town on the Pripyat river.\n")


def _curated_removed(src):
    return replace(src, glossary=None)


def _binary(src):
    return with_seeds(src, Seed("extra/river-port.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 8))


def _emptied(src):
    return with_seeds(src, seed("extra/river-port.txt", "\n  \n"))


def _encoding_changed(src):
    text = EXTRA["extra/river-port.txt"] + "The caf\xe9 by the port sells coffee.\n"
    return with_seeds(src, Seed("extra/river-port.txt", text.encode("cp1252")))


def _folder_problem(src):
    return replace(src, problems=src.problems + (Problem("seeds/notes.md", "not a .txt seed, skipped"),))


NEED_FULL = {
    "added seed": (_added, SITE_NAME, True),
    "removed seed": (_removed, SITE_NAME, True),
    "renamed seed": (_renamed, SITE_NAME, True),
    "changed title": (_retitled, SITE_NAME, True),
    "changed curated glossary": (_curated_changed, SITE_NAME, True),
    "curated glossary removed": (_curated_removed, SITE_NAME, True),
    "seed became binary": (_binary, SITE_NAME, True),
    "seed became empty": (_emptied, SITE_NAME, True),
    "seed changed encoding": (_encoding_changed, SITE_NAME, True),
    "folder problems changed": (_folder_problem, SITE_NAME, True),
    "other site_name": (lambda src: src, "Another name", True),
    "other directory_urls": (lambda src: src, SITE_NAME, False),
}


@pytest.mark.parametrize("change", NEED_FULL)
def test_none_when_only_a_full_build_will_do(corpus, site, change):
    make, site_name, directory_urls = NEED_FULL[change]
    assert pipeline.update(site, make(corpus), site_name, directory_urls) is None


@pytest.mark.parametrize("change", ["changed title", "seed became binary", "other site_name"])
def test_none_even_with_another_seed_edited_too(corpus, site, change):
    make, site_name, directory_urls = NEED_FULL[change]
    src = appended(make(corpus), "extra/minsk-metro.txt", NEUTRAL)
    assert pipeline.update(site, src, site_name, directory_urls) is None


def test_none_for_a_site_that_does_not_say_what_it_was_made_from(corpus, site):
    assert pipeline.update(replace(site, inputs=()), corpus, SITE_NAME, True) is None


# --- a folder that also holds a seed the pipeline skips ----------------------------------------------------------

UNREADABLE_CASES = {
    # A seed that cannot be read (here binary) sorts before the edited one: the site has one article fewer than
    # the folder has seeds.
    "binary seed before the edited one": (
        [Seed("extra/a-scan.txt", b"PK\x03\x04\x00\x00\x00\x00binary\x00" * 8)],
        "extra/trade-fair.txt",
        "The fair closed on Sunday.\n",
    ),
    # An editor's "new file": the seed is saved empty (a full build skips it), then its first words are typed.
    "new empty seed filled in": (
        [seed("extra/zz-new.txt", "")],
        "extra/zz-new.txt",
        "Fresh article\nIts first sentence mentions the river port.\n",
    ),
    # Two seeds share a title; a skipped seed sorts before them.
    "same-title seeds after a skipped seed": (
        [
            Seed("extra/0-empty.txt", b""),
            seed("extra/x-same.txt", "Same title\nThe first of two seeds with this title.\n"),
            seed("extra/y-same.txt", "Same title\nThe second of two seeds with this title.\n"),
        ],
        "extra/x-same.txt",
        "An edit of the first one.\n",
    ),
}


@pytest.mark.parametrize("case", UNREADABLE_CASES)
def test_an_edit_with_a_skipped_seed_in_the_folder(corpus, case):
    extra, path, text = UNREADABLE_CASES[case]
    src = with_seeds(corpus, *extra)
    site = build(src)
    assert [p for p in site.problems if p.fatal and p.path.startswith("seeds/extra/")], (
        "precondition: a seed is skipped"
    )
    old = next(s for s in src.seeds if s.path == path)
    edited = with_seeds(src, Seed(path, old.data + text.encode("utf-8")))
    quick = pipeline.update(site, edited, SITE_NAME, True)  # None (a full build) would be right too
    if quick is not None:
        full = build(edited)
        assert [a.source for a in quick.articles] == [a.source for a in full.articles]
        assert pages(quick).keys() == pages(full).keys()
        for uri in {full.uris[path]} | index_uris(full):
            assert pages(quick)[uri] == pages(full)[uri], uri


# --- a real corpus ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS_DEV.is_dir(), reason=f"dev corpus not found at {CORPUS_DEV}")
def test_edits_of_dev_corpus_articles_match_a_full_build():
    """Wikipedia extracts with headings: an added sentence in several of them, one update, against a full build."""
    loaded = sources.load(CORPUS_DEV)
    src = Sources(loaded.seeds[:30], None, ())
    site = build(src)
    edited = src
    chosen = [s.path for s in src.seeds[::6]]
    for path in chosen:
        edited = appended(edited, path, NEUTRAL)
    quick, full = pipeline.update(site, edited, SITE_NAME, True), build(edited)
    assert quick is not None
    assert full.glossary.terms == site.glossary.terms, "precondition: the edits leave the glossary as it was"
    for path in chosen:
        uri = site.uris[path]
        assert "visitors went home before dusk" in page_text(pages(quick)[uri])
        assert pages(quick)[uri] == pages(full)[uri], uri
    for path in set(site.uris) - set(chosen):
        assert pages(quick)[site.uris[path]] == pages(site)[site.uris[path]], path
