"""Pipeline: seed files → the site's generated pages. Pure Python; the MkDocs hook calls `draft` and `finish`
(together, `build`), or `update`.

read → glossary → link → render, with whole-corpus work done once per build.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace


from . import candidates
from . import glossary as glossary_stage
from .labels import for_language
from . import link as link_stage
from .link import Links, link, relink, unlinked_terms
from .model import Article, Mention, Problem, Term
from .related import Bag, most_about
from .read import SeedError, read_article
from .render import (
    GLOSSARY_TITLE,
    HOME_TITLE,
    Link,
    Quoted,
    Rendered,
    TermEntry,
    quote,
    article_list,
    article_page,
    escape,
    front_matter,
    definition_of,
    fallback_tip,
    glossary_labels,
    glossary_page,
    href,
    kind_of,
    page_url,
    placeholder,
    relative,
    skeleton,
    summary,
    term_list,
    term_markdown,
    term_page,
    term_search_view,
    term_tip,
)
from .sources import Seed, Sources
from .text import sentences_of, slugify, unique

_TITLE_UNSAFE = str.maketrans({**{ch: " " for ch in "_-<>&\"`"}, "'": "’"})
GLOSSARY_URI = "glossary/index.md"
"""The glossary index; each term's page is beside it (`term_uris`)."""
HOME_ARTICLES = 25
"""Articles listed per section on the home page; the section's own page lists them all."""
TOP_TERMS = 12
"""Key terms listed on the home and section pages."""
KEY_TERM_SHARE = 0.25
"""A term in more than this share of the site's articles is no key term (once the site has `KEY_TERM_SITE`
articles: on a smaller one, every term is in a large share)."""
KEY_TERM_SITE = 20
MOST_ABOUT = 5
"""Articles listed as most about a term on its page."""

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
    read: Mapping[str, Article | str] | None = None,
) -> Draft:
    """The first, quick part of `build`: read the seeds, decide sections and page paths. `read`: seeds read
    already (`read_seeds`, by another process), by path."""
    problems = list(sources.problems)
    articles: list[Article] = []
    for seed in sources.seeds:
        article = read[seed.path] if read and seed.path in read else _attempt(seed, language)
        if isinstance(article, str):
            problems.append(Problem(f"{label}/{seed.path}", f"{article}, skipped"))
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
def read_seeds(seeds: Sequence[Seed], language: str = "en") -> dict[str, Article | str]:
    """Each seed's article, or why it could not be read, by path: part of a `draft` another process makes too."""
    return {seed.path: _attempt(seed, language) for seed in seeds}


def _attempt(seed: Seed, language: str) -> Article | str:
    try:
        return _read(seed.path, seed.data, language)
    except SeedError as err:
        return str(err)


Linked = tuple[list[Links], list[Page]]
"""What `link` made of each article, and the article pages."""


@_gc_paused
def link_articles(draft: Draft, glossary: glossary_stage.Glossary) -> Linked:
    """The middle part of `finish`: each article's links (terms, related articles), and its page."""
    links = links_of(draft, glossary)
    return links, list(article_pages(draft, glossary, links))


@_gc_paused
def links_of(draft: Draft, glossary: glossary_stage.Glossary, words: Callable[[], Sequence[Bag]] | None = None
             ) -> list[Links]:
    """Each article's links: terms and related articles (`words`: see `link.link`)."""
    return link(draft.articles, glossary, words)


@_gc_paused
def word_bags(draft: Draft) -> list[Bag]:
    """Each article's words, for related articles: they need no glossary, so a second process can make them
    meanwhile."""
    return link_stage.word_bags(draft.articles)


