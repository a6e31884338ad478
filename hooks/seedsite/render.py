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
from .labels import Labels, for_language
from .model import Article, Mention, Term
from .text import first, sentence_spans, slugify, unique

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
    """The block without its links (their text stays), permalinks kept: what a search index reads of it."""
    return _LINK_TAG.sub(_keep_permalink, block)


def _keep_permalink(match: re.Match) -> str:
    return match.group(1) or ""


def ids(blocks: Sequence[str]) -> set[str]:
    """The ids of the elements in these blocks."""
    return {found for block in blocks for found in _ID.findall(block)}


def front_matter(**fields: str) -> str:
    """YAML front matter: MkDocs reads `title` and Material reads `description` from it. Each value is a JSON
    string (valid YAML, and far quicker to write than with a YAML emitter), with every character YAML's reader
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


@functools.lru_cache(maxsize=None)
def _relative_dir(from_dir: str, to_dir: str) -> str:
    path = posixpath.relpath(to_dir or ".", from_dir or ".")
    return "" if path == "." else path + "/"


def article_page(
    article: Article,
    links: Sequence[Sequence[Link]] = (),
    terms: Sequence[tuple[str, str]] = (),
    related: Sequence[tuple[str, str, str]] = (),
    language: str = "en",
) -> Rendered:
    """One article: `links[i]` are the links inside paragraph i (reading order); `terms` (name, URL) and
    `related` (title, URL, note) are listed after the text, in a last block, under headings in the site's
    `language`. The text carries the article's own language (`lang`). The Markdown depends on the article alone
    (`skeleton`), so that MkDocs can convert it while the glossary is still being made."""
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
    blocks.append("\n".join(footer))
    return Rendered(skeleton(article), tuple(blocks))


def skeleton(article: Article) -> str:
    """An article page's Markdown: front matter, title, headings (with the article's `lang`), and a placeholder
    for each run of paragraphs and for the footer (the blocks of `article_page`)."""
    title = escape(article.title)
    lang = f" lang={article.lang}" if _LANG_CODE.fullmatch(article.lang) else ""
    attributes = f" {{dir=auto{lang}}}" if title.strip() else ""  # after no text, it would be the heading's text
    markdown = [front_matter(title=article.title, description=summary(article)), f"# {title}{attributes}\n"]
    numbers = itertools.count()
    if article.intro:
        markdown.append(_placeholder(next(numbers)))
    for section in article.sections:
        markdown.append(f"{'#' * section.level} {escape(section.heading)} {{#{section.anchor} dir=auto{lang}}}\n")
        if section.paragraphs:
            markdown.append(_placeholder(next(numbers)))
    markdown.append(_placeholder(next(numbers)))  # the footer
    return "\n".join(markdown)


def _runs(article: Article) -> list[tuple[str, ...]]:
    """The article's runs of paragraphs between headings, those with any paragraph."""
    return [texts for texts in (article.intro, *(s.paragraphs for s in article.sections)) if texts]


def _heading(text: str, anchor: str, permalink: str, level: int = 2, attributes: str = "") -> str:
    """A heading as the toc extension writes one, with its permalink titled `permalink` (and `attributes`,
    ` dir="auto"`)."""
    anchor = _attribute(anchor)
    link = f'<a class="headerlink" href="#{anchor}" title="{_attribute(permalink)}">¶</a>'
    return f'<h{level} id="{anchor}"{attributes}>{_text(text)}{link}</h{level}>'


def _placeholder(number: int) -> str:
    """The Markdown paragraph that block `number` replaces (`fill`)."""
    return f"{_PLACEHOLDER_OPEN}{number}{_PLACEHOLDER_CLOSE}\n"


