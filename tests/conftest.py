"""Shared fixtures: real `mkdocs build` runs of the repo's site and of the dev corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4f2290b386969bbf.txt"
CORPUS_DEV = Path(os.environ.get("CORPUS_DEV", ROOT.parent / "shared" / "corpus-dev"))
MKDOCS = Path(sys.executable).with_name("mkdocs")


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
