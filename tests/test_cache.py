"""The pipeline's results kept on disk (`seedsite.cache`): a second build of the same seeds with the same code
takes its pages from `.cache/microsite/` and writes the same site, byte for byte; an edited seed, an edited
curated file, a broken cache file or MICROSITE_CACHE=0 make them anew; the seeds' problems are told again; and
`mkdocs serve` started on cached results still rebuilds an edited article quickly. Real `mkdocs build` and
`mkdocs serve` runs; the cache file is written by a detached process, so the tests wait for it."""

from __future__ import annotations

import os
import select
import shutil
import time
from pathlib import Path

import pytest
from background import available as can_fork
from conftest import make_project, mkdocs_build
from seedsite.cache import FILE_NAME, let_go_of_output
from test_determinism import tree
from test_serve import append, body_text, serving

CACHE_FILE = Path(".cache", "microsite", FILE_NAME)
FROM_CACHE = "pages from the cache"
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}
NEWS = {
    "budget-vote.txt": (
        "Budget vote\n\nThe Finance Minister, Anna Kowalczyk, presented the budget on Tuesday.\n\n"
        "Kowalczyk said the Fiscal Council had approved the figures.\n"
    ),
    "port-strike.txt": (
        "Port strike\n\nDock workers in Gdynia stopped work over pay.\n\n"
        "Anna Kowalczyk met the union leaders on Friday.\n"
    ),
}


def news_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project")
    (project / "seeds" / "news").mkdir()
    for name, text in NEWS.items():
        (project / "seeds" / "news" / name).write_text(text, encoding="utf-8")
    return project


def build(project: Path, *args: str, **env: str) -> str:
    result = mkdocs_build(project, *args, env={**ENV, **env})
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def wait_for_cache(project: Path, older_than: float = 0.0, timeout: float = 60) -> None:
    """Until a cache file newer than `older_than` (a modification time) is in place."""
    path = project / CACHE_FILE
    deadline = time.monotonic() + timeout
    while not (path.is_file() and path.stat().st_mtime > older_than):
        assert time.monotonic() < deadline, f"no cache file after {timeout} s"
        time.sleep(0.1)


@pytest.mark.parametrize("background", ["1000000", "0"], ids=["in-process", "second-process"])
def test_a_second_build_takes_the_cached_pages_and_writes_the_same_site(tmp_path, background):
    project = news_project(tmp_path)
    first = build(project, MICROSITE_BACKGROUND_FROM=background)
    assert FROM_CACHE not in first
    assert ("in a second process" in first) == (background == "0" and can_fork())
    wait_for_cache(project)
    made = tree(project / "site")
    second = build(project, MICROSITE_BACKGROUND_FROM=background)
    assert FROM_CACHE in second, second[-2000:]
    assert "second process" not in second
    again = tree(project / "site")
    assert sorted(again) == sorted(made) and len(made) > 20
    assert [path for path in made if made[path] != again[path]] == []
    assert "Anna Kowalczyk" in (project / "site" / "news" / "port-strike" / "index.html").read_text()


