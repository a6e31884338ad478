"""Terms a human editor would keep, on hand-written news (`tests/inputs/news/`): one entry per entity, lone
surnames resolved in their own article, definitions that define, kinds, and no junk (issue "Terms a human editor
would keep")."""

from __future__ import annotations

import pytest
from conftest import ROOT, main_content, make_project, mkdocs_build, soup
from seedsite import candidates, glossary, pipeline, sources
from seedsite.model import Article, Section, Term

NEWS = ROOT / "tests" / "inputs" / "news"


@pytest.fixture(scope="module")
def news() -> tuple[list[Article], glossary.Glossary]:
    draft = pipeline.draft(sources.load(NEWS))
    return list(draft.articles), glossary.build(draft.articles)


def terms(g: glossary.Glossary) -> dict[str, Term]:
    return {t.name: t for t in g.terms}


def lone_links(articles, g: glossary.Glossary, source: str) -> dict[str, set[str]]:
    """In one article: each single word that mentions a term → the names of the terms it mentions."""
    out: dict[str, set[str]] = {}
    for block, hits in zip(g.blocks, g.hits):
        article = articles[block.article]
        if article.source != source:
            continue
        text = article.paragraphs[block.paragraph]
        for hit in hits:
            surface = text[hit.start : hit.end]
            if " " not in surface:
                out.setdefault(surface, set()).add(g.terms[hit.term].name)
    return out


def article(source: str, *intro: str, sections: tuple[Section, ...] = ()) -> Article:
    return Article(source=source, section="", title=source, slug=source, intro=intro, sections=sections)


# --- resolution in the article's own context ------------------------------------------------------------------


def test_two_people_who_share_a_surname_are_two_terms_each_with_its_own_mentions(news):
    articles, g = news
    found = terms(g)
    assert {"Patricia Hewitt", "Lleyton Hewitt"} <= set(found) and "Hewitt" not in found
    assert lone_links(articles, g, "politics/hewitt-trade-deal.txt")["Hewitt"] == {"Patricia Hewitt"}
    assert lone_links(articles, g, "sport/hewitt-reaches-final.txt")["Hewitt"] == {"Lleyton Hewitt"}
    assert {m.article for m in found["Patricia Hewitt"].mentions} == {"politics/hewitt-trade-deal.txt"}
    assert "politics/hewitt-trade-deal.txt" not in {m.article for m in found["Lleyton Hewitt"].mentions}


def test_an_honorific_and_a_surname_resolve_to_the_full_name_introduced_before(news):
    articles, g = news
    links = lone_links(articles, g, "politics/hewitt-trade-deal.txt")  # "… Patricia Hewitt … Ms Hewitt said …"
    assert links["Hewitt"] == {"Patricia Hewitt"}


def test_mr_blair_in_an_article_without_a_full_name_links_the_one_blair_on_the_site(news):
    articles, g = news
    assert lone_links(articles, g, "politics/blair-questions.txt")["Blair"] == {"Tony Blair"}
    assert "Blair" in terms(g)["Tony Blair"].aliases
    assert "Mr Blair" not in terms(g) and "Blair" not in terms(g)


def test_a_surname_nobody_else_shares_links_its_person_anywhere(news):
    articles, g = news
    assert lone_links(articles, g, "business/rates-held.txt")["Frost"] == {"David Frost"}


def test_a_surname_that_only_a_sentence_capitalises_is_nobody_in_an_article_that_names_nobody():
    """"Brown bears" and "Brown rice" open their sentences, which may be all that capitalises them: with no Brown
    named in the article, they are not the one Brown of the site. After "Mr Brown", a sentence's "Brown" is him."""
    g = glossary.build([article(f"p{i}.txt", f"Chancellor Gordon Brown spoke on day {i}. Mr Brown said more.")
                        for i in range(5)] + [
        article("bears.txt", "Brown bears have returned to the Alps.", "The bears are shy. Brown fur hides them."),
        article("rice.txt", "Brown rice is healthier, experts say."),
        article("mr.txt", "Mr Brown was in Leeds on Friday. Brown said the budget was fair."),
    ])
    found: dict[int, list[str]] = {}  # article → the terms its mentions are of
    for block, hits in zip(g.blocks, g.hits):
        found.setdefault(block.article, []).extend(g.terms[h.term].name for h in hits)
    assert "Gordon Brown" not in found.get(5, []) + found.get(6, [])  # the bears, the rice
    assert found[7].count("Gordon Brown") == 2  # Mr Brown, then Brown


def test_a_surname_shared_on_the_site_stays_unlinked_without_an_antecedent():
    g = glossary.build([
        article("a.txt", "Patricia Hewitt spoke in London. Hewitt then left."),
        article("b.txt", "Lleyton Hewitt won in Sydney. Hewitt then rested."),
        article("c.txt", "Hewitt was not seen in Paris on Monday."),
    ])
    c = [hits for block, hits in zip(g.blocks, g.hits) if block.article == 2]
    assert not any(g.terms[h.term].name.endswith("Hewitt") for hits in c for h in hits)


def test_a_surname_after_an_unknown_first_name_is_that_person_not_the_term():
    # Lleyton Hewitt is a term of the site; Patricia Hewitt is named once, in an article of her own
    g = glossary.build([
        article("a.txt", "Lleyton Hewitt won in Sydney. Hewitt then rested.", "Lleyton Hewitt flew home."),
        article("b.txt", "Lleyton Hewitt lost in Paris. Hewitt was tired."),
        article("c.txt", "The minister Patricia Hewitt spoke on trade. Hewitt said exports would grow."),
    ] + [article(f"f{i}.txt", f"Filler text number {i} about boats.") for i in range(8)])
    c = [hits for block, hits in zip(g.blocks, g.hits) if block.article == 2]
    assert not [g.terms[h.term].name for hits in c for h in hits if "Hewitt" in g.terms[h.term].name]


