"""Sources: the seeds folder → the seed files' bytes, in a fixed order, plus a problem for each unusable file."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .curated import GLOSSARY_NAME
from .model import Problem

SEED_SUFFIX = ".txt"


@dataclass(frozen=True)
class Seed:
    """One seed file's bytes."""

    path: str
    """Relative to the seeds folder, POSIX style."""
    data: bytes


@dataclass(frozen=True)
class Sources:
    """Everything read from the seeds folder."""

    seeds: tuple[Seed, ...]
    """The `.txt` seeds, sorted by path."""
    glossary: bytes | None
    """The curated glossary file's bytes, if there is one."""
    problems: tuple[Problem, ...]


def load(folder: Path, label: str = "seeds") -> Sources:
    """Read every seed under `folder`. `label` names the folder in messages (`seeds/x.txt: …`)."""
    seeds: list[Seed] = []
    problems: list[Problem] = []
    glossary: bytes | None = None
    for path in _walk(folder):
        rel = path.relative_to(folder).as_posix()
        shown = f"{label}/{_printable(rel)}"
        if shown != f"{label}/{rel}":
            problems.append(Problem(shown, "the file name is not UTF-8, skipped (rename the file)"))
            continue
        if path.is_dir():
            problems.append(Problem(shown, "a link to a folder, not followed, skipped (move the folder here)"))
            continue
        if rel == GLOSSARY_NAME:
            try:
                glossary = _read(path)
            except OSError as err:
                problems.append(Problem(shown, f"cannot be read ({err.strerror or err})"))
            continue
        if path.suffix.lower() != SEED_SUFFIX:
            problems.append(Problem(shown, f"not a {SEED_SUFFIX} seed, skipped (rename it to *.txt to publish it)"))
            continue
        try:
            seeds.append(Seed(rel, _read(path)))
        except OSError as err:  # no permission, a broken link, a pipe, …
            problems.append(Problem(shown, f"cannot be read ({err.strerror or err}), skipped"))
    return Sources(tuple(seeds), glossary, tuple(problems))


def _read(path: Path) -> bytes:
    """A regular file's bytes; OSError for anything else (a pipe or a device would block or never end)."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise OSError("not a regular file")
    return path.read_bytes()


def _walk(folder: Path) -> list[Path]:
    """Every visible file below `folder`, and every link to a folder (not followed: it could loop or lead out of
    the seeds), sorted by path, whatever order the file system lists them in."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root, name) for name in files if not name.startswith("."))
        found.extend(Path(root, name) for name in dirs if os.path.islink(os.path.join(root, name)))
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _printable(name: str) -> str:
    """`name` with the bytes of a non-UTF-8 file name (surrogate escapes) shown as `\\xe9`."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")
