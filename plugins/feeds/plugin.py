"""Pelican glue for feeds: absolute Atom feeds, and the social feed once the posts are planned."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelican import signals

from hub import signals as hub_signals
from hub.i18n import N_, language_of, text
from hub.settings import known_settings_from
from hub.urls import absolute_url, site_origin

from .absolute import make_absolute, xml_safe
from .settings import PREFIX, FeedsSettings
from .social import SocialItem, chosen, picture_of, post_guid, social_feed_xml

logger = logging.getLogger(__name__)
# The social feed's own title and description, in the site's language.
FEED_TITLE = N_("{site}: planned social posts")
FEED_DESCRIPTION = N_("Ready-made posts linking to {site}'s articles, one per planned post.")
# Output folder -> the social feed's items so far (filled as share_snippets composes posts).
_POSTS: dict[str, list[SocialItem]] = {}
_NETWORKS_SEEN: dict[str, set[str]] = {}


def options(settings: dict[str, Any]) -> FeedsSettings:
    """The checked FEEDS_* settings."""
    return known_settings_from(FeedsSettings, PREFIX, settings)


def check_settings(pelican: Any) -> None:
    """Stop a build with a wrong FEEDS_* value before anything is read."""
    options(pelican.settings)
    _POSTS[pelican.settings["OUTPUT_PATH"]] = []
    _NETWORKS_SEEN[pelican.settings["OUTPUT_PATH"]] = set()


def absolute_feed(context: dict[str, Any], feed: Any) -> None:
    """Every link in a feed Pelican made is absolute (SITEURL, or the preview's address), and
    every text one XML can hold."""
    make_absolute(feed, site_origin(context))
    xml_safe(feed)


def file_size(settings: dict[str, Any], url: str) -> int:
    """The size of the built file at URL on this site (0 when it is not one of its files)."""
    origin = site_origin(settings)
    if not url.startswith(origin + "/"):
        return 0
    relative = urlsplit(url).path.removeprefix(urlsplit(origin).path).lstrip("/")
    path = Path(settings["OUTPUT_PATH"], relative)
    return path.stat().st_size if path.is_file() else 0


def collect_posts(sender: Any, article: Any, snippets: list[Any]) -> None:
    """Keep one article's planned posts as feed items (share_snippets' published signal)."""
    settings = sender.settings
    output = settings["OUTPUT_PATH"]
    items = _POSTS.setdefault(output, [])
    _NETWORKS_SEEN.setdefault(output, set()).update(snippet.network for snippet in snippets)
    origin = site_origin(settings)
    image = getattr(article, "social_image", None)
    for snippet in chosen(snippets, options(settings).social_network):
        items.append(
            SocialItem(
                guid=post_guid(origin, article.url, snippet.id),
                title=f"{article.title} ({snippet.id})",
                text=snippet.text,
                link=snippet.link,
                network=snippet.network,
                scheduled_at=snippet.scheduled_at,
                picture=picture_of(image, lambda url: 0),
            )
        )


def write_social_feed(pelican: Any) -> None:
    """Write the social feed after every page and card is written."""
    settings = pelican.settings
    output = settings["OUTPUT_PATH"]
    items = _POSTS.pop(output, [])
    seen = _NETWORKS_SEEN.pop(output, set())
    chosen_options = options(settings)
    if not chosen_options.social_save_as:
        return
    network = chosen_options.social_network
    if seen and network != "all" and network not in seen:
        logger.error(
            "pelicanconf.py: FEEDS_SOCIAL_NETWORK %r is not one of the networks posts are"
            " written for (%s); use one of them or 'all'",
            network,
            ", ".join(sorted(seen)),
        )
        return
    # The cards are written by now: their sizes can be read.
    items = [_sized(settings, item) for item in items]
    target = Path(output, chosen_options.social_save_as)
    target.parent.mkdir(parents=True, exist_ok=True)
    name = settings.get("SITENAME", "")
    lang = language_of(settings.get("DEFAULT_LANG"))
    target.write_text(
        social_feed_xml(
            items,
            title=text(lang, FEED_TITLE, site=name),
            link=absolute_url(settings, ""),
            feed_url=absolute_url(settings, chosen_options.social_save_as),
            description=text(lang, FEED_DESCRIPTION, site=name),
        ),
        encoding="utf-8",
    )


def _sized(settings: dict[str, Any], item: SocialItem) -> SocialItem:
    """ITEM with its picture's size in bytes, read from the written card."""
    if item.picture is None or item.picture.length:
        return item
    size = file_size(settings, item.picture.url)
    return replace(item, picture=replace(item.picture, length=size))


def register() -> None:
    """Connect the handlers."""
    signals.initialized.connect(check_settings)
    signals.feed_generated.connect(absolute_feed)
    hub_signals.snippets_composed.connect(collect_posts)
    signals.finalized.connect(write_social_feed)
