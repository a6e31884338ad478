"""Link: articles + glossary → which mentions become links, and related articles (issue "Cross-links")."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SEED
from seedsite import glossary, link, pipeline, sources
from seedsite.model import Article, Section
from seedsite.read import read_article


def article(source: str, *intro: str, sections: tuple[Section, ...] = ()) -> Article:
    return Article(source=source, section="", title=source, slug=source, intro=intro, sections=sections)


def section(heading: str, anchor: str, *paragraphs: str) -> Section:
    return Section(heading=heading, level=2, anchor=anchor, paragraphs=paragraphs)


def linked(articles, g, links) -> list[list[list[str]]]:
    """Per article, per paragraph, the linked surface texts."""
    out = []
    for art, mine in zip(articles, links):
        out.append([[text[h.start : h.end] for h in hits] for text, hits in zip(art.paragraphs, mine.hits)])
    return out


def names(g, indices) -> list[str]:
    return [g.terms[i].name for i in indices]


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_article(SEED.read_bytes(), SEED.name)


# --- which mentions are links ---------------------------------------------------------------------------------


def test_a_term_links_at_its_first_mention_per_section_and_the_intro_is_one_section():
    art = article(
        "a.txt",
        "The Zarnov Treaty was signed in Tessaly. Later the Zarnov Treaty lapsed.",
        "In 1950, critics of the Zarnov Treaty wrote books.",
        sections=(
            section(
                "Terms", "terms-1", "Nobody read it.", "In law, the Zarnov Treaty says that the Zarnov Treaty rules."
            ),
            section("Legacy", "legacy", "The Zarnov Treaty is remembered in Tessaly."),
        ),
    )
    g = glossary.build([art])
    assert {"Zarnov Treaty", "Tessaly"} <= {t.name for t in g.terms}
    (links,) = link.link([art], g)
    assert len(links.hits) == len(art.paragraphs)
    assert linked([art], g, [links]) == [
        [
            ["Zarnov Treaty", "Tessaly"],  # intro: first mention of each
            [],  # still the intro
            [],
            ["Zarnov Treaty"],  # first mention in "Terms", not the second
            ["Zarnov Treaty", "Tessaly"],
        ]
    ]


def test_every_mention_is_counted_even_when_not_linked():
    art = article(
        "a.txt",
        "In May, boats left Tessaly for the Zarnov Treaty talks.",
        "In June, boats left Tessaly. In July, boats reached Tessaly.",
    )
    g = glossary.build([art])
    (links,) = link.link([art], g)
    assert names(g, links.terms) == ["Tessaly", "Zarnov Treaty"]  # most mentioned first
    (tessaly,) = [t for t in g.terms if t.name == "Tessaly"]
    assert len(tessaly.mentions) == 3


def test_links_never_overlap_and_are_in_order(seed):
    g = glossary.build([seed], (ROOT / "seeds" / "glossary.yml").read_bytes())
    (links,) = link.link([seed], g)
    total = 0
    for text, hits in zip(seed.paragraphs, links.hits):
        end = 0
        for hit in hits:
            assert end <= hit.start < hit.end <= len(text), (text, hits)
            end = hit.end
            total += 1
    assert total > 10


def test_longest_match_wins_when_linking(seed):
    """With a curated term "State" beside "Union State" and "Head of State", each longer name keeps its text."""
    g = glossary.build([seed], b"State: A country with a government.\n")
    (links,) = link.link([seed], g)
    by_term: dict[str, list[str]] = {}
    for text, hits in zip(seed.paragraphs, links.hits):
        for h in hits:
            by_term.setdefault(g.terms[h.term].name, []).append(text[h.start : h.end])
    assert by_term["Union State"] == ["Union State", "Union State"]
    assert by_term["Head of State"] == ["Head of State"]
    assert by_term["State"] == ["state"]  # "a great power and a state aimed at further development"
    (state,) = [t for t in g.terms if t.name == "State"]
    assert [m.sentence[m.start : m.end] for m in state.mentions] == ["state"]


def test_possessives_and_surnames_link_to_the_full_name():
    art = article(
        "a.txt",
        "Alexander Lukashenko spoke in Minsk.",
        sections=(
            section("Visit", "visit", "Lukashenko's plane landed at noon."),
            section("Return", "return", "Then Lukashenko flew home."),
        ),
    )
    g = glossary.build([art])
    (links,) = link.link([art], g)
    anchors = {g.terms[h.term].anchor for hits in links.hits for h in hits}
    assert "lukashenko" not in {t.anchor for t in g.terms}
    assert linked([art], g, [links])[0] == [["Alexander Lukashenko", "Minsk"], ["Lukashenko"], ["Lukashenko"]]
    assert "alexander-lukashenko" in anchors


def test_an_acronym_links_only_in_its_own_case():
    art = article(
        "a.txt",
        "The US economy grew, and it helped us.",
        sections=(section("Senate", "senate", "Some of us watched the US vote. Us too."),),
    )
    g = glossary.build([art])
    assert "US" in {t.name for t in g.terms}
    (links,) = link.link([art], g)
    assert linked([art], g, [links])[0] == [["US"], ["US"]]
    (us,) = [t for t in g.terms if t.name == "US"]
    assert [m.sentence[m.start : m.end] for m in us.mentions] == ["US", "US"]


def test_headings_are_never_linked():
    """The glossary is matched against paragraphs only: a term in a heading gets no link and no mention there."""
    art = article(
        "a.txt",
        "The Zarnov Treaty was signed in Tessaly.",
        sections=(section("The Zarnov Treaty in Tessaly", "the-zarnov-treaty-in-tessaly", "It held for years."),),
    )
    g = glossary.build([art])
    (links,) = link.link([art], g)
    assert len(links.hits) == 2 and links.hits[1] == ()
    for term in g.terms:
        assert all(m.anchor == "p1" for m in term.mentions)


def test_the_generated_markdown_has_no_link_in_any_heading():
    """Headings are Markdown; the links are in the HTML blocks of the paragraphs, which hold no heading (the
    footer block has its own headings, "Terms in this article" and "Related articles", and no term link)."""
    site = pipeline.build(sources.load(ROOT / "seeds"))
    (page,) = [p for p in site.pages if p.seed == SEED.name]
    headings = [line for line in page.markdown.splitlines() if line.startswith("#")]
    assert any("Union State" in h for h in headings)  # "The Union State is in focus"
    assert not [h for h in headings if "](" in h or "<a " in h], headings
    assert "<a " not in page.markdown and "](" not in page.markdown  # the page's only links are in its blocks
    # the blocks hold no heading but the footer's, which has no term link
    footer = page.blocks[-1]
    assert re.findall(r'<h2 id="(\w+)"', footer) == ["terms"] and "glossary-term" not in footer
    assert not [b for b in page.blocks[:-1] if re.search(r"<h[1-6]\b", b)]
    # and the body does link the term, with its final URL (the article is at articles/<slug>/)
    assert any(
        '<a class="glossary-term" href="../../glossary/union-state/" title="' in block and ">Union State</a>" in block
        for block in page.blocks
    )


@pytest.mark.parametrize(
    ("directory_urls", "term_url", "related_url"),
    [(True, "../../glossary/{}/", "../alpha/"), (False, "../glossary/{}.html", "alpha.html")],
)
def test_article_links_are_urls_for_mkdocs_use_directory_urls(directory_urls, term_url, related_url):
    """The blocks go into the built HTML as they are, so their hrefs are the final URLs of the pages."""
    site = pipeline.build(sources.Sources(seeds=(
        sources.Seed("a.txt", b"Alpha\nIn spring, farmers of the Quillon Basin signed the Zarnov Treaty.\n"),
        sources.Seed("b.txt", b"Beta\nIn law, the Zarnov Treaty protects the Quillon Basin.\n"),
        sources.Seed("c.txt", b"Gamma\nIn summer, glaciers near Oberlin melt slowly.\n"),  # terms shared by half
        sources.Seed("d.txt", b"Delta\nIn any season, boats sail past Tessaly.\n"),  # the articles or less relate
    ), glossary=None, problems=()), directory_urls=directory_urls)
    (page,) = [p for p in site.pages if p.seed == "b.txt"]
    body = BeautifulSoup("".join(page.blocks), "html.parser")
    terms = {a.get_text(): a["href"] for a in body.select("a.glossary-term")}
    assert terms == {name: term_url.format(slug) for name, slug in (("Zarnov Treaty", "zarnov-treaty"),
                                                                     ("Quillon Basin", "quillon-basin"))}
    assert [a["href"] for a in body.select("p.term-list a")] == sorted(terms.values())
    assert [a["href"] for a in body.select("ul li a")] == [related_url]


# --- related articles -----------------------------------------------------------------------------------------

# A shares two rare terms (Zarnov Treaty, Quillon Basin) with B and one commoner term (Meridian Council) and a word
# (farmers) with C and D, which are alike in length, so weigh the same to A; E and F share nothing. B's file name
# sorts last, so that only the score can put it first; D is given before C, so that only the source path can break
# their tie. (A term's own words count as the term only: "Meridian Council" alone would be one thing shared.)
CORPUS = [
    article("a.txt", "In spring, farmers of the Quillon Basin signed the Zarnov Treaty with the Meridian Council."),
    article("z-b.txt", "In law, the Zarnov Treaty protects the Quillon Basin from floods."),
    article("d.txt", "In autumn, the farmers of the Meridian Council met."),
    article("c.txt", "In winter, the farmers of the Meridian Council voted."),
    article("e.txt", "In summer, glaciers near Oberlin melt slowly."),
    article("f.txt", "In any season, boats sail past Tessaly."),
]


@pytest.fixture(scope="module")
def related() -> dict[str, list[tuple[str, list[str]]]]:
    g = glossary.build(CORPUS)
    assert {t.name for t in g.terms} == {"Zarnov Treaty", "Quillon Basin", "Meridian Council", "Oberlin", "Tessaly"}
    out = {}
    for art, links in zip(CORPUS, link.link(CORPUS, g)):
        out[art.source] = [(CORPUS[r.article].source, names(g, r.terms)) for r in links.related]
    return out


def test_more_shared_rare_terms_rank_first(related):
    assert [source for source, _ in related["a.txt"]] == ["z-b.txt", "c.txt", "d.txt"]
    assert sorted(related["a.txt"][0][1]) == ["Quillon Basin", "Zarnov Treaty"]
    assert related["a.txt"][1][1] == ["Meridian Council"]


def test_ties_are_broken_by_source_path(related):
    assert [source for source, _ in related["a.txt"]][1:] == ["c.txt", "d.txt"]


def test_two_related_articles_with_one_title_are_listed_once():
    """Two articles titled alike (a recurring column, a story told twice) would be two links a reader cannot tell
    apart: the better one is listed."""
    text = b"In spring, farmers of the Quillon Basin signed the Zarnov Treaty near Oberlin.\n"
    site = pipeline.build(sources.Sources(seeds=(
        sources.Seed("a.txt", b"Alpha\n" + text),
        sources.Seed("b.txt", b"Treaty news\nIn law, the Zarnov Treaty protects the Quillon Basin near Oberlin.\n"),
        sources.Seed("c.txt", b"Treaty news\nIn May, the Zarnov Treaty and the Quillon Basin were in the news.\n"),
        *(sources.Seed(f"f{i}.txt", f"Filler {i}\nIn any season, boats sail past Tessaly {i}.\n".encode())
          for i in range(4)),
    ), glossary=None, problems=()))
    (page,) = [p for p in site.pages if p.seed == "a.txt"]
    listed = [a.get_text() for a in BeautifulSoup("".join(page.blocks), "html.parser").select("ul li a")]
    assert listed == ["Treaty news"]


def test_an_article_sharing_nothing_has_no_related_articles(related):
    assert related["e.txt"] == []
    assert related["f.txt"] == []


def test_a_surname_that_is_a_term_in_one_article_and_nobody_known_in_another_relates_neither():
    """Gordon Brown is a term; the footballer Wes Brown, named once, is none. The word "brown" said of each (and
    of the title) relates the chancellor's budget to the footballer's return no more than any chance word: a
    word a term mention says counts as that term only."""
    budget = [article(f"budget-{i}.txt", f"Chancellor Gordon Brown set out plan {i} for pensions in London. "
                                         "Mr Brown said pensioners would gain.") for i in range(3)]
    football = article("football.txt", "Manchester defender Wes Brown is set to return after injury. "
                                       "Brown has missed five games this season.")
    fillers = [article(f"f{i}.txt", f"Boats sail past island {i} in summer.") for i in range(7)]
    corpus = [*budget, football, *fillers]  # (eleven articles: a name needs two mentions)
    g = glossary.build(corpus)
    assert "Gordon Brown" in names(g, range(len(g.terms))) and "Wes Brown" not in names(g, range(len(g.terms)))
    links = link.link(corpus, g)
    assert [corpus[r.article].source for r in links[3].related] == []
    assert all(corpus[r.article].source != "football.txt" for mine in links[:3] for r in mine.related)


def test_relations_are_symmetric(related):
    for source, others in related.items():
        for other, shared in others:
            assert source in [s for s, _ in related[other]], (source, other)


def test_related_articles_do_not_depend_on_input_order(related):
    reordered = CORPUS[::-1]
    g = glossary.build(reordered)
    again = {
        art.source: [reordered[r.article].source for r in links.related]
        for art, links in zip(reordered, link.link(reordered, g))
    }
    assert again == {source: [s for s, _ in others] for source, others in related.items()}


def test_words_made_apart_give_the_same_links():
    """A second process makes the articles' words (`link.word_bags`) while another makes the glossary."""
    g = glossary.build(CORPUS)
    words = link.word_bags(CORPUS)
    assert all(not bag.terms for bag in words) and words[0].words
    assert link.link(CORPUS, g, lambda: words) == link.link(CORPUS, g)


