"""The pipeline's last results on disk, keyed by what they were made from: the seeds' bytes, the curated file,
the options and this package's own code. A build whose inputs are unchanged (a second `mkdocs build`, a restart of
`mkdocs serve`) takes the pages from here instead of making them again; any change makes them anew.

One file, `pipeline.pickle` in the cache folder: the key, then the `Cached` results. It is written by a
detached process (where the system can fork), so that neither MkDocs nor the second process of `microsite.py`
waits for it, and replaced whole (written aside, then renamed), so that a build never reads half a file."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

from .pipeline import Page, Site
from .render import unlinked

FILE_NAME = "pipeline.pickle"
_CODE = Path(__file__).parent
LIBRARIES = ("PyYAML", "charset-normalizer", "snowballstemmer", "PyStemmer", "Babel", "numpy", "pyahocorasick",
             "pymdown-extensions")
"""The packages whose versions the pipeline's output may depend on (stems, decoding, slugs, arithmetic)."""


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _code_version() -> bytes:
    """A digest of this package's files (code and label catalogs), the Python that runs them and the versions of
    the libraries it uses."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    digest.update(" ".join(f"{name}={_installed(name)}" for name in LIBRARIES).encode())
    for path in sorted(p for p in _CODE.rglob("*") if p.suffix in (".py", ".po")):
        digest.update(path.relative_to(_CODE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.digest()


_VERSION = _code_version()


def key(inputs: tuple) -> str:
    """The key of results made from `inputs` (`pipeline.inputs`) by this code."""
    return hashlib.blake2b(_VERSION + pickle.dumps(inputs, protocol=4), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Cached:
    """What a build needs of the pipeline's results, and the rest for a later quick rebuild."""

    site: Site
    """The site without its articles, glossary terms and links (what `mkdocs build` uses)."""
    unlinked: dict[str, list[str]]
    """Page source path → its blocks without their links (`render.unlinked`), for the search index."""
    seconds: float
    """How long the pipeline took to make them."""
    rest: bytes
    """What `lean` leaves out of the site (its articles, glossary and links), pickled: `pipeline.update` needs it
    under `mkdocs serve`, and only after an edit."""

    def whole(self) -> Site:
        articles, glossary, links = pickle.loads(self.rest)
        return replace(self.site, articles=articles, glossary=glossary, links=links)


def lean(site: Site) -> Site:
    """The site without what only `pipeline.update` reads (most of its size)."""
    return replace(site, glossary=replace(site.glossary, terms=(), blocks=(), hits=()), links=(), articles=())


def unlinked_blocks(pages: Iterable[Page]) -> dict[str, list[str]]:
    """Page source path → its blocks without their links (`render.unlinked`)."""
    return {page.uri: [unlinked(block) for block in page.blocks] for page in pages}


def load(folder: Path, wanted: str) -> Cached | None:
    """The results stored under `wanted`, or None (none stored, another key, or a file that does not read)."""
    try:
        with open(folder / FILE_NAME, "rb") as file:
            if pickle.load(file) != wanted:
                return None
            cached = pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return cached if isinstance(cached, Cached) else None


def store(folder: Path, made: str, site: Site, seconds: float, plain: dict[str, list[str]] | None = None,
          detach: bool = True) -> None:
    """Write `site` under the key `made`, in a detached process where the system allows it and `detach` asks for it
    (else here)."""
    if not detach or not hasattr(os, "fork"):
        _write(folder, made, site, seconds, plain)
        return
    child = os.fork()
    if child:
        os.waitpid(child, 0)  # the first child forks the writer and ends at once
        return
    try:
        if os.fork() == 0:
            let_go_of_output()
            _write(folder, made, site, seconds, plain)
    finally:
        os._exit(0)


def let_go_of_output() -> None:
    """Point this process's standard output and error at the null device: a process that goes on writing the
    cache once the build has its pages must not hold the pipes of whoever ran the build (a script, CI, `make`),
    who would wait for it to close them."""
    null = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(null, fd)
    os.close(null)


def _write(folder: Path, made: str, site: Site, seconds: float, plain: dict[str, list[str]] | None) -> None:
    rest = pickle.dumps((site.articles, site.glossary, site.links), protocol=pickle.HIGHEST_PROTOCOL)
    cached = Cached(lean(site), unlinked_blocks(site.pages) if plain is None else plain, seconds, rest)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        aside = folder / f".{FILE_NAME}.{os.getpid()}"
        with open(aside, "wb") as file:
            pickle.dump(made, file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(cached, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(aside, folder / FILE_NAME)
    except OSError:
        pass  # a read-only project: every build makes its pages anew
