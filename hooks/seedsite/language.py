"""Language: what the pipeline knows of each language it reads, in one table per language.

`read` consults it for sentence ends and for the cues of heading detection, the glossary for stopwords, stems and
the phrases that define a term, `render` for the order of the glossary's letters. The site's language is MkDocs'
`theme.language`; an article plainly written in another script is read with its own language's rules (`detect`).

To add a language: write a `Language` below, add it to `LANGUAGES`, and add its labels (`labels.py`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import snowballstemmer


@dataclass(frozen=True)
class Language:
    """The rules of one language. Word lists hold lower-case words."""

    code: str
    """ISO 639-1 code, as MkDocs' `theme.language` and HTML's `lang` write it (`en`, `ru`)."""
    script: str = "latin"
    """The script it is written in: `latin`, `cyrillic` or `other` (`detect` tells the first two apart)."""
    alphabet: str = ""
    """Its lower-case letters in dictionary order: glossary letters sort by it (`sort_key`); `""` for code point
    order."""
    abbreviations: frozenset[str] = frozenset()
    """Words that end with a period without ending a sentence (`dr`, `etc`, `г`, `т.е`)."""
    openers: frozenset[str] = frozenset()
    """First words of a sentence that continues a thought (pronouns, connectives): a short sentence opening with
    one is no heading."""
    dangling: frozenset[str] = frozenset()
    """Words no heading ends on (articles, prepositions, conjunctions, auxiliaries): a short line ending on one is
    a line of wrapped text."""
    verbs: frozenset[str] = frozenset()
    """Common verb forms: a short sentence holding one is a statement ("The Union State is in focus.")."""
    verb_endings: str = ""
    """A regular expression a whole word matches when its ending makes it a verb form (Russian `-ет`, `-ются`,
    `-ала`); `""` for none."""
    not_verbs: frozenset[str] = frozenset()
    """Common words that end like a verb form and are none (Russian `бюджет`, `транзит`, `результат`)."""
    verb_lead_ins: bool = True
    """Whether a lead-in with a verb may be a heading, in a seed whose lead-ins are mostly verbless (English
    headings keep "is": "The Union State is in focus."). Russian, Belarusian and Ukrainian drop the present
    tense's "is" ("Союзное государство в фокусе."), so there a lead-in with a verb is a sentence."""
    stopwords: frozenset[str] = frozenset()
    """Words too common to be or start a term."""
    defining: tuple[str, ...] = ()
    """Regular expressions of the words that tell a sentence defines the term before them ("X is a …",
    "X — это …"); each matches the cue alone."""
    persons: frozenset[str] = frozenset()
    """Pronouns that stand for a person, never a thing ("he", "her"): a sentence opening with one after a sentence
    about a name says the name is a person's (`kinds`). Empty where grammatical gender makes them stand for things
    too (Russian "он" for a city, "она" for a country)."""
    stemmer: str = ""
    """The Snowball algorithm `stem` uses (`snowballstemmer.algorithms()`); `""`: words are only lower-cased."""

    def stem(self, word: str) -> str:
        """The word's stem, lower case (`статьи`, `статей` → `стат`; `articles` → `articl`)."""
        return _stem(self.stemmer, word.lower())

    def is_verb(self, word: str) -> bool:
        """Whether `word` (lower case, no punctuation) is a verb form by the word lists or its ending."""
        if word in self.verbs:
            return True
        ending = bool(self.verb_endings) and re.fullmatch(self.verb_endings, word) is not None
        return ending and word not in self.not_verbs

    def sort_key(self, text: str) -> tuple[float, ...]:
        """A key that sorts text in the alphabet's order (Russian `ё` right after `е`, not before `а`), where
        its first letter's code point is; a letter with an accent the alphabet lacks sorts as its base letter (`é`
        as `e`, `İ` as `i`); other characters in code point order (spaces and hyphens before letters)."""
        order = _order(self.alphabet)
        return tuple(_rank(order, ch) for ch in text.casefold())

    def script_of(self, letter: str) -> bool:
        """Whether `letter` is of the language's script (`Ё` for Russian, `É` for English)."""
        return unicodedata.name(letter[:1], "").split(" ")[0].lower() == self.script

    def letter(self, name: str) -> str:
        """The glossary letter a name files under: its first letter in upper case (`#` for a digit or sign)."""
        head = name[:1].upper()
        return head if head.isalpha() else "#"


