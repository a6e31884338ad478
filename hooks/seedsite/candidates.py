"""Candidates, the glossary's first step: the articles' own text → candidate terms with the evidence for each, in
a few linear passes over the corpus. `resolve` then makes one entry per entity of them.

Five kinds of candidate, each kept only on evidence. "Enough mentions" scales with the corpus: one in a corpus
of up to 9 articles, two up to 99, three up to 999, and so on (`min_mentions`), so a small site lists every
name it holds while a large one keeps to the terms that recur; in a corpus of ten or more articles a name must
also be mentioned in two articles, or three times as often as the minimum.

- **Names**: runs of capitalised words ("Union State", "Great Patriotic War", "Alexander Lukashenko"), which may
  hold lower-case connectors ("Head of State", "Leonardo da Vinci"). A sentence opens at a paragraph's start,
  after a sentence end, after a dash and a space ("FRANKFURT (Reuters) — The bank raised rates") and after an
  opening quote or bracket ('he called it "Significant progress"'). A run that opens a sentence loses its first
  word when that word is a function word or is seen in lower case elsewhere ("The", "However", "Over", "It"),
  unless the whole run is also seen inside a sentence and that word is no function word ("North Korea", "New
  York"); a one-word run that opens a sentence is no evidence at all. An honorific ("Mr Blair") or a title
  ("Trade and Industry Secretary Patricia Hewitt", "President Putin") before a name is no part of it: it is
  counted as evidence that the name is a person's. Contractions ("I'm", "Don't") are never names. A single word
  is a name only when it is (almost) never written in lower case in the corpus, is not a function word, month,
  weekday (nor their abbreviations and plurals: "Oct", "Mondays") or direction ("Belarus", "Moscow", not
  "President" when "presidents" occurs), and is no abbreviation: a word followed by a period (almost) wherever it
  occurs, at least once by a period that ends no sentence ("Oct. 5", "Springfield, Ill., police").
- **Quoted terms**: two to four words in double quotes ("friendly economy", "clock reconciliation"): quoting is
  the author's sign of a term, so a quoted phrase needs only one mention in a small corpus. A quoted single word
  ("delighted") is an ordinary word in quotes, and so is a quoted clause (a common verb, an -ly adverb or a
  pronoun in it). An opening quote is followed by a non-space and a closing one preceded by one, so the text
  between two quotations ('"…," Smith said. "…"') is never read as a quoted term.
- **Recurring phrases**: two lower-case content words (no function word, common verb, -ly adverb or generic
  adjective) that recur (one more mention than a name, and at least two) and belong together: the pair is at
  least 32 times likelier than chance (pointwise mutual information ≥ 5 bits), as "foreign policy" is and "small
  child" is not.
- **Defined concepts**: one to three words opening a sentence that defines them ("Import substitution means …",
  "Импортозамещение означает …"): the author's definition makes them a term from one mention.
- **Acronyms**: two to six capitals ("NATO", "EAEU", "CDC"; not a well-formed Roman numeral: "II", "XIV"),
  kept with the mentions a name needs (at least two), or from one when the text expands it ("Union State
  (US)").

Forms of one word sequence are pooled before they are weighed: possessives, case, and every inflection that
stems alike (`stems.key`: "friendly economies" and "friendly economy", "Владимира Путина" and "Владимир
Путин"); the most frequent form names the candidate. Only maximal runs are counted, so a fragment of a longer
name ("Patriotic War") is a candidate only where it also stands alone; how often a word stands inside longer
names, or opens them, is kept as evidence for `resolve` (fragments and first names are no terms).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from . import stems
from .language import RUSSIAN
from .match import JOINERS
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
    possible particular general special significant strong final total following previous recent close""".split()
)
"""Adjectives too general to open a recurring phrase ("new method", "central role")."""

CONNECTORS = ("of", "the", "de", "da", "di", "del", "della", "du", "des", "la", "le", "von", "van", "der", "den")
"""Lower-case words that may join capitalised words inside a name."""

HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame lord lady mme mlle herr frau".split())
"""Words before a name that say a person is meant ("Mr Blair"); never part of the name."""

ROLES = frozenset(
    """president minister secretary chancellor chairman chairwoman chair chief executive director governor
    senator congressman congresswoman mayor judge justice coach manager captain king queen prince princess pope
    ambassador commissioner general admiral colonel lieutenant sergeant inspector detective officer spokesman
    spokeswoman spokesperson leader boss founder head editor professor archbishop bishop cardinal rabbi imam
    sheikh ayatollah emperor chairperson treasurer attorney counsel premier envoy presenter host singer actor
    actress star striker midfielder defender goalkeeper winger skipper champion player rapper guitarist drummer
    producer writer author novelist economist analyst philosopher scientist physicist chemist mathematician
    composer painter poet artist musician engineer inventor businessman businesswoman entrepreneur politician
    statesman lawyer soldier explorer astronomer biologist historian architect sculptor dancer comedian filmmaker
    journalist priest monk theologian teacher physician surgeon psychologist banker industrialist pianist
    violinist conductor tenor soprano boxer footballer cricketer golfer cyclist athlete swimmer sprinter pilot
    astronaut aviator saint activist campaigner designer photographer broadcaster commentator entertainer
    illustrator screenwriter playwright songwriter vocalist bassist polymath naturalist demographer scholar
    diplomat""".split()
)
"""Role nouns: the word of a title that stands next to a person's name ("Secretary", "player")."""

ORGANISATION_ROLES = frozenset(
    """firm company giant maker carmaker retailer bank airline carrier manufacturer producer operator chain
    broadcaster network club side team band group label studio newspaper publisher agency charity party
    union regulator watchdog website site service provider supplier developer insurer lender brewer outfit
    organisation organization body institute university college school museum channel station magazine""".split()
)
"""Lower-case nouns that name what an organisation is, before its name ("software giant Microsoft", "Premiership
side Chelsea", "rock band U2")."""

PLACE_ROLES = frozenset("city town village province state country island port county district republic resort".split())
"""Lower-case nouns that name what a place is ("the French city of Lyon"; not "the capital of Ukraine", which
names what Ukraine has)."""

