"""The data model every stage of the pipeline shares: plain, immutable dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import quote_around


@dataclass(frozen=True)
class Section:
    """A headed part of an article."""

    heading: str
    """The heading's text, as the seed gives it (a fused lead-in without its final period)."""
    level: int
    """Heading level, 2 to 6 (`==` and a lead-in are 2, `===` is 3, …)."""
    anchor: str
    """The heading's id: unique within its page, derived from the heading text alone."""
    paragraphs: tuple[str, ...]
    """The section's paragraphs, in order; may be empty (a heading with nothing under it)."""


@dataclass(frozen=True)
class Article:
    """One seed file, read and structured."""

    source: str
    """The seed's path relative to the seeds folder, POSIX style (`world/budget.txt`)."""
    section: str
    """The site section: the seed's folder relative to the seeds folder (`""` for the top level)."""
    title: str
    """The title: the first non-empty line."""
    slug: str
    """URL-safe name derived from the title; made unique across the site by `pipeline`."""
    intro: tuple[str, ...]
    """Paragraphs before the first heading."""
    sections: tuple[Section, ...]
    """The headed sections, in order."""
    encoding: str = "utf-8"
    """How the seed's bytes were decoded."""
    encoding_certain: bool = True
    """False when the encoding is a guess (`read.decode`): another would have made about as plausible text."""
    lang: str = "en"
    """The language its text is written in (a `language.LANGUAGES` code, or the site's): the page's `lang`."""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Every paragraph of the article in reading order (intro first)."""
        out = list(self.intro)
        for section in self.sections:
            out.extend(section.paragraphs)
        return tuple(out)


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, said in one line."""

    path: str
    """The file, as an editor would name it (`seeds/world/budget.txt`)."""
    message: str
    """What is wrong, or what was done about it."""
    fatal: bool = True
    """True when the file could not become a page; False for a note (e.g. a fallback encoding)."""
    warning: bool = False
    """For a note (`fatal` False): True when an editor should look (an encoding that is a guess). The hook logs
    it as a warning, so `mkdocs build --strict` fails on it; other notes are logged as info."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Mention:
    """One place a term occurs: an article, the section anchor there, the paragraph and where in it."""

    article: str
    """The `Article.source` of the article."""
    anchor: str
    """The id of the section (or paragraph, for the intro) holding the mention."""
    text: str
    """The paragraph that mentions the term."""
    at: int = 0
    """Offset of the mention in `text`."""
    to: int = 0
    """End offset of the mention in `text` (equal to `at` for a mention of a whole sentence)."""

    @property
    def sentence(self) -> str:
        """The sentence that mentions the term, cut around the mention if it is very long (`quote_around`;
        found when asked: most mentions are only counted)."""
        return quote_around(self.text, self.at, self.to)[0]

    @property
    def start(self) -> int:
        """Offset of the mention within `sentence`."""
        return self.at - quote_around(self.text, self.at, self.to)[1]

    @property
    def end(self) -> int:
        """End offset of the mention within `sentence`."""
        return self.to - quote_around(self.text, self.at, self.to)[1]


@dataclass(frozen=True)
class ShortForm:
    """A lone word whose meaning depends on the article it stands in: a surname ("Blair", "Путина"), or a
    single-word name that may also end a longer one ("Milan", "Inter Milan")."""

    form: str
    owners: tuple[int, ...]
    """The terms it may shorten (indices into the terms): the one introduced last in the article wins."""
    default: int | None
    """The term it means with no antecedent in the article, if any."""


KINDS = ("person", "place", "organisation", "event", "concept", "acronym", "name")
"""What a term names, decided on evidence in the text (`Term.kind`); `name`: a name the text says no more of."""

ORIGINS = ("curated", "stated", "descriptor", "expansion", "")
"""Where a definition comes from (`Term.origin`): the curated file; a defining sentence of the text ("X is a …",
"X means …"); a descriptor next to the name (a title before it, an appositive after it); an acronym's expansion;
or `""`, no definition."""


@dataclass(frozen=True)
class Term:
    """A glossary entry."""

    name: str
    """The canonical name, as shown on the glossary page."""
    anchor: str
    """The entry's id and slug (`/glossary/<anchor>/`): derived from the name alone, unique on the site."""
    variants: tuple[str, ...]
    """Every surface form that always means this term (name, plurals, possessives, aliases, demonyms…)."""
    aliases: tuple[str, ...] = ()
    """Other names shown on the entry (curated aliases, an acronym, "Mr Blair", a surname)."""
    definition: str = ""
    """What the text (or the curated file) says the term is; `""` when nothing defines it."""
    origin: str = ""
    """Where the definition came from: one of `ORIGINS` (`""`: none)."""
    source: Mention | None = None
    """Where a stated, descriptor or expansion definition was found (its sentence is the origin)."""
    kind: str = "concept"
    """One of `KINDS`."""
    case_sensitive: bool = False
    """True when a mention must match one of `variants` letter for letter (acronyms, names)."""
    link: bool = True
    """False for a term too common to link automatically (listed, not linked); the curated `link: true` overrides."""
    mentions: tuple[Mention, ...] = field(default=(), compare=False)
    """Every mention in the corpus, in article order."""

    @property
    def context(self) -> Mention | None:
        """The first mention: where the term is first used (context, not a definition)."""
        return self.mentions[0] if self.mentions else None