@functools.lru_cache(maxsize=None)
def _order(alphabet: str) -> dict[str, float]:
    """Each letter's rank: the alphabet squeezed in order between its first letter's code point and the next."""
    return {ch: ord(alphabet[0]) + i / len(alphabet) for i, ch in enumerate(alphabet)}


def _rank(order: dict[str, float], ch: str) -> float:
    if ch in order:
        return order[ch]
    base = unicodedata.normalize("NFKD", ch)[:1]
    return order.get(base, ord(ch))


@functools.lru_cache(maxsize=None)
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


@functools.lru_cache(maxsize=200_000)
def _stem(algorithm: str, word: str) -> str:
    return _stemmer(algorithm).stemWord(word) if algorithm else word


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = Language(
    code="en",
    alphabet="abcdefghijklmnopqrstuvwxyz",
    abbreviations=_words(
        """mr mrs ms dr prof st jr sr vs etc e.g i.e cf no nos vol pp gen col lt sgt capt cmdr adm rev fr mt ft
        inc ltd co corp bros dept est approx jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n a.m p.m
        ca op ed eds fig figs al"""
    ),
    openers=_words(
        """it its this that these those they them their he she his her him we our us i my you your there here
        however indeed but and so yet also still moreover meanwhile then now thus therefore instead yes no
        although though while when if as because since after before today yesterday tomorrow one some many
        such what who why how where which all both each every other another"""
    ),
    dangling=_words(
        """a an the of to in on at by for with from into onto over under than as and or but nor that which who
        whose is are was were be has have had"""
    ),
    verbs=_words(
        """is are was were be been being has have had do does did will would shall should can could may might
        must said says say told tells added"""
    ),
    stopwords=_words(
        """a about above after again against all also am an and any are as at be because been before being below
        between both but by can could did do does doing down during each few for from further had has have having
        he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
        nor not now of off on once only or other our ours ourselves out over own same she should so some such than
        that the their theirs them themselves then there these they this those through to too under until up very
        was we were what when where which while who whom why will with would you your yours yourself yourselves
        one two three new said says mr mrs ms
        ago almost along already although always among another anyone anything around away back became become
        becomes cannot done either else even ever every get gets got however last least less like made make makes
        many may might much must near neither never next often onto others per perhaps put quite rather really say
        see seen several shall since something still though thus together took upon us used via way well whatever
        whether whose within without yet"""
    ),
    defining=(r"\b(?:is|are|was|were)\s+(?:a|an|the)\b", r"\bmeans\b", r"\brefers\s+to\b", r"\bstands\s+for\b"),
    persons=_words("he she his her him"),
    stemmer="english",
)

_RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

