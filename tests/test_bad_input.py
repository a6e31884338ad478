"""Bad input: whatever an editor drops into `seeds/`, the site builds; each file becomes a correct page or is
skipped with one WARNING line `seeds/<path>: <what is wrong>` (so `--strict` fails loudly), never a traceback,
never a silently missing article, never a page outside the site folder.

One real `mkdocs build` (not strict) of a project holding every hostile seed (`tests/inputs/hostile.py`), read
with a real HTML parser; one `--strict` build of the small ones, which must fail with the right lines.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import main_content, make_project, mkdocs_build, soup
from inputs.hostile import (
    FIXTURES,
    HOSTILE_FOLDER,
    ONE_WORD_PARAGRAPHS,
    big_paragraph,
    make_seeds,
    png,
    unpunctuated,
)
from seedsite.pipeline import Site, build
from seedsite.sources import load

ROOT_USER = os.geteuid() == 0
"""Root reads a chmod 000 file anyway: then `no-permission.txt` is published and the "cannot be read" path is
exercised by `broken-link.txt` instead."""

SKIPPED = {
    "empty.txt": "empty file: no title and no text, skipped",
    "whitespace-only.txt": "empty file: no title and no text, skipped",
    "binary-image.txt": "binary data, not text (is it an image or a document?), skipped",
    "notes.md": "not a .txt seed, skipped (rename it to *.txt to publish it)",
    "broken-link.txt": "cannot be read (No such file or directory), skipped",
    "named-pipe.txt": "cannot be read (not a regular file), skipped",
    "linked-folder": "a link to a folder, not followed, skipped (move the folder here)",
    "caf\\xe9 latin-1 name.txt": "the file name is not UTF-8, skipped (rename the file)",
    **({} if ROOT_USER else {"no-permission.txt": "cannot be read (Permission denied), skipped"}),
}
"""Every file that must not become a page → the message it must get, at WARNING."""
DECODED = {"cp1252.txt": "cp1252", "latin-1.txt": "cp1252"}
"""Seeds in another encoding → the encoding the message names (Latin-1 text is cp1252 text)."""


@functools.cache
def hostile_build(root: Path) -> tuple[Path, subprocess.CompletedProcess, Site]:
    """Build a project of every hostile seed in `root` once per session: (site folder, finished build, what the
    pipeline made of the seeds, to find each seed's page)."""
    project = make_project(root, seeds=FIXTURES)
    make_seeds(project / "seeds")
    result = mkdocs_build(project)
    return project / "site", result, build(load(project / "seeds"))


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, Site]:
    return hostile_build(tmp_path_factory.getbasetemp() / "hostile")


def page(hostile, source: str):
    """The article body of the page made from the seed `source`."""
    site, _, pipeline_site = hostile
    return main_content(soup(site / pipeline_site.uris[source].replace(".md", "/index.html")))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def blocks(content) -> list[str]:
    """The text of the title, each heading and each paragraph, in order (no permalinks, no page furniture)."""
    for link in content.select("a.headerlink"):
        link.decompose()
    found = content.find_all(lambda tag: re.fullmatch(r"h[1-6]", tag.name) or tag.get("id", "").startswith("p"))
    return [norm(tag.get_text()) for tag in found if tag.get("id") not in ("related", "terms")]


def log_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if "seeds/" in line]


def test_the_build_succeeds_without_a_traceback(hostile):
    _, result, _ = hostile
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


def test_every_skipped_file_gets_one_warning_line(hostile):
    _, result, _ = hostile
    warnings = [line for line in log_lines(result) if line.startswith("WARNING")]
    expected = [f"WARNING -  seeds/{path}: {message}" for path, message in SKIPPED.items()]
    assert sorted(warnings) == sorted(expected)


def test_every_other_file_becomes_a_page(hostile):
    site, _, pipeline_site = hostile
    every_file = {
        os.fsencode(p.relative_to(site.parent / "seeds")).decode("utf-8", "backslashreplace")
        for p in (site.parent / "seeds").rglob("*")
        if not p.is_dir() or p.is_symlink()
    }
    published = set(pipeline_site.uris)
    assert published == every_file - set(SKIPPED) - {"glossary.yml"}
    for source, uri in pipeline_site.uris.items():
        assert (site / uri.replace(".md", "/index.html")).is_file(), source


def test_other_encodings_are_decoded_and_said(hostile):
    _, result, _ = hostile
    for source, encoding in DECODED.items():
        assert f"INFO    -  seeds/{source}: not UTF-8, decoded as {encoding}" in log_lines(result)
    assert blocks(page(hostile, "cp1252.txt")) == [
        "Smart quotes in cp1252",
        "\u201cIt costs \u00a35,\u201d she said \u2013 and he said \u2018no\u2019\u2026",
    ]
    assert blocks(page(hostile, "latin-1.txt")) == ["Café prices in Latin-1", "A café crème costs £3 in Crémieux."]


