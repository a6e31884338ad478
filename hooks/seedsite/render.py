"""Render: the model → page text. Seed text always shows as exactly itself, never as markup.

An article page is two parts. Its skeleton is Markdown: front matter, the title and the headings, with explicit
ids, so MkDocs builds the table of contents and Material the permalinks. Its body is HTML written here: each run
of paragraphs between two headings (and each footer list) is one block, and the Markdown holds a placeholder
paragraph where it goes; the hook puts the blocks back into the page's HTML (`fill`). Seed text is plain text,
so Markdown would only parse it to find nothing: writing it as escaped HTML is exact, and spares Python-Markdown
the bulk of every page, its links above all.

Each block of seed text (a paragraph, an article's title and headings, a glossary term, its definition and each
quoted mention) has `dir="auto"`, so that a right-to-left one (Arabic, Hebrew) reads right to left: the browser
takes each block's direction from its first strong character.

Markdown text (titles, headings, the glossary, home and section pages) is escaped by turning every character
that Markdown, its extensions or HTML could read as syntax into a numeric character reference (`*` → `&#42;`).
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import language as languages
from .labels import for_language
from .model import KINDS, Article, Mention, Term
from .text import first, quote_around, sentence_spans, slugify, unique

GLOSSARY_TITLE = "Glossary"
"""The glossary page's title (a label: `labels.Labels._` translates it)."""
GLOSSARY_ID = "glossary"
"""The id of the glossary page's h1, which no term's anchor takes (`glossary.PAGE_IDS`)."""
HOME_TITLE = "Home"
"""The home page's title in the nav (a label)."""
SUMMARY_LIMIT = 300
"""Longest summary (meta description, article lists), in characters."""
_PLACEHOLDER_OPEN, _PLACEHOLDER_CLOSE = "\ue000", "\ue001"
"""Private-use characters around a block's number in the Markdown; seed text never holds them unescaped."""
_ALWAYS = set("\\`*_[]{}<>&#" + _PLACEHOLDER_OPEN + _PLACEHOLDER_CLOSE)
"""Characters read as syntax anywhere in a line: escapes, code, emphasis, links, attribute lists, HTML,
entities, a heading's closing hashes, and the block placeholders. (Every character reference is one more step
for Python-Markdown's inline processor, so common prose characters are left alone where nothing reads them.)"""
_REFERENCES = {ord(ch): f"&#{ord(ch)};" for ch in _ALWAYS}
_STARTERS = frozenset("-+=|~:.)0123456789")
_LINE_START = re.compile(r"^(\s*)(\d*)([-+=|~:.)])")
"""A list item, rule, setext underline, table row, fence or definition at the start of a block."""
_LINK_TAG = re.compile(r'(<a class="headerlink"[^>]*>[^<]*</a>)|<a\b[^>]*>|</a>')
_SPECIAL = re.compile("[&<>]")
_ID = re.compile(r'<[a-z][^>]* id="([^"]+)"')
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
"""A language code that may stand unquoted in an attribute list (`ru`, `pt-BR`)."""
_FILLED = re.compile(f"(?:<p>)?{_PLACEHOLDER_OPEN}(\\d+){_PLACEHOLDER_CLOSE}(?:</p>)?")


@dataclass(frozen=True)
class Link:
    """A stretch of a paragraph that links somewhere (a term mention)."""

    start: int
    end: int
    href: str
    """The URL, relative to the page (`../../glossary/#union-state`)."""
    title: str = ""
    """Tooltip text."""
    css: str = "glossary-term"
    """The link's class."""


@dataclass(frozen=True)
class Rendered:
    """A page as Markdown, with HTML blocks to put in place of its placeholders once it is converted."""

    markdown: str
    blocks: tuple[str, ...] = ()


def escape(text: str) -> str:
    """Seed text → Markdown that renders as exactly that text."""
    out = text.translate(_REFERENCES)
    if out.lstrip()[:1] not in _STARTERS:
        return out
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}&#{ord(m.group(3))};", out, count=1)


