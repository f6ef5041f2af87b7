"""The hard-sell guard: pushy phrases and shouting in text a reader sees (pure)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate

# Header fields whose words a reader sees; the rest (Date, Tags, Slug...) are not prose.
TEXT_FIELDS = ("title", "summary", "question", "share")
_SHOUTED_WORD = re.compile(r"(?<![\w'])[A-Z]{4,}(?![\w'])")
_BANGS = re.compile(r"!{2,}")
_FOUR_CAPITALS = re.compile(r"[A-Z][A-Z][A-Z][A-Z]")
# Addresses are not prose: a capitalised path or a query is not shouting.
_URL = re.compile(r"(?:https?://|mailto:|www\.)\S+|\]\([^)]*\)|\{filename\}\S+")
_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:")
_CURLY_APOSTROPHE = "\u2019"


def _plain_apostrophes(text: str) -> str:
    return text.replace(_CURLY_APOSTROPHE, "'")


@dataclass(frozen=True)
class Guard:
    """The phrases and allowed capitals of one build, compiled once."""

    phrases: dict[str, str]
    acronyms: frozenset[str]
    pattern: re.Pattern[str] | None
    # The phrases as plain lower-case text, anywhere: the cheap test before the pattern.
    mentions: re.Pattern[str] | None = None

    @classmethod
    def of(cls, phrases: Iterable[str], acronyms: Iterable[str] = ()) -> Guard:
        """Compile the phrases into one pattern of whole words, apostrophes either way."""
        named = {_plain_apostrophes(phrase).lower(): phrase for phrase in phrases if phrase.strip()}
        longest_first = sorted(named, key=len, reverse=True)
        alternatives = "|".join(re.escape(phrase) for phrase in longest_first)
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I) if named else None
        mentions = re.compile(alternatives) if named else None
        return cls(named, frozenset(acronym.upper() for acronym in acronyms), pattern, mentions)

    def find(self, text: str) -> list[str]:
        """Each pushy phrase, shouted word and run of '!!' in TEXT, in reading order."""
        return [phrase for _, phrase in self.hits(text)]

    def hits(self, text: str) -> list[tuple[int, str]]:
        """(offset, phrase) for each pushy phrase, shouted word and run of '!!' in TEXT."""
        # Blank addresses out with spaces of the same length, so offsets stay true.
        prose = _URL.sub(lambda m: " " * len(m[0]), _plain_apostrophes(text))
        found: list[tuple[int, str]] = []
        # Most text is gentle: a plain substring test skips the phrase search for it.
        if self.pattern and self.mentions_a_phrase(prose.lower()):
            found += [(m.start(), self.phrases[m[0].lower()]) for m in self.pattern.finditer(prose)]
        found += self.shouted(prose)
        found += _bangs(prose)
        return sorted(found, key=lambda hit: hit[0])

    def shouted(self, prose: str) -> list[tuple[int, str]]:
        """(offset, word) for each word in capitals in PROSE that is not an allowed acronym."""
        # Every shouted word holds four capitals in a row: a quick search rules most text out.
        if not _FOUR_CAPITALS.search(prose):
            return []
        return [
            (m.start(), m[0]) for m in _SHOUTED_WORD.finditer(prose) if m[0] not in self.acronyms
        ]

    def mentions_a_phrase(self, lowered: str) -> bool:
        """Whether any phrase occurs in LOWERED as plain text, whole words or not."""
        if self.mentions is None:
            return any(phrase in lowered for phrase in self.phrases)
        # One search for all the phrases: a few times faster than a test per phrase.
        return self.mentions.search(lowered) is not None

    def find_lines(self, source: str) -> list[tuple[int, str]]:
        """(line number, phrase) for every pushy phrase in a Markdown article's source."""
        numbered = list(prose_lines(source))
        starts = list(accumulate((len(line) + 1 for _, line in numbered[:-1]), initial=0))
        # One pass over the whole text: far cheaper than three searches per line.
        text = "\n".join(line for _, line in numbered)
        return [
            (numbered[bisect_right(starts, offset) - 1][0], phrase)
            for offset, phrase in self.hits(text)
        ]


def _bangs(prose: str) -> list[tuple[int, str]]:
    """(offset, run) for each run of two or more '!' in PROSE."""
    # A substring test is far cheaper than the search, and most text has no '!!'.
    return [(m.start(), m[0]) for m in _BANGS.finditer(prose)] if "!!" in prose else []


def pushy(text: str, phrases: Iterable[str], acronyms: Iterable[str] = ()) -> list[str]:
    """Each pushy phrase, shouted word and run of '!!' in TEXT, in reading order."""
    return Guard.of(phrases, acronyms).find(text)


def pushy_lines(
    source: str, phrases: Iterable[str], acronyms: Iterable[str] = ()
) -> list[tuple[int, str]]:
    """(line number, phrase) for every pushy phrase in a Markdown article's source."""
    return Guard.of(phrases, acronyms).find_lines(source)


def prose_lines(source: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) for the lines of a Markdown article a reader sees."""
    in_header = True
    for number, line in enumerate(source.splitlines(), start=1):
        if in_header and not line.strip():
            in_header = False
            continue
        if in_header:
            field = _HEADER_LINE.match(line)
            if field and field[1].lower() in TEXT_FIELDS:
                yield number, line[field.end() :]
            continue
        yield number, line
