"""Export (`make export`): the site's pages as a plain docs folder that three engines build alike, without hooks.

The layout is checked in-process (every link of every exported page, resolved as MkDocs and as Zensical resolve
it, reaches an exported page). Then real builds: a small site of our own articles (news, essay, encyclopedia, in
three sections, plus the committed odd seeds) and the dev corpus are built with the hooks (`mkdocs build
--strict`), exported with the CLI, and the export built with plain MkDocs (`--strict`, no hooks), ProperDocs and
Zensical. Inside each page's main content (`article.md-content__inner`: the engines' theme markup around it
differs) every article page must have the hook build's headings and ids in order, its paragraph anchors, term
links that land on ids of that build's own glossary, and every word of its seed in order; the home, section and
glossary pages must be there; every relative link must land on a page and id of that build. The repo's own site
is also built with its hooks under ProperDocs, and its export written twice must be byte-identical.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, make_project, mkdocs_build
from inputs.hostile import FIXTURES
from seedsite import export, pipeline, sources, verify
from seedsite.read import decode
from seedsite.render import page_url

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
ENGINES = {
    "mkdocs": [str(BIN / "mkdocs"), "build", "--strict"],
    "properdocs": [str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml"],
    "zensical": [str(BIN / "zensical"), "build", "--strict"],
}
"""Each engine's build of an export folder, run inside it (into its `site/`)."""

ARTICLES = {
    "world/rail-deal.txt": """Rail deal signed in Varden
The Northern Rail Authority (NRA) signed a deal on Tuesday to rebuild the line between Varden and Osk. The \
Northern Rail Authority said work would begin in March.
Officials in Varden welcomed the plan. "Fast trains will change the valley," the mayor of Varden, Ilse Marek, \
told reporters.
What comes next
The NRA will publish the timetable in the spring. Ilse Marek said the town council would hold a public meeting \
about the "green corridor" plan.
Critics said the cost of the project was too high. The NRA rejected the claim: <b>no</b> *markup* [here](x.md).
""",
    "essays/slow-travel.txt": """On slow travel
I took the old line from Varden to Osk last week. It took four hours, and nobody minded.
The journey
The train stopped at every village. People talked about the "green corridor" as if it already existed; the \
Northern Rail Authority had promised it for years.
Slow travel is a habit of attention. It asks for nothing but time, and it gives back the valley, field by field.
What we lose
A fast line will save three hours. It will also close the small stations, and with them the reason to stop in \
Osk at all.
""",
    "lake-varden.txt": """Lake Varden
Lake Varden is a glacial lake in the north of the valley. The town of Varden lies on its southern shore.
== Geography ==
The lake is 14 km long and up to 80 m deep. The river Osk drains it to the east.
== History ==
A railway reached Varden in 1889. The Northern Rail Authority (NRA) took over the line in 1951.
=== Recent events ===
In the 2020s the "green corridor" plan proposed a faster line along the lake. Ilse Marek, mayor of Varden, \
supported it.
""",
}
"""Our own small articles: a news story, an essay and an encyclopedia entry sharing terms."""
ABOUT = "# About\n\nA hand-written page beside the generated ones: see the [home page](index.md).\n"
"""The project's own page in the small site (the export keeps it, and lists it in the nav)."""
SKIPPED_ODD = {"empty.txt", "whitespace-only.txt"}
"""Committed odd seeds that the build skips with a warning (so `--strict` would stop)."""


def write_seeds(seeds: Path) -> Path:
    for rel, text in ARTICLES.items():
        (seeds / rel).parent.mkdir(parents=True, exist_ok=True)
        (seeds / rel).write_text(text, encoding="utf-8")
    (seeds / "odd").mkdir()
    for path in FIXTURES.glob("*.txt"):
        if path.name not in SKIPPED_ODD:
            shutil.copy(path, seeds / "odd" / path.name)
    return seeds