def test_seeds_that_cannot_be_read_are_reported_once_whichever_process_read_them(tmp_path):
    """With a second process, MkDocs reads the first half of the seeds and the second process the rest: a bad seed
    in either half is named once, with the same words as when one process reads them all."""
    project = news_project(tmp_path)
    (project / "seeds" / "news" / "aaa-empty.txt").write_bytes(b"")
    (project / "seeds" / "news" / "zzz-picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    said = {}
    for background in ("1000000", "0"):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        log = build(project, MICROSITE_BACKGROUND_FROM=background)
        assert ("in a second process" in log) == (background == "0" and can_fork())
        said[background] = [line for line in log.splitlines() if "skipped" in line]
    assert said["0"] == said["1000000"]
    assert [line.split("seeds/news/")[1] for line in said["0"]] == [
        "aaa-empty.txt: empty file: no title and no text, skipped",
        "zzz-picture.txt: binary data, not text (is it an image or a document?), skipped",
    ]


def test_an_edited_seed_or_curated_file_makes_the_pages_anew(tmp_path):
    project = news_project(tmp_path)
    build(project)
    wait_for_cache(project)
    written = (project / CACHE_FILE).stat().st_mtime
    time.sleep(0.05)
    append(project / "seeds" / "news" / "port-strike.txt", "\nThe Harbour Authority of Gdynia closed berth four.\n")
    edited = build(project)
    assert FROM_CACHE not in edited
    page = project / "site" / "news" / "port-strike" / "index.html"
    assert "closed berth four" in body_text(page.read_text(encoding="utf-8"))
    wait_for_cache(project, older_than=written)
    assert FROM_CACHE in build(project)
    assert "closed berth four" in body_text(page.read_text(encoding="utf-8"))

    written = (project / CACHE_FILE).stat().st_mtime
    (project / "seeds" / "glossary.yml").write_text(
        "Fiscal Council: The body that checks the government's budget figures.\n", encoding="utf-8"
    )
    curated = build(project)
    assert FROM_CACHE not in curated
    term = project / "site" / "glossary" / "fiscal-council" / "index.html"
    assert "checks the government's budget figures" in term.read_text(encoding="utf-8")
    wait_for_cache(project, older_than=written)


def test_a_broken_cache_file_is_made_anew(tmp_path):
    project = news_project(tmp_path)
    (project / CACHE_FILE).parent.mkdir(parents=True)
    (project / CACHE_FILE).write_bytes(b"not a pickle at all")
    written = (project / CACHE_FILE).stat().st_mtime
    assert FROM_CACHE not in build(project)
    wait_for_cache(project, older_than=written)
    assert FROM_CACHE in build(project)


def test_the_seeds_problems_are_told_again_from_the_cache(tmp_path):
    project = news_project(tmp_path)
    (project / "seeds" / "news" / "empty.txt").write_bytes(b"")
    first = mkdocs_build(project, "--strict", env=ENV)
    assert first.returncode != 0 and "empty.txt" in first.stderr
    wait_for_cache(project)
    second = mkdocs_build(project, "--strict", env=ENV)
    assert FROM_CACHE in second.stderr
    assert second.returncode != 0 and "empty.txt" in second.stderr
    told = [line for line in first.stderr.splitlines() if "empty.txt" in line]
    assert told == [line for line in second.stderr.splitlines() if "empty.txt" in line]


def test_microsite_cache_0_neither_reads_nor_writes_it(tmp_path):
    project = news_project(tmp_path)
    for _ in range(2):
        assert FROM_CACHE not in build(project, MICROSITE_CACHE="0")
    time.sleep(1)
    assert not (project / ".cache").exists()


@pytest.mark.slow
def test_serve_started_on_cached_pages_rebuilds_an_edit_quickly(tmp_path):
    project = news_project(tmp_path)
    build(project)
    wait_for_cache(project)
    word = "zqxwvcachequill"
    with serving(project, tmp_path / "tmp", dirty=True) as server:
        [first] = server.microsite_lines()
        assert FROM_CACHE in first
        mark = server.mark()
        append(project / "seeds" / "news" / "budget-vote.txt", f"\nThe {word} amendment failed.\n")
        server.wait_for(word, lambda: word in body_text(server.get("news/budget-vote/")[1]))
        lines = server.microsite_lines(mark)
        assert lines and all("quick pipeline" in line for line in lines), lines
        assert "presented the budget on Tuesday" in body_text(server.get("news/budget-vote/")[1])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the cache is written by a forked process only where one can fork")
def test_a_process_writing_the_cache_lets_go_of_the_builds_output():
    """Whoever ran the build (a script, CI, `make`) reads its output to the end: the process that goes on writing
    the cache once the pages are made must not hold that output open, or the caller waits for it."""
    output_read, output_write = os.pipe()
    go_read, go_write = os.pipe()
    child = os.fork()
    if child == 0:  # as the second process once it has sent the pages: it lets go, then works on
        os.close(output_read)
        os.dup2(output_write, 1)
        os.dup2(output_write, 2)
        os.close(output_write)
        let_go_of_output()
        os.read(go_read, 1)  # (works until the test has seen the end of the output)
        os._exit(0)
    os.close(output_write)
    try:
        ready, _, _ = select.select([output_read], [], [], 10)
        ended = bool(ready) and os.read(output_read, 1) == b""
        assert ended, "the output stayed open while the process worked on"
        assert os.waitpid(child, os.WNOHANG) == (0, 0)  # it is still at work
    finally:
        os.write(go_write, b"x")
        os.waitpid(child, 0)
        for fd in (output_read, go_read, go_write):
            os.close(fd)
