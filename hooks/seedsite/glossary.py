"""Glossary: all articles + the curated file → the site's `Glossary`, built once per build, as a row of steps,
each a module with its own rules:

1. `candidates`: what the text gives evidence for as a term;
2. `resolve`: one entity per thing named (acronyms, demonyms, short forms, junk, the curated file);
3. `mentions`: every mention, in one multi-pattern pass, a lone surname resolved in its own article;
4. `define`: what the text says each term is (curated, stated, a descriptor, an expansion; else nothing);
5. `kinds`: person, place, organisation, event, concept or acronym, on evidence.

Then each term's anchor, whether it links (not when more than a quarter of the articles of a site of
`COMMON_FROM` or more mention it, unless the curated file says `link: true`), and its related terms: those
mentioned in the most sections together with it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from . import curated as curated_file
from .candidates import Words, candidates
from .define import define, explanations
from .kinds import kind
from .match import Hit
from .mentions import Finder
from .model import Article, Mention, Problem, ShortForm, Term
from .resolve import Entity, resolve
from .text import slugify, unique

RELATED_TERMS = 5
"""Related terms shown per entry."""
PAGE_IDS = frozenset({"glossary", "index"})
"""Ids and slugs no term's anchor takes: the glossary index's page (`glossary/index.md`) and its h1's id
(`render.GLOSSARY_ID`; render
comes after this stage, so it is not imported here, and a test checks the two agree). The letter headings' ids
yield to the terms' instead (`render.glossary_page`), so that a term's anchor never depends on which letters the
page has."""

COMMON_SHARE = 0.25
"""A term mentioned in more than this share of the articles is listed, not linked (on a site of `COMMON_FROM`
articles or more): "US", "UK" and "British" in a news archive."""
COMMON_FROM = 40


@dataclass(frozen=True)
class Block:
    """Where a paragraph sits: its article, its index in reading order, the anchors it can be linked by."""

    article: int
    """Index into the articles."""
    paragraph: int
    """Index into `Article.paragraphs`."""
    section: str
    """The anchor of the section holding it; `""` in the intro."""
    anchor: str
    """Where a link to it points: the section's anchor, or in the intro the paragraph's own id (`p1`)."""


@dataclass(frozen=True)
class Glossary:
    """The site's terms and where each is mentioned."""

    terms: tuple[Term, ...]
    """Sorted by name, case-insensitively."""
    related: tuple[tuple[int, ...], ...]
    """Per term, the indices of its related terms, most related first."""
    blocks: tuple[Block, ...]
    """Every paragraph of the corpus, in article and reading order."""
    hits: tuple[tuple[Hit, ...], ...]
    """Per block, the term mentions in it (`Hit.term` indexes `terms`)."""
    problems: tuple[Problem, ...] = ()
    short_forms: tuple[ShortForm, ...] = ()
    """Lone words resolved per article (their `owners` and `default` index `terms`)."""

    def finder(self) -> Finder:
        """Finds these terms' mentions in an article (for a quick rebuild of edited articles)."""
        return Finder(self.terms, self.short_forms)


def blocks_of(articles: Sequence[Article]) -> list[Block]:
    """Every paragraph with its section and the anchor a link to it uses."""
    out: list[Block] = []
    for a, article in enumerate(articles):
        number = 0
        for _ in article.intro:
            number += 1
            out.append(Block(a, number - 1, "", f"p{number}"))
        for section in article.sections:
            for _ in section.paragraphs:
                number += 1
                out.append(Block(a, number - 1, section.anchor, section.anchor))
    return out