def paragraph(text: str, anchor: str, links: Sequence[Link] = (), lang: str = "") -> str:
    """One paragraph as HTML with an id, `dir="auto"` and the `lang` of its text if given; `links` (sorted,
    non-overlapping) become links."""
    escaped = _text if _SPECIAL.search(text) else str  # most paragraphs hold nothing to escape
    parts: list[str] = []
    pos = 0
    for link in links:
        parts.append(escaped(text[pos : link.start]))
        title = f' title="{_tooltip_attribute(link.title)}"' if link.title else ""
        css = f' class="{link.css}"' if link.css else ""
        parts.append(f'<a{css} href="{_attribute(link.href)}"{title}>{escaped(text[link.start : link.end])}</a>')
        pos = link.end
    parts.append(escaped(text[pos:]))
    language = f' lang="{_attribute(lang)}"' if lang else ""
    return f'<p id="{anchor}" dir="auto"{language}>{"".join(parts)}</p>'


@functools.lru_cache(maxsize=4096)
def _tooltip_attribute(tooltip: str) -> str:
    """Material's tooltips show a title as HTML, so the title holds HTML: the text, HTML-escaped."""
    return _attribute(_text(tooltip))


def fill(page_html: str, blocks: Sequence[str]) -> tuple[str, int]:
    """Converted page HTML with each placeholder paragraph replaced by its block; and how many were filled
    (fewer than `blocks` means a Markdown extension mangled a placeholder)."""
    filled = 0

    def block(match: re.Match) -> str:
        nonlocal filled
        number = int(match.group(1))
        if number >= len(blocks):
            return match.group()
        filled += 1
        return blocks[number]

    return _FILLED.sub(block, page_html), filled


def unlinked(block: str) -> str:
    """The block without its links (their text stays), permalinks kept: what a search index reads of it; for a
    block the index should not hold (a term page's mentions), a comment."""
    if block.startswith(_UNSEARCHED_OPEN):
        return _UNSEARCHED_MARK
    return _LINK_TAG.sub(_keep_permalink, block)


def _keep_permalink(match: re.Match) -> str:
    return match.group(1) or ""


def ids(blocks: Sequence[str]) -> set[str]:
    """The ids of the elements in these blocks."""
    return {found for block in blocks for found in _ID.findall(block)}


def front_matter(**fields: str | dict) -> str:
    """YAML front matter: MkDocs reads `title`, Material `description` and `search` from it. Each value is JSON
    (valid YAML, and far quicker to write than with a YAML emitter), with every character YAML's reader
    would refuse or fold escaped."""
    lines = [f"{key}: {_YAML_UNSAFE.sub(_u_escape, json.dumps(value, ensure_ascii=False))}" for key, value in
             fields.items() if value]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


_YAML_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _u_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def page_url(uri: str, directory_urls: bool = True) -> str:
    """A page's URL relative to the site root, as MkDocs makes it: with directory URLs `articles/x.md` →
    `articles/x/` and `index.md` → ``; without, `articles/x.html` and `index.html`."""
    stem = uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
    """The URL of the page made from `to_uri`, relative to the page made from `from_uri`."""
    here = posixpath.dirname(page_url(from_uri, directory_urls))
    folder, name = posixpath.split(page_url(to_uri, directory_urls))
    return _relative_dir(here, folder) + name or "./"


@functools.lru_cache(maxsize=20_000)  # bounded: a long `mkdocs serve` session makes new articles at each edit
def summary(article: Article) -> str:
    """The article's first sentence, for lists and the meta description (shortened like a tooltip)."""
    text = article.intro[0] if article.intro else first(p for s in article.sections for p in s.paragraphs)
    span = next(sentence_spans(text), (0, 0))
    return tooltip(text[span[0] : span[1]], SUMMARY_LIMIT)


def relative(from_uri: str, to_uri: str) -> str:
    """A link from one source file to another (`articles/x.md` → `../glossary.md`)."""
    return _relative_dir(posixpath.dirname(from_uri), posixpath.dirname(to_uri)) + posixpath.basename(to_uri)


def _relative_dir(from_dir: str, to_dir: str) -> str:
    """The way from one site folder to another ("" for the same one): `posixpath.relpath` for the plain relative
    paths pages have, in a tenth of its time (a build asks for some 20,000 pairs: articles link to term pages)."""
    here, there = from_dir.split("/") if from_dir else [], to_dir.split("/") if to_dir else []
    common = 0
    for mine, theirs in zip(here, there):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    return "/".join(parts) + "/" if parts else ""


