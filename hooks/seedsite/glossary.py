"""Glossary: all articles + the curated file → the site's `Glossary`, built once per build.

1. `extract` finds the terms the text gives evidence for (its docstring says the rule); the curated file
   hides, adds, renames and joins them.
2. One multi-pattern pass (`match`) over every paragraph finds every mention of every term.
3. Each term gets a definition, marked with its origin: `curated`; `stated`, a sentence of the text that
   defines it (its first use, when that reads "X is a …" or "X, the …, …"; or "It means …" right after a
   sentence that names it); otherwise
   `first-use`, the first sentence that uses it.
4. Related terms: the terms mentioned in the most sections together with it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from . import curated as curated_file
from .extract import Candidate, extract, variants_of
from .match import Hit, Matcher
from .model import Article, Mention, Problem, Term
from .text import sentence_spans, slugify, unique

RELATED_TERMS = 5
"""Related terms shown per entry."""
PAGE_IDS = frozenset({"glossary"})
"""Ids of the glossary page's own elements, which no term's anchor takes: its h1's (`render.GLOSSARY_ID`; render
comes after this stage, so it is not imported here, and a test checks the two agree). The letter headings' ids
yield to the terms' instead (`render.glossary_page`), so that a term's anchor never depends on which letters the
page has."""

_DEFINING_VERB = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:(?:is|are|was|were)\s+(?:a|an|the|one)\s|(?:refers to|means|denotes)\s)"
)
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the)\s+[^,]{3,80},")
_EXPLAINS_PREVIOUS = re.compile(r"^(?:It|This|That)\s+(?:means|refers to|denotes|is defined as)\s+(?!that\b)")
_EXPLAINS_ANYWHERE = re.compile(r"(?:It|This|That)\s+(?:means|refers to|denotes|is defined as)\s")


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


def build(articles: Sequence[Article], curated_data: bytes | None = None, label: str = "seeds") -> Glossary:
    """The glossary of `articles`, corrected by the curated file's bytes (if any)."""
    path = f"{label}/{curated_file.GLOSSARY_NAME}"
    entries, problems = curated_file.load(curated_data, path)
    terms, curated_names, more = _apply_curated(extract(articles), entries, path)
    problems.extend(more)
    terms.sort(key=lambda t: (t.name.casefold(), t.name))
    blocks = blocks_of(articles)
    paragraphs = [articles[b.article].paragraphs[b.paragraph] for b in blocks]
    find = matcher(terms).find
    hits = [find(text) for text in paragraphs]
    mentioned = {hit.term for found in hits for hit in found}
    for i, term in enumerate(terms):
        if term.name in curated_names and i not in mentioned:
            problems.append(Problem(path, f"entry {term.name!r} is mentioned in no article"))
    if len(mentioned) < len(terms):  # an extracted term never mentioned (e.g. only in a heading) goes; it won
        kept = [i for i, t in enumerate(terms) if i in mentioned or t.name in curated_names]  # no match, so
        new_index = {old: new for new, old in enumerate(kept)}  # the other matches stand as they are
        terms = [terms[i] for i in kept]
        hits = [[Hit(h.start, h.end, new_index[h.term]) for h in found] for found in hits]
    mentions, explained = _mentions(terms, articles, blocks, paragraphs, hits)
    final = [_define(replace(t, mentions=tuple(mentions[i])), explained.get(i)) for i, t in enumerate(terms)]
    return Glossary(
        tuple(_with_anchors(final)),
        tuple(_related(len(final), blocks, hits)),
        tuple(blocks),
        tuple(tuple(h) for h in hits),
        tuple(problems),
    )