def test_may_after_a_first_name_is_a_surname_and_the_month_is_nobody():
    # "may" is a function word (the verb), which a name never ends with ("Chanel No. 5"): but a capitalised May
    # after a first name is a surname, and the month stays no mention of the person
    g = glossary.build([
        article("a.txt", "Prime Minister Theresa May survived a vote on Wednesday. Mrs May said she would go on.",
                "The vote will be held again in May 2019, and May said little."),
        article("b.txt", "Theresa May met Jeremy Corbyn in Brussels. Corbyn said nothing."),
        article("c.txt", "Exports rose in May, the bank said."),
    ])
    names = terms(g)
    assert "Theresa May" in names and not [n for n in names if "Minister" in n or n == "May"]
    assert names["Theresa May"].definition.startswith("Prime Minister")
    mentioned = [g.blocks[i].article for i, hits in enumerate(g.hits) for h in hits
                 if g.terms[h.term].name == "Theresa May"]
    assert mentioned == [0, 1]  # the full names only: never "in May 2019" nor "in May," of the bank


def test_a_surname_in_an_article_titled_with_one_of_its_names_means_that_one():
    """Encyclopedia style: in "Marie Curie", "Curie" is Marie even after Pierre Curie is named; in "Pierre Curie",
    Pierre; elsewhere the last one named."""
    marie = Article(source="marie.txt", section="", title="Marie Curie", slug="marie", sections=(), intro=(
        "Marie Curie was born in Warsaw. She married Pierre Curie in Paris.",
        "Curie won the Nobel Prize twice. Curie died in 1934.",
    ))
    pierre = Article(source="pierre.txt", section="", title="Pierre Curie", slug="pierre", sections=(), intro=(
        "Pierre Curie was a physicist. He married Marie Curie in Paris. Curie died in a street accident.",
    ))
    other = article("radium.txt", "Marie Curie and Pierre Curie found radium. Curie named it.")
    articles = [marie, pierre, other]
    g = glossary.build(articles)
    assert lone_links(articles, g, "marie.txt")["Curie"] == {"Marie Curie"}
    assert lone_links(articles, g, "pierre.txt")["Curie"] == {"Pierre Curie"}
    assert lone_links(articles, g, "radium.txt")["Curie"] == {"Pierre Curie"}


def test_a_name_in_the_title_is_introduced_before_the_text_names_another():
    """A title that names someone among other words ("Character and beliefs (Theodore Roosevelt)", "Teddy Brown:
    early life") introduces them as the text's first sentence would: a lone "Roosevelt" before the text names
    Franklin D. Roosevelt is Theodore; after it, Franklin."""
    beliefs = Article(source="beliefs.txt", section="", title="Character and beliefs (Theodore Roosevelt)",
                      slug="beliefs", sections=(), intro=(
        "Roosevelt disliked being called Teddy.",
        "Critics ranked him below Lincoln, on the same level as Franklin D. Roosevelt. Roosevelt later led a party.",
    ))
    teddy = article("teddy.txt", "Theodore Roosevelt hunted in Dakota. Roosevelt wrote books about it.")
    franklin = article("franklin.txt", "Franklin D. Roosevelt led the New Deal. Roosevelt spoke on the radio.")
    articles = [beliefs, teddy, franklin]
    g = glossary.build(articles)
    assert {"Theodore Roosevelt", "Franklin D. Roosevelt"} <= set(terms(g))
    found = [(text[h.start : h.end], g.terms[h.term].name)
             for block, hits in zip(g.blocks, g.hits) if articles[block.article] is beliefs
             for text in [beliefs.paragraphs[block.paragraph]] for h in hits]
    lone = [name for surface, name in found if surface == "Roosevelt"]
    assert lone == ["Theodore Roosevelt", "Franklin D. Roosevelt"]


# --- never terms ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        "I'm", "It's", "Delighted", "delighted", "unacceptable", "Significant",  # contractions, quotes, openers
        "Hodgson", "Frances", "Patricia", "Lleyton", "Tony", "David", "Michael",  # fragments, first names
        "Hewitt", "Blair", "Mr Blair", "Ms Hewitt", "Frost of the BCC",  # short forms
        "Belarusian", "Belarusians", "Russian", "Spanish", "MPs",  # demonyms, plural acronyms
    ],
)
def test_junk_is_never_a_term(news, junk):
    assert junk not in terms(news[1])


def test_the_parts_of_a_name_joined_by_and_or_for_the_are_no_names_of_their_own():
    """"Rock and Roll Hall of Fame", "Bosnia and Herzegovina", "British Association for the Advancement of Science":
    runs of capitalised words end at "and" and "for the", and their parts, said only so, are no terms; a person
    named once after another person and "and" still is one."""
    g = glossary.build([article(f"a{i}.txt",
                                f"He entered the Rock and Roll Hall of Fame in {1990 + i}. The Rock and Roll Hall of "
                                f"Fame praised him. Troops left Bosnia and Herzegovina in {2000 + i}.",
                                "The British Association for the Advancement of Science met.") for i in range(4)]
                       + [article("b.txt", "Lena Morrow and Ada Crane met in Leeds. Ada Crane spoke first in Leeds.",
                                  "Later Ada Crane flew to Leeds."),
                          article("c.txt", "In May, Ada Crane visited Leeds again.")]
                       + [article(f"f{i}.txt", f"Boats sail past island {i}.") for i in range(6)])
    found = set(terms(g))
    assert not found & {"Roll Hall of Fame", "Rock", "Herzegovina", "Bosnia", "Advancement of Science",
                        "British Association"}
    assert {"Ada Crane", "Leeds"} <= found


def test_demonyms_fold_into_their_place(news):
    assert {"Belarusian", "Belarusians"} <= set(terms(news[1])["Belarus"].variants)
    assert "Russian" in terms(news[1])["Russia"].variants


def test_a_quoted_phrase_that_names_something_stays_and_a_quoted_remark_goes():
    g = glossary.build([article("a.txt", 'Officials praised the "friendly economy" again.',
                                '"It is a great day for all of us," she said. He called it "deeply disappointing".')])
    names = set(terms(g))
    assert "friendly economy" in names
    assert not {n for n in names if "disappointing" in n or "great day" in n}


# --- definitions ----------------------------------------------------------------------------------------------


def test_a_title_before_a_name_is_its_descriptor_with_the_sentence_as_origin(news):
    hewitt = terms(news[1])["Patricia Hewitt"]
    assert (hewitt.definition, hewitt.origin) == ("Trade and Industry Secretary", "descriptor")
    assert hewitt.source is not None and "Trade and Industry Secretary Patricia Hewitt" in hewitt.source.sentence


def test_an_appositive_after_a_name_is_its_descriptor(news):
    frost = terms(news[1])["David Frost"]
    assert frost.definition == "director general of the British Chambers of Commerce"
    assert frost.origin == "descriptor"


