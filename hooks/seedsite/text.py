"""Small text helpers shared by the stages: whitespace, sentences, slugs."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

from pymdownx.slugs import slugify as _slugify_factory

from .language import ABBREVIATIONS

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
"""Zero-width characters that count as blank space when deciding whether a line is empty."""

_slugify = _slugify_factory(case="lower")

_LONGEST_TOKEN = 2 + max(len(token) for token in ABBREVIATIONS)
"""Enough characters before a period to see an abbreviation or an initial, with an opening bracket or quote."""
_NEXT_CHAR = re.compile(r"\s*(\S)")
_SENTENCE_END = re.compile(r"""[.!?…。！？]+["'”’»)\]]*(?=\s|$)|[。！？]+""")


def is_blank(line: str) -> bool:
    """True if `line` holds nothing but white space and zero-width characters."""
    return not line.strip().strip(INVISIBLE).strip()


def squash(text: str) -> str:
    """Collapse every run of white space to one space and trim the ends."""
    return " ".join(text.split())


SLUG_BYTES = 120
"""Longest slug in UTF-8 bytes: an article's slug names a folder or file, which most file systems allow 255 bytes
(about 85 Chinese or 127 Cyrillic characters), and a long URL reads badly anyway."""


def slugify(text: str) -> str:
    """A readable, Unicode-aware slug: lower case, words joined by hyphens ('' if nothing is left), cut after a
    whole word to at most `SLUG_BYTES` bytes."""
    slug = re.sub(r"-{2,}", "-", _slugify(squash(text.replace("_", " ")), "-")).strip("-_")
    if len(slug.encode()) <= SLUG_BYTES:
        return slug
    cut = slug.encode()[:SLUG_BYTES].decode(errors="ignore")
    if "-" in cut and slug[len(cut)] != "-":  # a word cut short goes
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-_")


def unique(slug: str, taken: set[str], fallback: str = "section") -> str:
    """`slug` (or `fallback` when it is empty), suffixed -2, -3, … until not in `taken`; records it there."""
    base = slug or fallback
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in `text`, skipping abbreviations and initials."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        following = _NEXT_CHAR.match(text, end)
        if following and following.group(1).islower():  # "e.g. something" or a lower-case continuation
            continue
        if text[start:end].strip():
            yield _trim(text, start, end)
        start = end
    if text[start:].strip():
        yield _trim(text, start, len(text))


QUOTE_LIMIT = 300
"""Most characters of a sentence quoted around a stretch (`quote_around`): a text without sentence ends, such as
a transcript, would otherwise be quoted whole for every term it mentions."""


@functools.lru_cache(maxsize=4096)
def quote_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence of `text` holding the stretch start–end, cut to about `QUOTE_LIMIT` characters around the
    stretch at spaces, with "…" where it was cut; and the offset in `text` of the quote's first character, so
    that the stretch is `quote[start - offset : end - offset]`."""
    starts, spans = sentences_of(text)
    k = max(0, bisect.bisect_right(starts, start) - 1)
    a, b = spans[k][0], max(spans[k][1], end)  # the sentence, stretched to hold the whole stretch
    if b - a <= QUOTE_LIMIT:
        return text[a:b], a
    room = max(0, QUOTE_LIMIT - (end - start)) // 2
    left = max(a, min(start - room, b - QUOTE_LIMIT))
    right = min(b, max(end + room, left + QUOTE_LIMIT))
    if left > a:
        space = text.find(" ", left, start)  # (no space: a script written without them, cut anywhere)
        left = space + 1 if space >= 0 else left
    if right < b:
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    before, after = ("…" if left > a else ""), ("…" if right < b else "")
    return before + text[left:right] + after, left - len(before)


@functools.lru_cache(maxsize=100_000)  # every paragraph of a large site: the term pages quote them again
def sentences_of(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Where each sentence of `text` starts, and its (start, end): remembered."""
    spans = list(sentence_spans(text)) or [(0, len(text))]
    return [s for s, _ in spans], spans


def around(text: str, at: int) -> tuple[int, int, str]:
    """Where the sentence of `text` holding offset `at` begins and ends, and the sentence after it (`""`: none)."""
    starts, spans = sentences_of(text)
    k = max(0, bisect.bisect_right(starts, at) - 1)
    following = text[spans[k + 1][0] : spans[k + 1][1]] if k + 1 < len(spans) else ""
    return spans[k][0], spans[k][1], following


def sentences(text: str) -> list[str]:
    """The sentences of `text`, each trimmed."""
    return [text[a:b] for a, b in sentence_spans(text)]


def first(items: Iterable[str], default: str = "") -> str:
    """The first item, or `default`."""
    return next(iter(items), default)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial rather than a sentence."""
    window = text[max(0, dot - _LONGEST_TOKEN) : dot]  # a bounded look back keeps long paragraphs linear
    before = window.rsplit(None, 1)[-1] if window.strip() else ""
    token = before.lstrip("(\"'“‘«").lower()
    if len(token) == 1 and token.isalpha():  # an initial: "J. Smith"
        return True
    return token in ABBREVIATIONS