RUSSIAN = Language(
    code="ru",
    script="cyrillic",
    alphabet=_RUSSIAN_ALPHABET,
    abbreviations=_words(
        """г гг т.е т.д т.п т.к др пр им ул пр-т д стр млн млрд тыс руб коп см напр проф акад н.э в вв рис
        с гл п пп ст чел мин сек кв обл р-н пос дер ин-т"""
    ),
    openers=_words(
        """он она оно они мы вы я ты его её ее их ему ей им нам вам это этот эта эти этого этой тот та те то там
        тут здесь однако но и а также тоже поэтому потому затем потом теперь сейчас сегодня вчера завтра когда
        если хотя пока как так так-то после перед кроме впрочем кстати например итак ведь зато причём причем
        при всё все всех каждый каждая многие некоторые такой такая такие какой какая кто что где почему зачем
        куда откуда который которая которые да нет ещё еще уже даже лишь только вот"""
    ),
    dangling=_words(
        """в во на с со к ко по о об обо от до из за для при без под над про через между и или но а что чтобы
        который которая которое которые не ни же ли бы это как у"""
    ),
    verbs=_words(
        """есть был была было были будет будут будем буду стал стала стало стали может могут мог могла могли
        нужно надо можно нельзя вырос выросла выросло выросли рос росла росли идёт идет"""
    ),
    # Present and past forms: -ет/-ёт/-ит/-ут/-ют/-ат/-ят (and -ся), -л/-ла/-ло/-ли after a vowel (and -сь), -ться,
    # and the past of "идти" (прошла, пришёл). Nouns that end so are listed in `not_verbs`.
    verb_endings=r"\w{2,}(?:[еёиуюая]т(?:ся)?|ться)|\w+[аеиуяы]л[аои]?(?:сь)?|\w*(?:шёл|шл[аои])",
    not_verbs=_words(
        """бюджет совет ответ кабинет предмет пакет билет портрет сюжет секрет интернет комитет приоритет
        авторитет паритет транзит кредит визит лимит депозит магнит гранит аппетит результат кандидат депутат
        формат климат автомат аппарат комбинат дипломат адвокат сенат штат салат мандат плакат институт маршрут
        салют абсолют атрибут минут канал капитал финал сигнал материал персонал потенциал генерал идеал журнал
        ритуал интервал карнавал сериал квартал вокзал модели недели цели отели сила дела тела села стрела пчела
        сил тыл"""
    ),
    verb_lead_ins=False,
    stopwords=_words(
        """и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне
        было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
        нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была
        сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь
        этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой
        хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою
        этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также является
        которые который которая которое году года г
        весь заявил ко которых либо наш неё однако оно очень сказал сказала те той хотя чей чье чья эта"""
    ),
    defining=(r"\s[—–-]\s+это\b", r"\bэто\s+есть\b", r"\bозначает\b", r"\bявля(?:ется|ются)\b",
              r"\bназыва(?:ется|ют)\b", r"\bпредставля(?:ет|ют)\s+собой\b"),
    stemmer="russian",
)

BELARUSIAN = Language(
    code="be",
    script="cyrillic",
    alphabet="абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    abbreviations=_words("г гг т.б т.п і г.д др млн млрд тыс руб вул с ст"),
    openers=_words(
        """ён яна яно яны мы вы я ты яго яе іх гэта гэты гэтая гэтыя той тая тыя там тут але і а таксама таму
        потым цяпер сёння учора заўтра калі хоць як так пасля акрамя таксама кожны многія некаторыя хто што дзе
        чаму які якая якія ўжо нават толькі вось"""
    ),
    dangling=_words("у ў на з са к да па пра аб ад для пры без пад над праз паміж і ці але а што які не ні ж"),
    verbs=_words("ёсць быў была было былі будзе будуць стаў стала сталі можа могуць трэба можна сказаў заявіў адзначыў"),
    verb_endings=r"\w{2,}(?:[ауюяеі]ць|[ауюя]е|цца|[аеіоуяыэ]ў|[аеіоуяыэ]л[аі](?:ся)?)",
    verb_lead_ins=False,
    stopwords=_words(
        """і ў у не што ён на я з як а ўсё яна так яго але ты да па толькі мне было вось ад мяне яшчэ няма аб
        з ён калі нават ці ні быць быў да вам там потым сябе нічога ёй можа яны тут дзе ёсць трэба для мы іх чым
        была сам без будзе тады хто гэты таго гэтага які тут адзін пры два пасля над больш той праз гэтыя нас
        пра ўсяго іх якая шмат тры гэту паміж гэта таксама якія"""
    ),
    defining=(r"\s[—–-]\s+гэта\b", r"\bазначае\b", r"\bз'яўляецца\b", r"\bз’яўляецца\b"),
    stemmer="",  # Snowball has no Belarusian stemmer; the Russian one's endings do not fit (-амі, -ага): none.
)

