"""The reader's language: which languages the hub speaks, and their gettext catalogues."""

from __future__ import annotations

import datetime
import functools
import gettext
import io
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

# The languages every reader-facing word of the hub is translated into; English is the source.
LANGUAGES = ("en", "fr", "de", "es", "nl")
SOURCE_LANGUAGE = "en"

# One catalogue folder per domain: what the theme shows, and what the plugins write
# (calls to action, share labels, post wordings, number words).
_ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIRS = {
    "theme": _ROOT / "theme" / "locale",
    "hub": Path(__file__).resolve().parent / "locale",
}


def language_of(value: str | None, default: str = SOURCE_LANGUAGE) -> str:
    """The supported language VALUE names ('fr', 'fr-CA', 'fr_FR' all give 'fr'), else DEFAULT."""
    if not value:
        return default
    base = str(value).strip().replace("-", "_").split("_", 1)[0].lower()
    return base if base in LANGUAGES else default


def content_key(content: Any) -> str:
    """The name of an article's own files (questions, share kit): its slug, and for a
    translation its language too ('dried-beans.fr'), so each language has its own."""
    if getattr(content, "in_default_lang", True):
        return content.slug
    return f"{content.slug}.{content.lang}"


def is_supported(value: str | None) -> bool:
    """Whether VALUE names a language the hub is translated into."""
    return bool(value) and language_of(value, default="") != ""


def first_language(*values: object, default: str = SOURCE_LANGUAGE) -> str:
    """The first of VALUES naming a supported language (a page's, the site's), else DEFAULT."""
    for value in values:
        if isinstance(value, str) and is_supported(value):
            return language_of(value)
    return language_of(default)


def locale(lang: str) -> Locale:
    """Babel's locale for LANG, for dates and numbers (English when Babel does not know it)."""
    try:
        return Locale.parse(language_of(lang))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANGUAGE)


@functools.cache
def translations(lang: str, domain: str) -> gettext.NullTranslations:
    """The compiled catalogue of DOMAIN in LANG; English (the source text) has none."""
    lang = language_of(lang)
    po_path = LOCALE_DIRS[domain] / lang / "LC_MESSAGES" / f"{domain}.po"
    if lang == SOURCE_LANGUAGE or not po_path.is_file():
        return gettext.NullTranslations()
    # Compiled in memory from the .po file, so no binary .mo is kept beside it to go stale.
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_for(lang: str, domain: str = "hub"):
    """A `gettext` function for LANG in DOMAIN, for plain Python callers."""
    return translations(lang, domain).gettext


def ngettext_for(lang: str, domain: str = "hub"):
    """An `ngettext` function for LANG in DOMAIN."""
    return translations(lang, domain).ngettext


# The hub's English is British, as the theme always wrote its dates: "14 September 2026".
_DATE_LOCALES = {"en": "en_GB"}


def format_day(value: datetime.date, lang: str) -> str:
    """VALUE as a reader of LANG writes a day: "14 September 2026", "14 septembre 2026"."""
    lang = language_of(lang)
    return format_date(value, format="long", locale=_DATE_LOCALES.get(lang, lang))


def format_count(value: int | float, lang: str) -> str:
    """VALUE with LANG's digit grouping and decimal mark: 1,234 in English, 1.234 in German."""
    return format_decimal(value, locale=locale(lang))


def N_(message: str) -> str:
    """Mark MESSAGE for extraction where it is defined; `text()` translates it where it is used."""
    return message


def text(lang: str, message: str, **values: object) -> str:
    """MESSAGE in LANG from the hub's catalogue, its `{name}` fields filled from VALUES."""
    translated = translations(lang, "hub").gettext(message)
    return translated.format(**values) if values else translated


def content_language(lang: str | None, default_lang: str | None) -> str:
    """The language of an article or page: its own LANG, else the site's DEFAULT_LANG."""
    return language_of(lang or default_lang, default=language_of(default_lang))
