"""Lossless text: whatever a seed says, its page shows that text, every word of it, in order.

- A property (hypothesis): random Unicode seeds, rich in Markdown and HTML metacharacters, go through the real
  reader and `render.article_page`; its Markdown goes through Python-Markdown with exactly the extensions MkDocs
  uses for mkdocs.yml (read from the config, MkDocs' built-ins included), its HTML blocks are put in with
  `render.fill` as the hook does, and the page is parsed with a real HTML parser. One
  `mkdocs build` per example would be far too slow; what MkDocs adds around the Markdown is covered by the real
  builds below and in test_bad_input.py.
- The dev corpus, built for real: every word of every seed is on its page in order; `python -m seedsite.verify`
  agrees, and `make verify` fails when a word is lost.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SEED, main_content, make_project, mkdocs_build, soup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from seedsite import render
from seedsite.pipeline import build
from seedsite.read import SeedError, decode, read_article
from seedsite.render import Link, article_page
from seedsite.sources import load
from seedsite.text import INVISIBLE

METACHARACTERS = list("\\`*_[]{}()<>&#|~^=+:$\"'!-.%@/;?") + ["&amp;", "&#42;", "{{", "}}", "{%", "%}", "{:", "```"]
METACHARACTERS += ["\ue000", "\ue001", "\ue0000\ue001", "&#57344;0&#57345;"]  # the block placeholders
LOOKALIKE_LINES = [
    "# x", "## x ##", "1. x", "12) x", "> x", "- x", "+ x", "* x", "| a | b |", "|---|---|", "    four-space indent",
    "---", "***", "====", "== ==", "== x ==", "[x](y)", "![x](y)", "<div>", "</div>", "<div markdown>", "{#id}",
    "{: .c #i }", "{{ jinja }}", "{% raw %}", "$x$", "$$x$$", "*x*", "_x_", "__x__", "`x`", "```", "~~~", "<!-- x -->",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Term", ": definition", "[^1]: x", "[TOC]",
    "<https://example.com>", "x  ", "\\", "&amp;", "&#42;", "&nbsp;", "\ue0000\ue001", "\ue0001\ue001 x",
    '<a class="headerlink" href="#p1">¶</a>', '<p id="p1">x</p>',
]  # fmt: skip
ODD_CHARACTERS = ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00a0", "\u2028", "\x85", "\x02", "\x03", "\x7f", "\t"]
"""Zero-width and unusual spaces, and control characters (Python-Markdown uses \\x02 and \\x03 as markers)."""
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Letters-and-digits words; zero-width characters join rather than split (the reader drops a stray BOM)."""
    return WORD.findall(text.translate(dict.fromkeys(map(ord, INVISIBLE))))


