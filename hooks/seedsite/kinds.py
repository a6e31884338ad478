"""Kinds, the glossary's fifth step: what each entry names (`model.KINDS`), decided on evidence in the text.

- `acronym`: capitals ("NATO", "BBC").
- A curated `kind` wins over the rest.
- `event`, `organisation`, `place` by the name's head word ("Great Patriotic War", "Labour Party", "Red Square").
- `place`: a demonym folded into it ("Belarusians"; not the plural of its stem: "Jews", with "Jewish", are a
  people), or its mentions stand after "in", "from", "near", "across"
  or before "-based" often enough ("in Moscow", "a London-based firm").
- `person`: an honorific or a title went with it ("Mr Blair", "Secretary Patricia Hewitt"; more often than the
  text places it: "Great Britain" after a king's title and after "in"), its definition
  names a role ("a Greek philosopher"), two sentences about it are continued by "he" or "she" ("Curie won the
  prize. She …"; where the language's pronouns tell persons from things), or it is a name of two or three words
  that the text shortens to its last ("Alexander Lukashenko … Lukashenko"; not "Google Doodle"), ending in no
  "-ism" ("Roman Catholicism"), and the text places nothing there (or seldom, and one such sentence is about it).
- `concept`: a lower-case phrase, a quoted or defined one, and a role ("Head of State").
- Any other name: `name`, a name the text says no more of (not a guess: a company, a country and a surname all
  end here when nothing tells them apart).
"""

from __future__ import annotations

import re
from itertools import islice

from .candidates import Candidate, EVENT_WORDS, ORGANISATION_ROLES, ORGANISATION_WORDS, PLACE_ROLES, PLACE_WORDS, ROLES, is_title
from .language import LANGUAGES, PERSONS
from .model import Term
from .resolve import IRREGULAR_DEMONYMS, Entity, is_placed
from .text import around

_WAS_A = re.compile(r"\b(?:is|was|were|are)\s+(?:a|an|the|one)\s+(.{0,60})")
"""What a stated definition says the term was ("was an Italian polymath")."""
_PEOPLE_ENDINGS = ("ish", "ic", "ian", "ean", "ese", "i")
"""Demonym endings that never end a place's name as well ("Texan" of "Texas" would be "n")."""
SCANNED = 40
"""Mentions read for sentences about the name followed by a person's pronoun."""
REFERRED = 2
"""Sentences about a name followed by a person's pronoun that make it a person's (one does for a name that is
shortened to its last word and seldom placed)."""
_PRONOUN_OPENS = re.compile(r"[.!?]\S*\s+\W*(?:%s)\b" % "|".join(sorted(w.capitalize() for w in PERSONS) or ["(?!)"]))
"""A sentence that opens with a person's pronoun."""
_COMMON = frozenset().union(*(language.stopwords | language.openers for language in LANGUAGES.values()))
"""Words a sentence opens with that name no one ("The", "After")."""
_LINKING = frozenset().union(*(language.dangling for language in LANGUAGES.values())) - {"a", "an", "the"}
"""Words that make the name after them no sentence's subject ("in", "from", "of", "and")."""
OPENING_WORDS = 4
"""A mention preceded by fewer words of its sentence is what the sentence is about ("In 1903 Curie won …")."""


