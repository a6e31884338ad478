"""Kinds, the glossary's fifth step: what each entry names (`model.KINDS`), decided on evidence in the text.

- `acronym`: capitals ("NATO", "BBC").
- A curated `kind` wins over the rest.
- `event`, `organisation`, `place` by the name's head word ("Great Patriotic War", "Labour Party", "Red Square").
- `place`: a demonym folded into it ("Belarusians"), or its mentions stand after "in", "from", "near", "across"
  or before "-based" often enough ("in Moscow", "a London-based firm").
- `person`: an honorific or a title went with it ("Mr Blair", "Secretary Patricia Hewitt"), its definition
  names a role ("a Greek philosopher"), or it is a name of two or three words that may be shortened to its last
  ("Alexander Lukashenko") and the text places nothing there.
- `concept`: a lower-case phrase, a quoted or defined one, and a role ("Head of State").
- Any other name: `organisation` (a company, a club, a party, a band).
"""

from __future__ import annotations

import re

from .candidates import EVENT_WORDS, ORGANISATION_ROLES, ORGANISATION_WORDS, PLACE_ROLES, PLACE_WORDS, ROLES, is_title
from .model import Term
from .resolve import Entity

_WAS_A = re.compile(r"\b(?:is|was|were|are)\s+(?:a|an|the|one)\s+(.{0,60})")
"""What a stated definition says the term was ("was an Italian polymath")."""
PLACED_SHARE = 0.2
"""Share of a name's mentions after "in", "from"… (or before "-based") that makes it a place."""


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
    if entity.demonyms or described in PLACE_ROLES:
        return "place"
    if described in ORGANISATION_ROLES:
        return "organisation"
    if evidence is not None and (evidence.placed + evidence.based) >= max(1.0, PLACED_SHARE * evidence.count):
        return "place"
    if evidence is not None and (evidence.honorific or evidence.titled) or _role(term):
        return "person"
    if entity.short_forms and not (evidence is not None and evidence.placed):
        return "person"  # a name of two or three words that may be shortened to its last: mostly a person's
    if evidence is not None and evidence.quoted or entity.curated is not None and not term.case_sensitive:
        return "concept"
    return "organisation"


def _role(term: Term) -> bool:
    """True when the term's definition names a role: a descriptor ending in one ("Trade and Industry Secretary"),
    or a stated sentence saying it was one ("Aristotle (…) was a Greek philosopher")."""
    if term.origin == "descriptor":
        return is_title(term.definition.split()[-1], ROLES) or is_title(term.definition.split()[0], ROLES)
    if term.origin == "stated" and term.source is not None:
        said = _WAS_A.search(term.source.sentence, term.source.end)
        return bool(said) and any(w.strip(",.;").lower() in ROLES for w in said.group(1).split())
    return False
