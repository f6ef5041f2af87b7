"""The social feed: one RSS item per planned post, with the post's card as its picture."""

from __future__ import annotations

import html
import io
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from feedgenerator import Enclosure, Rss201rev2Feed

from .absolute import xml_safe

MEDIA_NS = "http://search.yahoo.com/mrss/"


@dataclass(frozen=True)
class Picture:
    """A post's picture: absolute address, size in pixels and bytes, and type."""

    url: str
    width: int
    height: int
    length: int
    mime_type: str


@dataclass(frozen=True)
class SocialItem:
    """One planned post as a feed item."""

    guid: str
    title: str
    text: str
    link: str
    network: str
    scheduled_at: datetime
    picture: Picture | None


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with Media RSS: each item's picture as media:content as well as an enclosure."""

    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        picture = item.get("picture")
        if picture:
            handler.addQuickElement(
                "media:content",
                None,
                {
                    "url": picture.url,
                    "type": picture.mime_type,
                    "medium": "image",
                    "width": str(picture.width),
                    "height": str(picture.height),
                    "fileSize": str(picture.length),
                },
            )


def post_guid(origin: str, article_url: str, snippet_id: str) -> str:
    """A post's id: its article's address and the post's name, the same on every build."""
    return f"{origin}/{article_url.lstrip('/')}#post-{snippet_id}"


def chosen(snippets: Iterable[Any], network: str) -> list[Any]:
    """The planned posts (a time in the plan) of NETWORK, or of every network for 'all'."""
    return [
        snippet
        for snippet in snippets
        if snippet.scheduled_at is not None and network in ("all", snippet.network)
    ]


def picture_of(image: Any, size_of: Any) -> Picture | None:
    """A Picture from an article's social image, its size in bytes found by SIZE_OF(url)."""
    if image is None:
        return None
    path = urlsplit(image.url).path
    mime_type = mimetypes.guess_type(path)[0] or "image/png"
    return Picture(image.url, image.width, image.height, size_of(image.url), mime_type)


def social_feed_xml(
    items: Iterable[SocialItem], *, title: str, link: str, feed_url: str, description: str
) -> str:
    """The feed's XML, items in planned order."""
    feed = MediaRssFeed(title=title, link=link, feed_url=feed_url, description=description)
    for item in sorted(items, key=lambda item: (item.scheduled_at, item.guid)):
        picture = item.picture
        feed.add_item(
            title=item.title,
            link=item.link,
            # RSS readers take a description as HTML: the post's plain text, escaped for it.
            description=html.escape(item.text, quote=False),
            unique_id=item.guid,
            unique_id_is_permalink=False,
            pubdate=item.scheduled_at,
            categories=[item.network],
            enclosures=[Enclosure(picture.url, str(picture.length), picture.mime_type)]
            if picture
            else None,
            picture=picture,
        )
    xml_safe(feed)
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue()
