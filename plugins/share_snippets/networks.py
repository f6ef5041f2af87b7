"""The social networks: one small entry each, with its limit and its own way of counting."""

from __future__ import annotations

import string
import sys
import types
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from hub.text import first_sentence

# What Mastodon and the tests treat as a link: a scheme and everything up to white space.
URL = regex.compile(r"https?://\S+")
# Mastodon counts a remote mention `@user@host` as `@user`.
_REMOTE_MENTION = regex.compile(r"(?<![\w@])(@\w+)@[\w.-]+\w")
_GRAPHEME = regex.compile(r"\X")
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")
# A grapheme holding an emoji: it starts at the emoji, or at Prepend marks just before one
# (nothing else can stand before an emoji inside one grapheme).
_EMOJI_CLUSTER = regex.compile(
    r"\p{Grapheme_Cluster_Break=Prepend}*(?=[\p{Extended_Pictographic}\p{Regional_Indicator}])\X"
)
MASTODON_URL_LENGTH = 23
# twitter-text v3's weights (its config["defaults"]): code points in these ranges weigh 1,
# every other one 2. tests/test_share_networks.py checks them against the library.
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
X_URL_LENGTH = 23
# Characters that are never part of a twitter-text emoji, never change under NFC and never
# combine with a neighbour: ASCII, Latin letters, general punctuation (quotes, dashes, …),
# kana, CJK ideographs and Hangul syllables (© and ® are emoji; combining marks compose).
# A word made of these alone, with no "." before its last character (so no link: twitter-text
# finds none without a dot followed by a domain ending), weighs the sum of its characters'
# weights, and parse_tweet need not run; an ASCII one with links needs only twitter-text's
# link finder. tests/test_share_networks.py checks both claims against parse_tweet.
_PLAIN_WORD = regex.compile(
    "[\x21-\x7e\u00a1-\u00a8\u00aa-\u00ac\u00af-\u024f"
    "\u2010-\u2027\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uac00-\ud7a3]*"
)
_SHAPES = str.maketrans(
    string.ascii_letters + string.digits, "a" * len(string.ascii_letters) + "0" * len(string.digits)
)
# Text of plain characters and spaces: every character is a grapheme of its own.
_PLAIN_TEXT = regex.compile(_PLAIN_WORD.pattern.replace("[", "[ ", 1))


def graphemes(text: str) -> list[str]:
    """Split TEXT into user-perceived characters (extended grapheme clusters)."""
    return _GRAPHEME.findall(text)


def count_x(text: str) -> int:
    """X's weighted length (twitter-text v3: CJK and emoji weigh 2, every URL 23)."""
    # The weight is a sum over the text, and neither a URL nor an emoji sequence spans a space,
    # so each space-separated word is weighed on its own (a space weighs 1). parse_tweet scans a
    # 90 KB emoji pattern at every character: weighing each distinct word once keeps the many
    # trial cuts of shortening cheap. tests/test_share_site.py checks every sample post against
    # a whole-text parse_tweet.
    words = text.split(" ")
    return sum(map(_weigh_word, words)) + len(words) - 1


@lru_cache(maxsize=2048)
def _weigh_word(word: str) -> int:
    """One word's twitter-text weight (a pure function, remembered)."""
    if _PLAIN_WORD.fullmatch(word):
        if "." not in word.rstrip("."):
            return sum(_char_weight(ord(char)) for char in word)
        if word.isascii():
            return _weigh_ascii(link_shape(word))
    return _twitter_text()[0](word).weightedLength


def _char_weight(code: int) -> int:
    """One plain character's twitter-text weight: 1 in the light ranges, else 2."""
    return 1 if any(start <= code <= end for start, end in X_LIGHT_RANGES) else 2


def link_shape(word: str) -> str:
    """WORD with every letter after a link's host made "a" and every digit "0"; else WORD.

    twitter-text decides where a link ends by its host and by case-blind classes of the
    characters after it, in which all letters stand together and all digits too: a link and
    its shape weigh the same. Every article's links then share a few shapes, and the slow link
    finder runs once a shape, not once a link. tests/test_share_networks.py checks the claim.
    """
    if not word[:8].lower().startswith(("http://", "https://")) or word.count("://") != 1:
        return word
    host_end = word.find("/", word.index("://") + 3)
    return word if host_end < 0 else word[:host_end] + word[host_end:].translate(_SHAPES)


@lru_cache(maxsize=1024)
def _weigh_ascii(word: str) -> int:
    """parse_tweet's weight of a printable ASCII word, without its emoji scan (none can match).

    As parse_tweet does: every link twitter-text finds weighs 23, every other character 1.
    """
    links = {entity["indices"][0]: entity["url"] for entity in _twitter_text()[1](word)}
    weight = index = 0
    while index < len(word):
        if index in links:
            weight += X_URL_LENGTH
            index += len(links[index])
        else:
            weight += 1
            index += 1
    return weight


@lru_cache(maxsize=1)
def _twitter_text() -> tuple[Callable[[str], Any], Callable[[str], list[dict[str, Any]]]]:
    """twitter-text's parse_tweet and link finder, imported on first use (a slow import)."""
    with warnings.catch_warnings(), _emoji_list_without_pkg_resources():
        # Should pkg_resources be imported after all, it warns about its own deprecation.
        warnings.simplefilter("ignore")
        from twitter_text import parse_tweet
        from twitter_text.extract_urls import extract_urls_with_indices
    return parse_tweet, extract_urls_with_indices


@contextmanager
def _emoji_list_without_pkg_resources() -> Iterator[None]:
    """Let twitter-text read its emoji list while it is imported, without pkg_resources.

    twitter-text asks pkg_resources.resource_string for one file beside one of its modules;
    importing pkg_resources for that costs about 5 MB and a tenth of a second. A stand-in
    with that one function is put in place for the import only (never over a real one).
    """
    if "pkg_resources" in sys.modules:
        yield
        return
    stand_in = types.ModuleType("pkg_resources")

    def resource_string(module: str, name: str) -> bytes:
        return Path(sys.modules[module].__file__ or "").with_name(name).read_bytes()

    stand_in.resource_string = resource_string  # type: ignore[attr-defined]
    sys.modules["pkg_resources"] = stand_in
    try:
        yield
    finally:
        if sys.modules.get("pkg_resources") is stand_in:
            del sys.modules["pkg_resources"]


def _grapheme_count(text: str) -> int:
    """How many graphemes TEXT has; its length when it is spaces and plain characters only."""
    if (text.isascii() and "\r" not in text) or _PLAIN_TEXT.fullmatch(text):
        return len(text)
    return len(graphemes(text))


def count_mastodon(text: str) -> int:
    """Graphemes, with every URL counted as 23 and remote mentions as local ones."""
    text = _REMOTE_MENTION.sub(r"\1", text)
    urls = URL.findall(text)
    return _grapheme_count(URL.sub("", text)) + MASTODON_URL_LENGTH * len(urls)


def count_graphemes(text: str) -> int:
    """Graphemes, the full URL text included (Bluesky)."""
    return _grapheme_count(text)


def count_threads(text: str) -> int:
    """Characters, except that an emoji counts as its UTF-8 byte length (Threads)."""
    # A grapheme with an emoji in it counts all its bytes; every other grapheme its characters.
    return len(text) + sum(
        len(cluster.encode("utf-8")) - len(cluster) for cluster in _EMOJI_CLUSTER.findall(text)
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
