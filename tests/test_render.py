"""The renderer: Markdown with explicit ids, and seed text that always renders literally."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from seedsite.model import Article, Section
from seedsite.render import Link, article_page, escape, paragraph

HOSTILE = [
    "# not a heading",
    "1. not a list",
    "12) not a list either",
    "> not a quote",
    "- not a bullet",
    "+ not a bullet",
    "* not a bullet",
    "| a | b |",
    "---",
    "***",
    "a *b* and _c_ and __d__ and **e**",
    "`code` and ``more``",
    "[x](y) and ![img](src) and <http://example.com>",
    "<b>bold</b> &amp; <script>alert(1)</script> <img src=x onerror=alert(1)>",
    "{#id} {: .cls } {{ jinja }} $x$ \\(y\\)",
    "~~strike~~ ==mark== ^^ins^^ ++ctrl++ :smile:",
    "back\\slash and trailing hashes ##",
]

EXTENSIONS = ["attr_list", "toc", "tables", "fenced_code"]  # mkdocs.yml's, and those MkDocs adds


def to_html(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_itself(text):
    html = to_html(paragraph(text, "p1"))
    para = html.find("p")
    assert para is not None and para.get("id") == "p1"
    assert para.get_text() == text
    assert not para.find_all(True), "seed text produced an element"


def test_escape_leaves_plain_prose_alone():
    assert escape("Plain prose, with commas — and dashes-inside 3.5 words.") == (
        "Plain prose, with commas — and dashes-inside 3.5 words."
    )


def test_links_wrap_exactly_their_span_with_a_tooltip():
    text = "The Union State grew."
    md = paragraph(text, "p3", [Link(4, 15, "../glossary.md#union-state", 'A "union" of <two>')])
    html = to_html(md)
    link = html.find("a")
    assert link.get_text() == "Union State"
    assert link["href"] == "../glossary.md#union-state"
    assert link["class"] == ["glossary-term"]
    # Material's tooltip shows the title as HTML, so the title is HTML for the tooltip's text
    assert BeautifulSoup(link["title"], "html.parser").get_text() == 'A "union" of <two>'
    assert not BeautifulSoup(link["title"], "html.parser").find_all(True)
    assert html.find("p").get_text() == text


def test_article_page_has_title_sections_ids_and_paragraph_anchors():
    article = Article(
        source="a.txt",
        section="",
        title="A <title> & *more*",
        slug="a-title-more",
        intro=("Intro one.", "Intro two."),
        sections=(
            Section("First *part*", 2, "first-part", ("Body one.",)),
            Section("Deeper", 3, "deeper", ()),
        ),
    )
    html = to_html(article_page(article).split("---\n", 2)[2])
    assert html.find("h1").get_text() == "A <title> & *more*"
    assert [(h.name, h["id"], h.get_text()) for h in html.find_all(["h2", "h3"])] == [
        ("h2", "first-part", "First *part*"),
        ("h3", "deeper", "Deeper"),
    ]
    assert [p["id"] for p in html.find_all("p")] == ["p1", "p2", "p3"]
