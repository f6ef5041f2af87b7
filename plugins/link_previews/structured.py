"""The Article JSON-LD, built as a plain dict from plain values (pure)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class Answered(Protocol):
    """A reader's question and the writer's answer (conversation's AnsweredQuestion)."""

    question: str
    name: str
    date: datetime.date
    answer: str


@dataclass(frozen=True)
class SocialImage:
    """The picture networks show for an article."""

    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class ArticleFacts:
    """What the structured data says about one article, as plain values."""

    title: str
    description: str
    url: str
    published: datetime.datetime
    modified: datetime.datetime | None
    author: str
    site_name: str
    site_url: str
    logo_url: str
    image: SocialImage | None
    answered: Sequence[Answered] = ()
    language: str = ""  # the article's language code (BCP 47), as in <html lang>


def _organisation(name: str, url: str, logo_url: str = "") -> dict[str, Any]:
    """A schema.org Organization, with its logo when known."""
    organisation: dict[str, Any] = {"@type": "Organization", "name": name, "url": url}
    if logo_url:
        organisation["logo"] = {"@type": "ImageObject", "url": logo_url}
    return organisation


def _comment(answered: Answered, site_name: str) -> dict[str, Any]:
    """A reader's question as a Comment, the shop's answer nested under it."""
    # The answer's author is named, not repeated in full: the publisher above says the rest.
    shop = {"@type": "Organization", "name": site_name}
    return {
        "@type": "Comment",
        "text": answered.question,
        "author": {"@type": "Person", "name": answered.name},
        "dateCreated": answered.date.isoformat(),
        "comment": [{"@type": "Comment", "text": answered.answer, "author": shop}],
    }


def article_data(facts: ArticleFacts) -> dict[str, Any]:
    """The schema.org Article for FACTS, ready for the script_json filter."""
    publisher = _organisation(facts.site_name, facts.site_url, facts.logo_url)
    # The site's own name as author means the shop wrote it, not a person.
    if facts.author and facts.author != facts.site_name:
        author: dict[str, Any] = {"@type": "Person", "name": facts.author}
    else:
        author = {"@type": "Organization", "name": facts.site_name}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": facts.title,
        "description": facts.description,
        "url": facts.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": facts.url},
        "datePublished": facts.published.isoformat(),
        "dateModified": (facts.modified or facts.published).isoformat(),
        "author": author,
        "publisher": publisher,
    }
    if facts.language:
        data["inLanguage"] = facts.language
    if facts.image:
        data["image"] = {
            "@type": "ImageObject",
            "url": facts.image.url,
            "width": facts.image.width,
            "height": facts.image.height,
        }
    if facts.answered:
        data["comment"] = [_comment(item, facts.site_name) for item in facts.answered]
    return data
