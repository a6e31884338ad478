"""Audit: what a reader trusts of the built site's meaning layer, measured on `glossary.json` and the article pages.

    python -m seedsite.audit SITE [SEEDS]      (from the `hooks` folder, or with it on PYTHONPATH)

- **Junk terms**: contractions ("I'm"), lower-case single words nobody defined ("delighted"), demonyms left on
  their own ("Belarusians"), first names alone (a word that opens another person's name: "David"), fragments of
  longer names (a word in the middle of a person's name: "Hodgson").
- **Wrong person**: a link from a lone surname to a person whom the article (title or text) does not name, while
  it names someone else of that surname ("Hewitt" → Lleyton Hewitt in an article about Patricia Hewitt).
- **Definitions**: the share of terms with a definition or a descriptor from the text (or the curated file).
- **Tooltips that repeat their paragraph**: a link's tooltip whose text stands in the paragraph holding it.

Prints one line per problem and a summary of the figures; exits 1 on any junk term or wrong-person link, on more
than `MAX_REPEATS` of tooltips repeating their paragraph, or (on a glossary of `DEFINED_FROM` terms or more) on
fewer than `MIN_DEFINED` of terms defined. Standard library only, like `verify`.
"""

from __future__ import annotations

import argparse
import html
import json
import posixpath
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import pipeline, sources
from .candidates import FUNCTION_WORDS, HONORIFICS, is_title
from .render import page_url
from .verify import page_file

MAX_REPEATS = 0.02
MIN_DEFINED = 0.5
DEFINED_FROM = 100
_CONTRACTION = re.compile(r"\w['’](?:m|re|ve|ll|d|t|s)$|n['’]t$", re.IGNORECASE)
_DEMONYM = re.compile(r"(?:ians?|eans?|ese|ish)$")
_FULL_NAME = r"([A-ZА-ЯЁ][\w'’\-]+)[ \t]+{}\b"


@dataclass
class Audit:
    """What `check` found."""

    terms: int = 0
    defined: int = 0
    links: int = 0
    lone_links: int = 0
    """Links from a single word to a person's entry."""
    repeats: int = 0
    problems: list[str] = field(default_factory=list)
    junk: int = 0
    wrong: int = 0

    def failed(self) -> bool:
        too_few = self.terms >= DEFINED_FROM and self.defined < MIN_DEFINED * self.terms
        return bool(self.junk or self.wrong or self.repeats > MAX_REPEATS * max(self.links, 1) or too_few)

    def summary(self) -> str:
        share = self.defined / max(self.terms, 1)
        repeats = self.repeats / max(self.links, 1)
        return (f"{self.terms} terms: {self.junk} junk, {share:.0%} defined; {self.links} term links: "
                f"{self.wrong} of {self.lone_links} lone-surname links to another person, "
                f"{self.repeats} tooltips ({repeats:.1%}) repeat their paragraph")


class _Paragraphs(HTMLParser):
    """The article's paragraphs (`<p id=…>`): their text, and their links (href, title, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, list[tuple[str, str, str]]]] = []
        self.links: list[tuple[str, str, str]] = []
        self._text: list[str] | None = None
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "p" and attributes.get("id"):
            self._text, self.links = [], []
        elif tag == "a" and self._text is not None and "glossary-term" in (attributes.get("class") or ""):
            self._link = [attributes.get("href") or "", attributes.get("title") or "", []]

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)
        if self._link is not None:
            self._link[2].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], self._link[1], "".join(self._link[2])))
            self._link = None
        elif tag == "p" and self._text is not None:
            self.paragraphs.append(("".join(self._text), self.links))
            self._text = None


def junk_reason(term: dict, persons: list[str], names: list[str]) -> str:
    """Why a glossary entry is junk, or ''."""
    name = term["name"]
    if " " not in name:
        if _CONTRACTION.search(name):
            return "a contraction"
        if name.islower() and term.get("origin") not in ("stated", "curated"):
            return "an ordinary word"
        if name[:1].isupper() and _DEMONYM.search(name) and term.get("kind") != "person":
            return "a demonym on its own"
        if any(p.split()[0] == name for p in persons):
            return "a first name alone"
        if any(name in n.split()[1:-1] for n in persons if n != name):
            return "a fragment of a longer name"
    return ""


def check(site: Path, seeds: Path, label: str = "seeds") -> Audit:
    """Audit the site built from `seeds` into `site`."""
    report = Audit()
    data = json.loads((site / "glossary.json").read_text(encoding="utf-8"))
    terms = data["terms"]
    report.terms = len(terms)
    names = [t["name"] for t in terms]
    persons = [t["name"] for t in terms if t.get("kind") == "person" and " " in t["name"]]
    by_url = {_normal(t["url"]): t for t in terms}
    for term in terms:
        report.defined += bool(term.get("definition"))
        reason = junk_reason(term, persons, names)
        if reason:
            report.junk += 1
            report.problems.append(f"glossary: {term['name']!r} is {reason}")
    draft = pipeline.draft(sources.load(seeds, label), label=label)
    for article in draft.articles:
        uri = draft.uris[article.source]
        path = page_file(site, uri)
        if not path.is_file():
            continue
        parser = _Paragraphs()
        parser.feed(path.read_text(encoding="utf-8"))
        text = " ".join([article.title, *(p for p, _ in parser.paragraphs)])  # (a title names, as text does)
        here = posixpath.dirname("/" + page_url(uri)) + "/"
        for paragraph, links in parser.paragraphs:
            for href, title, shown in links:
                report.links += 1
                tip = " ".join(html.unescape(title).split()).rstrip("…")
                if len(tip) >= 12 and tip in " ".join(paragraph.split()):
                    report.repeats += 1
                target = posixpath.normpath(posixpath.join(here, href.partition("#")[0]))
                term = by_url.get(_normal(f"{target}#{href.partition('#')[2]}"))
                word = re.sub(r"['’]s$", "", shown)
                if term is None or term.get("kind") != "person" or " " in word or " " not in term["name"]:
                    continue
                report.lone_links += 1
                if _other_person(word, term, text):
                    report.wrong += 1
                    report.problems.append(f"{label}/{article.source}: {shown!r} links to {term['name']!r}, "
                                           "but the article names someone else of that name")
    return report


def _other_person(word: str, term: dict, text: str) -> bool:
    """True when the linked person is not the one the article names: the term's name does not end with the
    word, or the article names another "<First> <word>" and never the term's own name."""
    if term["name"].split()[-1] != word and word not in term.get("aliases", []):
        return True
    if any(v in text for v in [term["name"], *term.get("variants", [])]):
        return False
    firsts = {m for m in re.findall(_FULL_NAME.format(re.escape(word)), text)
              if m.lower() not in HONORIFICS and m.lower() not in FUNCTION_WORDS and not is_title(m)}
    return bool(firsts)


def _normal(url: str) -> str:
    """A URL within the site in one form: no leading or trailing slash, no "index.html", no empty fragment."""
    url = url.lstrip("/").replace("index.html", "").replace("/#", "#").rstrip("#")
    return url.rstrip("/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seedsite.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("seeds", nargs="?", default="seeds", type=Path)
    args = parser.parse_args(argv)
    report = check(args.site, args.seeds, args.seeds.name)
    for line in report.problems:
        print(line)
    print(f"audit: {report.summary()}")
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
