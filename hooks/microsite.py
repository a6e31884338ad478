"""MkDocs hooks: the only module that imports MkDocs. It reads the seeds, runs the pipeline and hands the pages
to MkDocs; every decision is made in the `seedsite` package below it."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.files import File, Files, InclusionLevel

from seedsite import pipeline, render, sources

log = logging.getLogger("mkdocs.hooks.microsite")

SEEDS_FOLDER = "seeds"
"""The seeds folder, beside `mkdocs.yml`."""

_site: pipeline.Site | None = None
_blocks: dict[str, tuple[str, ...]] = {}
"""Page source path → the HTML blocks its Markdown holds placeholders for."""


def _seeds_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / SEEDS_FOLDER


def on_config(config: MkDocsConfig) -> None:
    global _site
    _site = None
    _blocks.clear()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _site
    started = time.perf_counter()
    seeds_dir = _seeds_dir(config)
    _site = pipeline.build(
        sources.load(seeds_dir, SEEDS_FOLDER), config.site_name, SEEDS_FOLDER, config.use_directory_urls
    )
    _blocks.clear()
    for problem in _site.problems:
        (log.warning if problem.fatal else log.info)(str(problem))
    docs_dir = Path(config.docs_dir).resolve()
    for page in _site.pages:
        existing = files.get_file_from_path(page.uri)
        if existing is not None:
            log.warning(f"docs/{page.uri}: a generated page has this path; the hand-written file is ignored")
            files.remove(existing)
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.uri, content=page.markdown, inclusion=inclusion)
        if page.blocks:
            _blocks[page.uri] = page.blocks
        if page.seed is not None:
            file.edit_uri = quote(Path(os.path.relpath(seeds_dir / page.seed, docs_dir)).as_posix())
        files.append(file)
    log.info(
        f"microsite: {len(_site.articles)} articles in {len(_site.sections)} sections, "
        f"pipeline {time.perf_counter() - started:.2f} s"
    )
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """A section holding nothing but its index page (as the seed sections do: articles stay out of the nav)
    becomes a plain link to that page."""
    nav.items = [_flat(item) for item in nav.items]
    return nav


def _flat(item):
    if isinstance(item, Section):
        item.children = [_flat(child) for child in item.children]
        if len(item.children) == 1 and isinstance(item.children[0], Page) and item.children[0].is_index:
            page = item.children[0]
            page.parent = item.parent
            return page
    return item


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """The page's text blocks go in, for now without their links (see `on_page_context`)."""
    blocks = _blocks.get(page.file.src_uri)
    if not blocks:
        return html
    html, filled = render.fill(html, [render.unlinked(block) for block in blocks])
    if filled != len(blocks):
        log.warning(f"{page.file.src_uri}: {len(blocks) - filled} of {len(blocks)} text blocks were not placed "
                    "(a Markdown extension changed their placeholders)")
    if page.present_anchor_ids is not None:  # MkDocs checks links to these ids once every page is rendered
        page.present_anchor_ids |= render.ids(blocks)
    return html


@event_priority(-50)
def on_page_context(context, page, config: MkDocsConfig, nav):
    """Once the search plugin has indexed the page (its index keeps a link's text, not the link), the blocks
    get their links: the index is the same, and the search plugin never parses the thousands of term links."""
    blocks = _blocks.get(page.file.src_uri)
    if blocks:
        content = page.content
        for block in blocks:
            content = content.replace(render.unlinked(block), block, 1)
        page.content = context["page"].content = content
    return context


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(_seeds_dir(config)))
    return server


def on_post_build(config: MkDocsConfig) -> None:
    if _site is not None:
        Path(config.site_dir, "glossary.json").write_text(_site.glossary_json, encoding="utf-8")
