"""Render: the model → Markdown text, with explicit ids, and seed text escaped so it is always literal.

Escaping turns every character that Markdown, its extensions or HTML could read as syntax into a numeric
character reference (`*` → `&#42;`). References pass through Python-Markdown untouched and the browser shows
the character itself, so a seed can never add markup, HTML, links or headings of its own.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from .model import Article
from .text import first, sentences

_ALWAYS = set("\\`*_[]{}<>&#|~^=+:$\"")
_REFERENCES = {ord(ch): f"&#{ord(ch)};" for ch in _ALWAYS}
_LINE_START = re.compile(r"^(\s*)(\d*)([-.)])")


@dataclass(frozen=True)
class Link:
    """A stretch of a paragraph that links somewhere (a term mention)."""

    start: int
    end: int
    href: str
    """A Markdown link target relative to the page's source file (`../glossary.md#union-state`)."""
    title: str = ""
    """Tooltip text."""


def escape(text: str) -> str:
    """Seed text → Markdown that renders as exactly that text."""
    out = text.translate(_REFERENCES)
    # A list marker, ordered-list number, rule or table at the start of a block.
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}&#{ord(m.group(3))};", out, count=1)


def escape_attribute(text: str) -> str:
    """Text for a Markdown link title (inside double quotes)."""
    return escape(text).replace("&#34;", "&quot;")


def paragraph(text: str, anchor: str, links: Sequence[Link] = ()) -> str:
    """One paragraph as a Markdown block with an id; `links` (sorted, non-overlapping) become links."""
    parts: list[str] = []
    pos = 0
    for link in links:
        parts.append(escape(text[pos : link.start]))
        title = f' "{escape_attribute(link.title)}"' if link.title else ""
        parts.append(f"[{escape(text[link.start : link.end])}]({link.href}{title})")
        pos = link.end
    parts.append(escape(text[pos:]))
    return "".join(parts) + f"\n{{: #{anchor} }}"


def front_matter(**fields: str) -> str:
    """YAML front matter: MkDocs reads `title` and Material reads `description` from it."""
    data = {key: value for key, value in fields.items() if value}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9) + "---\n\n"


def summary(article: Article) -> str:
    """The article's first sentence, for lists and the meta description."""
    return first(sentences(first(article.paragraphs)))


def relative(from_uri: str, to_uri: str) -> str:
    """A link from one source file to another (`articles/x.md` → `../glossary.md`)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


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
