"""MkDocs hooks: with `preview.py` and `skeletons.py`, the only code that imports MkDocs. It reads the seeds, runs
the pipeline and hands the pages to MkDocs (an article or term page as a `skeletons.SkeletonPage`, converted
without Python-Markdown); every decision about the content is made in the `seedsite` package below it.

Along a build: `on_config` makes the pages (or takes them from the cache, `seedsite.cache`, when neither the
seeds nor the code changed since they were made; on a large site, a full build leaves the glossary, links and
pages to a second process and hands MkDocs the article pages' Markdown at once; under `mkdocs serve`, an edit to a
few seeds is a quick `pipeline.update` of the last site, which the second process stored in the cache), and
`on_files` hands them to MkDocs; `on_page_content` tells MkDocs the ids in a page's HTML blocks; `on_page_context`
puts the blocks in without links, for the search plugin; `on_post_page` adds the links; `on_post_build` writes
glossary.json. Under `--dirty`, `preview.DirtyPages` keeps unchanged pages unbuilt.

While the second process works, MkDocs goes on: the article and term pages are rendered ("late") with what the
search index reads of their blocks (an article's text without links, known from the article; a term's definition,
sent with the term pages), and each is written once its blocks come, with them in (the article pages in parts,
the rest of the site last, made meanwhile by another process); once the second process's pages have come, the
rest are rendered whole. The term pages are known once the second
process has made the glossary: it sends their Markdown first, and `on_page_context` puts them into the list of
pages MkDocs is going through (`on_post_build` writes the sitemap again). The home, section and glossary pages
come last; `on_page_context` waits for the second process there and converts their Markdown."""

from __future__ import annotations

import gc
import itertools
import logging
import os
import pickle
import posixpath
import re
import threading
import time
from dataclasses import dataclass, replace
from collections.abc import Callable, Iterator, Sequence
from typing import ClassVar
from pathlib import Path
from urllib.parse import quote

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import write_file
from mkdocs.utils.meta import get_data

import background
import preview
import skeletons
from seedsite import cache, labels, pipeline, render, sources

log = logging.getLogger("mkdocs.hooks.microsite")

SEEDS_FOLDER = "seeds"
"""The seeds folder, beside `mkdocs.yml`."""
QUICK_AFTER = float(os.environ.get("MICROSITE_QUICK_AFTER", "1.0"))
"""Under `mkdocs serve`, once a full pipeline run takes longer than this (seconds), an edit to a few seeds
rebuilds only their pages (`pipeline.update`); a smaller site is always rebuilt whole. The environment variable
MICROSITE_QUICK_AFTER sets it (0: always quick, as the tests use it)."""
BACKGROUND_FROM = int(os.environ.get("MICROSITE_BACKGROUND_FROM", "200"))
"""From this many seeds, a full build (`mkdocs serve`'s too) makes the glossary, links and pages in a second
process while MkDocs converts the article pages, whose Markdown depends on the article alone
(`pipeline.Draft.outline`). The environment variable MICROSITE_BACKGROUND_FROM sets it (0: always)."""

GIVE_WAY = 5
"""Niceness added to MkDocs' process once a second process makes the glossary, and to the third that counts the
words: the second's work (glossary, links, pages) is the build's longest path, while the rendering here and the
counting there can use whatever core is free. The second then seldom waits for a core, and MkDocs no longer waits
for the glossary: at 2,000 articles the cores stand idle about a second less (bench/README.md)."""

ALL_LATE = os.environ.get("MICROSITE_ALL_LATE") == "1"
"""With a second process at work, an article page is rendered with its placeholders ("late") until the second
process's pages have come; MICROSITE_ALL_LATE=1 renders every article page so, as on a large site (the tests
set it to put `_fill_late` to work on a small one)."""

ARTICLE_PARTS = 10
"""The second process sends the article pages in this many parts, so that MkDocs puts each part's text into the
pages it wrote meanwhile while the second process makes the next part."""

