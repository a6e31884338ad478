"""Extract: the articles' own text → candidate glossary terms, in one linear pass over the corpus.

Four kinds of candidate, each kept only on evidence. "Enough mentions" scales with the corpus: one in a corpus
of up to 9 articles, two up to 99, three up to 999, and so on (`min_mentions`), so a small site lists every
name it holds while a large one keeps to the terms that recur; in a corpus of ten or more articles a name must
also be mentioned in two articles, or three times as often as the minimum.

- **Names**: runs of capitalised words ("Union State", "Great Patriotic War", "Alexander Lukashenko"), which may
  hold lower-case connectors ("Head of State", "Leonardo da Vinci"). A sentence opens at a paragraph's start,
  after a sentence end and after a dash and a space ("FRANKFURT (Reuters) — The bank raised rates"). A run that
  opens a sentence loses its first word when that word is a function word or is seen in lower case elsewhere
  ("The", "However", "Indeed", "Over", "Our", "It"), unless the whole run is also seen inside a sentence and
  that word is no function word ("North Korea", "New York"); a one-word run that opens a sentence is no
  evidence at all. A single word is a name only when it is (almost) never written in lower case in the corpus,
  is not a function word, month, weekday (nor their abbreviations and plurals: "Oct", "Mondays") or direction
  ("Belarus", "Moscow", not "President" when "presidents" occurs), and is no abbreviation: a word followed by a
  period (almost) wherever it occurs, at least once by a period that ends no sentence ("Oct. 5", "Springfield,
  Ill., police").
- **Quoted terms**: one to four words in double quotes ("friendly economy", "clock reconciliation"): quoting is
  the author's sign of a term, so a quoted phrase needs only one mention in a small corpus; a quoted single word
  needs one more than a name. An opening quote is followed by a non-space and a closing one preceded by one, so
  the text between two quotations ('"…," Smith said. "…"') is never read as a quoted term.
- **Recurring phrases**: two lower-case content words (no function word, common verb, -ly adverb or generic
  adjective) that recur (one more mention than a name, and at least two) and belong together: the pair is at least 32
  times likelier than chance (pointwise mutual information ≥ 5 bits), as "foreign policy" is and "small child"
  is not.
- **Acronyms**: two to six capitals ("NATO", "EAEU", "CDC"; not a well-formed Roman numeral: "II", "XIV"),
  kept with the mentions a name needs (at least two), or from one when the text expands it ("Union State
  (US)"): it then becomes an alias of its expansion.

Variants that mean one term are joined: possessives and case always; plurals for phrases and multi-word names
("Presidents of Belarus" → "President of Belarus"); a surname into the one full name ending with it
("Lukashenko" → "Alexander Lukashenko") when most of the surname's mentions are in articles that also hold the
full name, and the full name does not open with a month, weekday or direction: "Korea" stays apart from "North
Korea", and "Wales" from "Natural Resources Wales" where it mostly stands alone. Adjectival and demonym forms
("Belarusian", "Belarusians") stay apart from the name ("Belarus"); the curated file may join them. Only
maximal runs are counted, so a fragment of a longer name ("Patriotic War") is a candidate only where it also
stands alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Article

FUNCTION_WORDS = frozenset(
    """a an the this that these those it its they them their theirs he him his she her hers we us our ours
    i me my mine you your yours himself herself itself themselves myself yourself ourselves
    who whom whose which what when where why how there here then than thus so
    and or nor but yet if as at by for from in into of off on onto out over under up down to with within
    without about above across after against along among around before behind below beneath beside besides
    between beyond during except inside near outside past since through throughout toward towards until upon
    via per despite unlike like although though while whereas because unless whether once also too very only
    just even still already again always never often sometimes soon later now today tomorrow yesterday however
    indeed moreover meanwhile furthermore nevertheless nonetheless therefore hence instead otherwise finally
    first second third last next all any both each every few many more most much no none not other others
    several some such own same another either neither one two three four five six seven eight nine ten
    is are was were be been being am has have had having do does did done will would shall should can could
    may might must ought let yes oh mr mrs ms dr st jr sr co according regarding following including
    chapter section part page figure table note notes see""".split()
)
"""Words that are never a term by themselves, open no name and end none."""

NOT_A_NAME = FUNCTION_WORDS | frozenset(
    """january february march april june july august september october november december
    feb apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
    saturdays sundays
    north south east west northern southern eastern western northeast northwest southeast southwest""".split()
)
"""Words capitalised by convention, not as names: never a term alone ("Middle East" is one, "East" is not).
"Jan", "Mar" and "Sun" are left out, being names too ("Jan Smuts", "Sun Yat-sen"); "Jan." is an abbreviation
by the period that follows it."""

PHRASE_STOP_WORDS = NOT_A_NAME | frozenset(
    """eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    million millions year years month months week weeks day days time times""".split()
)
"""Words no recurring phrase holds ("thirty years")."""

COMMON_VERBS = frozenset(
    """say says said tell told ask asked make makes made take takes took taken give gives gave given get gets
    got go goes went gone come comes came become becomes became begin began begun keep kept find found
    know knew known think thought see saw seen show showed shown call called use used work worked want
    wanted need needed seem seemed help helped try tried leave left put run ran hold held bring brought
    write wrote written lead led live lived believe believed include includes included continue continued
    set sets move moved play played receive received return returned remain remained appear appeared
    serve served die died born married meet met reach reached provide provided allow allowed add added
    build built stay stayed fall fell spend spent grow grew open opened win won lose lost consider
    considered change changed develop developed carry carried agree agreed create created start started
    based named noted stated""".split()
)
"""Verb forms that make a lower-case word pair a clause rather than a phrase ("took place")."""

GENERIC_ADJECTIVES = frozenset(
    """new old great greater greatest good better best bad worse worst big bigger small smaller large larger
    long longer short high higher low lower early earlier late young younger important major minor main
    central common successful little full whole certain various different similar same real true
    possible particular general special significant strong final total following previous recent""".split()
)
"""Adjectives too general to open a recurring phrase ("new method", "central role")."""

CONNECTORS = ("of", "the", "de", "da", "di", "del", "della", "du", "des", "la", "le", "von", "van", "der", "den")
"""Lower-case words that may join capitalised words inside a name."""

MAX_TERMS = 1000
"""At most this many terms, the best attested first (mentions × articles): a glossary is for the terms that
matter, and its page must stay readable (and quick to build) on a site of thousands of articles."""

MIN_PMI = 5.0
"""Least pointwise mutual information (bits) of a recurring phrase's words."""


