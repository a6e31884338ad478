"""Candidates and resolve: the articles' own text → candidate glossary terms → one entity per thing named.

Small corpora are built straight from `model.Article`, so that what is tested is these steps alone and not the
reader's heading heuristics; the seed goes through the real reader.
"""

from __future__ import annotations

import pytest
from conftest import SEED
from seedsite.candidates import Candidate, candidates as extract, is_title, min_mentions
from seedsite.model import Article, Section
from seedsite.read import read_article
from seedsite.resolve import Entity, Resolved, resolve


def article(source: str, *intro: str, sections: tuple[Section, ...] = ()) -> Article:
    return Article(source=source, section="", title=source, slug=source, intro=intro, sections=sections)


def by_name(candidates: list[Candidate]) -> dict[str, Candidate]:
    return {c.name: c for c in candidates}


def owner(candidates: list[Candidate], form: str) -> list[str]:
    """The names of the candidates that count `form` as one of their surface forms."""
    return [c.name for c in candidates if form in c.variants]


def resolved(*articles: Article) -> Resolved:
    return resolve(extract(list(articles)), [], "seeds/glossary.yml")


def entities(*articles: Article) -> dict[str, Entity]:
    return {e.name: e for e in resolved(*articles).entities}


def short_form(found: Resolved, form: str) -> tuple[list[str], str | None]:
    """(the names a lone `form` may shorten, the name it means without an antecedent)."""
    for sf in found.short_forms:
        if sf.form == form:
            names = [found.entities[o].name for o in sf.owners]
            return names, found.entities[sf.default].name if sf.default is not None else None
    return [], None


@pytest.fixture(scope="module")
def seed_candidates() -> dict[str, Candidate]:
    return by_name(extract([read_article(SEED.read_bytes(), SEED.name)]))


# --- the seed -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Union State",
        "Alexander Lukashenko",
        "Vladimir Putin",
        "Great Patriotic War",
        "Belarus",
        "Russia",
        "Moscow",
        "friendly economy",
        "clock reconciliation",
    ],
)
def test_seed_terms_are_found(seed_candidates, name):
    assert name in seed_candidates, sorted(seed_candidates)


def test_seed_quoted_phrases_are_phrases_and_marked_quoted(seed_candidates):
    for name in ("friendly economy", "clock reconciliation"):
        assert seed_candidates[name].kind == "phrase"
        assert seed_candidates[name].quoted


@pytest.mark.parametrize("junk", ["The", "However", "Indeed", "Over", "Our", "It", "In", "This", "At", "And"])
def test_seed_sentence_openers_are_not_terms(seed_candidates, junk):
    lowered = {name.casefold() for name in seed_candidates}
    assert junk.casefold() not in lowered
    assert not [n for n in seed_candidates if n.split()[0] == junk], "an opener kept at the front of a name"


@pytest.mark.parametrize(
    "junk",
    ["President", "Presidents", "Head", "State", "World", "Western", "Two", "country", "development", "relations"],
)
def test_seed_lone_common_words_are_not_terms(seed_candidates, junk):
    assert junk.casefold() not in {name.casefold() for name in seed_candidates}


@pytest.mark.parametrize(
    "fragment", ["Patriotic War", "Great Patriotic", "Patriotic", "Union", "Great", "Lukashenko", "Putin", "Alexander"]
)
def test_seed_fragments_of_longer_terms_are_not_terms(seed_candidates, fragment):
    assert fragment not in seed_candidates


def test_seed_names_carry_no_possessive(seed_candidates):
    assert not [n for c in seed_candidates.values() for n in c.variants if n.endswith(("'s", "’s"))]


def test_seed_plural_of_a_name_joins_its_singular(seed_candidates):
    # "The Presidents of Belarus and Russia noted …" and "the President of Belarus emphasized …"
    assert "Presidents of Belarus" not in seed_candidates
    assert "Presidents of Belarus" in seed_candidates["President of Belarus"].variants


def test_seed_demonyms_join_their_country():
    found = entities(read_article(SEED.read_bytes(), SEED.name))
    assert {"Belarusian", "Belarusians"} <= set(found["Belarus"].variants)
    assert {"Russian", "Russians"} <= set(found["Russia"].variants)
    assert not {"Belarusian", "Belarusians", "Russian", "Russians", "Belarusian-Russian"} & set(found)


# --- variants on small corpora --------------------------------------------------------------------------------


