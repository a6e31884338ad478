"""Resolve, the glossary's second step: candidates (+ the curated file) → one entry per entity.

- **Acronyms and expansions**: "North Atlantic Treaty Organization (NATO)" makes one entry, named by the acronym,
  whose expansion is a variant (and, in `define`, its definition).
- **Demonyms** fold into their place as variants: "Belarusian" and "Belarusians" mention Belarus, "Russians"
  Russia (by their endings, -n, -an, -ian, -ese, -ish, -i, -er…, and a table of irregular ones: "French",
  "British"). A demonym with no place on the site, and a compound of them ("Belarusian-Russian"), is no term.
- **Short forms** are resolved in context, never folded: a name that may be shortened to its last word (two or
  three capitalised words, no connector, no organisation, event or place word at its end: "Tony Blair", "Inter
  Milan", not "Union State") lends that word (a surname) to `mentions`, which links a lone "Blair" or "Mr Blair"
  to the full name introduced last before it in the same article, its title first. Without an antecedent, the
  lone word means its own entry if it has one (the city "Milan", standing alone in most of its articles), else
  the one full name of the site that carries it, if the text uses the word alone as a name (not "bill",
  "Commons" of "House of Commons", "John" of "John Lennon") and its mentions mostly stand in that name's articles
  or an honorific goes with it; otherwise nothing.
- **Never terms**: a surname that mostly goes with its full name (it is a short form of it); a word that mostly
  stands inside longer names ("Hodgson" of "Frances Hodgson Burnett"); a first name (a word that opens two or
  more longer names, or opens a name it mostly stands in: "David", "John"), unless the text places something
  there ("in Paris"); a surname that many people share, none of them most ("Johnson": Lyndon, Andrew, Boris…).
- **The curated file** hides, adds, renames and joins entries, and may set their kind and whether they link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from . import curated as curated_file, stems
from .candidates import (
    CONNECTORS, EVENT_WORDS, GENERIC_ADJECTIVES, NOT_A_NAME, ORGANISATION_WORDS, PLACE_WORDS, TITLES, Candidate,
)
from .match import JOINERS
from .model import Problem, ShortForm

DEMONYM_ENDINGS = ("ian", "ean", "an", "n", "ese", "ish", "i", "ic", "er", "ine")
"""Endings that make a demonym of a place's name, cut by up to two letters ("Belarus" → "Belarusian", "Russia" →
"Russian", "China" → "Chinese", "Belgium" → "Belgian")."""

IRREGULAR_DEMONYMS = {
    "france": "french", "netherlands": "dutch", "holland": "dutch", "switzerland": "swiss", "wales": "welsh",
    "britain": "british", "uk": "british", "united kingdom": "british", "great britain": "british",
    "norway": "norwegian", "greece": "greek", "denmark": "danish", "sweden": "swedish", "finland": "finnish",
    "poland": "polish", "spain": "spanish", "turkey": "turkish", "scotland": "scottish", "ireland": "irish",
    "england": "english", "iceland": "icelandic", "philippines": "filipino", "thailand": "thai",
    "us": "american", "usa": "american", "united states": "american", "germany": "german", "peru": "peruvian",
    "afghanistan": "afghan", "uzbekistan": "uzbek", "kazakhstan": "kazakh", "moscow": "muscovite",
    "argentina": "argentine", "portugal": "portuguese", "china": "chinese", "vietnam": "vietnamese",
    "lebanon": "lebanese", "japan": "japanese", "cyprus": "cypriot", "madagascar": "malagasy",
}
"""Place (lower case) → its demonym where the endings do not make it."""

_DEMONYM_LIKE = ("ian", "ians", "ean", "eans", "ese", "ish")
"""Endings of a word that is plainly a demonym or an adjective of a place, with or without one on the site."""
_HEAD_WORDS = ORGANISATION_WORDS | EVENT_WORDS | PLACE_WORDS
PLACED_SHARE = 0.2
"""Share of a name's mentions after "in", "from"… (or before "-based") that makes it a place."""