TITLES = ROLES | frozenset(
    """vice deputy prime foreign home trade industry culture health defence defense education interior finance
    transport energy environment sports media shadow former acting interim""".split()
)
"""Words of a person's title or role ("Trade and Industry Secretary Patricia Hewitt", "tennis player Lleyton
Hewitt"): a run of capitalised words made of them and then a name is the title and the name. Those not in
`ROLES` only qualify a role ("former", "Foreign")."""

PERSONAL_TITLES = frozenset(
    """president senator governor mayor judge justice chancellor chairman king queen prince princess pope
    sheikh ayatollah emperor coach captain inspector detective sergeant professor archbishop bishop cardinal
    rabbi imam premier""".split()
)
"""Titles that may stand before a surname alone ("President Putin"; not "General Motors")."""

ORGANISATION_WORDS = frozenset(
    """party bank union council ministry inc ltd plc corp corporation group fc club association committee
    commission university agency company institute federation organisation organization department office
    service services court parliament government assembly airlines airways motors records studios police army
    navy times post news league board foundation trust society museum church school college centre center
    network channel television radio press fund exchange authority alliance coalition movement front
    congress senate cabinet administration industries holdings partners media entertainment pictures games
    electronics systems technologies communications telecom energy oil petroleum reserve treasury house palace
    hall tower theatre theater hotel prize medal bbc state united rovers athletic wanderers albion hotspur
    force forces corps guard library encyclopedia encyclopaedia dictionary journal magazine review gazette
    herald tribune archives archive institution project academy orchestra gallery bureau regiment brigade laboratory
    laboratories conservatory seminary commons encyclopædia""".split()
)
"""Head words of an organisation's name ("Labour Party", "Bank of England", "Manchester United FC")."""

EVENT_WORDS = frozenset(
    """war wars games cup championship championships olympics olympic festival awards award election elections
    summit conference revolution crisis open marathon prix trophy tour series forum show final finals derby
    day week year season tournament match race grand slam oscars baftas grammys expo fair treaty agreement
    accord act plan programme program campaign international classic masters lecture lectures battle siege
    uprising rebellion massacre invasion blockade coup speech depression ages convention test""".split()
)
"""Head words of an event's name ("Great Patriotic War", "Australian Open", "World Cup")."""

PLACE_WORDS = frozenset(
    """city island islands river mountain mountains lake sea ocean street road square county province region
    republic kingdom states valley bay coast park airport stadium village town district peninsula desert
    gulf strait canal bridge station empire harbor harbour cathedral abbey mosque monastery canyon falls
    heights commonwealth""".split()
)
"""Head words of a place's name ("Kingdom", "Red Square")."""

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
_JOIN_WORDS = re.escape(JOINERS)
_CAP_WORD = rf"[{_UP}][\w'’]*(?:[{_JOIN_WORDS}][\w'’]+)*"  # "Austria-Hungary", "Spanish–American War"
_GAP = r"[ \t\u00a0]+"
_JOIN = rf"{_GAP}(?:(?:{'|'.join(CONNECTORS)}|[{_UP}]\.){_GAP})*"  # "Head of State", "John F. Kennedy"
_NAME_RUN = re.compile(rf"(?=[{_UP}])(?<![\w{_JOIN_WORDS}.])(?:[{_UP}]\.{_GAP})*{_CAP_WORD}(?:{_JOIN}{_CAP_WORD})*")
_SENTENCE_MARKS = (".", "!", "?", "…", ":", ";", "—", "–")
"""What may end the sentence before a run that opens one (`opens_sentence`), with a colon, a semicolon, a dash."""
_CLOSING_MARKS = "\"”’)]"
_OPENING_MARKS = "\"“‘«„(["
_MARKS_BEFORE = " \t" + _CLOSING_MARKS + "".join(_SENTENCE_MARKS)
"""A run after a space after none of these is inside a sentence, after no honorific (`_name_runs`)."""
_INITIAL = re.compile(rf"[{_UP}]\.")
_CONTRACTION = re.compile(r"['’](?:ve|m|d|ll|re|t)$|n['’]t$", re.IGNORECASE)
_EDGE = "\"'“”‘’«»()[]{}.,;:!?…—–-*/"
_QUOTED = re.compile(r"[\"“«„](?=\S)([^\"“”«»„\n]{2,60}?)(?<=\S)[\"”»“]")
"""A quotation: an opening quote before a non-space, a closing one after a non-space."""
_EXPANSION = re.compile(r"\(([A-Z][A-Z0-9&]{1,5})\)")
_ACRONYM = re.compile(r"[A-Z](?<![\w\-].)[A-Z0-9&]{1,5}(?![\w\-]|\.\w\.)")  # not "LL" of "LL.D."
_SHOUTING = re.compile(r"[A-Z][A-Z]+(?:[ \t]+[A-Z]{2,}){2,}")  # "UNIVERSITY OF OXFORD": capitals, not acronyms
"""(Both patterns open with a plain capital, and `_ACRONYM` looks behind it only then: `re` scans quickly for a
pattern's first character, but tries a pattern opening with a look-behind or a repeat at every position.)"""
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
"""A well-formed Roman numeral ("II", "XIV", "MCM"; not "CDC", "DVD"), matched whole."""
_LOW = _class(lambda ch: ch.isalpha() and ch.islower())
_LOWER_PAIR = re.compile(rf"[\s(\[\"“‘«](?=([{_LOW}]{{3,}} [{_LOW}]{{3,}})[{re.escape(_EDGE)}]*(?!\S))")
"""Two lower-case words and the space between them: the first a whole token or after an opening bracket or quote,
the second with punctuation after it at most. (The character before the first is part of the match, not looked
behind at: `re` then tries only the positions after such a character, and the search is a fifth quicker. A text
starts with a line break: `_texts`. The pair is one string, not a tuple of two: counted a third quicker.)"""
_JOINING = (" and ", " & ", " for the ")
_JOINED_BEFORE = re.compile(rf"([{_UP}][\w'’]*)[ \t]+(?:and|&|for[ \t]+the)[ \t]+$")
"""A capitalised word and what joins a run to it: the run may end a longer name ("Rock and Roll Hall of Fame",
"Bosnia and Herzegovina", "British Association for the Advancement of Science")."""
_JOINED_AFTER = re.compile(rf"[ \t]+(?:and|&|for[ \t]+the)[ \t]+[{_UP}]")
_ABBREVIATION_DOT = re.compile(rf"\.[ \t]*[{_LOW}0-9,;:)]")
"""A period that ends no sentence, after the word it abbreviates ("Oct. 5", "Springfield, Ill., police")."""



