"""The renderer: Markdown (title, headings, with explicit ids) holding placeholders for HTML blocks (the paragraphs
and footer lists), and seed text that always renders literally in both."""

from __future__ import annotations

import os

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from seedsite.model import Article, Section, Term
from seedsite.render import (
    TERM_PAGE_BYTES,
    Link,
    Quoted,
    Rendered,
    TermEntry,
    article_page,
    article_search_view,
    escape,
    fill,
    glossary_page,
    href,
    ids,
    paragraph,
    skeleton,
    term_page,
    term_tip,
    unlinked,
)
from seedsite.model import Mention

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
    "</p><p id=\"p9\">a paragraph of its own</p>",
    "<!-- a comment --> &lt; &#42; &#x3C; &nbsp; & &amp",
    "say \"hi\" and 'bye' > < >= <=",
    "\ue0000\ue001 looks like a placeholder \ue0001\ue001",
    '<a class="headerlink" href="#x">¶</a> <a href="y">z</a>',
]

EXTENSIONS = ["attr_list", "toc", "tables", "fenced_code"]  # mkdocs.yml's, and those MkDocs adds


def to_html(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS), "html.parser")


@pytest.fixture(scope="module")
def page_html():
    """A `Rendered` page → its HTML as the hook makes it: MkDocs' Markdown (the extensions and options of
    mkdocs.yml, front matter off), then `fill`; every placeholder must be filled."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def convert(rendered: Rendered) -> BeautifulSoup:
        body, _ = get_data(rendered.markdown)
        html, filled = fill(md.reset().convert(body), rendered.blocks)
        assert filled == len(rendered.blocks), "a placeholder was not filled"
        return BeautifulSoup(html, "html.parser")

    return convert


# --- seed text is literal ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_a_paragraph_is_exactly_its_text(text):
    html = BeautifulSoup(paragraph(text, "p1"), "html.parser")
    (para,) = html.find_all(True)
    assert para.name == "p" and para.attrs == {"id": "p1", "dir": "auto"}
    assert para.get_text() == text
    assert not para.find_all(True), "seed text produced an element"


@pytest.mark.parametrize("text", HOSTILE)
def test_a_linked_paragraph_is_exactly_its_text_with_only_its_links(text):
    """Links over hostile stretches (its three thirds, end to end) are its only elements."""
    third = len(text) // 3
    spans = [(0, third), (third, 2 * third), (2 * third, len(text))]
    links = [Link(a, b, f"../../glossary/#t{i}", f"tip {i} <{text[a:b]}>") for i, (a, b) in enumerate(spans)]
    html = BeautifulSoup(paragraph(text, "p7", links), "html.parser")
    (para,) = html.find_all("p")
    assert para["id"] == "p7" and para.get_text() == text
    found = para.find_all(True)
    assert [a.name for a in found] == ["a", "a", "a"]
    assert [a.get_text() for a in found] == [text[a:b] for a, b in spans]
    assert [a["href"] for a in found] == ["../../glossary/#t0", "../../glossary/#t1", "../../glossary/#t2"]
    assert not [a for a in found if a.find_all(True)]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_markdown_text_renders_as_itself(text):
    """`escape` (titles, headings, home, section and glossary Markdown) still keeps Markdown out."""
    para = to_html(escape(text)).find("p")
    assert para is not None and para.get_text() == text
    assert not para.find_all(True), "seed text produced an element"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_heading_text_renders_as_itself(text):
    html = to_html(f"## {escape(text)} {{#h}}")
    (heading,) = html.find_all(True)
    assert heading.name == "h2" and heading["id"] == "h" and heading.get_text() == text


def test_escape_turns_the_placeholder_characters_into_references():
    assert escape("\ue0000\ue001") == "&#57344;0&#57345;"


def test_escape_leaves_plain_prose_alone():
    assert escape("Plain prose, with commas — and dashes-inside 3.5 words.") == (
        "Plain prose, with commas — and dashes-inside 3.5 words."
    )


# --- links and tooltips --------------------------------------------------------------------------------------


def test_links_wrap_exactly_their_span_with_a_tooltip():
    text = "The Union State grew."
    html = BeautifulSoup(
        paragraph(text, "p3", [Link(4, 15, "../../glossary/#union-state", 'A "union" of <two>')]), "html.parser"
    )
    link = html.find("a")
    assert link.get_text() == "Union State"
    assert link["href"] == "../../glossary/#union-state"
    assert link["class"] == ["glossary-term"]
    # Material's tooltip shows the title as HTML, so the title is HTML for the tooltip's text
    assert BeautifulSoup(link["title"], "html.parser").get_text() == 'A "union" of <two>'
    assert not BeautifulSoup(link["title"], "html.parser").find_all(True)
    assert html.find("p").get_text() == text
    assert html.find("p")["id"] == "p3"


TOOLTIPS = [
    'The "Union" State',
    "The Union's State",
    "'single' and \"double\" quotes",
    "less <than> and <b>bold</b> and <script>alert(1)</script>",
    "fish & chips, &amp; a reference, &lt;b&gt; escaped already",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "a > b >= c",
]


@pytest.mark.parametrize("tip", TOOLTIPS)
def test_a_tooltip_title_is_html_whose_text_is_the_tooltip(tip):
    html = BeautifulSoup(paragraph("See the Union State.", "p1", [Link(8, 19, "../x/#y", tip)]), "html.parser")
    (link,) = html.find_all("a")
    assert set(link.attrs) == {"class", "href", "title"}, "the title leaked into other attributes"
    assert link.get_text() == "Union State" and link["href"] == "../x/#y"
    shown = BeautifulSoup(link["title"], "html.parser")  # what Material's tooltip makes of it
    assert shown.get_text() == tip
    assert not shown.find_all(True), "the tooltip's text became markup"


def test_a_link_without_title_or_class_has_neither():
    html = BeautifulSoup(paragraph("a b c", "p1", [Link(2, 3, "../x/", "", "")]), "html.parser")
    (link,) = html.find_all("a")
    assert link.attrs == {"href": "../x/"} and link.get_text() == "b"


def test_an_href_is_kept_exactly():
    url = '../x/?a=1&b="2"#<y>'
    html = BeautifulSoup(paragraph("a b c", "p1", [Link(2, 3, url)]), "html.parser")
    assert html.find("a")["href"] == url


# --- page URLs -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("from_uri", "to_uri", "directory", "plain"),
    [
        ("history/foo.md", "glossary.md", "../../glossary/", "../glossary.html"),
        ("articles/foo.md", "glossary.md", "../../glossary/", "../glossary.html"),
        ("index.md", "glossary.md", "glossary/", "glossary.html"),
        ("glossary.md", "index.md", "../", "index.html"),
        ("index.md", "index.md", "./", "index.html"),  # home to home
        ("glossary.md", "glossary.md", "./", "glossary.html"),  # same page
        ("history/foo.md", "history/foo.md", "./", "foo.html"),
        ("history/foo.md", "history/bar.md", "../bar/", "bar.html"),  # sibling
        ("history/foo.md", "history/index.md", "../", "index.html"),  # its section page
        ("history/index.md", "history/foo.md", "foo/", "foo.html"),
        ("history/index.md", "history/index.md", "./", "index.html"),
        ("history/foo.md", "index.md", "../../", "../index.html"),
        ("glossary.md", "history/foo.md", "../history/foo/", "history/foo.html"),
        ("index.md", "history/foo.md", "history/foo/", "history/foo.html"),
        ("index.md", "history/index.md", "history/", "history/index.html"),
        ("a/b/c.md", "index.md", "../../../", "../../index.html"),  # deeper
        ("a/b/c.md", "a/b/d.md", "../d/", "d.html"),
        ("a/b/c.md", "a/x/d.md", "../../x/d/", "../x/d.html"),
        ("a/b/c.md", "glossary.md", "../../../glossary/", "../../glossary.html"),
        ("glossary.md", "a/b/c.md", "../a/b/c/", "a/b/c.html"),
        ("a/b/index.md", "a/index.md", "../", "../index.html"),
    ],
)
def test_href_is_the_url_relative_to_the_page(from_uri, to_uri, directory, plain):
    assert href(from_uri, to_uri) == directory
    assert href(from_uri, to_uri, directory_urls=True) == directory
    assert href(from_uri, to_uri, directory_urls=False) == plain


@pytest.mark.parametrize("directory_urls", [True, False])
def test_href_resolves_to_the_target_page_url(directory_urls):
    """Resolved as a browser does, from the page's own URL, each href lands on the target page's URL."""
    from urllib.parse import urljoin

    from seedsite.render import page_url

    uris = ["index.md", "glossary.md", "a/index.md", "a/x.md", "a/y.md", "b/c/index.md", "b/c/z.md"]
    base = "https://example.org/sub/"
    for here in uris:
        for there in uris:
            got = urljoin(base + page_url(here, directory_urls), href(here, there, directory_urls))
            assert got == base + page_url(there, directory_urls), (here, there)


# --- blocks: fill, unlinked, ids -----------------------------------------------------------------------------

P, Q = "\ue000", "\ue001"


def test_fill_puts_every_block_in_place_of_its_placeholder():
    html = f"<h1>T</h1>\n<p>{P}0{Q}</p>\n<h2>H</h2>\n<p>{P}1{Q}</p>\n<p>{P}2{Q}</p>"
    blocks = ['<p id="p1">one</p>', '<p id="p2">two</p>\n<p id="p3">three</p>', "<ul><li>x</li></ul>"]
    out, filled = fill(html, blocks)
    assert filled == 3
    assert out == (
        '<h1>T</h1>\n<p id="p1">one</p>\n<h2>H</h2>\n<p id="p2">two</p>\n<p id="p3">three</p>\n<ul><li>x</li></ul>'
    )
    assert P not in out and Q not in out


def test_fill_puts_blocks_by_number_not_by_order():
    out, filled = fill(f"<p>{P}1{Q}</p><p>{P}0{Q}</p>", ["<b>zero</b>", "<i>one</i>"])
    assert (out, filled) == ("<i>one</i><b>zero</b>", 2)


def test_fill_counts_fewer_when_a_placeholder_is_missing():
    html = f"<p>{P}0{Q}</p>\n<p>mangled 1</p>\n<p>{P}2{Q}</p>"
    out, filled = fill(html, ["<p>a</p>", "<p>b</p>", "<p>c</p>"])
    assert filled == 2  # of 3
    assert out == "<p>a</p>\n<p>mangled 1</p>\n<p>c</p>"


def test_fill_leaves_a_placeholder_without_a_block_and_does_not_count_it():
    html = f"<p>{P}0{Q}</p><p>{P}5{Q}</p>"
    out, filled = fill(html, ["<p>a</p>"])
    assert (out, filled) == (f"<p>a</p><p>{P}5{Q}</p>", 1)


def test_fill_leaves_seed_looking_text_alone():
    """Seed text that looks like a placeholder reaches the page as character references (`escape`) or as text
    in a block (never rescanned): `fill` changes neither."""
    html = markdown.markdown(f"# {escape(P + '0' + Q)}\n\n{P}0{Q}\n\n{escape('x ' + P + '1' + Q)}\n")
    assert html.count(P) == 1  # only the real placeholder is a raw character
    out, filled = fill(html, [f'<p id="p1">{P}1{Q} and &lt;p&gt;0&lt;/p&gt;</p>', "<p>never</p>"])
    assert filled == 1
    page = BeautifulSoup(out, "html.parser")
    assert [(t.name, t.get_text()) for t in page.find_all(True)] == [
        ("h1", f"{P}0{Q}"),
        ("p", f"{P}1{Q} and <p>0</p>"),
        ("p", f"x {P}1{Q}"),
    ]
    assert "never" not in out


def test_fill_with_no_blocks_changes_nothing():
    html = "<h1>T</h1><p>plain 0 text &#57344;0&#57345;</p>"
    assert fill(html, []) == (html, 0)


def test_unlinked_keeps_link_text_and_drops_the_tags():
    block = paragraph(
        "The Union State and the Great Victory.",
        "p4",
        [Link(4, 15, "../../glossary/#union-state", 'A "union" <of> states'), Link(24, 37, "../../glossary/#gv")],
    )
    plain = unlinked(block)
    assert plain == '<p id="p4" dir="auto">The Union State and the Great Victory.</p>'
    assert "<a" not in plain and "</a>" not in plain
    assert BeautifulSoup(plain, "html.parser").get_text() == BeautifulSoup(block, "html.parser").get_text()


def test_unlinked_keeps_hostile_text_as_text():
    for text in HOSTILE:
        block = paragraph(text, "p1", [Link(0, 2, "../x/", "tip")])
        plain = BeautifulSoup(unlinked(block), "html.parser")
        assert plain.get_text() == text, text
        assert [t.name for t in plain.find_all(True)] == ["p"], text


def test_unlinked_keeps_permalinks():
    block = (
        '<h3 id="union-state">Union State<a class="headerlink" href="#union-state" title="Permanent link">¶</a></h3>\n'
        '<p class="glossary-definition">A union.</p>\n'
        '<ul><li><a href="../a/#p1">A</a>: the <mark>Union State</mark>.</li></ul>'
    )
    plain = unlinked(block)
    assert '<a class="headerlink" href="#union-state" title="Permanent link">¶</a>' in plain
    page = BeautifulSoup(plain, "html.parser")
    assert [a["class"] for a in page.find_all("a")] == [["headerlink"]]
    assert page.find("li").get_text() == "A: the Union State."
    assert page.find("mark") is not None


def test_unlinked_leaves_a_block_without_links_as_it_is():
    block = '<p id="p1">No links &lt;a href="x"&gt; here.</p>'
    assert unlinked(block) == block


def test_ids_are_the_ids_of_the_blocks_elements():
    blocks = [
        paragraph("One.", "p1") + "\n" + paragraph('Two with id="fake" and <p id="nope">.', "p2"),
        '<h3 id="union-state">U<a class="headerlink" href="#union-state" title="Permanent link">¶</a></h3>',
        '<p class="term-list"><a href="../../glossary/#x">X</a></p>',
    ]
    assert ids(blocks) == {"p1", "p2", "union-state"}
    assert ids([]) == set()


# --- pages ---------------------------------------------------------------------------------------------------

ARTICLE = Article(
    source="a.txt",
    section="",
    title="A <title> & *more*",
    slug="a-title-more",
    intro=("Intro one.", "Intro two."),
    sections=(
        Section("First *part*", 2, "first-part", ("Body one.",)),
        Section("Deeper", 3, "deeper", ()),
        Section("Last", 2, "last", ("Body *two* <b>.", "Body three.")),
    ),
)


def test_article_page_markdown_holds_the_skeleton_and_a_placeholder_per_block():
    rendered = article_page(ARTICLE)
    assert isinstance(rendered, Rendered)
    body = rendered.markdown.split("---\n", 2)[2]
    assert body.strip().split("\n\n") == [
        "# A &#60;title&#62; &#38; &#42;more&#42; {dir=auto lang=en}",
        f"{P}0{Q}",
        "## First &#42;part&#42; {#first-part dir=auto lang=en}",
        f"{P}1{Q}",
        "### Deeper {#deeper dir=auto lang=en}",
        "## Last {#last dir=auto lang=en}",
        f"{P}2{Q}",
        f"{P}3{Q}",
    ]
    # intro, "First part", "Last" ("Deeper" has no paragraph), and the footer, empty here
    assert len(rendered.blocks) == 4 and rendered.blocks[-1] == ""
    assert rendered.markdown == skeleton(ARTICLE)  # the Markdown depends on the article alone
    assert "Intro" not in body and "Body" not in body  # the paragraphs are in the blocks (the description
    # in the front matter is the summary)


def test_article_page_has_title_sections_ids_and_paragraph_anchors(page_html):
    html = page_html(article_page(ARTICLE))
    assert html.find("h1").get_text().rstrip("¶") == "A <title> & *more*"
    assert [(h.name, h["id"], h.get_text().rstrip("¶")) for h in html.find_all(["h2", "h3"])] == [
        ("h2", "first-part", "First *part*"),
        ("h3", "deeper", "Deeper"),
        ("h2", "last", "Last"),
    ]
    assert [(p["id"], p.get_text()) for p in html.find_all("p")] == [
        ("p1", "Intro one."),
        ("p2", "Intro two."),
        ("p3", "Body one."),
        ("p4", "Body *two* <b>."),
        ("p5", "Body three."),
    ]
    # each paragraph under its own heading
    order = [(t.name, t.get("id")) for t in html.find_all(["h1", "h2", "h3", "p"])]
    assert order == [
        ("h1", "a---more"), ("p", "p1"), ("p", "p2"), ("h2", "first-part"), ("p", "p3"),
        ("h3", "deeper"), ("h2", "last"), ("p", "p4"), ("p", "p5"),
    ]  # fmt: skip
    assert not html.find("b")


def test_article_page_links_paragraphs_and_lists_terms_and_related_articles(page_html):
    links = [
        [],
        [Link(6, 9, "../../glossary/#two", "the number 2")],
        [Link(0, 4, "../../glossary/#body", "a <body>")],
    ]
    terms = [("Body", "../../glossary/#body"), ("Two & <more>", "../../glossary/#two")]
    related = [("Other <article>", "../other/", "Shared: Body, Two"), ("Third", "../../b/third/", "")]
    rendered = article_page(ARTICLE, links, terms, related)
    assert len(rendered.blocks) == 4
    assert rendered.markdown == skeleton(ARTICLE)  # links, terms and related articles are all in the blocks
    html = page_html(rendered)
    term_links = html.select("a.glossary-term")
    assert [(a.find_parent("p")["id"], a.get_text(), a["href"]) for a in term_links] == [
        ("p2", "two", "../../glossary/#two"),
        ("p3", "Body", "../../glossary/#body"),
    ]
    assert BeautifulSoup(term_links[1]["title"], "html.parser").get_text() == "a <body>"
    assert [(h["id"], h.get_text().rstrip("¶")) for h in html.find_all("h2")][-2:] == [
        ("terms", "Terms in this article"),
        ("related", "Related articles"),
    ]
    term_list = html.select_one("p.term-list")
    assert term_list.find_previous("h2")["id"] == "terms"
    assert [(a.get_text(), a["href"]) for a in term_list.find_all("a")] == terms
    assert term_list.get_text() == "Body · Two & <more>"
    items = html.find("h2", id="related").find_next("ul").find_all("li")
    assert [(li.a.get_text(), li.a["href"]) for li in items] == [(t, u) for t, u, _ in related]
    assert items[0].get_text() == "Other <article> — Shared: Body, Two"
    assert unlinked(rendered.blocks[-1]) == "<!--unsearched-->"  # lists of names: no search result
    assert article_search_view(ARTICLE) == [unlinked(block) for block in rendered.blocks]  # known before the links
    assert unlinked(rendered.blocks[1]) == '<p id="p3" dir="auto" lang="en">Body one.</p>'


def test_an_article_without_terms_or_related_articles_has_no_footer(page_html):
    html = page_html(article_page(ARTICLE, terms=[], related=[]))
    assert not html.find(id="terms") and not html.find(id="related") and not html.find("ul")


def test_an_article_of_headings_only_has_only_its_empty_footer_block(page_html):
    bare = Article("b.txt", "", "Bare", "bare", (), (Section("Only", 2, "only", ()),))
    rendered = article_page(bare)
    assert rendered.blocks == ("",) and rendered.markdown.count(P) == 1
    assert [h.get("id") for h in page_html(rendered).find_all(["h1", "h2"])] == ["bare", "only"]


def term(name: str, anchor: str, definition: str = "", aliases: tuple[str, ...] = (), kind: str = "concept",
         origin: str = "curated") -> Term:
    return Term(name, anchor, (name,), aliases, definition, origin if definition else "", kind=kind)


def entry(t: Term, articles=(), **kwargs) -> TermEntry:
    return TermEntry(t, f"glossary/{t.anchor}.md", tuple(articles), **kwargs)


def urls(entries) -> list[str]:
    return [f"{e.term.anchor}/" for e in entries]


def test_glossary_index_letters_are_markdown_headings_and_lines_html_blocks(page_html):
    """One line per term: its name linking its page, its kind, its short definition, how many articles mention
    it; seed text stays text."""
    mention = Mention("a.txt", "p1", "Apples grow.", 0, 6)
    entries = [
        entry(term("Apple <tree>", "apple-tree", 'A "fruit" & <b>tree</b>', ("Malus",), "place"),
              [("A", "../../a/", (Quoted(1, (mention,)),)), ("B", "../../b/", (Quoted(2, (mention,)),))]),
        entry(term("Avocado", "avocado", kind="person")),
        entry(term("Banana", "banana", "Yellow.", origin="first-use")),
    ]
    rendered = glossary_page(entries, urls(entries))
    assert isinstance(rendered, Rendered) and len(rendered.blocks) == 3  # the filter, A, B
    assert "Apple" not in rendered.markdown.split("---\n", 2)[2]  # the lines are in the blocks
    assert ids(rendered.blocks) == {"apple-tree", "avocado", "banana"}
    html = page_html(rendered)
    assert [(t.name, t.get_text()) for t in html.find_all(["h1", "h2"])] == [
        ("h1", "Glossary¶"), ("h2", "A¶"), ("h2", "B¶"),
    ]  # fmt: skip
    apple = html.find("li", id="apple-tree")
    assert apple.a["href"] == "apple-tree/" and apple.a.get_text() == "Apple <tree>"
    assert apple.get_text() == 'Apple <tree> Place · 2 articles — A "fruit" & <b>tree</b>'
    assert apple["data-kind"] == "place" and not apple.find_all(["b", "script"])
    assert html.find("li", id="avocado").get_text() == "Avocado Person · 0 articles"
    assert html.find("li", id="banana").get_text() == "Banana Concept · 0 articles"  # a first use is no definition
    kinds = [o["value"] for o in html.select(".glossary-filter select option")]
    assert kinds == ["", "person", "place", "concept"]
    assert html.select_one(".glossary-filter").has_attr("hidden")  # shown by the script only
    az = html.select_one("p.glossary-az")
    assert [(a.get_text(), a["href"]) for a in az.find_all("a")] == [("A", "#letter-a"), ("B", "#letter-b")]
    assert [h["id"] for h in html.find_all("h2")] == ["letter-a", "letter-b"]
    assert all(unlinked(block) == "<!--unsearched-->" for block in rendered.blocks)


def test_an_empty_glossary_has_no_blocks(page_html):
    rendered = glossary_page([], [])
    assert rendered.blocks == ()
    assert "No terms yet." in page_html(rendered).get_text()


def test_glossary_index_ids_are_unique_when_terms_are_named_like_its_headings(page_html):
    """Terms named "Glossary" (anchored `glossary-2` by `glossary`), "Letter B", and "Istanbul" and "İzmir"
    (whose letters I and İ both slugify to `i`): the terms keep their anchors, the h1 keeps `glossary`, the
    letters yield (`letter-b-2`, `letter-i-2`), and the A–Z bar links each letter's own heading."""
    entries = [
        entry(term(name, anchor, "Defined."))
        for name, anchor in [("Banana", "banana"), ("Glossary", "glossary-2"), ("Istanbul", "istanbul"),
                             ("İzmir", "izmir"), ("Letter B", "letter-b")]
    ]  # fmt: skip
    html = page_html(glossary_page(entries, urls(entries)))
    found = [tag["id"] for tag in html.find_all(id=True)]
    assert len(found) == len(set(found)), found
    assert html.find("h1")["id"] == "glossary"
    assert [(li["id"], li.a.get_text()) for li in html.find_all("li")] == [
        ("banana", "Banana"), ("glossary-2", "Glossary"), ("istanbul", "Istanbul"), ("izmir", "İzmir"),
        ("letter-b", "Letter B"),
    ]  # fmt: skip
    az = [(a.get_text(), a["href"]) for a in html.select_one("p.glossary-az").find_all("a")]
    assert az == [("B", "#letter-b-2"), ("G", "#letter-g"), ("I", "#letter-i"), ("İ", "#letter-i-2"),
                  ("L", "#letter-l")]  # fmt: skip
    for letter, target in az:
        heading = html.find(id=target[1:])
        assert heading.name == "h2" and heading.get_text().rstrip("¶") == letter
        first_entry = heading.find_next("li").a.get_text()
        assert first_entry.startswith(letter), (letter, first_entry)