def test_a_possessive_counts_as_a_mention_of_the_name():
    found = by_name(extract([article("a.txt", "Moscow's mayor spoke first.", "He praised Moscow and its parks.")]))
    assert "Moscow" in found and found["Moscow"].count == 2
    assert "Moscow's" not in found


def test_a_lone_surname_after_the_full_name_is_its_short_form_not_a_term():
    found = resolved(
        article(
            "a.txt",
            "Alexander Lukashenko spoke at the summit in Minsk.",
            "Then Lukashenko left early; Lukashenko's plane landed at noon.",
        )
    )
    assert "Lukashenko" not in {e.name for e in found.entities}
    assert short_form(found, "Lukashenko") == (["Alexander Lukashenko"], "Alexander Lukashenko")


def test_a_surname_shared_by_two_full_names_means_neither_without_context():
    found = resolved(
        article("a.txt", "Pierre Curie met Marie Curie in Paris.", "Later Curie won a prize, and Curie smiled.")
    )
    names = {e.name: e for e in found.entities}
    assert {"Pierre Curie", "Marie Curie"} <= set(names) and "Curie" not in names
    assert "Curie" not in names["Pierre Curie"].variants + names["Marie Curie"].variants
    owners, default = short_form(found, "Curie")
    assert sorted(owners) == ["Marie Curie", "Pierre Curie"] and default is None


def test_a_surname_mostly_used_where_the_full_name_is_means_it_elsewhere_too():
    found = resolved(
        article("a.txt", "Alexander Lukashenko spoke in Minsk.", "Then Lukashenko left; Lukashenko flew home."),
        article("b.txt", "Alexander Lukashenko was re-elected."),
        article("c.txt", "Reporters waited while Lukashenko spoke."),
    )
    assert short_form(found, "Lukashenko") == (["Alexander Lukashenko"], "Alexander Lukashenko")


def test_a_name_of_its_own_that_also_ends_a_full_name_keeps_its_entry():
    found = resolved(
        article("a.txt", "Michael Jordan scored 40 points.", "Jordan then rested."),
        article("b.txt", "Troops crossed into Jordan from Syria.", "Jordan closed its border; Jordan protested."),
        article("c.txt", "Refugees in Jordan waited.", "Aid reached Jordan by truck."),
    )
    assert "Jordan" in {e.name for e in found.entities}
    assert short_form(found, "Jordan") == (["Michael Jordan"], "Jordan")


def test_a_place_is_not_folded_into_a_longer_name_opening_with_a_direction():
    found = extract(
        [
            article(
                "a.txt",
                "Officials in North Korea tested a missile, and North Korea said more would follow.",
                "The peninsula of Korea was divided in 1945.",
            )
        ]
    )
    assert "Korea" in by_name(found)
    assert "Korea" not in by_name(found)["North Korea"].variants
    assert short_form(resolve(found, [], "x"), "Korea") == ([], None)


def test_a_word_standing_alone_in_other_articles_is_not_folded_into_a_longer_name():
    found = extract(
        [
            article("a.txt", "Natural Resources Wales manages the forests near Cardiff."),
            article("b.txt", "The rangers of Natural Resources Wales met in Swansea."),
            article("c.txt", "The team from Wales beat France at rugby.", "Fans across Wales celebrated."),
        ]
    )
    names = by_name(found)
    assert "Wales" in names
    assert "Wales" not in names["Natural Resources Wales"].variants


def test_a_name_opening_a_sentence_keeps_its_first_word_when_seen_whole_inside_a_sentence():
    # "North" and "New" are seen in lower case ("the north"), yet "North Korea" is one name wherever it stands
    found = extract(
        [
            article(
                "a.txt",
                "North Korea tested a missile in the north.",
                "Officials in North Korea said more would follow; new tests came.",
            )
        ]
    )
    assert owner(found, "Korea") == []
    assert by_name(found)["North Korea"].count == 2


def test_a_word_after_a_dash_and_a_space_opens_a_sentence():
    found = by_name(
        extract(
            [
                article(
                    "a.txt",
                    "FRANKFURT (Reuters) — The European Central Bank raised rates on Thursday.",
                    "HAMBURG (Reuters) – Dockworkers walked out at the port.",
                    "Then the European Central Bank cut its forecast.",
                )
            ]
        )
    )
    assert "European Central Bank" in found
    assert "The European Central Bank" not in found
    assert "Dockworkers" not in found