_HONORIFIC_DOT = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Mx|St)\.[ \t]+$")
"""An honorific with its period just before a run ("Mr. Blair"): no sentence ends there."""
_DEFINED = re.compile(
    rf"(?:^|[.!?…]\s+)([{_UP}][{_LOW}\-]+(?:[ \t]+[{_LOW}][{_LOW}\-]+){{0,2}})"
    r"[ \t]+(?:means(?![ \t]+that\b)|refers[ \t]+to|is[ \t]+defined[ \t]+as|is[ \t]+the[ \t]+term[ \t]+for|"
    r"означает|—[ \t]*это|называется|называют)",
    re.MULTILINE,
)
"""A sentence that opens with one to three words and defines them ("Import substitution means …")."""
_DEFINING_WORDS = ("means", "refers", "defined", "term", "означает", "это", "называ")
"""A word of each of `_DEFINED`'s cues: a text without any holds no definition (no need to search it)."""
PLACE_PREPOSITIONS = (" in ", " from ", " near ", " across ", " throughout ", " visit to ", " trip to ", " в ",
                       " во ", " из ", " около ")
"""Words before a place's name."""
RUSSIAN_ADJECTIVE_ENDINGS = ("ое", "ая", "ый", "ий", "ой", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом",
                             "ем", "ую", "юю", "ых", "их", "ыми", "ими", "яя")
"""Endings of a Russian adjective: a capitalised one before a lower-case noun opens a name ("Союзное
государство", "Великая Отечественная война")."""
_CYRILLIC_ADJECTIVE_END = frozenset("еяйюхмоиу")
_CYRILLIC_VOWELS = "аяоеёиыуюьй"
"""A Russian noun's ending in its nominative, if any ("Встреча": "встреч")."""
_RUSSIAN_NOUN_AFTER = re.compile(r" ([а-яё]{3,})\b")
_NUMBER_AFTER = re.compile(r"[ \t]\d")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
"""An acronym's plural ("MPs"): no name of its own."""
_BASED = re.compile(rf"([{_UP}][\w'’]+)-based\b")
"""A place before "-based" ("a London-based firm")."""


@dataclass(frozen=True)
class Candidate:
    """A term found in the text, with the evidence for it."""

    name: str
    """The most frequent of its forms."""
    kind: str
    """Its shape: `name` (capitalised words), `phrase` (lower-case words) or `acronym`."""
    variants: tuple[str, ...]
    """Surface forms that mention it (the name first): its inflections and possessives as the text has them."""
    count: int
    """Occurrences that count as evidence."""
    spread: int = 1
    """Articles it occurs in."""
    quoted: bool = False
    expansion_of: str = ""
    """For an acronym: the name it abbreviates, when the text gives it."""
    defined: bool = False
    """A sentence of the text opens with it and defines it ("X means …")."""
    honorific: int = 0
    """Times it follows an honorific ("Mr Blair"): a person's surname."""
    titled: int = 0
    """Times it follows a title ("Secretary Patricia Hewitt"): a person."""
    inside: int = 0
    """For a single word: times it stands inside a longer name ("Hodgson" in "Frances Hodgson Burnett")."""
    opens: int = 0
    """For a single word: how many different longer names open with it ("David" of "David Frost", "David
    Beckham")."""
    together: int = 0
    """For a longer name: mentions of its last word alone in the articles that hold the name ("Lukashenko" in the
    articles naming "Alexander Lukashenko")."""
    based: int = 0
    """Times it comes before "-based" ("a London-based firm"): a place."""
    placed: int = 0
    """Times it follows "in", "from", "near", "across", "throughout", "visit to" or "trip to": a place."""
    ends: int = 0
    """For a single word: times it ends a person's name of two or three words ("Lyndon Johnson", "Andrew Johnson",
    "Boris Johnson")."""
    ends_commonest: int = 0
    """Of those, the times with the commonest first word ("Lyndon"): a surname that many people share (most of
    its full names open otherwise) names none of them alone."""


@dataclass(frozen=True)
class Words:
    """What the glossary needs of the corpus's lower-case text (`word_counts`): counted apart from the names, so
    another process may count it meanwhile."""

    lower: Counter
    """Lower-case word (cleaned of punctuation at its edges) → occurrences."""
    phrases: Counter
    """Pairs of adjacent lower-case words of three letters or more that recur ("foreign policy") → occurrences."""
    bound: dict[str, int]
    """Lower-case word → its occurrences after its commonest left neighbour (no function word)."""
    phrase_pools: dict[str, dict[str, int]]
    """The phrases grouped by what they stem to (`_pools`)."""

    @functools.cached_property
    def total(self) -> int:
        """Lower-case words in all."""
        return sum(self.lower.values())

    @functools.cached_property
    def cyrillic_cut(self) -> frozenset[str]:
        """The lower-case Cyrillic words without their last one to three letters, and whole (none on a site in a
        Latin script): a noun's stem is among them if the text declines it ("визит" of "визитом", "встреч" of
        "встрече")."""
        return frozenset(w[: len(w) - k] for w in self.lower if stems.cyrillic(w) for k in range(4))


@dataclass
class Marked:
    """What the text marks as a term (`count_marked`): quoted terms, defined concepts, acronyms and what they stand
    for, places before "-based". It needs no names, so another process may count it meanwhile."""

    quoted: Counter = field(default_factory=Counter)
    defined: Counter = field(default_factory=Counter)
    acronyms: Counter = field(default_factory=Counter)
    based: Counter = field(default_factory=Counter)
    expansions: dict[str, Counter] = field(default_factory=dict)
    """Acronym → the expansions the text gives it → times."""
    spread: Counter = field(default_factory=Counter)
    """Each of the above → the articles it is in."""