def article_page(
    article: Article,
    links: Sequence[Sequence[Link]] = (),
    terms: Sequence[tuple[str, str]] = (),
    related: Sequence[tuple[str, str, str]] = (),
    language: str = "en",
) -> Rendered:
    """One article: `links[i]` are the links inside paragraph i (reading order); `terms` (name, URL) and
    `related` (title, URL, note) are listed after the text, in a last block, which the search index leaves out
    (`unlinked`: lists of names and titles, found in the term pages and the articles themselves). The Markdown
    depends on the article alone (`skeleton`), so that MkDocs can convert it while the glossary is still being
    made."""
    labels = for_language(language)
    blocks: list[str] = []
    number = 0
    for texts in _runs(article):
        blocks.append("\n".join(
            paragraph(text, f"p{n}", links[n - 1] if n <= len(links) else (), article.lang)
            for n, text in enumerate(texts, number + 1)
        ))
        number += len(texts)
    footer = []
    if terms:
        footer.append(_heading(labels._("Terms in this article"), "terms", labels._("Permanent link")))
        footer.append(f'<p class="term-list">{" · ".join(_a(name, url) for name, url in terms)}</p>')
    if related:
        footer.append(_heading(labels._("Related articles"), "related", labels._("Permanent link")))
        notes = [f" — {_text(note)}" if note else "" for _, _, note in related]
        items = "".join(f"<li>{_a(title, url)}{note}</li>" for (title, url, _), note in zip(related, notes))
        footer.append(f"<ul>{items}</ul>")
    blocks.append("\n".join([_UNSEARCHED_OPEN, *footer, "</div>"]) if footer else "")
    return Rendered(skeleton(article), tuple(blocks))


def skeleton(article: Article) -> str:
    """An article page's Markdown: front matter, title, headings, and a placeholder for each run of paragraphs
    and for the footer (the blocks of `article_page`)."""
    title = escape(article.title)
    lang = f" lang={article.lang}" if _LANG_CODE.fullmatch(article.lang) else ""
    attributes = f" {{dir=auto{lang}}}" if title.strip() else ""  # after no text, it would be the heading's text
    markdown = [front_matter(title=article.title, description=summary(article)), f"# {title}{attributes}\n"]
    numbers = itertools.count()
    if article.intro:
        markdown.append(placeholder(next(numbers)))
    for section in article.sections:
        markdown.append(f"{'#' * section.level} {escape(section.heading)} {{#{section.anchor} dir=auto{lang}}}\n")
        if section.paragraphs:
            markdown.append(placeholder(next(numbers)))
    markdown.append(placeholder(next(numbers)))  # the footer
    return "\n".join(markdown)


def _runs(article: Article) -> list[tuple[str, ...]]:
    """The article's runs of paragraphs between headings, those with any paragraph."""
    return [texts for texts in (article.intro, *(s.paragraphs for s in article.sections)) if texts]


def _heading(text: str, anchor: str, permalink: str, level: int = 2, attributes: str = "") -> str:
    """A heading as the toc extension writes one, with its permalink (and `attributes`, ` dir="auto"`)."""
    anchor = _attribute(anchor)
    link = f'<a class="headerlink" href="#{anchor}" title="{_attribute(permalink)}">¶</a>'
    return f'<h{level} id="{anchor}"{attributes}>{_text(text)}{link}</h{level}>'


def placeholder(number: int) -> str:
    """The Markdown paragraph that block `number` replaces (`fill`)."""
    return f"{_PLACEHOLDER_OPEN}{number}{_PLACEHOLDER_CLOSE}\n"


def article_list(items: Sequence[tuple[str, str, str]]) -> str:
    """An HTML list of (title, URL, summary) entries: a block of its page (a Markdown list of a section's hundreds
    of links costs MkDocs a third of a second to convert at 2,000 articles)."""
    lines = [f"<li>{_a(title, url)}{f' — {_text(text)}' if text else ''}</li>" for title, url, text in items]
    return "<ul>\n" + "\n".join(lines) + "\n</ul>"