def run_export(project: Path, out: Path) -> subprocess.CompletedProcess:
    """`python -m seedsite.export` as `make export` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "seedsite.export", str(project), "--out", str(out)],
        env={**ENV, "PYTHONPATH": str(ROOT / "hooks")}, capture_output=True, text=True, timeout=600,
    )


def engine_build(engine: str, exported: Path, dest: Path) -> Path:
    """A copy of the export in `dest`, built there by `engine` (each engine writes `site/`, Zensical a cache)."""
    shutil.copytree(exported, dest)
    result = subprocess.run(ENGINES[engine], cwd=dest, env=ENV, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, f"{engine}: {result.stdout[-2000:]}{result.stderr[-3000:]}"
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    return dest / "site"


def built_engines(project: Path, tmp: Path) -> dict[str, Path]:
    """The project exported with the CLI, then built by every engine: engine → site folder."""
    result = run_export(project, tmp / "export")
    assert result.returncode == 0, result.stderr
    return {engine: engine_build(engine, tmp / "export", tmp / engine) for engine in ENGINES}


# The comparisons, each a list of differences (empty when the engine's build matches the hook build).


def html_file(site: Path, uri: str) -> Path:
    return site / page_url(uri) / "index.html"


@functools.lru_cache(maxsize=None)  # each page parsed once a comparison, whichever checks read it
def main(path: Path):
    """The page's main content (`article.md-content__inner`, the same element in every engine's Material); only
    that stretch of the file is parsed (seed text holds no `<article>`: it is escaped)."""
    html = path.read_text(encoding="utf-8")
    start = html.find('<article class="md-content__inner')
    content = BeautifulSoup(html[start : html.rfind("</article>") + len("</article>")], "html.parser").article
    assert content is not None, f"{path}: no main content"
    return content


def headings(content) -> list[tuple[str, str | None, str | None]]:
    """(tag, id, permalink target) of every heading."""
    found = []
    for h in content.find_all(re.compile("^h[1-6]$")):
        link = h.find("a", class_="headerlink")
        found.append((h.name, h.get("id"), link.get("href") if link else None))
    return found


def paragraph_ids(content) -> list[str]:
    return [p["id"] for p in content.find_all("p", id=True)]


def term_links(content, url: str) -> list[tuple[str, str, str]]:
    """(page URL from the root, fragment, text) of each term link."""
    links = []
    for a in content.find_all("a", class_="glossary-term"):
        target, fragment = urldefrag(urljoin("/" + url, a["href"]))
        links.append((target, fragment, a.get_text()))
    return links


class Ids:
    """The ids in each page's main content, read once a page."""

    def __init__(self, site: Path) -> None:
        self.site, self.seen = site, {}

    def __call__(self, url: str) -> set[str] | None:
        """The ids of the page at root-relative `url` ('/glossary/'), None if there is no page."""
        if url not in self.seen:
            path = self.site / unquote(url).lstrip("/")
            path = path / "index.html" if url.endswith("/") else path
            self.seen[url] = {e["id"] for e in main(path).find_all(id=True)} if path.is_file() else None
        return self.seen[url]


def article_differences(hook_site: Path, site: Path, built: pipeline.Site) -> list[str]:
    """Each article page against the hook build's: headings, paragraph anchors, term links."""
    problems = []
    ids = Ids(site)
    glossary = "/" + page_url(pipeline.GLOSSARY_URI)
    linked = 0
    for uri in built.uris.values():
        url = page_url(uri)
        mine, theirs = main(html_file(site, uri)), main(html_file(hook_site, uri))
        for name, read in (("headings", headings), ("paragraph ids", paragraph_ids)):
            if read(mine) != read(theirs):
                problems.append(f"{uri}: {name} {read(mine)} != hook build's {read(theirs)}")
        links = term_links(mine, url)
        linked += len(links)
        if links != term_links(theirs, url):
            problems.append(f"{uri}: term links differ from the hook build's")
        for target, fragment, text in links:  # each to a term page of this build (`glossary/<term>/`)
            page_ids = ids(target)
            if not target.startswith(glossary) or page_ids is None or fragment and fragment not in page_ids:
                problems.append(f"{uri}: term link {text!r} → {target}#{fragment} is no term page of {glossary}")
    assert linked > 0, "no term links to compare"
    return problems


def nav_differences(hook_site: Path, site: Path, built: pipeline.Site) -> list[str]:
    """The home, section and glossary pages: there, with the hook build's title and headings."""
    problems = []
    nav_pages = [page.uri for page in built.pages if page.in_nav]
    assert "index.md" in nav_pages and pipeline.GLOSSARY_URI in nav_pages and len(nav_pages) >= 3
    for uri in nav_pages:
        path = html_file(site, uri)
        if not path.is_file():
            problems.append(f"{uri}: no page at {path}")
        elif headings(main(path)) != headings(main(html_file(hook_site, uri))):
            problems.append(f"{uri}: headings differ from the hook build's")
    return problems