@pytest.mark.parametrize(
    "source, expected",
    [
        ("title-only.txt", ["Only a title"]),
        ("utf8-bom.txt", ["Title after a byte-order mark", "The BOM is not part of this title."]),
        ("crlf.txt", ["Windows line endings", "First paragraph with CRLF.", "Second paragraph with CRLF."]),
        (
            "lone-cr.txt",
            ["Old Mac line endings", "First paragraph with a lone CR.", "Second paragraph with a lone CR."],
        ),
        ("same-title-a.txt", ["Same title", "The first of two seeds with this title."]),
        ("same-title-b.txt", ["Same title", "The second of two seeds with this title."]),
        ("no-slug-title.txt", ["!!! ??? ***", "A title made only of punctuation has no slug."]),
        ("!!!.txt", ["…", "A title that is one ellipsis, in a file whose name is punctuation too."]),
        ("path-title.txt", ["../../../outside the site", "A title that looks like a path out of the site folder."]),
        ("emoji.txt", ["Rockets 🚀 and stars ✨", "The launch 🚀 went well 👍🏽 and the family 👨\u200d👩\u200d👧 watched."]),
        (
            "yaml-title.txt",
            [
                '!!python/object/apply:os.system ["touch yaml-ran"] --- title: x',
                "A title that YAML would read as a tag, a document marker and a key.",
            ],
        ),
    ],
)
def test_small_seeds_become_exactly_their_text(hostile, source, expected):
    assert blocks(page(hostile, source)) == expected


def test_no_stray_byte_order_mark_or_carriage_return_reaches_a_page(hostile):
    site, _, pipeline_site = hostile
    for source in ("utf8-bom.txt", "crlf.txt", "lone-cr.txt"):
        html = (site / pipeline_site.uris[source].replace(".md", "/index.html")).read_text(encoding="utf-8")
        assert "\ufeff" not in html and "\r" not in html, source


def test_same_titles_get_two_pages_and_a_note(hostile):
    _, result, pipeline_site = hostile
    uris = {pipeline_site.uris["same-title-a.txt"], pipeline_site.uris["same-title-b.txt"]}
    assert uris == {"articles/same-title.md", "articles/same-title-same-title-b.md"}
    assert "INFO    -  seeds/same-title-b.txt: same title as seeds/same-title-a.txt" in result.stderr.splitlines()


@pytest.mark.parametrize(
    "source, uri, title",
    [
        ("cyrillic.txt", "articles/ранние-годы-пушкина.md", "Ранние годы Пушкина"),
        ("cjk.txt", "articles/東京の歴史.md", "東京の歴史"),
        ("emoji.txt", "articles/rockets-and-stars.md", "Rockets 🚀 and stars ✨"),
        ("no-slug-title.txt", "articles/no-slug-title.md", "!!! ??? ***"),
        ("!!!.txt", "articles/article.md", "…"),
        ("path-title.txt", "articles/outside-the-site.md", "../../../outside the site"),
        ("file name with spaces.txt", "articles/a-file-name-with-spaces.md", "A file name with spaces"),
        ("ünïcödé-名前.txt", "articles/a-non-ascii-file-name.md", "A non-ASCII file name"),
        (f"{HOSTILE_FOLDER}/in-a-hostile-folder.txt", "section/in-a-hostile-folder.md", "In a hostile folder"),
    ],
)
def test_titles_in_any_script_give_readable_urls(hostile, source, uri, title):
    _, _, pipeline_site = hostile
    assert pipeline_site.uris[source] == uri
    assert blocks(page(hostile, source))[0] == title


def test_file_names_with_spaces_and_non_ascii_keep_their_edit_link(hostile):
    site, _, pipeline_site = hostile
    for source in ("file name with spaces.txt", "ünïcödé-名前.txt"):
        html = soup(site / pipeline_site.uris[source].replace(".md", "/index.html"))
        assert unquote(html.select_one('a[rel="edit"]')["href"]).endswith(f"/seeds/{source}")


def test_zero_width_and_non_breaking_spaces_are_kept_as_text(hostile):
    assert blocks(page(hostile, "invisible-spaces.txt")) == [
        "Zero\u200bwidth and non-breaking spaces",
        "A\u200bword split by a zero-width space, and 10 km with a non-breaking space.",
        "A\u200d joiner\u200c and a non-joiner\u2060 and a word joiner.",
    ]


def test_markdown_and_html_lookalikes_show_as_typed(hostile):
    lines = (FIXTURES / "markdown-lookalikes.txt").read_text(encoding="utf-8").splitlines()
    content = page(hostile, "markdown-lookalikes.txt")
    expected = [norm(line.removeprefix("# ")) for line in lines]  # `# x` is a subheading by design
    assert blocks(content) == expected
    assert content.find("h2").get_text(strip=True).rstrip("¶") == "x"
    footer = {id(tag) for tag in content.select(".unsearched, .unsearched *")}  # lists of terms, related articles
    elements = {tag.name for tag in content.find_all(True) if id(tag) not in footer} - {"h1", "h2", "p", "a", "svg", "path"}
    assert not elements, f"seed text became markup: {elements}"


