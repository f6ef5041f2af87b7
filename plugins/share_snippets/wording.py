"""The default wordings and how a post's wording is chosen: fitting the moment, varied (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import regex

from hub.text import first_sentence

# Each kind has a few wordings; posts take turns through them so a feed never reads like a form.
# `intro_new` opens while the article is new (SHARE_NEW_DAYS), `intro` after; `thing_question`
# is for a thing whose heading is a question. {reply} is the line that matches what the article
# offers (comments, a form or email); the REPLIES below.
DEFAULT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "intro": (
        "{hook}",
        "In case you missed it: {hook}",
        # No intro opens like another kind ("From “…”, tip 2"): an intro follows those in a feed.
        "On the {site} blog: {hook}",
    ),
    "intro_new": (
        "New from {site}: {hook}",
        "Just published: {hook}",
        # No colon: for a hook that has one of its own ("three jobs left in it: microwave…").
        "New on the {site} blog today. {hook}",
    ),
    "thing": (
        "Tip {number} of {count}: {title}. {teaser}",
        "From “{article}”, tip {number}: {title}. {teaser}",
        "{title}. {teaser} That's tip {number} of {count} in “{article}”.",
        "{title}. {teaser}",
    ),
    "thing_question": (
        "{title} {teaser}",
        "Worth asking: {title} {teaser}",
        "{title} {teaser} Question {number} of {count} in “{article}”.",
    ),
    "question": (
        "{question} {reply}",
        "We'd love to know: {question} {reply}",
        "Over to you: {question} {reply}",
    ),
    "answer": (
        "Reader question: “{question}” Our answer: {answer}",
        # Reader names stay out of the defaults: a post travels further than the page.
        "You asked: “{question}” Here's what we said: {answer}",
        "Good question from a reader: “{question}” {answer}",
    ),
}
# The named fields each kind's wordings may use.
_INTRO = frozenset({"hook", "title", "summary", "site"})
_THING = frozenset({"number", "count", "title", "teaser", "article", "site"})
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {
    "intro": _INTRO,
    "intro_new": _INTRO,
    "thing": _THING,
    "thing_question": _THING,
    "question": frozenset({"question", "reply", "article", "site"}),
    "answer": frozenset({"question", "answer", "name", "article", "site"}),
}
# What the question post invites, by what the article's conversation section offers.
REPLIES: dict[str, tuple[str, ...]] = {
    "comments": (
        "Tell us in the comments under the article.",
        "Reply here, or join the conversation in the comments.",
        "We read every comment: tell us under the article.",
    ),
    "form": (
        "Reply here, or tell us with the form under the article.",
        "There's a form at the end of the article: we read every answer.",
        "Tell us in the replies or with the form on the article.",
    ),
    "email": (
        "Reply here or email us: we read every one.",
        "Tell us in the replies, or by email from the article.",
        "Answers welcome, here or by email.",
    ),
    "": (
        "Tell us in the replies.",
        "Reply and let us know.",
        "We'd love to hear yours in the replies.",
    ),
}

T = TypeVar("T")
_WORDS = regex.compile(r"[\p{L}\p{N}']+")


def edge_words(prose: str) -> tuple[str, str]:
    """PROSE's first and last words, lowercased: what a feed must not repeat post after post."""
    words = _WORDS.findall(prose.lower())
    return (words[0], words[-1]) if words else ("", "")


def echoes(teaser: str, title: str) -> bool:
    """True when TEASER opens with its title's first two words ("Roast chickpeas are…")."""
    opening = _WORDS.findall(teaser.lower())[:2]
    return len(opening) == 2 and opening == _WORDS.findall(title.lower())[:2]


def reads_like_a_form(prose: str) -> bool:
    """True when one sentence holds two colons or a stop before a colon ("Title: summary: more")."""
    sentence = first_sentence(prose)
    return sentence.count(":") > 1 or bool(regex.search(r"[.!?\u2026]\s*:", sentence))


def in_turn(wordings: Sequence[T], start: int) -> list[T]:
    """WORDINGS starting from the START-th (taken round), each once."""
    if not wordings:
        return []
    start %= len(wordings)
    return [*wordings[start:], *wordings[:start]]


def without_field(template: str, name: str) -> str:
    """TEMPLATE with {NAME} taken out, and the label that announced it ("Our answer: {answer}")."""
    placeholder = "{" + name + "}"
    before, found, after = template.partition(placeholder)
    if not found:
        return template
    # The label is what stands between the last sentence's end and the field, ending in ":".
    label = regex.search(r"(?:^|(?<=[.!?\u201d\u2026]\s))[^.!?\u201d\u2026]*:\s*$", before)
    if label:
        before = before[: label.start()]
    return before + after
