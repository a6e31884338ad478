"""Read: a seed file's bytes → an `Article`.

Decoding, line endings, the title, paragraphs and subheadings are decided here and nowhere else.

A seed is plain text. Its first non-empty line is the title. Paragraphs are one a line, or separated by blank
lines; a blank-line-separated block whose lines are hard-wrapped at a fixed width is joined into one paragraph.

Subheadings, in order of precedence (a seed uses one convention; explicit markup wins):

1. explicit markup: `== Heading ==` lines (levels 2–6, as in Wikipedia extracts), Markdown `#` lines, and a
   short line underlined with `===` (level 2) or `---` (level 3), to its length unless a blank line comes before;
2. a standalone short line without final punctuation (or ending in a colon, in five words at most:
   "History:"), with prose before it and after it (so the byline and "Updated 3:45 p.m." lines under a news
   title stay paragraphs);
3. a short lead-in sentence fused into the start of its paragraph ("A friendly economy. On the foreign …").
   Because an ordinary paragraph may open with a short sentence too, a lead-in must look like a heading
   (at most 8 words, no comma or quote, not opening with a pronoun or connective, a capital first letter,
   followed by at least two sentences) and may not open the article. A lead-in without a verb ("A friendly
   economy.") is a heading; one with a verb ("The Union State is in focus.") only in a seed with two or more
   lead-ins, at least half of them verbless (an essay whose paragraphs open "The first week was hard.", "The
   second week was easier." has no headings), and never in a language whose headings drop "is" (Russian).

The cues (openers, verbs, words no heading ends on) are the seed's language's (`language.Language`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.md import mess_ratio

from . import language as languages
from .language import Language
from .model import Article, Section
from .text import INVISIBLE, is_blank, sentence_spans, slugify, squash, unique

MAX_TITLE = 160
"""A first line longer than this is prose, not a title: it stays a paragraph and a short title is made from it."""
RESERVED_IDS = frozenset({"related", "terms", "__tabbed", "p"})
"""Ids the page uses for its own parts; section anchors avoid them (paragraph ids are `p1`, `p2`, …)."""


class SeedError(ValueError):
    """A seed that cannot become a page; the message says why, in a few words."""


@dataclass(frozen=True)
class _Unit:
    """A line-level unit of the body before sections are formed."""

    text: str
    heading_level: int = 0  # 0: a paragraph


_JOINED_WORDS = re.compile(r"(?<=[^\W_])_(?=[^\W_])")
_PARAGRAPH_ID = re.compile(r"p\d+")
_EQ_HEADING = re.compile(r"^\s*(={2,6})\s*(.*?)\s*\1\s*$")
_UNDERLINE = re.compile(r"\s*(?:={3,}|-{3,})\s*")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_NOT_CONTROL = bytes(range(32, 256)) + b"\t\n\r\x0c"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FINAL_PUNCT = tuple(".,;:!?…。！？、，；：")
_CLOSERS = "\"'”’»)]»"
LEGACY_ENCODINGS = ("cp1252", "cp1251", "koi8_r", "koi8_u", "cp1250", "iso8859_5", "mac_cyrillic", "cp866")
"""The single-byte encodings a seed that is not UTF-8 is tried in, most likely first: Western and Cyrillic
Windows code pages, KOI8, then older Cyrillic ones. Charset-normalizer's own best guess is tried after them."""
SAMPLE = 20_000
"""How many characters of each decoding are judged."""
DOUBT = 0.1
"""Charset-normalizer's mess ratio (0: text as people write it) within which two decodings of a seed into
different scripts are both plausible: the encoding is a guess, and the build warns."""


@dataclass(frozen=True)
class Decoded:
    """A seed's text and how it was decoded."""

    text: str
    encoding: str
    """Python's name of the encoding (`utf-8`, `utf-8-sig`, `utf-16-le`, `cp1252`, `koi8-r`, …)."""
    certain: bool = True
    """False for a single-byte encoding whose text is messy even so, or when another encoding reads about as
    plausibly in another script (a short text, few letters)."""