@dataclass(frozen=True)
class Entity:
    """An entry-to-be: a candidate with the forms of the same entity folded in."""

    name: str
    shape: str
    """The head candidate's shape: `name`, `phrase` or `acronym`."""
    variants: tuple[str, ...]
    """Forms that always mean it (its own forms, its demonyms, an acronym's expansion, curated aliases)."""
    aliases: tuple[str, ...] = ()
    """Other names shown on the entry."""
    evidence: Candidate | None = None
    """The head candidate (None for a curated entry the text did not yield)."""
    expansion: str = ""
    """For an acronym: what it stands for, when the text says."""
    demonyms: tuple[str, ...] = ()
    curated: curated_file.Entry | None = None
    short_forms: tuple[str, ...] = field(default=())
    """Lone words that mean it in an article that introduced it (its last word: "Blair", "Путина")."""


@dataclass(frozen=True)
class Resolved:
    """What `resolve` made: the entities, and the lone words whose meaning `mentions` decides per article (their
    `owners` and `default` index `entities`)."""

    entities: tuple[Entity, ...]
    short_forms: tuple[ShortForm, ...]
    curated_names: frozenset[str]
    problems: tuple[Problem, ...] = ()


def resolve(found: Sequence[Candidate], entries: Sequence[curated_file.Entry], path: str) -> Resolved:
    """One entity per thing named: candidates folded, junk dropped, curated entries applied."""
    found = list(found)
    dropped: set[int] = set()
    folds: dict[int, list[int]] = {}  # entity index → candidates folded into it
    by_name = {c.name: i for i, c in enumerate(found)}
    for i, c in enumerate(found):  # an acronym's expansion joins the acronym
        if c.kind == "acronym" and c.expansion_of in by_name:
            j = by_name[c.expansion_of]
            folds.setdefault(i, []).append(j)
            dropped.add(j)
    places = _Places.of({c.name.lower(): i for i, c in enumerate(found) if c.kind == "name" and i not in dropped})
    for i, c in enumerate(found):
        if c.kind != "name" or " " in c.name or i in dropped:
            continue
        place = _place_of(c.name, places)
        if place is not None and place != i:
            folds.setdefault(place, []).append(i)
            dropped.add(i)
        elif c.name.lower().endswith(_DEMONYM_LIKE) or _compound_demonym(c.name, places):
            dropped.add(i)
    shortenable = {i for i, c in enumerate(found) if i not in dropped and _shortenable(c)}
    singles = {c.name: i for i, c in enumerate(found) if c.kind == "name" and " " not in c.name}
    owners: dict[str, list[int]] = {}
    for i in sorted(shortenable):
        for form in dict.fromkeys(v.split()[-1] for v in found[i].variants):
            if not _qualifies_a_place(found[i], found[singles[form]] if form in singles else None):
                owners.setdefault(form, []).append(i)
    by_key: dict[str, list[int]] = {}
    for form, full_names in owners.items():
        by_key.setdefault(stems.surname_key(form), []).extend(full_names)
    for i, c in enumerate(found):
        if i in dropped or c.kind != "name" or " " in c.name:
            continue
        mine = list(dict.fromkeys(o for form in c.variants for o in by_key.get(stems.surname_key(form), [])))
        if mine and not _stands_apart(c, [found[o] for o in mine]):
            dropped.add(i)  # a surname: a short form of its full name
        elif c.inside >= c.count or _first_name(c, found, shortenable) or _shared_surname(c):
            dropped.add(i)
    entities: list[Entity] = []
    index: dict[int, int] = {}
    for i, c in enumerate(found):
        if i in dropped:
            continue
        index[i] = len(entities)
        entities.append(_entity(c, [found[j] for j in folds.get(i, [])]))
    entities, names, problems = _apply_curated(entities, entries, path)
    position: dict[str, int] = {}  # any form of an entity → its index (a curated entry may have renamed it)
    for n, e in enumerate(entities):
        for form in (e.name, *e.variants):
            position.setdefault(form, n)
    short_forms = []
    for form, mine in sorted(owners.items()):
        kept = tuple(dict.fromkeys(position[found[o].name] for o in mine if found[o].name in position))
        if not kept:
            continue
        own = singles.get(form)
        if own is not None and found[own].name in position:
            default = position[found[own].name]
        elif len(kept) == 1 and _may_stand_for(form, found[mine[0]], found, singles):
            default = kept[0]
        else:
            default = None
        short_forms.append(ShortForm(form, kept, default))
    with_short = {}
    for sf in short_forms:
        for o in sf.owners:
            with_short.setdefault(o, []).append(sf.form)
    entities = [replace(e, short_forms=tuple(with_short.get(n, ()))) for n, e in enumerate(entities)]
    return Resolved(tuple(entities), tuple(short_forms), frozenset(names), tuple(problems))