def test_a_term_in_more_than_half_of_the_articles_relates_nothing():
    corpus = [article(f"{n}.txt", f"In {season}, the Meridian Council met.") for n, season in
              zip("abcd", ["spring", "summer", "autumn", "winter"])]  # fmt: skip
    corpus += [article("e.txt", "In any season, boats sail past Tessaly.")]
    corpus += [article("f.txt", "In May, hikers saw Oberlin.")]
    g = glossary.build(corpus)
    assert all(links.related == () for links in link.link(corpus, g))


def test_at_most_five_related_articles_best_first():
    corpus = [article("hub.txt", "In 1900, the Zarnov Treaty and the Quillon Basin made news in Tessaly.")]
    corpus += [article(f"n{i}.txt", f"In year {i}, the Zarnov Treaty was read aloud in Tessaly.") for i in range(6)]
    corpus += [article("q.txt", "In 1901, the Quillon Basin and the Zarnov Treaty were studied.")]
    corpus += [article(f"x{i}.txt", f"In year {i}, boats sailed past Oberlin.") for i in range(8)]
    g = glossary.build(corpus)
    links = link.link(corpus, g)
    hub = [corpus[r.article].source for r in links[0].related]
    assert len(hub) == 5
    assert hub[0] == "q.txt"  # shares the rarer Quillon Basin as well
    assert hub[1:] == ["n0.txt", "n1.txt", "n2.txt", "n3.txt"]
    scores = [r.score for r in links[0].related]
    assert scores == sorted(scores, reverse=True)