def article_pages(draft: Draft, glossary: glossary_stage.Glossary, links: Sequence[Links]) -> Iterator[Page]:
    """The article pages, one by one (a second process sends them in parts as they are made)."""
    articles, uris, directory_urls, language = draft.articles, draft.uris, draft.directory_urls, draft.language
    tips = _fallback_tips(glossary, _article_counts(links, len(glossary.terms)), language)
    term_urls = [href(GLOSSARY_URI, uri, directory_urls) for uri in term_uris(glossary)]
    for mine, article in zip(links, articles):
        yield _article_page(article, uris, glossary, tips, mine, articles, directory_urls, term_urls, language)


@_gc_paused
def finish(draft: Draft, glossary: glossary_stage.Glossary | None = None, linked: Linked | None = None) -> Site:
    """The rest of `build`: glossary (unless `glossary_of` made it already), links and the article pages (unless
    `link_articles` made them already), and every other page."""
    articles, uris, directory_urls, language = draft.articles, draft.uris, draft.directory_urls, draft.language
    glossary = glossary_of(draft) if glossary is None else glossary
    links, pages = linked if linked is not None else link_articles(draft, glossary)
    pages = list(pages)
    term_uri = term_uris(glossary)
    term_urls = [href(GLOSSARY_URI, uri, directory_urls) for uri in term_uri]
    pages.extend(_index_pages(draft.site_name, draft.sections, articles, uris, links, glossary, term_uri, language,
                              directory_urls))
    about = most_about([mine.about for mine in links], [a.source for a in articles], len(glossary.terms))
    entries = _term_entries(glossary, articles, uris, directory_urls, term_uri, about)
    index = glossary_page(entries, term_urls, language)
    pages.append(Page(GLOSSARY_URI, index.markdown, index.blocks, in_nav=True))
    back = href(term_uri[0], GLOSSARY_URI, directory_urls) if term_uri else ""
    for entry in entries:
        rendered = term_page(entry, back, language)
        pages.append(Page(entry.uri, rendered.markdown, rendered.blocks))
    return Site(
        articles, uris, draft.sections, tuple(pages), glossary,
        _glossary_json(entries, glossary, articles, uris, directory_urls),
        draft.problems + glossary.problems + _near_duplicates(articles, links, draft.label),
        tuple(links), inputs(draft.sources, draft.site_name, directory_urls, language),
    )


@_gc_paused
def glossary_of(draft: Draft, words: Callable[[], candidates.Words] | None = None) -> glossary_stage.Glossary:
    """The draft's glossary (the first part of `finish`); `words`: a function returning its `word_counts`, if
    another process counts them."""
    return glossary_stage.build(draft.articles, draft.sources.glossary, draft.label, words)


@_gc_paused
def word_counts(draft: Draft) -> candidates.Words:
    """The lower-case words the glossary weighs names and phrases against: they need no names, so another process
    can count them meanwhile."""
    return candidates.word_counts(draft.articles)


def sentence_work(draft: Draft) -> Iterator[None]:
    """Each paragraph's sentences split, one paragraph a step (they are remembered: the term pages quote them):
    work for a process that would otherwise wait."""
    for article in draft.articles:
        for paragraph in article.paragraphs:
            sentences_of(paragraph)
            yield


def term_outline(draft: Draft, glossary: glossary_stage.Glossary) -> tuple[list[Page], dict[str, list[str]]]:
    """The term pages `finish` makes, with their Markdown but no blocks yet, and what the search index reads of
    them (`render.term_search_view`): the glossary says all they need (how many articles mention each term,
    its definition and where it comes from)."""
    words = glossary_labels(draft.language)
    articles = draft.articles
    mentioned: list[set[int]] = [set() for _ in glossary.terms]
    for block, found in zip(glossary.blocks, glossary.hits):
        for hit in found:
            mentioned[hit.term].add(block.article)
    uris = term_uris(glossary)
    urls = [href(uris[0], draft.uris[a.source], draft.directory_urls) for a in articles] if uris else []
    position = {a.source: i for i, a in enumerate(articles)}
    pages, searched = [], {}
    for term, uri, mine in zip(glossary.terms, uris, mentioned):
        pages.append(Page(uri, term_markdown(term, len(mine), words)))
        searched[uri] = term_search_view(term, len(mine), _term_source(term, articles, position, urls), words)
    return pages, searched


