"""Related: articles related by what they say (their words and terms), near-duplicates, and why (issue #14).

The corpora are small and hand-written, in news, essay and encyclopedia styles."""

from __future__ import annotations

from bs4 import BeautifulSoup
from seedsite import pipeline, related, sources
from seedsite.related import Bag, Index, Language, bag

BEES = {
    "bees/hive-inspection.txt": "Beekeepers open each hive in spring to check the queen, the brood and the stores of "
    "honey. A strong colony fills ten frames with comb by May.",
    "bees/swarm-season.txt": "A colony that outgrows its hive swarms: the old queen leaves with half the bees, and the "
    "beekeepers try to catch the swarm before it settles in a hollow tree.",
    "bees/why-i-keep-bees.txt": "I keep bees because a hive teaches patience. The colony ignores me, the queen hides, "
    "and in August the frames are heavy with honey and comb.",
    "bees/varroa.txt": "The varroa mite feeds on brood inside the comb and weakens a colony; beekeepers treat each "
    "hive in autumn, before the queen slows her laying.",
}
SHIPS = {
    "sea/harbour-closed.txt": "The harbour closed on Tuesday as gales drove waves over the breakwater; the crew of "
    "every trawler stayed ashore and the ferries to the islands were cancelled.",
    "sea/keel-and-mast.txt": "A sailing boat stays upright because its keel outweighs the pull of the wind on the mast "
    "and sails; the crew trims the sails to the wind.",
    "sea/learning-to-sail.txt": "Learning to sail, I feared the wind more than the waves. The crew taught me to trim "
    "the sails, to watch the mast and to read the harbour tides.",
    "sea/tides.txt": "Tides lift the boats in the harbour twice a day; a crew that misreads the tide can leave its "
    "boat aground with the keel in the mud and the mast askew.",
}


def index_of(texts: dict[str, str]) -> tuple[list[str], Index]:
    paths = list(texts)
    return paths, Index([bag([texts[p]], {}) for p in paths], paths)


def related_paths(texts: dict[str, str]) -> dict[str, list[str]]:
    paths, index = index_of(texts)
    return {p: [paths[r.article] for r in index.of(a)[0]] for a, p in enumerate(paths)}


# --- words ----------------------------------------------------------------------------------------------------


def test_a_bag_counts_stems_without_stopwords_and_keeps_the_commonest_form():
    b = bag(["The beekeepers keep bees; a beekeeper keeps a hive.", "Keeping bees is old. Keeps."], {3: 2})
    assert b.words == {"beekeep": 2, "keep": 4, "bee": 2, "hive": 1, "old": 1}
    assert b.forms["bee"] == "bees" and b.forms["keep"] == "keeps"  # the commonest form of a stem
    assert b.forms["beekeep"] == "beekeepers"  # on a tie, the first one written
    assert b.terms == {3: 2}


def test_russian_words_take_the_russian_stemmer_and_stopwords():
    b = bag(["Выборы прошли в Минске. Итоги выборов и выборы в регионах."], {})
    assert b.words["выбор"] == 3 and "в" not in b.words and "и" not in b.words


def test_the_stemmer_and_stopwords_are_a_parameter():
    quiet = Language(code="en", stopwords=frozenset({"hive"}), stemmer="english")
    b = bag(["The hive hums near the hive."], {}, language=lambda word: quiet)
    assert "hive" not in b.words and b.words["hum"] == 1 and b.words["near"] == 1 and b.words["the"] == 2


# --- which articles are related ---------------------------------------------------------------------------------


def test_each_article_relates_to_its_own_topic():
    lists = related_paths(BEES | SHIPS)
    for path, others in lists.items():
        assert len(others) >= 2, (path, others)
        assert all(other.split("/")[0] == path.split("/")[0] for other in others), (path, others)


