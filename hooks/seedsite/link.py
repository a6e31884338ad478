"""Link: articles + glossary → where term mentions become links, and which articles are related.

- A term links at its first mention in each section (the intro counts as one), never in a heading, unless it
  is too common to link (`Term.link`); the mentions themselves come from the glossary's single matching pass
  (longest match wins, acronyms match only in their own case, lone surnames resolved in their article).
- Related articles say the same things: `related` weighs each article's words and terms and compares them.
  Per article `Links` keeps what that needs (`bag`), so that `relink` can redo one article's list after an edit.
- Per term, the articles most about it: `related.most_about([links.about for links in ...], sources, terms)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from . import related as related_stage
from .glossary import Glossary
from .match import Hit
from .model import Article
from .related import Related


@dataclass(frozen=True)
class Links:
    """Everything the renderer needs to weave one article into the site."""

    hits: tuple[tuple[Hit, ...], ...]
    """Per paragraph (reading order), the mentions to link."""
    terms: tuple[int, ...]
    """Every term the article mentions, most mentioned first."""
    related: tuple[Related, ...]
    """Up to `related.RELATED_ARTICLES` other articles worth reading next, best first."""
    duplicates: tuple[int, ...]
    """Articles with nearly the same text (`related.NEAR_DUPLICATE`): never among `related`."""
    bag: related_stage.Bag
    """The article's words and term counts: what `relink` needs of the other articles."""
    about: Mapping[int, float]
    """Term → how much the article is about it (`related.Index.about`): `related.most_about` ranks the articles
    per term from these."""


def link(articles: Sequence[Article], glossary: Glossary,
         words: Callable[[], Sequence[related_stage.Bag]] | None = None) -> list[Links]:
    """Per article, its links, its terms and its related articles; `words`: a function returning the articles'
    `word_bags` (they need no glossary: another process may be making them), called once the rest is known."""
    grouped: list[list[tuple[str, Sequence[Hit]]]] = [[] for _ in articles]
    named: list[set[str]] = [set() for _ in articles]  # per article, what its term mentions say
    for block, hits in zip(glossary.blocks, glossary.hits):
        grouped[block.article].append((block.section, hits))
        if hits:
            text = articles[block.article].paragraphs[block.paragraph]
            named[block.article].update(text[h.start : h.end] for h in hits)
    unlinked = unlinked_terms(glossary)
    firsts = [_first_mentions(paragraphs, unlinked) for paragraphs in grouped]
    made = words() if words is not None else word_bags(articles)
    bags = [related_stage.as_terms(mine, said, counts) for mine, said, (_, counts) in zip(made, named, firsts)]
    index = related_stage.Index(bags, [a.source for a in articles])
    return [_links(index, a, hits, counts) for a, (hits, counts) in enumerate(firsts)]


def word_bags(articles: Sequence[Article]) -> list[related_stage.Bag]:
    """Per article, the bag of its words, without terms."""
    return [related_stage.bag(_texts(a), {}) for a in articles]


def unlinked_terms(glossary: Glossary) -> frozenset[int]:
    """The terms whose mentions are not links (`Term.link` False)."""
    return frozenset(i for i, term in enumerate(glossary.terms) if not term.link)


def relink(index: int, paragraphs: Sequence[tuple[str, Sequence[Hit]]], links: Sequence[Links],
           articles: Sequence[Article], unlinked: Collection[int] = frozenset()) -> Links:
    """The links of article `index` from its paragraphs' (section anchor, hits), the other articles' words and
    terms taken from `links`: for a quick rebuild after one article was edited."""
    hits, counts = _first_mentions(paragraphs, unlinked)
    bags = [other.bag for other in links]
    said = {text[h.start : h.end] for text, (_, found) in zip(articles[index].paragraphs, paragraphs) for h in found}
    bags[index] = related_stage.as_terms(related_stage.bag(_texts(articles[index]), {}), said, counts)
    return _links(related_stage.Index(bags, [a.source for a in articles], one=True), index, hits, counts)


def _links(index: related_stage.Index, a: int, hits: tuple[tuple[Hit, ...], ...], counts: dict) -> Links:
    related, duplicates = index.of(a)
    return Links(hits, _most_mentioned(counts), related, duplicates, index.bags[a], index.about[a])


def _texts(article: Article) -> list[str]:
    """What an article says: its title, headings and paragraphs."""
    return [article.title, *(section.heading for section in article.sections), *article.paragraphs]


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
