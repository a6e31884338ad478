"""Text helpers: slugs that fit a file name, quotations cut around a mention."""

from __future__ import annotations

import pytest
from seedsite.model import Mention
from seedsite.text import QUOTE_LIMIT, SLUG_BYTES, quote_around, slugify

RUSSIAN = ("Постановление правительства Российской Федерации об утверждении правил предоставления субсидий "
           "из федерального бюджета на поддержку сельского хозяйства")


@pytest.mark.parametrize("title", [RUSSIAN, "中华人民共和国" * 30, "word " * 80, "Ελληνική Δημοκρατία " * 10])
def test_a_long_title_gives_a_slug_that_fits_a_file_name(title):
    slug = slugify(title)
    assert 0 < len(slug.encode()) <= SLUG_BYTES
    assert slugify(title + " more") == slug


def test_a_slug_is_cut_after_a_whole_word():
    slug = slugify(RUSSIAN)
    assert slug == "постановление-правительства-российской-федерации-об"
    assert slugify(RUSSIAN).startswith(slug)


def test_a_short_title_keeps_its_whole_slug():
    assert slugify("Strong focus on development") == "strong-focus-on-development"
    assert slugify("Ἀθῆναι") == "ἀθῆναι"


def test_a_short_sentence_is_quoted_whole():
    text = "First sentence here. The Union State is a union. Last one."
    quote, offset = quote_around(text, 25, 36)
    assert quote == "The Union State is a union."
    assert quote[25 - offset : 36 - offset] == "Union State"


def test_a_sentence_without_an_end_is_cut_around_the_mention_at_spaces():
    words = [f"word{i}" for i in range(400)]
    text = " ".join(words)  # a transcript: no full stop anywhere
    at = text.index("word200")
    quote, offset = quote_around(text, at, at + len("word200"))
    assert len(quote) <= QUOTE_LIMIT + 2
    assert quote.startswith("…") and quote.endswith("…")
    assert quote[at - offset : at - offset + 7] == "word200"
    inner = quote.strip("…").split()
    assert all(word in words for word in inner), "a word was cut in half"


def test_a_mention_at_the_start_of_a_long_sentence_is_quoted_from_there():
    text = "Belarus " + "and more words " * 60
    mention = Mention("a.txt", "p1", text, 0, 7)
    assert mention.sentence.startswith("Belarus and more") and mention.sentence.endswith("…")
    assert not mention.sentence.startswith("…")
    assert mention.sentence[mention.start : mention.end] == "Belarus"
    assert len(mention.sentence) <= QUOTE_LIMIT + 1
