"""The starter text `invoke new` writes into a draft, and finding it left in an article."""

from __future__ import annotations

import re

SUMMARY = "Say in one or two sentences what the reader will get from this article."
INTRO = "Write a short intro that says exactly what the reader will get."
TEASER = (
    "Start with one sentence that stands on its own: it becomes this thing's teaser"
    " in social posts. Then explain how, with quantities and times."
)


def heading(number: int) -> str:
    """The starter heading of thing NUMBER."""
    return f"Name thing {number} in a few words"


# Each starter sentence, found whole: a writer who kept a few of its words has rewritten it.
_LEFT = re.compile(
    "|".join([r"Name thing \d+ in a few words", *(re.escape(text) for text in (SUMMARY, INTRO))])
    + "|"
    + re.escape(TEASER.split(":", 1)[0])
)


def starter_left(text: str) -> str | None:
    """The first starter sentence still in TEXT (an article's HTML or a field), or None."""
    found = _LEFT.search(text)
    return found.group(0) if found else None
