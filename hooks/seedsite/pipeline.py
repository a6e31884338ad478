"""Pipeline: seed files → the site's generated pages. Pure Python; the MkDocs hook only calls `build`.

read → (glossary → link) → render, with whole-corpus work done once per build.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .model import Article, Problem
from .read import SeedError, read_article
from .render import article_list, article_page, escape, front_matter, relative, summary
from .sources import Sources
from .text import slugify, unique

DEFAULT_SECTION = "articles"
"""The section of seeds placed directly in the seeds folder."""
RESERVED_SECTIONS = frozenset({"glossary", "assets", "search", "404", "index", "stylesheets", "javascripts"})
"""First URL segments the site uses for its own pages and files."""


@dataclass(frozen=True)
class Page:
    """A generated Markdown page."""

    uri: str
    """Source path in the docs tree (`articles/strong-focus-on-development.md`)."""
    markdown: str
    seed: str | None = None
    """The seed it was made from, relative to the seeds folder (for "edit this page")."""
    in_nav: bool = False


@dataclass(frozen=True)
class SectionInfo:
    """A site section: a folder of seeds."""

    folder: str
    """The folder relative to the seeds folder (`""` for the top level)."""
    title: str
    uri: str
    """The section index page (`world/index.md`)."""


@dataclass(frozen=True)
class Site:
    """Everything the pipeline made from the seeds."""

    articles: tuple[Article, ...]
    """Readable seeds, sorted by source path, with site-unique slugs."""
    uris: dict[str, str]
    """`Article.source` → the article page's source path."""
    sections: tuple[SectionInfo, ...]
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...] = field(default=())


def build(sources: Sources, site_name: str = "Articles", label: str = "seeds") -> Site:
    """Turn what `sources.load` read into pages. `label` names the seeds folder in messages."""
    problems = list(sources.problems)
    articles: list[Article] = []
    for seed in sources.seeds:
        try:
            article = _read(seed.path, seed.data)
        except SeedError as err:
            problems.append(Problem(f"{label}/{seed.path}", f"{err}, skipped"))
            continue
        if article.encoding not in ("utf-8", "utf-8-sig"):
            problems.append(Problem(f"{label}/{seed.path}", f"not UTF-8, decoded as {article.encoding}", False))
        articles.append(article)
    sections = _sections(articles)
    folder_uri = {s.folder: s.uri.rsplit("/", 1)[0] for s in sections}
    articles = _unique_slugs(articles)
    uris = {a.source: f"{folder_uri[a.section]}/{a.slug}.md" for a in articles}
    pages = [Page(uris[a.source], article_page(a), seed=a.source) for a in articles]
    for section in sections:
        members = [a for a in articles if a.section == section.folder]
        pages.append(Page(section.uri, _section_page(section, members, uris), in_nav=True))
    pages.append(Page("index.md", _home_page(site_name, sections, articles, uris), in_nav=True))
    return Site(tuple(articles), uris, tuple(sections), tuple(pages), tuple(problems))


@functools.lru_cache(maxsize=None)
def _read(source: str, data: bytes) -> Article:
    """`read_article`, remembered by path and content so that `mkdocs serve` re-reads only edited seeds."""
    return read_article(data, source)


def _sections(articles: Sequence[Article]) -> list[SectionInfo]:
    taken = set(RESERVED_SECTIONS)
    out = []
    for folder in sorted({a.section for a in articles}):
        if folder:
            parts = [unique(slugify(part), set(), "section") for part in folder.split("/")]
            path = "/".join(parts)
            title = folder.rsplit("/", 1)[-1].replace("_", " ").replace("-", " ").strip().capitalize()
        else:
            path, title = DEFAULT_SECTION, DEFAULT_SECTION.capitalize()
        path = unique(path, taken)
        out.append(SectionInfo(folder, title or path, f"{path}/index.md"))
    return out


def _unique_slugs(articles: Sequence[Article]) -> list[Article]:
    """Give every article a slug unique in its section: the title's, else the file name's, then numbered."""
    taken: dict[str, set[str]] = {}
    out = []
    for article in articles:
        names = taken.setdefault(article.section, {"index"})
        stem = article.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        slug = article.slug or slugify(stem)
        if slug in names:
            slug = f"{slug}-{slugify(stem)}" if slugify(stem) and slugify(stem) != slug else slug
        out.append(replace(article, slug=unique(slug, names, "article")))
    return out


def _section_page(section: SectionInfo, members: Sequence[Article], uris: dict[str, str]) -> str:
    items = [(a.title, relative(section.uri, uris[a.source]), summary(a)) for a in members]
    count = f"{len(members)} article{'s' if len(members) != 1 else ''}."
    return front_matter(title=section.title) + f"# {escape(section.title)}\n\n{count}\n\n" + article_list(items)


def _home_page(
    site_name: str, sections: Sequence[SectionInfo], articles: Sequence[Article], uris: dict[str, str]
) -> str:
    out = [front_matter(title="Home"), f"# {escape(site_name)}\n"]
    for section in sections:
        members = [a for a in articles if a.section == section.folder]
        out.append(f"## [{escape(section.title)}]({section.uri}) {{#section-{slugify(section.uri)}}}\n")
        out.append(article_list([(a.title, uris[a.source], summary(a)) for a in members]))
    if not articles:
        out.append("No articles yet: add a `.txt` file to `seeds/`.\n")
    return "\n".join(out)
