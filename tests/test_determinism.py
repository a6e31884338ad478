"""Deterministic output: the same seeds give a byte-identical site, whatever order the file system lists them in,
whatever Python's hash seed, wherever the project lives, whether the glossary is made in the build's own process
or in a second one (a large site's build, whose article pages get their text once written); dates come from
SOURCE_DATE_EPOCH.

The seeds are the repo's own, the small hostile inputs and two dozen dev-corpus articles, so the glossary and
links between articles are part of what must not move. File-system order: ext4 lists a folder in name-hash order
whatever the creation order, tmpfs in reverse creation order, so the two seed trees are written to tmpfs
(`/dev/shm`) in opposite orders, and the test checks that the listings really differ.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from background import available as can_fork
from conftest import CORPUS_DEV, ROOT, make_project, mkdocs_build
from inputs.hostile import FIXTURES

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC
ENV = {"SOURCE_DATE_EPOCH": str(EPOCH), "SITE_URL": "https://example.org/sub/"}
"""A site URL, as the Pages workflow sets it, so that the sitemap lists the pages with their dates."""
TMPFS = Path("/dev/shm")


def seed_files() -> dict[str, bytes]:
    """Relative path → bytes of every seed used here."""
    seeds = ROOT / "seeds"
    files = {p.relative_to(seeds).as_posix(): p.read_bytes() for p in seeds.rglob("*") if p.is_file()}
    files |= {f"hostile/{p.name}": p.read_bytes() for p in FIXTURES.glob("*.txt")}
    if CORPUS_DEV.is_dir():
        for folder in sorted(p for p in CORPUS_DEV.iterdir() if p.is_dir()):
            for path in sorted(folder.glob("*.txt"))[:12]:
                files[f"{folder.name}/{path.name}"] = path.read_bytes()
    return files


def write_seeds(seeds: Path, files: dict[str, bytes], reverse: bool) -> None:
    """Create the seed files (and their folders) in sorted or reverse-sorted order."""
    for rel in sorted(files, reverse=reverse):
        (seeds / rel).parent.mkdir(parents=True, exist_ok=True)
        (seeds / rel).write_bytes(files[rel])


def listing(folder: Path) -> list[str]:
    return [entry for root, dirs, names in os.walk(folder) for entry in [root, *dirs, *names]]


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds():
    """Two projects on tmpfs, seeds created in opposite orders, built with different hash seeds."""
    if not TMPFS.is_dir():
        pytest.skip("no /dev/shm: no file system here lists a folder in creation order")
    files = seed_files()
    base = Path(tempfile.mkdtemp(prefix="determinism-", dir=TMPFS))
    try:
        projects = []
        for name, reverse in (("first", False), ("second", True)):
            project = make_project(base / name, seeds=FIXTURES)  # the same code in both, copied together
            shutil.rmtree(project / "seeds")
            write_seeds(project / "seeds", files, reverse)
            projects.append(project)
        # the first builds in one process; the second makes its glossary and pages in a second process
        for project, hash_seed, background in zip(projects, ("1", "2"), ("1000000", "0")):
            env = {**ENV, "PYTHONHASHSEED": hash_seed, "MICROSITE_BACKGROUND_FROM": background,
                   "MICROSITE_ALL_LATE": "1"}
            result = mkdocs_build(project, env=env)
            assert result.returncode == 0, result.stderr[-3000:]
            forked = background == "0" and can_fork()  # a one-CPU machine builds in one process either way
            assert ("in a second process" in result.stderr) == forked, result.stderr[-3000:]
            # …and MkDocs rendered the article pages meanwhile, their text put in at the end of the build
            assert ("pages rendered while the second process worked" in result.stderr) == forked
            assert "Page skipped" not in result.stderr  # (MkDocs wrote none of them: `_fill` does)
        yield [(project, tree(project / "site")) for project in projects]
    finally:
        shutil.rmtree(base)


def test_the_two_seed_trees_are_listed_in_different_orders(two_builds):
    (first, _), (second, _) = two_builds
    assert listing(first / "seeds") != listing(second / "seeds")
    assert sorted(listing(first / "seeds")) != listing(first / "seeds")


def test_two_builds_are_byte_identical(two_builds):
    (_, first), (_, second) = two_builds
    assert len(first) > 50
    assert sorted(first) == sorted(second)
    differ = [path for path in first if first[path] != second[path]]
    assert not differ, f"{len(differ)} files differ, first {differ[0]}: " + first_difference(
        first[differ[0]], second[differ[0]]
    )


def first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"{a[max(0, at - 80) : at + 80]!r} != {b[max(0, at - 80) : at + 80]!r}"


def test_sitemap_dates_and_gzip_timestamp_come_from_source_date_epoch(two_builds, tmp_path):
    """MkDocs stamps sitemap.xml.gz with the build *date* (midnight UTC, from SOURCE_DATE_EPOCH when set, else
    today): a build on another day differs there unless SOURCE_DATE_EPOCH is set."""
    (_, first), _ = two_builds
    day = datetime.fromtimestamp(EPOCH, timezone.utc).date()
    midnight = int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") == midnight
    assert re.findall(r"<lastmod>(.*?)</lastmod>", first["sitemap.xml"].decode()) == [day.isoformat()] * len(
        re.findall("<url>", first["sitemap.xml"].decode())
    ) != []
    assert gzip.decompress(first["sitemap.xml.gz"]) == first["sitemap.xml"]

    project = make_project(tmp_path / "another-day")
    result = mkdocs_build(project, env={**ENV, "SOURCE_DATE_EPOCH": str(EPOCH + 86_400)})
    assert result.returncode == 0, result.stderr[-3000:]
    gz = (project / "site" / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(gz[4:8], "little") == midnight + 86_400