def tooltip(text: str, limit: int = 120) -> str:
    """`text` shortened at a word boundary to at most `limit` characters (a definition for a tooltip)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def term_list(terms: Sequence[tuple[str, str, int]], words: dict | None = None) -> str:
    """Term links (name, target, articles mentioning it) on one line, separated by middle dots; each link's
    title says the count (in the language of `words`, `glossary_labels`)."""
    words = words or glossary_labels()
    return " · ".join(f'[{escape(name)}]({href} "{counted(words, "count", n)}") ({n})' for name, href, n in terms)


def highlighted(mention: Mention) -> str:
    """The mention's sentence as HTML, with the term marked."""
    s, offset = quote_around(mention.text, mention.at, mention.to)
    start, end = mention.at - offset, mention.to - offset
    if end <= start:
        return _text(s)
    return f"{_text(s[:start])}<mark>{_text(s[start:end])}</mark>{_text(s[end:])}"


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _attribute(value: str) -> str:
    """A double-quoted attribute's value."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def _a(label: str, url: str) -> str:
    return f'<a href="{_attribute(url)}">{_text(label)}</a>'


LABELS = {
    "kinds": {"person": "Person", "place": "Place", "organisation": "Organisation", "event": "Event",
              "concept": "Concept", "acronym": "Acronym", "name": "Name"},
    "origins": {"curated": "Curated definition", "stated": "Stated in the text",
                "descriptor": "Described in the text", "expansion": "Expansion of the acronym"},
    "origin": "Definition",
    "articles": ("mentioned in {n} article", "mentioned in {n} articles"),
    "count": ("{n} article", "{n} articles"),
    "no_terms": "No terms yet.",
    "filter": "Filter terms",
    "all_kinds": "All kinds",
    "no_match": "No term matches.",
    "kind": "Kind",
    "aliases": "Also called",
    "variants": "Forms matched",
    "mentions": "Mentions",
    "related": "Related terms",
    "most_about": "Articles most about it",
    "mentions_in": "{n} in this article",
    "paragraph": "Paragraph {n}",
    "glossary": "All terms",
    "more": "…and {paragraphs} more paragraphs in {articles} articles.",
    "key_terms": "Key terms",
}
"""Every label the glossary pages, the term pages and the tooltips show, in English: their message ids
(`glossary_labels` gives them in the site's language; a pair is a count's singular and plural)."""


@functools.lru_cache(maxsize=None)
def glossary_labels(language: str = "en") -> dict:
    """`LABELS` in the site's `language`, each through its catalog (a pair stays as it is, for `counted`); the
    `Labels` themselves under `"_"`."""
    labels = for_language(language)

    def translated(value):
        if isinstance(value, dict):
            return {key: translated(text) for key, text in value.items()}
        return value if isinstance(value, tuple) else labels._(value)

    return {**{key: translated(value) for key, value in LABELS.items()}, "_": labels}
_UNSEARCHED_OPEN = '<div class="unsearched" data-search-exclude>'
"""How a block that the search index should not hold begins (a term page's mentions, the glossary's lists)."""
_UNSEARCHED_MARK = "<!--unsearched-->"
"""What the search index reads in place of such a block (`unlinked`); the hook puts the block back."""
TERM_PAGE_BYTES = 200_000
"""About the most HTML a term page's mentions take: sentences are quoted until `QUOTE_BYTES` are used, then each
further paragraph is a ¶ link under its article's title, until all of it is."""
QUOTE_BYTES = 60_000
"""About the most HTML of quoted sentences on a term page (a much-mentioned term's page stays quick to load, and
the site's thousand term pages quick to build)."""
INDEX_DEFINITION = 90
"""Longest definition on the glossary index, in characters (shortened like a tooltip)."""
CONTAINED = 0.8
"""A definition with at least this share of its words in a paragraph is not shown as that paragraph's tooltip."""


def kind_of(term: Term) -> str:
    """The term's kind, one of `model.KINDS` (an unknown kind reads as a concept)."""
    return term.kind if term.kind in KINDS else "concept"