def term_uris(glossary: glossary_stage.Glossary) -> list[str]:
    """Per term, its page's source path: `glossary/<anchor>.md` (no anchor is `index`: `glossary.PAGE_IDS`)."""
    return [f"glossary/{t.anchor}.md" for t in glossary.terms]


@_gc_paused
def update(
    previous: Site, sources: Sources, site_name: str = "Articles", directory_urls: bool = True, language: str = "en"
) -> Site | None:
    """A quick rebuild after seeds were edited, for a live preview of a large site: only the edited articles
    are read again, matched against the glossary as it was, linked and rendered; the home and section pages are
    made anew; the glossary and term pages, glossary.json and the other articles' pages stay as they were until the next
    full build. None when only a full build will do: a seed added, removed or retitled, the curated file, the
    options or the folder's problems changed, or an edited seed that cannot be read."""
    before, now = previous.inputs, inputs(sources, site_name, directory_urls, language)
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
    edited = []
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
        found = finder.article(article.paragraphs, article.title)
        links[i] = relink(i, [(b.section, found[b.paragraph]) for b in blocks], links, articles, unlinked)
        edited.append(i)
    tips = _fallback_tips(glossary, _article_counts(links, len(glossary.terms)), language)  # counts as now
    term_uri = term_uris(glossary)
    term_urls = [href(GLOSSARY_URI, uri, directory_urls) for uri in term_uri]
    for i in edited:
        pages[page_index[uris[articles[i].source]]] = _article_page(articles[i], uris, glossary, tips, links[i],
                                                                    articles, directory_urls, term_urls, language)
    for page in _index_pages(site_name, previous.sections, articles, uris, links, glossary, term_uri, language,
                             directory_urls):
        pages[page_index[page.uri]] = page
    return replace(previous, articles=tuple(articles), pages=tuple(pages), links=tuple(links), inputs=now)


def inputs(sources: Sources, site_name: str, directory_urls: bool, language: str) -> tuple:
    """What a site is made from: each seed's path and a digest of its bytes, the curated file, the folder's
    problems and the options (`update` and `cache` tell by it what changed)."""
    seeds = tuple((seed.path, hashlib.blake2b(seed.data, digest_size=16).digest()) for seed in sources.seeds)
    return seeds, sources.glossary, sources.problems, site_name, directory_urls, language


def _index_pages(
    site_name: str,
    sections: Sequence[SectionInfo],
    articles: Sequence[Article],
    uris: dict[str, str],
    links: Sequence[Links],
    glossary: glossary_stage.Glossary,
    term_uri: Sequence[str],
    language: str,
    directory_urls: bool,
) -> list[Page]:
    """The section pages and the home page, with labels in the site's `language`."""
    members: dict[str, list[int]] = {section.folder: [] for section in sections}
    for i, a in enumerate(articles):
        members[a.section].append(i)
    per_section, home_terms = _key_terms([members[s.folder] for s in sections], links, glossary)
    pages = []
    for section, terms in zip(sections, per_section):
        mine = members[section.folder]
        listed = [(glossary.terms[t].name, relative(section.uri, term_uri[t]), n) for t, n in terms]
        page = _section_page(section, [articles[i] for i in mine], uris, listed, language, directory_urls)
        pages.append(Page(section.uri, page.markdown, page.blocks, in_nav=True))
    listed = {folder: [articles[i] for i in mine] for folder, mine in members.items()}
    terms = [(glossary.terms[t].name, term_uri[t], n) for t, n in home_terms]
    home = _home_page(site_name, sections, listed, uris, terms, language, directory_urls)
    pages.append(Page("index.md", home.markdown, home.blocks, in_nav=True))
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
    terms: Sequence[tuple[str, str, int]],
    language: str,
    directory_urls: bool,
) -> Rendered:
    """A section's page: its articles (a block), then its key terms."""
    labels = for_language(language)
    items = [(a.title, href(section.uri, uris[a.source], directory_urls), summary(a)) for a in members]
    count = labels.ngettext("{n} article.", "{n} articles.", len(members)).format(n=len(members))
    out = front_matter(title=section.title) + f"# {escape(section.title)}\n\n{count}\n\n" + placeholder(0)
    if terms:
        out += f"\n## {labels._('Key terms')} {{#terms}}\n\n{term_list(terms, glossary_labels(language))}\n"
    return Rendered(out, (article_list(items),))


