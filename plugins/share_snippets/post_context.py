"""What posts need beyond their article's fields: feed turn, newness, conversation, short codes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from hub import i18n
from hub.urls import site_origin

from .compose import ArticleData, post_ids
from .networks import Network
from .settings import ShareSettings
from .short_links import SHORT_FOLDER, short_codes


def share_key(article: Any) -> str:
    """ARTICLE's name in the plan and the kit (a translation's has its language)."""
    return i18n.content_key(article)


def published_with_translations(articles: Sequence[Any]) -> list[Any]:
    """The published ARTICLES and, after each, its published translations."""
    return [item for article in articles for item in (article, *article.translations)]


def with_site_context(
    found: Sequence[tuple[Any, ArticleData]],
    networks: Sequence[Network],
    config: ShareSettings,
    settings: Mapping[str, Any],
) -> list[tuple[Any, ArticleData]]:
    """FOUND's (article, values), each given its turn, its short codes and how links weigh."""
    every_id = {share_key(article): post_ids(data, networks) for article, data in found}
    codes = short_codes((slug, post) for slug, ids in every_id.items() for _, post in ids)
    base = f"{site_origin(dict(settings))}/{SHORT_FOLDER}/" if config.short_links else ""
    newest = sorted((article for article, _ in found), key=lambda a: a.date, reverse=True)
    turns = {share_key(article): turn for turn, article in enumerate(newest)}
    return [
        (
            article,
            replace(
                data,
                turn=turns[share_key(article)],
                link_room=config.link_room,
                preview=not settings.get("SITEURL"),
                short_base=base,
                short_codes={post: codes[key, post] for _, post in every_id[key]},
            ),
        )
        for article, data in found
        for key in (share_key(article),)
    ]


def new_on(
    slug: str,
    date: datetime,
    planned: Mapping[tuple[str, str], datetime],
    networks: Sequence[Network],
    days: int,
) -> frozenset[str]:
    """The networks whose intro of the article SLUG (dated DATE) goes out while it is new."""
    fresh = timedelta(days=days)
    return frozenset(
        network.id
        for network in networks
        if (when := planned.get((slug, f"{network.id}-intro"))) is not None and when - date <= fresh
    )


def conversation_reply(article: Any) -> str:
    """What ARTICLE's conversation section offers (conversation's published attribute)."""
    section = getattr(article, "conversation_section", None)
    if section is None:
        return ""
    if getattr(section, "comments", None) is not None:
        return "comments"
    return "form" if getattr(section, "form", None) is not None else "email"


def at_the_moment(
    article: Any, data: ArticleData, date: datetime, planned: Any, networks: Any, days: int
) -> ArticleData:
    """DATA with what is known only once the plan is made and every plugin has run."""
    return replace(
        data,
        new_on=new_on(share_key(article), date, planned, networks, days),
        reply=conversation_reply(article),
    )
