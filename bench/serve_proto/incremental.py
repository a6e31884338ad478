"""Prototype (benchmark only): an incremental `mkdocs serve --dirty` for a site of generated pages.

MkDocs 1.6 re-renders every page on every rebuild. With `--dirty` it skips a page whose `File.is_modified()` is
False (`_populate_page` and `_build_page` in `mkdocs/commands/build.py`), but a file generated with in-memory
`content` is always "modified", so `--dirty` alone changes nothing for our pages. Listed after `hooks/microsite.py`,
this hook acts only under `mkdocs serve --dirty` (`on_startup(command="serve", dirty=True)`):

- `on_files` backs each generated page with a file in a private cache folder (`File.generated(abs_src_path=…)`,
  public API) and rewrites that file only when the page's Markdown changed, or when anything that every page shows
  changed (the nav's pages and titles, mkdocs.yml). MkDocs' own mtime check then skips every unchanged page.
  Output of pages that went away is deleted (a dirty build never cleans the site folder).
- `on_nav` gives a skipped nav page the title it had last time: MkDocs only knows a page's title after reading it,
  and the nav of the pages that are rebuilt shows these titles.
- `on_env` reuses the previous rebuild's Jinja environment (compiled templates; `auto_reload` still notices an
  edited template) instead of compiling the theme's templates again on every rebuild.
- The pipeline's per-article work (page Markdown, summary) is memoised by the immutable `Article`, as `_read`
  already is; this belongs in seedsite itself (see the benchmark report).

- `on_post_build` (before the search plugin writes its index) merges the search index: entries of the pages rebuilt
  now, plus the previous entries of every other page that still exists. Material's own `--dirty` merge assumes
  exactly one rebuilt page and drops everything when the home page is among them (its location is "").
  This reads Material's `search_index` / `search_index_prev`: internals, fine for a prototype.

Not handled here: theme edits (`--watch-theme`), hand-written pages' effect on other pages beyond the nav.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import ClassVar

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.incremental")

_TITLE = re.compile(r"^title: *(.*)$", re.MULTILINE)


class _State:
    active = False
    cache: Path | None = None
    digests: ClassVar[dict[str, str]] = {}  # src_uri → digest of the Markdown last written to the cache
    dest: ClassVar[dict[str, str]] = {}  # src_uri → output path, for pages that go away
    global_key: tuple = ()
    titles: ClassVar[dict[str, str]] = {}  # src_uri → title of a nav page when it was last built
    urls: ClassVar[set[str]] = set()  # URLs of the current build's pages
    env = None  # the Jinja environment of the previous rebuild
    env_key: tuple = ()


def on_startup(command: str, dirty: bool) -> None:
    _State.active = command == "serve" and dirty
    if _State.active:
        _State.cache = Path(tempfile.mkdtemp(prefix="microsite-pages-"))
        _memoise_rendering()


def on_shutdown() -> None:
    if _State.cache is not None:
        shutil.rmtree(_State.cache, ignore_errors=True)


def _memoise_rendering() -> None:
    """Memoise the pipeline's per-article functions by their immutable `Article` (what seedsite should do itself:
    every rebuild renders every article's page and summary again, though only one seed changed)."""
    pipeline = sys.modules.get("seedsite.pipeline")
    for name in ("article_page", "summary"):
        function = getattr(pipeline, name, None)
        if function is None or hasattr(function, "uncached"):
            continue
        pipeline.__dict__[name] = _memoised(function)


def _memoised(function):
    cached = functools.lru_cache(maxsize=16384)(function)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return cached(*args, **kwargs)
        except TypeError:  # unhashable arguments (e.g. lists of links): compute as before
            return function(*args, **kwargs)

    wrapper.uncached = function
    return wrapper


def on_files(files: Files, config) -> Files:
    if not _State.active:
        return files
    generated = [
        f for f in files if f.generated_by is not None and f.abs_src_path is None and f.is_documentation_page()
    ]
    contents = {f.src_uri: f.content_bytes for f in generated}
    nav = []
    for f in files.documentation_pages():
        if not f.inclusion.is_in_nav():
            continue
        if f.src_uri in contents:
            title = _TITLE.search(contents[f.src_uri].decode("utf-8", "replace")[:2000])
            nav.append((f.src_uri, title.group(1) if title else ""))
        else:
            nav.append((f.src_uri, os.path.getmtime(f.abs_src_path) if f.abs_src_path else 0))
    config_file = config.config_file_path
    global_key = (tuple(nav), os.path.getmtime(config_file) if config_file else 0)
    everything = global_key != _State.global_key
    _State.global_key = global_key

    replacement: dict[int, File] = {}
    written = 0
    for f in generated:
        data = contents[f.src_uri]
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        path = _State.cache / f.src_uri
        if everything or _State.digests.get(f.src_uri) != digest or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            _State.digests[f.src_uri] = digest
            written += 1
        new = File.generated(config, f.src_uri, abs_src_path=str(path), inclusion=f.inclusion)
        new.edit_uri = f.edit_uri
        replacement[id(f)] = new
    current = {f.src_uri for f in generated}
    for gone in set(_State.dest) - current:  # pages that went away: a dirty build does not clean the site folder
        Path(_State.dest.pop(gone)).unlink(missing_ok=True)
        _State.digests.pop(gone, None)
        (_State.cache / gone).unlink(missing_ok=True)
    _State.dest.update({f.src_uri: f.abs_dest_path for f in generated})
    _State.urls = {f.url for f in files.documentation_pages()}
    log.info(f"incremental: {written} of {len(generated)} generated pages changed"
             + (" (nav or config changed: all)" if everything and _State.titles else ""))
    return Files([replacement.get(id(f), f) for f in files])


def on_nav(nav, config, files):
    if not _State.active:
        return nav
    for page in nav.pages:
        if page.file.src_uri in _State.titles and not page.file.is_modified():
            page.title = _State.titles[page.file.src_uri]  # MkDocs' `weak_property` may be overwritten
    return nav


def on_env(env, config, files):
    if not _State.active:
        return env
    key = (tuple(config.theme.dirs), config.theme.get("language"), config.theme.get("locale"))
    if _State.env is not None and key == _State.env_key:
        _State.env.globals.update(env.globals)
        _State.env.filters.update(env.filters)
        return _State.env
    env.auto_reload = True  # an edited override template is still picked up (Jinja checks its mtime)
    _State.env, _State.env_key = env, key
    return env


def on_post_page(output: str, page, config) -> str:
    if _State.active and page.title:
        _State.titles[page.file.src_uri] = page.title
    return output


@event_priority(50)  # before the search plugin (priority 0) writes search_index.json
def on_post_build(config) -> None:
    if not _State.active:
        return
    search = next((p for p in config.plugins.values() if hasattr(p, "search_index_prev")), None)
    if search is None or getattr(search, "search_index_prev", None) is None:
        return
    current = search.search_index.entries
    rebuilt = {entry["location"].split("#", 1)[0] for entry in current}
    kept = [
        entry
        for entry in search.search_index_prev.entries
        if (page := entry["location"].split("#", 1)[0]) not in rebuilt and page in _State.urls
    ]
    search.search_index.entries = kept + current
    search.search_index_prev = None  # merged here; Material keeps this index as the next rebuild's previous one
