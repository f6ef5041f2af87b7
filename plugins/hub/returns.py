"""What the results a writer brought back say about each post, for the posting plan (plain)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PostReturns:
    """Visits counted from the UTM tags of landing addresses.

    `posts` maps (article slug, network, utm_content) to the visits those posts brought;
    `networks` maps each network (utm_source) to every tagged visit it brought.
    """

    posts: Mapping[tuple[str, str, str], int] = field(default_factory=dict)
    networks: Mapping[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.posts or self.networks)
