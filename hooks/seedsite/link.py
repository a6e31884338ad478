"""Link: articles + glossary → where term mentions become links, and which articles are related.

- A term links at its first mention in each section (the intro counts as one), never in a heading, unless it
  is too common to link (`Term.link`); the mentions themselves come from the glossary's single matching pass
  (longest match wins, acronyms match only in their own case, lone surnames resolved in their article).
- Related articles share glossary terms. Each shared term weighs its inverse document frequency,
  log(articles / articles mentioning it), so rare terms count more than common ones. A term in more than half
  of the articles, or in more than `MAX_POSTING` of them, says little and is ignored: that also keeps the work
  linear, as no article is paired with more than a bounded number of others per term. Up to five related
  articles, best first, ties broken by source path; none when nothing meaningful is shared.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .glossary import Glossary
from .match import Hit
from .model import Article

RELATED_ARTICLES = 5
"""Related articles listed per article."""
MAX_POSTING = 100
"""A term mentioned in more articles than this does not relate them."""


@dataclass(frozen=True)
class Related:
    """Another article worth reading next, and why."""

    article: int
    """Index into the articles."""
    score: float
    shared: tuple[int, ...]
    """Indices of the shared terms, weightiest first."""


@dataclass(frozen=True)
class Links:
    """Everything the renderer needs to weave one article into the site."""

    hits: tuple[tuple[Hit, ...], ...]
    """Per paragraph (reading order), the mentions to link."""
    terms: tuple[int, ...]
    """Every term the article mentions, most mentioned first."""
    related: tuple[Related, ...]


def link(articles: Sequence[Article], glossary: Glossary) -> list[Links]:
    """Per article, its links, its terms and its related articles."""
    grouped: list[list[tuple[str, Sequence[Hit]]]] = [[] for _ in articles]
    for block, hits in zip(glossary.blocks, glossary.hits):
        grouped[block.article].append((block.section, hits))
    unlinked = unlinked_terms(glossary)
    firsts = [_first_mentions(paragraphs, unlinked) for paragraphs in grouped]
    related = _Related([counts for _, counts in firsts], [a.source for a in articles])
    return [Links(hits, _most_mentioned(counts), related.of(a)) for a, (hits, counts) in enumerate(firsts)]


def unlinked_terms(glossary: Glossary) -> frozenset[int]:
    """The terms whose mentions are not links (`Term.link` False)."""
    return frozenset(i for i, term in enumerate(glossary.terms) if not term.link)


def relink(index: int, paragraphs: Sequence[tuple[str, Sequence[Hit]]], links: Sequence[Links],
           articles: Sequence[Article], unlinked: Collection[int] = frozenset()) -> Links:
    """The links of article `index` from its paragraphs' (section anchor, hits), the other articles' terms
    taken from `links`: for a quick rebuild after one article was edited."""
    hits, counts = _first_mentions(paragraphs, unlinked)
    terms = [dict.fromkeys(other.terms) for other in links]
    terms[index] = counts
    return Links(hits, _most_mentioned(counts), _Related(terms, [a.source for a in articles]).of(index))


def _first_mentions(paragraphs: Sequence[tuple[str, Sequence[Hit]]], unlinked: Collection[int] = frozenset()
                    ) -> tuple[tuple[tuple[Hit, ...], ...], dict]:
    """Per paragraph the hits to link (a term's first in each section, unless it is `unlinked`), and how often
    each term occurs."""
    counts: defaultdict[int, int] = defaultdict(int)
    seen: set[tuple[str, int]] = set()
    out = []
    for section, hits in paragraphs:
        chosen = []
        for hit in hits:
            counts[hit.term] += 1
            if (section, hit.term) not in seen and hit.term not in unlinked:
                seen.add((section, hit.term))
                chosen.append(hit)
        out.append(tuple(chosen))
    return tuple(out), counts


def _most_mentioned(counts: dict[int, int]) -> tuple[int, ...]:
    return tuple(sorted(counts, key=lambda t: (-counts[t], t)))


class _Related:
    """Related articles by shared terms, each weighing its inverse document frequency."""

    def __init__(self, terms: Sequence[Collection[int]], sources: Sequence[str]) -> None:
        total = len(terms)
        self.terms, self.sources = terms, sources
        self.postings: defaultdict[int, list[int]] = defaultdict(list)
        for a, mine in enumerate(terms):
            for term in mine:
                self.postings[term].append(a)
        self.weight = {
            t: math.log(total / len(p)) for t, p in self.postings.items() if 1 < len(p) <= min(total / 2, MAX_POSTING)
        }

    def of(self, a: int) -> tuple[Related, ...]:
        weight, mine = self.weight, self.terms[a]
        scores: defaultdict[int, float] = defaultdict(float)
        for term in mine:
            if term in weight:
                for b in self.postings[term]:
                    scores[b] += weight[term]
        scores.pop(a, None)
        ranked = heapq.nsmallest(RELATED_ARTICLES, [(-v, self.sources[b], b) for b, v in scores.items()])
        out = []
        for _, _, b in ranked:
            shared = sorted((t for t in mine if t in weight and t in self.terms[b]), key=lambda t: (-weight[t], t))
            out.append(Related(b, scores[b], tuple(shared)))
        return tuple(out)
