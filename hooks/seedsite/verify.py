"""Verify: every word of every seed is on its page of the built site, in order.

    python -m seedsite.verify SITE [SEEDS]      (from the `hooks` folder, or with it on PYTHONPATH)

Reads each seed as the build does, finds its page in SITE (the built site, default `site`), takes the visible text
of the page's article body and checks that the seed's words appear there in the same order. Prints one line per
problem (`seeds/x.txt: …`) and a summary; exits 1 if any word or page is lost. Standard library only (plus the
pipeline's own modules), so an editor can run it anywhere the site builds.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import pipeline, sources
from .read import decode
from .text import INVISIBLE

WORD = re.compile(r"[^\W_]+")
"""A word: a run of letters and digits (`Alan_Turing` is two words, as its title shows them)."""
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
_SKIPPED = frozenset({"script", "style", "template"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})


@dataclass
class Report:
    """What `check` found."""

    seeds: int = 0
    """Seeds read (each should have a page)."""
    words: int = 0
    """Words checked, over all seeds."""
    problems: list[str] = field(default_factory=list)
    """One line per problem."""
    lost: int = 0
    """Seeds with a lost word or page."""


class _ArticleText(HTMLParser):
    """The visible text inside the page's `<article>` (Material's `md-content__inner`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside the article
        self.skipping = 0  # > 0 inside script or style
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            return
        if self.depth or (tag == "article" and "md-content__inner" in (dict(attrs).get("class") or "")):
            self.depth += 1
            if tag in _SKIPPED:
                self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _VOID:
            self.depth -= 1
            if tag in _SKIPPED and self.skipping:
                self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            self.parts.append(data)


def page_text(html: str) -> str:
    """The visible text of a built page's article body ('' if it has none)."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


def words(text: str) -> list[str]:
    """The words of `text`; zero-width characters join rather than split (the reader drops a stray BOM)."""
    return WORD.findall(text.translate(_DROP_INVISIBLE))


def first_loss(expected: list[str], found: list[str]) -> int | None:
    """The index of the first word of `expected` that is not in `found` in order, or None if none is lost."""
    position = 0
    for index, word in enumerate(expected):
        try:
            position = found.index(word, position) + 1
        except ValueError:
            return index
    return None


def page_file(site: Path, uri: str) -> Path:
    """The HTML file MkDocs writes for the Markdown page `uri`, with or without directory URLs."""
    stem = uri.removesuffix(".md")
    flat = site / f"{stem}.html"
    return flat if flat.is_file() else site / stem / "index.html"


def check(site: Path, seeds: Path, label: str = "seeds") -> Report:
    """Check every seed in `seeds` against its page in `site`."""
    loaded = sources.load(seeds, label)
    built = pipeline.build(loaded, label=label)
    report = Report(problems=[str(problem) for problem in built.problems if problem.fatal])
    articles = {article.source: article for article in built.articles}
    for seed in loaded.seeds:
        if seed.path not in articles:
            continue  # skipped by the build, and said so above
        report.seeds += 1
        expected = words(decode(seed.data).text)
        report.words += len(expected)
        html = page_file(site, built.uris[seed.path])
        if not html.is_file():
            report.problems.append(f"{label}/{seed.path}: no page at {html} (build the site first)")
            report.lost += 1
            continue
        found = words(page_text(html.read_text(encoding="utf-8")))
        lost = first_loss(expected, found)
        if lost is not None:
            before = " ".join(expected[max(0, lost - 5) : lost])
            report.problems.append(
                f"{label}/{seed.path}: word {lost + 1} of {len(expected)}, {expected[lost]!r} (after {before!r}),"
                f" is not on {html} in order"
            )
            report.lost += 1
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seedsite.verify", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("seeds", nargs="?", default="seeds", type=Path, help="the seeds folder (default: seeds)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no built site here; run `mkdocs build` first", file=sys.stderr)
        return 2
    report = check(args.site, args.seeds, args.seeds.name)
    for line in report.problems:
        print(line)
    print(
        f"verify: {report.seeds} seeds, {report.words} words checked, "
        f"{report.lost} with lost text, {len(report.problems) - report.lost} other problems"
    )
    return 1 if report.lost else 0


if __name__ == "__main__":
    sys.exit(main())
