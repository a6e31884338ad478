"""Stems: a word or name → the key its inflected forms share, by the stemmer of the word's script (`language`:
Cyrillic words by the Russian rules, others by the English ones), so that "economies" and "economy", "Путина" and
"Путин" are one key whatever the article's language. A glossary name is one entry across the site's articles, so
its key depends on the name alone."""

from __future__ import annotations

import functools

from .language import ENGLISH, RUSSIAN


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word, lower-cased; a possessive ending goes first ("Lukashenko's" → "lukashenk"); each part
    of a hyphenated word is stemmed ("X-rays" → "x-ray", "Нью-Йорка" → "нью-йорк")."""
    low = word.lower()
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    if not low.isalpha():
        parts = low.split("-")
        return "-".join(map(stem, parts)) if len(parts) > 1 and all(p.isalpha() for p in parts) else low
    if cyrillic(low):  # Belarusian and Ukrainian letters as their Russian kin: "Лукашэнкі"
        return RUSSIAN.stem(low.translate(_EAST_SLAVIC))
    return ENGLISH.stem(low)


def cyrillic(word: str) -> bool:
    """Whether `word` opens with a Cyrillic letter."""
    return "\u0400" <= word[:1] <= "\u04ff"


def surname_key(word: str) -> str:
    """A last word as it ends a name: a Cyrillic one by its stem (a surname declines: "Мишустина", "Пуціным"), any
    other as written."""
    return stem(word) if cyrillic(word) else word


_EAST_SLAVIC = str.maketrans("іїєґў", "ииегв")
"""Belarusian and Ukrainian letters the Russian stemmer knows no endings with, as the Russian letters nearest them:
a key to match forms by, never shown."""


@functools.lru_cache(maxsize=500_000)
def key(name: str) -> str:
    """The stems of a name's words, joined by spaces: one key for all its inflected forms."""
    return " ".join(map(stem, name.split()))
