"""Glossary: articles + curated file → terms with definitions, origins and mentions; its page and glossary.json
(issue "A glossary built from the articles themselves")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CORPUS_DEV, ROOT, SEED, main_content, soup
from seedsite import glossary, pipeline, sources
from seedsite.model import KINDS, ORIGINS, Article, Section
from seedsite.read import read_article

CURATED = ROOT / "seeds" / "glossary.yml"


def article(source: str, *intro: str, sections: tuple[Section, ...] = ()) -> Article:
    return Article(source=source, section="", title=source, slug=source, intro=intro, sections=sections)


def terms(g: glossary.Glossary) -> dict:
    return {t.name: t for t in g.terms}


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_article(SEED.read_bytes(), SEED.name)


@pytest.fixture(scope="module")
def seed_glossary(seed) -> glossary.Glossary:
    return glossary.build([seed], CURATED.read_bytes())


# --- definitions ----------------------------------------------------------------------------------------------


def test_the_friendly_economy_is_defined_by_the_sentence_that_explains_it(seed_glossary):
    term = terms(seed_glossary)["friendly economy"]
    assert term.definition == "It means willingness to help each other in any circumstances."
    assert term.origin == "stated"
    assert term.source is not None and term.source.anchor == "a-friendly-economy"


def test_a_term_with_no_defining_sentence_has_no_definition_and_its_first_use_is_context(seed_glossary):
    moscow = terms(seed_glossary)["Moscow"]
    assert moscow.origin == "" and moscow.definition == "" and moscow.source is None
    assert moscow.context is not None and moscow.context.sentence == (
        "Alexander Lukashenko's official visit to Moscow was represented by two tracks — conceptual and "
        "political-economic."
    )
    assert moscow.context.anchor == "p2"
    clock = terms(seed_glossary)["clock reconciliation"]
    assert clock.origin == "" and clock.definition == ""
    assert clock.context.sentence.startswith('The common expression "clock reconciliation" during the meeting')


def test_the_head_of_state_tooltip_sentence_is_no_definition(seed_glossary):
    # "The first post-election visit of a Head of State always has a landmark character." only uses the term
    head = terms(seed_glossary).get("Head of State")
    assert head is None or head.definition == ""


def test_curated_definitions_win(seed_glossary):
    union = terms(seed_glossary)["Union State"]
    assert union.origin == "curated"
    assert union.definition.startswith("The Union State of Russia and Belarus, a supranational union")
    assert "Union State of Russia and Belarus" in union.aliases


def test_every_origin_is_known_and_a_definition_goes_with_an_origin(seed_glossary):
    for term in seed_glossary.terms:
        assert term.origin in ORIGINS, term
        assert bool(term.definition.strip()) == bool(term.origin), term.name
        assert term.kind in KINDS, term


def test_no_definition_is_merely_the_first_sentence_using_the_term(seed_glossary):
    for term in seed_glossary.terms:
        if term.origin not in ("", "curated") and term.origin != "stated":
            assert term.definition != term.mentions[0].sentence, term.name


@pytest.mark.parametrize(
    "text, definition",
    [
        (
            "The Zarnov Treaty is a pact between three river states. In 1900, the Zarnov Treaty lapsed.",
            "The Zarnov Treaty is a pact between three river states.",
        ),
        (
            "Tessaly (1801–1890) was a port on the northern coast. In 1890, boats left Tessaly.",
            "Tessaly (1801–1890) was a port on the northern coast.",
        ),
        (
            'In their papers, a "clock reconciliation" came up. It means agreeing on one time. In 1990, it ended.',
            "It means agreeing on one time.",
        ),
    ],
)
def test_a_defining_sentence_in_the_text_is_stated(text, definition):
    g = glossary.build([article("a.txt", text)])
    (term,) = [t for t in g.terms if t.definition == definition]
    assert term.origin == "stated"


def test_an_it_means_sentence_that_does_not_follow_the_term_defines_nothing():
    g = glossary.build(
        [article("a.txt", 'In reports, a "clock reconciliation" came up.', "Then rain fell. It means nothing.")]
    )
    term = terms(g)["clock reconciliation"]
    assert term.origin == "" and term.definition == ""


# --- mentions -------------------------------------------------------------------------------------------------


def test_mentions_point_at_their_sentence_and_section(seed, seed_glossary):
    anchors = {f"p{i}" for i in range(1, len(seed.intro) + 1)} | {s.anchor for s in seed.sections}
    for term in seed_glossary.terms:
        assert term.mentions, term.name
        for m in term.mentions:
            assert m.article == SEED.name
            assert m.anchor in anchors
            assert m.sentence[m.start : m.end].casefold() in {v.casefold() for v in term.variants}


def test_the_union_state_is_mentioned_in_two_sections(seed_glossary):
    union = terms(seed_glossary)["Union State"]
    assert [m.anchor for m in union.mentions] == ["the-union-state-is-in-focus", "a-friendly-economy"]


def test_a_possessive_is_a_mention(seed_glossary):
    luka = terms(seed_glossary)["Alexander Lukashenko"]
    assert luka.mentions[0].sentence.startswith("Alexander Lukashenko's official visit")
    russia = terms(seed_glossary)["Russia"]
    assert any(m.sentence[m.end : m.end + 2] == "'s" for m in russia.mentions)  # "Russia's relations"


def test_belarusians_are_mentions_of_belarus(seed_glossary):
    belarus = terms(seed_glossary)["Belarus"]
    assert {m.sentence[m.start : m.end] for m in belarus.mentions} == {"Belarus", "Belarusians", "Belarusian"}
    assert not {"Belarusians", "Belarusian", "Belarusian-Russian", "Russians"} & set(terms(seed_glossary))


def test_anchors_are_unique_and_derived_from_names(seed_glossary):
    anchors = [t.anchor for t in seed_glossary.terms]
    assert len(anchors) == len(set(anchors))
    assert terms(seed_glossary)["Union State"].anchor == "union-state"
    assert terms(seed_glossary)["friendly economy"].anchor == "friendly-economy"


def test_terms_are_sorted_by_name_case_insensitively(seed_glossary):
    names = [t.name for t in seed_glossary.terms]
    assert names == sorted(names, key=lambda n: (n.casefold(), n))


def test_related_terms_share_sections_and_never_the_term_itself(seed_glossary):
    for i, related in enumerate(seed_glossary.related):
        assert i not in related
        assert len(related) == len(set(related)) <= glossary.RELATED_TERMS


# --- the dev corpus -------------------------------------------------------------------------------------------

JUNK = (
    # function words and sentence openers
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "His", "Her", "They", "Their",
    "We", "Our", "However", "Indeed", "Moreover", "Meanwhile", "Furthermore", "Nevertheless", "Therefore", "Thus",
    "Although", "Though", "While", "When", "After", "Before", "During", "Over", "In", "On", "At", "But", "And",
    "Also", "Then", "There", "Here", "Some", "Many", "Most", "Both", "Each", "Such",
    # months (not May or August: a name too) and weekdays
    "January", "February", "April", "June", "July", "September", "October", "November", "December",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    # a recurring phrase that names nothing
    "close friend",
)  # fmt: skip


@pytest.fixture(scope="module")
def corpus_glossary() -> tuple[pipeline.Site, glossary.Glossary]:
    if not CORPUS_DEV.is_dir():
        pytest.skip(f"dev corpus not found at {CORPUS_DEV}")
    site = pipeline.build(sources.load(CORPUS_DEV))
    assert len(site.articles) == 192
    return site, site.glossary


@pytest.mark.slow
def test_junk_words_are_never_terms_on_the_dev_corpus(corpus_glossary):
    _, g = corpus_glossary
    assert len(g.terms) > 100
    junk = {w.casefold() for w in JUNK}
    bad = [t.name for t in g.terms if t.name.casefold() in junk]
    bad += [f"{t.name} (alias {a})" for t in g.terms for a in t.aliases if a.casefold() in junk]
    assert not bad, bad


@pytest.mark.slow
def test_no_term_opens_with_an_opener_on_the_dev_corpus(corpus_glossary):
    _, g = corpus_glossary
    # "The Hague", "The Times" and "In Our Time" (a radio programme) are names
    openers = {w.casefold() for w in JUNK[: JUNK.index("January")]} - {"the", "a", "an", "in", "on", "at"}
    bad = [t.name for t in g.terms if " " in t.name and t.name.split()[0].casefold() in openers]
    assert not bad, bad


@pytest.mark.slow
def test_dev_corpus_terms_carry_no_possessive(corpus_glossary):
    _, g = corpus_glossary
    # an apostrophe inside a name is fine ("Buffalo Bill's Wild West"), a possessive at its end is not
    bad = [t.name for t in g.terms if t.name.endswith(("'s", "’s"))]
    assert not bad, bad


@pytest.mark.slow
def test_dev_corpus_term_anchors_are_unique(corpus_glossary):
    _, g = corpus_glossary
    anchors = [t.anchor for t in g.terms]
    assert len(anchors) == len(set(anchors))
    assert all(re.fullmatch(r"[\w-]+", a) for a in anchors)


# --- the built glossary page and glossary.json ----------------------------------------------------------------


def ids_of(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        page = soup(path)
        named = page.find_all(attrs={"name": True})
        cache[path] = {tag["id"] for tag in page.find_all(id=True)} | {tag["name"] for tag in named}
    return cache[path]


@pytest.fixture(scope="module")
def glossary_json(seed_site) -> dict:
    return json.loads((seed_site / "glossary.json").read_text(encoding="utf-8"))


def test_glossary_json_lists_every_term_with_its_fields(glossary_json, seed_glossary):
    listed = glossary_json["terms"]
    assert [t["name"] for t in listed] == [t.name for t in seed_glossary.terms]
    for term in listed:
        assert {"name", "definition", "origin", "aliases", "mentions"} <= set(term), term
        assert term["origin"] in {"curated", "stated", "descriptor", "expansion", ""}
        assert bool(term["definition"]) == bool(term["origin"])  # a first use is context, not a definition
        assert isinstance(term["aliases"], list)
        assert term["mentions"], term["name"]
        for mention in term["mentions"]:
            assert {"url", "anchor"} <= set(mention)
    by_name = {t["name"]: t for t in listed}
    assert by_name["friendly economy"]["origin"] == "stated"
    assert by_name["friendly economy"]["definition"] == "It means willingness to help each other in any circumstances."
    assert by_name["import substitution"]["origin"] == "curated"
    assert by_name["Union State"]["aliases"] == ["Union State of Russia and Belarus"]


def test_glossary_json_mentions_resolve_to_pages_and_anchors(seed_site, glossary_json):
    cache: dict[Path, set[str]] = {}
    checked = 0
    for term in glossary_json["terms"]:
        assert term["url"] == f"glossary/{term['anchor']}/"
        for mention in term["mentions"]:
            page = seed_site / mention["url"] / "index.html"
            assert page.is_file(), mention
            assert mention["anchor"] in ids_of(page, cache), (term["name"], mention)
            checked += 1
    assert checked >= len(glossary_json["terms"])


def test_glossary_page_has_one_line_per_term(seed_site, glossary_json):
    page = soup(seed_site / "glossary" / "index.html")
    ids = [tag["id"] for tag in page.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, duplicates
    lines = main_content(page).select("ul.glossary-index li")
    assert [li["id"] for li in lines] == [t["anchor"] for t in glossary_json["terms"]]
    assert [li.a.get_text() for li in lines] == [t["name"] for t in glossary_json["terms"]]
    assert [li.a["href"] for li in lines] == [t["url"].removeprefix("glossary/") for t in glossary_json["terms"]]


def test_term_pages_show_definitions_and_origins(seed_site, glossary_json):
    label = {"curated": "Curated definition", "stated": "Stated in the text"}
    for term in glossary_json["terms"]:
        content = main_content(soup(seed_site / term["url"] / "index.html"))
        definition = content.select_one("p.term-definition")
        assert (definition.get_text() if definition else "") == term["definition"]
        metas = [p.get_text() for p in content.select("p.term-meta")]
        if term["origin"]:
            assert metas[1].startswith(label[term["origin"]]), (term["name"], metas)


def test_every_mention_link_on_the_glossary_page_resolves(seed_site, glossary_json):
    glossary_page = seed_site / "glossary" / "index.html"
    cache: dict[Path, set[str]] = {}
    checked = 0
    for a in main_content(soup(glossary_page)).find_all("a", href=True):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        path, _, fragment = href.partition("#")
        target = (glossary_page.parent / path).resolve() if path else glossary_page
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), href
        if fragment:
            assert fragment in ids_of(target, cache), href
        if path:
            checked += 1
    assert checked >= len(glossary_json["terms"]) >= 10, "a link to each term's page, checked"


def test_no_term_page_links_to_itself(seed_site, glossary_json):
    for term in glossary_json["terms"]:
        content = main_content(soup(seed_site / term["url"] / "index.html"))
        hrefs = [a["href"] for a in content.find_all("a", href=True)]
        assert f"../{term['anchor']}/" not in hrefs, term["name"]


# --- terms named like the glossary page's own headings ---------------------------------------------------------

LOOKALIKES = (
    "Names like headings\n\n"
    "The Glossary is a book of words. Letter B is a magazine about one letter. Istanbul is a city on the "
    "Bosphorus. İzmir is a city on the Aegean. Banana is a fruit.\n"
)
LOOKALIKES_CURATED = (
    "Glossary: A book of words.\n"
    "Letter B: A magazine about one letter.\n"
    "Istanbul: A city on the Bosphorus.\n"
    "İzmir: A city on the Aegean.\n"
    "Banana: A fruit.\n"
)


def test_term_anchors_never_take_the_glossary_pages_own_ids():
    """A term "Glossary" would share the h1's id; its anchor is numbered instead. A term "Letter B" keeps its
    own (the letter heading yields, `render.glossary_page`), whatever letters the page has."""
    from seedsite.render import GLOSSARY_ID

    assert GLOSSARY_ID in glossary.PAGE_IDS
    g = glossary.build([read_article(LOOKALIKES.encode(), "a.txt")], LOOKALIKES_CURATED.encode())
    anchors = {t.name: t.anchor for t in g.terms}
    assert anchors["Glossary"] == "glossary-2"
    assert anchors["Letter B"] == "letter-b"
    assert (anchors["Istanbul"], anchors["İzmir"]) == ("istanbul", "izmir")
    alone = glossary.build([article("b.txt", "Letter B is a magazine.")], b"Letter B: A magazine.\n")
    assert terms(alone)["Letter B"].anchor == "letter-b"  # no letter B on that page: the same anchor


def test_the_built_glossary_page_has_unique_ids_and_its_letter_links_find_their_letters(tmp_path):
    """A real build of a site whose terms are named "Glossary", "Letter B", "Istanbul" and "İzmir" (the letters
    I and İ share a slug): every id on the glossary page is unique, each A–Z link leads to its own letter's
    heading, and each term link in the article leads to that term's entry."""
    from conftest import make_project, mkdocs_build

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "lookalikes.txt").write_text(LOOKALIKES, encoding="utf-8")
    (seeds / "glossary.yml").write_text(LOOKALIKES_CURATED, encoding="utf-8")
    project = make_project(tmp_path / "project", seeds=seeds)
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    page = soup(project / "site" / "glossary" / "index.html")
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    content = main_content(page)
    assert content.find("h1")["id"] == "glossary"
    az = [(a.get_text(), a["href"]) for a in content.select("p.glossary-az a")]
    assert {"B", "G", "I", "İ", "L"} <= {letter for letter, _ in az}  # and the letters of extracted terms
    for letter, href in az:
        target = page.find(id=href.removeprefix("#"))
        assert target is not None and target.name == "h2", (letter, href)
        assert target.get_text().rstrip("¶") == letter
    heads = {li.a.get_text(): li["id"] for li in content.select("ul.glossary-index li")}
    assert heads.items() >= {("Banana", "banana"), ("Glossary", "glossary-2"), ("Letter B", "letter-b"),
                             ("Istanbul", "istanbul"), ("İzmir", "izmir")}  # fmt: skip
    article_page = soup(next((project / "site").glob("articles/names-like-headings/index.html")))
    linked = {a.get_text(): a["href"] for a in main_content(article_page).select("a.glossary-term")}
    assert {"Banana", "Glossary", "Letter B", "Istanbul", "İzmir"} <= set(linked)
    for name, href in linked.items():
        assert href.startswith("../../glossary/") and href.endswith("/")
        term_page = soup(project / "site" / "glossary" / href.removeprefix("../../glossary/") / "index.html")
        assert main_content(term_page).find("h1").get_text().rstrip("¶") == name
        assert page.find(id=href.removeprefix("../../glossary/").rstrip("/")).a.get_text() == name
