"""Related: which articles say the same things, from their words and glossary terms.

- Each article is a bag of its words (lower case, stopwords out, stemmed with Snowball: "elections" and "elected"
  count as one) and of the glossary terms it mentions (`Bag`).
- Each word and term weighs TF-IDF: (1 + log of its count in the article) × log(articles / articles using it),
  so a word said often counts more, but not in proportion, and a rare word far more than a common one. A word
  or term in more than `COMMON` of the articles says little and is left out. Each article's weights are scaled
  to length 1, so that a long article is not related to everything.
- Two articles are as related as the cosine of their vectors. An inverted index keeps this close to linear: an
  article looks for others only through its `QUERY` weightiest words and terms, each leading to the `POSTING`
  articles it weighs most in; the `CANDIDATES` best found are then scored exactly. The arithmetic is numpy's:
  five times quicker than pure Python (`bench/results/related.md`).
- Up to `RELATED_ARTICLES` per article, best first, ties broken by source path; none below `MIN_SCORE` or sharing
  fewer than `MIN_SHARED` words and terms, so an article unlike the others lists none rather than a list padded
  with chance matches. A pair at
  `NEAR_DUPLICATE` or above is the same text twice: never listed as related, but named (`Index.of`).
- Why: each related article names the terms both mention (weightiest first), else the words they share most.
- Languages: the stemmer and the stopwords are a `language.Language`; by default a word in Cyrillic script is Russian, any
  other English (`language_of`).
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .language import ENGLISH, RUSSIAN, Language

RELATED_ARTICLES = 5
"""Related articles listed per article."""
MIN_SCORE = 0.05
"""The least cosine that makes two articles related: below it they share a chance word or two."""
MIN_SHARED = 2
"""The fewest words and terms two related articles share: one word alone is chance."""
NEAR_DUPLICATE = 0.85
"""The cosine from which two articles are near-duplicates rather than related. Without stopwords cosines run lower
than over all words: 0.85 here is about 0.9 there."""
COMMON = 0.5
"""A word or term used by more than this share of the articles (and by more than two) relates nothing."""
QUERY = 20
"""The weightiest words and terms of an article through which it looks for related articles."""
POSTING = 50
"""Per word or term, the articles it weighs most in: the only ones it leads to."""
CANDIDATES = 10
"""Articles per article scored exactly."""
ABOUT = 5
"""Articles listed per term by `most_about`."""

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def language_of(word: str) -> Language:
    """The default choice: `RUSSIAN` for a word with a Cyrillic letter, else `ENGLISH`."""
    return RUSSIAN if _CYRILLIC.search(word) else ENGLISH


@dataclass(frozen=True)
class Bag:
    """What one article says, counted: the input of `Index`, kept for a quick rebuild of one article's list."""

    words: Mapping[str, int]
    """Stem → how often the article uses a word of that stem."""
    forms: Mapping[str, str]
    """Stem → the word (lower case) the article writes most often for it: how a shared word is shown."""
    terms: Mapping[int, int]
    """Glossary term (index) → how often the article mentions it."""


def bag(paragraphs: Iterable[str], terms: Mapping[int, int], language: Callable[[str], Language] = language_of) -> Bag:
    """The bag of an article's paragraphs and term mentions. `language` tells each word's `Language`."""
    counts = Counter(_WORD.findall(" ".join(paragraphs).casefold()))
    known = _known_stems(language)
    words: dict[str, int] = {}
    forms: dict[str, str] = {}
    for word, count in counts.items():  # (in the order of first use: on a tie the first word written is shown)
        if (seen := known.get(word)) is None:
            seen = _stem(word, known, language)
        word, stem = seen
        if stem:
            if (total := words.get(stem)) is None:
                words[stem], forms[stem] = count, word
            else:
                words[stem] = total + count
                if count > counts[forms[stem]]:
                    forms[stem] = word
    return Bag(words, forms, dict(terms))


def as_terms(bag: Bag, named: Iterable[str], terms: Mapping[int, int],
             language: Callable[[str], Language] = language_of) -> Bag:
    """The bag with its term counts, and without the words of `named` (what the article's term mentions say:
    "Brown" of Gordon Brown), wherever the article uses them: a word a term stands for relates articles only as
    that term, which knows which Brown is meant. (The word "brown" of "Wes Brown", no term, relates an article
    to none about Gordon Brown.)"""
    known = _known_stems(language)
    words = dict(bag.words)
    for said in named:
        for word in _WORD.findall(said.casefold()):
            words.pop((known.get(word) or _stem(word, known, language))[1], None)
    return Bag(words, bag.forms, dict(terms))


STEMS_KEPT = 500_000
"""Words whose stems are remembered, across builds (`mkdocs serve` makes many)."""
_STEMS: dict[Callable[[str], Language], dict[str, tuple[str, str]]] = {}


def _known_stems(language: Callable[[str], Language]) -> dict[str, tuple[str, str]]:
    """Word → (the word, its stem or `""` for a word left out: a stopword, a single letter, a number): the words
    seen so far, remembered per `language` (`_stem` adds one). Each article's bag holds the word as remembered
    here, one string for all articles, which a pickle of all the bags then writes once."""
    known = _STEMS.setdefault(language, {})
    if len(known) > STEMS_KEPT:
        known.clear()
    return known


