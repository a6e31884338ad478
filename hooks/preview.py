"""Quick `mkdocs serve --dirty` rebuilds of a site of generated pages (used by `microsite.py`, MkDocs-only).

MkDocs re-renders every page on every rebuild. With `--dirty` it skips a page whose `File.is_modified()` is False,
but a page generated from in-memory content is always "modified". So under `--dirty`:

- each generated page is backed by a file in a private folder, rewritten only when the page changed (or when
  something every page shows changed: the nav's pages and titles, mkdocs.yml), so that MkDocs' own modification
  check skips the others; the output of pages that went away is deleted (a dirty build never cleans the site);
- a page that did not change is handed to MkDocs as the same `File` and `Page` as last time, not made anew;
- a skipped page keeps its nav title (MkDocs only learns a title by reading the page);
- the search index keeps the entries of the pages not rebuilt (Material's own merge assumes one rebuilt page);
- the theme's templates, once compiled, are kept from one rebuild to the next.

And under any `mkdocs serve`, the seeds are watched by the system's file events (`watch_natively`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer


class DirtyPages:
    """State kept from one `mkdocs serve --dirty` rebuild to the next."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="microsite-pages-"))
        self.digests: dict[str, bytes] = {}  # src_uri → digest of what its file holds
        self.dest: dict[str, str] = {}  # src_uri → output path, to delete pages that go away
        self.titles: dict[str, str] = {}  # src_uri → title when last built
        self.nav_key: tuple = ()
        self.urls: set[str] = set()
        self.sources: dict[str, object] = {}  # src_uri → the object its file was last written from
        self.kept: dict[str, File] = {}  # src_uri → the file last handed to MkDocs, with its page (`file`)
        self.kept_for: tuple = ()  # the settings the kept files were made with (`_settings`)
        self.config: MkDocsConfig | None = None
        self.env: Environment | None = None
        self.env_key: tuple = ()

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def file(self, config: MkDocsConfig, uri: str, page: object, markdown: str, extra: Iterable[str],
             edit_uri: str | None = None, **kwargs) -> File:
        """A generated page (edited at `edit_uri`, if given) backed by a file that changes only when `markdown`
        or `extra` (what else makes the page: its HTML blocks) does. `page` is the object they come from: the
        very same object as last time is the same page, and is not hashed again. In the first build every page
        is built anyway: it is backed afterwards (`record`), as it was rendered in the end. The file of a page
        that did not change is the one handed to MkDocs last time, with its `Page` (MkDocs renders it only if it
        is modified): making thousands anew took a quarter of a rebuild."""
        if not self.sources:
            file = File.generated(config, uri, content=markdown, **kwargs)
        else:
            kept = self._kept(config).get(uri)
            written = self._back(uri, page, markdown, extra)
            if not written and kept is not None and (kept.edit_uri, kept.inclusion) == (edit_uri, kwargs["inclusion"]):
                return kept
            self.kept[uri] = file = File.generated(config, uri, abs_src_path=os.path.join(self.folder, uri), **kwargs)
        if edit_uri is not None:
            file.edit_uri = edit_uri
        return file

    def _kept(self, config: MkDocsConfig) -> dict[str, File]:
        """The files kept from the last rebuild, none if it was made with other settings (`_settings`: looked at
        once a rebuild, at its first page)."""
        if config is not self.config:
            self.config, settings = config, _settings(config)
            if settings != self.kept_for:
                self.kept, self.kept_for = {}, settings
        return self.kept

    def _back(self, uri: str, page: object, markdown: str, extra: Iterable[str]) -> bool:
        """Write the file backing `page` if what makes it changed; whether it was written."""
        where = os.path.join(self.folder, uri)  # (a `Path` per page took a tenth of a rebuild)
        if self.sources.get(uri) is page and os.path.exists(where):
            return False
        self.sources[uri] = page
        digest = hashlib.blake2b(markdown.encode("utf-8"), digest_size=16)
        for part in extra:
            digest.update(part.encode("utf-8"))
        if self.digests.get(uri) == digest.digest() and os.path.exists(where):
            return False
        path = Path(where)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
        self.digests[uri] = digest.digest()
        return True

    def record(self, pages: Iterable[tuple[str, object, str, Iterable[str]]], since: float) -> None:
        """After a build: each page (uri, page, markdown, blocks) as it was rendered in the end (in the first
        build, or made by a second process while MkDocs rendered their outline, or handed to MkDocs after
        `settle`), its file dated `since` (the build's start: its output is newer), so that the next rebuild
        skips it."""
        for uri, page, markdown, extra in pages:
            if self._back(uri, page, markdown, extra):
                os.utime(self.folder / uri, (since, since))

    def environment(self, env: Environment, config: MkDocsConfig) -> Environment:
        """The previous rebuild's Jinja environment, with its compiled templates, when the theme is the same
        (`auto_reload` still notices an edited template)."""
        key = (tuple(config.theme.dirs), config.theme.get("language"), config.theme.get("locale"))
        if self.env is not None and key == self.env_key:
            self.env.globals.update(env.globals)
            self.env.filters.update(env.filters)
            self.env.auto_reload = True  # (not in the build that loads them, MkDocs' default: a look per page)
            return self.env
        self.env, self.env_key = env, key
        return env

    def settle(self, files: Files, config: MkDocsConfig, nav_key: tuple) -> int:
        """After `file` was called for every generated page: when the nav or mkdocs.yml changed, every page is
        marked changed; output of pages that went away is deleted. Returns how many pages will be rebuilt."""
        config_file = Path(config.config_file_path) if config.config_file_path else None
        nav_key = (nav_key, config_file.stat().st_mtime if config_file else 0)
        if nav_key != self.nav_key:
            for path in self.folder.rglob("*.md"):
                path.touch()
            self.nav_key = nav_key
        pages = {f.src_uri: f for f in files.documentation_pages()}
        for gone in set(self.dest) - set(pages):
            Path(self.dest.pop(gone)).unlink(missing_ok=True)
            self.digests.pop(gone, None)
            self.sources.pop(gone, None)
            self.kept.pop(gone, None)
            self.titles.pop(gone, None)
            (self.folder / gone).unlink(missing_ok=True)
        self.track(files)
        return sum(f.is_modified() for f in pages.values())

    def track(self, files: Files) -> None:
        """Where each page's output is, and the URLs of the pages (for `merge_search_index`): after `settle`,
        and again after a build whose pages were not all handed to MkDocs at first (term pages)."""
        pages = files.documentation_pages()
        self.dest.update({f.src_uri: f.abs_dest_path for f in pages})
        self.urls = {"" if f.url == "./" else f.url for f in pages}  # the search index calls home ""

    def keep_titles(self, nav: Navigation) -> None:
        for page in nav.pages:
            if page.file.src_uri in self.titles and not page.file.is_modified():
                page.title = self.titles[page.file.src_uri]

    def built(self, src_uri: str, title: str | None) -> None:
        if title:
            self.titles[src_uri] = title

    def merge_search_index(self, search) -> None:
        """The entries of the pages rebuilt now, plus the previous entries of every other page that still exists,
        in Material's search plugin `search` (before it writes its index; it keeps this index as the next
        rebuild's previous one)."""
        if search is None or getattr(search, "search_index_prev", None) is None:
            return
        current = search.search_index.entries
        rebuilt = {entry["location"].split("#", 1)[0] for entry in current}
        kept = [
            entry
            for entry in search.search_index_prev.entries
            if (page := entry["location"].split("#", 1)[0]) not in rebuilt and page in self.urls
        ]
        search.search_index.entries = kept + current
        search.search_index_prev = None


