"""Publishing: the Pages workflow, `make deploy`, a site under a sub-path, and the metadata a shared link and a
search engine read. Real builds, real git, real HTML parsing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import ROOT, SUB_SITE_URL, main_content, make_project, mkdocs_build, soup

ARTICLE = "articles/strong-focus-on-development/"
FIRST_SENTENCE = "The first post-election visit of a Head of State always has a landmark character."
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent


def html_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def page_url(path: str) -> str:
    """The public URL of a built file (`articles/x/index.html` → https://example.org/sub/articles/x/)."""
    return urljoin(SUB_SITE_URL, path.removesuffix("index.html"))


def meta(page, **attrs) -> str | None:
    tag = page.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def article_paths(site: Path) -> list[str]:
    """Every article's built page: the home page lists every article."""
    home = main_content(soup(site / "index.html"))
    hrefs = {a["href"] for a in home.select("li > a[href]")}
    return sorted(urljoin("/", href).lstrip("/") + "index.html" for href in hrefs)


# GitHub Pages: the workflow and `make deploy`


def test_pages_workflow_is_a_valid_github_workflow():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_workflow_builds_strictly_and_deploys_on_push_to_main():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "python -m pip install -r requirements.txt" in runs
    build = next(step for step in steps if step.get("run") == "mkdocs build --strict")
    assert {"SITE_URL", "REPO_URL"} <= set(build["env"])
    assert uses.index("actions/upload-pages-artifact") < uses.index("actions/deploy-pages")


def test_make_deploy_pushes_the_built_site_to_gh_pages(tmp_path, seed_site):
    project = make_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, project / name)
    remote = tmp_path / "pages.git"

    def git(*args: str, cwd: Path = project) -> str:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
        return done.stdout

    git("init", "--bare", str(remote), cwd=tmp_path)
    git("init")
    git("config", "user.name", "Test")
    git("config", "user.email", "test@example.org")
    git("remote", "add", "publish", str(remote))
    # STAMP= skips the venv install step: this venv is already the one to use.
    done = subprocess.run(
        ["make", "deploy", "REMOTE=publish", f"BIN={BIN}", "STAMP="], cwd=project, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    published = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    assert {".nojekyll", "index.html", "404.html", f"{ARTICLE}index.html"} <= published
    if (seed_site / "glossary").is_dir():
        assert "glossary/index.html" in published
    # Everything a normal build makes, the branch holds: every article, section and theme page.
    assert set(html_pages(seed_site)) <= published


# A project site lives under /<repo>/


def test_no_link_leaves_the_sub_path(published_site):
    site_root = urlsplit(SUB_SITE_URL)
    escapes, missing = [], []
    for path in html_pages(published_site):
        # 404.html is served at any missing address, so its links must work from any depth.
        base = urljoin(SUB_SITE_URL, "no/such/page/") if path == "404.html" else page_url(path)
        page = soup(published_site / path)
        for link in [tag["href"] for tag in page.find_all(href=True)] + [tag["src"] for tag in page.find_all(src=True)]:
            target = urlsplit(urljoin(base, link))
            if target.scheme not in ("http", "https") or target.netloc != site_root.netloc:
                continue  # another site, mailto:, data:, javascript:
            if not target.path.startswith(site_root.path):
                escapes.append(f"{path}: {link}")
                continue
            file = published_site / target.path.removeprefix(site_root.path)
            if not (file / "index.html" if target.path.endswith("/") else file).is_file():
                missing.append(f"{path}: {link}")
    assert escapes == []
    assert missing == []


def test_canonical_urls_and_sitemap_are_under_the_sub_path(published_site):
    articles = article_paths(published_site)
    assert f"{ARTICLE}index.html" in articles
    sitemap = ET.parse(published_site / "sitemap.xml").getroot()
    listed = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for path in articles:
        page = soup(published_site / path)
        assert page.find("link", rel="canonical")["href"] == page_url(path)
        assert page_url(path) in listed, f"{path} is not in sitemap.xml"
    assert all(url.startswith(SUB_SITE_URL) for url in listed)


# What a shared link and a search engine see


def test_every_article_has_a_description_and_open_graph_tags(published_site):
    for path in article_paths(published_site):
        page = soup(published_site / path)
        title = page.find("h1").get_text().rstrip("¶")
        description = meta(page, name="description")
        assert description, path
        assert meta(page, property="og:title") == title
        assert meta(page, property="og:description") == description
        assert meta(page, property="og:type") == "article"
        assert meta(page, property="og:url") == page_url(path)


def test_the_seed_article_is_described_by_its_first_sentence(published_site):
    page = soup(published_site / ARTICLE / "index.html")
    assert meta(page, name="description") == FIRST_SENTENCE
    assert meta(page, property="og:description") == FIRST_SENTENCE
    assert meta(page, property="og:title") == "Strong focus on development"


def test_home_is_a_website_not_an_article(published_site):
    page = soup(published_site / "index.html")
    assert meta(page, property="og:type") == "website"
    assert meta(page, property="og:url") == SUB_SITE_URL


def test_the_404_page_helps_the_reader_on(published_site):
    page = soup(published_site / "404.html")
    content = main_content(page)
    assert content.find("h1").get_text() == "Page not found"
    home = content.find("a", string="Go to the home page")
    assert home is not None and urljoin(SUB_SITE_URL + "x/y/", home["href"]) == SUB_SITE_URL
    assert "search" in content.get_text().lower()
    assert page.title.get_text().startswith("Page not found")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """A site from one seed whose title and first sentence are full of HTML and quotes."""
    project = make_project(tmp_path_factory.mktemp("hostile"))
    shutil.rmtree(project / "seeds")
    (project / "seeds").mkdir()
    (project / "seeds" / "x.txt").write_text(HOSTILE_TITLE + "\n" + HOSTILE_SENTENCE + " More text.\n")
    result = mkdocs_build(project, "--strict", env={"SITE_URL": SUB_SITE_URL})
    assert result.returncode == 0, result.stderr
    return project / "site"


HOSTILE_TITLE = 'Tags <img src=x onerror=alert(1)> and "quotes"'
HOSTILE_SENTENCE = 'He said "hi" <script>alert(2)</script> & left.'


def test_seed_text_in_metadata_and_header_stays_text(hostile_site):
    [path] = article_paths(hostile_site)
    page = soup(hostile_site / path)
    assert page.find("img", src="x") is None and page.find("script", string="alert(2)") is None
    assert meta(page, name="description") == HOSTILE_SENTENCE
    assert meta(page, property="og:description") == HOSTILE_SENTENCE
    assert meta(page, property="og:title") == HOSTILE_TITLE
    assert page.title.get_text() == f"{HOSTILE_TITLE} - Strong Focus"
    header_topic = page.select_one('[data-md-component="header-topic"]')
    assert header_topic.get_text(strip=True) == HOSTILE_TITLE