APPOSITIVES = (
    "The school opened in Pasco, Washington, the first science school in the district.",
    "Halvorsen became professor at the Royal Academy, a lifetime position.",
    "Marta Vell, a personal biography.",
    "Cadiz, the old port of the south, was quiet; Washington and the Royal Academy were not.",
    "Marta Vell, the mayor of Cadiz, spoke first.",
    "He tried to turn Lorvik, the capital city, into a great centre.",
    "Rain fell on Dunmore, a market town in the north, all day.",
    "Both Lorvik and Dunmore were quiet.",
    "Lincoln led the nation through the Civil War, the country's greatest moral, constitutional, and political crisis.",
    "It helped the nation cope with the Cold War, the atom bomb, and the totalitarian Soviet Union.",
    "She worked with the Mandan, the Sioux, the northern Pawnee of Oklahoma, the Papago of Arizona and others.",
    "In 1950, Ned Corby, the most successful singer of the century, said, \"He is the beginning and the end.\"",
    "There emerged the Long Peace, a confrontation between the West, led by the United States, and the East.",
    "In 1772 he began his Dialogues: Corvin, Judge of Jean-Marc, another reply to his critics of Corvin.",
)


@pytest.mark.parametrize("name, definition", [
    ("Washington", ""),  # "Pasco, Washington, the first science …" describes a school, not Washington
    ("Royal Academy", ""),  # "professor at the Royal Academy, a lifetime position": the professorship is
    ("Marta Vell", "the mayor of Cadiz"),  # not "a personal biography": a sentence of that alone is a book's title
    ("Cadiz", "the old port of the south"),
    ("Lorvik", ""),  # "the capital city": of what, it does not say
    ("Dunmore", "a market town in the north"),
    ("Civil War", ""),  # the phrases after these three are items of a list, not what each is
    ("Cold War", ""),
    ("Sioux", ""),
    ("Ned Corby", "the most successful singer of the century"),  # then a verb: the phrase was set off
    ("Long Peace", ""),  # "a confrontation between the West" is half of what it says
    ("Corvin", ""),  # after a colon, a book's title: "Dialogues: Corvin, Judge of Jean-Marc"
])
def test_an_appositive_describes_the_name_it_follows_or_nothing(name, definition):
    found = terms(glossary.build([article("appositives.txt", *APPOSITIVES)]))
    assert found[name].definition == definition


def test_a_name_that_goes_on_from_another_or_into_another_is_not_what_describes_the_longer_one():
    # on a site of twelve articles a name needs two mentions: the longer names, said once, are no terms
    g = glossary.build([
        article("a.txt", "The play was staged in Ithaca NY, the home of Cornell University, in March."),
        article("b.txt", "She joined the German Democratic Party, a liberal party, in 1918."),
        article("c.txt", "The Nimitz-class aircraft carrier USS Abraham Lincoln is named after him."),
    ] + [article(f"f{i}.txt", f"The Democratic Party met in NY, aboard USS Vela number {i}.") for i in range(9)])
    found = terms(g)
    assert {"NY", "Democratic Party", "USS"} <= set(found)
    assert [found[n].definition for n in ("NY", "Democratic Party", "USS")] == ["", "", ""]


def test_a_place_named_once_after_a_persons_title_is_not_described_by_the_title():
    """"President Washington" once among many mentions of the city: the title describes the man, and the entry
    "Washington" is the place, so "President" is no tooltip for the city."""
    g = glossary.build([
        article("a.txt", "The treaty was signed in Washington in 1795. Critics in Washington were loud.",
                "Genêt scorned President Washington in public."),
        article("b.txt", "The delegates travelled from Washington to Boston. Washington stayed quiet."),
        article("c.txt", "The new office opened in Washington last spring."),
    ])
    washington = terms(g)["Washington"]
    assert washington.kind == "place"
    assert washington.definition != "President"


def test_a_title_with_a_prefix_of_time_is_the_title_and_one_run_for_is_none():
    found = terms(glossary.build([article(
        "blair.txt", "Critics attacked the then-Prime Minister Tony Blair for it. Blair did not answer.",
        "The ex-President Lena Morrow spoke next. Morrow was brief.",
        "He married the two-time candidate for president Ada Crane. Crane lost twice.")]))
    assert found["Tony Blair"].definition == "Prime Minister"
    assert found["Lena Morrow"].definition == "President"
    assert found["Ada Crane"].definition == ""  # what she ran for, not what she was


def test_what_a_thing_is_before_its_name_is_its_descriptor(news):
    found = terms(news[1])
    assert (found["Microsoft"].definition, found["Microsoft"].kind) == ("Software giant", "organisation")
    assert (found["Lyon"].definition, found["Lyon"].kind) == ("French city", "place")


def test_an_acronym_is_defined_by_its_expansion(news):
    mpc = terms(news[1])["MPC"]
    assert (mpc.definition, mpc.origin, mpc.kind) == ("Monetary Policy Committee", "expansion", "acronym")


def test_a_defining_sentence_defines(news):
    term = terms(news[1])["import substitution"]
    assert term.origin == "stated"
    assert term.definition == "Import substitution means replacing imported goods with goods made at home."


def test_a_sentence_that_merely_uses_a_term_is_context_not_definition(news):
    sydney = terms(news[1])["Sydney"]
    assert sydney.definition == "" and sydney.origin == ""
    assert sydney.context is not None and "Sydney" in sydney.context.sentence


# --- kinds ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Patricia Hewitt", "person"), ("Tony Blair", "person"), ("Mervyn King", "person"),
        ("Sydney", "place"), ("Minsk", "place"), ("Belarus", "place"),
        ("Bank of England", "organisation"), ("Davis Cup", "event"), ("MPC", "acronym"),
        ("import substitution", "concept"),
    ],
)
def test_kinds_come_from_evidence_in_the_text(news, name, kind):
    assert terms(news[1])[name].kind == kind


ESSAY = (
    "Brunel designed the bridge over the gorge in 1831. He spent six years on the drawings.",
    "Brunel then turned to the railway. His line from the capital ran west.",
    "Brunel built ships as well. She was a giant, the press wrote of the largest of them.",
    "The works of Brunel still stand; a statue of Brunel stands by the river.",
    "Karvonia rejected the plan, Halden said. He added that talks would go on.",
    "In Karvonia, he found the mills closed. Karvonia exported grain and timber.",
    "Karvonia signed the treaty. He was not there, the papers said.",
    "Ostrel published the figures on Monday. The figures showed a fall. Ostrel did not comment.",
    "The report by Ostrel was read widely; few critics of Ostrel spoke.",
)