@dataclass
class _Evidence:
    """Corpus-wide counts, each a Counter of surface form → occurrences."""

    names: Counter
    single_opening: Counter
    capital: Counter
    spread: Counter
    dotted: Counter
    """Runs of capitalised words directly followed by a period."""
    abbreviated: Counter
    """Runs of capitalised words followed by a period that ends no sentence."""
    together: Counter
    """Multi-word names → mentions of their last word alone in the articles that hold the name."""
    honorific: Counter
    titled: Counter
    inside: Counter
    opens: Counter
    placed: Counter
    numbered: Counter
    """Runs of capitalised words directly followed by a number ("Billboard Hot 100", "Apollo 11")."""
    surnames: dict[str, Counter]
    """Last word of a person's name of two or three words → its first word's stem → occurrences."""
    text: Words = field(default_factory=lambda: Words(Counter(), Counter(), {}, {}))
    """The lower-case words (`word_counts`), once counted."""
    marked: Marked = field(default_factory=Marked)
    """What the text marks as terms (`count_marked`), once counted."""
    joined: dict[str, Counter] = field(default_factory=dict)
    """Runs after a capitalised word and "and", "&" or "for the" → that word (lower case) → occurrences."""
    joins: Counter = field(default_factory=Counter)
    """Runs followed by "and", "&" or "for the" and a capitalised word."""


def min_mentions(article_count: int) -> int:
    """Mentions a name needs: 1 for up to 9 articles, 2 up to 99, 3 up to 999, …"""
    return 1 + int(math.log10(max(article_count, 1)))


def candidates(articles: Sequence[Article], words: Callable[[], Words] | None = None) -> list[Candidate]:
    """Every candidate term in the corpus, each once, sorted by name. `words`: a function that returns the
    corpus's `word_counts` (by default, counted here), called once the names and what the text marks as terms are
    counted."""
    evidence = _Evidence(*(Counter() for _ in range(13)), surnames={})
    found = [_name_runs(text, evidence) for text in _texts(articles)]
    runs: Counter[tuple[bool, str]] = Counter()  # (opens a sentence, run of capitalised words) → occurrences
    for mine in found:
        runs.update(mine)
    per_article = [Counter(mine) for mine in found]
    marked = count_marked(articles)  # (first: another process may be counting the words meanwhile)
    _count_names(runs, per_article, evidence, words() if words is not None else word_counts(articles))
    evidence.marked = marked
    evidence.spread.update(marked.spread)
    return _select(evidence, len(articles))


def _texts(articles: Sequence[Article]) -> list[str]:
    return ["\n" + "\n".join(article.paragraphs) for article in articles]  # a paragraph's first word opens a sentence


def word_counts(articles: Sequence[Article]) -> Words:
    """The corpus's lower-case words (tokens cleaned of punctuation at their edges), and the pairs of lower-case
    words of three letters or more, a space apart, that recur (the second may end in punctuation)."""
    texts = _texts(articles)
    # One pass over the texts per count: a quarter quicker than all counts in one pass, each large Counter
    # staying in the processor's cache.
    tokens: Counter[str] = Counter()
    for text in texts:
        tokens.update(text.split())
    pairs: Counter[str] = Counter()
    for text in texts:
        pairs.update(_LOWER_PAIR.findall(text))  # no phrase spans two articles
    lower: Counter[str] = Counter()
    for token, count in tokens.items():
        word = token.strip(_EDGE)
        if word.isalpha() and word.islower():
            lower[word] += count
    phrases: Counter[str] = Counter()
    bound: dict[str, int] = {}
    for phrase, count in pairs.items():
        if count >= 2:
            phrases[phrase] = count
            left, right = phrase.split(" ")
            if count > bound.get(right, 0) and left not in FUNCTION_WORDS:
                bound[right] = count
    return Words(lower, phrases, bound, _pools(phrases, _pair_key))


def _pair_key(phrase: str) -> str:
    """`stems.key` of two words and a space, from their stems (each word's cached)."""
    left, right = phrase.split(" ")
    return f"{stems.stem(left)} {stems.stem(right)}"


def _name_runs(text: str, ev: _Evidence) -> list[tuple[bool, str]]:
    """(opens a sentence, run) for each run of capitalised words in `text`; counts the runs followed by a period.
    A run after "Mr." is marked by keeping the honorific in it ("Mr Blair")."""
    found = []
    for m in _NAME_RUN.finditer(text):
        start, end = m.span()
        run = m.group()
        if run[-1] in _CYRILLIC_ADJECTIVE_END and (noun := _RUSSIAN_NOUN_AFTER.match(text, end)):
            if run.rsplit(" ", 1)[-1].lower().endswith(RUSSIAN_ADJECTIVE_ENDINGS) and not RUSSIAN.is_verb(noun.group(1)):
                run, end = run + " " + noun.group(1), noun.end()  # "Союзное государство", not "Газпром подтвердил"
        if text[start - 1] == " " and text[start - 2] not in _MARKS_BEFORE:
            opening, honorific = False, None  # mid-sentence, as most runs are: nothing before it to look through
        else:
            window = text[max(0, start - 40) : start]
            honorific = _HONORIFIC_DOT.search(window) if window.endswith(". ") else None
            opening = not honorific and opens_sentence(window)
        if honorific:
            found.append((False, honorific.group().strip()[:-1] + " " + run))
        elif run.count(" ") == 2 and stems.cyrillic(run) and (title := _titled_place(text, start, run)):
            place, name = run.split(" ", 1)  # "министр энергетики России Николай Шульгинов": the place is the title's
            found += ((False, place), (False, f"{title} {name}"))
        else:
            found.append((opening, run))
            if text.endswith(PLACE_PREPOSITIONS, 0, start):
                ev.placed[run] += 1
            elif text.endswith(_JOINING, 0, start) and (joined := _JOINED_BEFORE.search(text, max(0, start - 40),
                                                                                          start)):
                ev.joined.setdefault(_plain(run), Counter())[joined.group(1).lower()] += 1
            if text.startswith(_JOINING, end) and _JOINED_AFTER.match(text, end):
                ev.joins[_plain(run)] += 1
                if opening and " " in run:  # ("The Rock and Roll …": the name may be the run but its first word)
                    ev.joins[_plain(run.split(" ", 1)[1])] += 1
        if _NUMBER_AFTER.match(text, end):  # "Billboard Hot 100": the name holds the number
            ev.numbered[run] += 1
        if text.startswith(".", end):  # about one run in ten
            ev.dotted[run] += 1
            if _ABBREVIATION_DOT.match(text, end):
                ev.abbreviated[run] += 1
    return found