def broken_links(site: Path) -> list[str]:
    """Every relative link in every page's main content that reaches no page, or no id on it."""
    problems = []
    ids = Ids(site)
    for path in sorted(site.rglob("index.html")):
        url = "/" + path.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        url = url.replace("//", "/")
        for a in main(path).find_all("a", href=True):
            href = a["href"]
            if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue
            target, fragment = urldefrag(urljoin(url, href))
            found = ids(target)
            if found is None:
                problems.append(f"{url}: link {href} reaches no page")
            elif fragment and fragment not in found:
                problems.append(f"{url}: link {href} reaches no id on {target}")
    return problems


def lost_words(site: Path, loaded: sources.Sources, built: pipeline.Site) -> list[str]:
    """Each seed whose words are not all in its page's main content, in order (as `verify` checks a site)."""
    problems = []
    for seed in loaded.seeds:
        if seed.path in built.uris:
            expected = verify.words(decode(seed.data).text)
            found = verify.words(main(html_file(site, built.uris[seed.path])).get_text(" "))
            lost = verify.first_loss(expected, found)
            if lost is not None:
                problems.append(f"{seed.path}: word {lost + 1}, {expected[lost]!r}, is lost")
    return problems


def every_difference(hook_site: Path, sites: dict[str, Path], seeds: Path) -> dict[str, list[str]]:
    """Engine → what its build of the export has that the hook build has not (or lacks)."""
    loaded = sources.load(seeds)
    built = pipeline.build(loaded)
    assert len(built.uris) == len(loaded.seeds) - sum(p.fatal for p in built.problems) > 0
    try:
        return {
            engine: article_differences(hook_site, site, built) + nav_differences(hook_site, site, built)
            + broken_links(site) + lost_words(site, loaded, built)
            for engine, site in sites.items()
        }
    finally:
        main.cache_clear()  # a corpus' parsed pages are many megabytes


# The layout, in-process.


@pytest.fixture(scope="module")
def own_seeds(tmp_path_factory) -> Path:
    return write_seeds(tmp_path_factory.mktemp("own") / "seeds")


@pytest.fixture(scope="module")
def own_pipeline(own_seeds) -> pipeline.Site:
    return pipeline.build(sources.load(own_seeds))


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("index.md", "index.md"),
        ("world/index.md", "world/index.md"),
        ("world/europe/index.md", "world/europe/index.md"),
        ("articles/strong-focus.md", "articles/strong-focus/index.md"),
        ("glossary.md", "glossary/index.md"),
        ("glossary/union-state.md", "glossary/union-state/index.md"),
        ("world/indexing.md", "world/indexing/index.md"),
    ],
)
def test_every_page_is_a_folder_index(uri, expected):
    assert export.folder_uri(uri) == expected
    assert page_url(expected) == page_url(uri)  # the same URL as in the hook build


def test_links_mean_the_same_page_to_mkdocs_and_zensical(own_pipeline):
    """An HTML block's link resolved against the page's URL (MkDocs) and against its source file's folder
    (Zensical) is one and the same page of the export; a Markdown link names an exported file."""
    exported = export.pages(own_pipeline)
    files = {page.uri for page in exported}
    urls = {"/" + page_url(uri) for uri in files}
    checked = 0
    for page in exported:
        by_url = "/" + page_url(page.uri)
        by_source = "/" + posixpath.dirname(page.uri) + "/" if "/" in page.uri else "/"
        assert by_url == by_source
        for href in re.findall(r'<a\b[^>]* href="([^"]*)"', page.markdown):
            target = urldefrag(urljoin(by_url, href))[0]
            assert target in urls, f"{page.uri}: {href} → {target}"
            checked += 1
        markdown = re.sub(r"(?m)^<.*$", "", page.markdown)  # without the HTML blocks' lines
        for target in re.findall(r"\]\(([^()#\s]+\.md)", markdown):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(page.uri), target)) in files
            checked += 1
    assert checked > 50


def test_the_blocks_are_raw_html_in_the_markdown(own_pipeline):
    """Each block goes in whole, as it is: the seed text `[here](x.md)` in one is not taken for a page link."""
    for page, out in zip(own_pipeline.pages, export.pages(own_pipeline)):
        assert "\ue000" not in out.markdown and "\ue001" not in out.markdown
        for block in filter(None, page.blocks):
            assert f"\n{block}\n" in out.markdown, page.uri  # a block of its own, from the line start
    written = [out.markdown for out in export.pages(own_pipeline)]
    assert any("*markup* [here](x.md)" in text for text in written)  # the article, and term pages quoting it
    assert not any("[here](x/index.md)" in text or "[here](../x/" in text for text in written)