@pytest.fixture(scope="module")
def essay() -> dict[str, Term]:
    return terms(glossary.build([article("essay.txt", *ESSAY)]))


def test_a_name_that_sentences_about_it_continue_with_he_or_she_is_a_person(essay):
    assert essay["Brunel"].kind == "person"  # "Brunel designed … He spent …", "Brunel then turned … His line …"


def test_he_after_a_sentence_naming_someone_else_or_placing_the_name_makes_no_person(essay):
    # "Karvonia rejected the plan, Halden said. He …" (Halden is the he), "In Karvonia, he found …", and only
    # one sentence about Karvonia followed by "He": not a person.
    assert essay["Karvonia"].kind != "person"


def test_a_country_alone_is_the_country_not_a_longer_name_that_qualifies_it():
    """"Germany" in an article that also names "Nazi Germany" is Germany (the text places both), while
    "Washington" in an article on George Washington, whom it places nowhere, is still him."""
    articles = [
        article("einstein.txt", "Einstein was born in Germany in 1879. He left Germany for Italy as a boy.",
                "Years later he fled Nazi Germany. Germany honoured him after the war; in Nazi Germany he was hated."),
        article("trade.txt", "Exports from Germany rose. Firms in Germany hired more. Germany sold cars to Spain."),
        article("washington.txt", "George Washington crossed the river in 1776. Washington then took the town.",
                "The troops of George Washington rested. Washington wrote to Congress."),
        article("city.txt", "Rain fell in Washington. Traffic in Washington slowed. Flights from Washington stopped."),
    ]
    g = glossary.build(articles)
    assert terms(g)["Germany"].kind == "place"
    assert lone_links(articles, g, "einstein.txt")["Germany"] == {"Germany"}
    assert lone_links(articles, g, "washington.txt")["Washington"] == {"George Washington"}


def test_a_sentence_about_a_people_does_not_define_its_country():
    found = terms(glossary.build([
        article("a.txt", "The Japanese were a proud and careful nation. Trade with Japan grew; ships sailed to Japan.",
                "Japan is an island country in East Asia. Firms in Japan hired more."),
        article("b.txt", "Exports from Japan rose. The Japanese bought more rice."),
    ]))
    assert found["Japan"].definition == "Japan is an island country in East Asia."


def test_a_surname_with_an_adjective_of_its_own_is_a_person_not_a_place():
    """"Copernican" folds into Copernicus as "Italian" into Italy, but the text names Nicolaus Copernicus again and
    again and places Copernicus nowhere: a person."""
    g = glossary.build([article("n.txt", "Nicolaus Copernicus was born in Toruń. Nicolaus Copernicus studied in Kraków.",
                                "Later Nicolaus Copernicus lived in Frombork.")]
                       + [article(f"c{i}.txt", f"The Copernican model spread after {1600 + i}. Scholars read Copernicus "
                                  "closely.", "Galileo defended Copernicus in letters.") for i in range(8)])
    copernicus = terms(g)["Copernicus"]
    assert "Copernican" in copernicus.variants
    assert copernicus.kind == "person"


def test_a_people_is_not_a_place_though_its_adjective_folds_into_it():
    found = terms(glossary.build([
        article("a.txt", "Many Jews left the city in 1900. The Jewish quarter emptied; Jews settled in Vilna.",
                "In Belarus, the Belarusian language was taught. Belarusians read it in Vilna."),
        article("b.txt", "Jews and Belarusians lived side by side in Belarus. A Jewish school opened."),
    ]))
    assert found["Jews"].kind != "place" and "Jewish" in found["Jews"].variants
    assert found["Belarus"].kind == "place"


HEADS = (
    "After the Battle of Hastings the abbey was built. Pilgrims read of the Battle of Hastings in the abbey.",
    "The National Portrait Gallery bought the picture; the director of the National Portrait Gallery spoke.",
    "Trade in the Russian Empire grew. Serfs of the Russian Empire were freed in 1861.",
    "The fleet at Pearl Harbor was hit. Ships left Pearl Harbor at dawn.",
    "Farms failed in the Great Depression. Many recalled the Great Depression for decades.",
    "England lost the Fifth Test at Leeds. Rain spoiled the Fifth Test on its last day.",
    "Delegates met at the Whig National Convention. The Whig National Convention chose a candidate.",
    "The nobles of the Lithuanian Commonwealth met. The towns of the Lithuanian Commonwealth paid taxes.",
)


@pytest.mark.parametrize("name, kind", [
    ("Battle of Hastings", "event"), ("National Portrait Gallery", "organisation"), ("Russian Empire", "place"),
    ("Pearl Harbor", "place"), ("Great Depression", "event"), ("Fifth Test", "event"),
    ("Whig National Convention", "event"), ("Lithuanian Commonwealth", "place"),
])
def test_the_head_word_of_a_name_tells_its_kind(name, kind):
    assert terms(glossary.build([article("heads.txt", *HEADS)]))[name].kind == kind


def test_a_name_the_text_says_nothing_more_of_is_a_name_not_a_guessed_organisation(essay):
    assert essay["Ostrel"].kind == "name"


# --- linking what helps ---------------------------------------------------------------------------------------


def test_a_term_in_more_than_a_quarter_of_a_large_site_is_listed_but_not_linked():
    texts = [article(f"a{i:02}.txt", f"Officials in Zarnovia met on day {i}.", f"Trade grew by {i} points.")
             for i in range(40)]
    texts += [article("b.txt", "Ships from Tessaly docked in Zarnovia.", "Traders cheered in Tessaly."),
              article("c.txt", "Rain fell on Tessaly.")]
    g = glossary.build(texts)
    found = terms(g)
    assert found["Zarnovia"].link is False and found["Tessaly"].link is True
    curated = terms(glossary.build(texts, b"Zarnovia:\n  link: true\n"))
    assert curated["Zarnovia"].link is True


