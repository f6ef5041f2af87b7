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
# A reStructuredText field line (":tags: beans"), the header of an .rst article.
_RST_FIELD = re.compile(r"^:([\w-]+):(?:\s|$)")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Inline code, `one` or ``two`` backticks: a name in code is not the writer raising their voice.
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_CAPITALS = re.compile(r"[A-Z][A-Z0-9_]{3,}")
_VOWELS = set("AEIOUY")
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

    def hits(self, text: str, terms: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
        """(offset, phrase) for each pushy phrase, shouted word and run of '!!' in TEXT."""
        # Blank addresses out with spaces of the same length, so offsets stay true.
        prose = _URL.sub(lambda m: " " * len(m[0]), _plain_apostrophes(text))
        found: list[tuple[int, str]] = []
        # Most text is gentle: a plain substring test skips the phrase search for it.
        if self.pattern and self.mentions_a_phrase(prose.lower()):
            found += [(m.start(), self.phrases[m[0].lower()]) for m in self.pattern.finditer(prose)]
        found += self.shouted(prose, terms)
        found += _bangs(prose)
        return sorted(found, key=lambda hit: hit[0])

    def shouted(self, prose: str, terms: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
        """(offset, word) for each word in capitals in PROSE that is not an allowed acronym.

        TERMS are names the same text uses in code; a word without vowels (CRLF, HTML) is an
        abbreviation, never a shouted word.
        """
        # Every shouted word holds four capitals in a row: a quick search rules most text out.
        if not _FOUR_CAPITALS.search(prose):
            return []
        return [
            (m.start(), m[0])
            for m in _SHOUTED_WORD.finditer(prose)
            if m[0] not in self.acronyms and m[0] not in terms and set(m[0]) & _VOWELS
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
            for offset, phrase in self.hits(text, code_terms(source))
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


def code_terms(source: str) -> frozenset[str]:
    """Words in capitals the article writes as code (in backticks or a code block)."""
    code = [span for _, line in _code_lines(source) for span in [line]]
    code += [m[0] for m in _INLINE_CODE.finditer(source)]
    return frozenset(word for text in code for word in _CAPITALS.findall(text))


def _code_lines(source: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line in a fenced, indented or reST literal block."""
    fence, literal, blank_before = "", False, True
    for number, line in enumerate(source.splitlines(), start=1):
        opening = _FENCE.match(line)
        if fence or opening:
            yield number, line
            if opening and (not fence or opening[1] == fence):
                fence = "" if fence else opening[1]
            continue
        indented = line.startswith(("    ", "\t")) and bool(line.strip())
        if indented and (blank_before or literal):
            literal = True
            yield number, line
        elif line.strip():
            literal = line.rstrip().endswith("::")
        blank_before = not line.strip() or (literal and blank_before)


def prose_lines(source: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) for the lines of an article a reader sees.

    Header values that are not text (Tags, Slug, reST fields like ':license:'), code blocks
    and inline code are left out: they are not the writer's voice.
    """
    code = {number for number, _ in _code_lines(source)}
    in_header = True
    for number, line in enumerate(source.splitlines(), start=1):
        if in_header and not line.strip():
            in_header = False
            continue
        field = _HEADER_LINE.match(line) if in_header else _RST_FIELD.match(line)
        if in_header or field:
            if field and field[1].lower() in TEXT_FIELDS:
                yield number, line[field.end() :]
            continue
        if number in code:
            continue
        yield number, _INLINE_CODE.sub(lambda m: " " * len(m[0]), line)
