"""Match: find every glossary-term mention in a text in one pass (Aho–Corasick), longest match first.

A mention is a whole-word occurrence of one of a term's variants: letters, digits, hyphens or en dashes may not
touch it on either side (a possessive "'s" may follow: "Lukashenko's" mentions "Lukashenko"). Case-insensitive
variants match in any case; case-sensitive ones (acronyms, names) only letter for letter. Where mentions overlap,
the leftmost wins, then the longest ("Union State" over "State").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import ahocorasick

JOINERS = "-–"
"""What joins two words into one, as a letter would: a hyphen, an en dash ("Belarusian-Russian", "Spanish–American
War"). Candidate names (`candidates`) and demonyms (`resolve`) read them alike."""
_NON_WORD = re.compile(rf"[^\w{re.escape(JOINERS)} ]")  # a space stays a space: no need to replace it


class Hit(NamedTuple):
    """One mention found in a text (a named tuple: a corpus has hundreds of thousands)."""

    start: int
    end: int
    term: int
    """Index of the term in the sequence the `Matcher` was made from."""


class Matcher:
    """A compiled set of (term index, variant, case-sensitive) patterns.

    Text and patterns are normalised alike before matching (lower case; every character that cannot be part of
    a word becomes a space; one space in front), so that every match the automaton reports starts at a word
    boundary. Each match is then checked against the text itself: its end boundary, and its letters (case
    and punctuation; white space may differ), so "friendly.Economy" is no mention of "friendly economy".
    """

    def __init__(self, patterns: Iterable[tuple[int, str, bool]]) -> None:
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, list[tuple[int, str, bool]]] = {}
        for term, variant, case_sensitive in patterns:
            key = _normalise(variant.strip())
            if key.strip():  # (a variant matched in any case is kept case-folded)
                written = " ".join(variant.split())
                keys.setdefault(key, []).append((term, written if case_sensitive else written.casefold(),
                                                 case_sensitive))
        for key, entries in keys.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        self._empty = not keys
        if keys:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Every mention in `text`, non-overlapping, left to right."""
        if self._empty or not text:
            return []
        found: list[Hit] = []
        for last, (length, entries) in self._automaton.iter(_normalise(text)):
            start, end = last - length + 1, last  # offsets in `text` (the normal form has one more char in front)
            if end < len(text) and ((after := text[end]).isalnum() or after == "_" or after in JOINERS):
                continue  # "Belarusian-Russian" holds no "Russian", "Spanish–American War" no "American War"
            surface = text[start:end]
            if not surface.isalpha():  # (a single word as written)
                surface = " ".join(surface.split())
            for term, variant, case_sensitive in entries:
                if surface == variant if case_sensitive else surface.casefold() == variant:
                    found.append(Hit(start, end, term))
                    break
        return _leftmost_longest(found)


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    chosen: list[Hit] = []
    limit = -1
    for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        if hit.start >= limit:
            chosen.append(hit)
            limit = hit.end
    return chosen


def _normalise(text: str) -> str:
    """One space, then `text` lower-cased with non-word characters as spaces, keeping every offset."""
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer: fold one by one
        lower = "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)
    return " " + _NON_WORD.sub(" ", lower)
