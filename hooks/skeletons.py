"""Article and term pages converted without Python-Markdown.

`render` writes an article or term page's Markdown as a skeleton: front matter, then headings with an attribute
list, and placeholder paragraphs for its blocks of HTML. MkDocs makes a new Python-Markdown converter for every
page and runs it over those few lines: about a millisecond a page, 2.5 s of the main process at 2,000 articles and
650 term pages. `convert` writes what Python-Markdown with `attr_list` and `toc` makes of a skeleton (the HTML,
the table of contents, the ids; `tests/test_skeletons.py` compares them character for character), and
`SkeletonPage` uses it. Any other Markdown (a line outside that grammar, another plugin's edit) is converted by
MkDocs, and so is every page of a site whose Markdown extensions or `toc` options are others.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass
from typing import Callable

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

_FOLLOWED = frozenset({"toc", "attr_list", "tables", "fenced_code"})
"""Extensions under which a skeleton converts as `convert` says (tables and fenced code start with characters
that neither a heading nor a placeholder does; MkDocs always loads them and `toc`)."""
_TOC_OPTIONS = frozenset({"permalink", "permalink_title", "permalink_class", "slugify", "separator"})
"""The `toc` options `convert` follows; with any other set, MkDocs converts."""
_HEADING = re.compile(r"(#{1,6}) (\S(?:[^\n]*\S)?) \{(?:#([^\s\"'<>&=}]+) )?dir=auto(?: lang=([\w-]+))?\}")
_PLACEHOLDER = re.compile("\ue000\\d+\ue001")
_LITERAL = re.compile(r"(?:[^\\`*_\[\]{}<>&#\t\r\x00-\x08\x0b-\x1f\ue000\ue001]|&#\d+;)+")
"""Heading text that Python-Markdown writes as it is: `render.escape` makes every character it reads as syntax
a numeric character reference, which it keeps."""
_ATTRIBUTE_SAFE = re.compile(r"[^\"<>&]*")
_FRONT_MATTER = re.compile(r"---\n((?:[a-z]+: [\"{][^\n]*\n)+)---\n")
"""`render.front_matter`: each value a JSON string or object."""
log = logging.getLogger("mkdocs.structure.pages")


@dataclass(frozen=True)
class Settings:
    """The `toc` options that shape a heading."""

    permalink: str | None
    """The permalink's text (HTML), or None for no permalink."""
    permalink_title: str
    permalink_class: str
    slugify: Callable[[str, str], str]
    separator: str

    @classmethod
    def of(cls, config: MkDocsConfig) -> Settings | None:
        """The site's settings, or None if `convert` cannot follow its Markdown extensions."""
        names = [ext if isinstance(ext, str) else None for ext in config.markdown_extensions]
        toc = dict(config.mdx_configs.get("toc") or {})
        if not set(names) <= _FOLLOWED or "attr_list" not in names or not set(toc) <= _TOC_OPTIONS:
            return None
        permalink = toc.get("permalink", False)
        title, css = str(toc.get("permalink_title", "Permanent link")), str(toc.get("permalink_class", "headerlink"))
        if not all(_ATTRIBUTE_SAFE.fullmatch(value) for value in (title, css, str(permalink))):
            return None
        text = "&para;" if permalink is True else str(permalink) if permalink else None
        return cls(text, title, css, toc.get("slugify", slugify), str(toc.get("separator", "-")))


@dataclass(frozen=True)
class Converted:
    """What Python-Markdown makes of a page's Markdown, as MkDocs keeps it."""

    content: str
    toc_tokens: list
    title: str | None
    """The text of the first element, if it is an h1 (MkDocs' title when the front matter names none)."""
    ids: set[str]


def convert(markdown: str, settings: Settings) -> Converted | None:
    """A skeleton (the Markdown after its front matter) as `attr_list` and `toc` convert it; None if it is not
    one: blocks, separated by a blank line, each a placeholder paragraph or a heading `# text {#id dir=auto
    lang=xx}` (the id and the language optional) whose text Python-Markdown writes as it is."""
    blocks: list[str | re.Match] = []
    for block in markdown.strip("\n").split("\n\n"):
        found = _HEADING.fullmatch(block)
        if found and _LITERAL.fullmatch(found.group(2)) or _PLACEHOLDER.fullmatch(block):
            blocks.append(found or block)
        else:
            return None
    used = {found.group(3) for found in blocks if not isinstance(found, str) and found.group(3)}
    tokens, parts = [], []
    for block in blocks:
        if isinstance(block, str):
            parts.append(f"<p>{block}</p>")
            continue
        level, text, anchor, lang = len(block.group(1)), block.group(2), block.group(3), block.group(4)
        name = " ".join(text.split())
        if anchor is None:
            anchor = unique(settings.slugify(html.unescape(name), settings.separator), used)
            if not _ATTRIBUTE_SAFE.fullmatch(anchor):
                return None
        tokens.append({"level": level, "id": anchor, "name": name, "html": text, "data-toc-label": ""})
        language = f' lang="{lang}"' if lang else ""
        link = (f'<a class="{settings.permalink_class}" href="#{anchor}" title="{settings.permalink_title}">'
                f"{settings.permalink}</a>") if settings.permalink is not None else ""
        parts.append(f'<h{level} dir="auto" id="{anchor}"{language}>{text}{link}</h{level}>')
    title = tokens[0]["name"] if tokens and not isinstance(blocks[0], str) and tokens[0]["level"] == 1 else None
    ids = {token["id"] for token in tokens}
    return Converted("\n".join(parts), nest_toc_tokens(tokens), title, ids)


def front_matter(source: str) -> tuple[str, dict] | None:
    """The Markdown after `render.front_matter`'s lines, and what they say, read as JSON (which YAML reads
    alike, four times slower); None for other front matter."""
    found = _FRONT_MATTER.match(source)
    if found is None:
        return None
    try:
        meta = {key: json.loads(value) for key, value in (line.split(": ", 1) for line in found[1].splitlines())}
    except ValueError:
        return None
    return source[found.end() :].lstrip("\n"), meta


class SkeletonPage(Page):
    """A page whose skeleton `convert` converts, if it is one (else MkDocs does)."""

    def __init__(self, file: File, config: MkDocsConfig, settings: Settings) -> None:
        super().__init__(None, file, config)
        self.settings = settings

    def read_source(self, config: MkDocsConfig) -> None:
        """As MkDocs reads a page (its Markdown is made in memory: no file to fail), with our front matter read
        as JSON."""
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = self.file.content_string
        self.markdown, self.meta = front_matter(source) or get_data(source)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        made = convert(self.markdown or "", self.settings)
        if made is None:
            return super().render(config, files)
        self.content, self.toc, self._title_from_render = made.content, get_toc(made.toc_tokens), made.title
        self.present_anchor_ids = made.ids
        if log.getEffectiveLevel() > logging.DEBUG:  # (MkDocs checks these links: the permalinks, to the headings)
            self.links_to_anchors = {self.file: {i: f"#{i}" for i in made.ids}} if self.settings.permalink else {}
        return None


def page_maker(config: MkDocsConfig) -> Callable[[File], Page]:
    """Makes the page of an article's or term's file: a `SkeletonPage` if `convert` follows the site's Markdown
    extensions, else MkDocs' own."""
    settings = Settings.of(config)
    if settings is None:
        return lambda file: Page(None, file, config)
    return lambda file: SkeletonPage(file, config, settings)