def test_glossary_index_h1_yields_to_a_term_anchored_like_it(page_html):
    """`glossary` never anchors a term `glossary`; should a term come so anchored, the ids are still unique."""
    entries = [entry(term("Glossary", "glossary"))]
    html = page_html(glossary_page(entries, urls(entries)))
    found = [tag["id"] for tag in html.find_all(id=True)]
    assert len(found) == len(set(found)) and html.find("li")["id"] == "glossary"


def test_a_term_page_shows_its_definition_source_kind_names_and_every_mention_with_a_pilcrow(page_html):
    text = "The Union State was founded in 1999. It is a union. The Union State met."
    first, second = Mention("a.txt", "p1", text, 4, 15), Mention("a.txt", "p1", text, 56, 67)
    other = Mention("b.txt", "history", "Later the Union State grew.", 10, 21)
    t = Term("Union State", "union-state", ("Union State", "Union States"), ("USRB",), "A union of two states.",
             "stated", first, "organisation")
    rendered = term_page(entry(t, [("A <1>", "../../a/", (Quoted(1, (first, second)),)),
                                   ("B", "../../b/", (Quoted(4, (other,)),))],
                               source=("A <1>", "../../a/#p1"), related=(("Moscow", "../moscow/"),),
                               most_about=(("A <1>", "../../a/", 2), ("B", "../../b/", 1))), "../")
    _, meta = get_data(rendered.markdown)
    assert meta["title"] == "Union State" and meta["search"] == {"boost": 2}
    assert meta["description"] == "A union of two states."
    html = page_html(rendered)
    assert html.find("h1").get_text().rstrip("¶") == "Union State"
    assert html.find("p").get_text() == "A union of two states."  # what search shows first
    metas = [p.get_text() for p in html.select("p.term-meta")]
    assert metas == ["Organisation · mentioned in 2 articles", "Stated in the text — A <1>",
                     "Also called: USRB", "Forms matched: Union States"]
    assert html.select_one("p.term-meta a")["href"] == "../../a/#p1"
    pilcrows = [a["href"] for a in html.select("a.term-paragraph")]
    assert pilcrows == ["../../a/#p1", "../../b/#p4"]
    items = html.select("#mentions ~ ul li")
    assert [m.get_text() for m in items[0].find_all("mark")] == ["Union State", "Union State"]
    assert [a.get_text() for a in html.select("p.term-article a")] == ["A <1>", "B"]
    assert [a["href"] for a in html.select("p.term-list a")] == ["../moscow/"]
    found = [tag["id"] for tag in html.find_all(id=True)]
    assert len(found) == len(set(found))
    assert unlinked(rendered.blocks[1]) == "<!--unsearched-->" and "Union" in unlinked(rendered.blocks[0])