def _home_page(
    site_name: str,
    sections: Sequence[SectionInfo],
    members: dict[str, list[Article]],
    uris: dict[str, str],
    terms: Sequence[tuple[str, str, int]],
    language: str,
    directory_urls: bool,
) -> Rendered:
    """The home page: key terms, then each section's first articles (a block each). `members`: folder → its
    articles."""
    labels = for_language(language)
    out = [front_matter(title=labels._(HOME_TITLE)), f"# {escape(site_name)}\n"]
    blocks: list[str] = []
    if terms:
        out.append(labels._("Key terms: {links}").format(links=term_list(terms, glossary_labels(language))) + "\n")
    for section in sections:
        listed = members[section.folder]
        anchor = "section-" + slugify(section.uri.rsplit("/", 1)[0].replace("/", " "))
        out.append(f"## [{escape(section.title)}]({section.uri}) {{#{anchor}}}\n")
        out.append(placeholder(len(blocks)))
        blocks.append(article_list([(a.title, href("index.md", uris[a.source], directory_urls), summary(a))
                                    for a in listed[:HOME_ARTICLES]]))
        if len(listed) > HOME_ARTICLES:
            more = len(listed) - HOME_ARTICLES
            text = labels.ngettext("…and {n} more in {section}", "…and {n} more in {section}", more)
            out.append(f"[{text.format(n=more, section=escape(section.title))}]({section.uri})\n")
    if not sections:
        out.append(labels._("No articles yet: add a `.txt` file to `seeds/`.") + "\n")
    return Rendered("\n".join(out), tuple(blocks))


def _key_terms(
    sections: Sequence[Sequence[int]], links: Sequence[Links], glossary: glossary_stage.Glossary
) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int]]]:
    """Per section, its key terms with the number of its articles mentioning each; and the site's, with the
    number of all articles mentioning each. A key term is frequent in its section and rarer in the others:
    tf-idf over sections, where tf is the share of the section's articles mentioning the term and idf is
    log(tf / the term's mean share over all sections), so that a term as common everywhere scores nothing and
    one found mostly here scores high. Never a term listed but not linked, nor one in more than
    `KEY_TERM_SHARE` of a large site's articles. Ties (all of them on a one-section site) go to the terms the
    section's articles mention most. The site's key terms are those with the highest score in any section."""
    terms = glossary.terms
    tf: list[Counter[int]] = []
    weight: list[Counter[int]] = []  # how high the term ranks among each article's terms, summed
    for members in sections:
        tf.append(Counter(t for a in members for t in links[a].terms))
        weight.append(Counter())
        for a in members:
            weight[-1].update({t: len(links[a].terms) - rank for rank, t in enumerate(links[a].terms)})
    shares = [{t: n / max(len(members), 1) for t, n in counts.items()} for members, counts in zip(sections, tf)]
    mean = Counter()
    for share in shares:
        mean.update({t: value / len(sections) for t, value in share.items()})
    articles = sum(tf, Counter())
    total = sum(len(members) for members in sections)
    cap = KEY_TERM_SHARE * total if total >= KEY_TERM_SITE else total
    best: dict[int, tuple[float, int]] = {}
    per_section = []
    for counts, share, weights in zip(tf, shares, weight):
        scored = {
            t: (value * math.log(value / mean[t]), weights[t])
            for t, value in share.items() if terms[t].link and articles[t] <= cap
        }
        for t, score in scored.items():
            best[t] = max(best.get(t, score), score)
        top = sorted(scored, key=lambda t: (-scored[t][0], -scored[t][1], terms[t].name.casefold()))[:TOP_TERMS]
        per_section.append([(t, counts[t]) for t in top])
    top = sorted(best, key=lambda t: (-best[t][0], -best[t][1], terms[t].name.casefold()))[:TOP_TERMS]
    return per_section, [(t, articles[t]) for t in top]


