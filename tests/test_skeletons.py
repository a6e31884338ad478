"""`skeletons`: article and term pages converted without Python-Markdown. Wherever `convert` answers, it must be
exactly what MkDocs makes of the page (a real MkDocs `Page` of the repo's mkdocs.yml, read and rendered): the HTML,
the table of contents, the title and the ids. Hostile titles and headings come from hypothesis; Markdown outside
the skeleton's grammar, and Markdown options `convert` does not follow, are left to MkDocs."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data
from seedsite.model import Article, Section, Term
from seedsite.render import glossary_labels, skeleton, term_markdown

import skeletons

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
CONFIG = load_config(str(ROOT / "mkdocs.yml"))

NASTY = list("\\`*_[]{}<>&#!\"'()-+=|~:.;,/ 0123456789aZzé") + [
    "\t", "\xa0", "\u3000", "\u200b", "Ж", "щ", "\u0627", "\u05d0", "\ue000", "\ue001", "\x02", "\x03", "&amp;",
    "&#42;", "  ", "1.", "- ", "## ", "{#x}", " {dir=rtl}", "p1", "intro",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(NASTY) | st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
                min_size=1, max_size=12).map("".join)
ANCHOR = st.sampled_from(["intro", "p1", "a", "a_1", "zz", "история", "x-y"]) | st.from_regex(r"[a-z][a-z0-9-]{0,8}",
                                                                                             fullmatch=True)


def mkdocs_page(markdown: str, config=CONFIG, cls=Page) -> Page:
    """A real MkDocs page of this Markdown, read and rendered."""
    file = File("section/page.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = markdown
    page = cls(None, file, config) if cls is Page else cls(file, config, skeletons.Settings.of(config))
    page.read_source(config)
    page.render(config, Files([file]))
    return page


def toc(items) -> list:
    return [(item.title, item.id, item.level, toc(item.children)) for item in items]


def links(page: Page) -> dict:
    return {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}


def assert_same(markdown: str, config=CONFIG) -> bool:
    """Where `convert` answers, its page equals MkDocs' own; True if it answered."""
    body, _ = get_data(markdown)
    made = skeletons.convert(body, skeletons.Settings.of(config))
    if made is None:
        return False
    theirs, ours = mkdocs_page(markdown, config), mkdocs_page(markdown, config, skeletons.SkeletonPage)
    assert ours.meta == theirs.meta and ours.markdown == theirs.markdown  # (our front matter read as JSON)
    assert ours.content == theirs.content
    assert toc(ours.toc) == toc(theirs.toc)
    assert ours.title == theirs.title and ours._title_from_render == theirs._title_from_render
    assert ours.present_anchor_ids == theirs.present_anchor_ids
    assert links(ours) == links(theirs)
    return True


@st.composite
def articles(draw) -> Article:
    sections = tuple(Section(draw(TEXT), draw(st.integers(2, 6)), draw(ANCHOR), draw(st.sampled_from([(), ("x",)])))
                     for _ in range(draw(st.integers(0, 4))))
    return Article("s/a.txt", "s", draw(TEXT), "a", draw(st.sampled_from([(), ("x",)])), sections,
                   lang=draw(st.sampled_from(["en", "ru", "pt-BR", "", "x y"])))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_an_article_skeleton_converts_as_mkdocs_converts_it(article):
    assert_same(skeleton(article))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_a_term_page_skeleton_converts_as_mkdocs_converts_it(name):
    assert_same(term_markdown(Term(name, "t", (name,), definition="Defined."), 3, glossary_labels()))


@pytest.mark.parametrize("title", [
    "Abraham Lincoln", "Лукашенко и Путин", "AT&T *and* <b>[x]</b> #1 {#id} \\ `c`", "1. Not a list", "- dash",
    "Title  with   spaces", "p1", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "Intro", "Ünïcödé ﬁ",
])  # fmt: skip
def test_seed_titles_and_headings_take_the_quick_way(title):
    """Titles and headings as seeds have them, hostile to Markdown or not, are converted by `convert` (else the
    build would be slower, not wrong) and equal MkDocs' own conversion, ids that collide included."""
    sections = (Section(title, 2, "intro", ("x",)), Section(title, 3, "p1", ()), Section("Intro", 2, "intro-1", ("y",)))
    article = Article("s/a.txt", "s", title, "a", ("x",), sections, lang="ru")
    assert assert_same(skeleton(article))
    assert assert_same(term_markdown(Term(title, "t", (title,)), 1, glossary_labels()))


@pytest.mark.parametrize("markdown", [
    "# Title {dir=auto}\n\n\ue0000\ue001\n\n- a list\n",
    "# Title {dir=auto}\n\ue0000\ue001\n",
    "# Title {dir=auto .cls}\n",
    "# Title\twith a tab {dir=auto}\n",
    "# \xa0Title {dir=auto}\n",
    "Some text\n",
    "",
])  # fmt: skip
def test_other_markdown_is_left_to_mkdocs(markdown):
    assert skeletons.convert(markdown, skeletons.Settings.of(CONFIG)) is None
    if markdown:
        theirs, ours = mkdocs_page(markdown), mkdocs_page(markdown, cls=skeletons.SkeletonPage)
        assert ours.content == theirs.content and toc(ours.toc) == toc(theirs.toc)


def test_other_permalinks_are_followed_and_other_markdown_options_left_to_mkdocs():
    article = Article("s/a.txt", "s", "Война и мир", "a", ("x",), (Section("Том 1", 2, "tom-1", ("y",)),), lang="ru")
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.mdx_configs["toc"] = {"permalink": "#", "permalink_title": "Постоянная ссылка", "separator": "_"}
    assert assert_same(skeleton(article), config)
    for extensions, toc_options in [(["toc", "attr_list", "admonition"], {}), (["toc", "attr_list"], {"baselevel": 2}),
                                    (["toc"], {})]:
        config.markdown_extensions, config.mdx_configs["toc"] = extensions, toc_options
        assert skeletons.Settings.of(config) is None


@pytest.mark.parametrize("markdown", ["---\ntitle: Plain YAML\n---\n\n# T\n", "---\ntags: [\"a\", b]\n---\n\n# T\n",
                                      "---\ntitle: \"unclosed\n---\n\n# T\n", "# T\n"])
def test_other_front_matter_is_read_by_mkdocs(markdown):
    assert skeletons.front_matter(markdown) is None
    page = mkdocs_page(markdown, cls=skeletons.SkeletonPage)
    assert (page.markdown, page.meta) == get_data(markdown)