def article_list(items: Sequence[tuple[str, str, str]]) -> str:
    """A Markdown list of (title, link target, summary) entries."""
    lines = []
    for title, target, text in items:
        line = f"- [{escape(title)}]({target})"
        if text:
            line += f" — {escape(text)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def tooltip(text: str, limit: int = 120) -> str:
    """`text` shortened at a word boundary to at most `limit` characters (a definition for a tooltip)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def term_list(terms: Sequence[tuple[str, str]]) -> str:
    """Term links (name, target) on one line, separated by middle dots."""
    return " · ".join(f"[{escape(name)}]({href})" for name, href in terms)


def highlighted(mention: Mention) -> str:
    """The mention's sentence as HTML, with the term marked."""
    s = mention.sentence
    if mention.end <= mention.start:
        return _text(s)
    before, term, after = s[: mention.start], s[mention.start : mention.end], s[mention.end :]
    return f"{_text(before)}<mark>{_text(term)}</mark>{_text(after)}"


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _attribute(value: str) -> str:
    """A double-quoted attribute's value."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def _a(label: str, url: str) -> str:
    return f'<a href="{_attribute(url)}">{_text(label)}</a>'


ORIGIN_LABELS = {"curated": "Curated definition", "stated": "Stated in the text", "descriptor": "Described in the text",
                 "expansion": "What the acronym stands for", "": "Not defined in the text"}
"""The label of each origin of a definition (labels: translated when shown)."""


@dataclass(frozen=True)
class GlossaryEntry:
    """A term as the glossary page shows it; links are relative to the glossary page."""

    term: Term
    source: tuple[str, str] | None
    """(label, target) of where the definition came from."""
    mentions: tuple[tuple[str, str, Mention], ...]
    """(label, target, mention): one per article section that mentions the term."""
    related: tuple[tuple[str, str], ...]


SENTENCES_PER_GLOSSARY = 1000
"""About how many mention sentences the glossary page quotes in all (at least 1 a term)."""
LINKS_PER_GLOSSARY = 3000
"""About how many further mention links it holds in all (at least 5 a term)."""


def glossary_page(entries: Sequence[GlossaryEntry], language: str = "en") -> Rendered:
    """The glossary: an A–Z jump bar, then one entry per term under its letter, in the alphabet of the site's
    `language` (its letters first, then other scripts', then `#`). Each entry quotes its mentions
    (one per article section) and links the other articles; a small glossary quotes them all, a large one
    shares out a fixed budget (glossary.json has every mention), so the page grows with the number of terms,
    not with the corpus. The letters are Markdown headings (the table of contents); each letter's entries are
    one HTML block.

    Every id on the page is unique. The terms' anchors are linked from every article, so they come first; the
    h1 keeps `GLOSSARY_ID` (which `glossary` gives no term), and each letter's id (`letter-b`) yields to the
    terms and to the letters before it (a term "Letter B" keeps `letter-b`, and its letter gets `letter-b-2`;
    "I" and "İ" get `letter-i` and `letter-i-2`)."""
    labels, rules = for_language(language), languages.get(language)
    sentences_shown = max(1, SENTENCES_PER_GLOSSARY // max(len(entries), 1))
    links_shown = max(5, LINKS_PER_GLOSSARY // max(len(entries), 1))
    taken = {entry.term.anchor for entry in entries}
    title = labels._(GLOSSARY_TITLE)
    count = labels.ngettext("{n} term from the articles.", "{n} terms from the articles.", len(entries))
    markdown = [
        front_matter(title=title, description=count.format(n=len(entries))),
        f"# {title} {{#{unique(GLOSSARY_ID, taken)}}}\n",
    ]
    blocks: list[str] = []
    letters: dict[str, list[GlossaryEntry]] = {}
    for entry in sorted(entries, key=lambda e: _filing(rules, e.term.name)):
        letters.setdefault(rules.letter(entry.term.name), []).append(entry)
    letter_ids = {letter: unique(_letter_id(letter), taken) for letter in letters}
    bar = " ".join(f"[{escape(letter)}](#{letter_ids[letter]})" for letter in letters)
    markdown.append(f"{bar}\n{{: .glossary-az }}\n")
    if not entries:
        markdown.append(labels._("No terms yet.") + "\n")
    for letter, group in letters.items():
        markdown.append(f"## {escape(letter)} {{#{letter_ids[letter]}}}\n")
        markdown.append(_placeholder(len(blocks)))
        blocks.append("\n".join(_entry(entry, sentences_shown, links_shown, labels) for entry in group))
    return Rendered("\n".join(markdown), tuple(blocks))


def _filing(rules: languages.Language, name: str) -> tuple:
    """Where a name files in the glossary: letters of the language's script, then other letters, then the rest
    (`#`); in the language's alphabetical order within each."""
    letter = rules.letter(name)
    group = 2 if letter == "#" else 0 if rules.script_of(letter) else 1
    return group, rules.sort_key(letter), letter, rules.sort_key(name), name


def _letter_id(letter: str) -> str:
    """The letter heading's id before `glossary_page` makes it unique."""
    return "letter-" + (slugify(letter) or "other")


def _entry(entry: GlossaryEntry, sentences_shown: int, links_shown: int, labels: Labels) -> str:
    term = entry.term
    definition = _text(term.definition) if term.definition else f"<em>{_text(labels._('No definition yet.'))}</em>"
    lines = [
        _heading(term.name, term.anchor, labels._("Permanent link"), 3, ' dir="auto"'),
        f'<p class="glossary-definition" dir="auto">{definition}</p>',
    ]
    origin = _text(labels._(ORIGIN_LABELS[term.origin])) if term.origin in ORIGIN_LABELS else _text(term.origin)
    if entry.source:
        origin += f" — {_a(*entry.source)}"
    meta = [origin]
    if term.aliases:
        meta.append(_text(labels._("Also: {names}").format(names=", ".join(term.aliases))))
    lines.append(f'<p class="glossary-meta">{"<br>".join(meta)}</p>')
    if entry.mentions:
        lines.append(f"<p>{_text(labels._('Mentioned in ({n}):').format(n=len(entry.mentions)))}</p>")
        shown = entry.mentions[:sentences_shown]
        items = "".join(
            f'<li dir="auto">{_a(label, url)}: {highlighted(mention)}</li>' for label, url, mention in shown
        )
        lines.append(f"<ul>{items}</ul>")
        articles: dict[str, tuple[str, str]] = {}  # later mentions, one link per article
        for label, url, mention in entry.mentions[sentences_shown:]:
            articles.setdefault(mention.article, (label.split(" › ")[0], url))
        more = list(articles.values())
        if more:
            links = " · ".join(_a(title, url) for title, url in more[:links_shown])
            rest = len(more) - links_shown
            tail = ""
            if rest > 0:
                more_text = labels.ngettext("…and {n} more article ({file} lists every mention).",
                                            "…and {n} more articles ({file} lists every mention).", rest)
                tail = " " + _text(more_text).format(n=rest, file="<code>glossary.json</code>")
            lines.append(f"<p>{_text(labels._('Also in: {links}')).format(links=links + tail)}</p>")
    if entry.related:
        links = " · ".join(_a(name, url) for name, url in entry.related)
        lines.append(f"<p>{_text(labels._('Related terms: {links}')).format(links=links)}</p>")
    return "\n".join(lines)