def _article_counts(links: Sequence[Links], count: int) -> list[int]:
    """Per term, how many articles mention it."""
    out = [0] * count
    for mine in links:
        for t in mine.terms:
            out[t] += 1
    return out


def _fallback_tips(glossary: glossary_stage.Glossary, counts: Sequence[int], language: str
                   ) -> list[tuple[str, str]]:
    """Per term, its definition and the tooltip shown when there is none or the paragraph says it already."""
    words = glossary_labels(language)
    return [(definition_of(t), fallback_tip(t, n, words)) for t, n in zip(glossary.terms, counts)]


def _article_page(
    article: Article,
    uris: dict[str, str],
    glossary: glossary_stage.Glossary,
    tips: Sequence[tuple[str, str]],
    mine: Links,
    articles: Sequence[Article],
    directory_urls: bool,
    term_urls: Sequence[str],
    language: str,
) -> Page:
    """The article's page: its text with term links, the terms it mentions, its related articles (labels in the
    site's `language`). `term_urls`: each term page's URL from the glossary index."""
    uri = uris[article.source]
    terms = glossary.terms
    folder = href(uri, GLOSSARY_URI, directory_urls).rpartition("/")[0] + "/"  # the term pages' folder, from here
    paragraph_links = [
        [Link(h.start, h.end, folder + term_urls[h.term], term_tip(*tips[h.term], text)) for h in hits]
        for hits, text in zip(mine.hits, article.paragraphs)
    ]
    names = sorted(mine.terms, key=lambda t: terms[t].name.casefold())
    related = []
    titles = {article.title}
    for rel in mine.related:
        other = articles[rel.article]
        if other.title in titles:
            continue  # a title the reader sees already: two links alike say nothing of which to follow
        titles.add(other.title)
        shared = ", ".join([terms[t].name for t in rel.terms[:3]] or rel.words[:3])
        note = for_language(language)._("Shared: {names}").format(names=shared)
        related.append((other.title, href(uri, uris[other.source], directory_urls), note))
    term_links = [(terms[t].name, folder + term_urls[t]) for t in names]
    rendered = article_page(article, paragraph_links, term_links, related, language)
    return Page(uri, rendered.markdown, rendered.blocks, seed=article.source)


def _term_entries(
    glossary: glossary_stage.Glossary,
    articles: Sequence[Article],
    uris: dict[str, str],
    directory_urls: bool,
    term_uri: Sequence[str],
    about: Sequence[Sequence[int]] = (),
) -> list[TermEntry]:
    """Per term, what its page shows: every paragraph that mentions it (from the glossary's matching pass, which
    knows each mention's paragraph), by article; `about`: per term, the articles most about it, best first
    (`related.most_about`)."""
    paragraphs = [a.paragraphs for a in articles]
    places: list[dict[int, dict[int, Quoted]]] = [{} for _ in glossary.terms]
    for block, found in zip(glossary.blocks, glossary.hits):  # in reading order: each paragraph split once
        text = paragraphs[block.article][block.paragraph]
        source = articles[block.article].source
        mine: dict[int, list[Mention]] = {}
        for hit in found:
            mine.setdefault(hit.term, []).append(Mention(source, block.anchor, text, hit.start, hit.end))
        for t, mentions in mine.items():
            places[t].setdefault(block.article, {})[block.paragraph + 1] = Quoted(
                block.paragraph + 1, tuple(mentions), quote(mentions)
            )
    here = term_uri[0] if term_uri else GLOSSARY_URI  # every term page is in one folder: the same links
    urls = [href(here, uris[a.source], directory_urls) for a in articles]
    position = {a.source: i for i, a in enumerate(articles)}
    entries = []
    for t, (term, uri) in enumerate(zip(glossary.terms, term_uri)):
        mine = places[t]
        listed = tuple((articles[a].title, urls[a], tuple(numbered.values())) for a, numbered in mine.items())
        source = _term_source(term, articles, position, urls)
        related = tuple((glossary.terms[r].name, href(uri, term_uri[r], directory_urls)) for r in glossary.related[t])
        best = about[t] if t < len(about) else ()
        entries.append(TermEntry(term, uri, listed, source, related, _most_about(mine, best, articles, urls)))
    return entries


