"""Render: the model → Markdown text, with explicit ids, and seed text escaped so it is always literal.

Escaping turns every character that Markdown, its extensions or HTML could read as syntax into a numeric
character reference (`*` → `&#42;`). References pass through Python-Markdown untouched and the browser shows
the character itself, so a seed can never add markup, HTML, links or headings of its own.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Article, Mention, Term
from .text import first, sentences, slugify

SUMMARY_LIMIT = 300
"""Longest summary (meta description, article lists), in characters."""
_ALWAYS = set("\\`*_[]{}<>&#")
"""Characters read as syntax anywhere in a line: escapes, code, emphasis, links, attribute lists, HTML,
entities, and a heading's closing hashes. (Every character reference is one more step for Python-Markdown's
inline processor, so common prose characters — quotes, colons — are left alone where nothing reads them.)"""
_REFERENCES = {ord(ch): f"&#{ord(ch)};" for ch in _ALWAYS}
_ATTRIBUTE_REFERENCES = {ord(ch): f"&#{ord(ch)};" for ch in _ALWAYS | set("\"'()!<>&|~^=+:$")}
_STARTERS = frozenset("-+=|~:.)0123456789")
_LINE_START = re.compile(r"^(\s*)(\d*)([-+=|~:.)])")
"""A list item, rule, setext underline, table row, fence or definition at the start of a block."""


@dataclass(frozen=True)
class Link:
    """A stretch of a paragraph that links somewhere (a term mention)."""

    start: int
    end: int
    href: str
    """A Markdown link target relative to the page's source file (`../glossary.md#union-state`)."""
    title: str = ""
    """Tooltip text."""
    css: str = "glossary-term"
    """The link's class."""


def escape(text: str) -> str:
    """Seed text → Markdown that renders as exactly that text."""
    out = text.translate(_REFERENCES)
    if out.lstrip()[:1] not in _STARTERS:
        return out
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}&#{ord(m.group(3))};", out, count=1)


def _attribute(value: str) -> str:
    """A link title: every character that ends it or that Markdown could read, as a character reference."""
    return value.translate(_ATTRIBUTE_REFERENCES)


def paragraph(text: str, anchor: str, links: Sequence[Link] = ()) -> str:
    """One paragraph as a Markdown block with an id; `links` (sorted, non-overlapping) become links."""
    parts: list[str] = []
    pos = 0
    for link in links:
        parts.append(escape(text[pos : link.start]))
        # Material's tooltips show a title as HTML, so the title holds HTML: the text, HTML-escaped.
        title = f' "{_attribute(html.escape(link.title))}"' if link.title else ""
        css = f"{{: .{link.css} }}" if link.css else ""
        parts.append(f"[{escape(text[link.start : link.end])}]({link.href}{title}){css}")
        pos = link.end
    parts.append(escape(text[pos:]))
    return "".join(parts) + f"\n{{: #{anchor} }}"


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


def page_url(uri: str) -> str:
    """A page's URL relative to the site root, as MkDocs makes it with directory URLs
    (`articles/x.md` → `articles/x/`, `index.md` → ``)."""
    stem = uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def summary(article: Article) -> str:
    """The article's first sentence, for lists and the meta description (shortened like a tooltip)."""
    return tooltip(first(sentences(first(article.paragraphs))), SUMMARY_LIMIT)


def relative(from_uri: str, to_uri: str) -> str:
    """A link from one source file to another (`articles/x.md` → `../glossary.md`)."""
    return _relative_dir(posixpath.dirname(from_uri), posixpath.dirname(to_uri)) + posixpath.basename(to_uri)


@functools.lru_cache(maxsize=4096)
def _relative_dir(from_dir: str, to_dir: str) -> str:
    path = posixpath.relpath(to_dir or ".", from_dir or ".")
    return "" if path == "." else path + "/"


def article_page(
    article: Article,
    links: Sequence[Sequence[Link]] = (),
    footer: str = "",
) -> str:
    """The Markdown page of one article. `links[i]` are the links inside paragraph i (reading order)."""
    out = [front_matter(title=article.title, description=summary(article))]
    out.append(f"# {escape(article.title)}\n")
    number = 0

    def block(text: str) -> None:
        nonlocal number
        span = links[number] if number < len(links) else ()
        number += 1
        out.append(paragraph(text, f"p{number}", span) + "\n")

    for text in article.intro:
        block(text)
    for section in article.sections:
        hashes = "#" * section.level
        out.append(f"{hashes} {escape(section.heading)} {{#{section.anchor}}}\n")
        for text in section.paragraphs:
            block(text)
    if footer:
        out.append(footer)
    return "\n".join(out)


