"""Find an article's things in its HTML and give each a stable anchor (pure)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from hub.text import first_sentence, plain_text

_H2 = re.compile(r"<h2(?P<attrs>[^>]*)>(?P<inner>.*?)</h2>", re.S | re.I)
_ID_ATTR = re.compile(r"""\s+id=("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_NUMBER_SPAN = re.compile(r'^\s*<span class="thing-number">\d+</span>\s*')
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.):]\s+")
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "twenty": 20,
}  # fmt: skip
# "3 things", "Three simple ways", "5 easy ideas": a count, up to two words, a plural noun.
_PROMISE = re.compile(
    r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w'-]+\s+){0,2}?[a-z'-]+s\b",
    re.I,
)


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


def promised_count(title: str) -> int | None:
    """Return the count a title promises ("3 things", "Three ways"), if any."""
    match = _PROMISE.search(html.unescape(title))
    if not match:
        return None
    word = match[1].lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]
