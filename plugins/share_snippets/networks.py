"""The social networks: one small entry each, with its limit and its own way of counting."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from hub.text import first_sentence

with warnings.catch_warnings():
    # twitter-text-parser imports pkg_resources, which warns about its own deprecation.
    warnings.simplefilter("ignore")
    from twitter_text import parse_tweet

# What Mastodon and the tests treat as a link: a scheme and everything up to white space.
URL = regex.compile(r"https?://\S+")
# Mastodon counts a remote mention `@user@host` as `@user`.
_REMOTE_MENTION = regex.compile(r"(?<![\w@])(@\w+)@[\w.-]+\w")
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")
MASTODON_URL_LENGTH = 23


def graphemes(text: str) -> list[str]:
    """Split TEXT into user-perceived characters (extended grapheme clusters)."""
    return regex.findall(r"\X", text)


def count_x(text: str) -> int:
    """X's weighted length (twitter-text v3: CJK and emoji weigh 2, every URL 23)."""
    # The weight is a sum over the text, and neither a URL nor an emoji sequence spans a space,
    # so each space-separated word is weighed on its own (a space weighs 1). parse_tweet scans a
    # 90 KB emoji pattern at every character: weighing each distinct word once keeps the many
    # trial cuts of shortening cheap. tests/test_share_site.py checks every sample post against
    # a whole-text parse_tweet.
    words = text.split(" ")
    return sum(_weigh_word(word) for word in words) + len(words) - 1


@lru_cache(maxsize=8192)
def _weigh_word(word: str) -> int:
    """One word's twitter-text weight (a pure function, remembered)."""
    return parse_tweet(word).weightedLength if word else 0


def count_mastodon(text: str) -> int:
    """Graphemes, with every URL counted as 23 and remote mentions as local ones."""
    text = _REMOTE_MENTION.sub(r"\1", text)
    urls = URL.findall(text)
    return len(graphemes(URL.sub("", text))) + MASTODON_URL_LENGTH * len(urls)


def count_graphemes(text: str) -> int:
    """Graphemes, the full URL text included (Bluesky)."""
    return len(graphemes(text))


def count_threads(text: str) -> int:
    """Characters, except that an emoji counts as its UTF-8 byte length (Threads)."""
    if not _EMOJI.search(text):
        return len(text)
    return sum(
        len(cluster.encode("utf-8")) if _EMOJI.search(cluster) else len(cluster)
        for cluster in graphemes(text)
    )


def count_characters(text: str) -> int:
    """Unicode code points, the full URL text included."""
    return len(text)


@dataclass(frozen=True)
class Network:
    """One network: how long a post may be, how it is counted, how many hashtags it wants."""

    id: str
    name: str
    limit: int
    count: Callable[[str], int]
    counted_as: str
    hashtags: int = 0
    max_bytes: int | None = None
    # The "…see more" fold: the first sentence must end within this many characters.
    hook: int | None = None

    def fits(self, text: str, lead: str = "") -> bool:
        """True when TEXT is within every limit; LEAD is the prose that must open with the hook."""
        if self.count(text) > self.limit:
            return False
        if self.max_bytes is not None and len(text.encode("utf-8")) > self.max_bytes:
            return False
        return self.hook is None or len(first_sentence(lead)) <= self.hook


NETWORKS: dict[str, Network] = {
    network.id: network
    for network in (
        Network("x", "X", 280, count_x, "twitter-text weighted length", hashtags=2),
        Network(
            "bluesky", "Bluesky", 300, count_graphemes, "graphemes", hashtags=2, max_bytes=3000
        ),
        Network("mastodon", "Mastodon", 500, count_mastodon, "graphemes, links as 23", hashtags=3),
        Network("threads", "Threads", 500, count_threads, "characters, emoji as bytes", hashtags=1),
        Network("linkedin", "LinkedIn", 3000, count_characters, "characters", hashtags=3, hook=200),
        # The network allows 63,206; short posts do better, so the house rule is 500.
        Network("facebook", "Facebook", 500, count_characters, "characters"),
    )
}