def test_unrelated_articles_get_none():
    texts = {
        "a.txt": "The orchestra rehearsed the symphony twice before the premiere in the concert hall.",
        "b.txt": "Glaciers retreat when summers warm; meltwater feeds rivers far below the ice.",
        "c.txt": "The bakery sells rye loaves, and its sourdough starter is forty years old.",
        "d.txt": "Parliament passed the budget after a long night of votes and amendments.",
        "e.txt": "Chess engines search millions of positions a second to choose a move.",
    }
    assert related_paths(texts) == {path: [] for path in texts}


def test_one_shared_word_is_chance():
    texts = {
        "a.txt": "The orchestra tuned up in the concert hall.",
        "b.txt": "Glaciers retreat; the hall of ice melts.",
        "c.txt": "The bakery sells rye loaves.",
        "d.txt": "Parliament passed the budget.",
    }
    assert related_paths(texts) == {path: [] for path in texts}
    texts["b.txt"] = "Glaciers retreat; the concert hall of ice melts."  # two words: related
    assert related_paths(texts)["a.txt"] == ["b.txt"]


def test_a_site_of_one_article_and_articles_without_words():
    paths, index = index_of({"only.txt": "A hive of bees makes honey."})
    assert index.of(0) == ((), ())
    paths, index = index_of({"a.txt": "", "b.txt": "The, and of.", "c.txt": "Honey."})
    assert [index.of(a) for a in range(3)] == [((), ())] * 3


def test_ties_are_broken_by_source_path():
    """b and c weigh exactly the same to a; c is given first, b sorts first."""
    texts = {
        "a.txt": "Honey from the hive was sold at the market.",
        "c.txt": "Honey from the hive. Farmers grew corn.",
        "b.txt": "Honey from the hive. Sailors ate bread.",
        "d.txt": "The orchestra rehearsed a symphony.",
        "e.txt": "Glaciers retreat when summers warm.",
        "f.txt": "Parliament passed the budget at night.",
        "g.txt": "Chess engines search millions of positions.",
    }
    paths, index = index_of(texts)
    (first, second), _ = index.of(paths.index("a.txt"))
    assert first.score == second.score
    assert [paths[first.article], paths[second.article]] == ["b.txt", "c.txt"]


def test_relations_do_not_depend_on_input_order():
    texts = BEES | SHIPS
    backwards = dict(reversed(list(texts.items())))
    assert related_paths(backwards) == related_paths(texts)


def test_at_most_five_best_first():
    places = ["orchard", "meadow", "garden", "moor", "forest", "roof"]
    months = ["march", "april", "june", "july", "august", "october"]
    texts = {f"bees/{n}.txt": f"In {m}, the {p} hive: its queen, comb and honey." for n, (p, m) in
             enumerate(zip(places, months))}
    texts |= SHIPS | {"x.txt": "The orchestra rehearsed a symphony.", "y.txt": "Glaciers retreat when summers warm."}
    paths, index = index_of(texts)
    for a in range(len(paths)):
        listed, _ = index.of(a)
        assert len(listed) <= related.RELATED_ARTICLES
        assert [r.score for r in listed] == sorted((r.score for r in listed), reverse=True)
    assert len(index.of(0)[0]) == related.RELATED_ARTICLES


# --- near-duplicates ----------------------------------------------------------------------------------------------

NEWS = (
    "Honey prices rose sharply this autumn after a wet summer kept bees inside their hives for weeks. Beekeepers in "
    "the valley say their colonies gathered half the usual nectar, and several lost their queens to cold. The "
    "regional beekeeping association reports that members took an average of eleven kilograms of honey from each "
    "hive, against twenty last year. Shops have started to import honey to fill their shelves, and a jar from a "
    "local producer now costs a third more than in spring. The association advises members to leave more stores in "
    "every hive this winter and to feed sugar syrup where the combs are light."
)
COPY = "bees/honey-prices-copy.txt"
ORIGINAL = "bees/honey-prices.txt"
NEAR = {ORIGINAL: NEWS, COPY: NEWS.replace("eleven kilograms", "twelve kilograms")}