def _entity(c: Candidate, folded: Sequence[Candidate]) -> Entity:
    demonyms = tuple(v for f in folded if f.kind == "name" for v in f.variants) if c.kind == "name" else ()
    expansion = c.expansion_of if c.kind == "acronym" else ""
    variants = list(c.variants) + [v for f in folded for v in f.variants]
    if expansion:
        variants.append(expansion)
    aliases = (expansion,) if expansion else ()
    return Entity(c.name, c.kind, tuple(dict.fromkeys(variants)), aliases, c, expansion, demonyms)


@dataclass(frozen=True)
class _Places:
    """The site's single names that may be places (lower case → index), looked up by a demonym's stem."""

    names: dict[str, int]
    by_demonym: dict[str, int]
    """An irregular demonym → the place it belongs to ("french" → France); of two on the site, the one
    `IRREGULAR_DEMONYMS` lists first ("dutch" → the Netherlands rather than Holland)."""
    by_stem: dict[tuple[str, int], list[tuple[str, int]]]
    """(a name less its last one or two letters, how many) → the names, none with a demonym of its own ("France":
    "French", so "Francis" is no demonym of it)."""

    @staticmethod
    def of(names: dict[str, int]) -> _Places:
        by_demonym: dict[str, int] = {}
        for place, demonym in IRREGULAR_DEMONYMS.items():
            if place in names:
                by_demonym.setdefault(demonym, names[place])
        by_stem: dict[tuple[str, int], list[tuple[str, int]]] = {}
        for place, i in names.items():
            if place in IRREGULAR_DEMONYMS:
                continue
            for cut in (1, 2):
                if len(place) > cut:
                    by_stem.setdefault((place[:-cut], cut), []).append((place, i))
        return _Places(names, by_demonym, by_stem)

    def with_stem(self, stem: str, cut: int) -> list[tuple[str, int]]:
        """The places whose name, less its last `cut` letters, is `stem` (none with a demonym of its own)."""
        if cut:
            return self.by_stem.get((stem, cut), [])
        return [(stem, self.names[stem])] if stem in self.names and stem not in IRREGULAR_DEMONYMS else []


def _place_of(word: str, places: _Places) -> int | None:
    """The place a demonym or place adjective belongs to ("Belarusians" → Belarus), if the site has it."""
    low = word.lower()
    forms = [low, low[:-1]] if low.endswith("s") else [low]
    for form in forms:
        if (i := places.by_demonym.get(form)) is not None:
            return i
        for cut in (0, 1, 2):
            for ending in DEMONYM_ENDINGS:
                if cut and ending[0] not in "aeiou":
                    continue  # a consonant ending is only added ("Cuba" → "Cuban"): "Iran" is no demonym of "Iraq"
                if form.endswith(ending) and len(form) - len(ending) >= 3:
                    for place, i in places.with_stem(form[: len(form) - len(ending)], cut):
                        if place != form:
                            return i
    return None


def _compound_demonym(name: str, places: _Places) -> bool:
    """True for a hyphenated pair of demonyms ("Belarusian-Russian", "Indian–British")."""
    parts = re.split(f"[{re.escape(JOINERS)}]", name)
    return len(parts) > 1 and all(_place_of(p, places) is not None or p.lower().endswith(_DEMONYM_LIKE)
                                  for p in parts if p)


def _shortenable(c: Candidate) -> bool:
    """A name that may be shortened to its last word: two or three capitalised words, no connector, opening with
    no direction, month or generic adjective ("New York"), ending in no organisation, event or place word, and in
    no acronym ("Conservative MPs": a group)."""
    words = c.name.split()
    if c.kind != "name" or not 2 <= len(words) <= 3 or any(w in CONNECTORS for w in words):
        return False
    last = words[-1]
    return (
        all(w[:1].isupper() for w in words)
        and words[0].lower() not in NOT_A_NAME | GENERIC_ADJECTIVES
        and last.lower() not in _HEAD_WORDS | TITLES | NOT_A_NAME
        and last.isalpha() and len(last) >= 3 and not last[:-1].isupper()  # no acronym, nor its plural ("MPs")
        and not last.lower().endswith(("ans", "ese"))  # "African Americans", "Japanese": a people, not a person
    )


