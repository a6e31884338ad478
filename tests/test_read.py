"""The reader: every input form of a seed, each on a small sample."""

from __future__ import annotations

import textwrap

import pytest
from conftest import SEED
from seedsite.read import Decoded, SeedError, decode, read_article


def read(text: str | bytes, source: str = "x.txt"):
    return read_article(text.encode("utf-8") if isinstance(text, str) else text, source)


def headings(article) -> list[str]:
    return [s.heading for s in article.sections]


def test_the_seed_has_its_title_intro_and_four_fused_sections():
    article = read(SEED.read_bytes())
    assert article.title == "Strong focus on development"
    assert len(article.intro) == 2
    assert headings(article) == [
        "The Union State is in focus",
        "A friendly economy",
        "Not to lose the Great Victory",
        "The Belarusian-Russian formula of peace",
    ]
    first = article.sections[0]
    assert first.paragraphs[0].startswith("The Presidents of Belarus and Russia noted")
    assert [len(s.paragraphs) for s in article.sections] == [3, 3, 1, 2]
    assert article.sections[1].anchor == "a-friendly-economy"


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_endings(ending):
    article = read(ending.join(["Title", "First paragraph here.", "Second one."]))
    assert article.title == "Title"
    assert article.intro == ("First paragraph here.", "Second one.")


def test_utf8_bom_is_not_part_of_the_title():
    article = read(b"\xef\xbb\xbfTitle\nText.")
    assert article.title == "Title"
    assert article.encoding == "utf-8-sig"


def test_title_is_the_first_non_empty_line():
    assert read("\n\n   \nThe title\nBody.").title == "The title"


def test_blank_line_paragraphs_with_hard_wrapped_lines_are_joined():
    text = (
        "Title\n\n"
        "The quick brown fox jumps over the lazy dog and keeps on\n"
        "running until the end of the field where the river\n"
        "begins.\n\n"
        "A second paragraph.\n"
    )
    assert read(text).intro == (
        "The quick brown fox jumps over the lazy dog and keeps on running until the end of the field "
        "where the river begins.",
        "A second paragraph.",
    )


def test_short_lines_in_a_block_stay_separate_paragraphs():
    text = "Title\n\nOne.\nTwo words.\nThree more words here.\n"
    assert read(text).intro == ("One.", "Two words.", "Three more words here.")


def test_wikipedia_style_headings_with_levels():
    text = (
        "Ada_Lovelace\n\nAda was a mathematician.\n\n\n== Early life ==\nShe was born in London.\n"
        "\n\n=== Education ===\nShe was tutored.\n\n\n== References ==\n"
    )
    article = read(text)
    assert article.title == "Ada Lovelace"
    assert [(s.heading, s.level) for s in article.sections] == [
        ("Early life", 2),
        ("Education", 3),
        ("References", 2),
    ]
    assert article.sections[2].paragraphs == ()


def test_markdown_headings():
    article = read("# Title\n\nIntro text.\n\n## Part one\n\nBody text.\n")
    assert article.title == "Title"
    assert headings(article) == ["Part one"]


def test_standalone_short_line_is_a_heading():
    text = "Title\nIntro paragraph that says something.\nEconomic ties\nTrade grew by a third last year, officials said.\n"
    article = read(text)
    assert headings(article) == ["Economic ties"]
    assert article.sections[0].paragraphs == ("Trade grew by a third last year, officials said.",)


def test_ordinary_first_sentences_are_never_headings():
    text = (
        "Title\n"
        "The visit was important for both sides. It was long. It was good.\n"
        "It is obvious that the talks went well. Both sides agreed. They signed a deal.\n"
        "Indeed, the results came fast. Trade grew. Prices fell.\n"
        "However, not all agree. Critics spoke. They were heard.\n"
    )
    assert read(text).sections == ()


def test_one_word_paragraphs_do_not_become_headings():
    text = "Title\n\n" + "\n\n".join(["word"] * 50)
    article = read(text)
    assert article.sections == ()
    assert len(article.intro) == 50


