"""What the digest holds, as plain values, and its plain-text twin."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hub.i18n import N_, SOURCE_LANGUAGE, text
from hub.text import plain_text

# The plain-text digest's own words, in the site's language.
OPENING = N_("New from {site}")
READ_IT = N_("Read it: {url}")
EVERY_ARTICLE = N_("Every article: {url}")


@dataclass(frozen=True)
class DigestThing:
    """One thing of an article: its number, title, first sentence and address."""

    number: int
    title: str
    teaser: str
    url: str


@dataclass(frozen=True)
class DigestArticle:
    """One article in the digest: plain text and absolute addresses only."""

    title: str
    url: str
    summary: str
    category: str
    things: tuple[DigestThing, ...]


# (article, fragment, what the link is for) -> the link's absolute address.
LinkMaker = Callable[[Any, str, str], str]


def digest_articles(articles: Iterable[Any], count: int, link: LinkMaker) -> list[DigestArticle]:
    """The COUNT newest articles, each with its things."""
    newest = sorted(articles, key=lambda article: article.date, reverse=True)[:count]
    return [
        DigestArticle(
            title=article.title,
            url=link(article, "", "article"),
            summary=plain_text(article.summary),
            category=str(article.category),
            things=tuple(
                DigestThing(
                    thing.number,
                    thing.title,
                    thing.teaser,
                    link(article, thing.anchor, thing.anchor),
                )
                for thing in getattr(article, "things", ())
            ),
        )
        for article in newest
    ]


def digest_text(
    site_name: str, home: str, articles: Iterable[DigestArticle], lang: str = SOURCE_LANGUAGE
) -> str:
    """The digest as plain text (in LANG), for tools and readers that take no HTML."""
    wrap = textwrap.TextWrapper(width=72, break_long_words=False, break_on_hyphens=False)
    lines = [text(lang, OPENING, site=site_name), ""]
    for article in articles:
        lines += [article.title, "=" * len(article.title)]
        lines += [*wrap.wrap(article.summary), "", text(lang, READ_IT, url=article.url), ""]
        for thing in article.things:
            lines += wrap.wrap(f"{thing.number}. {thing.title}: {thing.teaser}")
            lines += [f"   {thing.url}", ""]
    lines += [text(lang, EVERY_ARTICLE, url=home), ""]
    return "\n".join(lines)