def _titled_place(text: str, start: int, run: str) -> str:
    """For a run of three Cyrillic words (at `start` in `text`) after a Russian title and up to three lower-case
    words ("президентом Белоруссии Александром Лукашенко", "Председатель правительства России Михаил Мишустин"), the
    title word, capitalised (the run is a place, then a person's name); else "". A middle word that is a patronymic
    makes the run a name of its own ("Александр Григорьевич Лукашенко")."""
    if run.split(" ", 2)[1].lower().endswith(_PATRONYMIC):
        return ""
    title = _RUSSIAN_TITLE_BEFORE.search(text[max(0, start - 40) : start].lower())
    return title.group(1).capitalize() if title else ""


def opens_sentence(before: str) -> bool:
    """Whether a run after `before` opens a sentence: `before` ends with a line break, or with a sentence mark, any
    closing quotes or brackets and a space or tab ('." The', "— The"); either then with any opening quotes or brackets
    ('he called it: "Significant')."""
    before = before.rstrip(_OPENING_MARKS)
    if before.endswith("\n"):
        return True
    spaced = before.rstrip(" \t")
    return len(spaced) < len(before) and spaced.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_MARKS)


def _count_names(runs: Counter, per_article: Sequence[Counter], ev: _Evidence, words: Words) -> None:
    """Names from the runs of capitalised words, once the whole corpus's lower-case `words` are known."""
    ev.text = words
    capital: dict[str, int] = {}  # (each word of each run once, then each word without its possessive)
    for (opening, run), count in runs.items():
        for word in run.split()[1 if opening else 0 :]:
            capital[word] = capital.get(word, 0) + count
    for word, count in capital.items():
        if word not in CONNECTORS:
            ev.capital[_plain(word)] += count
    trimmed: dict[tuple[bool, str], str] = {}  # run → its name, or ""
    longer: set[str] = set()
    for (opening, run), count in runs.items():
        inside = opening and " " in run and (False, run) in runs  # the whole run is also seen inside a sentence
        found = _trim_run(run, opening, words, inside)
        trimmed[(opening, run)] = found[0] if found else ""
        if not found:
            continue
        name, evidence, honorific, titled = found
        (ev.names if evidence else ev.single_opening)[name] += count
        if honorific:
            ev.honorific[name] += count
        if titled:
            ev.titled[name] += count
        if " " in name:
            longer.add(name)
            for word in name.split():
                ev.inside[word] += count
    person_like: dict[str, bool] = {}
    for name in longer:
        words = name.split()
        ev.opens[words[0]] += 1
        if len(words) > 3:
            continue
        if (person := person_like.get(words[0])) is None:
            person = person_like[words[0]] = _person_like(words[0])
        if person:
            if (firsts := ev.surnames.get(words[-1])) is None:
                firsts = ev.surnames[words[-1]] = Counter()
            firsts[stems.stem(words[0])] += ev.names[name]  # ("Владимира")
    keyed: dict[str, str] = {}  # word → `stems.surname_key` ("Мишустин", "Мишустина": one)
    for keys in per_article:
        names: dict[str, int] = {}  # (plain dictionaries: most of an article's names are new to it)
        for key, count in keys.items():
            name = trimmed[key]
            names[name] = names.get(name, 0) + count
        names.pop("", None)
        ev.spread.update(names.keys())
        alone: dict[str, int] | None = None  # single words by their surname key
        for name in names:
            if " " in name:
                if alone is None:
                    alone = {}
                    for single, count in names.items():
                        if " " not in single:
                            if (k := keyed.get(single)) is None:
                                k = keyed[single] = stems.surname_key(single)
                            alone[k] = alone.get(k, 0) + count
                last = name[name.rfind(" ") + 1 :]
                if (k := keyed.get(last)) is None:
                    k = keyed[last] = stems.surname_key(last)
                if together := alone.get(k):
                    ev.together[name] += together


def count_marked(articles: Sequence[Article]) -> Marked:
    """What the corpus's text marks as terms."""
    marked = Marked()
    for text in _texts(articles):
        _count_marked(text, marked)
    return marked


def _count_marked(text: str, ev: Marked) -> None:
    """Quoted terms, defined concepts, acronyms and acronym expansions, places before "-based"."""
    seen: set[str] = set()
    for match in _QUOTED.finditer(text):
        term = _quoted_term(match.group(1))
        if term:
            ev.quoted[term] += 1
            seen.add(term)
    for match in _DEFINED.finditer(text) if any(word in text for word in _DEFINING_WORDS) else ():
        term = _defined_term(match.group(1))
        if term:
            ev.defined[term] += 1
            seen.add(term)
    acronyms = Counter(_ACRONYM.findall(text))
    for run in _SHOUTING.finditer(text) if acronyms else ():  # capitals in a row are shouting, not acronyms
        acronyms.subtract(_ACRONYM.findall(text, *run.span()))
    for acronym, count in acronyms.items():
        if count > 0 and not _ROMAN.fullmatch(acronym):
            ev.acronyms[acronym] += count
            seen.add(acronym)
    for acronym, expansion in spelled_out(text):
        ev.expansions.setdefault(acronym, Counter())[expansion] += 1
    if "-based" in text:
        ev.based.update(_BASED.findall(text))
    ev.spread.update(seen)