def _class(test) -> str:
    """A regex character class body of every Basic Multilingual Plane character passing `test`."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if test(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


_UP = _class(str.isupper)
_CAP_WORD = rf"[{_UP}][\w'’]*(?:-[\w'’]+)*"
_GAP = r"[ \t\u00a0]+"
_JOIN = rf"{_GAP}(?:(?:{'|'.join(CONNECTORS)}|[{_UP}]\.){_GAP})*"  # "Head of State", "John F. Kennedy"
_OPENER = r"""(?:[.!?…:;—–]["”’)\]]*[ \t]+|\n)["“‘«„(\[]*"""  # before a sentence's first word ("— The")
_NAME_RUN = re.compile(rf"(?=[{_UP}])(?<![\w\-.])(?:[{_UP}]\.{_GAP})*{_CAP_WORD}(?:{_JOIN}{_CAP_WORD})*")
_OPENS_SENTENCE = re.compile(rf"{_OPENER}$")
"""Matches the text just before a run that opens a sentence (searched in a window ending at the run)."""
_INITIAL = re.compile(rf"[{_UP}]\.")
_CONTRACTION = re.compile(r"['’](?:ve|m|d|ll|re|t)$|n['’]t$", re.IGNORECASE)
_EDGE = "\"'“”‘’«»()[]{}.,;:!?…—–-*/"
_QUOTED = re.compile(r"[\"“«„](?=\S)([^\"“”«»„\n]{2,60}?)(?<=\S)[\"”»“]")
"""A quotation: an opening quote before a non-space, a closing one after a non-space."""
_EXPANSION = re.compile(r"\(([A-Z][A-Z0-9&]{1,5})\)")
_ACRONYM = re.compile(r"(?<![\w\-])[A-Z][A-Z0-9&]{1,5}(?![\w\-]|\.\w\.)")  # not "LL" of "LL.D."
_SHOUTING = re.compile(r"[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){2,}")  # "UNIVERSITY OF OXFORD": capitals, not acronyms
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
"""A well-formed Roman numeral ("II", "XIV", "MCM"; not "CDC", "DVD"), matched whole."""
_LOW = _class(lambda ch: ch.isalpha() and ch.islower())
_LOWER_PAIR = re.compile(rf"(?<!\S)([{_LOW}]{{3,}})\s+(?=([{_LOW}]{{3,}})[{re.escape(_EDGE)}]*(?!\S))")
"""Two adjacent lower-case words: the first a whole token, the second with punctuation after it at most."""
_ABBREVIATION_DOT = re.compile(rf"\.[ \t]*[{_LOW}0-9,;:)]")
"""A period that ends no sentence, after the word it abbreviates ("Oct. 5", "Springfield, Ill., police")."""



@dataclass(frozen=True)
class Candidate:
    """A term found in the text, with the evidence for it."""

    name: str
    kind: str
    """`name`, `phrase` or `acronym`."""
    variants: tuple[str, ...]
    """Surface forms that mention it (the name first)."""
    count: int
    """Occurrences that count as evidence."""
    spread: int = 1
    """Articles it occurs in."""
    quoted: bool = False
    expansion_of: str = ""
    """For an acronym: the name it abbreviates, when the text gives it."""


@dataclass
class _Evidence:
    """Corpus-wide counts, each a Counter of surface form → occurrences."""

    names: Counter
    single_opening: Counter
    phrases: Counter
    quoted: Counter
    acronyms: Counter
    lower: Counter
    capital: Counter
    spread: Counter
    dotted: Counter
    """Runs of capitalised words directly followed by a period."""
    abbreviated: Counter
    """Runs of capitalised words followed by a period that ends no sentence."""
    together: Counter
    """Multi-word names → mentions of their last word alone in the articles that hold the name ("Lukashenko" in
    the articles naming "Alexander Lukashenko")."""
    words: int
    expansions: dict[str, str]


def min_mentions(article_count: int) -> int:
    """Mentions a name needs: 1 for up to 9 articles, 2 up to 99, 3 up to 999, …"""
    return 1 + int(math.log10(max(article_count, 1)))


def extract(articles: Sequence[Article]) -> list[Candidate]:
    """Every candidate term in the corpus, each once, sorted by name."""
    evidence = _Evidence(*(Counter() for _ in range(11)), words=0, expansions={})
    tokens: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    runs: Counter[tuple[bool, str]] = Counter()  # (opens a sentence, run of capitalised words) → occurrences
    per_article: list[Counter[tuple[bool, str]]] = []
    for article in articles:
        text = "\n" + "\n".join(article.paragraphs)  # a paragraph's first word opens a sentence
        tokens.update(text.split())
        pairs.update(_LOWER_PAIR.findall(text))  # no phrase spans two articles
        found = _name_runs(text, evidence)
        runs.update(found)
        per_article.append(Counter(found))
        _count_marked(text, evidence)
    _count_words(tokens, pairs, evidence)
    _count_names(runs, per_article, evidence)
    return _select(evidence, len(articles))


def _name_runs(text: str, ev: _Evidence) -> list[tuple[bool, str]]:
    """(opens a sentence, run) for each run of capitalised words in `text`; counts the runs followed by a period."""
    opens = _OPENS_SENTENCE.search
    found = []
    for m in _NAME_RUN.finditer(text):
        start, end = m.span()
        found.append((opens(text, max(0, start - 40), start) is not None, m.group()))
        if text.startswith(".", end):  # about one run in ten
            ev.dotted[m.group()] += 1
            if _ABBREVIATION_DOT.match(text, end):
                ev.abbreviated[m.group()] += 1
    return found


def _count_words(tokens: Counter[str], pairs: Counter[tuple[str, str]], ev: _Evidence) -> None:
    """Lower-case word counts (tokens cleaned of punctuation at their edges), and the pairs of adjacent
    lower-case words of three letters or more that recur (the second may end in punctuation)."""
    for token, count in tokens.items():
        word = token.strip(_EDGE)
        if word.isalpha() and word.islower():
            ev.lower[word] += count
            ev.words += count
    for (left, right), count in pairs.items():
        if count >= 2:
            ev.phrases[f"{left} {right}"] += count


def _count_names(runs: Counter, per_article: Sequence[Counter], ev: _Evidence) -> None:
    """Names from the runs of capitalised words, once the whole corpus's lower-case words are known."""
    for (opening, run), count in runs.items():
        for word in run.split()[1 if opening else 0 :]:
            if word not in CONNECTORS:
                ev.capital[_plain(word)] += count
    trimmed: dict[tuple[bool, str], tuple[str, bool] | None] = {}
    for (opening, run), count in runs.items():
        inside = opening and " " in run and (False, run) in runs  # the whole run is also seen inside a sentence
        name = trimmed[(opening, run)] = _trim_run(run, opening, ev.lower, inside)
        if name:
            (ev.names if name[1] else ev.single_opening)[name[0]] += count
    for keys in per_article:
        names: Counter[str] = Counter()
        for key, count in keys.items():
            if name := trimmed[key]:
                names[name[0]] += count
        ev.spread.update(names.keys())
        for name in names:
            if " " in name and (last := name[name.rfind(" ") + 1 :]) in names:
                ev.together[name] += names[last]


def _count_marked(text: str, ev: _Evidence) -> None:
    """Quoted terms, acronyms and acronym expansions."""
    seen: set[str] = set()
    for match in _QUOTED.finditer(text):
        term = _quoted_term(match.group(1))
        if term:
            ev.quoted[term] += 1
            seen.add(term)
    acronyms = Counter(_ACRONYM.findall(text))
    for run in _SHOUTING.finditer(text):  # capitals in a row are shouting, not acronyms
        acronyms.subtract(_ACRONYM.findall(text, *run.span()))
    for acronym, count in acronyms.items():
        if count > 0 and not _ROMAN.fullmatch(acronym):
            ev.acronyms[acronym] += count
            seen.add(acronym)
    for match in _EXPANSION.finditer(text):
        expansion = _expansion(text[max(0, match.start() - 200) : match.start()], match.group(1))
        if expansion:
            ev.expansions.setdefault(match.group(1), expansion)
    ev.spread.update(seen)


def _trim_run(run: str, opening: bool, lower: Counter, inside: bool = False) -> tuple[str, bool] | None:
    """(name, evidence) for a run of capitalised words: possessive dropped, a sentence opener trimmed unless the
    run is also seen `inside` a sentence and its first word is no function word ("New York", "North Korea").
    `evidence` is False for a lone word that opens a sentence (it may still be a name seen elsewhere)."""
    words = run.split()
    if _CONTRACTION.search(words[0]):  # "I've", "It'd", "Don't"
        return None
    first = words[0].lower()
    if opening and (first in FUNCTION_WORDS or not inside and (first in NOT_A_NAME or _seen_lower(words[0], lower))):
        words = words[1:]
        while words and words[0] in CONNECTORS:
            words = words[1:]
        opening = False
    while words and (words[-1].lower() in FUNCTION_WORDS or _INITIAL.fullmatch(words[-1])):
        if _INITIAL.fullmatch(words[-1]) and words[-1][0] in "IVX" and len(words) > 1:
            words = words[:-1] + [words[-1][0]]  # "World War I." at the end of a sentence
            break
        words = words[:-1]  # "Chanel No" (from "Chanel No. 5"), a trailing initial
    if not words or _ACRONYM.fullmatch(words[0]) and len(words) == 1:
        return None
    name = _plain(" ".join(words))
    return name, not (opening and len(words) == 1)


def _plain(word: str) -> str:
    """The word without a possessive ending: "Lukashenko's" → "Lukashenko", "Jones'" → "Jones"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("s'", "s’")) else word


def _seen_lower(word: str, lower: Counter) -> bool:
    plain = _plain(word).lower()
    return bool(lower[plain] or lower[plain + "s"] or (plain.endswith("s") and lower[plain[:-1]]))


def _quoted_term(inner: str) -> str:
    words = inner.strip().rstrip(".,;:!?…").split()
    while words and words[0].lower() in ("a", "an", "the"):
        words.pop(0)
    if not 1 <= len(words) <= 4 or not all(any(ch.isalpha() for ch in w) for w in words):
        return ""
    if words[0].lower() in FUNCTION_WORDS or words[-1].lower() in FUNCTION_WORDS:
        return ""
    return " ".join(words)


def _expansion(before: str, acronym: str) -> str:
    """The capitalised words just before "(ACR)" that ACR abbreviates, or ''. Each letter of ACR is found in
    order, right to left, in those words; the first letter must begin the first word (Schwartz & Hearst):
    "Eurasian Economic Union (EAEU)", "North Atlantic Treaty Organization (NATO)"."""
    words = before.split()[-(len(acronym) + 3) :]
    if words:
        words[-1] = _plain(words[-1].rstrip(",;:"))
    text = " ".join(words)
    letters = acronym.lower()
    i, j = len(letters) - 1, len(text) - 1
    while i >= 0:
        while j >= 0 and (text[j].lower() != letters[i] or (i == 0 and j > 0 and text[j - 1] != " ")):
            j -= 1
        if j < 0:
            return ""
        i, j = i - 1, j - 1
    picked = text[j + 1 :].split()
    if not picked or any(not w[:1].isupper() and w not in CONNECTORS for w in picked):
        return ""
    if len(picked) > len(acronym) or picked[-1] in CONNECTORS:
        return ""
    return " ".join(picked)


def _select(ev: _Evidence, article_count: int) -> list[Candidate]:
    need = min_mentions(article_count)
    found: dict[str, Candidate] = {}

    def add(name: str, kind: str, count: int, **extra) -> None:
        key = name.lower()
        if key not in found or found[key].count < count:
            found[key] = Candidate(name, kind, (name,), count, ev.spread[name], **extra)

    for name, count in ev.names.items():
        count += ev.single_opening[name]
        salient = need == 1 or ev.spread[name] >= 2 or count >= 3 * need
        if count >= need and salient and (" " in name or _single_name(name, ev)):
            add(name, "name", count)
    pooled: dict[str, Counter] = {}  # "friendly economy" and "Friendly economy" are one quoted term
    for term, count in ev.quoted.items():
        pooled.setdefault(term.casefold(), Counter())[term] += max(count, ev.phrases[term], ev.names[term])
    for forms in pooled.values():
        term, count = min(forms, key=lambda f: (-forms[f], not f[:1].islower(), f)), sum(forms.values())
        if count >= need + (" " not in term):
            kind = "name" if all(w[:1].isupper() for w in term.split()) else "phrase"
            add(term, kind, count, quoted=True)
    for phrase, count in ev.phrases.items():
        if count >= max(2, need + 1) and _recurring_phrase(phrase, count, ev):
            add(phrase, "phrase", count)
    for acronym, count in ev.acronyms.items():
        if acronym in ev.expansions or count >= max(2, need):
            add(acronym, "acronym", count, expansion_of=ev.expansions.get(acronym, ""))
    for acronym, expansion in ev.expansions.items():
        if acronym in ev.acronyms and expansion.lower() not in found:
            add(expansion, "name", ev.names[expansion] + 1)
    joined = _join_variants(sorted(found.values(), key=lambda c: c.name), ev.together)
    if len(joined) > MAX_TERMS:
        best = sorted(joined, key=lambda c: (-c.count * max(c.spread, 1) * (2 if c.quoted else 1), c.name))
        joined = sorted(best[:MAX_TERMS], key=lambda c: c.name)
    return joined


def _single_name(word: str, ev: _Evidence) -> bool:
    if word.lower() in NOT_A_NAME or len(word) < 3 or not word[0].isupper():
        return False
    if ev.abbreviated[word] and ev.dotted[word] * 10 >= (ev.names[word] + ev.single_opening[word]) * 9:
        return False  # "Oct. 5", "Springfield, Ill."
    capital = ev.capital[word]
    plain = word.lower()
    lower = ev.lower[plain] + ev.lower[plain + "s"] + (ev.lower[plain[:-1]] if plain.endswith("s") else 0)
    return capital > 0 and lower * 20 <= capital


def _recurring_phrase(phrase: str, count: int, ev: _Evidence) -> bool:
    words = phrase.split()
    if words[0] in GENERIC_ADJECTIVES:
        return False
    if any(w in PHRASE_STOP_WORDS or w in COMMON_VERBS or w.endswith("ly") for w in words):
        return False
    if words[0].endswith(("ed", "ing")) or words[-1].endswith(("ed", "ing")):
        return False
    expected = math.prod(ev.lower[w] for w in words) / max(ev.words, 1) ** (len(words) - 1)
    return expected > 0 and math.log2(count / expected) >= MIN_PMI


def _plural_forms(name: str) -> set[str]:
    """The name with its head word in a plural form: the word before "of" ("President of Belarus" →
    "Presidents of Belarus"), else the last ("friendly economy" → "friendly economies")."""
    words = name.split()
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    if head < 0 or not words[head][-1:].isalpha():
        return set()
    return {" ".join(words[:head] + [plural] + words[head + 1 :]) for plural in _plurals(words[head])}


def _plurals(word: str) -> tuple[str, ...]:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    return (word + "s",)


def variants_of(candidate: Candidate) -> tuple[str, ...]:
    """Surface forms that count as mentions: its variants and, for phrases and multi-word names, plurals."""
    forms = list(candidate.variants)
    if candidate.kind == "phrase" or (candidate.kind == "name" and " " in candidate.name):
        forms.extend(sorted(_plural_forms(candidate.name)))
    return tuple(dict.fromkeys(forms))


def _join_variants(candidates: list[Candidate], together: Counter) -> list[Candidate]:
    """Fold plural forms into their singular and a lone surname into the one full name ending with it, when most
    of the surname's mentions are in articles that name the full name (`together`) and the full name opens with
    no month, weekday or direction ("North Korea" is not a full name of "Korea")."""
    by_name = {c.name: c for c in candidates}
    by_folded = {c.name.casefold(): c.name for c in candidates}
    into: dict[str, str] = {}
    for c in candidates:
        if c.kind != "acronym" and (c.kind == "phrase" or " " in c.name):
            for plural in _plural_forms(c.name):
                other = by_folded.get(plural.casefold())
                if other and other != c.name:
                    into[other] = c.name
    owners: dict[str, list[str]] = {}
    for c in candidates:
        words = c.name.split()
        if c.kind == "name" and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
            owners.setdefault(words[-1], []).append(c.name)
    for c in candidates:
        if c.kind == "acronym" and c.expansion_of in by_name:
            into[c.name] = c.expansion_of
    for surname, full in owners.items():
        lone = by_name.get(surname)
        if not lone or lone.kind != "name" or len(full) != 1 or lone.spread > by_name[full[0]].spread:
            continue
        first = full[0].split()[0].lower()
        mostly_with_it = together[full[0]] * 2 > lone.count  # not "Wales" standing alone in other articles
        if mostly_with_it and (first in FUNCTION_WORDS or first not in NOT_A_NAME):  # "The Hague"; not "North Korea"
            into[surname] = full[0]
    merged: dict[str, Candidate] = {}
    for c in candidates:
        target = c.name
        while target in into:
            target = into[target]
        head = merged.get(target, by_name[target])
        if target == c.name:
            merged[target] = head if target in merged else c
            continue
        merged[target] = Candidate(
            head.name, head.kind, head.variants + c.variants, head.count + c.count,
            max(head.spread, c.spread), head.quoted or c.quoted, head.expansion_of,
        )
    return sorted(merged.values(), key=lambda c: c.name)