def test_the_config_keeps_the_project_settings_but_no_hooks(own_pipeline):
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    exported = export.pages(own_pipeline)
    text = export.config(yml, exported, custom_dir=True)
    assert "hooks" not in text and "microsite.py" not in text
    for kept in ("!ENV", "!!python/object/apply:pymdownx.slugs.slugify", "anchors: warn", "custom_dir: overrides"):
        assert kept in text
    settings = yaml.load(text, Loader=export._TagKeepingSafeLoader)
    assert [next(iter(item.values())) for item in settings["nav"]][0] == "index.md"
    assert {next(iter(item.values())) for item in settings["nav"]} == {p.uri for p in exported if p.in_nav}
    assert settings["use_directory_urls"] is True


def test_a_python_tag_in_the_config_is_copied_not_run(tmp_path):
    marker = tmp_path / "yaml-ran"
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    yml += f'extra:\n  run: !!python/object/apply:os.system ["touch {marker}"]\n'
    text = export.config(yml, [], custom_dir=False)
    assert not marker.exists()
    assert f'run: !!python/object/apply:os.system\n  - touch {marker}' in text


def test_requirements_pin_every_engine():
    texts = [(ROOT / name).read_text(encoding="utf-8") for name in ("requirements.txt", "requirements-dev.txt")]
    lines = [line for line in export.requirements(texts).splitlines() if not line.startswith("#")]
    assert {line.split("==")[0] for line in lines} == {
        "mkdocs", "properdocs", "zensical", "mkdocs-material", "pymdown-extensions"}
    assert all("==" in line for line in lines), lines
    assert "zensical==0.0.73" in lines


