"""Find an article's things in its HTML and give each a stable anchor (pure)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from hub.i18n import SOURCE_LANGUAGE, language_of
from hub.text import first_sentence, plain_text

_H2 = re.compile(r"<h2(?P<attrs>[^>]*)>(?P<inner>.*?)</h2>", re.S | re.I)
_ID_ATTR = re.compile(r"""\s+id=("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_NUMBER_SPAN = re.compile(r'^\s*<span class="thing-number">\d+</span>\s*')
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.):]\s+")
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)

# Each language's number words. Outside English the word for one is left out: "un", "une",
# "ein", "eine", "uno", "una", "een" are also the indefinite article ("Une des meilleures
# recettes" promises nothing), and a title promising one thing is rare.
_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "twenty": 20,
    },
    "fr": {
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
        "quinze": 15, "vingt": 20,
    },
    "de": {
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
        "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
        "fünfzehn": 15, "zwanzig": 20,
    },
    "es": {
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
        "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
        "quince": 15, "veinte": 20,
    },
    "nl": {
        "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
        "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
        "vijftien": 15, "twintig": 20,
    },
}  # fmt: skip
# A plural noun, each language's way: English, French and Spanish end it in -s (French -x
# too: "jeux"), Dutch in -en or -s ("ideeën", "tips", "menu's"); German gives no reliable
# ending but capitalises every noun, so it is the first capitalised word after the count.
_PLURAL_NOUN = {
    "en": r"[a-z'-]+s",
    "fr": r"[\w'-]+[sx]",
    "de": r"(?-i:[A-ZÄÖÜ][\w-]*)",
    "es": r"[\w'-]+s",
    "nl": r"[\w'-]+(?:en|s)",
}
# "3 things", "Three simple ways", "Trois idées", "Drei einfache Ideen": a count, up to two
# words, a plural noun.
_PROMISES = {
    lang: re.compile(
        r"\b(\d{1,2}|" + "|".join(words) + r")\s+(?:[\w'-]+\s+){0,2}?" + _PLURAL_NOUN[lang] + r"\b",
        re.I,
    )
    for lang, words in _NUMBER_WORDS.items()
}


@dataclass(frozen=True)
class Thing:
    """One section of an article: the unit a social post links to."""

    number: int
    title: str
    anchor: str
    teaser: str


def find_things(content: str) -> tuple[str, tuple[Thing, ...]]:
    """Return the content with anchored level-2 headings, and the things found."""
    matches = list(_H2.finditer(content))
    things: list[Thing] = []
    pieces: list[str] = []
    last = 0
    for index, match in enumerate(matches):
        number = index + 1
        anchor = f"thing-{number}"
        inner = _LEADING_NUMBER.sub("", _NUMBER_SPAN.sub("", match["inner"]), count=1)
        section_end = matches[index + 1].start() if index + 1 < len(matches) else len(content)
        paragraph = _PARAGRAPH.search(content, match.end(), section_end)
        teaser = first_sentence(plain_text(paragraph[1])) if paragraph else ""
        things.append(Thing(number, plain_text(inner), anchor, teaser))
        attrs = _ID_ATTR.sub("", match["attrs"])
        pieces += [
            content[last : match.start()],
            f'<h2{attrs} id="{anchor}">'
            f'<span class="thing-number">{number}</span> {inner.strip()}</h2>',
        ]
        last = match.end()
    pieces.append(content[last:])
    return "".join(pieces), tuple(things)


def promised_count(title: str, lang: str = SOURCE_LANGUAGE) -> int | None:
    """Return the count a title in LANG promises ("3 things", "Trois idées"), if any."""
    lang = language_of(lang)
    match = _PROMISES[lang].search(html.unescape(title))
    if not match:
        return None
    word = match[1].lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[lang][word]