def _stem(word: str, known: dict[str, tuple[str, str]], language: Callable[[str], Language]) -> tuple[str, str]:
    """(the word, its stem) for a word not in `known` yet, now remembered there."""
    lang = language(word)
    stem = "" if len(word) < 2 or word.isdigit() or word in lang.stopwords else lang.stem(word)
    seen = known[word] = (word, stem)
    return seen


@dataclass(frozen=True)
class Related:
    """Another article worth reading next, and why."""

    article: int
    """Index into the articles."""
    score: float
    """The cosine of the two articles' vectors, 0 to 1."""
    terms: tuple[int, ...]
    """The glossary terms both mention, weightiest first."""
    words: tuple[str, ...]
    """The words both use (as this article writes them), weightiest first; at most `SHOWN_WORDS`."""


SHOWN_WORDS = 5
"""Shared words kept per related article."""


class _Encoding:
    """The bags' features as numbers (ids), kept from one `Index` to the next: per bag (by identity) its features'
    ids and counts. A quick rebuild's bags are the last one's but the edited article's: encoding their 600,000
    entries anew was two thirds of its `Index` (at 2,000 articles). Ids only grow: a feature keeps its id."""

    def __init__(self) -> None:
        self.ids: dict[str | int, int] = {}
        self.features: list[str | int] = []
        """Id → feature (in `Index`: its `features`, while it is the newest)."""
        self.is_term = np.zeros(0, dtype=bool)
        self.bags: dict[int, tuple[Bag, np.ndarray, np.ndarray]] = {}

    def encode(self, bags: Sequence[Bag]) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """All the bags' (feature ids, counts), bag after bag, and how many each bag has."""
        ids, kept, entries = self.ids, {}, []
        for b in bags:
            known = self.bags.get(id(b))  # (each kept bag is held: no other object has its id meanwhile)
            if known is None:
                keys = [*b.words, *b.terms]
                for key in keys:
                    if key not in ids:
                        ids[key] = len(ids)
                counts = np.fromiter(itertools.chain(b.words.values(), b.terms.values()), np.float64, len(keys))
                known = (b, np.fromiter(map(ids.__getitem__, keys), np.int64, len(keys)), counts)
            kept[id(b)] = known
            entries.append(known)
        self.bags = kept
        if len(self.features) < len(ids):
            new = list(itertools.islice(ids, len(self.features), None))
            self.features += new
            is_term = np.fromiter((isinstance(key, int) for key in new), bool, len(new))
            self.is_term = np.concatenate([self.is_term, is_term])
        if not entries:
            return np.zeros(0, np.int64), np.zeros(0), []
        return (np.concatenate([e[1] for e in entries]), np.concatenate([e[2] for e in entries]),
                [len(e[1]) for e in entries])


_ENCODING = _Encoding()