def _apply_curated(
    candidates: list[Candidate], entries: list[curated_file.Entry], path: str
) -> tuple[list[Term], dict[str, curated_file.Entry], list[Problem]]:
    """Candidates → terms, with the curated entries hiding, adding, renaming and joining."""
    problems: list[Problem] = []
    by_form: dict[str, int] = {}
    for i, c in enumerate(candidates):
        for form in c.variants:
            by_form.setdefault(form.casefold(), i)
    taken: set[int] = set()
    hidden: set[int] = set()
    curated_terms: list[Term] = []
    names: dict[str, curated_file.Entry] = {}
    for entry in entries:
        found = [by_form[f.casefold()] for f in (entry.name, *entry.aliases) if f.casefold() in by_form]
        if entry.hide:
            if not found:
                problems.append(Problem(path, f"entry {entry.name!r} hides a term that was not found"))
            hidden.update(found)
            continue
        joined = [candidates[i] for i in dict.fromkeys(found) if i not in taken]
        taken.update(found)
        forms = [entry.name, *entry.aliases] + [v for c in joined for v in variants_of(c)]
        kind = joined[0].kind if joined else ("acronym" if entry.name.isupper() else "phrase")
        curated_terms.append(
            Term(
                name=entry.name,
                anchor="",
                variants=tuple(dict.fromkeys(forms)),
                aliases=tuple(dict.fromkeys([*entry.aliases, *(c.name for c in joined if c.name != entry.name)])),
                definition=entry.definition,
                origin="curated" if entry.definition else "first-use",
                kind=kind,
                case_sensitive=kind == "acronym",
            )
        )
        names[entry.name] = entry
    terms = [_term(c) for i, c in enumerate(candidates) if i not in taken and i not in hidden]
    return terms + curated_terms, names, problems


def _term(c: Candidate) -> Term:
    aliases = tuple(v for v in c.variants[1:] if " " not in v and v[:1].isupper())  # a surname or acronym
    return Term(
        name=c.name,
        anchor="",
        variants=variants_of(c),
        aliases=aliases,
        kind=c.kind,
        case_sensitive=c.kind in ("acronym", "name"),
    )


def matcher(terms: Sequence[Term]) -> Matcher:
    """Finds mentions of these terms (`Hit.term` indexes `terms`)."""
    return Matcher((i, v, t.case_sensitive) for i, t in enumerate(terms) for v in t.variants)


def _mentions(terms, articles, blocks, paragraphs, hits) -> tuple[list[list[Mention]], dict[int, Mention]]:
    """Per term, its mentions in reading order; and per term, the first sentence like "It means …" that follows
    a sentence mentioning it."""
    out: list[list[Mention]] = [[] for _ in terms]
    explained: dict[int, Mention] = {}
    for block, text, found in zip(blocks, paragraphs, hits):
        if not found:
            continue
        source = articles[block.article].source
        for hit in found:
            out[hit.term].append(Mention(source, block.anchor, text, hit.start, hit.end))
        if not _EXPLAINS_ANYWHERE.search(text):
            continue
        spans = list(sentence_spans(text)) or [(0, len(text))]
        starts = [s for s, _ in spans]
        for hit in found:
            k = max(0, bisect.bisect_right(starts, hit.start) - 1)
            if k + 1 < len(spans) and hit.term not in explained:
                ns, ne = spans[k + 1]
                if _EXPLAINS_PREVIOUS.match(text[ns:ne]):
                    explained[hit.term] = Mention(source, block.anchor, text, ns, ns)
    return out, explained


def _define(term: Term, explained: Mention | None) -> Term:
    """The term with a definition: curated, stated in the text, or its first use."""
    if term.origin == "curated":
        return replace(term, source=term.mentions[0] if term.mentions else None)
    if term.mentions:  # the first use may define it: "X is a …", "X (1879–1955) was a …", "X, the …,"
        first = term.mentions[0]
        after = first.sentence[first.end :]
        before = first.sentence[: first.start].strip()
        if before in ("", "The", "A", "An") and (_DEFINING_VERB.match(after) or _APPOSITIVE.match(after)):
            return replace(term, definition=first.sentence, origin="stated", source=first)
    if explained:
        return replace(term, definition=explained.sentence, origin="stated", source=explained)
    if term.mentions:
        return replace(term, definition=term.mentions[0].sentence, origin="first-use", source=term.mentions[0])
    return term


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
