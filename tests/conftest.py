"""Shared fixtures: real `mkdocs build` runs of the repo's site and of the dev corpus, and a real Chromium
reading the site from a real HTTP server."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4f2290b386969bbf.txt"
CORPUS_DEV = Path(os.environ.get("CORPUS_DEV", ROOT.parent / "shared" / "corpus-dev"))
MKDOCS = Path(sys.executable).with_name("mkdocs")
SUB_SITE_URL = "https://example.org/sub/"
"""Where `published_site` is built for: a project site under a sub-path, as on GitHub Pages."""
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
"""The browser the browser tests drive: Debian's Chromium (`make test` installs it), never a downloaded one."""
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def make_project(dest: Path, seeds: Path | None = None, only_txt: bool = False) -> Path:
    """A copy of the site's project (mkdocs.yml, hooks, docs, overrides) in `dest`, with `seeds` (default: the repo's);
    `only_txt` leaves out everything but the `.txt` seeds (the dev corpus has a SOURCE.md)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("hooks", "docs", "overrides"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    skip = (lambda folder, names: [n for n in names if n.endswith(".md")]) if only_txt else None
    shutil.copytree(seeds or ROOT / "seeds", dest / "seeds", ignore=skip)
    return dest


def mkdocs_build(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build` in `project` into `project/site`; returns the finished process."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [str(MKDOCS), "build", "--site-dir", str(project / "site"), *args],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=1800,  # a hung build fails its test instead of freezing the suite
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def main_content(page: BeautifulSoup):
    """The article body of a Material page (no nav, no TOC, no header)."""
    return page.select_one("article.md-content__inner")


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The repo's own site, built with --strict into a temp dir."""
    project = make_project(tmp_path_factory.mktemp("seed-site"))
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A site built with --strict from a temp copy of the dev corpus."""
    if not CORPUS_DEV.is_dir():
        pytest.skip(f"dev corpus not found at {CORPUS_DEV}")
    project = make_project(tmp_path_factory.mktemp("corpus-site"), seeds=CORPUS_DEV, only_txt=True)
    for path in (project / "seeds").rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return project, result


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The repo's own site built with --strict as the Pages workflow builds it: `SITE_URL` set to a sub-path."""
    project = make_project(tmp_path_factory.mktemp("published-site"))
    result = mkdocs_build(project, "--strict", env={"SITE_URL": SUB_SITE_URL})
    assert result.returncode == 0, result.stderr
    return project / "site"


class _StaticHost(SimpleHTTPRequestHandler):
    """Serves a built site as a static host does: a missing page gets the site's own 404.html."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(seed_site) -> Iterator[str]:
    """`seed_site` served over HTTP on 127.0.0.1 (a free port); the base URL, ending in `/`."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(seed_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Headless Chromium (`$CHROMIUM`, default /usr/bin/chromium) driven by Playwright."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: run `make test` (it installs Debian's chromium) or set CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