def test_relink_after_an_edit_gives_what_a_full_link_gives():
    """`relink` redoes one article's links and related list from the other articles' bags, as `link` would."""
    edited = article("d.txt", "In autumn, the farmers of the Meridian Council met farmers of the Quillon Basin "
                              "about floods.")
    before = link.link(CORPUS, glossary.build(CORPUS))
    after = [edited if a.source == "d.txt" else a for a in CORPUS]
    g = glossary.build(after)
    assert [t.name for t in g.terms] == [t.name for t in glossary.build(CORPUS).terms], "precondition"
    full = link.link(after, g)
    i = [a.source for a in after].index("d.txt")
    paragraphs = [(b.section, hits) for b, hits in zip(g.blocks, g.hits) if b.article == i]
    again = link.relink(i, paragraphs, before, after)
    assert again == full[i]
    assert "z-b.txt" in [after[r.article].source for r in again.related]  # it now shares the Quillon Basin
    assert again.bag.terms and again.about.keys() == again.bag.terms.keys()


def test_the_plural_acronym_ending_a_group_is_no_short_form_of_it():
    """"Conservative MPs" is a group, not a person: "MPs" alone (every member of parliament) never links to it."""
    art = article(
        "a.txt",
        "Conservative MPs met David Cameron in London. Later Conservative MPs voted with Cameron.",
        sections=(section("Vote", "vote", "In September, MPs passed a motion in London."),),
    )
    g = glossary.build([art])
    (links,) = link.link([art], g)
    surfaces = linked([art], g, [links])[0]
    assert "Cameron" in surfaces[0] or "David Cameron" in surfaces[0]
    assert "MPs" not in surfaces[1]
