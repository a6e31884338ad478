"""Labels: every text the site shows that no seed gives ("Related articles", "5 articles."), in the site's
language.

A label's English text is its message id, so the code reads as the page does and a label without a translation
shows in English. Each language's translations are a gettext catalog, `locale/<code>.po`, with the language's
plural rules in its `Plural-Forms` header (`ngettext`: 1 статья, 2 статьи, 5 статей). Babel reads the catalog when
a build first asks for the language; no compiled `.mo` file is kept. To translate the site into a language, copy
`locale/ru.po` to `locale/<code>.po`, set its `Language` and `Plural-Forms` headers and write each `msgstr`.

Labels are the site's own text, not seed text: they are written into pages as they are (a label's Markdown or
HTML is the translator's to keep plain); only the values put into them (`{section}`, `{names}`) are escaped.
"""

from __future__ import annotations

import functools
import gettext
import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).with_name("locale")
"""The folder of the catalogs, one `<code>.po` a language."""


@dataclass(frozen=True)
class Labels:
    """The labels of one language."""

    code: str
    """The language's code, as `theme.language` gives it."""
    translations: gettext.NullTranslations
    """The catalog (`NullTranslations` for English, or a language without one): also what Jinja's i18n
    extension takes (`overrides/404.html`)."""

    def _(self, message: str) -> str:
        """The label `message` (its English text) in this language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The label for a count of `n`, in this language's plural form for `n` (not yet formatted)."""
        return self.translations.ngettext(singular, plural, n)


@functools.lru_cache(maxsize=None)
def for_language(code: str) -> Labels:
    """The labels of the language `code` (`ru`, `ru-RU` → `ru`); English ones when it has no catalog."""
    for name in (code, code.replace("-", "_"), code.split("-")[0].split("_")[0]):
        path = LOCALE / f"{name.lower()}.po"
        if name and path.is_file():
            return Labels(code, _compiled(path))
    return Labels(code, gettext.NullTranslations())


def _compiled(path: Path) -> gettext.GNUTranslations:
    """A `.po` catalog as gettext reads it: compiled to `.mo` in memory."""
    with path.open("rb") as source:
        catalog = read_po(source)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


ENGLISH = for_language("en")
"""The labels as the code writes them."""