def test_the_text_between_two_quotations_is_not_a_quoted_term():
    text = (
        '"The decision was taken after months of careful consideration by the whole board," Smith said. '
        '"We stand by it." Later she spoke of a "friendly economy" again.'
    )
    found = by_name(extract([article("a.txt", text)]))
    assert "Smith said" not in found
    assert "friendly economy" in found


def test_calendar_and_state_abbreviations_and_weekday_plurals_are_not_names():
    found = by_name(
        extract(
            [
                article(
                    "a.txt",
                    "On Oct. 5 the mayor of Springfield, Ill., flew to Boston, Mass., for talks.",
                    "Shops in Springfield close on Mondays and Fridays. The talks ended on Nov. 2 in Boston.",
                    "Springfield, Ill. is smaller than Boston, Mass. and both lie far from Tessaly.",
                )
            ]
        )
    )
    assert {"Springfield", "Boston", "Tessaly"} <= set(found)  # "Tessaly." ends a sentence: still a name
    for junk in ("Oct", "Nov", "Ill", "Mass", "Mondays", "Fridays"):
        assert junk not in found, junk


def economy_terms(*paragraphs: str) -> list[Candidate]:
    found = extract([article("a.txt", *paragraphs)])
    return [c for c in found if "econom" in c.name.casefold()]


def test_a_phrase_in_different_case_is_one_candidate():
    found = economy_terms(
        'Economists speak of a "friendly economy" between neighbours.', '"Friendly economy" is their word for it.'
    )
    assert len(found) == 1 and found[0].name.casefold() == "friendly economy"


def test_mentions_in_different_case_add_up():
    filler = [article(f"f{i:02}.txt", f"Plain text number {i} about boats and rivers.") for i in range(10)]
    lower = extract(filler + [article("a.txt", 'A "friendly economy" helps.', 'We want a "friendly economy" too.')])
    mixed = extract(filler + [article("a.txt", 'A "friendly economy" helps.', '"Friendly economy" is the goal.')])
    assert "friendly economy" in by_name(lower)
    assert [c.name.casefold() for c in mixed if "econom" in c.name.casefold()] == ["friendly economy"]


def test_a_plural_phrase_joins_its_singular():
    found = economy_terms(
        'Economists speak of a "friendly economy" between neighbours.', 'Some call them "friendly economies" instead.'
    )
    assert [c.name for c in found] == ["friendly economy"]
    assert found[0].count == 2
    assert "friendly economies" in found[0].variants


def test_a_plural_phrase_in_another_case_joins_its_singular():
    found = economy_terms(
        'Economists speak of a "friendly economy" between neighbours.', '"Friendly economies" is what some say.'
    )
    assert [c.name for c in found] == ["friendly economy"]


def test_months_weekdays_and_function_words_are_never_single_names():
    found = by_name(
        extract(
            [
                article(
                    "a.txt",
                    "In March the Zarnov Council met. On Monday, the Zarnov Council met again in Tessaly.",
                    "However, in April nothing happened. Our delegates left on Friday. It was cold in Tessaly.",
                    "Between January and December the council met in Tessaly every Tuesday.",
                )
            ]
        )
    )
    assert "Zarnov Council" in found and "Tessaly" in found
    for junk in ("March", "Monday", "April", "Friday", "January", "December", "Tuesday", "However", "Our", "It",
                 "In", "On", "Between"):  # fmt: skip
        assert junk not in found, junk


# --- acronyms -------------------------------------------------------------------------------------------------


def test_an_acronym_after_its_expansion_is_the_entry_and_the_expansion_its_variant():
    found = entities(
        article(
            "a.txt",
            "The North Atlantic Treaty Organization (NATO) met in Brussels.",
            "Later NATO grew, and NATO members agreed.",
        )
    )
    assert "North Atlantic Treaty Organization" not in found
    assert found["NATO"].expansion == "North Atlantic Treaty Organization"
    assert "North Atlantic Treaty Organization" in found["NATO"].variants


def test_the_eaeu_expansion_from_the_issue_is_joined():
    texts = ("Belarus is a member of the Eurasian Economic Union (EAEU) since 2015.", "Trade within the EAEU grew.")
    found = extract([article("a.txt", *texts)])
    assert by_name(found)["EAEU"].expansion_of == "Eurasian Economic Union"
    assert "Eurasian Economic Union" in entities(*[article("a.txt", *texts)])["EAEU"].variants


