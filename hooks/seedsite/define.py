"""Define, the glossary's fourth step: what the text says each entry is.

In order of preference (`Term.origin`):
1. `curated`: the editor's definition in `seeds/glossary.yml`.
2. `stated`: a sentence that defines it, the first of its mentions to read "X is a …", "X (1879–1955) was a …",
   "X refers to …", "X means …", "X, which is …", "X — это …", "X означает …"; or a sentence "It
   means …" right after one that names it.
3. `descriptor`: words next to the name in a sentence of the site, that sentence kept as its source: a role or
   title before it ("Trade and Industry Secretary Patricia Hewitt", "the tennis player Lleyton Hewitt", "software
   giant Microsoft", "the French city of Lyon"), or an appositive after it ("David Frost, director general of
   the British Chambers of Commerce, said").
4. `expansion`: what an acronym stands for, as the text spells it out ("North Atlantic Treaty Organization
   (NATO)").
Otherwise none: the first sentence that merely uses a term is its context (`Term.context`), not a definition.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import islice

from .candidates import (
    COMMON_VERBS, CONNECTORS, CYRILLIC_LOWER, FUNCTION_WORDS, ORGANISATION_ROLES, PLACE_ROLES, ROLES,
    RUSSIAN_TITLES_NOMINATIVE, is_title,
)
from .language import LANGUAGES
from .mentions import ends_a_name, name_goes_on
from .model import Mention, Term
from .resolve import Entity, is_placed
from .text import sentences_of

SCANNED = 40
"""Mentions of a term by its own name searched for a definition or a descriptor (the first ones: mentions by a
short form never define, so they do not count)."""
LONGEST_DESCRIPTOR = 12
"""Most words in a descriptor."""

_DEFINING = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:%s|,\s+which\s+(?:is|was|are|were|means)\s|(?:refers to|denotes)\s)"
    % "|".join(cue for language in LANGUAGES.values() for cue in language.defining)
)
"""What follows a term's name in a sentence that defines it."""
_EXPLAINS = re.compile(r"^(?:It|This|That|Это)\s+(?:means|refers to|denotes|is defined as|означает)\s+(?!that\b|что\b)")
_EXPLAINS_ANYWHERE = re.compile(r"(?:It|This|That|Это)\s+(?:means|refers to|denotes|is defined as|означает)\s")
_APPOSITIVE = re.compile(r"^,[ \t]+([^,;:.!?()\"“”]{3,120}?)(?=[,;.]|$)")
_LIST_GOES_ON = re.compile(r",[ \t]+(?:(?:and|or|the|a|an)[ \t]|[\w'’\-]+,[ \t]+(?:and|or)[ \t])")
"""After the comma that closes a phrase set off after a name: more items of a list ("the Cold War, the atom bomb,
and the Soviet Union"; "the country's greatest moral, constitutional, and political crisis"), so the phrase is
an item too, not an appositive."""
_THING_ROLES = ROLES | ORGANISATION_ROLES
_PLACE_OF = re.compile(r"\b(?:[Tt]he|[Aa]n?)[ \t]+((?:[\w'’\-]+[ \t]+){1,2}(?:%s))[ \t]+of[ \t]+$"
                       % "|".join(sorted(PLACE_ROLES)))
"""A place's kind before its name, with a word that says more than the kind: "the French city of Lyon" → "French
city" (not "the city of Florence" → "city")."""
_RUSSIAN_TITLE_PLACE = re.compile(
    rf"(?<![\w\-])((?i:{'|'.join(RUSSIAN_TITLES_NOMINATIVE)})(?:[ \t]+[{CYRILLIC_LOWER}]+){{0,3}}[ \t]+[А-ЯЁІЇЄҐЎ][{CYRILLIC_LOWER}\-]+)"
    r"[ \t]+$")
