"""MkDocs hooks: the only module that imports MkDocs. It reads the seeds, runs the pipeline and hands the pages
to MkDocs; every decision is made in the `seedsite` package below it."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from seedsite import pipeline, sources

log = logging.getLogger("mkdocs.hooks.microsite")

SEEDS_FOLDER = "seeds"
"""The seeds folder, beside `mkdocs.yml`."""

_site: pipeline.Site | None = None


def _seeds_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / SEEDS_FOLDER


def on_config(config: MkDocsConfig) -> None:
    global _site
    _site = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _site
    started = time.perf_counter()
    seeds_dir = _seeds_dir(config)
    _site = pipeline.build(sources.load(seeds_dir, SEEDS_FOLDER), config.site_name)
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
        if page.seed is not None:
            file.edit_uri = quote(Path(os.path.relpath(seeds_dir / page.seed, docs_dir)).as_posix())
        files.append(file)
    log.info(
        f"microsite: {len(_site.articles)} articles in {len(_site.sections)} sections, "
        f"pipeline {time.perf_counter() - started:.2f} s"
    )
    return files


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(_seeds_dir(config)))
    return server


def on_post_build(config: MkDocsConfig) -> None:
    if _site is not None:
        Path(config.site_dir, "glossary.json").write_text(_site.glossary_json, encoding="utf-8")