UKRAINIAN = Language(
    code="uk",
    script="cyrillic",
    alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    abbreviations=_words("р рр т.д т.п т.б ін млн млрд тис грн вул с ст див"),
    openers=_words(
        """він вона воно вони ми ви я ти його її їх це цей ця ці той та ті там тут але і й а також тому потім
        тепер сьогодні вчора завтра коли якщо хоча як так після крім кожен багато деякі хто що де чому який
        яка які вже навіть лише тільки ось"""
    ),
    dangling=_words("в у на з зі до по про о від для при без під над через між і й або чи але а що який не ні ж"),
    verbs=_words("є був була було були буде будуть став стала стали може можуть треба можна сказав заявив зазначив"),
    verb_endings=r"\w{2,}(?:[еєиіуюая]ть|[аяу]є|ться|[аеиоуяі]в|[аеиоуяі]л[аои](?:ся)?)",
    verb_lead_ins=False,
    stopwords=_words(
        """і й в у не що він на я з як а все вона так його але ти до по тільки мені було ось від мене ще немає
        о коли навіть чи ні бути був вам там потім себе нічого їй може вони тут де є треба для ми їх чим була сам
        без буде тоді хто цей того цього який один при два після над більше той через ці нас про всього яка
        багато три між це також які"""
    ),
    defining=(r"\s[—–-]\s+це\b", r"\bозначає\b", r"\bє\b"),
    stemmer="",  # Snowball has no Ukrainian stemmer (the Russian one's endings differ: -ів, -ою, -ії).
)

LANGUAGES = {language.code: language for language in (ENGLISH, RUSSIAN, BELARUSIAN, UKRAINIAN)}
"""Every language with rules of its own, by code."""

PERSONS = frozenset().union(*(language.persons for language in LANGUAGES.values()))
"""Every language's pronouns for a person (`Language.persons`): the words differ between languages, and a name's
mentions may be in articles of several."""

ABBREVIATIONS = frozenset().union(*(language.abbreviations for language in LANGUAGES.values()))
"""Every language's abbreviations: sentence splitting (`text.sentence_spans`) knows them all, whatever the
language of the text (a Russian article quotes "Dr. Smith", an English one "г. Минск")."""

_CYRILLIC = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff]*")  # (a class first: `re` scans for it quickly)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
SAMPLE = 5_000
"""How many characters of a text `detect` looks at."""


def _count(text: str, letters: str) -> int:
    return sum(text.count(letter) for letter in letters)


def get(code: str) -> Language:
    """The rules of the language `code` (`ru`, `en`, `pt-BR` → `pt`). A language without rules of its own gets
    none but its code and, if Snowball has one, its stemmer: nothing English is imposed on it."""
    code = (code or "en").lower()
    known = LANGUAGES.get(code) or LANGUAGES.get(code.split("-")[0].split("_")[0])
    return known or _bare(code)


_SNOWBALL = {
    "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "es": "spanish", "et": "estonian",
    "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish", "hu": "hungarian", "id": "indonesian",
    "it": "italian", "lt": "lithuanian", "nb": "norwegian", "nl": "dutch", "nn": "norwegian", "no": "norwegian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "sv": "swedish", "tr": "turkish",
}
"""Latin-script languages Snowball stems, by code."""


@functools.lru_cache(maxsize=None)
def _bare(code: str) -> Language:
    stemmer = _SNOWBALL.get(code.split("-")[0].split("_")[0], "")
    return Language(code=code, script="latin" if stemmer else "other", stemmer=stemmer)


def detect(text: str, default: str) -> str:
    """The language a text is written in, by its script: mostly Cyrillic → `be` when `ў` and `і` outnumber `и`
    (which Belarusian lacks), `uk` when it has `ї`/`є`/`ґ` and these with `і` outnumber `ы`/`э`/`ъ`/`ё` (which
    Ukrainian lacks), else `ru` (a Belarusian or Ukrainian name in a Russian text does not tip it); mostly Latin → `default` if that language is written in Latin letters,
    else `en`; anything else (no letters, another script) → `default`."""
    sample = text[:SAMPLE]
    cyrillic = sum(map(len, _CYRILLIC.findall(sample)))
    if cyrillic and cyrillic > sum(map(len, _LATIN.findall(sample))):  # (no need to count Latin letters otherwise)
        belarusian, shared = _count(sample, "ўЎ"), _count(sample, "іІ")
        ukrainian, russian = _count(sample, "їєґЇЄҐ"), _count(sample, "ыэъёЫЭЪЁ")
        if belarusian + shared > _count(sample, "иИ") and belarusian >= ukrainian:  # Belarusian has no "и"
            return "be"
        if ukrainian and ukrainian + shared > russian:  # Ukrainian has no "ы", "э", "ъ", "ё"
            return "uk"
        return "ru"
    if _LATIN.search(sample):
        return default if get(default).script == "latin" else "en"
    return default