def _term_source(term: Term, articles: Sequence[Article], position: dict[str, int], urls: Sequence[str]
                 ) -> tuple[str, str] | None:
    """The article and paragraph (title, URL from a term page) the term's definition was taken from, if one was."""
    if definition_of(term) and term.source is not None and term.origin != "curated":
        a = position.get(term.source.article)
        if a is not None and term.source.text in articles[a].paragraphs:
            number = articles[a].paragraphs.index(term.source.text) + 1
            return articles[a].title, f"{urls[a]}#p{number}"
    return None


def _most_about(
    places: dict[int, dict[int, Quoted]], best: Sequence[int], articles: Sequence[Article], urls: Sequence[str]
) -> tuple[tuple[str, str, int], ...]:
    """The articles most about a term, when more than one mentions it: `best` (by the weight of the term in each
    article's TF-IDF vector, `related.most_about`), each with how often it mentions the term."""
    if len(places) < 2:
        return ()
    counts = {a: sum(len(q.mentions) for q in numbered.values()) for a, numbered in places.items()}
    return tuple((articles[a].title, urls[a], counts[a]) for a in best[:MOST_ABOUT] if a in counts)


def _glossary_json(
    entries: Sequence[TermEntry],
    glossary: glossary_stage.Glossary,
    articles: Sequence[Article],
    uris: dict[str, str],
    directory_urls: bool,
) -> str:
    """The glossary for other tools (its schema: `docs/assets/glossary.schema.json`): per term its page, kind,
    definition and origin, first use, aliases, related terms, and every paragraph that mentions it."""
    urls = {a.source: page_url(uris[a.source], directory_urls) for a in articles}
    paragraphs = {a.source: a.paragraphs for a in articles}

    def place(mention: Mention | None) -> dict | None:
        if mention is None or mention.text not in paragraphs.get(mention.article, ()):
            return None
        number = paragraphs[mention.article].index(mention.text) + 1
        return {"url": urls[mention.article], "anchor": f"p{number}", "sentence": mention.sentence}

    terms = []
    for entry, related in zip(entries, glossary.related):
        term = entry.term
        definition = definition_of(term)
        terms.append(
            {
                "name": term.name,
                "anchor": term.anchor,
                "url": page_url(entry.uri, directory_urls),
                "kind": kind_of(term),
                "definition": definition,
                "origin": term.origin if definition else "",
                "source": place(term.source) if definition and term.origin != "curated" else None,
                "context": place(term.context),
                "link": term.link,
                "aliases": list(term.aliases),
                "variants": list(term.variants),
                "related": [glossary.terms[r].anchor for r in related],
                "mentions": [
                    {"url": urls[quoted.mentions[0].article], "anchor": f"p{quoted.number}",
                     "section": quoted.mentions[0].anchor, "count": len(quoted.mentions)}
                    for _, _, numbered in entry.articles for quoted in numbered
                ],
            }
        )
    return json.dumps({"terms": terms}, ensure_ascii=False, separators=(",", ":")) + "\n"
