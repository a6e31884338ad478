"""Stems: a word or name → the key its inflected forms share, by the Snowball stemmer of the word's script
(Cyrillic words by the Russian one, others by the English one), so that "economies" and "economy", "Путина" and
"Путин" are one key."""

from __future__ import annotations

import functools

import snowballstemmer

_ENGLISH = snowballstemmer.stemmer("english")
_RUSSIAN = snowballstemmer.stemmer("russian")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word, lower-cased; a possessive ending goes first ("Lukashenko's" → "lukashenk")."""
    low = word.lower()
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    if not low.isalpha():
        return low
    cyrillic = "\u0400" <= low[0] <= "\u04ff"
    return (_RUSSIAN if cyrillic else _ENGLISH).stemWord(low)


@functools.lru_cache(maxsize=500_000)
def key(name: str) -> str:
    """The stems of a name's words, joined by spaces: one key for all its inflected forms."""
    return " ".join(stem(word) for word in name.split())