def decode(data: bytes) -> Decoded:
    """Bytes → text: by byte-order mark UTF-8, UTF-32 or UTF-16; UTF-16 by its zero bytes; UTF-8 (ASCII is
    UTF-8); else the single-byte encoding whose text charset-normalizer finds least messy (`LEGACY_ENCODINGS`
    first on a tie). Raises `SeedError` for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return Decoded(data.decode("utf-32"), "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16"), "utf-16")
    wide = _utf16(data[:4096])
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            raise SeedError(f"not text: looks like {wide.upper()} without a byte-order mark, but is not") from None
        if not _looks_binary(text.encode("utf-8")):
            return Decoded(text, wide)
    if _looks_binary(data):
        raise SeedError("binary data, not text (is it an image or a document?)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _single_byte(data)


def _utf16(sample: bytes) -> str:
    """`utf-16-le` or `utf-16-be` if the sample looks like UTF-16 without a byte-order mark, else `""`: text in
    the Latin or Cyrillic script has a zero byte in many of its characters (spaces, digits, Latin letters), always
    on the same side."""
    if len(sample) < 4 or b"\x00" not in sample:
        return ""
    half = len(sample) // 2
    even, odd = sample[0 : 2 * half : 2].count(0), sample[1 : 2 * half : 2].count(0)
    if odd >= 0.1 * half and even <= 0.01 * half:
        return "utf-16-le"
    if even >= 0.1 * half and odd <= 0.01 * half:
        return "utf-16-be"
    return ""


def _single_byte(data: bytes) -> Decoded:
    """The least messy decoding by charset-normalizer's measure; the first of `LEGACY_ENCODINGS` on a tie."""
    guess = charset_normalizer.from_bytes(data).best()
    names = dict.fromkeys([*LEGACY_ENCODINGS, *([guess.encoding] if guess else []), "latin_1"])
    tried: list[tuple[float, str, str]] = []  # (mess, encoding, text)
    for name in names:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        tried.append((mess_ratio(text[:SAMPLE], maximum_threshold=1.0), codecs.lookup(name).name, text))
    best = min(tried, key=lambda t: t[0])  # the first of the least messy
    script = _script(best[2])
    rivals = [t for t in tried if t[0] - best[0] < DOUBT and t[2] != best[2] and _script(t[2]) != script]
    return Decoded(best[2], best[1], certain=best[0] < DOUBT and not rivals)


def _script(text: str) -> str:
    """The script most of the text's letters are in: the first word of their Unicode names (LATIN, CYRILLIC…)."""
    counts: dict[str, int] = {}
    for ch in text[:SAMPLE]:
        if ch.isalpha():
            name = unicodedata.name(ch, "?").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__, default="")


def read_article(data: bytes, source: str, site_language: str = "en") -> Article:
    """Parse one seed. `source` is its path relative to the seeds folder; `site_language` the site's language
    code, the article's unless its text is plainly in another script (`language.detect`). Raises `SeedError`."""
    decoded = decode(data)
    text = decoded.text
    lang = languages.get(languages.detect(text, site_language))
    lines = _normalise(text).split("\n")
    start = next((i for i, line in enumerate(lines) if not is_blank(line)), None)
    if start is None:
        raise SeedError("empty file: no title and no text")
    title, body = _title(lines[start]), lines[start + 1 :]
    if len(title) > MAX_TITLE:
        body = [lines[start], ""] + body
        title = _short_title(title)
    units = _headings(_units(body), lang)
    intro, sections = _sections(units)
    folder, _, _ = source.rpartition("/")
    return Article(
        source=source,
        section=folder,
        title=title,
        slug=slugify(title),
        intro=intro,
        sections=sections,
        encoding=decoded.encoding,
        encoding_certain=decoded.certain,
        lang=lang.code,
    )


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return bool(sample) and controls / len(sample) > 0.05


