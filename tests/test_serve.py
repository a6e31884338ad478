"""A real `mkdocs serve` of a small site, edited while it runs: what the preview shows after each change.

Under `mkdocs serve --dirty` (`make serve`) an edit of a seed runs the quick pipeline (`pipeline.update`) and
MkDocs renders only the page that changed (`preview.DirtyPages`); adding or removing a seed runs the full pipeline.
MICROSITE_QUICK_AFTER=0 makes the quick pipeline apply to a site this small. MkDocs serve builds into a temp dir
(`mkdocs_*`, in $TMPDIR, set here to a folder of the test's own) and serves it with a live-reload script added
to each page, so page bodies are read over HTTP and file times from that folder. No timing is asserted."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import MKDOCS, make_project
from mkdocs.livereload import LiveReloadServer

import preview

pytestmark = pytest.mark.slow

EXTRA = {
    "minsk-metro.txt": (
        "Minsk metro\n"
        "The Minsk metro opened in 1984 and carries visitors to the Palace of Independence. "
        "The Union State budget paid for new trains.\n"
        "New lines\n"
        "The third line of the Minsk metro opened in 2020. Belarus celebrated the new line with a concert.\n"
    ),
    "river-port.txt": (
        "River port\nThe river port of Mozyr ships grain to Russia. Import substitution made the river port busier.\n"
    ),
    "trade-fair.txt": (
        "Trade fair\n"
        "The trade fair in Minsk showed import substitution in machine building. "
        "Alexander Lukashenko opened the trade fair.\n"
        "Exhibitors\n"
        "Exhibitors from Russia showed import substitution projects and the Union State programmes.\n"
    ),
}
ARTICLES = [
    "articles/strong-focus-on-development/",
    "extra/minsk-metro/",
    "extra/river-port/",
    "extra/trade-fair/",
]
"""The article pages' URLs (the repo's seed and the three above)."""
STARTUP_TIMEOUT = 180
CHANGE_TIMEOUT = 90
STUCK = "An error happened during the rebuild"


def articles_logged(line: str) -> int:
    """The article count of a `microsite: N articles in M sections, …` log line."""
    found = re.search(r"microsite: (\d+) articles? in \d+ sections?", line)
    assert found, line
    return int(found[1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """A running `mkdocs serve` of `project`, its output in a log file, its temp dirs in `tmp`."""

    def __init__(self, project: Path, tmp: Path, dirty: bool, env: dict[str, str] | None = None) -> None:
        self.project, self.tmp = project, tmp
        tmp.mkdir(parents=True, exist_ok=True)
        self.log_path = tmp.parent / f"{tmp.name}.log"
        self.port = free_port()
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "MICROSITE_QUICK_AFTER": "0",
            "TMPDIR": str(tmp),
            "PYTHONDONTWRITEBYTECODE": "1",
            **(env or {}),
        }
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [str(MKDOCS), "serve", *(["--dirty"] if dirty else []), "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=project,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                # Ctrl-C must reach it even when the tests run in the background, where the shell has told
                # every command to ignore SIGINT (and a Python started so never turns it into KeyboardInterrupt)
                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
            )

    # --- reading it ---

    def log(self, since: int = 0) -> str:
        return self.log_path.read_bytes()[since:].decode("utf-8", errors="replace")

    def mark(self) -> int:
        """A place in the log: `log(mark)` is what was logged after it."""
        return self.log_path.stat().st_size

    def microsite_lines(self, since: int = 0) -> list[str]:
        return [line for line in self.log(since).splitlines() if "microsite:" in line]

    def get(self, path: str, timeout: float = 15) -> tuple[int, str]:
        """(status, body) of a GET of `path` (relative to the site root); (0, error) when there was no answer."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", errors="replace")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8", errors="replace")
        except (urllib.error.URLError, OSError) as err:
            return 0, str(err)

    def wait_for(self, what: str, check: Callable[[], bool], timeout: float = CHANGE_TIMEOUT) -> None:
        """Poll `check` until it holds; fail when time is up, the server died or its rebuild failed."""
        deadline = time.monotonic() + timeout
        while True:
            if check():
                return
            if self.process.poll() is not None:
                pytest.fail(
                    f"mkdocs serve exited ({self.process.returncode}) waiting for {what}:\n{self.log()[-4000:]}"
                )
            if STUCK in self.log():
                pytest.fail(f"mkdocs serve failed a rebuild waiting for {what}:\n{self.log()[-4000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"timed out after {timeout} s waiting for {what}:\n{self.log()[-4000:]}")
            time.sleep(0.2)

    def wait_started(self) -> None:
        self.wait_for("the first build", lambda: self.get("")[0] == 200, STARTUP_TIMEOUT)

    def site_dir(self) -> Path:
        """The temp dir MkDocs serve builds into."""
        found = sorted(self.tmp.glob("mkdocs_*"))
        assert len(found) == 1, found
        return found[0]

    # --- stopping it ---

    def stop(self) -> int | None:
        """Ctrl-C, as a user stops it; killed if it does not stop (MkDocs hangs after a failed rebuild)."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGINT)
                self.process.wait(timeout=5 if STUCK in self.log() else 60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
                return None
            except ProcessLookupError:
                pass
        return self.process.wait(timeout=30)


@contextmanager
def serving(project: Path, tmp: Path, dirty: bool, env: dict[str, str] | None = None) -> Iterator[Serve]:
    server = Serve(project, tmp, dirty, env)
    try:
        server.wait_started()
        yield server
    finally:
        server.stop()


@pytest.fixture
def project(tmp_path) -> Path:
    """The site's project with the repo's seeds and three more articles in seeds/extra/."""
    project = make_project(tmp_path / "project")
    (project / "seeds" / "extra").mkdir()
    for name, text in EXTRA.items():
        (project / "seeds" / "extra" / name).write_text(text, encoding="utf-8")
    return project


def append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


def body_text(html: str) -> str:
    page = BeautifulSoup(html, "html.parser")
    content = page.select_one("article.md-content__inner")
    return " ".join((content or page).get_text().split())


def nav_titles(html: str) -> list[str]:
    """The link texts of the site nav (Material's primary nav)."""
    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary")
    assert nav is not None
    return [" ".join(a.get_text(" ").split()) for a in nav.select("a.md-nav__link")]


def search_index(server: Serve) -> list[dict]:
    status, body = server.get("search/search_index.json")
    assert status == 200, body[:500]
    return json.loads(body)["docs"]


def pages_of(entries: list[dict]) -> set[str]:
    return {entry["location"].split("#", 1)[0] for entry in entries}


def not_home(entries: list[dict]) -> list[dict]:
    return [entry for entry in entries if entry["location"].split("#", 1)[0]]


def mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


# --- mkdocs serve --dirty (make serve) ----------------------------------------------------------------------------


@pytest.mark.parametrize("second", [False, True], ids=["one-process", "second-process"])
def test_dirty_serve_edit_rebuilds_only_the_edited_article(project, tmp_path, second):
    """With `second`, the first build makes the pages in a second process, as on a large site: the edit then
    starts from the site that process stored, and the pages it filled in late are not rendered again."""
    tmp = tmp_path / "tmp"
    word = "zqxwvutquill"
    env = {"MICROSITE_BACKGROUND_FROM": "0" if second else "100000"}
    with serving(project, tmp, dirty=True, env=env) as server:
        status, html = server.get("extra/trade-fair/")
        assert status == 200
        assert "Alexander Lukashenko opened the trade fair" in body_text(html)
        for url in ARTICLES:
            assert server.get(url)[0] == 200, url
        first = server.microsite_lines()[0]
        assert "quick" not in first and ("second process" if second else "pipeline") in first
        count = len(list((project / "seeds").rglob("*.txt")))
        assert articles_logged(first) == count >= len(ARTICLES)
        site = server.site_dir()
        assert {f"{url}index.html" for url in ARTICLES} <= set(mtimes(site))
        index_before = search_index(server)
        assert {*ARTICLES, "extra/", "articles/", "glossary/", ""} <= pages_of(index_before)
        assert word not in json.dumps(index_before)
        nav_before = nav_titles(html)
        times_before = mtimes(site)
        time.sleep(0.05)  # any rewrite after this has a later mtime

        mark = server.mark()
        append(project / "seeds" / "extra" / "trade-fair.txt", f"\nA late paragraph names the {word} prize.\n")
        server.wait_for(f"{word} on the edited page", lambda: word in body_text(server.get("extra/trade-fair/")[1]))

        status, html = server.get("extra/trade-fair/")
        assert status == 200 and f"A late paragraph names the {word} prize." in body_text(html)
        assert "Alexander Lukashenko opened the trade fair" in body_text(html)
        lines = server.microsite_lines(mark)
        assert lines and all("quick pipeline" in line for line in lines), lines
        assert lines[0].endswith("1 page to rebuild"), lines
        assert articles_logged(lines[0]) == count

        times_after = mtimes(site)
        assert times_after["extra/trade-fair/index.html"] > times_before["extra/trade-fair/index.html"]
        unchanged = {path for path in times_before if times_after.get(path) == times_before[path]}
        for path in ("extra/river-port/index.html", "extra/minsk-metro/index.html",
                     "articles/strong-focus-on-development/index.html", "glossary/index.html",
                     "extra/index.html", "index.html"):  # fmt: skip
            assert path in unchanged, f"{path} was rewritten"
        terms = {path for path in times_before if path.startswith("glossary/") and path != "glossary/index.html"}
        assert terms and terms <= unchanged, sorted(terms - unchanged)
        assert set(times_after) == set(times_before)
        # A page that was not rebuilt still shows its old content; a rebuilt one shows the other pages' nav titles.
        assert "Import substitution made the river port busier" in body_text(server.get("extra/river-port/")[1])
        assert nav_titles(html) == nav_before

        # Every page keeps its search entries (the home page's: see test_dirty_serve_edit_keeps_home_in_search).
        index_after = search_index(server)
        assert pages_of(index_after) - {""} == pages_of(index_before) - {""}
        assert {path.removesuffix("index.html") for path in terms} <= pages_of(index_after)
        assert len(not_home(index_after)) == len(not_home(index_before))
        assert any(word in entry["text"] for entry in index_after if entry["location"].startswith("extra/trade-fair/"))
        assert not any(
            word in entry["text"] for entry in index_after if not entry["location"].startswith("extra/trade-fair/")
        )

        # A second edit, to another article: MkDocs is handed the files (and pages) it was handed last time for
        # the pages that did not change (`DirtyPages.file`); it renders the edited one alone, edit link and all.
        mark = server.mark()
        append(project / "seeds" / "extra" / "river-port.txt", f"\nA second late paragraph names the {word} dock.\n")
        server.wait_for(f"{word} on the second edited page",
                        lambda: word in body_text(server.get("extra/river-port/")[1]))
        lines = server.microsite_lines(mark)
        assert lines and lines[0].endswith("1 page to rebuild"), lines
        again = mtimes(site)
        assert again["extra/river-port/index.html"] > times_after["extra/river-port/index.html"]
        rewritten = {path for path in times_after if again.get(path) != times_after[path]}
        assert not rewritten & ({"extra/trade-fair/index.html", "extra/minsk-metro/index.html"} | terms), rewritten
        assert f"names the {word} prize." in body_text(server.get("extra/trade-fair/")[1])
        for url, seed in (("extra/river-port/", "extra/river-port.txt"), ("extra/trade-fair/", "extra/trade-fair.txt")):
            edit = BeautifulSoup(server.get(url)[1], "html.parser").find("a", rel="edit")
            assert edit is not None and edit["href"].endswith(f"/seeds/{seed}"), (url, edit)
        status, body = server.get("glossary.json")
        assert status == 200 and json.loads(body)["terms"]
        assert (site / "glossary.json").is_file()
        assert server.stop() == 0, server.log()[-3000:]
    # Ctrl-C: MkDocs removes its site dir, the hook its folder of page sources.
    assert not list(tmp.iterdir()), list(tmp.iterdir())


def test_dirty_serve_added_and_removed_seeds(project, tmp_path):
    with serving(project, tmp_path / "tmp", dirty=True) as server:
        site = server.site_dir()
        assert (site / "extra/river-port/index.html").is_file()
        count = articles_logged(server.microsite_lines()[0])

        mark = server.mark()
        (project / "seeds" / "extra" / "grain-harvest.txt").write_text(
            "Grain harvest\nThe grain harvest in Belarus was large this year. "
            "The river port of Mozyr shipped the grain harvest to Russia.\n",
            encoding="utf-8",
        )
        server.wait_for("the new article's page", lambda: server.get("extra/grain-harvest/")[0] == 200)
        assert "The grain harvest in Belarus was large this year." in body_text(server.get("extra/grain-harvest/")[1])
        lines = server.microsite_lines(mark)
        assert lines and articles_logged(lines[0]) == count + 1, lines
        assert "pipeline" in lines[0] and "quick" not in lines[0], lines
        assert "Grain harvest" in body_text(server.get("extra/")[1])  # the section page lists it
        assert "extra/grain-harvest/" in pages_of(search_index(server))

        mark = server.mark()
        (project / "seeds" / "extra" / "river-port.txt").unlink()
        server.wait_for("the removed article's page to go", lambda: server.get("extra/river-port/")[0] == 404)
        lines = server.microsite_lines(mark)
        assert lines and articles_logged(lines[0]) == count, lines
        assert "pipeline" in lines[0] and "quick" not in lines[0], lines
        assert not (site / "extra/river-port/index.html").exists()
        assert (site / "extra/grain-harvest/index.html").is_file()
        assert "River port" not in body_text(server.get("extra/")[1])
        index = pages_of(search_index(server))
        assert "extra/river-port/" not in index
        assert {"extra/grain-harvest/", "extra/trade-fair/", "extra/minsk-metro/"} <= index
        stale = [p.relative_to(site).as_posix() for p in site.rglob("*.html")
                 if re.search(r'href="[^"]*river-port/', p.read_text(encoding="utf-8"))]  # fmt: skip
        assert not stale, f"pages still link to the removed article: {stale}"
        assert server.get("glossary.json")[0] == 200


def test_dirty_serve_edit_keeps_home_in_search(project, tmp_path):
    """The search index after an edit of an article still has the home page (which the edit does not change)."""
    with serving(project, tmp_path / "tmp", dirty=True) as server:
        before = [e for e in search_index(server) if e["location"].split("#")[0] == ""]
        assert before
        mark = server.mark()
        append(project / "seeds" / "extra" / "river-port.txt", "\nA late paragraph names the vorquell dock.\n")
        server.wait_for("the edit", lambda: "vorquell" in body_text(server.get("extra/river-port/")[1]))
        assert server.microsite_lines(mark)[0].endswith("1 page to rebuild")
        after = [e for e in search_index(server) if e["location"].split("#")[0] == ""]
        assert after == before


def test_dirty_serve_new_file_saved_empty_then_written(project, tmp_path):
    """An editor's "new file": the seed exists empty for a moment, then gets its text."""
    with serving(project, tmp_path / "tmp", dirty=True) as server:
        new = project / "seeds" / "extra" / "zz-fresh.txt"
        mark = server.mark()
        new.write_bytes(b"")
        server.wait_for("the build that skips the empty seed", lambda: "zz-fresh.txt: empty" in server.log(mark))
        server.wait_for(
            "that build to finish", lambda: len(server.microsite_lines(mark)) >= 1 and server.get("")[0] == 200
        )
        new.write_text("Fresh article\nIts first sentence mentions the river port.\n", encoding="utf-8")
        server.wait_for("the new article's page", lambda: server.get("extra/fresh-article/", timeout=5)[0] == 200)


# --- plain mkdocs serve ---------------------------------------------------------------------------------------


def test_plain_serve_shows_an_edit(project, tmp_path):
    word = "plinthwarble"
    with serving(project, tmp_path / "tmp", dirty=False) as server:
        assert word not in server.get("extra/minsk-metro/")[1]
        hints = [line for line in server.microsite_lines() if "--dirty" in line]
        assert len(hints) == 1, server.microsite_lines()  # once: `make serve` re-renders only changed pages
        mark = server.mark()
        append(project / "seeds" / "extra" / "minsk-metro.txt", f"\nThe {word} station opens next year.\n")
        server.wait_for(f"{word} on the edited page", lambda: word in body_text(server.get("extra/minsk-metro/")[1]))
        lines = server.microsite_lines(mark)
        assert lines and all("quick pipeline" in line for line in lines), lines
        assert "page to rebuild" not in lines[0] and "pages to rebuild" not in lines[0]  # no --dirty: all rendered
        assert "The Minsk metro opened in 1984" in body_text(server.get("extra/minsk-metro/")[1])
        for url in ARTICLES:
            assert server.get(url)[0] == 200, url
        entries = search_index(server)
        assert set(ARTICLES) <= pages_of(entries)
        assert any(word in entry["text"] for entry in entries)
        status, body = server.get("glossary.json")
        assert status == 200 and json.loads(body)["terms"]


def test_seeds_are_watched_by_file_events_and_a_read_is_no_edit(tmp_path):
    """`preview.watch_natively`: MkDocs' own server (made, not started) is asked for a rebuild as soon as a seed is
    written, added or removed, or a folder of seeds moved in (by the system's file events, not MkDocs' poll every
    half second), and not when a seed is only read, as every build reads them."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / "a.txt"
    seed.write_text("Title\n\nText.\n", encoding="utf-8")
    section = tmp_path / "elsewhere"
    section.mkdir()
    (section / "c.txt").write_text("Moved in\n\nText.\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))

    def asked(timeout: float) -> bool:
        with server._rebuild_cond:
            wanted = server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=timeout)
            server._want_rebuild = False
        return wanted

    stop = preview.watch_natively(server, str(seeds))
    assert stop is not None
    try:
        time.sleep(0.2)
        assert seed.read_text(encoding="utf-8") and not asked(0.6)
        for edit in (lambda: seed.write_text("Title\n\nMore.\n", encoding="utf-8"),
                     lambda: (seeds / "b.txt").write_text("New\n", encoding="utf-8"), seed.unlink,
                     lambda: section.rename(seeds / "section")):
            edit()
            assert asked(2.0), "no rebuild asked for"
            time.sleep(0.1)
            asked(0.0)  # (one edit may be several events)
    finally:
        stop()