def test_the_link_rule_is_seen_on_the_built_page(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(40):
        (seeds / f"a{i:02}.txt").write_text(f"Story {i}\nOfficials in Zarnovia met on day {i}. Trade grew.\n")
    (seeds / "tessaly.txt").write_text("Tessaly\nShips from Tessaly docked in Zarnovia. Traders cheered in Tessaly.\n")
    (seeds / "rain.txt").write_text("Rain\nRain fell on Tessaly.\n")
    project = make_project(tmp_path / "project", seeds)
    done = mkdocs_build(project, "--strict")
    assert done.returncode == 0, done.stderr
    page = main_content(soup(project / "site" / "articles" / "tessaly" / "index.html"))
    linked = {a.get_text() for p in page.find_all("p", id=True) for a in p.find_all("a")}
    assert "Tessaly" in linked and "Zarnovia" not in linked


# --- Russian: one entry per inflected name ----------------------------------------------------------------------


RUSSIAN = (
    ("minsk.txt",
     "Президент Беларуси Александр Лукашенко провёл переговоры с Президентом России Владимиром Путиным в Москве.",
     "Александр Лукашенко заявил, что Союзное государство остаётся главным приоритетом. По словам Лукашенко, "
     "торговля выросла.",
     "Владимир Путин отметил, что импортозамещение позволило сократить зависимость. Путин поблагодарил партнёров.",
     "Импортозамещение означает замену импортных товаров товарами собственного производства."),
    ("trade.txt",
     "Товарооборот между странами вырос на 10 процентов, сообщил Александр Лукашенко.",
     "Лукашенко подчеркнул, что импортозамещения без кооперации не будет, а укрепление Союзного государства "
     "продолжится.",
     "Владимира Путина поддержали губернаторы."),
)


def test_every_case_of_a_russian_name_or_concept_is_one_entry():
    g = glossary.build([article(source, *texts) for source, *texts in RUSSIAN])
    found = terms(g)
    assert {"Александр Лукашенко", "Владимир Путин", "импортозамещение", "Союзное государство"} <= set(found)
    assert {"Владимир Путин", "Владимиром Путиным", "Владимира Путина"} <= set(found["Владимир Путин"].variants)
    assert not {n for n in found if n.startswith(("Беларуси", "России", "Союзное ")) and n != "Союзное государство"}
    assert len([n for n in found if "Путин" in n]) == 1 and len([n for n in found if "Лукашенко" in n]) == 1
    assert "Союзного государства" in found["Союзное государство"].variants
    assert found["импортозамещение"].definition.startswith("Импортозамещение означает")
    assert found["Александр Лукашенко"].kind == "person"


RUSSIAN_NEWS = (
    ("vstrecha.txt",
     "Президент России Владимир Путин провёл переговоры с президентом Белоруссии Александром Лукашенко в Сочи.",
     "Путин заявил, что Москва готова поддержать Минск. Лукашенко поблагодарил Путина за помощь.",
     "Встреча Путина и Лукашенко продолжалась пять часов."),
    ("gaz.txt",
     "Министр энергетики России Николай Шульгинов сообщил, что цены на газ не изменятся.",
     "Шульгинов отметил, что решение принято на встрече Владимира Путина и Александра Лукашенко. Газпром "
     "подтвердил условия поставок."),
    ("mishustin.txt",
     "Председатель правительства России Михаил Мишустин прибыл в Минск с рабочим визитом.",
     "Мишустин встретился с премьер-министром Белоруссии Романом Головченко.",
     "Визит Мишустина продлится два дня, сообщает Газпром."),
)


def test_russian_news_names_people_after_lower_case_titles_and_declined_surnames():
    g = glossary.build([article(source, *texts) for source, *texts in RUSSIAN_NEWS])
    found = terms(g)
    # a title in lower case, the place it is of, then the name: the place is no part of the name
    assert {"Владимир Путин", "Михаил Мишустин", "Николай Шульгинов"} <= set(found)
    assert not [n for n in found if n.startswith(("России ", "Белоруссии ", "Визит", "Встреча"))]
    assert [n for n in found if "Лукашенко" in n] and all(n.split()[0].startswith("Александр")
                                                          for n in found if "Лукашенко" in n)
    # a verb after a name is no noun that an adjective-like name opens ("Газпром" ends like "-ом")
    assert "Газпром" in found and not [n for n in found if n.startswith("Газпром ")]
    # the surname alone in another case is the full name's short form, not a term of its own
    assert not [n for n in found if n.startswith("Мишустин") or n in ("Путина", "Путин")]
    # a title in the nominative before the place and the name defines the person
    assert found["Владимир Путин"].definition == "Президент России"
    assert found["Николай Шульгинов"].definition == "Министр энергетики России"
    assert found["Михаил Мишустин"].definition == "Председатель правительства России"


def test_belarusian_titles_and_declined_surnames_are_read_as_the_russian_ones():
    g = glossary.build([
        article("sustrecha.txt",
                "Прэзідэнт Беларусі Аляксандр Лукашэнка правёў перамовы з прэзідэнтам Расіі Уладзімірам Пуціным у Сочы.",
                "Лукашэнка заявіў, што Саюзная дзяржава застаецца галоўным прыярытэтам. Пуцін падзякаваў Лукашэнку.",
                "Пасля перамоваў Пуціна праводзілі ў аэрапорт."),
        article("urad.txt",
                "Прэм'ер-міністр Беларусі Раман Галоўчанка заявіў, што ўрад зацвердзіў праграму развіцця.",
                "Галоўчанка адзначыў, што праграма разлічана на пяць гадоў. Міністр эканомікі Беларусі Юрый Чэбатар "
                "падтрымаў рашэнне."),
    ])
    found = terms(g)
    assert {"Аляксандр Лукашэнка", "Раман Галоўчанка", "Юрый Чэбатар"} <= set(found)
    assert not [n for n in found if n.startswith(("Беларусі ", "Расіі ", "Прэм'ер"))]
    assert [n for n in found if "Пуцін" in n] == ["Уладзімірам Пуціным"]  # "Пуцін", "Пуціна": its short form
    assert found["Аляксандр Лукашэнка"].definition == "Прэзідэнт Беларусі"
    assert found["Раман Галоўчанка"].definition == "Прэм'ер-міністр Беларусі"
    assert found["Юрый Чэбатар"].definition == "Міністр эканомікі Беларусі"


# --- the seed -------------------------------------------------------------------------------------------------


def test_the_seed_keeps_its_terms_and_its_demonyms_join_their_countries():
    from conftest import SEED
    from seedsite.read import read_article

    g = glossary.build([read_article(SEED.read_bytes(), SEED.name)], (ROOT / "seeds" / "glossary.yml").read_bytes())
    found = terms(g)
    assert {"Union State", "Belarus", "Russia", "Alexander Lukashenko", "Vladimir Putin", "clock reconciliation",
            "Moscow", "import substitution", "Great Patriotic War", "friendly economy"} <= set(found)
    assert found["friendly economy"].definition == "It means willingness to help each other in any circumstances."
    assert {"Belarusian", "Belarusians"} <= set(found["Belarus"].variants)
    assert {"Russian", "Russians"} <= set(found["Russia"].variants)
    assert not {"Belarusian", "Belarusians", "Russian", "Russians", "Belarusian-Russian"} & set(found)
    assert found["Head of State"].definition == "" if "Head of State" in found else True


def test_a_doctrine_shortened_to_its_last_word_is_no_person():
    """A name of two words shortened to its last is mostly a person's, but not when it ends in "-ism"."""
    found = terms(glossary.build([
        article("a.txt", "Roman Catholicism spread north. Catholicism shaped the schools; Roman Catholicism held on."),
        article("b.txt", "Under Roman Catholicism the abbeys grew. Later, Catholicism lost the towns."),
    ]))
    assert found["Roman Catholicism"].kind != "person"


def test_a_country_one_letter_from_another_is_not_its_demonym():
    """"Iran" ends like a demonym of "Iraq" with its last letter cut ("Ira" + "n"): a consonant ending is only
    ever added ("Cuba" → "Cuban"), so the two stay two places, and "Iraqi" still folds into Iraq."""
    found = terms(glossary.build([
        article("a.txt", "Troops left Iraq in 2011. Oil from Iraq and Iran rose; an Iraqi minister spoke in Iraq.",
                "Talks in Iran stalled. Exports from Iran fell, and Iran closed the border."),
        article("b.txt", "Iran and Iraq fought from 1980. Refugees fled Iraq for Iran; Iraqi towns emptied."),
    ]))
    assert "Iran" in found and "Iran" not in found["Iraq"].variants
    assert "Iraqi" in found["Iraq"].variants


def test_a_name_placed_more_often_than_titled_is_no_person():
    """A title or an honorific before a country's name now and then ("King of Great Britain") makes no person of
    a name the text places more often ("in Tarsania", "from Tarsania")."""
    found = terms(glossary.build([
        article("a.txt", "Trade with Tarsania grew. Farms in Tarsania failed. Tarsania signed the pact.",
                "The envoys of Tarsania left. Tarsania paid its debts; the army of Tarsania marched."),
        article("b.txt", "Ships from Tarsania sailed. The old rulers called it Lord Tarsania in jest.",
                "Tarsania exported wool. The flag of Tarsania flew; Tarsania joined the league.",
                "Maps of Tarsania were redrawn. Tarsania grew."),
    ]))
    assert found["Tarsania"].kind != "person"


def test_a_name_inside_a_longer_one_and_a_first_name_are_no_mentions_of_another_person():
    """"John Calvin Coolidge Jr." is not John Calvin; once "Calvin Coolidge" opened the article, a lone "Calvin" is
    not the theologian; "Calvin Jr." is nobody's surname even after John Calvin is named."""
    theology = [
        article(f"religion/geneva-{n}.txt", "John Calvin preached in Geneva.", "Calvin wrote the Institutes.")
        for n in range(10)
    ]  # (ten articles: a name needs two mentions, so "John Calvin Coolidge", said once, is none)
    coolidge = article(
        "politics/coolidge.txt",
        "Calvin Coolidge (born John Calvin Coolidge Jr.) was the thirtieth president.",
        "After the death of his younger son Calvin, Coolidge became withdrawn.",
        "His middle name honoured John Calvin, the reformer.",
        "His sons were John and Calvin Jr.; Calvin Jr. died at sixteen.",
    )
    articles = [*theology, coolidge]
    g = glossary.build(articles)
    assert "John Calvin" in terms(g) and "John Calvin Coolidge" not in terms(g)
    assert lone_links(articles, g, "politics/coolidge.txt") == {}
    here = [m for m in terms(g)["John Calvin"].mentions if m.article == coolidge.source]
    assert [m.text for m in here] == ["His middle name honoured John Calvin, the reformer."]
    assert lone_links(articles, g, "religion/geneva-0.txt")["Calvin"] == {"John Calvin"}


def test_in_washington_is_the_city_and_pt_109_is_no_party():
    """A lone word that is an entry of its own means it after a preposition of place, whoever the article names
    ("in Washington, D.C." is not George Washington); a name followed by a hyphen and a number is a designation
    ("PT-109", a boat, is not the party PT)."""
    city = [article(f"world/summit-{n}.txt", "The summit was held in Washington on Monday.",
                    "Officials from Washington agreed to talk.", "The PT won the vote in Brazil.") for n in range(10)]
    army = [article(f"history/army-{n}.txt", "George Washington led the army.", "Washington crossed the river.")
            for n in range(3)]
    kennedy = article("politics/kennedy.txt", "He joined the naval staff in Washington, D.C. in 1941.",
                      "Historians rank him with George Washington.", "The PT-109 sank under him.")
    articles = [*city, *army, kennedy]
    g = glossary.build(articles)
    assert terms(g)["Washington"].kind == "place" and "Washington" in terms(g)["George Washington"].aliases
    assert "PT" in terms(g)
    assert lone_links(articles, g, "politics/kennedy.txt") == {"Washington": {"Washington"}}
    assert lone_links(articles, g, "history/army-0.txt")["Washington"] == {"George Washington"}
    assert lone_links(articles, g, "world/summit-0.txt")["PT"] == {"PT"}


def test_an_acronym_spelled_out_otherwise_in_an_article_is_no_mention_of_the_entry():
    """An article that spells an acronym out as something else ("patrol torpedo (PT)", "earned run average (ERA)")
    mentions no entry of the site's other meaning; a single word the text also writes in lower case is no expansion
    ("Workers' Party (PT)": PT stands for no "Party", so a capitalised "Party" is no mention of PT); lower-case
    words whose initials spell the acronym are one ("chief executive officer (CEO)")."""
    brazil = [article(f"world/brazil-{n}.txt", "Lula leads the Workers' Party (PT) in Brazil.",
                      "The PT won the vote and the other party lost.", "The Conservative Party met in London.")
              for n in range(6)]
    rights = [article(f"us/rights-{n}.txt", "Women campaigned for the Equal Rights Amendment (ERA).",
                      "The ERA failed in 1982.") for n in range(4)]
    navy = article("history/navy.txt", "He commanded a patrol torpedo (PT) boat.", "Two PT boats sank.")
    baseball = article("sport/pitcher.txt", "He had a 2.10 earned run average (ERA) that year.",
                       "His ERA led the league.")
    firms = [article(f"business/firm-{n}.txt", "She became chief executive officer (CEO) of the bank.",
                     "The CEO spoke on Monday.") for n in range(3)]
    articles = [*brazil, *rights, navy, baseball, *firms]
    g = glossary.build(articles)
    assert terms(g)["ERA"].definition == "Equal Rights Amendment"
    assert "ERA" not in lone_links(articles, g, "sport/pitcher.txt")
    assert lone_links(articles, g, "us/rights-0.txt")["ERA"] == {"ERA"}
    assert terms(g)["PT"].definition == "patrol torpedo" and "Party" not in terms(g)["PT"].variants
    assert lone_links(articles, g, "history/navy.txt")["PT"] == {"PT"}
    assert set(lone_links(articles, g, "world/brazil-0.txt")) == {"Brazil", "London"}  # no PT, no Party
    assert terms(g)["CEO"].definition == "chief executive officer"
    assert lone_links(articles, g, "business/firm-0.txt")["CEO"] == {"CEO"}


def test_a_surname_many_people_share_is_no_term_of_its_own():
    """"Johnson", after Lyndon, Andrew, Boris and Samuel Johnson (none an entry: each named in one article only) and
    after "Mr Johnson", names none of them alone: it is no term, and no lone "Johnson" links anywhere. A surname whose
    full names open with one first name ("Eisenhower": Dwight) stays a term."""
    people = ["Lyndon Johnson", "Andrew Johnson", "Boris Johnson", "Samuel Johnson"]
    articles = [
        article(f"people/{n}.txt", f"{person} spoke in Boston.", f"Later {person} left.",
                "Reporters said Mr Johnson was tired. Johnson never came back. Johnson wrote.")
        for n, person in enumerate(people)
    ]
    articles.append(article("war/ike.txt", "Dwight Eisenhower led the army.", "Later Dwight Eisenhower won."))
    articles += [article(f"war/ike-{k}.txt", "The troops cheered when Mr Eisenhower spoke; Eisenhower left.")
                 for k in range(3)]
    articles += [article(f"misc/f{i}.txt", f"Filler text number {i} about boats.") for i in range(6)]
    g = glossary.build(articles)
    assert not any("Johnson" in name for name in terms(g))
    assert not any("Johnson" in lone_links(articles, g, a.source) for a in articles)
    assert lone_links(articles, g, "war/ike-0.txt")["Eisenhower"] == {"Eisenhower"}


def test_a_surname_of_many_people_each_named_once_is_no_term_of_its_own():
    """"Harrison" after six people named once each (Benjamin, George, John, Jane, Ted, Caroline Harrison), one of
    them a president ("President Harrison"): alone it names none of them, so a lone "Harrison" in George's article
    is no link to the president (the dev site's "Harrison" linked nine times into "John Lennon")."""
    people = ["Benjamin Harrison", "George Harrison", "John Harrison", "Jane Harrison", "Ted Harrison",
              "Caroline Harrison"]
    articles = [
        article(f"people/{n}.txt", f"{person} spoke in Boston.", "Later Harrison left; Harrison wrote a letter.",
                "President Harrison was mentioned too." if n == 0 else "Harrison came back in the spring.")
        for n, person in enumerate(people)
    ]
    articles += [article(f"misc/f{i}.txt", f"Filler text number {i} about boats.") for i in range(6)]
    g = glossary.build(articles)
    assert not any("Harrison" in name for name in terms(g))
    assert not any("Harrison" in lone_links(articles, g, a.source) for a in articles)


def test_a_name_before_a_region_s_initials_is_a_place_not_the_person():
    """"Washington, D.C." is the city, though George Washington is the one full name on the site ending in
    "Washington"; a lone "Washington" elsewhere is still him."""
    history = [article(f"history/general-{n}.txt", "George Washington led the army.",
                       "Later Washington crossed the river.") for n in range(4)]
    news = article("politics/trip.txt", "The senator flew back to Washington, D.C. on Monday.",
                   "Aides in Albany, N.Y. said little.")
    articles = [*history, news, *(article(f"misc/f{i}.txt", f"Filler text number {i} about boats.")
                                  for i in range(4))]
    g = glossary.build(articles)
    assert lone_links(articles, g, "history/general-0.txt")["Washington"] == {"George Washington"}
    assert "Washington" not in lone_links(articles, g, "politics/trip.txt")


def test_the_given_name_of_an_article_s_subject_is_nobody_else_there():
    """In "Calvin Coolidge" (a title the text repeats), a lone "Calvin" is the subject or his son, never John Calvin,
    though the article names him first; a headline's first word keeps its meaning ("Blair" in "Blair Wins Again")."""
    theology = [article(f"religion/geneva-{n}.txt", "John Calvin preached in Geneva.", "Calvin wrote the Institutes.")
                for n in range(10)]
    coolidge = Article(source="politics/coolidge.txt", section="politics", title="Calvin Coolidge", slug="coolidge",
                       sections=(),
                       intro=("Calvin Coolidge was named in honour of John Calvin.",
                              "After the death of his younger son Calvin, Coolidge became withdrawn."))
    blair = [article(f"uk/blair-{n}.txt", "Tony Blair spoke in London.", "Blair then left.") for n in range(3)]
    headline = Article(source="uk/wins.txt", section="uk", title="Blair Wins Again", slug="wins", sections=(),
                       intro=("Tony Blair won a third term.", "Blair thanked the voters."))
    articles = [*theology, coolidge, *blair, headline]
    g = glossary.build(articles)
    assert "Calvin" not in lone_links(articles, g, "politics/coolidge.txt")
    assert lone_links(articles, g, "religion/geneva-0.txt")["Calvin"] == {"John Calvin"}
    assert lone_links(articles, g, "uk/wins.txt")["Blair"] == {"Tony Blair"}


def test_the_surname_of_an_article_s_subject_is_nobody_else_there():
    """In "Margaret Murray" (a title the text repeats, no entry of its own), a lone "Murray" is her, never the
    publisher John Murray whom the site knows and the article names."""
    publishing = [article(f"books/murray-{n}.txt", "John Murray published the book.", "Murray paid well.")
                  for n in range(10)]
    margaret = Article(source="science/margaret.txt", section="science", title="Margaret Murray", slug="margaret",
                       sections=(),
                       intro=("Margaret Murray studied Egyptology.", "She wrote legends for John Murray.",
                              "Murray's interest in folklore grew."))
    articles = [*publishing, margaret]
    g = glossary.build(articles)
    assert "Margaret Murray" not in terms(g)
    assert "Murray" not in lone_links(articles, g, "science/margaret.txt")
    assert lone_links(articles, g, "books/murray-0.txt")["Murray"] == {"John Murray"}


def test_a_name_is_no_demonym_of_a_place_with_a_demonym_of_its_own():
    """"Francis" looks like "France" with a demonym's ending, but the French are France's people."""
    articles = [article(f"world/paris-{n}.txt", "The summit met in France.", "The French minister and Francis spoke.",
                        "Later Francis left France.") for n in range(4)]
    g = glossary.build(articles)
    assert "French" in terms(g)["France"].variants and "Francis" not in terms(g)["France"].variants


@pytest.mark.parametrize("first", ["Holland", "the Netherlands"])
def test_a_demonym_of_two_places_on_the_site_means_the_country_it_names(first):
    """"Dutch" is the demonym of the Netherlands (and, loosely, of Holland, one of its provinces): where the site
    names both, "Dutch" mentions the Netherlands, whichever the articles name first."""
    second = "the Netherlands" if first == "Holland" else "Holland"
    articles = [article(f"world/trade-{n}.txt", f"The ships sailed to {first}.", f"Later they reached {second}.",
                        "The Dutch merchants traded there.") for n in range(4)]
    g = glossary.build(articles)
    assert "Dutch" in terms(g)["Netherlands"].variants
    assert "Dutch" not in terms(g)["Holland"].variants


def test_a_country_with_a_demonym_is_no_person_for_a_word_before_it():
    """"Austrian Netherlands" ends in "Netherlands" as "Nicolaus Copernicus" in "Copernicus", but a country of the
    table of demonyms ("Dutch") is a place, never a surname."""
    articles = [article("n.txt", "Austrian Netherlands was a state. Austrian Netherlands paid taxes.",
                        "Later Austrian Netherlands rebelled.")]
    articles += [article(f"c{i}.txt", f"The Dutch fleet sailed after {1600 + i}. Traders loved the Netherlands dearly.",
                         "Ships came to the Netherlands.") for i in range(8)]
    netherlands = terms(glossary.build(articles))["Netherlands"]
    assert "Dutch" in netherlands.variants and netherlands.kind == "place"


def test_a_russian_surname_after_one_first_name_in_its_cases_is_one_person():
    """"Владимир", "Владимира", "Владимиру" open one person's name: "Путин" in its cases is no surname many people
    share (`resolve` drops those)."""
    cases = ["Вчера Владимир Путин выступил.", "Вчера журналисты спросили Владимира Путина.",
             "Вчера Владимиру Путину показали завод."]
    articles = [article(f"ru/{n}.txt", cases[n % 3], "Потом Путин ответил, и Путина спросили.",
                        "Потом Путину показали завод.", "Он вчера и потом молчал.") for n in range(12)]
    putin = {c.name: c for c in candidates.candidates(articles)}["Путин"]
    assert putin.ends == 12 and putin.ends_commonest == 12


def test_a_two_word_name_the_text_never_shortens_is_no_person():
    """"Iron Curtain" could be shortened to "Curtain" like "Tony Blair" to "Blair", but the text never does: it is no
    person; "Tony Blair … Blair" is one."""
    articles = [article(f"europe/{n}.txt", "The Iron Curtain divided Europe for decades.",
                        "Tony Blair spoke of the Iron Curtain in Berlin. Blair then left.") for n in range(4)]
    found = terms(glossary.build(articles))
    assert found["Iron Curtain"].kind != "person" and found["Tony Blair"].kind == "person"


def test_a_surname_after_a_saint_s_title_is_the_saint_s_name():
    """"St George's School" is no mention of David Lloyd George, whom the article named."""
    articles = [article(f"uk/pm-{n}.txt", "David Lloyd George led the war cabinet.",
                        "Lloyd George then resigned, and George went home.") for n in range(10)]
    churchill = article("uk/churchill.txt", "He served under David Lloyd George in the war.",
                        "As a boy he boarded at St George's School in Ascot.")
    articles.append(churchill)
    g = glossary.build(articles)
    assert "George" in terms(g)["Lloyd George"].aliases
    assert "George" not in lone_links(articles, g, "uk/churchill.txt")


def test_names_joined_by_an_en_dash_are_one_name_and_hold_no_other():
    """"Spanish–American War" and "Mexican–American War" are two wars, no "American War"; the Wilson of the
    "Wilson–Gorman Tariff" is no Woodrow Wilson (the en dash joins as a hyphen does: "Austria-Hungary")."""
    texts = [
        "The Spanish–American War began in 1898. Woodrow Wilson was a professor then.",
        "The Mexican–American War ended in 1848. The Spanish–American War came fifty years later.",
        "Woodrow Wilson won in 1912. The Wilson–Gorman Tariff of 1894 was older. Wilson never liked it.",
        "The Philippine–American War followed the Spanish–American War. Woodrow Wilson wrote about both.",
    ]
    articles = [article(f"{n}.txt", text) for n, text in enumerate(texts)]
    g = glossary.build(articles)
    assert "American War" not in terms(g)
    assert "Spanish–American War" in terms(g)
    assert lone_links(articles, g, "2.txt").get("Wilson") == {"Woodrow Wilson"}  # the lone one only
    wilson = terms(g)["Woodrow Wilson"]
    surfaces = [m.text[m.at : m.to] for m in wilson.mentions]
    assert surfaces == ["Woodrow Wilson", "Woodrow Wilson", "Wilson", "Woodrow Wilson"]
