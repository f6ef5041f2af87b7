"""Shorter versions of a post's body that a writer would accept: whole sentences, then a clause."""

from __future__ import annotations

import regex

from hub.text import sentences

ELLIPSIS = "\u2026"
# A natural break inside a sentence: a semicolon, a dash, a colon, an opening bracket, or a
# comma before a word that starts a new clause. The cut keeps what comes before it.
_CLAUSE_BREAK = regex.compile(
    r"(?:;|:|\s[\u2013\u2014]|\s\(|,(?=\s(?:and|but|so|or|because|while|which|since|though"
    r"|although|when|where|as|until|unless|whether|if|then|from|with|without|rather|plus"
    r"|yet|before|after|especially|for example|like|including|not)\b))",
    regex.IGNORECASE,
)
# Words a cut must never end on: they promise more that the cut leaves out.
_DANGLING = regex.compile(
    r"(?:\s(?:and|or|but|so|of|the|a|an|to|with|for|in|on|at|by|from|as|than|that|your|our))+$",
    regex.IGNORECASE,
)
# Fewer words than this is not a clause worth posting.
MIN_CLAUSE_WORDS = 4


def by_sentences(text: str) -> list[str]:
    """TEXT's leading sentences, longest first: all of them, then one fewer, down to one."""
    parts = sentences(text)
    return [" ".join(parts[:count]) for count in range(len(parts), 0, -1)]


def clauses(sentence: str) -> list[str]:
    """SENTENCE cut at each natural break, longest first, each ending with an ellipsis."""
    cuts = []
    for found in _CLAUSE_BREAK.finditer(sentence):
        kept = _DANGLING.sub("", sentence[: found.start()].rstrip(" ,;:"))
        if len(kept.split()) >= MIN_CLAUSE_WORDS:
            cuts.append(kept + ELLIPSIS)
    return sorted(set(cuts), key=len, reverse=True)


def shorter_bodies(text: str) -> list[str]:
    """Every acceptable body for TEXT, longest first: whole sentences, then clauses, then none."""
    if not text:
        return [""]
    whole = by_sentences(text)
    return [*whole, *clauses(whole[-1]), ""] if whole else [""]
