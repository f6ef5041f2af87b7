"""Hashtags from a writer's words: CamelCased, valid on every network, never all digits."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from hub.text import plain_text

_WORD_CHARS = r"\p{L}\p{M}\p{N}_"
_HASHTAG = regex.compile(rf"[{_WORD_CHARS}]+")
_HASHTAG_SPLIT = regex.compile(rf"[^{_WORD_CHARS}']+")
_ALL_DIGITS = regex.compile(r"\p{N}+")


def hashtag(word: str) -> str:
    """CamelCase a tag into a hashtag body ("batch cooking" -> "BatchCooking"); "" when unusable."""
    parts = [part.replace("'", "") for part in _HASHTAG_SPLIT.split(word)]
    camel = "".join(part[:1].upper() + part[1:] for part in parts if part)
    if not _HASHTAG.fullmatch(camel) or _ALL_DIGITS.fullmatch(camel):
        return ""
    return camel


def hashtags(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Return the usable hashtags (deduplicated, in order) and the words that cannot be one."""
    usable: list[str] = []
    rejected: list[str] = []
    seen: set[str] = set()
    for word in words:
        tag = hashtag(plain_text(word))
        if not tag:
            rejected.append(word)
        elif tag.casefold() not in seen:
            seen.add(tag.casefold())
            usable.append(tag)
    return usable, rejected