def build(articles: Sequence[Article], curated_data: bytes | None = None, label: str = "seeds",
          words: Callable[[], Words] | None = None) -> Glossary:
    """The glossary of `articles`, corrected by the curated file's bytes (if any); `words`: see `candidates`."""
    path = f"{label}/{curated_file.GLOSSARY_NAME}"
    entries, problems = curated_file.load(curated_data, path)
    resolved = resolve(candidates(articles, words), entries, path)
    problems.extend(resolved.problems)
    order = sorted(range(len(resolved.entities)), key=lambda i: (resolved.entities[i].name.casefold(),
                                                                 resolved.entities[i].name))
    entities = [resolved.entities[i] for i in order]
    terms = [_term(e) for e in entities]
    short_forms = _renumbered(resolved.short_forms, {old: new for new, old in enumerate(order)})
    blocks = blocks_of(articles)
    paragraphs = [articles[b.article].paragraphs[b.paragraph] for b in blocks]
    hits = _find(Finder(terms, short_forms), articles)
    mentioned = {hit.term for found in hits for hit in found}
    for i, entity in enumerate(entities):
        if entity.curated is not None and i not in mentioned:
            problems.append(Problem(path, f"entry {entity.name!r} is mentioned in no article"))
    if len(mentioned) < len(terms):  # a term never mentioned (e.g. only in a heading) goes, but a curated one
        kept = [i for i, e in enumerate(entities) if i in mentioned or e.curated is not None]
        new_index = {old: new for new, old in enumerate(kept)}
        entities, terms = [entities[i] for i in kept], [terms[i] for i in kept]
        hits = [[Hit(h.start, h.end, new_index[h.term]) for h in found] for found in hits]
        short_forms = _renumbered(short_forms, new_index)
    sources = [(articles[b.article].source, b.anchor) for b in blocks]
    mentions = _mentions(len(terms), paragraphs, hits, sources)
    explained = explanations(paragraphs, hits, sources)
    spread = [len({m.article for m in found}) for found in mentions]
    final = []
    for i, (term, entity) in enumerate(zip(terms, entities)):
        term = define(replace(term, mentions=tuple(mentions[i])), entity, explained.get(i))
        final.append(replace(term, kind=kind(term, entity), link=_links(entity, spread[i], len(articles))))
    return Glossary(
        tuple(_with_anchors(final)),
        tuple(_related(len(final), blocks, hits)),
        tuple(blocks),
        tuple(tuple(h) for h in hits),
        tuple(problems),
        tuple(short_forms),
    )


def _term(entity: Entity) -> Term:
    """The entity as a term, before its mentions, definition and kind are known."""
    case_sensitive = entity.shape in ("acronym", "name") and (entity.curated is None or entity.evidence is not None)
    aliases = entity.aliases + tuple(f for f in entity.short_forms if f not in entity.aliases)
    return Term(entity.name, "", entity.variants, aliases, case_sensitive=case_sensitive)


def _renumbered(short_forms: Sequence[ShortForm], new_index: dict[int, int]) -> list[ShortForm]:
    """The short forms with their terms renumbered (a term not in `new_index` is gone)."""
    out = []
    for sf in short_forms:
        owners = tuple(new_index[o] for o in sf.owners if o in new_index)
        default = new_index.get(sf.default) if sf.default is not None else None
        if owners or default is not None:
            out.append(ShortForm(sf.form, owners, default))
    return out


def _find(finder: Finder, articles: Sequence[Article]) -> list[list[Hit]]:
    """Per paragraph of the corpus (article and reading order), its resolved mentions."""
    out: list[list[Hit]] = []
    for article in articles:
        out.extend(finder.article(article.paragraphs, article.title))
    return out


def _links(entity: Entity, spread: int, article_count: int) -> bool:
    """Whether the term's mentions become links: the curated file's say, else not when it is too common."""
    if entity.curated is not None and entity.curated.link is not None:
        return entity.curated.link
    return article_count < COMMON_FROM or spread <= COMMON_SHARE * article_count


def _mentions(count: int, paragraphs, hits, sources) -> list[list[Mention]]:
    """Per term, its mentions in reading order."""
    out: list[list[Mention]] = [[] for _ in range(count)]
    for text, found, (article, anchor) in zip(paragraphs, hits, sources):
        for hit in found:
            out[hit.term].append(Mention(article, anchor, text, hit.start, hit.end))
    return out


def _with_anchors(terms: Sequence[Term], reserved: frozenset[str] = PAGE_IDS) -> list[Term]:
    """Anchors from the names alone (in name order, so a duplicate slug is numbered the same every build), never
    one of `reserved` (a term "Glossary" gets `glossary-2`)."""
    taken = set(reserved)
    return [replace(t, anchor=unique(slugify(t.name), taken, "term")) for t in terms]


def _related(count: int, blocks, hits) -> list[tuple[int, ...]]:
    """Per term, the terms that share the most sections with it."""
    sections: defaultdict[tuple[int, str], set[int]] = defaultdict(set)
    for block, found in zip(blocks, hits):
        sections[(block.article, block.section)].update(h.term for h in found)
    pairs: Counter[tuple[int, int]] = Counter()
    for members in sections.values():
        pairs.update(combinations(sorted(members), 2))
    ranked: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for (a, b), n in pairs.items():
        ranked[a].append((-n, b))
        ranked[b].append((-n, a))
    return [tuple(t for _, t in sorted(r)[:RELATED_TERMS]) for r in ranked]