CACHE_FOLDER = ".cache/microsite"
"""Where the pipeline's last results are kept (`seedsite.cache`), beside `mkdocs.yml`."""
CACHE = os.environ.get("MICROSITE_CACHE", "1") != "0"
"""Whether builds take unchanged results from the cache and store new ones (MICROSITE_CACHE=0: never)."""

_TITLE = re.compile(r"^title: *(.*)$", re.MULTILINE)


class _State:
    serving = False
    hint = False
    """Whether to suggest `--dirty` (once, under a plain `mkdocs serve` of a large site)."""
    dirty: preview.DirtyPages | None = None
    site: pipeline.Site | None = None
    """The last full or quick build's site (for `pipeline.update`)."""
    stored: cache.Cached | None = None
    """The results the last build took from the cache: their whole site is read only when an edit needs it."""
    full_seconds = 0.0
    """How long the last full pipeline run took."""
    draft: pipeline.Draft | None = None
    pending: background.Background | None = None
    """`pipeline.finish` running in a second process."""
    started = 0.0
    began = 0.0
    """When the build began, by the clock of file times (`preview.DirtyPages.record`)."""
    made: tuple[Path, str, background.Background] | None = None
    """Where and under which key the second process stores its whole site, and the process: the next quick
    rebuild of `mkdocs serve` takes the site from there (`_last_site`: read a second after the build, while
    the editor has not edited yet)."""
    loading = threading.Lock()
    unrecorded: tuple[list[tuple], float] | None = None
    """Under `--dirty`: the last build's pages (uri, page, Markdown, blocks) and when it began, until `_record`
    has kept them."""
    pages: ClassVar[dict[str, pipeline.Page]] = {}
    """Page source path → the generated page (or its outline until `pending` is done)."""
    outlined: ClassVar[set[str]] = set()
    """Pages of the outline whose Markdown comes with the second process's pages."""
    waiting: ClassVar[dict[str, Page]] = {}
    """Pages converted before their blocks were made."""
    unlinked: ClassVar[dict[str, list[str]]] = {}
    """Page source path → its blocks without links (made by the second process, or when first put in)."""
    late: ClassVar[dict[str, _Late]] = {}
    """Pages rendered before the second process was done, in build order."""
    articles: ClassVar[dict[str, pipeline.Article]] = {}
    """Page source path → its article, while a second process makes the pages."""
    search: object | None = None
    """Material's search plugin, if on (`preview.DirtyPages.merge_search_index`)."""
    unwatch: Callable[[], None] | None = None
    """Stops watching the seeds (`preview.watch_natively`)."""
    page_of: ClassVar[Callable[[File], Page]]
    """Makes an article's or term's page (`skeletons.page_maker`)."""
    files: Files | None = None
    made_pages: tuple[list[pipeline.Page], str] = ([], "")
    """What `on_config` made of the seeds for `on_files`: the pages (or their outline), and how."""
    glossary_json = ""
    second = False
    """Whether a second process made this build's pages."""
    terms_due = False
    """Whether the term pages are still to be handed to MkDocs (`_terms_in_time`)."""
    late_terms = False
    """Whether they were handed to MkDocs after it wrote the sitemap."""
    position = -1
    """Where in MkDocs' list of pages to render the last page seen is (while `terms_due`)."""
    env = None
    nav: Navigation | None = None
    """The build's template environment and nav: `on_post_build` writes the sitemap again with the term pages."""


@dataclass
class _Late:
    """A page rendered before its blocks were made: with what the search index reads of them in their place
    (`render.article_search_view`, `render.term_search_view`), which `_fill` replaces by the blocks before it
    writes the page."""

    page: Page
    view: list[str]
    output: str | None = None
    """The page's HTML once rendered, until `_fill` writes it."""


def _language(config: MkDocsConfig) -> str:
    """The site's language: the theme's `language` (Material's), else its `locale` (MkDocs' own themes)."""
    return str(config.theme.get("language") or config.theme.get("locale") or "en")


def _seeds_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / SEEDS_FOLDER


def _cache_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / CACHE_FOLDER


