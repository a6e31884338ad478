"""Mentions, the glossary's third step: every mention of every entry in an article, found in one multi-pattern
pass (`match`) and resolved in the article's own context, in reading order.

A form that always means one entry (a full name, a phrase, a demonym, an acronym) is a mention of it, but for a
name of several words that a longer name goes on from ("John Calvin Coolidge", "John F. Kennedy Jr."), and for an
acronym that the article spells out as something else ("patrol torpedo (PT)" is no party PT). A lone
word whose meaning depends on the article (`model.ShortForm`: a surname, a single-word name) means:
- nothing, where it opens a longer name ("Calvin Coolidge": a first name there), or where it ends one that is no
  entry ("Patricia Hewitt" when only Lleyton Hewitt is one; "Inter Milan" beside the city): the word then means
  that unknown person for the rest of the article (a first name: unless an entry it shortens came first);
- else, after a preposition of place ("in Washington"), the word's own entry, if it is one (the city, not a
  president named in the article);
- else, in an article whose title is one entry it shortens, that entry ("Curie" in "Marie Curie" is Marie,
  though Pierre Curie is named in it too); in an article whose title is a name opening with it, nothing (the
  subject's given name: "his son Calvin" in "Calvin Coolidge" is no John Calvin, whom the article names);
- else the entry introduced last in the article that it shortens ("Tony Blair … Mr Blair");
- else, when exactly one such entry is named later in the article and the word is no entry of its own, that one
  ("Washington insider" before "George Washington" is named stays the city);
- else its default (its own entry, or the one full name on the site that carries it), if any; but not the full
  name where the word opens a sentence, which may be all that capitalises it ("Brown bears", "Brown rice"), and
  the article has named nobody it shortens;
- but never a full name where a region's initials follow the word ("Washington, D.C." is no George Washington).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .candidates import CONNECTORS, HONORIFICS, PLACE_PREPOSITIONS, is_name_word, opens_sentence, spelled_out
from .match import Hit, Matcher
from .model import ShortForm, Term

_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.\-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’\-]*)")
_REGION_AFTER = re.compile(r",[ \t]+(?:[A-Z]\.){2,}")
"""A comma and initials after a word: its place's region ("Washington, D.C.", "Albany, N.Y."), so no person."""
_CONNECTED_AFTER = re.compile(r"(?:[ \t]+(?:%s))+[ \t]+([^\W\d_][\w'’\-]*)" % "|".join(CONNECTORS))


class Finder:
    """Finds the resolved mentions of a glossary's terms in an article."""

    def __init__(self, terms: Sequence[Term], short_forms: Sequence[ShortForm]) -> None:
        contextual = list(short_forms)
        known = {sf.form for sf in contextual}
        patterns = []
        for i, term in enumerate(terms):
            for variant in term.variants:
                if variant in known:
                    continue
                if term.case_sensitive and " " not in variant and variant[:1].isupper() and not variant.isupper():
                    known.add(variant)
                    contextual.append(ShortForm(variant, (), i))
                else:
                    patterns.append((i, variant, term.case_sensitive))
        patterns.extend((-k - 1, sf.form, True) for k, sf in enumerate(contextual))
        self.contextual = tuple(contextual)
        self.short = {sf.form: k for k, sf in enumerate(contextual)}
        self.introduces: dict[int, list[int]] = {}
        for k, sf in enumerate(contextual):
            for owner in sf.owners:
                self.introduces.setdefault(owner, []).append(k)
        self.matcher = Matcher(patterns)
        self.names = frozenset(i for i, term in enumerate(terms) if term.case_sensitive)
        self.terms = terms

    def article(self, paragraphs: Sequence[str], title: str = "") -> list[list[Hit]]:
        """Per paragraph of one article (in reading order), its mentions with every lone word resolved; `title`
        is the article's."""
        raw = [[hit for hit in self.matcher.find(text) if not self._goes_on(text, hit)] for text in paragraphs]
        if spelled := _spelled_out(paragraphs):
            raw = [[hit for hit in hits if not self._other_meaning(text[hit.start : hit.end], hit.term, spelled)]
                   for text, hits in zip(paragraphs, raw)]
        present = {hit.term for hits in raw for hit in hits if hit.term >= 0}
        subject = self._subject(title, paragraphs)
        introduced: dict[int, int | None] = {}  # short form → the entry named last before, as the title does first
        for hit in self.matcher.find(title):
            if hit.term >= 0 and not self._goes_on(title, hit):
                for k in self.introduces.get(hit.term, ()):
                    introduced[k] = hit.term
        out = []
        for text, hits in zip(paragraphs, raw):
            kept = []
            for hit in hits:
                if hit.term >= 0:
                    for k in self.introduces.get(hit.term, ()):
                        introduced[k] = hit.term
                    kept.append(hit)
                    continue
                k = -hit.term - 1
                entry = self.contextual[k]
                if ends_a_name(text, hit.start):
                    if entry.owners:
                        introduced[k] = None
                    continue
                if _opens_a_name(text, hit.start, hit.end):
                    if entry.owners:  # a first name, unless the article named an entry it shortens before
                        introduced.setdefault(k, None)
                    continue
                own = entry.default if entry.default not in entry.owners else None
                if own is not None and text[max(0, hit.start - 20) : hit.start].endswith(PLACE_PREPOSITIONS):
                    term = own
                elif k in subject:
                    term = subject[k]
                elif k in introduced:
                    term = introduced[k]
                else:
                    named = [o for o in entry.owners if o in present] if own is None else []
                    term = named[0] if len(named) == 1 else None if named else entry.default
                    by_default = not named and term in entry.owners  # (the one full name on the site)
                    if by_default and opens_sentence("\n" + text[max(0, hit.start - 40) : hit.start]):
                        term = None  # "Brown bears …", "Brown rice …": capital by the sentence alone, nobody named
                    elif by_default:
                        introduced[k] = term  # ("Mr Brown said … Brown added")
                if term is not None and not (term in entry.owners and _REGION_AFTER.match(text, hit.end)):
                    kept.append(Hit(hit.start, hit.end, term))
            out.append(kept)
        return out

    def _goes_on(self, text: str, hit: Hit) -> bool:
        """True for a name of several words followed by a word of a name (a longer one, someone else's), and for a
        name followed by a hyphen and a number (a designation: "PT-109" is a boat, not the party PT)."""
        if hit.term not in self.names:
            return False
        if text.startswith("-", hit.end) and text[hit.end + 1 : hit.end + 2].isdigit():
            return True
        return " " in text[hit.start : hit.end] and name_goes_on(text, hit.end)

    def _other_meaning(self, surface: str, term: int, spelled: dict[str, tuple[str, ...]]) -> bool:
        """True for an acronym the article spells out with none of the words of the entry's names."""
        words = spelled.get(surface[:-2] if surface.endswith(("'s", "’s")) else surface)  # ("PT's": PT)
        if not words or term < 0:
            return False
        entry = self.terms[term]
        known = {word[:5].lower() for form in (entry.name, *entry.variants, *entry.aliases) for word in form.split()}
        return not any(word[:5] in known for word in words)

    def _subject(self, title: str, paragraphs: Sequence[str]) -> dict[int, int | None]:
        """Short form → its meaning in an article whose title is a name: nothing for the words before its last
        (the subject's given names), and the entry the title names, if it is one, for that entry's short forms;
        if it names none, its last word (the subject's surname) means nothing but an entry of that one word
        ("Murray" in "Margaret Murray" is no John Murray; "Caruso" in "Enrico Caruso" is the entry "Caruso"). A
        title is a name if it names an entry, or if it is two or three capitalised words that the text repeats
        (a headline is seldom repeated)."""
        whole = title.strip()
        named = [hit.term for hit in self.matcher.find(whole) if hit.term >= 0 and hit.end - hit.start == len(whole)]
        words = whole.split()
        if not named and not (2 <= len(words) <= 3 and all(map(is_name_word, words))
                              and any(whole in text for text in paragraphs)):
            return {}
        given = {self.short[word]: None for word in words[:-1] if word in self.short}
        if not named and (k := self.short.get(words[-1])) is not None:  # the subject's surname: them, or its own entry
            own = self.contextual[k].default
            given[k] = own if own is not None and self.terms[own].name == words[-1] else None
        return given | {k: named[0] for k in self.introduces.get(named[0], ())} if named else given