def test_the_project_docs_are_copied_but_for_a_file_a_generated_page_replaces(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "docs" / "about.md").write_text(ABOUT, encoding="utf-8")
    (project / "docs" / "glossary").mkdir()
    (project / "docs" / pipeline.GLOSSARY_URI).write_text("# Not the glossary\n", encoding="utf-8")
    assert export.export(project, tmp_path / "out") == []
    docs = tmp_path / "out" / "docs"
    assert (docs / "about.md").read_text(encoding="utf-8") == ABOUT
    assert "Not the glossary" not in (docs / "glossary" / "index.md").read_text()
    assert "- about.md" in (tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_broken_config_is_a_one_line_message(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    result = run_export(project, tmp_path / "out")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("mkdocs.yml: not valid YAML") and result.stderr.count("\n") == 1


def test_an_unrelated_folder_is_not_replaced(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine", encoding="utf-8")
    result = run_export(ROOT, tmp_path / "out")
    assert result.returncode == 2 and "is not an earlier export" in result.stderr
    assert (tmp_path / "out" / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_the_export_is_byte_for_byte_reproducible(tmp_path):
    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    for name in ("a", "b"):
        result = run_export(ROOT, tmp_path / name / "export")
        assert result.returncode == 0, result.stderr
    first, second = tree(tmp_path / "a" / "export"), tree(tmp_path / "b" / "export")
    assert first == second
    assert "docs/glossary.json" in first and "mkdocs.yml" in first and "requirements.txt" in first
    assert "docs/assets/extra.css" in first and any(p.startswith("overrides/") for p in first)
    # and again over an earlier export
    assert run_export(ROOT, tmp_path / "a" / "export").returncode == 0
    assert tree(tmp_path / "a" / "export") == second


# Real builds: the hook build against the export built by each engine.


@pytest.fixture(scope="module")
def own_builds(tmp_path_factory, own_seeds) -> tuple[Path, Path, dict[str, Path]]:
    """(seeds, hook build's site, engine → site of the export) for our own small site."""
    tmp = tmp_path_factory.mktemp("own-builds")
    project = make_project(tmp / "project", seeds=own_seeds)
    (project / "docs" / "about.md").write_text(ABOUT, encoding="utf-8")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "seeds", project / "site", built_engines(project, tmp)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_builds_the_export_as_the_hooks_build_the_site(own_builds, engine):
    seeds, hook_site, sites = own_builds
    assert every_difference(hook_site, {engine: sites[engine]}, seeds) == {engine: []}
    assert "hand-written page" in main(sites[engine] / "about" / "index.html").get_text()
    assert (sites[engine] / "glossary.json").read_bytes() == (hook_site / "glossary.json").read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_keeps_seed_text_literal(own_builds, engine):
    """The essay's `<b>`, `*` and `[…](…)` show as typed: raw HTML blocks pass through, the text stays text."""
    _, _, sites = own_builds
    content = main(sites[engine] / "world" / "rail-deal-signed-in-varden" / "index.html")
    assert "<b>no</b> *markup* [here](x.md)" in content.get_text()
    assert content.find("b") is None and content.find("em") is None


@pytest.mark.slow
def test_the_dev_corpus_export_builds_alike_with_every_engine(corpus_site, tmp_path_factory):
    project, _ = corpus_site
    sites = built_engines(project, tmp_path_factory.mktemp("corpus-export"))
    assert every_difference(project / "site", sites, project / "seeds") == {engine: [] for engine in ENGINES}


# The hook build itself under ProperDocs.


@pytest.mark.slow
@pytest.mark.parametrize("second_process", [False, True])
def test_properdocs_builds_the_project_with_its_hooks(seed_site, tmp_path, second_process):
    """`properdocs build` of the repo, hooks and all, makes the pages `mkdocs build` makes (with the glossary
    made in the build's own process, and in a second one as on a large site)."""
    project = make_project(tmp_path / "project")
    env = {**ENV, "MICROSITE_BACKGROUND_FROM": "0" if second_process else "100000"}
    result = subprocess.run(ENGINES["properdocs"] + ["--site-dir", str(project / "site")], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"microsite: \d+ articles", result.stderr)
    assert ("second process" in result.stderr) == second_process
    site = project / "site"
    pages = sorted(p.relative_to(seed_site) for p in seed_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(site) for p in site.rglob("*.html"))
    for page in pages:
        assert str(main(site / page)) == str(main(seed_site / page)), page
    assert (site / "glossary.json").read_bytes() == (seed_site / "glossary.json").read_bytes()
    assert (site / "search" / "search_index.json").read_bytes() == (seed_site / "search" / "search_index.json").read_bytes()


@pytest.mark.slow
def test_the_comparison_sees_a_lost_word_a_lost_anchor_and_a_broken_term_link(own_builds, tmp_path):
    seeds, hook_site, sites = own_builds
    site = shutil.copytree(sites["mkdocs"], tmp_path / "site")
    page = site / "world" / "rail-deal-signed-in-varden" / "index.html"
    head, body = page.read_text(encoding="utf-8").split('<article class="md-content__inner', 1)
    for old, new in (("on Tuesday", "on"), ('id="p2"', 'id="p9"'), ("glossary/osk/", "glossary/oskar/")):
        assert old in body
        body = body.replace(old, new, 1)
    page.write_text(f'{head}<article class="md-content__inner{body}', encoding="utf-8")
    found = "\n".join(every_difference(hook_site, {"mkdocs": site}, seeds)["mkdocs"])
    for expected in ("paragraph ids", "'Tuesday'", "term links differ", "oskar/# is no term page", "reaches no id"):
        assert expected in found


# The workflow that builds the export with Zensical on every push.

WORKFLOW = ROOT / ".github" / "workflows" / "export.yml"


def test_export_workflow_is_a_valid_github_workflow_run_on_every_push():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow[True]["push"] is None  # YAML 1.1 reads the key `on` as True; no branch filter


@pytest.mark.slow
def test_export_workflow_steps_build_the_repo_with_zensical(tmp_path):
    """The workflow's own commands (all but the installs), run in a copy of the repo with this venv's Python."""
    project = make_project(tmp_path / "project")
    shutil.copy(ROOT / "requirements.txt", project)
    shutil.copy(ROOT / "requirements-dev.txt", project)
    steps = [step for job in yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"].values()
             for step in job["steps"] if "run" in step and "pip install" not in step["run"]]
    assert any("seedsite.export" in step["run"] for step in steps)
    assert any(step["run"].startswith("zensical build") for step in steps)
    env = {**ENV, "PATH": f"{BIN}:{os.environ['PATH']}"}
    for step in steps:
        cwd = project / step.get("working-directory", ".")
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=env, capture_output=True,
                                text=True, timeout=600)
        assert result.returncode == 0, f"{step['run']}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
    assert main(project / "export" / "site" / "articles" / "strong-focus-on-development" / "index.html")