def _trim_run(run: str, opening: bool, text: Words, inside: bool = False) -> tuple[str, bool, bool, bool] | None:
    """(name, evidence, after an honorific, after a title) for a run of capitalised words: possessive dropped,
    a sentence opener trimmed unless the run is also seen `inside` a sentence and its first word is no function
    word ("New York", "North Korea"), an honorific or a title before a name dropped. `evidence` is False for a
    lone word that opens a sentence (it may still be a name seen elsewhere)."""
    words = run.split()
    if _CONTRACTION.search(words[0]) or _CONTRACTION.search(words[-1]):  # "I've", "It'd", "Don't"
        return None
    honorific = words[0].lower().rstrip(".") in HONORIFICS and len(words) > 1
    if honorific:  # "Mr Frost of the BCC": the person is "Frost"
        words, opening = words[1:], False
        cut = next((i for i, w in enumerate(words) if w in CONNECTORS), len(words))
        words = words[:cut] or words
    first = words[0].lower()
    if opening and (first in FUNCTION_WORDS or not inside and (first in NOT_A_NAME or _seen_lower(words[0], text))):
        words = words[1:]
        while words and words[0] in CONNECTORS:
            words = words[1:]
        opening = False
    while words and (words[-1].lower() in FUNCTION_WORDS or _INITIAL.fullmatch(words[-1])):
        if words[-1] == "May" and (honorific and len(words) == 1 or len(words) > 1 and _person_like(words[-2])):
            break  # a surname, never the verb inside a name: "Theresa May", "Mrs May"
        if _INITIAL.fullmatch(words[-1]) and words[-1][0] in "IVX" and len(words) > 1:
            words = words[:-1] + [words[-1][0]]  # "World War I." at the end of a sentence
            break
        words = words[:-1]  # "Chanel No" (from "Chanel No. 5"), a trailing initial
    words, titled = _untitled(words)
    if not words or _ACRONYM.fullmatch(words[0]) and len(words) == 1:
        return None
    name = _plain(" ".join(words))
    return name, not (opening and len(words) == 1), honorific, titled


def _untitled(words: list[str]) -> tuple[list[str], bool]:
    """The name after a title that opens the run, and whether there was one ("Industry Secretary Patricia Hewitt"
    → "Patricia Hewitt"; "President Putin" → "Putin"; "President of Belarus Alexander Lukashenko" → "Alexander
    Lukashenko"). The name is one to three capitalised words ending in no organisation, event or place word
    ("General Motors" keeps its name); after a title with more words in it ("of Belarus"), its last two (three
    with a middle initial)."""
    start = next((i for i, word in enumerate(words[:-1]) if is_title(word)), -1)
    if start < 0:
        return words, False
    end = start
    while end < len(words) - 1 and (is_title(words[end]) or words[end] in CONNECTORS or words[end] == "and"):
        end += 1
    if words[end - 1] in CONNECTORS:  # "President of Belarus": the place is part of the title
        end += 1
    rest = words[end:]
    if not rest:
        return words, False
    if len(rest) == 3 and stems.cyrillic(rest[0]) and not rest[1].lower().endswith(_PATRONYMIC):
        rest = rest[1:]  # "Президент Беларуси Александр Лукашенко": the country is part of the title
    if len(rest) > 3 or any(w in CONNECTORS for w in rest):
        rest = rest[-3:] if len(rest) >= 3 and len(rest[-2].rstrip(".")) == 1 else rest[-2:]
        if any(w in CONNECTORS for w in rest):
            return words, False
    if _plain(rest[-1]).lower() in _HEAD_WORDS or all(is_title(w) for w in rest):
        return words, False
    if len(rest) == 1 and words[end - 1].lower() not in PERSONAL_TITLES:
        return words, False
    return rest, True


_PATRONYMIC = ("вич", "вна", "ична", "ича", "вича", "вны", "вной", "вичем", "вичу", "віч", "віча", "вічам", "ўна", "ўны",
               "івна", "івни")
"""Endings of a Russian, Belarusian or Ukrainian patronymic ("Григорьевич", "Рыгоравіч", "Петрівна"), the middle
of a three-word name."""

RUSSIAN_TITLES = ("президент", "премьер", "министр", "глав", "председател", "губернатор", "мэр", "посол",
                  "генсек", "лидер", "спикер", "директор", "замминистр", "вице", "канцлер", "король",
                  "прэзідэнт", "прэм'ер", "прэм’ер", "міністр", "старшын", "кіраўнік", "губернатар", "пасол",
                  "лідар", "дырэктар", "кароль", "прем'єр", "прем’єр", "спікер")
"""Stems of Russian, Belarusian and Ukrainian title words, each then in any case (`_CASE_ENDINGS`: "Президента",
"министром", "прэзідэнтам", "Прем'єр-міністр"), but not the start of a surname ("Головченко", "Главацкий")."""
_CASE_ENDINGS = frozenset(("", "а", "я", "у", "ю", "е", "і", "ы", "и", "ь", "ом", "ем", "ам", "ям", "ой", "ей", "ёй",
                           "ою", "ею", "ов", "ев", "ах", "ях", "ами", "ями", "ові", "еві"))
RUSSIAN_TITLES_NOMINATIVE = (
    "президент", "вице-президент", "премьер-министр", "премьер", "вице-премьер", "министр", "замминистра",
    "глава", "председатель", "губернатор", "мэр", "посол", "генсек", "генеральный секретарь", "лидер", "спикер",
    "директор", "канцлер", "король", "королева",
    "прэзідэнт", "прэм'ер-міністр", "прэм’ер-міністр", "міністр", "старшыня", "кіраўнік", "пасол",
    "прем'єр-міністр", "прем’єр-міністр", "голова", "спікер")
"""The same titles in the nominative, as a definition reads them ("Президент России")."""
CYRILLIC_LOWER = "а-яёіўїєґ'’"
"""Lower-case letters of Russian, Belarusian and Ukrainian words (and an apostrophe), for a character class."""
_RUSSIAN_TITLE_BEFORE = re.compile(
    rf"(?<![{CYRILLIC_LOWER}])((?:{'|'.join(RUSSIAN_TITLES)})[{CYRILLIC_LOWER}-]*)(?:[ \t]+[{CYRILLIC_LOWER}]+){{0,3}}[ \t]+$")


def is_title(word: str, roles: frozenset[str] = TITLES) -> bool:
    """True for a word of a person's title or role ("Secretary", "former", "Президента"); with `roles=ROLES`,
    only for a role noun ("Secretary", not "former")."""
    low = word.lower().rstrip(".")
    if low in roles or not stems.cyrillic(low):
        return low in roles
    head = low.split("-", 1)[0]  # "премьер-министром", "вице-президент"
    return any(head.startswith(stem) and head[len(stem) :] in _CASE_ENDINGS for stem in RUSSIAN_TITLES)


_HEAD_WORDS = ORGANISATION_WORDS | EVENT_WORDS | PLACE_WORDS