def definition_of(term: Term) -> str:
    """The term's definition: `""` when it has none (a first-use sentence is context, not a definition)."""
    return term.definition if term.origin and term.origin != "first-use" else ""


def counted(words: dict, label: str, n: int) -> str:
    """One of `LABELS`' (singular, plural) pairs, for `n`, in the language of `words` (`glossary_labels`)."""
    one, many = LABELS[label]
    return words["_"].ngettext(one, many, n).format(n=n)


def fallback_tip(term: Term, articles: int, words: dict | None = None) -> str:
    """A tooltip that says what kind of thing the term is and how widely it is mentioned."""
    words = words or glossary_labels()
    return f"{words['kinds'][kind_of(term)]} · {counted(words, 'articles', articles)}"


def term_tip(definition: str, fallback: str, paragraph_text: str) -> str:
    """A term link's tooltip: the definition, shortened, unless the paragraph holding the link says it already
    (all of it, or `CONTAINED` of its words); else `fallback`."""
    if not definition:
        return fallback
    folded, present = _words(paragraph_text)
    if " ".join(definition.split()).casefold() in folded:
        return fallback
    words = _WORD.findall(definition.casefold())
    if len(words) >= 4 and sum(word in present for word in words) >= CONTAINED * len(words):
        return fallback
    return tooltip(definition)


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=64)  # a paragraph's links are made one after another
def _words(text: str) -> tuple[str, frozenset[str]]:
    """The text case-folded with its spaces squashed, and its words."""
    folded = " ".join(text.split()).casefold()
    return folded, frozenset(_WORD.findall(folded))


@dataclass(frozen=True)
class Quoted:
    """A paragraph that mentions a term, as its term page links and quotes it."""

    number: int
    """The paragraph's number in its article (its id is `p<number>`)."""
    mentions: tuple[Mention, ...]
    """The term's mentions in it, in order."""
    quote: str = ""
    """The sentences holding them as HTML (`quote`), if made already; else `term_page` makes it."""


def quote(mentions: Sequence[Mention]) -> str:
    """The sentences holding these mentions (of one paragraph) as HTML, each term marked (`highlighted`)."""
    return " … ".join(highlighted(m) for m in mentions)


@dataclass(frozen=True)
class TermEntry:
    """A term as its page and the glossary index show it. Links are relative to the term's page."""

    term: Term
    uri: str
    """The term page's source path (`glossary/union-state.md`)."""
    articles: tuple[tuple[str, str, tuple[Quoted, ...]], ...]
    """(article title, URL, paragraphs): every article mentioning the term, in site order."""
    source: tuple[str, str] | None = None
    """(article title, URL of the paragraph) where the definition was found."""
    related: tuple[tuple[str, str], ...] = ()
    """(name, URL) of related terms."""
    most_about: tuple[tuple[str, str, int], ...] = ()
    """(title, URL, mentions) of the articles most about the term."""


def term_markdown(term: Term, articles: int, words: dict) -> str:
    """A term page's Markdown (`term_page`): front matter, the term's name, and placeholders for its two blocks.
    It needs only the term and how many articles mention it, so it is known as soon as the glossary is; `words`:
    `glossary_labels`."""
    definition = definition_of(term)
    description = tooltip(definition, SUMMARY_LIMIT) if definition else fallback_tip(term, articles, words)
    return "\n".join([
        front_matter(title=term.name, description=description, search={"boost": 2}),
        f"# {escape(term.name)} {{#term dir=auto}}\n",
        placeholder(0),
        placeholder(1),
    ])