def test_an_acronym_without_expansion_needs_two_mentions():
    once = by_name(extract([article("a.txt", "The OSCE observers came.", "They left soon.")]))
    twice = by_name(extract([article("a.txt", "The OSCE observers came.", "The OSCE report followed.")]))
    assert "OSCE" not in once
    assert twice["OSCE"].kind == "acronym"


def test_roman_numerals_are_not_acronyms():
    text = ("He served in World War II as a pilot.", "After World War II he taught; II was his unit.")
    found = by_name(extract([article("a.txt", *text)]))
    assert "II" not in found
    assert "World War II" in found


def test_acronyms_made_of_roman_numeral_letters_are_acronyms():
    text = (
        "The CDC sent a DVD about LCD screens and a CCD camera.",
        "Later the CDC sent another DVD, an LCD and a CCD chip, in the MCM year of XIV.",
        "She holds an LL.D. and an LL.D. is rare.",
    )
    found = by_name(extract([article("a.txt", *text)]))
    assert {"CDC", "DVD", "LCD", "CCD"} <= set(found)
    assert not {"MCM", "XIV", "LL"} & set(found)


def test_a_possessive_before_an_acronym_is_dropped():
    found = extract(
        [
            article(
                "a.txt",
                "Zhou attended the Chinese Communist Party's (CCP) congress.",
                "The CCP grew, and the Chinese Communist Party ruled.",
            )
        ]
    )
    assert not [c.name for c in found if c.name.endswith("'s")]
    assert by_name(found)["CCP"].expansion_of == "Chinese Communist Party"


def test_a_name_ending_in_a_direction_is_not_cut_to_a_fragment():
    text = ("He travelled across the Middle East in 1950.", "Oil from the Middle East mattered.")
    found = by_name(extract([article("a.txt", *text)]))
    assert "Middle" not in found
    assert "Middle East" in found


# --- scale ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("articles, need", [(0, 1), (1, 1), (9, 1), (10, 2), (99, 2), (100, 3), (1000, 4)])
def test_min_mentions_scales_with_the_corpus(articles, need):
    assert min_mentions(articles) == need


def test_a_name_seen_once_is_a_term_in_a_small_corpus_but_not_in_a_large_one():
    small = [article("a.txt", "Visitors came to Tessaly by boat.")]
    filler = [article(f"f{i:02}.txt", f"Plain text number {i} about boats and rivers.") for i in range(20)]
    assert "Tessaly" in by_name(extract(small))
    assert "Tessaly" not in by_name(extract(small + filler))


def test_extraction_is_independent_of_article_order():
    articles = [
        read_article(SEED.read_bytes(), SEED.name),
        article("b.txt", "The Zarnov Council met in Tessaly.", "Later the Zarnov Council met in Minsk."),
    ]
    assert extract(articles) == extract(articles[::-1])


def test_a_hyphenated_name_and_its_plural_are_one_candidate():
    found = extract([
        article("a.txt", "The first X-ray showed a hand. Two X-rays followed in Vienna."),
        article("b.txt", "Doctors took X-rays of the lungs. An X-ray machine came to Nizhny-Novgorod."),
    ])
    assert owner(found, "X-ray") == owner(found, "X-rays") == ["X-ray"]


def test_the_tail_of_a_longer_phrase_is_no_phrase_of_its_own():
    """"domain audiobooks" recurs only as the tail of "(public domain audiobooks)": the word "domain" goes with
    "public", also after a bracket; "public domain" is the phrase."""
    filler = ("river mountain garden window letter silver orange winter summer harvest market bridge castle forest "
              "valley island harbour meadow village station theatre museum library chapel tower").split()
    articles = [article(f"a{n}.txt", f"Book {n} was read aloud. Recordings: LibriVox (public domain audiobooks).",
                        "The text entered the public domain in 1990.",
                        " ".join(f"the {w} and the {filler[(i * 7 + n) % len(filler)]}." for i, w in enumerate(filler)))
                for n in range(12)]
    names = {c.name for c in extract(articles)}
    assert "domain audiobooks" not in names and "public domain" in names


@pytest.mark.parametrize("word, title", [
    ("Президента", True), ("министром", True), ("премьер-министром", True), ("прэзідэнтам", True),
    ("Прэм'ер-міністр", True), ("главой", True),
    ("Головченко", False), ("Главацкий", False), ("Королев", False), ("Мэрилин", False),  # surnames, a name
])
def test_a_cyrillic_title_is_its_stem_in_a_case_not_any_word_that_starts_like_it(word, title):
    assert is_title(word) is title
