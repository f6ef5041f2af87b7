"""Plain text from the small HTML fragments Markdown produces."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# A sentence ends at . ! or ? followed by space and a capital, a digit or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[A-Z0-9\"\u201c\u2018(])")


def plain_text(fragment: str) -> str:
    """Strip tags, decode entities and fold white space."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def first_sentence(text: str) -> str:
    """Return the first sentence of plain text (all of it when it has one sentence)."""
    return _SENTENCE_END.split(text, maxsplit=1)[0].strip()


def sentences(text: str) -> list[str]:
    """Split plain text into its sentences, each with its own closing stop."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def word_count(fragment: str) -> int:
    """Count the words of an HTML fragment."""
    return len(plain_text(fragment).split())