def in_order(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(word in it for word in needles)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def to_html():
    """A rendered page → HTML as the hook makes it: its Markdown as MkDocs converts a page of this site (the
    extensions and options of mkdocs.yml), then its blocks put in (`render.fill`), every one of them."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def convert(page: render.Rendered, linked: bool = True) -> BeautifulSoup:
        body, _ = get_data(page.markdown)  # front matter off, as MkDocs does
        blocks = page.blocks if linked else [render.unlinked(block) for block in page.blocks]
        html, filled = render.fill(md.reset().convert(body), blocks)
        assert filled == len(page.blocks), "a block's placeholder was lost"
        return BeautifulSoup(html, "html.parser")

    return convert


def blocks(html: BeautifulSoup) -> list[tuple[str, str]]:
    """(tag, text) of every element of a rendered article body, permalinks left out and term links unwrapped."""
    for link in html.select("a.headerlink"):
        link.decompose()
    for link in html.select("a.glossary-term"):
        link.unwrap()
    html.smooth()  # a link's text and the text around it are one string again, as the seed had them
    return [(tag.name, norm(tag.get_text())) for tag in html.find_all(True)]


TIP = 'A "tip" & <b>it\'s</b>'


def first_word_links(article) -> list[list[Link]]:
    """A term link over the first word of every paragraph, as the glossary would put one there."""
    out = []
    for text in article.paragraphs:
        found = WORD.search(text)
        out.append([Link(found.start(), found.end(), "../../glossary/#x", TIP)] if found else [])
    return out


def expected_blocks(article) -> list[tuple[str, str]]:
    out = [("h1", article.title)] + [("p", text) for text in article.intro]
    for section in article.sections:
        out += [(f"h{section.level}", section.heading)] + [("p", text) for text in section.paragraphs]
    return [(tag, norm(text)) for tag, text in out]


token = st.one_of(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=12),
    st.sampled_from(METACHARACTERS),
    st.sampled_from(ODD_CHARACTERS),
    st.sampled_from(LOOKALIKE_LINES),  # inside a line too: "word {#id}" is an attribute list
)
line = st.one_of(
    st.sampled_from(LOOKALIKE_LINES),
    st.lists(token, min_size=1, max_size=12).map(" ".join),
    st.lists(token, min_size=1, max_size=6).map("".join),
)
seed_text = st.tuples(
    line, st.lists(st.tuples(st.sampled_from(["\n", "\n\n", "\r\n", "\r"]), line), max_size=12)
).map(lambda t: t[0] + "".join(sep + text for sep, text in t[1]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed_text)
def test_any_seed_renders_as_exactly_its_text(to_html, text):
    try:
        article = read_article(text.encode("utf-8"), "x.txt")
    except SeedError:
        assume(False)  # an empty seed, or one so full of control characters that it looks binary
    links = first_word_links(article)
    page = article_page(article, links)
    html = to_html(page)
    terms = html.select("a.glossary-term")
    assert [a.get_text() for a in terms] == [
        para[hits[0].start : hits[0].end] for para, hits in zip(article.paragraphs, links) if hits
    ]
    assert all(BeautifulSoup(a["title"], "html.parser").get_text() == TIP for a in terms)
    assert blocks(html) == expected_blocks(article), "text altered, or seed text became markup"
    assert in_order(words(text), words(html.get_text(" "))), "a word of the seed is missing"
    # what the search plugin reads (the blocks without their links) is the same text
    unlinked = to_html(page, linked=False)
    assert not unlinked.select("a.glossary-term")
    assert blocks(unlinked) == expected_blocks(article)
    assert in_order(words(text), words(unlinked.get_text(" ")))


@pytest.mark.parametrize(
    ("broken", "seed"),
    [
        ("escape", "Title *x* and <b>y</b>\nplain text\n"),  # the Markdown of a title
        ("_text", "Title\n*x* and <b>y</b>\n"),  # the HTML of a paragraph
    ],
)
def test_the_property_sees_markup_if_escaping_fails(to_html, monkeypatch, broken, seed):
    """The check above would catch a renderer that let Markdown (`escape`) or HTML (`_text`) through."""
    article = read_article(seed.encode(), "x.txt")
    assert blocks(to_html(article_page(article))) == expected_blocks(article)  # as it is, it holds
    monkeypatch.setattr(render, broken, lambda text: text)
    assert blocks(to_html(article_page(article))) != expected_blocks(article)


@pytest.mark.slow
def test_every_word_of_the_dev_corpus_is_on_its_page_in_order(corpus_site):
    project, _ = corpus_site
    site = build(load(project / "seeds"))
    checked = 0
    for article in site.articles:
        text = decode((project / "seeds" / article.source).read_bytes()).text
        content = main_content(soup(project / "site" / site.uris[article.source].replace(".md", "/index.html")))
        expected = words(text)
        assert in_order(expected, words(content.get_text(" "))), article.source
        checked += len(expected)
    assert len(site.articles) == 192 and checked > 1_000_000
    verify = run_verify(project)
    assert verify.returncode == 0, verify.stdout
    assert verify.stdout.splitlines()[-1] == (
        f"verify: 192 seeds, {checked} words checked, 0 with lost text, 0 other problems"
    )


def run_verify(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "seedsite.verify", "site", "seeds"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project / "hooks")},
        capture_output=True,
        text=True,
    )


@pytest.fixture
def built(tmp_path) -> Path:
    """The repo's seed built for real, with the Makefile beside it."""
    project = make_project(tmp_path / "project")
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    assert mkdocs_build(project).returncode == 0
    return project


def test_verify_passes_a_whole_site_and_names_a_lost_word(built):
    ok = run_verify(built)
    assert ok.returncode == 0, ok.stdout
    assert re.fullmatch(r"verify: 1 seeds, \d+ words checked, 0 with lost text, 0 other problems\n", ok.stdout)
    page = built / "site" / "articles" / "strong-focus-on-development" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("landmark", ""), encoding="utf-8")
    lost = run_verify(built)
    assert lost.returncode == 1
    assert re.fullmatch(
        rf"seeds/{SEED.name}: word \d+ of \d+, 'landmark' \(after 'of State always has a'\), is not on"
        r" site/articles/strong-focus-on-development/index.html in order",
        lost.stdout.splitlines()[0],
    )
    assert lost.stdout.splitlines()[-1].endswith(", 1 with lost text, 0 other problems")


def test_verify_names_a_missing_page(built):
    shutil.rmtree(built / "site" / "articles" / "strong-focus-on-development")
    result = run_verify(built)
    assert result.returncode == 1
    assert result.stdout.startswith(f"seeds/{SEED.name}: no page at ")


def test_make_verify_builds_then_fails_on_a_lost_word(built):
    """`make verify` as an editor runs it (VENV points at this venv, STAMP= skips the install), on a good build
    and on one whose renderer is made to drop a word."""
    venv = Path(sys.executable).parent.parent
    make = ["make", "--no-print-directory", "verify", f"VENV={venv}", "STAMP="]
    ok = subprocess.run(make, cwd=built, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    verified = next(line for line in ok.stdout.splitlines() if line.startswith("verify: "))
    assert verified.endswith(" 0 with lost text, 0 other problems")
    assert ok.stdout.splitlines()[-1].startswith("audit: ") and " 0 junk" in ok.stdout
    with open(built / "hooks" / "seedsite" / "render.py", "a", encoding="utf-8") as source:
        # "landmark" is in a paragraph, and a paragraph is HTML that `paragraph` writes
        source.write(
            "\n_paragraph = paragraph\n"
            "paragraph = lambda text, *args: _paragraph(text, *args).replace('landmark', '')\n"
        )
    lost = subprocess.run(make, cwd=built, capture_output=True, text=True)
    assert lost.returncode != 0
    assert f"seeds/{SEED.name}: word " in lost.stdout and "'landmark'" in lost.stdout