def test_a_term_page_without_definition_says_its_kind_and_count(page_html):
    mention = Mention("a.txt", "p1", "Moscow is big.", 0, 6)
    t = Term("Moscow", "moscow", ("Moscow",), definition="Moscow is big.", origin="first-use", kind="thing")
    rendered = term_page(entry(t, [("A", "../../a/", (Quoted(1, (mention,)),))]), "../")
    html = page_html(rendered)
    assert not html.select("p.term-definition")
    assert html.find("p").get_text() == "Concept · mentioned in 1 article"  # an unknown kind reads as a concept
    assert get_data(rendered.markdown)[1]["description"] == "Concept · mentioned in 1 article"


def test_a_much_mentioned_term_page_stays_small_and_links_every_paragraph_while_it_can():
    text = "The river runs. " * 20
    mentions = [Mention(f"{n}.txt", "p1", text, 4, 9) for n in range(3000)]
    articles = [(f"Article {n}", f"../../{n}/", (Quoted(1, (m,)), Quoted(2, (m,)))) for n, m in enumerate(mentions)]
    rendered = term_page(entry(term("river", "river"), articles), "../")
    size = sum(len(b) for b in rendered.blocks)
    assert TERM_PAGE_BYTES < size < TERM_PAGE_BYTES + 2_000
    html = BeautifulSoup(rendered.blocks[1], "html.parser")
    quoted = len(html.find_all("li"))
    linked = len(html.select("a.term-paragraph"))
    assert 0 < quoted < linked < 6000
    assert html.find_all("p")[-1].get_text().startswith("…and ")


