"""The plugin's settings, declared once with their defaults (LINK_PREVIEWS_*)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from typing import Any

from hub.settings import settings_from

from .intents import INTENTS

PREFIX = "LINK_PREVIEWS"
# A fediverse account as Mastodon writes it: @name@server.
FEDIVERSE_ACCOUNT = re.compile(
    r"@[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)


@dataclass(frozen=True)
class LinkPreviewSettings:
    """Share buttons, link-preview meta and social cards."""

    # Which share buttons the article page shows, in this order.
    networks: tuple[str, ...] = tuple(INTENTS)
    # Tag each share button's link with utm_source/medium/campaign/content.
    utm: bool = True
    # Draw a social card per article (articles with their own `Image:` keep theirs).
    cards: bool = True
    # And one per thing, for the posts that link to it (share_snippets' short link pages).
    thing_cards: bool = True
    # Where drawn cards are kept between builds; "" means the folder "social-cards" in CACHE_PATH.
    card_cache: str = ""
    # Where cards go inside the output.
    card_folder: str = "images/cards"
    # Draw in this many processes once at least `card_parallel_from` cards are missing.
    card_workers: int = 2
    card_parallel_from: int = 8
    # The publisher's logo in the JSON-LD: a site-relative path or an absolute URL;
    # "" means site.yml's logo, else the theme's favicon.
    logo: str = ""
    # The site's Mastodon account ("@larderlane@mastodon.social"): previews on Mastodon,
    # Flipboard and Threads then say "by" that account (the fediverse:creator meta).
    fediverse_creator: str = ""

    def __post_init__(self) -> None:
        networks = tuple(self.networks)
        if unknown := [name for name in networks if name not in INTENTS]:
            raise ValueError(
                f"{PREFIX}_NETWORKS: unknown network {', '.join(map(repr, unknown))};"
                f" use some of {', '.join(INTENTS)}"
            )
        object.__setattr__(self, "networks", networks)
        for name in ("card_workers", "card_parallel_from"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{PREFIX}_{name.upper()}: {value!r} is not a whole number ≥ 1")
        creator = self.fediverse_creator
        if creator and not (isinstance(creator, str) and FEDIVERSE_ACCOUNT.fullmatch(creator)):
            raise ValueError(
                f"{PREFIX}_FEDIVERSE_CREATOR: {creator!r} is not a fediverse account;"
                " write it as Mastodon shows it, like '@larderlane@mastodon.social'"
            )
        for name in ("utm", "cards", "thing_cards"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{PREFIX}_{name.upper()}: use True or False")


def load_settings(settings: dict[str, Any]) -> LinkPreviewSettings:
    """The plugin's settings from Pelican's, refusing names it does not know."""
    known = {f"{PREFIX}_{field.name.upper()}" for field in fields(LinkPreviewSettings)}
    ours = (key for key in settings if key.startswith(f"{PREFIX}_"))
    if unknown := sorted(key for key in ours if key not in known):
        raise ValueError(
            f"{', '.join(unknown)}: unknown setting; known: {', '.join(sorted(known))}"
        )
    return settings_from(LinkPreviewSettings, PREFIX, settings)


def card_cache_dir(preferences: LinkPreviewSettings, settings: dict[str, Any]) -> str:
    """The folder that keeps drawn cards between builds."""
    return preferences.card_cache or os.path.join(settings["CACHE_PATH"], "social-cards")