CHANGES = (FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileDeletedEvent, FileClosedEvent,
           DirCreatedEvent, DirMovedEvent, DirDeletedEvent)
"""The file events that mean a change: not a file opened or closed unwritten, nor a folder's own "modified".
Only these are asked of the system, so that a build, which reads every seed, makes no events: at 2,000 seeds the
thread that took them held the interpreter long enough to slow the build's reading of them down from 0.06 s to
0.4 s."""


def _settings(config: MkDocsConfig) -> tuple:
    """What a kept file and its page were made with: where the pages are and go, their URLs, and mkdocs.yml
    (its Markdown extensions: how a page is converted)."""
    path = config.config_file_path
    return (path, os.path.getmtime(path) if path else 0.0, config.docs_dir, config.site_dir,
            config.use_directory_urls, config.site_url, config.repo_url, config.edit_uri, config.edit_uri_template)


def watch_natively(server: object, path: str) -> Callable[[], None] | None:
    """Has `mkdocs serve` rebuild as soon as a file under `path` changes, told by the system's own file events
    (inotify, FSEvents, …) rather than by MkDocs' poll of every watched file each half second, which cost an edit
    a quarter of a second on average (and a scan of the whole folder twice a second). Returns how to stop
    watching; None if the server or the system offers no such thing (then `server.watch(path)`: MkDocs polls)."""
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None or not hasattr(server, "_want_rebuild"):
        return None

    def rebuild(event: FileSystemEvent) -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    handler = FileSystemEventHandler()
    handler.on_any_event = rebuild
    observer = Observer()
    try:
        observer.schedule(handler, path, recursive=True, event_filter=list(CHANGES))
        observer.start()
    except OSError:  # (no inotify watch left, …)
        return None

    def stop() -> None:
        observer.stop()
        observer.join(timeout=1)
    return stop