def test_a_tooltip_never_repeats_its_paragraph():
    fallback = "Person · mentioned in 4 articles"
    definition = "Tony Blair was the British Prime Minister from 1997 to 2007."
    assert term_tip(definition, fallback, "Elsewhere, Blair spoke.") == definition
    assert term_tip(definition, fallback, f"In short: {definition} He won.") == fallback
    assert term_tip(definition, fallback, "Tony Blair was British Prime Minister from 1997 to 2007.") == fallback
    assert term_tip("", fallback, "Blair spoke.") == fallback
    long = "A word " * 40
    assert len(term_tip(long, fallback, "Other text.")) <= 120


# --- right-to-left text --------------------------------------------------------------------------------------

ARABIC = Article(
    source="ar.txt",
    section="",
    title="اللغة العربية",
    slug="arabic",
    intro=("العربية لغة سامية.", "שלום עולם, זו פסקה בעברית."),
    sections=(Section("التاريخ", 2, "history", ("كتبت أول مرة في القرن الرابع.",)),),
)


def test_every_block_of_seed_text_on_an_article_page_takes_its_direction_from_its_text(page_html):
    """Arabic and Hebrew read right to left: each paragraph and heading has `dir="auto"`, so the browser takes
    its direction from its first strong character (and English stays left to right)."""
    for article in (ARABIC, ARTICLE):
        html = page_html(article_page(article, terms=[("Term", "../../glossary/#term")]))
        blocks = html.find_all(["h1", "h2", "h3", "p"])
        footer = [b for b in blocks if b.get("id") == "terms" or "term-list" in b.get("class", [])]
        seed = [b for b in blocks if b not in footer]
        assert len(footer) == 2 and len(seed) == len(blocks) - 2
        assert [b.get("dir") for b in seed] == ["auto"] * len(seed), article.source
    html = page_html(article_page(ARABIC))
    texts = [*ARABIC.intro, *ARABIC.sections[0].paragraphs]
    assert [p.get_text() for p in html.find_all("p", dir="auto")] == texts
    assert html.find("h1").get_text().rstrip("¶") == "اللغة العربية" and html.find("h2")["id"] == "history"


def test_a_paragraph_carries_dir_auto_and_a_few_bytes_only():
    text = "مرحبا بالعالم."
    assert paragraph(text, "p1") == f'<p id="p1" dir="auto">{text}</p>'


def test_term_definitions_and_quoted_mentions_take_their_direction_from_their_text(page_html):
    sentence = "العربية لغة سامية."
    mention = Mention("ar.txt", "p1", sentence, 0, 7)
    t = term("العربية", "arabic", "لغة سامية يتحدث بها الملايين.")
    html = page_html(term_page(entry(t, [("اللغة العربية", "../ar/", (Quoted(1, (mention,)),))]), "../"))
    assert html.find("h1")["dir"] == "auto"
    definition = html.find("p", class_="term-definition")
    assert definition["dir"] == "auto" and definition.get_text() == "لغة سامية يتحدث بها الملايين."
    (item,) = html.select("#mentions ~ ul li")
    assert item["dir"] == "auto" and item.get_text() == f"{sentence} ¶"
    assert item.find("mark").get_text() == "العربية"