"""A Russian, Belarusian or Ukrainian title in the nominative, up to three lower-case words and the place it is of,
before a name ("Президент России Владимир Путин", "министр энергетики России Николай Шульгинов", "Прэм'ер-міністр
Беларусі Раман Галоўчанка"; not "с президентом Белоруссии Александром Лукашенко", a title in another case, which a
definition would not read as)."""
_OF_BEFORE = re.compile(r"\b(?:of|de|in|at|from|to|for|by|with|and|or)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
"""A word before a mention that makes it part of a longer phrase: an appositive after it describes that
("Professor at the Royal Institution, a lifetime position": the professorship is the position)."""
_NAME_COMMA_BEFORE = re.compile(r"\w[ \t]+[A-Z][\w'’\-]*,$")
"""A name and a comma before a mention ("Pasco, Washington, the first school …"): the mention itself sets off the
name before it, and what follows describes something else."""
_CLAUSE_WORDS = frozenset(
    """is are was were be been being has have had will would shall should can could may might must do does did
    said says who which that whose whom when where while he she it they we i you its his her their""".split()
)
"""Words that make what follows a name's comma a clause, not an appositive."""
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def _words_before(before: str) -> list[str]:
    """The words (no punctuation, no number) that end right before a mention, at most `LONGEST_DESCRIPTOR`, read
    back from it: what a title before a name may be made of."""
    if not before[-1:].isspace():
        return []
    words: list[str] = []
    for word in reversed(before.split()[-LONGEST_DESCRIPTOR:]):
        if not _WORD.fullmatch(word):
            break
        words.append(word)
    return words[::-1]


def explanations(paragraphs: Sequence[str], hits: Sequence[Sequence], sources: Sequence[tuple[str, str]]
                 ) -> dict[int, Mention]:
    """Per term, the first sentence like "It means …" that follows a sentence mentioning it. `sources`: per
    paragraph, the (article, anchor) of a mention there."""
    explained: dict[int, Mention] = {}
    for text, found, (article, anchor) in zip(paragraphs, hits, sources):
        if not found or not _EXPLAINS_ANYWHERE.search(text):
            continue
        starts, spans = sentences_of(text)
        for hit in found:
            k = max(0, bisect.bisect_right(starts, hit.start) - 1)
            if k + 1 < len(spans) and hit.term not in explained:
                ns, ne = spans[k + 1]
                if _EXPLAINS.match(text[ns:ne]):
                    explained[hit.term] = Mention(article, anchor, text, ns, ns)
    return explained


def define(term: Term, entity: Entity, explained: Mention | None) -> Term:
    """`term` with its definition, origin and source."""
    if entity.curated is not None and entity.curated.definition:
        return replace(term, definition=entity.curated.definition, origin="curated",
                       source=term.mentions[0] if term.mentions else None)
    demonyms = set(entity.demonyms)  # "The Japanese were a … nation" says what the people were, not Japan
    scanned = list(islice((m for m in term.mentions if _by_name(surface := m.text[m.at : m.to], term)
                           and surface not in demonyms), SCANNED))
    for mention in scanned:
        if stated(mention, term):
            return replace(term, definition=mention.sentence, origin="stated", source=mention)
    if explained is not None:
        return replace(term, definition=explained.sentence, origin="stated", source=explained)
    evidence = entity.evidence  # (a name mostly placed is a place, whatever title it once came after: `kind`)
    person = bool(entity.short_forms) or evidence is not None and bool(evidence.titled + evidence.honorific) \
        and not is_placed(evidence)
    for mention in scanned:
        found = descriptor(mention, term, person)
        if found:
            return replace(term, definition=found, origin="descriptor", source=mention)
    if entity.expansion:
        source = next((m for m in term.mentions if entity.expansion in m.sentence), None)
        return replace(term, definition=entity.expansion, origin="expansion", source=source)
    return replace(term, definition="", origin="", source=None)


def stated(mention: Mention, term: Term) -> bool:
    """True when the mention's sentence defines the term: it opens the sentence (after "The", "A" or "An") by the
    term's own name, not a short form ("Lincoln was the first university …" may mean another Lincoln), and a
    defining verb follows it."""
    if not _DEFINING.match(mention.text, mention.to):  # most mentions: no need to find the sentence
        return False
    before = mention.sentence[: mention.start].strip()
    return _by_name(mention.text[mention.at : mention.to], term) and before in ("", "The", "A", "An")


def descriptor(mention: Mention, term: Term, person: bool = False) -> str:
    """A role or title just before the mention of a `person`, else an appositive just after a mention that
    heads its phrase ("Leopold I of Belgium, uncle of …" says nothing of Belgium); '' if neither."""
    if not term.case_sensitive:  # a lower-case phrase has no title, and a comma after it starts a list
        return ""
    if not _by_name(mention.text[mention.at : mention.to], term):
        return ""  # by the full name only: a lone surname may stand for another of that name
    before = mention.text[max(0, mention.at - 200) : mention.at]
    if person and (found := _title_before(before) or _russian_title_before(before)):
        return found
    if ends_a_name(mention.text, mention.at) or name_goes_on(mention.text, mention.to):
        return ""  # a part of a longer name, which the words around describe: "Ithaca NY, the home of …"
    last = before.rstrip()  # the patterns below end at the last word: no match opens sooner than it
    if last.endswith("of") and (place := _PLACE_OF.search(before)):  # "the French city of Lyon"
        return place.group(1)
    if not person and (found := _title_before(before, _THING_ROLES)) and found.split()[-1].islower():
        return found  # "software giant Microsoft", "rock band U2", "US rapper Eminem"
    if _OF_BEFORE.search(before, max(0, len(last) - 8)) or _NAME_COMMA_BEFORE.search(last):  # ("with the")
        return ""
    if last.endswith(":"):
        return ""  # a title, a list or a caption opens here: "his Dialogues: Rousseau, Judge of Jean-Jacques"
    opens = not last or last[-1] in ".!?"
    return _appositive(mention.text[mention.to : mention.to + 200], opens)


def _by_name(surface: str, term: Term) -> bool:
    """True when a mention is by one of the term's own forms, not a short form resolved in context."""
    if term.case_sensitive:
        return surface in term.variants
    return surface.casefold() in {v.casefold() for v in term.variants}


def _russian_title_before(before: str) -> str:
    found = _RUSSIAN_TITLE_PLACE.search(before[-80:])
    return found.group(1) if found else ""


def _title_before(before: str, roles: frozenset[str] = ROLES) -> str:
    """The title that ends right before a name, in a role noun: back over titles and capitalised words (joined by
    "of" or "and"), then at most two lower-case modifiers ("Trade and Industry Secretary", "Manchester United
    manager", "tennis player"; not "Liberal government of Prime Minister")."""
    words = _words_before(before)
    for i in range(len(words) - 1, -1, -1):
        prefix, _, title = words[i].rpartition("-")
        if prefix[:1].islower() and title[:1].isupper():  # "then-Prime Minister", "ex-President": the title opens
            words = [title, *words[i + 1 :]]  # after the time
            break
    if not words or not is_title(words[-1], roles):
        return ""
    chosen: list[str] = []
    lower = 0
    all_lower = words[-1][:1].islower()  # "tennis player" may take lower-case modifiers; "General Secretary" not
    for i in range(len(words) - 1, -1, -1):
        word, low = words[i], words[i].lower()
        joined = chosen and chosen[-1].lower() in ("of", "and", *CONNECTORS)
        if not lower and (is_title(word) or word[:1].isupper() and low not in FUNCTION_WORDS):
            chosen.append(word)
        elif not lower and not joined and low == "and" and chosen and is_title(chosen[-1]) and i and \
                is_title(words[i - 1]):
            chosen.append(word)  # "Trade and Industry"
        elif not lower and not joined and low in ("of", *CONNECTORS) and chosen:
            chosen.append(word)
        elif all_lower and not joined and word[:1].islower() and low not in FUNCTION_WORDS and lower < 2 \
                and low not in COMMON_VERBS and not low.endswith(("ed", "ly")):
            chosen.append(word)
            lower += 1
        elif all_lower and word[:1].isupper() and low not in FUNCTION_WORDS:
            chosen.append(word)  # "US software giant", "Japanese carmaker": a first modifier may be capitalised
            break
        else:
            break
    while chosen and (chosen[-1].lower() in CONNECTORS or chosen[-1].lower() == "and"):
        chosen.pop()
    if len(words) > len(chosen) and words[-len(chosen) - 1].lower() == "for":
        return ""  # "candidate for president Hillary Clinton": what she ran for, not what she is
    return " ".join(reversed(chosen))


VAGUE_WORDS = frozenset("""a an the capital city town village country nation state region province county area place
    island port metropolis largest biggest main chief principal former new old ancient same other home""".split())
"""Words of an appositive that says what kind of place a name is, but not which: "the capital city", "a town"."""


def _appositive(after: str, opens: bool = False) -> str:
    """The noun phrase set off by commas right after a name ("…, director general of the British Chambers of
    Commerce, …", "…, the capital of Belarus, …"): it opens with an article or a role, and holds no verb of a
    clause ("…, a response was received …"); not the whole rest of a sentence that the name `opens`, which is a
    caption or a book's title ("Marlene Dietrich, a personal biography.")."""
    found = _APPOSITIVE.match(after)
    if not found or opens and after[found.end() : found.end() + 1] in (".", ""):
        return ""
    if _LIST_GOES_ON.match(after, found.end()):
        return ""  # an item of a list: "the Cold War, the atom bomb, and …", "the Sioux, the northern Pawnee, the …"
    phrase = found.group(1).strip()
    words = phrase.split()
    if not 2 <= len(words) <= LONGEST_DESCRIPTOR:
        return ""
    low = [w.lower() for w in words]
    if any(w in _CLAUSE_WORDS or w in COMMON_VERBS for w in low):
        return ""
    if any(w in ("and", "or") and nxt[:1].isupper() for w, nxt in zip(low, words[1:])) or low[-1] in FUNCTION_WORDS:
        return ""  # a list: "London, the south-east and East Anglia"
    if any(w.endswith("ed") and nxt in ("by", "to") for w, nxt in zip(low[1:], low[2:])):
        return ""  # "a nomination supported by …": a clause
    if "between" in low and "and" not in low[low.index("between") :]:
        return ""  # cut at a comma before its second half: "a global confrontation between the Western Bloc"
    if all(w in VAGUE_WORDS for w in low):
        return ""  # "Berlin, the capital city, …": of what, it does not say
    if low[0] in ("a", "an", "the"):
        return phrase if words[1][:1].islower() or is_title(words[1]) else ""
    return phrase if is_title(words[0], ROLES) and not words[1][:1].isupper() else ""
