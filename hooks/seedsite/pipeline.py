"""Pipeline: seed files → the site's generated pages. Pure Python; the MkDocs hook calls `draft` and `finish`
(together, `build`), or `update`.

read → glossary → link → render, with whole-corpus work done once per build.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace


from . import glossary as glossary_stage
from .labels import for_language
from .link import Links, link, relink, unlinked_terms
from .model import Article, Mention, Problem
from .read import SeedError, read_article
from .render import (
    GLOSSARY_TITLE,
    HOME_TITLE,
    GlossaryEntry,
    Link,
    article_list,
    article_page,
    escape,
    front_matter,
    glossary_page,
    href,
    page_url,
    relative,
    skeleton,
    summary,
    term_list,
    tooltip,
)
from .sources import Sources
from .text import slugify, unique

_TITLE_UNSAFE = str.maketrans({**{ch: " " for ch in "_-<>&\"`"}, "'": "’"})
GLOSSARY_URI = "glossary.md"
HOME_ARTICLES = 25
"""Articles listed per section on the home page; the section's own page lists them all."""
TOP_TERMS = 12
"""Terms listed on the home and section pages."""

QUICK_EDITS = 20
"""`update` redoes at most this many edited seeds; more, and a full build is quicker to reason about."""

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
    blocks: tuple[str, ...] = ()
    """HTML for the Markdown's placeholders (`render.fill`, once MkDocs has converted it)."""
    seed: str | None = None
    """The seed it was made from, relative to the seeds folder (for "edit this page")."""
    in_nav: bool = False
    complete: bool = True
    """False for a page of `Draft.outline` whose Markdown `finish` has yet to make."""


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
    glossary: glossary_stage.Glossary
    glossary_json: str
    """The glossary for other tools: terms, definitions, origins, aliases, mentions."""
    problems: tuple[Problem, ...] = field(default=())
    links: tuple[Links, ...] = field(default=(), repr=False)
    """Per article, what `link` made of it."""
    inputs: tuple = field(default=(), repr=False)
    """What the site was made from (sources and options), to tell what a later build changed."""


@dataclass(frozen=True)
class Draft:
    """The site before its glossary: the seeds read, sections and page paths decided."""

    articles: tuple[Article, ...]
    uris: dict[str, str]
    sections: tuple[SectionInfo, ...]
    problems: tuple[Problem, ...]
    sources: Sources
    site_name: str
    label: str
    directory_urls: bool
    language: str = "en"
    """The site's language (MkDocs' `theme.language`): its labels, and the rules of articles in its script."""

    def outline(self) -> list[Page]:
        """Every page `finish` makes, in its order: the article pages with their Markdown as it will be but no
        blocks yet (`render.skeleton`); the section, home and glossary pages with a title only (`complete`
        False)."""
        labels = for_language(self.language)
        pages = [Page(self.uris[a.source], skeleton(a), seed=a.source) for a in self.articles]
        for section in self.sections:
            pages.append(Page(section.uri, front_matter(title=section.title), in_nav=True, complete=False))
        pages.append(Page("index.md", front_matter(title=labels._(HOME_TITLE)), in_nav=True, complete=False))
        pages.append(Page(GLOSSARY_URI, front_matter(title=labels._(GLOSSARY_TITLE)), in_nav=True, complete=False))
        return pages