def term_page(entry: TermEntry, index_url: str, language: str = "en") -> Rendered:
    """A term's page: its name, its definition and where that comes from, its kind, other names (`term_about`);
    then related terms, the articles most about it, and every mention grouped by article, each with a ¶ link to
    its paragraph. The first block is what the search index reads (the page's title and definition); the rest is
    left out of it (`unlinked`)."""
    words = glossary_labels(language)
    permalink = words["_"]._("Permanent link")
    count = len(entry.articles)
    markdown = term_markdown(entry.term, count, words)
    about = term_about(entry.term, count, entry.source, words)
    rest = [_UNSEARCHED_OPEN, f'<p class="term-back">{_a(words["glossary"], index_url)}</p>']
    if entry.related:
        rest.append(_heading(words["related"], "related", permalink, 2))
        rest.append(f'<p class="term-list">{" · ".join(_a(name, url) for name, url in entry.related)}</p>')
    if entry.most_about:
        rest.append(_heading(words["most_about"], "most-about", permalink, 2))
        items = "".join(f"<li>{_a(title, url)} ({n})</li>" for title, url, n in entry.most_about)
        rest.append(f"<ul>{items}</ul>")
    if entry.articles:
        rest.append(_heading(f"{words['mentions']} ({sum(len(q) for _, _, q in entry.articles)})", "mentions", permalink, 2))
        rest.append(_mentions(entry.articles, words))
    rest.append("</div>")
    return Rendered(markdown, (about, "\n".join(rest)))


def article_search_view(article: Article) -> list[str]:
    """What the search index reads of an article's page (`unlinked`), known from the article alone: its blocks
    rendered without links, and the mark of a block it does not hold for the footer (`article_page`)."""
    return [*article_page(article).blocks[:-1], _UNSEARCHED_MARK]


def term_search_view(term: Term, count: int, source: tuple[str, str] | None, words: dict) -> list[str]:
    """What the search index reads of a term's page (`unlinked`), known once the glossary is: its first block
    (`term_about`) without links, and the mark of a block it does not hold for the rest (`term_page`)."""
    return [unlinked(term_about(term, count, source, words)), _UNSEARCHED_MARK]


def term_about(term: Term, count: int, source: tuple[str, str] | None, words: dict) -> str:
    """A term page's first block: its definition, kind and the number of articles mentioning it (`count`), where
    the definition comes from (`source`: the article's title and the paragraph's URL), other names. It is known
    once the glossary is (`words`: `glossary_labels`)."""
    definition = definition_of(term)
    about = [f'<p class="term-definition" dir="auto">{_text(definition)}</p>'] if definition else []
    kind = words["kinds"][kind_of(term)]
    meta = [f"{_text(kind)} · {_text(counted(words, 'articles', count))}"]
    if definition:
        origin = _text(words["origins"].get(term.origin, words["origin"]))
        meta.append(origin + (f" — {_a(*source)}" if source else ""))
    if term.aliases:
        meta.append(f"{words['aliases']}: <span dir=\"auto\">{_text(', '.join(term.aliases))}</span>")
    forms = [v for v in term.variants if v != term.name and v not in term.aliases]
    if forms:
        meta.append(f"{words['variants']}: <span dir=\"auto\">{_text(', '.join(forms))}</span>")
    about.extend(f'<p class="term-meta">{line}</p>' for line in meta)
    return "\n".join(about)


def _mentions(articles: Sequence[tuple[str, str, Sequence[Quoted]]], words: dict) -> str:
    """Every paragraph that mentions the term, by article: quoted up to `QUOTE_BYTES`, then as ¶ links, until
    `TERM_PAGE_BYTES`; the paragraphs past that are counted."""
    out: list[str] = []
    size = 0
    for n, (title, url, paragraphs) in enumerate(articles):
        if size > TERM_PAGE_BYTES:
            rest = articles[n:]
            more = words["more"].format(paragraphs=sum(len(q) for _, _, q in rest), articles=len(rest))
            out.append(f"<p>{_text(more)}</p>")
            break
        article = f'<p class="term-article" dir="auto">{_a(title, url)}'
        if size < QUOTE_BYTES:
            items = "".join(
                f'<li dir="auto">{quoted.quote or quote(quoted.mentions)} {_pilcrow(url, quoted.number, words)}'
                "</li>" for quoted in paragraphs
            )
            block = f"{article}</p><ul>{items}</ul>"
        else:
            block = f'{article}: {" ".join(_pilcrow(url, q.number, words) for q in paragraphs)}</p>'
        out.append(block)
        size += len(block)
    return "\n".join(out)


def _pilcrow(url: str, number: int, words: dict) -> str:
    label = _attribute(words["paragraph"].format(n=number))
    return f'<a class="term-paragraph" href="{_attribute(url)}#p{number}" title="{label}">¶</a>'