def on_startup(command: str, dirty: bool) -> None:
    _State.serving = command == "serve"
    if _State.serving and dirty:
        _State.dirty = preview.DirtyPages()
    _State.hint = _State.serving and not dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The pages are made here (or a second process is started on them: the sooner, the sooner it is done, and
    MkDocs has its own start to make meanwhile), and handed to MkDocs in `on_files`. The permalinks of Markdown
    headings are titled in the site's language, as those `render` writes (unless `mkdocs.yml` titles them).
    Material's search already follows `theme.language`."""
    if "toc" in config.markdown_extensions:
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("permalink_title", labels.for_language(_language(config))._("Permanent link"))
    _State.started, _State.began = time.perf_counter(), time.time()
    _State.pending, _State.draft = None, None
    _State.waiting.clear()
    _State.unlinked.clear()
    _State.late.clear()
    _State.articles.clear()
    _Unwritten.install()
    _State.search = _search_plugin(config)
    _State.page_of = skeletons.page_maker(config)
    _State.made_pages = _pages(sources.load(_seeds_dir(config), SEEDS_FOLDER), config)
    return config


def on_shutdown() -> None:
    if _State.unwatch is not None:
        _State.unwatch()
    if _State.dirty is not None:
        with _State.loading:  # (not while `_record` writes there)
            _State.unrecorded = None
            _State.dirty.close()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _State.files = files
    pages, how = _State.made_pages
    _State.pages = {page.uri: page for page in pages}
    _State.outlined = {page.uri for page in pages if not page.complete}
    _State.second = _State.terms_due = _State.pending is not None
    _State.late_terms, _State.position = False, -1
    _record()  # (if `_after_serving` has not yet)
    _add(files, pages, config, _seeds_dir(config))
    if _State.dirty is not None:
        count = _State.dirty.settle(files, config, _nav_key(files, pages))
        how += f", {count} page{'s' if count != 1 else ''} to rebuild"
    articles = sum(page.seed is not None for page in pages)
    sections = sum(page.in_nav and page.uri.endswith("/index.md") and page.uri != pipeline.GLOSSARY_URI
                   for page in pages)
    log.info(f"microsite: {articles} articles in {sections} sections, {how}")
    if _State.hint and _State.full_seconds > QUICK_AFTER:
        _State.hint = False
        log.info("microsite: `mkdocs serve --dirty` (what `make serve` runs) re-renders only the pages an edit "
                 "changes; without it every rebuild renders them all")
    return files


def _pages(loaded: sources.Sources, config: MkDocsConfig) -> tuple[list[pipeline.Page], str]:
    """The generated pages (or their outline, while a second process makes them), and how they were made."""
    started = _State.started
    options = (config.site_name, config.use_directory_urls, _language(config))
    if _State.serving and _State.full_seconds > QUICK_AFTER and (previous := _last_site()) is not None:
        site = pipeline.update(previous, loaded, *options)
        if site is not None:
            _take(site)
            return list(site.pages), (
                f"quick pipeline {time.perf_counter() - started:.2f} s "
                "(edited seeds only; glossary and related articles as of the last full build)"
            )
    key = cache.key(pipeline.inputs(loaded, *options)) if CACHE else ""
    stored = cache.load(_cache_dir(config), key) if key else None
    if stored is not None:
        _keep(stored=stored)
        _State.full_seconds = stored.seconds
        _State.glossary_json = stored.site.glossary_json
        _State.unlinked.update(stored.unlinked)
        _report(stored.site.problems)
        return list(stored.site.pages), (
            f"pages from the cache in {time.perf_counter() - started:.2f} s (seeds and code as in the build that "
            f"made them in {stored.seconds:.2f} s)"
        )
    reading = (loaded, config.site_name, SEEDS_FOLDER, *options[1:])
    second = len(loaded.seeds) >= BACKGROUND_FROM and background.available()
    if second:  # (it reads half the seeds meanwhile: `_read_apart`)
        _State.pending = background.Background(_finish_lean, reading, _cache_dir(config), key)
        if os.nice(0) == 0:  # (once: a process may lower its priority, not raise it again; `mkdocs serve` keeps it)
            os.nice(GIVE_WAY)
        _keep(made=(_cache_dir(config), key, _State.pending) if key else None)
    _State.draft = draft = pipeline.draft(*reading, read=_read_apart(loaded, reading[-1]) if second else None)
    if second:
        _State.articles.update((draft.uris[article.source], article) for article in draft.articles)
        _report(draft.problems)
        how = f"seeds read in {time.perf_counter() - started:.2f} s; glossary, links and pages in a second process"
        return draft.outline(), how
    site = pipeline.finish(draft)
    _State.full_seconds = time.perf_counter() - started
    _take(site)
    if key:
        cache.store(_cache_dir(config), key, site, _State.full_seconds)
    return list(site.pages), f"pipeline {_State.full_seconds:.2f} s"