def test_a_five_megabyte_paragraph_is_one_whole_paragraph(hostile):
    texts = blocks(page(hostile, "big-paragraph.txt"))
    title, body = big_paragraph().split("\n", 1)
    assert texts == [title, norm(body)]


def test_a_paragraph_without_a_sentence_end_is_one_whole_paragraph(hostile):
    title, body = unpunctuated().split("\n", 1)
    assert blocks(page(hostile, "unpunctuated.txt")) == [title, norm(body)]


def test_a_paragraph_without_a_sentence_end_does_not_swell_the_lists(hostile):
    site, _, pipeline_site = hostile
    article = soup(site / pipeline_site.uris["unpunctuated.txt"].replace(".md", "/index.html"))
    assert len(article.find("meta", attrs={"name": "description"})["content"]) <= 500
    assert (site / "index.html").stat().st_size < 200_000


def test_thousands_of_one_word_paragraphs_are_all_there(hostile):
    texts = blocks(page(hostile, "many-paragraphs.txt"))
    assert texts == ["Thousands of one-word paragraphs"] + [f"w{i}" for i in range(ONE_WORD_PARAGRAPHS)]


def test_the_unreadable_file_path(hostile):
    """As root a chmod 000 file is readable, so it is published; otherwise it is skipped with a warning (see
    SKIPPED). The broken link exercises the "cannot be read" path either way."""
    _, _, pipeline_site = hostile
    assert ("no-permission.txt" in pipeline_site.uris) == ROOT_USER


def test_no_page_escapes_the_site_folder(hostile):
    site, _, _ = hostile
    project = site.parent
    made = sorted(p.name for p in project.iterdir() if p.name != ".cache")  # the pipeline cache, written aside
    assert made == ["docs", "hooks", "mkdocs.yml", "overrides", "seeds", "site"]
    assert [p.name for p in project.glob(".cache/*")] in ([], ["microsite"])
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site.resolve()), path
    assert not list(project.parent.glob("outside*")), "a page was written outside the project"


def test_a_hostile_folder_name_is_a_section_named_in_text(hostile):
    """Its title keeps the folder's words (the pipeline drops `<` and `>`: Material prints nav titles raw)."""
    site, _, pipeline_site = hostile
    section = next(s for s in pipeline_site.sections if s.folder == HOSTILE_FOLDER)
    assert section.uri == "section/index.md"
    content = main_content(soup(site / "section" / "index.html"))
    assert "src=x onerror=alert(1)" in blocks(content)[0]
    assert not soup(site / "section" / "index.html").find("img")


def test_strict_build_fails_with_one_line_per_bad_file(tmp_path):
    """Just the small inputs (no 5 MB paragraph) plus the generated bad files."""
    project = make_project(tmp_path / "strict", seeds=FIXTURES)
    seeds = project / "seeds"
    (seeds / "binary-image.txt").write_bytes(png())
    (seeds / "broken-link.txt").symlink_to(seeds / "no-such-file")
    os.mkfifo(seeds / "named-pipe.txt")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    expected = {"empty.txt", "whitespace-only.txt", "binary-image.txt", "notes.md", "broken-link.txt", "named-pipe.txt"}
    assert sorted(warnings) == sorted(f"WARNING -  seeds/{path}: {SKIPPED[path]}" for path in expected)
    assert f"Aborted with {len(expected)} warnings in strict mode!" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_long_non_latin_titles_and_capitalised_folder_names_build(tmp_path):
    """A slug names a folder (255 bytes at most on most file systems, about 127 Cyrillic characters): a long
    Russian or Chinese title once crashed the build. Folder names keep their capitals and apostrophes."""
    seeds = tmp_path / "seeds"
    russian = ("Постановление правительства Российской Федерации об утверждении правил предоставления субсидий "
               "из федерального бюджета на поддержку сельского хозяйства")
    for folder, name, title in [("USA", "law.txt", russian), ("McDonald's history", "cn.txt", "中华人民共和国" * 20),
                                ("EU policy", "eu.txt", "European Union policy")]:
        (seeds / folder).mkdir(parents=True)
        (seeds / folder / name).write_text(f"{title}\nThe text of the article. It has two sentences.\n",
                                           encoding="utf-8")
    project = make_project(tmp_path / "project", seeds=seeds)
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    pages = [p for p in (project / "site").rglob("index.html") if "Постановление" in p.read_text(encoding="utf-8")]
    assert any(len(p.parent.name.encode()) <= 120 for p in pages)
    nav = [a.get_text(" ", strip=True) for a in soup(project / "site" / "index.html").select("nav.md-nav--primary a")]
    assert {"USA", "McDonald’s history", "EU policy"} <= set(nav), nav
