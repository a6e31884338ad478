"""Link: articles + glossary → where term mentions become links, and which articles are related.

- A term links at its first mention in each section (the intro counts as one), never in a heading; the
  mentions themselves come from the glossary's single matching pass (longest match wins, acronyms match only in
  their own case).
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
from collections.abc import Sequence
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
    per_article: list[list[tuple[Hit, ...]]] = [[] for _ in articles]
    counts: list[dict[int, int]] = [defaultdict(int) for _ in articles]
    seen: set[tuple[int, str, int]] = set()
    for block, hits in zip(glossary.blocks, glossary.hits):
        chosen = []
        for hit in hits:
            counts[block.article][hit.term] += 1
            key = (block.article, block.section, hit.term)
            if key not in seen:
                seen.add(key)
                chosen.append(hit)
        per_article[block.article].append(tuple(chosen))
    related = _related(counts, articles)
    return [
        Links(tuple(per_article[a]), tuple(sorted(counts[a], key=lambda t: (-counts[a][t], t))), related[a])
        for a in range(len(articles))
    ]


def _related(counts: Sequence[dict[int, int]], articles: Sequence[Article]) -> list[tuple[Related, ...]]:
    total = len(counts)
    postings: defaultdict[int, list[int]] = defaultdict(list)
    for a, terms in enumerate(counts):
        for term in terms:
            postings[term].append(a)
    weight = {t: math.log(total / len(p)) for t, p in postings.items() if 1 < len(p) <= min(total / 2, MAX_POSTING)}
    sources = [article.source for article in articles]
    out = []
    for a, terms in enumerate(counts):
        scores: defaultdict[int, float] = defaultdict(float)
        for term in terms:
            if term in weight:
                for b in postings[term]:
                    scores[b] += weight[term]
        scores.pop(a, None)
        ranked = heapq.nsmallest(RELATED_ARTICLES, [(-v, sources[b], b) for b, v in scores.items()])
        related = []
        for _, _, b in ranked:
            shared = sorted((t for t in terms if t in weight and t in counts[b]), key=lambda t: (-weight[t], t))
            related.append(Related(b, scores[b], tuple(shared)))
        out.append(tuple(related))
    return out
