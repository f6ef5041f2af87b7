"""Each network counts a post its own way: table tests, including the spec's traps."""

import pytest

from share_snippets.networks import (
    NETWORKS,
    count_characters,
    count_graphemes,
    count_mastodon,
    count_threads,
    count_x,
)

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man, woman, girl joined by ZWJ
FLAG = "\U0001f1ec\U0001f1e7"  # GB: two regional indicators
THUMBS = "\U0001f44d\U0001f3fd"  # thumbs up, medium skin tone
LONG_URL = "https://www.example.com/a/very/long/path/to/an/article/?utm_source=x#thing-2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", 5),
        ("\u2026", 2),  # the ellipsis is outside the 1-weight ranges
        ("...", 3),
        ("\u65e5\u672c\u8a9e", 6),  # CJK weighs 2
        (FAMILY, 2),  # one emoji sequence weighs 2
        (FLAG, 2),
        (THUMBS, 2),
        (LONG_URL, 23),  # every URL weighs 23
        (f"Read {LONG_URL}", 28),
        ("example.com", 23),  # bare domains are URLs too
        ("caf\u00e9", 4),
        ("cafe\u0301", 4),  # NFC-normalised first
    ],
)
def test_x_weighted_length(text, expected):
    assert count_x(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", 5),
        (FAMILY, 1),
        (FLAG, 1),
        (THUMBS, 1),
        ("cafe\u0301", 4),  # e + combining accent is one grapheme
        (LONG_URL, 23),
        (f"Read {LONG_URL} now", 23 + 9),
        ("http://127.0.0.1:8000/beans/", 23),
        ("@sam@social.example hi", 7),  # a remote mention counts as the local one
        ("\u65e5\u672c", 2),
    ],
)
def test_mastodon_graphemes_with_links_as_23(text, expected):
    assert count_mastodon(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FAMILY, 1),
        (FLAG, 1),
        ("cafe\u0301", 4),
        (LONG_URL, len(LONG_URL)),  # Bluesky counts the whole URL
        ("\u0627\u0644\u0641\u0648\u0644", 5),  # right-to-left letters
    ],
)
def test_bluesky_counts_graphemes_and_whole_urls(text, expected):
    assert count_graphemes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", 5),
        ("\U0001f34b", 4),  # a lemon emoji is 4 UTF-8 bytes
        (FAMILY, len(FAMILY.encode())),  # 18 bytes
        (FLAG, 8),
        ("\u65e5\u672c", 2),  # CJK letters are characters, not emoji
        ("a\U0001f34bb", 6),
    ],
)
def test_threads_counts_emoji_as_bytes(text, expected):
    assert count_threads(text) == expected


def test_linkedin_and_facebook_count_code_points():
    assert count_characters(f"{FAMILY} {LONG_URL}") == 5 + 1 + len(LONG_URL)


def test_registry_limits_match_the_networks():
    limits = {name: network.limit for name, network in NETWORKS.items()}
    assert limits == {
        "x": 280, "bluesky": 300, "mastodon": 500, "threads": 500, "linkedin": 3000,
        "facebook": 500,
    }  # fmt: skip


def test_bluesky_also_limits_bytes():
    bluesky = NETWORKS["bluesky"]
    assert bluesky.fits("\U0001f34b" * 300)  # 300 graphemes, 1200 bytes
    assert not bluesky.fits("\U0001f34b" * 301)
    assert bluesky.max_bytes == 3000


def test_linkedin_keeps_the_hook_in_the_first_200_characters():
    linkedin = NETWORKS["linkedin"]
    assert linkedin.fits("x", lead="Short hook. Then " + "word " * 200)
    assert not linkedin.fits("x", lead="word " * 50 + "end.")