def is_placed(c: Candidate) -> bool:
    """True when a name's mentions stand after "in", "from"… (or before "-based") often enough to make it a place."""
    return c.placed + c.based >= max(1.0, PLACED_SHARE * c.count)


def _qualifies_a_place(full: Candidate, lone: Candidate | None) -> bool:
    """True when a longer name is a place's name qualified ("Nazi Germany", "East Germany", "Soviet Russia"): its
    last word alone is a place, and the text places the longer name too. The last word alone then means that
    place, never the longer name (unlike "Washington" of "George Washington", whom the text places nowhere)."""
    return lone is not None and full.placed > 0 and is_placed(lone)


def _stands_apart(word: Candidate, full_names: Sequence[Candidate]) -> bool:
    """True when a word that ends full names is also a name of its own: it mostly stands in other articles, and
    never after an honorific ("Jordan" the country beside "Michael Jordan"; not "Blair" beside "Tony Blair")."""
    return word.honorific == 0 and sum(f.together for f in full_names) * 2 <= word.count


def _first_name(word: Candidate, found: Sequence[Candidate], shortenable: set[int]) -> bool:
    """True for a first name: it opens two or more longer names (or opens one of the site's shortenable names),
    and the text places nothing there."""
    if is_placed(word):
        return False
    return word.opens >= 2 or any(found[i].name.split()[0] == word.name for i in shortenable)


def _shared_surname(word: Candidate) -> bool:
    """True for a surname many people share: a title or an honorific goes with it, and most of the full names it
    ends open with other first names than the commonest ("Johnson": Lyndon, Andrew, Boris, Samuel…). Alone it names
    none of them; each full name that is an entry keeps it as a short form."""
    return word.honorific + word.titled > 0 and word.ends_commonest * 2 < word.ends


def _may_stand_for(form: str, full: Candidate, found: Sequence[Candidate], singles: dict[str, int]) -> bool:
    """Whether a lone surname with no antecedent in its article may link to the one full name carrying it: when
    the text uses it alone as a name, opens no other name with it (a first name too) and sets it in no other
    name, and an honorific goes with it or its lone mentions mostly stand in that name's articles."""
    lone = found[singles[form]] if form in singles else None
    if lone is None or lone.opens or lone.inside > full.count:
        return False  # no name alone ("bill", "lectures"), a first name too ("John"), or in other names too
    return lone.honorific > 0 or full.together * 2 > lone.count


def _apply_curated(
    entities: list[Entity], entries: Sequence[curated_file.Entry], path: str
) -> tuple[list[Entity], dict[str, curated_file.Entry], list[Problem]]:
    """The curated entries hide, add, rename and join entities."""
    problems: list[Problem] = []
    by_form: dict[str, int] = {}
    for i, e in enumerate(entities):
        for form in (e.name, *e.variants):
            by_form.setdefault(form.casefold(), i)
    taken: set[int] = set()
    hidden: set[int] = set()
    curated: list[Entity] = []
    names: dict[str, curated_file.Entry] = {}
    for entry in entries:
        found = [by_form[f.casefold()] for f in (entry.name, *entry.aliases) if f.casefold() in by_form]
        if entry.hide:
            if not found:
                problems.append(Problem(path, f"entry {entry.name!r} hides a term that was not found"))
            hidden.update(found)
            continue
        joined = [entities[i] for i in dict.fromkeys(found) if i not in taken]
        taken.update(found)
        forms = [entry.name, *entry.aliases] + [v for e in joined for v in e.variants]
        shape = joined[0].shape if joined else ("acronym" if entry.name.isupper() else "phrase")
        aliases = [*entry.aliases, *(e.name for e in joined if e.name != entry.name), *(a for e in joined for a in e.aliases)]
        curated.append(Entity(
            entry.name, shape, tuple(dict.fromkeys(forms)), tuple(dict.fromkeys(a for a in aliases if a != entry.name)),
            joined[0].evidence if joined else None, joined[0].expansion if joined else "",
            tuple(d for e in joined for d in e.demonyms), entry,
        ))
        names[entry.name] = entry
    kept = [e for i, e in enumerate(entities) if i not in taken and i not in hidden]
    return kept + curated, names, problems