def _read_apart(loaded: sources.Sources, language: str) -> dict[str, pipeline.Article | str] | None:
    """The seeds read here and by the second process, half each (it sends the second half first thing, then reads
    the first half too); None if it failed."""
    read = pipeline.read_seeds(loaded.seeds[: len(loaded.seeds) // 2], language)
    try:
        return read | _State.pending.next()
    except RuntimeError:
        return None  # (`_terms_in_time` will say why)


def _last_site() -> pipeline.Site | None:
    """The last build's whole site, read from the cache's results if the build took them from there (or a second
    process made them: it stores them once it has sent its pages)."""
    with _State.loading:
        if _State.site is None and _State.stored is None and _State.made is not None:
            folder, key, child = _State.made
            child.wait()  # (it stores them before it ends)
            _State.made, _State.stored = None, cache.load(folder, key)
        if _State.site is None and _State.stored is not None:
            _State.site, _State.stored = _State.stored.whole(), None
        return _State.site


def _keep(site: pipeline.Site | None = None, stored: cache.Cached | None = None,
          made: tuple[Path, str, background.Background] | None = None) -> None:
    """The last build's site, for `_last_site`: made, stored in the cache, or being stored by a second process.
    (Under the lock: a timer may be reading the last one, `on_post_build`.)"""
    with _State.loading:
        _State.site, _State.stored, _State.made = site, stored, made


def _take(site: pipeline.Site) -> None:
    _keep(site=site)
    _State.glossary_json = site.glossary_json
    _report(site.problems)


def _add(files: Files, pages: list[pipeline.Page], config: MkDocsConfig, seeds_dir: Path) -> None:
    """Hand the pages to MkDocs."""
    seeds = Path(os.path.relpath(seeds_dir, Path(config.docs_dir).resolve())).as_posix()
    for page in pages:
        existing = files.src_uris.get(page.uri)
        if existing is not None:
            log.warning(f"docs/{page.uri}: a generated page has this path; the hand-written file is ignored")
            files.remove(existing)
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        edit_uri = quote(posixpath.normpath(f"{seeds}/{page.seed}")) if page.seed is not None else None
        if _State.dirty is not None:
            file = _State.dirty.file(config, page.uri, page, page.markdown, page.blocks, edit_uri, inclusion=inclusion)
        else:
            file = File.generated(config, page.uri, content=page.markdown, inclusion=inclusion)
            file.edit_uri = edit_uri
        if not page.in_nav and file.page is None:  # an article or term page: its Markdown is a skeleton
            _State.page_of(file)
        files.append(file)


def _nav_key(files: Files, pages: list[pipeline.Page]) -> tuple:
    """What the nav is made of: the generated nav pages' titles, the hand-written ones' modification times."""
    titles = [(p.uri, title.group(1) if (title := _TITLE.search(p.markdown)) else "") for p in pages if p.in_nav]
    written = [(f.src_uri, os.path.getmtime(f.abs_src_path)) for f in files.documentation_pages()
               if f.inclusion.is_in_nav() and f.generated_by is None and f.abs_src_path]
    return tuple(titles + written)


def _finish_lean(reading: tuple, folder: Path, key: str) -> Iterator:
    """In the second process, from the seeds `reading` names (`pipeline.draft`'s arguments: MkDocs makes the
    same draft meanwhile), as soon as each is made: the second half of the seeds read (`_read_apart`); the term
    pages' outline (`_terms_in_time`); the article pages in `ARTICLE_PARTS` parts; then the rest of the site
    (`_rest`, made meanwhile in another process, as the words are counted while the glossary is made: `_words`;
    whenever it would wait for those, it splits the paragraphs' sentences, which the term pages quote:
    `_meanwhile`). Then the whole site goes to the cache (under `key`, unless it is empty)."""
    started = time.perf_counter()
    loaded, language = reading[0], reading[-1]
    yield pipeline.read_seeds(loaded.seeds[len(loaded.seeds) // 2 :], language)  # (`_read_apart`)
    draft = pipeline.draft(*reading)  # (what it read of it is remembered: `pipeline._read`)
    words = background.Background(_words, draft)
    counted = _meanwhile(words, pipeline.sentence_work(draft))
    glossary = pipeline.glossary_of(draft, counted)
    yield pipeline.term_outline(draft, glossary)
    links = pipeline.links_of(draft, glossary, counted)
    rest = background.Background(_rest, draft, glossary, links)
    made = pipeline.article_pages(draft, glossary, links)
    pages: list[pipeline.Page] = []
    size = -(-len(draft.articles) // ARTICLE_PARTS)
    while part := list(itertools.islice(made, size)):
        pages.extend(part)
        yield part  # (MkDocs makes what the search index reads of an article: `render.article_search_view`)
    sent = rest.next_sent()
    yield sent  # passed on as the third process sent it
    cache.let_go_of_output()  # (nothing more to say: the build may end while the cache is written)
    ok, value = pickle.loads(sent)
    if key and ok:
        site, plain = value
        whole = replace(site, pages=(*pages, *site.pages), articles=draft.articles, glossary=glossary,
                        links=tuple(links))
        plain |= cache.unlinked_blocks(pages)
        cache.store(folder, key, whole, time.perf_counter() - started, plain, detach=False)  # (see `made`)


def _meanwhile(other: background.Background, work: Iterator[None]) -> Callable[[], object]:
    """A function returning the next value `other` yields that, while it waits for it, takes steps of `work`."""
    def next_value() -> object:
        while not other.ready() and next(work, True) is None:
            pass
        return other.next()
    return next_value


def _words(draft: pipeline.Draft) -> Iterator:
    """In another process, while the second makes the glossary: the corpus's lower-case words, which the glossary
    needs once it has counted the names and what the text marks as terms (`pipeline.word_counts`); then the
    articles' words (`pipeline.word_bags`)."""
    os.nice(GIVE_WAY)  # (the second process wants these words, but not before it has counted the names)
    yield pipeline.word_counts(draft)
    yield pipeline.word_bags(draft)


def _rest(draft: pipeline.Draft, glossary: pipeline.glossary_stage.Glossary, links: list) -> Iterator:
    """In another process, while the second makes the article pages: the site but its article pages, with only
    what `mkdocs build` needs of it (`cache.lean`: the rest is not worth sending), and its pages' blocks without
    links."""
    site = pipeline.finish(draft, glossary, (links, []))
    yield cache.lean(site), cache.unlinked_blocks(site.pages)


def _report(problems) -> None:
    for problem in problems:
        (log.warning if problem.fatal or problem.warning else log.info)(str(problem))


def _receive(wait: bool) -> None:
    """Take what the second process has sent since the term pages' outline: the parts of the article pages (the
    late ones get their blocks at once: `_fill`), then the rest; `wait`: until all of it came."""
    pending, draft = _State.pending, _State.draft
    while pending is not None and draft is not None and (wait or pending.ready()):
        waited = time.perf_counter()
        try:
            message = pending.next()
        except RuntimeError as err:
            log.warning(f"microsite: the second process failed, so the glossary is made here: {err}")
            _State.terms_due = False
            _done(pipeline.finish(draft), {}, waited)
            return
        if _State.terms_due:  # (no page of ours was rendered: nowhere to put the term pages)
            _State.terms_due = False
        elif isinstance(message, list):  # a part of the article pages
            _take_pages(message, {})
            for page in message:
                if (late := _State.late.get(page.uri)) is not None:
                    _fill(page.uri, late)
        else:
            _done(*message, waited)
            return


def _done(site: pipeline.Site, plain: dict[str, list[str]], waited: float) -> None:
    """The second process's last pages (or the pages made here, if it failed)."""
    _State.pending = None
    _take_pages(site.pages, plain)
    _report(site.problems[len(_State.draft.problems) :])
    _State.glossary_json = site.glossary_json  # a lean site: not one for `pipeline.update`
    now = time.perf_counter()
    _State.full_seconds = now - _State.started
    log.info(f"microsite: glossary, links and pages ready {now - _State.started:.2f} s after the build began "
             f"(waited {now - waited:.2f} s for them)")


def _take_pages(pages: Sequence[pipeline.Page], plain: dict[str, list[str]]) -> None:
    """Pages made by the second process (or here, if it failed), and their blocks without links."""
    for page in pages:
        _State.pages[page.uri] = page
    _State.unlinked.update(plain)
    for uri in [uri for uri in _State.waiting if _State.pages[uri].blocks]:
        _anchors(_State.waiting.pop(uri), _State.pages[uri].blocks)


def on_env(env, config: MkDocsConfig, files: Files):
    """The templates' own texts (`overrides/404.html`: `{{ _("Page not found") }}`) are labels too."""
    env.install_gettext_translations(labels.for_language(_language(config)).translations, newstyle=True)
    env.globals["memo"] = {}  # what the pages of one folder (`shared`, in their context) share: overrides/main.html
    _index_pages_last(files)
    gc.freeze()  # what is made so far lives through the build: the collector's passes skip it (`on_post_build`)
    _State.env = env if _State.dirty is None else _State.dirty.environment(env, config)
    return _State.env


def _index_pages_last(files: Files) -> None:
    """The home, section and glossary pages are rendered after the articles and term pages: while a second
    process works, they are the only pages that wait for it (every build puts them last, so that every build
    writes the same sitemap and search index)."""
    for uri, page in list(_State.pages.items()):
        file = files.src_uris.get(uri)
        if page.in_nav and file is not None:
            files.remove(file)
            files.append(file)


def _terms_in_time(pages: list[File], page: Page, config: MkDocsConfig) -> None:
    """While a second process makes the pages, the term pages are known once it has made the glossary: MkDocs
    renders the article pages meanwhile, and the term pages are put into its list of pages to render (`pages`,
    which it is going through) as soon as their Markdown comes, or at the latest before the first index page."""
    at = _State.position + 1  # MkDocs goes through `pages` in order: the page after the last one seen, mostly
    if at >= len(pages) or pages[at] is not page.file:
        at = pages.index(page.file)
    _State.position = at
    following = pages[at + 1].src_uri if at + 1 < len(pages) else None
    due = page.file.src_uri in _State.outlined or following is None or following in _State.outlined
    if not due and not _State.pending.ready():
        return
    _State.terms_due, _State.late_terms = False, True
    waited = time.perf_counter()
    try:
        outline, searched = _State.pending.next()
        _State.unlinked.update(searched)
        now = time.perf_counter()
        log.info(f"microsite: {len(outline)} term pages outlined {now - _State.started:.2f} s after the build "
                 f"began (waited {now - waited:.2f} s for them)")
    except RuntimeError:
        _receive(wait=True)  # says why, and makes the pages here
        outline = [p for uri, p in _State.pages.items() if _State.files.get_file_from_path(uri) is None]
    files = _State.files
    added = [_term_file(term, files, config) for term in outline]
    first_index = next((i for i in range(at + 1, len(pages)) if pages[i].src_uri in _State.outlined), len(pages))
    pages[first_index:first_index] = added
    _index_pages_last(files)


def _term_file(page: pipeline.Page, files: Files, config: MkDocsConfig) -> File:
    """A term page handed to MkDocs once the build has begun: its file, converted (its blocks may come later)."""
    file = File.generated(config, page.uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(file)
    _State.page_of(file)
    file.page.read_source(config)
    file.page.render(config, files)
    _State.pages[page.uri] = page
    if page.blocks:
        _anchors(file.page, page.blocks)
    else:
        _State.waiting[page.uri] = file.page
    return file


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """A section holding nothing but its index page (as the seed sections and the glossary do: articles and term
    pages stay out of the nav) becomes a plain link to that page; the glossary comes last."""
    items = [_flat(item) for item in nav.items]
    last = [item for item in items if isinstance(item, Page) and item.file.src_uri == pipeline.GLOSSARY_URI]
    nav.items = [item for item in items if item not in last] + last
    if _State.dirty is not None:
        _State.dirty.keep_titles(nav)
    _State.nav = nav
    return nav


def _flat(item):
    if isinstance(item, Section):
        item.children = [_flat(child) for child in item.children]
        if len(item.children) == 1 and isinstance(item.children[0], Page) and item.children[0].is_index:
            page = item.children[0]
            page.parent = item.parent
            return page
    return item


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """MkDocs checks links to the ids in a page's blocks once every page is converted: they are added here, or
    when the second process's pages arrive."""
    mine = _State.pages.get(page.file.src_uri)
    if mine is not None and mine.blocks:
        _anchors(page, mine.blocks)
    elif mine is not None and _State.pending is not None:
        _State.waiting[page.file.src_uri] = page
    return html


def _anchors(page: Page, blocks) -> None:
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= render.ids(blocks)


@event_priority(50)  # before the search plugin indexes the page
def on_page_context(context, page: Page, config: MkDocsConfig, nav: Navigation):
    """The page's text blocks go in without their links: the search plugin's index keeps a link's text, not the
    link, so it is the same index, made without parsing thousands of links (`on_post_page` adds them). While the
    second process works, an article or term page whose blocks it has not sent yet is rendered with its
    placeholders filled with what the search index reads of them (`_fill` puts them in once they come)."""
    context["shared"] = f"{context['base_url']} {posixpath.dirname(page.url.rstrip('/'))}"  # see `on_env`
    if _State.terms_due:
        _terms_in_time(context["pages"], page, config)
    uri = page.file.src_uri
    mine = _State.pages.get(uri)
    if mine is None or page.content is None:
        return context
    if _State.pending is not None and uri not in _State.outlined:
        if not mine.blocks and not _State.terms_due:
            _receive(wait=False)
        if ALL_LATE or not _State.pages[uri].blocks:
            late = _Late(page, _State.unlinked.pop(uri, None) or render.article_search_view(_State.articles[uri]))
            _State.late[uri] = late  # (a term page's view came with the term pages)
            page.content = _filled(page, late.view)
            return context
    elif uri in _State.outlined:
        _receive(wait=True)
        _convert(page, _State.pages[uri], config)
    mine = _State.pages[uri]
    if not mine.blocks:
        return context
    page.content = _filled(page, _unlinked(uri))
    return context


def _convert(page: Page, mine: pipeline.Page, config: MkDocsConfig) -> None:
    """A home, section or glossary page of the outline, converted again now that its Markdown is made."""
    _State.outlined.discard(page.file.src_uri)
    page.markdown, meta = get_data(mine.markdown)
    page.meta.update(meta)
    page.render(config, _State.files)
    _anchors(page, mine.blocks)


def _unlinked(uri: str) -> list[str]:
    """The page's blocks without their links, made by the second process if one was at work."""
    if uri not in _State.unlinked:
        _State.unlinked[uri] = [render.unlinked(block) for block in _State.pages[uri].blocks]
    return _State.unlinked[uri]


def _filled(page: Page, blocks: list[str]) -> str:
    content, filled = render.fill(page.content, blocks)
    if filled != len(blocks):
        log.warning(f"{page.file.src_uri}: {len(blocks) - filled} of {len(blocks)} text blocks were not "
                    "placed (a Markdown extension changed their placeholders)")
    return content


def _search_plugin(config: MkDocsConfig):
    """Material's search plugin (its index lists entries in page order), if it is on."""
    for plugin in config.plugins.values():
        if isinstance(getattr(getattr(plugin, "search_index", None), "entries", None), list):
            return plugin
    return None


@event_priority(-100)  # after the other plugins: a late page's HTML is kept as they leave it
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page's links put in; a late page whose blocks are still to come is kept, and written by `_fill`
    (MkDocs writes no empty page: `_Unwritten`)."""
    uri = page.file.src_uri
    late = _State.late.get(uri)
    if late is not None and (ALL_LATE or not _State.pages[uri].blocks):
        late.output, output = output, ""
    elif view := late.view if late is not None else _State.unlinked.pop(uri, None):
        output = _linked(output, view, _State.pages[uri].blocks, uri)
    if _State.dirty is not None:
        _State.dirty.built(page.file.src_uri, page.title)
    return output


def on_serve(server, config: MkDocsConfig, builder):
    seeds = str(_seeds_dir(config))
    _State.unwatch = preview.watch_natively(server, seeds)
    if _State.unwatch is None:
        server.watch(seeds)
    return server


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    _receive(wait=True)
    _fill_late()
    if _State.late_terms and "sitemap.xml" in config.theme.static_templates:  # written before they came
        mkdocs_build._build_theme_template("sitemap.xml", _State.env, _State.files, config, _State.nav)
    if _State.glossary_json:
        Path(config.site_dir, "glossary.json").write_text(_State.glossary_json, encoding="utf-8")
    if _State.dirty is not None:  # (what MkDocs was first handed of the pages may not be what they are now)
        _State.dirty.track(_State.files)
        _State.dirty.merge_search_index(_State.search)
        pages = [(uri, page, page.markdown, page.blocks) for uri, page in _State.pages.items()]
        _State.unrecorded = (pages, _State.began)
    if _State.serving:
        reader = threading.Timer(1.0, _after_serving)
        reader.daemon = True
        reader.start()
    gc.unfreeze()


def _record() -> None:
    """The last build's pages as they were rendered, for the next `--dirty` rebuild (`DirtyPages.record`)."""
    with _State.loading:
        if _State.unrecorded is not None:
            _State.dirty.record(*_State.unrecorded)
            _State.unrecorded = None


def _after_serving() -> None:
    """A second after a build of `mkdocs serve`, once it serves the pages, while the editor has not edited yet
    (else the next build does it first): what `_record` keeps, and the whole site for a quick rebuild
    (`_last_site`: made here, taken from the cache or stored by a second process)."""
    _record()
    _last_site()


def _linked(html: str, unlinked: Sequence[str], blocks: Sequence[str], uri: str) -> str:
    """The page's HTML with its blocks in place of what the search index read of them (in page order: each is
    looked for after the one before)."""
    pieces, done = [], 0
    for plain, block in zip(unlinked, blocks):
        at = html.find(plain, done)
        if at < 0:
            log.warning(f"{uri}: a text block could not be put in (a plugin changed the page's HTML)")
            continue
        pieces += (html[done:at], block)
        done = at + len(plain)
    pieces.append(html[done:])
    return "".join(pieces)


class _Unwritten(logging.Filter):
    """Leaves out MkDocs' note that it did not write a late page (`on_post_page`): `_fill` writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not (message.startswith("Page skipped: '") and message[15 : message.rfind("'")] in _State.late)

    @classmethod
    def install(cls) -> None:
        """On MkDocs' build log, once (in place of one this hook's module installed when last imported)."""
        build_log = logging.getLogger(mkdocs_build.__name__)
        for old in [f for f in build_log.filters if type(f).__qualname__ == cls.__qualname__]:
            build_log.removeFilter(old)
        build_log.addFilter(cls())


def _fill(uri: str, late: _Late, last: bool = False) -> None:
    """A late page, once rendered and its blocks made (or at `last`), written with its blocks in."""
    blocks = _State.pages[uri].blocks
    if late.output is not None and (blocks or last):
        html = _linked(late.output, late.view, blocks, uri)
        write_file(html.encode("utf-8", errors="xmlcharrefreplace"), late.page.file.abs_dest_path)
        late.output = None


def _fill_late() -> None:
    """Every late page written (`_fill`)."""
    for uri, late in _State.late.items():
        _fill(uri, late, last=True)
    if _State.late:
        log.info(f"microsite: text put into the {len(_State.late)} pages rendered while the second process worked")
    _State.late.clear()
