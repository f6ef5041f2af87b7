"""The default wordings and how a post's wording is chosen: fitting the moment, varied (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

import regex

from hub.i18n import N_, text
from hub.text import first_sentence

# Each kind has a few wordings; posts take turns through them so a feed never reads like a form.
# `intro_new` opens while the article is new (SHARE_NEW_DAYS), `intro` after; `thing_question`
# is for a thing whose heading is a question. {reply} is the line that matches what the article
# offers (comments, a form or email); the REPLIES below. Each is said in the article's language
# (`in_language`); a site's own SHARE_TEMPLATES stay as it writes them.
# Wordings that are only fields need no translating, so they are not marked.
DEFAULT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "intro": (
        "{hook}",
        N_("In case you missed it: {hook}"),
        # No intro opens like another kind ("From “…”, tip 2"): an intro follows those in a feed.
        N_("On the {site} blog: {hook}"),
    ),
    "intro_new": (
        N_("New from {site}: {hook}"),
        N_("Just published: {hook}"),
        # No colon: for a hook that has one of its own ("three jobs left in it: microwave…").
        N_("New on the {site} blog today. {hook}"),
    ),
    "thing": (
        N_("Tip {number} of {count}: {title}. {teaser}"),
        N_("From “{article}”, tip {number}: {title}. {teaser}"),
        N_("{title}. {teaser} That's tip {number} of {count} in “{article}”."),
        "{title}. {teaser}",
    ),
    "thing_question": (
        "{title} {teaser}",
        N_("Worth asking: {title} {teaser}"),
        N_("{title} {teaser} Question {number} of {count} in “{article}”."),
    ),
    "question": (
        "{question} {reply}",
        N_("We'd love to know: {question} {reply}"),
        N_("Over to you: {question} {reply}"),
    ),
    "answer": (
        N_("Reader question: “{question}” Our answer: {answer}"),
        # Reader names stay out of the defaults: a post travels further than the page.
        N_("You asked: “{question}” Here's what we said: {answer}"),
        N_("Good question from a reader: “{question}” {answer}"),
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
        N_("Tell us in the comments under the article."),
        N_("Reply here, or join the conversation in the comments."),
        N_("We read every comment: tell us under the article."),
    ),
    "form": (
        N_("Reply here, or tell us with the form under the article."),
        N_("There's a form at the end of the article: we read every answer."),
        N_("Tell us in the replies or with the form on the article."),
    ),
    "email": (
        N_("Reply here or email us: we read every one."),
        N_("Tell us in the replies, or by email from the article."),
        N_("Answers welcome, here or by email."),
    ),
    "": (
        N_("Tell us in the replies."),
        N_("Reply and let us know."),
        N_("We'd love to hear yours in the replies."),
    ),
}

# Who asked, when the reader gave no name (conversation says the same).
# Translators: stands in for a reader's name ("Asked by a reader"): a word that reads as one.
ANONYMOUS = N_("a reader")

T = TypeVar("T")
_WORDS = regex.compile(r"[\p{L}\p{N}']+")


def in_language(wordings: Mapping[str, Sequence[str]], lang: str) -> dict[str, tuple[str, ...]]:
    """WORDINGS (the defaults, or REPLIES) by kind, each said in LANG."""
    return {kind: tuple(text(lang, each) for each in found) for kind, found in wordings.items()}


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
    # Closing quotes of every language the hub speaks end a sentence too: ” » “ (German „…“).
    label = regex.search(
        r"(?:^|(?<=[.!?\u201d\u00bb\u201c\u2026]\s))[^.!?\u201d\u00bb\u201c\u2026]*:\s*$", before
    )
    if label:
        before = before[: label.start()]
    return before + after