def _gc_paused(function: Callable) -> Callable:
    """`function` with the cyclic garbage collector paused while it runs. The pipeline makes no reference cycles
    (what it drops, reference counting frees), and on a large site the collector's passes over its millions of
    objects grow with the site: at 2,000 articles they cost a fifth of the time."""

    @functools.wraps(function)
    def paused(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


def build(
    sources: Sources,
    site_name: str = "Articles",
    label: str = "seeds",
    directory_urls: bool = True,
    language: str = "en",
) -> Site:
    """Turn what `sources.load` read into pages. `label` names the seeds folder in messages; `directory_urls`
    is MkDocs' `use_directory_urls` (the article pages' links are written as URLs); `language` is the site's
    (MkDocs' `theme.language`)."""
    return finish(draft(sources, site_name, label, directory_urls, language))


@_gc_paused
def draft(
    sources: Sources,
    site_name: str = "Articles",
    label: str = "seeds",
    directory_urls: bool = True,
    language: str = "en",
) -> Draft:
    """The first, quick part of `build`: read the seeds, decide sections and page paths."""
    problems = list(sources.problems)
    articles: list[Article] = []
    for seed in sources.seeds:
        try:
            article = _read(seed.path, seed.data, language)
        except SeedError as err:
            problems.append(Problem(f"{label}/{seed.path}", f"{err}, skipped"))
            continue
        if not article.encoding_certain:
            problems.append(Problem(f"{label}/{seed.path}", f"not UTF-8, and its encoding is a guess: decoded as "
                                    f"{article.encoding} (check its page, or save it as UTF-8)", fatal=False, warning=True))
        elif article.encoding not in ("utf-8", "utf-8-sig"):
            problems.append(Problem(f"{label}/{seed.path}", f"not UTF-8, decoded as {article.encoding}", False))
        articles.append(article)
    problems.extend(_same_titles(articles, label))
    sections = _sections(articles, language)
    folder_uri = {s.folder: s.uri.rsplit("/", 1)[0] for s in sections}
    articles = _unique_slugs(articles)
    uris = {a.source: f"{folder_uri[a.section]}/{a.slug}.md" for a in articles}
    return Draft(
        tuple(articles), uris, tuple(sections), tuple(problems), sources, site_name, label, directory_urls, language
    )


@_gc_paused
def finish(draft: Draft) -> Site:
    """The rest of `build`: glossary, links, and every page."""
    articles, uris, directory_urls, language = draft.articles, draft.uris, draft.directory_urls, draft.language
    glossary = glossary_stage.build(articles, draft.sources.glossary, draft.label)
    links = link(articles, glossary)
    tips = [_tips(term) for term in glossary.terms]
    pages = []
    for i, a in enumerate(articles):
        pages.append(_article_page(a, uris, glossary, tips, links[i], articles, directory_urls, language))
    pages.extend(_index_pages(draft.site_name, draft.sections, articles, uris, links, glossary, language))
    rendered = glossary_page(_glossary_entries(glossary, articles, uris, directory_urls), language)
    pages.append(Page(GLOSSARY_URI, rendered.markdown, rendered.blocks, in_nav=True))
    return Site(
        articles, uris, draft.sections, tuple(pages), glossary,
        _glossary_json(glossary, articles, uris, directory_urls),
        draft.problems + glossary.problems + _near_duplicates(articles, links, draft.label),
        tuple(links), _inputs(draft.sources, draft.site_name, directory_urls, draft.language),
    )


@_gc_paused
def update(
    previous: Site, sources: Sources, site_name: str = "Articles", directory_urls: bool = True, language: str = "en"
) -> Site | None:
    """A quick rebuild after seeds were edited, for a live preview of a large site: only the edited articles
    are read again, matched against the glossary as it was, linked and rendered; the home and section pages are
    made anew; the glossary page, glossary.json and the other articles' pages stay as they were until the next
    full build. None when only a full build will do: a seed added, removed or retitled, the curated file, the
    options or the folder's problems changed, or an edited seed that cannot be read."""
    before, now = previous.inputs, _inputs(sources, site_name, directory_urls, language)
    if not before or before[1:] != now[1:] or [p for p, _ in before[0]] != [p for p, _ in now[0]]:
        return None
    changed = [n for n, (old, new) in enumerate(zip(before[0], now[0])) if old != new]
    position = {a.source: i for i, a in enumerate(previous.articles)}  # seeds that could not be read have none
    if len(changed) > QUICK_EDITS or any(sources.seeds[n].path not in position for n in changed):
        return None
    articles, links, pages = list(previous.articles), list(previous.links), list(previous.pages)
    glossary, uris = previous.glossary, previous.uris
    page_index = {page.uri: n for n, page in enumerate(pages)}
    finder, unlinked = glossary.finder(), unlinked_terms(glossary)
    tips = [_tips(term) for term in glossary.terms]
    for n in changed:
        seed = sources.seeds[n]
        i = position[seed.path]
        try:
            article = _read(seed.path, seed.data, language)
        except SeedError:
            return None
        if article.title != articles[i].title or article.encoding != articles[i].encoding:
            return None
        articles[i] = article = replace(article, slug=articles[i].slug)
        blocks = glossary_stage.blocks_of([article])
        found = finder.article(article.paragraphs)
        links[i] = relink(i, [(b.section, found[b.paragraph]) for b in blocks], links, articles, unlinked)
        pages[page_index[uris[article.source]]] = _article_page(article, uris, glossary, tips, links[i],
                                                                articles, directory_urls, language)
    for page in _index_pages(site_name, previous.sections, articles, uris, links, glossary, language):
        pages[page_index[page.uri]] = page
    return replace(previous, articles=tuple(articles), pages=tuple(pages), links=tuple(links), inputs=now)


def _tips(term) -> tuple[str, str]:
    """A term link's tooltips: its definition (or `""`), and its kind and how many articles mention it, for a
    term without a definition or a paragraph that holds it already."""
    count = len({m.article for m in term.mentions})
    kind = f"{term.kind.capitalize()} · mentioned in {count} article{'s' if count != 1 else ''}"
    return tooltip(term.definition) if term.definition else "", kind


def _tip(tips: tuple[str, str], paragraph: str) -> str:
    """The tooltip of a link in `paragraph`: never the text the reader is reading."""
    definition, kind = tips
    if definition and " ".join(definition.rstrip("…").split()) not in " ".join(paragraph.split()):
        return definition
    return kind


def _inputs(sources: Sources, site_name: str, directory_urls: bool, language: str) -> tuple:
    seeds = tuple((seed.path, hashlib.blake2b(seed.data, digest_size=16).digest()) for seed in sources.seeds)
    return seeds, sources.glossary, sources.problems, site_name, directory_urls, language


def _index_pages(
    site_name: str,
    sections: Sequence[SectionInfo],
    articles: Sequence[Article],
    uris: dict[str, str],
    links: Sequence[Links],
    glossary: glossary_stage.Glossary,
    language: str,
) -> list[Page]:
    """The section pages and the home page, with labels in the site's `language`."""
    members: dict[str, list[int]] = {section.folder: [] for section in sections}
    for i, a in enumerate(articles):
        members[a.section].append(i)
    pages = []
    for section in sections:
        mine = members[section.folder]
        page = _section_page(section, [articles[i] for i in mine], uris, _top_terms(mine, links, glossary), language)
        pages.append(Page(section.uri, page, in_nav=True))
    listed = {folder: [articles[i] for i in mine] for folder, mine in members.items()}
    home = _home_page(site_name, sections, listed, uris, _top_terms(range(len(articles)), links, glossary), language)
    pages.append(Page("index.md", home, in_nav=True))
    return pages


def _same_titles(articles: Sequence[Article], label: str) -> list[Problem]:
    """A note for each article titled like an earlier one in its section: both are built (the second's address
    is numbered), but readers see two list entries of one name."""
    first: dict[tuple[str, str], str] = {}
    notes = []
    for article in articles:
        earlier = first.setdefault((article.section, article.title.casefold()), article.source)
        if earlier != article.source:
            notes.append(Problem(f"{label}/{article.source}", f"same title as {label}/{earlier}", False))
    return notes


def _near_duplicates(articles: Sequence[Article], links: Sequence[Links], label: str) -> tuple[Problem, ...]:
    """A note for each pair of articles with nearly the same text: neither lists the other as related."""
    pairs = sorted({tuple(sorted((articles[a].source, articles[b].source)))
                    for a, mine in enumerate(links) for b in mine.duplicates})
    return tuple(Problem(f"{label}/{a}", f"nearly the same text as {label}/{b}, so not listed as related", False)
                 for a, b in pairs)


@functools.lru_cache(maxsize=20_000)
def _read(source: str, data: bytes, language: str) -> Article:
    """`read_article`, remembered by path, content and site language so that `mkdocs serve` re-reads only edited
    seeds."""
    return read_article(data, source, language)


def _sections(articles: Sequence[Article], language: str) -> list[SectionInfo]:
    """A section per folder of seeds; the top level's is titled "Articles" in the site's `language`."""
    taken = set(RESERVED_SECTIONS)
    out = []
    for folder in sorted({a.section for a in articles}):
        if folder:
            parts = [unique(slugify(part), set(), "section") for part in folder.split("/")]
            path = "/".join(parts)
            # Material prints nav titles unescaped: a section title keeps no character HTML could read.
            title = " ".join(folder.rsplit("/", 1)[-1].translate(_TITLE_UNSAFE).split())
            title = title[:1].upper() + title[1:]  # "USA", "EU policy" and "McDonald’s" keep their capitals
        else:
            path, title = DEFAULT_SECTION, for_language(language)._("Articles")
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


def _section_page(
    section: SectionInfo,
    members: Sequence[Article],
    uris: dict[str, str],
    terms: Sequence[tuple[str, str]],
    language: str,
) -> str:
    labels = for_language(language)
    items = [(a.title, relative(section.uri, uris[a.source]), summary(a)) for a in members]
    count = labels.ngettext("{n} article.", "{n} articles.", len(members)).format(n=len(members))
    out = front_matter(title=section.title) + f"# {escape(section.title)}\n\n{count}\n\n"
    out += article_list(items)
    if terms:
        links = [(name, relative(section.uri, GLOSSARY_URI) + anchor) for name, anchor in terms]
        out += f"\n## {labels._('Key terms')} {{#terms}}\n\n{term_list(links)}\n"
    return out


def _home_page(
    site_name: str,
    sections: Sequence[SectionInfo],
    members: dict[str, list[Article]],
    uris: dict[str, str],
    terms: Sequence[tuple[str, str]],
    language: str,
) -> str:
    """The home page: key terms, then each section's first articles. `members`: folder → its articles."""
    labels = for_language(language)
    out = [front_matter(title=labels._(HOME_TITLE)), f"# {escape(site_name)}\n"]
    if terms:
        links = [(name, GLOSSARY_URI + anchor) for name, anchor in terms]
        out.append(labels._("Key terms: {links}").format(links=term_list(links)) + "\n")
    for section in sections:
        listed = members[section.folder]
        anchor = "section-" + slugify(section.uri.rsplit("/", 1)[0].replace("/", " "))
        out.append(f"## [{escape(section.title)}]({section.uri}) {{#{anchor}}}\n")
        out.append(article_list([(a.title, uris[a.source], summary(a)) for a in listed[:HOME_ARTICLES]]))
        if len(listed) > HOME_ARTICLES:
            more = len(listed) - HOME_ARTICLES
            text = labels.ngettext("…and {n} more in {section}", "…and {n} more in {section}", more)
            out.append(f"[{text.format(n=more, section=escape(section.title))}]({section.uri})\n")
    if not sections:
        out.append(labels._("No articles yet: add a `.txt` file to `seeds/`.") + "\n")
    return "\n".join(out)


def _top_terms(
    members: Sequence[int], links: Sequence[Links], glossary: glossary_stage.Glossary
) -> list[tuple[str, str]]:
    """The terms mentioned most often in these articles: (name, "#anchor")."""
    mentions: dict[int, int] = {}
    for a in members:
        for rank, term in enumerate(links[a].terms):
            mentions[term] = mentions.get(term, 0) + len(links[a].terms) - rank
    best = sorted(mentions, key=lambda t: (-mentions[t], glossary.terms[t].name))[:TOP_TERMS]
    return [(glossary.terms[t].name, f"#{glossary.terms[t].anchor}") for t in best]


def _article_page(
    article: Article,
    uris: dict[str, str],
    glossary: glossary_stage.Glossary,
    tips: Sequence[tuple[str, str]],
    mine: Links,
    articles: Sequence[Article],
    directory_urls: bool,
    language: str,
) -> Page:
    """The article's page: its text with term links, the terms it mentions, its related articles (labels in the
    site's `language`)."""
    uri = uris[article.source]
    glossary_url = href(uri, GLOSSARY_URI, directory_urls)
    terms = glossary.terms
    paragraph_links = [
        [Link(h.start, h.end, f"{glossary_url}#{terms[h.term].anchor}", _tip(tips[h.term], text)) for h in hits]
        for text, hits in zip(article.paragraphs, mine.hits)
    ]
    names = sorted(mine.terms, key=lambda t: terms[t].name.casefold())
    related = []
    for rel in mine.related:
        other = articles[rel.article]
        shared = ", ".join([terms[t].name for t in rel.terms[:3]] or rel.words[:3])
        note = for_language(language)._("Shared: {names}").format(names=shared)
        related.append((other.title, href(uri, uris[other.source], directory_urls), note))
    term_links = [(terms[t].name, f"{glossary_url}#{terms[t].anchor}") for t in names]
    rendered = article_page(article, paragraph_links, term_links, related, language)
    return Page(uri, rendered.markdown, rendered.blocks, seed=article.source)


def _section_label(articles: Sequence[Article]) -> dict[tuple[str, str], str]:
    """(source, anchor) → "Article title › Section heading" for every anchor a mention can point at."""
    labels: dict[tuple[str, str], str] = {}
    for article in articles:
        for n in range(1, len(article.intro) + 1):
            labels[(article.source, f"p{n}")] = article.title
        for section in article.sections:
            labels[(article.source, section.anchor)] = f"{article.title} › {section.heading}"
    return labels


def _glossary_entries(
    glossary, articles: Sequence[Article], uris: dict[str, str], directory_urls: bool
) -> list[GlossaryEntry]:
    labels = _section_label(articles)
    urls = {a.source: href(GLOSSARY_URI, uris[a.source], directory_urls) for a in articles}
    entries = []
    for term, related in zip(glossary.terms, glossary.related):
        per_section: dict[tuple[str, str], Mention] = {}
        for mention in term.mentions:
            per_section.setdefault((mention.article, mention.anchor), mention)
        mentions = tuple(
            (labels[key], f"{urls[key[0]]}#{key[1]}", m) for key, m in per_section.items()
        )
        source = None
        if term.source is not None and term.origin != "curated":
            key = (term.source.article, term.source.anchor)
            source = (labels[key], f"{urls[key[0]]}#{key[1]}")
        rel = tuple((glossary.terms[r].name, f"#{glossary.terms[r].anchor}") for r in related)
        entries.append(GlossaryEntry(term, source, mentions, rel))
    return entries


def _glossary_json(glossary, articles: Sequence[Article], uris: dict[str, str], directory_urls: bool) -> str:
    """Terms, definitions, origins, aliases, related terms and mentions (article URL, anchor, count)."""
    urls = {a.source: page_url(uris[a.source], directory_urls) for a in articles}
    terms = []
    for term, related in zip(glossary.terms, glossary.related):
        places: dict[tuple[str, str], int] = {}
        for m in term.mentions:
            places[(m.article, m.anchor)] = places.get((m.article, m.anchor), 0) + 1
        terms.append(
            {
                "name": term.name,
                "url": f"{page_url(GLOSSARY_URI, directory_urls)}#{term.anchor}",
                "kind": term.kind,
                "definition": term.definition,
                "origin": term.origin,
                "aliases": list(term.aliases),
                "variants": list(term.variants),
                "related": [glossary.terms[r].anchor for r in related],
                "mentions": [{"url": urls[a], "anchor": anchor, "count": n} for (a, anchor), n in places.items()],
            }
        )
    return json.dumps({"terms": terms}, ensure_ascii=False, separators=(",", ":")) + "\n"
