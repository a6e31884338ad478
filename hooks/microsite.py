"""MkDocs hooks: the only module that imports MkDocs. It reads the seeds, runs the pipeline and hands the pages
to MkDocs; every decision is made in the `seedsite` package below it."""

from __future__ import annotations

import logging
import os
import re
import time
from typing import ClassVar
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.files import File, Files, InclusionLevel

import preview
from seedsite import pipeline, render, sources

log = logging.getLogger("mkdocs.hooks.microsite")

SEEDS_FOLDER = "seeds"
"""The seeds folder, beside `mkdocs.yml`."""
QUICK_AFTER = float(os.environ.get("MICROSITE_QUICK_AFTER", "1.0"))
"""Under `mkdocs serve`, once a full pipeline run takes longer than this (seconds), an edit to a few seeds
rebuilds only their pages (`pipeline.update`); a smaller site is always rebuilt whole. The environment variable
MICROSITE_QUICK_AFTER sets it (0: always quick, as the tests use it)."""

_TITLE = re.compile(r"^title: *(.*)$", re.MULTILINE)


class _State:
    site: pipeline.Site | None = None
    full_seconds = 0.0
    """How long the last full pipeline run took."""
    serving = False
    dirty: preview.DirtyPages | None = None
    blocks: ClassVar[dict[str, tuple[str, ...]]] = {}
    """Page source path → the HTML blocks its Markdown holds placeholders for."""
    unlinked: ClassVar[dict[str, list[str]]] = {}
    """Page source path → its blocks as first put in (without links)."""


def _seeds_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / SEEDS_FOLDER


def on_startup(command: str, dirty: bool) -> None:
    _State.serving = command == "serve"
    if _State.serving and dirty:
        _State.dirty = preview.DirtyPages()


def on_shutdown() -> None:
    if _State.dirty is not None:
        _State.dirty.close()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    started = time.perf_counter()
    seeds_dir = _seeds_dir(config)
    loaded = sources.load(seeds_dir, SEEDS_FOLDER)
    site = None
    if _State.serving and _State.site is not None and _State.full_seconds > QUICK_AFTER:
        site = pipeline.update(_State.site, loaded, config.site_name, config.use_directory_urls)
    if site is None:
        site = pipeline.build(loaded, config.site_name, SEEDS_FOLDER, config.use_directory_urls)
        _State.full_seconds = time.perf_counter() - started
        how = "pipeline {:.2f} s"
    else:
        how = "quick pipeline {:.2f} s (edited seeds only; glossary and related articles as of the last full build)"
    _State.site = site
    _State.blocks.clear()
    for problem in site.problems:
        (log.warning if problem.fatal else log.info)(str(problem))
    docs_dir = Path(config.docs_dir).resolve()
    nav_key = []
    for page in site.pages:
        existing = files.get_file_from_path(page.uri)
        if existing is not None:
            log.warning(f"docs/{page.uri}: a generated page has this path; the hand-written file is ignored")
            files.remove(existing)
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        if _State.dirty is not None:
            file = _State.dirty.file(config, page.uri, page.markdown, page.blocks, inclusion=inclusion)
        else:
            file = File.generated(config, page.uri, content=page.markdown, inclusion=inclusion)
        if page.in_nav:
            nav_key.append((page.uri, title.group(1) if (title := _TITLE.search(page.markdown)) else ""))
        if page.blocks:
            _State.blocks[page.uri] = page.blocks
        if page.seed is not None:
            file.edit_uri = quote(Path(os.path.relpath(seeds_dir / page.seed, docs_dir)).as_posix())
        files.append(file)
    rebuilt = ""
    if _State.dirty is not None:
        nav_key.extend((f.src_uri, os.path.getmtime(f.abs_src_path)) for f in files.documentation_pages()
                       if f.inclusion.is_in_nav() and f.generated_by is None and f.abs_src_path)
        count = _State.dirty.settle(files, config, tuple(nav_key))
        rebuilt = f", {count} page{'s' if count != 1 else ''} to rebuild"
    log.info(
        f"microsite: {len(site.articles)} articles in {len(site.sections)} sections, "
        + how.format(time.perf_counter() - started) + rebuilt
    )
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """A section holding nothing but its index page (as the seed sections do: articles stay out of the nav)
    becomes a plain link to that page."""
    nav.items = [_flat(item) for item in nav.items]
    if _State.dirty is not None:
        _State.dirty.keep_titles(nav)
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
    """The page's text blocks go in, for now without their links (see `on_page_context`)."""
    blocks = _State.blocks.get(page.file.src_uri)
    if not blocks:
        return html
    unlinked = _State.unlinked[page.file.src_uri] = [render.unlinked(block) for block in blocks]
    html, filled = render.fill(html, unlinked)
    if filled != len(blocks):
        log.warning(f"{page.file.src_uri}: {len(blocks) - filled} of {len(blocks)} text blocks were not placed "
                    "(a Markdown extension changed their placeholders)")
    if page.present_anchor_ids is not None:  # MkDocs checks links to these ids once every page is rendered
        page.present_anchor_ids |= render.ids(blocks)
    return html


@event_priority(-50)
def on_page_context(context, page: Page, config: MkDocsConfig, nav: Navigation):
    """Once the search plugin has indexed the page (its index keeps a link's text, not the link), the blocks
    get their links: the index is the same, and the search plugin never parses the thousands of term links."""
    blocks = _State.blocks.get(page.file.src_uri)
    unlinked = _State.unlinked.pop(page.file.src_uri, None)
    if blocks and unlinked and page.content:
        content = page.content
        for plain, block in zip(unlinked, blocks):
            content = content.replace(plain, block, 1)
        page.content = content
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _State.dirty is not None:
        _State.dirty.built(page.file.src_uri, page.title)
    return output


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(_seeds_dir(config)))
    return server


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    if _State.site is not None:
        Path(config.site_dir, "glossary.json").write_text(_State.site.glossary_json, encoding="utf-8")
    if _State.dirty is not None:
        _State.dirty.merge_search_index(config)