def glossary_page(entries: Sequence[TermEntry], urls: Sequence[str], language: str = "en") -> Rendered:
    """The glossary index: an A–Z jump bar, then under each letter one line per term: its name (linking its
    page, `urls`), kind, short definition and how many articles mention it. Each letter's lines are one HTML
    block, left out of the search index (the term pages are the results). A filter box and a kind facet come in
    a block that the page's script shows (`docs/assets/glossary.js`): without JavaScript, a plain list.

    Every id on the page is unique. The terms' anchors (each line's id) come first; the h1 keeps `GLOSSARY_ID`
    (which `glossary` gives no term), and each letter's id (`letter-b`) yields to the terms and to the letters
    before it (a term "Letter B" keeps `letter-b`, and its letter gets `letter-b-2`; "I" and "İ" get `letter-i`
    and `letter-i-2`)."""
    words, rules = glossary_labels(language), languages.get(language)
    taken = {entry.term.anchor for entry in entries}
    title = words["_"]._(GLOSSARY_TITLE)
    count = words["_"].ngettext("{n} term from the articles.", "{n} terms from the articles.", len(entries))
    markdown = [
        front_matter(title=title, description=count.format(n=len(entries))),
        f"# {title} {{#{unique(GLOSSARY_ID, taken)}}}\n",
    ]
    letters: dict[str, list[int]] = {}
    for n in sorted(range(len(entries)), key=lambda n: _filing(rules, entries[n].term.name)):
        letters.setdefault(rules.letter(entries[n].term.name), []).append(n)
    letter_ids = {letter: unique(_letter_id(letter), taken) for letter in letters}
    bar = " ".join(f"[{escape(letter)}](#{letter_ids[letter]})" for letter in letters)
    markdown.append(f"{bar}\n{{: .glossary-az }}\n")
    if not entries:
        markdown.append(f"{words['no_terms']}\n")
        return Rendered("\n".join(markdown))
    kinds = sorted({kind_of(entry.term) for entry in entries}, key=KINDS.index)
    options = "".join(f'<option value="{kind}">{_text(words["kinds"][kind])}</option>' for kind in kinds)
    blocks = [
        f'{_UNSEARCHED_OPEN}<p class="glossary-filter" hidden><input type="search" '
        f'aria-label="{_attribute(words["filter"])}" placeholder="{_attribute(words["filter"])}"> '
        f'<select aria-label="{_attribute(words["kind"])}">'
        f'<option value="">{_text(words["all_kinds"])}</option>{options}</select></p>'
        f'<p class="glossary-none" hidden>{_text(words["no_match"])}</p></div>'
    ]
    markdown.append(placeholder(0))
    for letter, members in letters.items():
        markdown.append(f"## {escape(letter)} {{#{letter_ids[letter]}}}\n")
        markdown.append(placeholder(len(blocks)))
        lines = "".join(_index_line(entries[n], urls[n], words) for n in members)
        blocks.append(f'{_UNSEARCHED_OPEN}<ul class="glossary-index">{lines}</ul></div>')
    return Rendered("\n".join(markdown), tuple(blocks))


def _index_line(entry: TermEntry, url: str, words: dict) -> str:
    term, kind = entry.term, kind_of(entry.term)
    definition = definition_of(term)
    text = f" — {_text(tooltip(definition, INDEX_DEFINITION))}" if definition else ""
    meta = f"{words['kinds'][kind]} · {counted(words, 'count', len(entry.articles))}"
    return (f'<li id="{_attribute(term.anchor)}" data-kind="{kind}" dir="auto">{_a(term.name, url)} '
            f"<small>{_text(meta)}</small>{text}</li>")


def _filing(rules: languages.Language, name: str) -> tuple:
    """Where a name files in the glossary: letters of the language's script, then other letters, then the rest
    (`#`); in the language's alphabetical order within each."""
    letter = rules.letter(name)
    group = 2 if letter == "#" else 0 if rules.script_of(letter) else 1
    return group, rules.sort_key(letter), letter, rules.sort_key(name), name


def _letter_id(letter: str) -> str:
    """The letter heading's id before `glossary_page` makes it unique."""
    return "letter-" + (slugify(letter) or "other")