def _normalise(text: str) -> str:
    """One line ending (LF), no control characters but tab, no byte-order marks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = text.replace("\ufeff", "")
    return _CONTROL.sub(" ", text)


def _title(line: str) -> str:
    line = line.strip().strip(INVISIBLE).strip()
    for pattern in (_EQ_HEADING, _MD_HEADING):
        match = pattern.match(line)
        if match and match.group(2).strip():
            line = match.group(2)
    if " " not in line:  # Wikipedia-style file titles: "Alan_Turing" (but "__init__" stays)
        line = _JOINED_WORDS.sub(" ", line)
    return squash(line)


def _short_title(line: str) -> str:
    cut = line[:MAX_TITLE].rsplit(" ", 1)[0] if " " in line[:MAX_TITLE] else line[:MAX_TITLE]
    return cut.rstrip(" ,;:") + "…"


def _units(lines: list[str]) -> list[_Unit]:
    """Lines → paragraphs and explicit headings, joining hard-wrapped blocks."""
    units: list[_Unit] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            if _hard_wrapped(block):
                units.append(_Unit(squash(" ".join(block))))
            else:
                units.extend(_Unit(squash(line)) for line in block)
            block.clear()

    for line in lines:
        if is_blank(line):
            flush()
            continue
        heading = _explicit_heading(line)
        if heading:
            flush()
            units.append(heading)
        elif block and _UNDERLINE.fullmatch(line) and _underlined(block, line):
            text = block.pop()
            flush()
            units.append(_Unit(squash(text), 2 if "=" in line else 3))
        else:
            block.append(line)
    flush()
    return units


def _underlined(block: list[str], line: str) -> bool:
    """Whether `line` (`===` or `---`) underlines the block's last line as a heading: a short line of words,
    alone in its block or underlined to its length (a rule between two lines of text is no underline)."""
    text = block[-1].strip()
    if len(text.split()) > 12 or not any(ch.isalnum() for ch in text):
        return False
    return len(block) == 1 or abs(len(line.strip()) - len(text)) <= 2


def _explicit_heading(line: str) -> _Unit | None:
    match = _EQ_HEADING.match(line)
    if match and match.group(2).strip("= "):  # "=====" or "== ==" is a rule drawn in text, not a heading
        return _Unit(squash(match.group(2)), len(match.group(1)))
    match = _MD_HEADING.match(line)
    if match and match.group(2).strip():
        return _Unit(squash(match.group(2)), max(2, len(match.group(1))))
    return None


def _hard_wrapped(block: list[str]) -> bool:
    """True if the block's lines are one paragraph wrapped at a fixed width (25 to 120 columns): each line but
    the last is nearly full (the next word would not have fitted, or the line fills 80% of the width, as an
    optimal filler like `fmt` leaves it), and the breaks fall mostly inside sentences."""
    if len(block) < 2:
        return False
    lines = [line.strip() for line in block]
    width = max(len(line) for line in lines)
    if not 25 <= width <= 120:
        return False
    for line, following in zip(lines, lines[1:]):
        if len(line) + 1 + len(following.split()[0]) <= width and len(line) < 0.8 * width:
            return False
    sentence_ends = sum(line.rstrip(_CLOSERS).endswith(_FINAL_PUNCT) for line in lines[:-1])
    return sentence_ends <= (len(lines) - 1) / 2


def _headings(units: list[_Unit], lang: Language) -> list[_Unit]:
    """Find implicit subheadings unless the seed has explicit ones, with the cues of the seed's language."""
    if any(unit.heading_level for unit in units):
        return units
    out: list[_Unit] = []
    prose = False
    for i, unit in enumerate(units):
        following = units[i + 1].text if i + 1 < len(units) else ""
        if prose and _is_standalone_heading(unit.text, following, lang):
            out.append(_Unit(unit.text.removesuffix(":").rstrip(), 2))
        else:
            out.append(unit)
            prose = prose or _is_prose(unit.text)
    leads = [i for i, unit in enumerate(out) if i > 0 and not unit.heading_level and _lead_in(unit.text, lang)]
    verbless = [i for i in leads if not _has_verb(out[i].text[: _lead_in(out[i].text, lang)], lang)]
    if not lang.verb_lead_ins or len(leads) < 2 or len(verbless) * 2 < len(leads):
        leads = verbless
    for i in reversed(leads):
        split = _lead_in(out[i].text, lang)
        heading = out[i].text[:split].rstrip()
        heading = heading[:-1] if heading.endswith(".") else heading
        out[i : i + 1] = [_Unit(heading, 2), _Unit(out[i].text[split:].strip())]
    return out


def _is_standalone_heading(text: str, following: str, lang: Language) -> bool:
    """A short line that does not end like a sentence, nor on a word that needs one after it (a line of wrapped
    text: "… had doubled over"), and is followed by prose."""
    if not text or not following or len(text) > 80 or len(text.split()) > 12:
        return False
    if text.split()[-1].lower() in lang.dangling or not _starts_like_heading(text):
        return False
    if text.rstrip(_CLOSERS).endswith(_FINAL_PUNCT) and not (text.endswith(":") and len(text.split()) <= 5):
        return False
    return _is_prose(following)


def _is_prose(text: str) -> bool:
    """A paragraph that ends like a sentence or is long: not a heading, byline or dateline."""
    return text.rstrip(_CLOSERS).endswith(_FINAL_PUNCT) or len(text.split()) > 12


def _starts_like_heading(text: str) -> bool:
    head = text[0]
    return head.isupper() or head.isdigit() or (head.isalpha() and not head.islower())


def _lead_in(text: str, lang: Language) -> int:
    """The end offset of a heading-like first sentence fused into `text`, or 0."""
    spans = list(sentence_spans(text))
    if len(spans) < 3:
        return 0
    start, end = spans[0]
    sentence = text[start:end]
    tokens = sentence.split()
    if not sentence.endswith(".") or len(tokens) > 8 or len(sentence) > 70:
        return 0
    if any(ch in sentence for ch in ",;:\"'“”‘’«»()[]") or not _starts_like_heading(sentence):
        return 0
    if tokens[0].lower() in lang.openers:
        return 0
    return spans[1][0]


def _has_verb(sentence: str, lang: Language) -> bool:
    return any(lang.is_verb(token.strip(".").lower()) for token in sentence.split())


def _sections(units: list[_Unit]) -> tuple[tuple[str, ...], tuple[Section, ...]]:
    intro: list[str] = []
    sections: list[Section] = []
    taken = set(RESERVED_IDS)
    heading: _Unit | None = None
    paragraphs: list[str] = []

    def close() -> None:
        if heading is not None:
            slug = slugify(heading.text)
            anchor = unique(f"section-{slug}" if _PARAGRAPH_ID.fullmatch(slug) else slug, taken)
            sections.append(Section(heading.text, min(heading.heading_level, 6), anchor, tuple(paragraphs)))

    for unit in units:
        if unit.heading_level:
            close()
            heading, paragraphs = unit, []
        elif heading is None:
            intro.append(unit.text)
        else:
            paragraphs.append(unit.text)
    close()
    return tuple(intro), tuple(sections)