def _spelled_out(paragraphs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Acronym → the words (lower case) it stands for where the article first spells it out in brackets
    (`candidates.spelled_out`: "patrol torpedo (PT)", "Workers' Party (PT)")."""
    out: dict[str, tuple[str, ...]] = {}
    for text in paragraphs:
        for acronym, said in spelled_out(text):
            out.setdefault(acronym, tuple(said.lower().split()))
    return out


SAINTS = frozenset({"st", "saint", "ste", "sainte", "san", "santa", "são", "sankt"})
"""Words that open a saint's name, or a place or school named after one ("St George's School", "San Francisco")."""


def ends_a_name(text: str, start: int) -> bool:
    """True when the word at `start` follows a word of a name or a saint's title: it ends a longer one ("Patricia
    Hewitt", "Inter Milan", "John F. Kennedy", "St George"); not after a word with a full stop, which ends a
    sentence ("in Paris. Curie")."""
    found = _word_before(text, start)
    if not found:
        return False
    word = found.group(1)
    return word.lower().rstrip(".") in SAINTS or is_name_word(word) and not (word.endswith(".") and len(word) > 2)


def _opens_a_name(text: str, start: int, end: int) -> bool:
    """True when a word of a name follows the word at `start`–`end`, or (after no honorific: "Mr Frost of the BCC"
    is Frost) a connector and a capitalised word: it opens a longer name there ("Calvin Coolidge", "John F.
    Kennedy", "Gates of Paradise")."""
    if name_goes_on(text, end):
        return True
    joined = _CONNECTED_AFTER.match(text, end)
    if not joined or not joined.group(1)[:1].isupper():
        return False
    before = _word_before(text, start)
    return not (before and before.group(1).lower().rstrip(".") in HONORIFICS)


def name_goes_on(text: str, end: int) -> bool:
    """True when a word of a name follows `end`, or a generation ("Jr.", "Sr.")."""
    found = _WORD_AFTER.match(text, end)
    return bool(found) and (is_name_word(found.group(1)) or found.group(1).lower() in ("jr", "sr"))


def _word_before(text: str, start: int) -> re.Match | None:
    """`_WORD_BEFORE` in the 40 characters before `start`, searched from the start of their last word: no match
    can start sooner, and a search tries every place it starts from."""
    window = max(0, start - 40)
    head = text[window:start].rstrip()
    if not head:
        return None
    return _WORD_BEFORE.search(text, window + len(head) - len(head.rsplit(None, 1)[-1]), start)
