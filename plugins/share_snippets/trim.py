"""Shorter versions of a post's body that a writer would accept: whole sentences, then a clause."""

from __future__ import annotations

import functools

import regex

from hub.i18n import SOURCE_LANGUAGE, language_of
from hub.text import sentences

ELLIPSIS = "\u2026"
# A natural break inside a sentence: a semicolon, a dash, a colon, an opening bracket, or a
# comma before a word that starts a new clause (in the post's language). The cut keeps what
# comes before it.
_CLAUSE_WORDS = {
    "en": "and|but|so|or|because|while|which|since|though|although|when|where|as|until|unless"
    "|whether|if|then|from|with|without|rather|plus|yet|before|after|especially|for example"
    "|like|including|not",
    "fr": "et|mais|donc|ou|car|parce que|parce qu'|puisque|puisqu'|qui|quand|lorsque|lorsqu'"
    "|où|comme|si|puis|avec|sans"
    "|plutôt|avant|après|surtout|par exemple|y compris|notamment|pendant que|tandis que|alors"
    "|pas|même si",
    "de": "und|aber|also|oder|denn|weil|da|während|wenn|als|wo|bis|ob|dann|mit|ohne|statt"
    "|bevor|nachdem|besonders|zum Beispiel|wie|einschließlich|nicht|sondern|damit|dass"
    "|obwohl|sodass|die|der|das",
    "es": "y|pero|así que|o|porque|mientras|que|cuando|donde|como|hasta|si|luego|con|sin"
    "|antes|después|sobre todo|por ejemplo|incluido|incluida|no|aunque|ya que",
    "nl": "en|maar|dus|of|omdat|terwijl|die|dat|wanneer|waar|als|tot|tenzij|dan|met|zonder"
    "|voordat|nadat|vooral|bijvoorbeeld|zoals|inclusief|niet|hoewel|want",
}
# Words a cut must never end on: they promise more that the cut leaves out.
_DANGLING_WORDS = {
    "en": "and|or|but|so|of|the|a|an|to|with|for|in|on|at|by|from|as|than|that|your|our",
    "fr": "et|ou|mais|donc|de|du|des|le|la|les|un|une|à|au|aux|avec|pour|en|sur|par|dans"
    "|que|votre|vos|notre|nos|ce|cette|ces|son|sa|ses|très",
    "de": "und|oder|aber|von|vom|der|die|das|den|dem|des|ein|eine|einen|einem|einer|zu|zum"
    "|zur|mit|für|in|im|an|am|auf|bei|aus|als|dass|dein|deine|unser|unsere|sehr",
    "es": "y|o|pero|de|del|el|la|los|las|un|una|unos|unas|a|al|con|para|en|por|sobre|que"
    "|tu|tus|su|sus|nuestro|nuestra|muy",
    "nl": "en|of|maar|dus|van|de|het|een|te|met|voor|in|op|aan|bij|door|uit|als|dan|dat"
    "|je|jouw|ons|onze|zeer|heel",
}
# Fewer words than this is not a clause worth posting.
MIN_CLAUSE_WORDS = 4


@functools.cache
def _breaks(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """LANG's clause breaks and dangling words, compiled once (English for any other)."""
    lang = language_of(lang)
    clause = regex.compile(
        rf"(?:;|:|\s[\u2013\u2014]|\s\(|,(?=\s(?:{_CLAUSE_WORDS[lang]})\b))", regex.IGNORECASE
    )
    dangling = regex.compile(rf"(?:\s(?:{_DANGLING_WORDS[lang]}))+$", regex.IGNORECASE)
    return clause, dangling


def by_sentences(text: str) -> list[str]:
    """TEXT's leading sentences, longest first: all of them, then one fewer, down to one."""
    parts = sentences(text)
    return [" ".join(parts[:count]) for count in range(len(parts), 0, -1)]


def clauses(sentence: str, lang: str = SOURCE_LANGUAGE) -> list[str]:
    """SENTENCE (in LANG) cut at each natural break, longest first, each ending with an ellipsis."""
    clause_break, dangling = _breaks(lang)
    cuts = []
    for found in clause_break.finditer(sentence):
        kept = dangling.sub("", sentence[: found.start()].rstrip(" ,;:"))
        if len(kept.split()) >= MIN_CLAUSE_WORDS:
            cuts.append(kept + ELLIPSIS)
    return sorted(set(cuts), key=len, reverse=True)


def shorter_bodies(text: str, lang: str = SOURCE_LANGUAGE) -> list[str]:
    """Every acceptable body for TEXT (in LANG), longest first: sentences, clauses, then none."""
    if not text:
        return [""]
    whole = by_sentences(text)
    return [*whole, *clauses(whole[-1], lang), ""] if whole else [""]