class Index:
    """The articles' weighted vectors and an inverted index over them, as numpy arrays: which articles are related.

    Vectors: the entries of all articles (`article`, `feature`, `weight`), article by article (`start[a]` to
    `start[a + 1]`), only the features the article may share with another (in two articles or more, in no more
    than `COMMON`); each article's weights are scaled so that its whole vector has length 1. Postings: the same
    entries feature by feature (`posting_start[f]` …), weightiest first, at most `POSTING` a feature; for `one`
    article's list (a quick rebuild), only its features' postings, each made when asked for (`_posting`)."""

    def __init__(self, bags: Sequence[Bag], sources: Sequence[str], one: bool = False) -> None:
        self.bags, self.sources = bags, sources
        total = len(bags)
        feature, counts, sizes = _ENCODING.encode(bags)
        self.features, self.is_term = _ENCODING.features, _ENCODING.is_term
        """Feature id → the word's stem (str) or the term's index (int); whether it is a term (else a word). Ids
        are only names: no result depends on them."""
        n_features = len(self.features)
        article = np.repeat(np.arange(total), sizes)
        df = np.bincount(feature, minlength=n_features)
        limit = max(2, COMMON * total)
        with np.errstate(divide="ignore"):
            idf = np.where(df <= limit, np.log(total / np.maximum(df, 1)), 0.0)
        tf = 1 + np.log(counts)
        weight = tf * idf[feature]
        norm = np.sqrt(np.bincount(article, weights=weight * weight, minlength=total))
        norm[norm == 0] = 1.0
        terms = self.is_term[feature]
        about = tf[terms] * np.log(1 + total / df[feature[terms]]) / norm[article[terms]]
        self.about: list[dict[int, float]] = [{} for _ in bags]
        """Per article: term → how much the article is about it ((1 + log count) × log(1 + articles / articles
        mentioning it), scaled like the vectors): every term it mentions, however common or rare."""
        for a, f, w in zip(article[terms].tolist(), feature[terms].tolist(), about.tolist()):
            self.about[a][self.features[f]] = w
        keep = (df[feature] > 1) & (df[feature] <= limit)
        self.article, self.feature = article[keep], feature[keep]
        self.weight = weight[keep] / norm[self.article]
        self.start = np.searchsorted(self.article, np.arange(total + 1))
        rank = np.empty(total, dtype=np.int64)
        rank[sorted(range(total), key=sources.__getitem__)] = np.arange(total)
        self.rank = rank
        """Article → its place by source path: how ties are broken."""
        self._dense = np.zeros(n_features)
        self.posting_start = None
        if one:
            return
        order = np.lexsort((rank[self.article], -self.weight, self.feature))
        by_feature = self.feature[order]
        first = np.searchsorted(by_feature, np.arange(n_features + 1))
        capped = np.arange(len(order)) - first[by_feature] < POSTING
        self.posting_article, self.posting_weight = self.article[order][capped], self.weight[order][capped]
        self.posting_start = np.searchsorted(by_feature[capped], np.arange(n_features + 1))

    def of(self, a: int) -> tuple[tuple[Related, ...], tuple[int, ...]]:
        """The articles related to `a` (up to `RELATED_ARTICLES`, best first, ties by source path), and its
        near-duplicates (by source path)."""
        mine, weights = self._vector(a)
        query = np.arange(len(weights))
        if len(weights) > QUERY:
            query = np.sort(np.argpartition(-weights, QUERY)[:QUERY])
        postings = [self._posting(f) for f in mine[query].tolist()]
        articles = np.concatenate([p[0] for p in postings] or [np.zeros(0, np.int64)])
        posted = np.concatenate([p[1] for p in postings] or [np.zeros(0)])
        partial = np.bincount(articles, minlength=len(self.bags),
                              weights=posted * np.repeat(weights[query], [len(p[0]) for p in postings]))
        partial[a] = 0.0
        found = np.flatnonzero(partial)
        candidates = found[np.lexsort((self.rank[found], -partial[found]))[:CANDIDATES]]
        dense = self._dense
        dense[mine] = weights
        scored = []
        for b in candidates.tolist():
            theirs, their_weights = self._vector(b)
            products = dense[theirs] * their_weights
            if np.count_nonzero(products) >= MIN_SHARED:
                scored.append((-round(float(products.sum()), 12), self.sources[b], b, theirs, products))
        dense[mine] = 0.0
        scored.sort(key=lambda row: row[:2])
        related = [row for row in scored if MIN_SCORE <= -row[0] < NEAR_DUPLICATE][:RELATED_ARTICLES]
        duplicates = tuple(b for _, b in sorted((row[1], row[2]) for row in scored if -row[0] >= NEAR_DUPLICATE))
        return tuple(self._why(a, b, -s, theirs, products) for s, _, b, theirs, products in related), duplicates

    def _posting(self, f: int) -> tuple[np.ndarray, np.ndarray]:
        """Feature `f`'s posting: the articles it weighs most in, and its weights there."""
        if self.posting_start is not None:
            start, end = self.posting_start[f], self.posting_start[f + 1]
            return self.posting_article[start:end], self.posting_weight[start:end]
        mine = np.flatnonzero(self.feature == f)
        mine = mine[np.lexsort((self.rank[self.article[mine]], -self.weight[mine]))[:POSTING]]
        return self.article[mine], self.weight[mine]

    def _vector(self, a: int) -> tuple[np.ndarray, np.ndarray]:
        """Article `a`'s features and their weights."""
        return self.feature[self.start[a] : self.start[a + 1]], self.weight[self.start[a] : self.start[a + 1]]

    def _why(self, a: int, b: int, score: float, features: np.ndarray, products: np.ndarray) -> Related:
        """Article `b` related to `a`, with what they share: `features` of `b` and their `products` with `a`'s."""
        shared = products != 0
        features, products = features[shared], products[shared]
        term = self.is_term[features]
        words = self._weightiest(features[~term], products[~term], SHOWN_WORDS)
        return Related(b, score, tuple(self._weightiest(features[term], products[term])),
                       tuple(self.bags[a].forms[f] for f in words))

    def _weightiest(self, features: np.ndarray, weights: np.ndarray, most: int | None = None) -> list:
        """The `most` (or all) `features` by weight, weightiest first, ties by name."""
        if most is not None and len(weights) > most:
            keep = weights >= np.partition(weights, -most)[-most]  # ties at the cut stay in
            features, weights = features[keep], weights[keep]
        ranked = sorted(zip((-weights).tolist(), [self.features[f] for f in features.tolist()]))
        return [name for _, name in ranked][:most]


def most_about(
    weights: Sequence[Mapping[int, float]], sources: Sequence[str], terms: int
) -> tuple[tuple[int, ...], ...]:
    """Per term (index, of `terms`), up to `ABOUT` articles most about it, best first (ties: by source path):
    `weights` are each article's term weights (`Index.about`)."""
    per_term: list[list[tuple[float, str, int]]] = [[] for _ in range(terms)]
    for a, mine in enumerate(weights):
        for t, w in mine.items():
            per_term[t].append((-w, sources[a], a))
    return tuple(tuple(a for _, _, a in heapq.nsmallest(ABOUT, ranked)) for ranked in per_term)