def test_a_near_duplicate_is_never_listed_but_named():
    texts = BEES | SHIPS | NEAR
    paths, index = index_of(texts)
    original, copy = paths.index(ORIGINAL), paths.index(COPY)
    listed, duplicates = index.of(original)
    assert duplicates == (copy,) and copy not in [r.article for r in listed]
    assert listed and {paths[r.article].split("/")[0] for r in listed} == {"bees"}
    listed, duplicates = index.of(copy)
    assert duplicates == (original,) and original not in [r.article for r in listed]
    for a in set(range(len(paths))) - {original, copy}:
        assert index.of(a)[1] == ()


def seeds(texts: dict[str, str]) -> sources.Sources:
    items = [sources.Seed(path, f"{path.rsplit('/', 1)[-1][:-4]}\n{text}\n".encode()) for path, text in texts.items()]
    return sources.Sources(tuple(sorted(items, key=lambda s: s.path)), None, ())


def test_the_build_notes_each_near_duplicate_pair_once():
    site = pipeline.build(seeds(BEES | SHIPS | NEAR))
    notes = [p for p in site.problems if "nearly the same text" in p.message]
    assert [str(p) for p in notes] == [
        "seeds/bees/honey-prices-copy.txt: nearly the same text as seeds/bees/honey-prices.txt, so not listed as "
        "related"
    ]
    assert not notes[0].fatal


# --- why ------------------------------------------------------------------------------------------------------------


def test_the_note_names_the_shared_words_when_no_term_is_shared():
    site = pipeline.build(seeds(BEES | SHIPS))
    assert not site.glossary.terms, "precondition: the corpus has no glossary term"
    (page,) = [p for p in site.pages if p.seed == "bees/varroa.txt"]
    footer = BeautifulSoup(page.blocks[-1], "html.parser")
    items = [li.get_text() for li in footer.select("li")]
    assert items and all(" — Shared: " in item for item in items), items
    shared = [item.split(" — Shared: ")[1].split(", ") for item in items]
    assert all(1 <= len(words) <= 3 for words in shared)
    words = {w for ws in shared for w in ws}
    assert words <= {"hive", "queen", "colony", "brood", "comb", "beekeepers", "each", "honey", "bees"}, words
    assert words & {"hive", "queen", "colony", "brood", "comb", "beekeepers"}


def test_the_why_names_shared_terms_weightiest_first():
    bags = [
        Bag({"treati": 2, "river": 1}, {"treati": "treaty", "river": "river"}, {0: 3, 1: 1}),
        Bag({"treati": 1, "river": 2}, {"treati": "treaty", "river": "river"}, {0: 1, 1: 2}),
        Bag({"glacier": 1}, {"glacier": "glacier"}, {2: 1}),
        Bag({"symphoni": 1}, {"symphoni": "symphony"}, {3: 1}),
    ]
    index = Index(bags, ["a.txt", "b.txt", "c.txt", "d.txt"])
    (rel,), _ = index.of(0)
    assert rel.article == 1 and set(rel.terms) == {0, 1} and set(rel.words) == {"treaty", "river"}
    assert index.of(2) == ((), ())


# --- articles most about a term --------------------------------------------------------------------------------------


def test_most_about_ranks_the_articles_by_their_weight_for_the_term():
    bags = [
        Bag({"hive": 1, "bee": 1}, {"hive": "hive", "bee": "bee"}, {0: 1}),
        Bag({"hive": 3}, {"hive": "hive"}, {0: 4, 1: 1}),
        Bag({"boat": 2, "sea": 1}, {"boat": "boat", "sea": "sea"}, {1: 2}),
        Bag({"sea": 1}, {"sea": "sea"}, {}),
    ]
    paths = ["a.txt", "b.txt", "c.txt", "d.txt"]
    index = Index(bags, paths)
    about = related.most_about(index.about, paths, 3)
    assert about == ((1, 0), (2, 1), ())