def test_a_single_verbless_lead_in_is_a_heading_but_a_single_clause_is_not():
    verbless = "Title\nIntro paragraph.\nA friendly economy. One thing. Another thing. A third.\n"
    assert headings(read(verbless)) == ["A friendly economy"]
    clause = "Title\nIntro paragraph.\nThe plan was approved. One thing. Another thing. A third.\n"
    assert headings(read(clause)) == []


def test_duplicate_headings_get_unique_anchors():
    article = read("Title\n\nText.\n\n== Notes ==\nA.\n\n== Notes ==\nB.\n")
    assert [s.anchor for s in article.sections] == ["notes", "notes-2"]


def test_cyrillic_heading_keeps_a_readable_anchor():
    article = read("Заголовок\n\nТекст.\n\n== Ранние годы ==\nОн родился.\n")
    assert article.sections[0].anchor == "ранние-годы"
    assert article.slug == "заголовок"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", "\u200b\n\u00a0\n".encode()])
def test_empty_seed_is_an_error(data):
    with pytest.raises(SeedError, match="empty"):
        read(data)


def test_binary_seed_is_an_error():
    with pytest.raises(SeedError, match="binary"):
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_cp1252_is_decoded_and_said():
    article = read("Price\n\u201cIt costs \u00a35,\u201d she said.".encode("cp1252"))
    assert article.intro == ("\u201cIt costs \u00a35,\u201d she said.",)
    assert article.encoding == "cp1252" and article.encoding_certain


RUSSIAN = ("Цены на молоко\nМинск, 2 декабря. Белорусские молочные комбинаты отчитались о росте выпуска. "
           "Спрос растёт, а цены остаются прежними: литр стоит 2,5 рубля.")


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("cp1251", "cp1251"), ("koi8-r", "koi8-r"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
     ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8")],
)
def test_cyrillic_in_legacy_and_wide_encodings_is_decoded(encoding, named):
    article = read(RUSSIAN.encode(encoding))
    assert article.title == "Цены на молоко"
    assert article.intro == (RUSSIAN.split("\n")[1],)
    assert (article.encoding, article.encoding_certain, article.lang) == (named, True, "ru")


def test_a_short_legacy_text_is_a_guess():
    decoded = decode("Цены\nСпрос растёт.".encode("koi8-r"))
    assert decoded.text == "Цены\nСпрос растёт."  # the likeliest reading, but said to be a guess
    assert not decoded.certain


def test_ascii_and_utf8_take_the_fast_path_unchanged():
    assert decode(b"Plain ASCII\nText.") == Decoded("Plain ASCII\nText.", "utf-8")
    text = "Caf\u00e9 \u2014 \u0426\u0435\u043d\u044b \U0001f680"
    assert decode(text.encode()) == Decoded(text, "utf-8")


def test_zero_bytes_that_are_not_utf16_are_binary():
    with pytest.raises(SeedError, match="binary"):
        read(bytes(range(256)) * 8)


@pytest.mark.parametrize("title", ["_", "__init__", "Alan_Turing"])
def test_underscores_in_a_title(title):
    expected = "Alan Turing" if title == "Alan_Turing" else title
    assert read(f"{title}\nText.").title == expected


def test_an_essay_whose_paragraphs_open_with_short_sentences_has_no_headings():
    text = (
        "Why I walk\n\n"
        "I did not plan to become a walker. It began after a bad winter. My doctor suggested it.\n\n"
        "The first week was hard. My legs ached every night. I slept better than I had in years.\n\n"
        "The second week was easier. I walked to work twice. Nobody at the office noticed.\n\n"
        "Now I walk every day. It is the best hour of my day. I recommend it to everyone.\n"
    )
    article = read(text)
    assert article.sections == ()
    assert article.intro[1].startswith("The first week was hard. My legs")