def kind(term: Term, entity: Entity) -> str:
    """The kind of the entry, one of `model.KINDS`."""
    if entity.curated is not None and entity.curated.kind:
        return entity.curated.kind
    if entity.shape == "acronym":
        return "acronym"
    if entity.shape == "phrase":
        return "concept"
    words = [w.lower() for w in term.name.split()]
    if len(words) > 1 and is_title(term.name.split()[0]) and any(w in ("of", "the") for w in words):
        return "concept"  # a role: "Head of State", "President of Belarus"
    for head in [words[-1], *words[:-1]]:  # the last word first ("Great Patriotic War", "World War I")
        if head in EVENT_WORDS:
            return "event"
        if head in ORGANISATION_WORDS:
            return "organisation"
        if head in PLACE_WORDS:
            return "place"
    evidence = entity.evidence
    described = term.definition.split()[-1].lower() if term.origin == "descriptor" else ""
    if entity.demonyms and _a_people(term.name, entity.demonyms):
        return "name"  # "Jews", with "Jewish": a people, not a place
    if (entity.demonyms and evidence is not None and not is_placed(evidence) and _surname_of_one(evidence)
            and term.name.lower() not in IRREGULAR_DEMONYMS):  # (a country of that table: "Austrian Netherlands")
        return "person"  # "Copernican" of Copernicus (Nicolaus Copernicus), as "Italian" of Italy
    if entity.demonyms or described in PLACE_ROLES:
        return "place"
    if described in ORGANISATION_ROLES:
        return "organisation"
    if evidence is not None and is_placed(evidence):
        return "place"
    referred = _referred_to(term)
    titled = evidence is not None and evidence.honorific + evidence.titled > evidence.placed
    if titled or _role(term) or referred >= REFERRED:
        return "person"
    seldom_placed = evidence is None or not evidence.placed or referred and evidence.placed * 10 < evidence.count
    if seldom_placed and not words[-1].endswith("ism") and _shortened(term, entity.short_forms):
        return "person"  # a name of two or three words that the text shortens to its last: mostly a person's
    if evidence is not None and evidence.quoted or entity.curated is not None and not term.case_sensitive:
        return "concept"
    return "name"


def _surname_of_one(evidence: Candidate) -> bool:
    """True for a word that ends a person's name three times or more, mostly after one first name ("Nicolaus
    Copernicus"): the surname of that one person."""
    return evidence.ends_commonest >= 3 and evidence.ends_commonest * 2 >= evidence.ends


def _shortened(term: Term, short_forms: tuple[str, ...]) -> bool:
    """True when some mention of the term is one of its short forms alone ("Lukashenko"; "Doodle" of "Google
    Doodle", "Curtain" of "Iron Curtain" never stand alone)."""
    return bool(short_forms) and any(m.text[m.at : m.to] in short_forms for m in term.mentions)


def _a_people(name: str, demonyms: tuple[str, ...]) -> bool:
    """True when the name is the plural of its demonym's stem ("Jews" of "Jewish", "Arabs" of "Arabic"), as a
    place's never is ("Belarus" of "Belarusian")."""
    low = name.lower()
    if not low.endswith("s"):
        return False
    stems = {d.lower().removesuffix("s")[: -len(e)] for d in demonyms for e in _PEOPLE_ENDINGS
             if d.lower().removesuffix("s").endswith(e)}
    return low[:-1] in stems


def _referred_to(term: Term) -> int:
    """How many of the term's first mentions open a sentence about it that the next one continues with a
    person's pronoun ("Curie won the prize. She …"; `language.PERSONS`)."""
    followed = 0
    for mention in islice(term.mentions, SCANNED):
        if not _PRONOUN_OPENS.search(mention.text, mention.to):
            continue  # most paragraphs: no sentence after the mention opens with one (no need to split them)
        begins, ends, following = around(mention.text, mention.at)
        opening = following.split(None, 1)[0].strip("\"'“‘«(").lower() if following else ""
        if opening in PERSONS and _about(mention.text[begins : mention.at], mention.text[mention.to : ends]):
            followed += 1
    return followed


def _about(before: str, after: str) -> bool:
    """True when a sentence is about the name between `before` and `after` (its words around the mention): it
    comes among the first words, and the sentence names no one else whom the next one's pronoun could stand for
    (no other name, no pronoun: "From Morocco, Churchill went …", "East Germany received her well.")."""
    words = before.split()
    if len(words) >= OPENING_WORDS or words and words[-1].lower() in _LINKING:
        return False  # not what the sentence is about: "Serving in Morocco, he was wounded."
    others = words[1:] + after.split()
    if any(w.strip(",;:").lower() in PERSONS for w in others + words[:1]):
        return False
    return not any(w[:1].isupper() for w in others + [w for w in words[:1] if w.lower() not in _COMMON])


def _role(term: Term) -> bool:
    """True when the term's definition names a role: a descriptor ending in one ("Trade and Industry Secretary"),
    or a stated sentence saying it was one ("Aristotle (…) was a Greek philosopher")."""
    if term.origin == "descriptor":
        return is_title(term.definition.split()[-1], ROLES) or is_title(term.definition.split()[0], ROLES)
    if term.origin == "stated" and term.source is not None:
        said = _WAS_A.search(term.source.sentence, term.source.end)
        return bool(said) and any(w.strip(",.;").lower() in ROLES for w in said.group(1).split())
    return False