def _plain(word: str) -> str:
    """The word without a possessive ending: "Lukashenko's" → "Lukashenko", "Jones'" → "Jones"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("s'", "s’")) else word


def _seen_lower(word: str, text: Words) -> bool:
    """Whether `word` is written in lower case too (or its plural, or its singular); a Cyrillic noun in any case
    ("Визит Мишустина" opening a sentence, "с рабочим визитом" in another): Russian declines it."""
    plain, lower = _plain(word).lower(), text.lower
    if lower[plain] or lower[plain + "s"] or (plain.endswith("s") and lower[plain[:-1]]):
        return True
    if not stems.cyrillic(plain) or plain.endswith(RUSSIAN_ADJECTIVE_ENDINGS) or is_title(plain):
        return False  # (a title opening a sentence goes with the name after it: `_untitled`)
    stem = plain.rstrip(_CYRILLIC_VOWELS)
    return len(stem) >= 4 and stem in text.cyrillic_cut


def _quoted_term(inner: str) -> str:
    """The term a quotation holds: two to four words naming something, or '' (a single word, a clause)."""
    words = inner.strip().rstrip(".,;:!?…").split()
    while words and words[0].lower() in ("a", "an", "the"):
        words.pop(0)
    if not 2 <= len(words) <= 4 or not all(any(ch.isalpha() for ch in w) for w in words):
        return ""
    low = [w.lower().strip(_EDGE) for w in words]
    if low[0] in FUNCTION_WORDS or low[-1] in FUNCTION_WORDS:
        return ""
    if any(w in COMMON_VERBS or w.endswith("ly") and w not in LY_WORDS or _CONTRACTION.search(w) for w in low):
        return ""
    if sum(w in FUNCTION_WORDS for w in low) * 2 >= len(low):  # "not at all", "out of it"
        return ""
    sentence_like = words[0][:1].isupper() and all(w[:1].islower() for w in words[1:])
    if len(words) >= 3 and sentence_like and any(w in FUNCTION_WORDS or w.endswith(("'s", "’s")) for w in low):
        return ""  # "It's a magical place": a remark, not a name
    return " ".join(words)


LY_WORDS = frozenset(
    """friendly unfriendly family early only daily weekly monthly yearly quarterly hourly nightly holy lovely
    likely unlikely elderly costly deadly assembly supply rally ally monopoly anomaly italy july lily
    orderly timely scholarly""".split()
)
"""Words ending in -ly that are no adverbs: other -ly words make a quotation a remark ("deeply disappointing"),
not a term ("friendly economy")."""


def _defined_term(words: str) -> str:
    """The concept a defining sentence opens with ("Import substitution" → "import substitution"), or ''."""
    first = words.split()[0]
    if first.lower() in FUNCTION_WORDS:
        return ""
    return words[0].lower() + words[1:] if first[1:].islower() else words


def spelled_out(text: str) -> Iterator[tuple[str, str]]:
    """(acronym, what it stands for) wherever the text spells an acronym out before it in brackets: capitalised
    words holding its letters in order (`_expansion`: "Schutzstaffel (SS)", "North Atlantic Treaty Organization
    (NATO)"), else words of any case whose initials spell it ("alternating current (AC)")."""
    for match in _EXPANSION.finditer(text) if "(" in text else ():
        before, acronym = text[max(0, match.start() - 200) : match.start()], match.group(1)
        if expansion := _expansion(before, acronym) or _initials(before, acronym):
            yield acronym, expansion


def _initials(before: str, acronym: str) -> str:
    """The words just before "(ACR)" whose initials, connectors left out, are ACR's letters in any case, or ''."""
    words = before.split()[-2 * len(acronym) :]
    if words:
        words[-1] = words[-1].rstrip(",;:")
    picked: list[str] = []
    for word in reversed(words):
        picked.insert(0, word)
        if len([w for w in picked if w not in CONNECTORS]) == len(acronym):
            break
    if not picked or picked[0] in CONNECTORS or not all(w.replace("-", "").isalpha() for w in picked):
        return ""
    initials = "".join(w[0] for w in picked if w not in CONNECTORS)
    return " ".join(picked) if initials.lower() == acronym.lower() else ""


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
    if len([w for w in picked if w not in CONNECTORS]) > len(acronym) or picked[-1] in CONNECTORS:
        return ""
    return " ".join(picked)


def _select(ev: _Evidence, article_count: int) -> list[Candidate]:
    """The candidates with enough evidence, each pool of forms (`stems.key`) once."""
    need = min_mentions(article_count)
    found: dict[str, Candidate] = {}

    def add(forms: Mapping[str, int], kind: str, count: int, **extra) -> None:
        name = _head(forms)
        key = stems.key(name)
        if key in found:
            if found[key].count >= count:
                return
            forms = Counter(forms) + Counter(dict.fromkeys(found[key].variants, 0))
        spread = max(ev.spread[form] for form in forms)
        found[key] = Candidate(name, kind, tuple(sorted(forms, key=lambda f: (-forms[f], f))), count, spread, **extra)

    names = _pools(ev.names + ev.single_opening)
    parts = _parts_of_longer_names(names, ev)
    for key, forms in names.items():
        if key in parts:
            continue
        count = sum(forms.values())
        if count < need:
            continue
        name = _head(forms)
        spread = max(ev.spread[form] for form in forms)
        salient = need == 1 or spread >= 2 or count >= 3 * need
        if sum(ev.numbered[f] for f in forms) * 2 > count:
            continue  # mostly a name with a number ("Billboard Hot 100"): this is a fragment of it
        inside = [f for f in forms if ev.names[f]]  # forms seen inside a sentence: the evidence
        if salient and inside and (" " in name or any(_single_name(f, ev) for f in inside)):
            add(forms, "name", count, **_name_evidence(forms, ev))
    for forms in _pools(ev.marked.quoted).values():
        total = Counter({f: max(n, ev.text.phrases[f], ev.names[f]) for f, n in forms.items()})
        if sum(total.values()) >= need:
            kind = "name" if all(w[:1].isupper() for w in _head(total).split()) else "phrase"
            add(total, kind, sum(total.values()), quoted=True)
    phrases = ev.text.phrase_pools
    for forms in phrases.values():
        count = sum(forms.values())
        if count >= max(2, need + 1) and _recurring_phrase(_head(forms), count, ev):
            add(forms, "phrase", count)
    if ev.marked.defined:
        wanted = {stems.key(term) for term in ev.marked.defined if " " not in term}
        lower = _pools(Counter({w: n for w, n in ev.text.lower.items() if len(w) > 3 and stems.stem(w) in wanted}))
        for term in ev.marked.defined:
            forms = (lower if " " not in term else phrases).get(stems.key(term)) or Counter({term: 1})
            kind = "name" if term[:1].isupper() else "phrase"
            add(forms, kind, max(sum(forms.values()), 1), defined=True)
    for acronym, count in ev.marked.acronyms.items():
        expansion = _expansion_of(acronym, ev)
        if expansion or count >= max(2, need):
            add(Counter({acronym: count}), "acronym", count, expansion_of=expansion)
    chosen = sorted(found.values(), key=lambda c: c.name)
    if len(chosen) > MAX_TERMS:
        best = sorted(chosen, key=lambda c: (-c.count * max(c.spread, 1) * (2 if c.quoted else 1), c.name))
        chosen = sorted(best[:MAX_TERMS], key=lambda c: c.name)
    return chosen


def _expansion_of(acronym: str, ev: _Evidence) -> str:
    """What the text says an acronym stands for most often, or ''. A single word that the text also writes in
    lower case is none: in "Workers' Party (PT)" the letters P and T are found in "Party", but PT stands for no
    party ("Schutzstaffel (SS)" is one word and an expansion)."""
    lower = ev.text.lower
    given = ev.marked.expansions.get(acronym, Counter())
    said = [e for e, _ in given.most_common() if " " in e or not lower[e.lower()]]
    return said[0] if said else ""


def is_name_word(word: str) -> bool:
    """True for a capitalised word that is no honorific, title, function word or direction."""
    low = word.lower().rstrip(".")
    return word[:1].isupper() and low not in HONORIFICS and low not in FUNCTION_WORDS and low not in NOT_A_NAME \
        and not is_title(word)


def _person_like(word: str) -> bool:
    """True for a word that may open a person's name: a name word of letters, not all capitals ("Lyndon", not
    "North", "President", "USS")."""
    return word.isalpha() and not word.isupper() and is_name_word(word)


def _pools(counts: Counter, key_of: Callable[[str], str] = stems.key) -> dict[str, dict[str, int]]:
    """Forms grouped by what they stem to: `stems.key` → form → count (plain dictionaries: a large site has a
    hundred thousand pools, most of one form, and a Counter each cost a fifth of a second)."""
    pools: dict[str, dict[str, int]] = {}
    for form, count in counts.items():
        if count > 0:
            key = key_of(form)
            if (pool := pools.get(key)) is None:
                pools[key] = {form: count}
            else:
                pool[form] = count  # (each form once: the keys of `counts`)
    return pools


def _head(forms: Mapping[str, int]) -> str:
    """The form that names a pool: the most frequent; on a tie a lower-case one, then the shortest (a singular, a
    nominative), then the first in order."""
    return min(forms, key=lambda f: (-forms[f], not f[:1].islower(), len(f), f))


def _name_evidence(forms: Mapping[str, int], ev: _Evidence) -> dict[str, int]:
    """What a name's forms tell of it, summed: honorifics, titles, longer names around it, "-based"."""
    total = {key: sum(counter[f] for f in forms) for key, counter in (
        ("honorific", ev.honorific), ("titled", ev.titled), ("inside", ev.inside), ("opens", ev.opens),
        ("together", ev.together), ("based", ev.marked.based), ("placed", ev.placed))}
    firsts = Counter()
    for form in forms:
        firsts.update(ev.surnames.get(form, {}))
    return total | {"ends": sum(firsts.values()), "ends_commonest": max(firsts.values(), default=0)}


def _parts_of_longer_names(names: Mapping[str, Mapping[str, int]], ev: _Evidence) -> set[str]:
    """The pools of `names` that are parts of a longer name joined by "and" or "for the": the part after, said
    three times or more and each time after the same word ("Roll Hall of Fame", always after "Rock and"; "Advancement
    of Science"), and the part before, if it ends in that word and is always followed by "and" or "for the"
    ("Rock"). (A name said once after "Tony Blair and", and alone elsewhere, is a name of its own.)"""
    parts: set[str] = set()
    joined_to: set[str] = set()
    for key in {stems.key(form) for form in ev.joined} & names.keys():  # (only the pools said after a joiner)
        forms = names[key]
        before: Counter = Counter()
        for form in forms:
            before.update(ev.joined.get(form, {}))
        word, times = before.most_common(1)[0] if before else ("", 0)
        if times >= max(3, sum(forms.values())):
            parts.add(key)
            joined_to.add(word)
    followed = {stems.key(form) for form in ev.joins if form.rsplit(" ", 1)[-1].lower() in joined_to}
    for key in followed & names.keys():
        forms = names[key]
        if sum(ev.joins[f] for f in forms) >= sum(forms.values()):
            parts.add(key)
    return parts


def _single_name(word: str, ev: _Evidence) -> bool:
    if word.lower() in NOT_A_NAME or len(word) < 3 or not word[0].isupper() or _PLURAL_ACRONYM.fullmatch(word):
        return False
    if ev.abbreviated[word] and ev.dotted[word] * 10 >= (ev.names[word] + ev.single_opening[word]) * 9:
        return False  # "Oct. 5", "Springfield, Ill."
    capital = ev.capital[word]
    plain = word.lower()
    seen = ev.text.lower
    lower = seen[plain] + seen[plain + "s"] + (seen[plain[:-1]] if plain.endswith("s") else 0)
    return capital > 0 and lower * 20 <= capital


def _recurring_phrase(phrase: str, count: int, ev: _Evidence) -> bool:
    words = phrase.split()
    if words[0] in GENERIC_ADJECTIVES:
        return False
    if any(w in PHRASE_STOP_WORDS or w in COMMON_VERBS or w.endswith("ly") for w in words):
        return False
    if words[0].endswith(("ed", "ing")) or words[-1].endswith(("ed", "ing")):
        return False
    if ev.text.bound.get(words[0], 0) * 5 > ev.text.lower[words[0]] * 4:
        return False  # the tail of a longer phrase: "domain audiobooks" of "public domain audiobooks"
    expected = math.prod(ev.text.lower[w] for w in words) / max(ev.text.total, 1) ** (len(words) - 1)
    return expected > 0 and math.log2(count / expected) >= MIN_PMI