def article_list(items: Sequence[tuple[str, str, str]]) -> str:
    """A Markdown list of (title, link target, summary) entries."""
    lines = []
    for title, href, text in items:
        line = f"- [{escape(title)}]({href})"
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
    """The mention's sentence with the term marked."""
    s = mention.sentence
    if mention.end <= mention.start:
        return escape(s)
    before, term, after = s[: mention.start], s[mention.start : mention.end], s[mention.end :]
    return f"{escape(before)}<mark>{escape(term)}</mark>{escape(after)}"


ORIGIN_LABELS = {"curated": "Curated definition", "stated": "Stated in the text", "first-use": "First use"}


@dataclass(frozen=True)
class GlossaryEntry:
    """A term as the glossary page shows it; links are relative to the glossary page."""

    term: Term
    source: tuple[str, str] | None
    """(label, target) of where the definition came from."""
    mentions: tuple[tuple[str, str, Mention], ...]
    """(label, target, mention): one per article section that mentions the term."""
    related: tuple[tuple[str, str], ...]


SENTENCES_PER_GLOSSARY = 1500
"""About how many mention sentences the glossary page quotes in all (at least 3 a term)."""
LINKS_PER_GLOSSARY = 3000
"""About how many further mention links it holds in all (at least 10 a term)."""


def glossary_page(entries: Sequence[GlossaryEntry]) -> str:
    """The glossary: an A–Z jump bar, then one entry per term under its letter. Each entry quotes its mentions
    (one per article section) and links the other articles; a small glossary quotes them all, a large one
    shares out a fixed budget (glossary.json has every mention), so the page grows with the number of terms,
    not with the corpus."""
    sentences_shown = max(3, SENTENCES_PER_GLOSSARY // max(len(entries), 1))
    links_shown = max(10, LINKS_PER_GLOSSARY // max(len(entries), 1))
    out = [front_matter(title="Glossary", description=f"{len(entries)} terms from the articles."), "# Glossary\n"]
    letters: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        letters.setdefault(_letter(entry.term.name), []).append(entry)
    bar = " ".join(f"[{escape(letter)}](#{_letter_id(letter)})" for letter in letters)
    out.append(f"{bar}\n{{: .glossary-az }}\n")
    if not entries:
        out.append("No terms yet.\n")
    for letter, group in letters.items():
        out.append(f"## {escape(letter)} {{#{_letter_id(letter)}}}\n")
        for entry in group:
            out.append(_entry(entry, sentences_shown, links_shown))
    return "\n".join(out)


def _letter(name: str) -> str:
    head = name[:1].upper()
    return head if head.isalpha() else "#"


def _letter_id(letter: str) -> str:
    return "letter-" + (slugify(letter) or "other")


def _entry(entry: GlossaryEntry, sentences_shown: int, links_shown: int) -> str:
    term = entry.term
    lines = [f"### {escape(term.name)} {{#{term.anchor}}}\n"]
    definition = escape(term.definition) if term.definition else "_No definition yet._"
    lines.append(f"{definition}\n{{: .glossary-definition }}\n")
    origin = ORIGIN_LABELS.get(term.origin, term.origin)
    if entry.source:
        origin += f" — [{escape(entry.source[0])}]({entry.source[1]})"
    meta = [origin]
    if term.aliases:
        meta.append("Also: " + ", ".join(escape(a) for a in term.aliases))
    lines.append("<br>".join(meta) + "\n{: .glossary-meta }\n")
    if entry.mentions:
        lines.append(f"Mentioned in ({len(entry.mentions)}):\n")
        shown = entry.mentions[:sentences_shown]
        items = [f"- [{escape(label)}]({href}): {highlighted(mention)}" for label, href, mention in shown]
        lines.append("\n".join(items) + "\n")
        articles: dict[str, tuple[str, str]] = {}  # later mentions, one link per article
        for label, href, mention in entry.mentions[sentences_shown:]:
            articles.setdefault(mention.article, (label.split(" › ")[0], href))
        more = list(articles.values())
        if more:
            links = " · ".join(f"[{escape(title)}]({href})" for title, href in more[:links_shown])
            rest = len(more) - links_shown
            tail = f" …and {rest} more articles (`glossary.json` lists every mention)." if rest > 0 else ""
            lines.append(f"Also in: {links}{tail}\n")
    if entry.related:
        lines.append(f"Related terms: {term_list(entry.related)}\n")
    return "\n".join(lines)