def test_verbless_lead_ins_make_headings_even_beside_one_with_a_verb():
    text = (
        "Trade talks\n\n"
        "The ministers met in Minsk on Monday. They talked for six hours. Both sides were pleased.\n\n"
        "A friendly economy. Trade grew by a fifth. Exports led the way. Imports followed.\n\n"
        "Energy is the key. Gas prices were agreed. Oil came next. Power lines are planned.\n\n"
        "New border rules. Checks will be lighter. Lorries will wait less. Trains will run on time.\n"
    )
    article = read(text)
    assert headings(article) == ["A friendly economy", "Energy is the key", "New border rules"]


def test_news_bylines_and_update_lines_under_the_title_are_not_headings():
    text = (
        "Port strike ends after three days\n"
        "By Daniel Okafor\n"
        "Updated 3:45 p.m. ET, March 4, 2025\n"
        "SPRINGFIELD — The dockworkers' strike ended on Tuesday after the union accepted a new offer.\n"
        "Ships began unloading within hours, port officials said.\n"
    )
    article = read(text)
    assert article.sections == ()
    assert article.intro[:2] == ("By Daniel Okafor", "Updated 3:45 p.m. ET, March 4, 2025")


MINUTES = (
    "The annual general meeting of the Riverside Allotment Society was held on Saturday in the church hall, "
    "with forty-two members present and the chair, Margaret Oduya, presiding over a long and occasionally "
    "heated discussion of the proposed water charges, which had been circulated to members in advance of the "
    "meeting."
)


FMT_72 = [  # what `fmt -w 72` makes of MINUTES: it fills lines optimally, not greedily ("to" fits after line 4)
    "The annual general meeting of the Riverside Allotment Society was held",
    "on Saturday in the church hall, with forty-two members present and the",
    "chair, Margaret Oduya, presiding over a long and occasionally heated",
    "discussion of the proposed water charges, which had been circulated",
    "to members in advance of the meeting.",
]


@pytest.mark.parametrize("lines", [FMT_72, textwrap.wrap(MINUTES, 30)], ids=["fmt-72", "greedy-30"])
def test_a_paragraph_wrapped_by_an_optimal_filler_or_narrowly_is_joined(lines):
    article = read("Minutes\n\n" + "\n".join(lines) + "\n")
    assert article.intro == (MINUTES,)


def test_a_line_ending_on_a_preposition_is_no_heading():
    text = (
        "Minutes\n"
        "The treasurer explained that the society's water bill had doubled over\n"
        "two years, largely because of leaks in the old pipes along the north boundary.\n"
    )
    article = read(text)
    assert article.sections == ()


def test_setext_underlined_headings():
    text = (
        "Basalt\n\nBasalt is a volcanic rock. It is common on Earth.\n\n"
        "Formation\n=========\nIt forms from lava. The lava cools quickly.\n\n"
        "Columns\n-------\nSome flows crack into columns. They can be huge.\n"
    )
    article = read(text)
    assert [(s.heading, s.level) for s in article.sections] == [("Formation", 2), ("Columns", 3)]
    assert article.sections[0].paragraphs == ("It forms from lava. The lava cools quickly.",)


def test_a_short_line_ending_in_a_colon_before_prose_is_a_heading():
    text = (
        "The microscope\n\nA microscope makes small things look large. It has lenses.\n\n"
        "History:\nThe first microscopes were made in the Netherlands around 1600.\n\n"
        "The parts are as follows, in the order light passes through them:\n"
        "The mirror sends light up through the stage and the specimen.\n"
    )
    article = read(text)
    assert headings(article) == ["History"]
    assert article.sections[0].paragraphs[1].startswith("The parts are as follows")


def test_setext_headings_in_a_seed_of_one_paragraph_a_line_are_underlined_to_their_length():
    text = (
        "Moon\nThe Moon is Earth's only natural satellite. It is large.\n"
        "Formation\n---------\nThe Moon formed about 4.5 billion years ago. It formed from debris.\n"
        "A line of text\n---\nA rule under a line of text is no underline. It stays as typed.\n"
    )
    article = read(text)
    assert headings(article) == ["Formation"]
    assert article.sections[0].paragraphs[1:3] == ("A line of text", "---")
