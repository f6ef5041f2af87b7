"""The feeds plugin's settings, declared once with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "FEEDS"


@dataclass(frozen=True)
class FeedsSettings:
    """FEEDS_* settings; every value is checked when the build starts."""

    # Where the social feed goes; empty writes none.
    social_save_as: str = "feeds/social.xml"
    # One network's posts (like "bluesky"), or "all" for every network's.
    social_network: str = "all"

    def __post_init__(self) -> None:
        if not isinstance(self.social_save_as, str) or (
            self.social_save_as and not self.social_save_as.endswith(".xml")
        ):
            raise ValueError(
                f"FEEDS_SOCIAL_SAVE_AS must be a path ending in .xml (or empty for no social"
                f" feed), not {self.social_save_as!r}"
            )
        if not isinstance(self.social_network, str) or not self.social_network.strip():
            raise ValueError(
                "FEEDS_SOCIAL_NETWORK must be a network's name like 'bluesky', or 'all'"
            )
