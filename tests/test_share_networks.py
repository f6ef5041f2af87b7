"""Each network counts a post its own way: table tests, including the spec's traps."""

from pathlib import Path

import pytest
import regex

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


def _threads_by_definition(text):
    """Threads' rule read literally: each grapheme holding an emoji counts its UTF-8 bytes."""
    emoji = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")
    return sum(
        len(cluster.encode()) if emoji.search(cluster) else len(cluster)
        for cluster in regex.findall(r"\X", text)
    )


@pytest.mark.parametrize(
    "text",
    [
        f"Tip {FAMILY} and {FLAG}{FLAG} with \U0001f44d\U0001f3fd, 1\ufe0f\u20e3, \u2764\ufe0f",
        "\u0600\U0001f34b and \u0600x",  # a Prepend mark joins the emoji after it
        "a\u200d\U0001f34b, a\U0001f3fd, e\u0301\U0001f34b\u200d\U0001f525 \U0001f1ec",
        "plain words only, \u65e5\u672c\u8a9e and \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    ],
)
def test_threads_count_matches_its_definition(text):
    assert count_threads(text) == _threads_by_definition(text)


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


def _twitter_text():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from twitter_text import parse_tweet
        from twitter_text.config import config
        from twitter_text.regexp.emoji import emoji_list
    return parse_tweet, config, emoji_list


def _plain_characters() -> list[str]:
    from share_snippets.networks import _PLAIN_WORD

    return [chr(code) for code in range(0x30000) if _PLAIN_WORD.fullmatch(chr(code))]


def test_x_light_ranges_are_twitter_texts():
    from share_snippets.networks import X_LIGHT_RANGES, X_URL_LENGTH

    _, config, _ = _twitter_text()
    defaults = config["defaults"]
    assert (defaults["scale"], defaults["default_weight"]) == (100, 200)
    assert defaults["transformed_url_length"] == X_URL_LENGTH
    assert defaults["emoji_parsing_enabled"]
    assert [(r["start"], r["end"], r["weight"]) for r in defaults["ranges"]] == [
        (start, end, 100) for start, end in X_LIGHT_RANGES
    ]


def test_plain_characters_are_no_emoji_and_stable_under_nfc():
    import unicodedata

    _, _, emoji_list = _twitter_text()
    plain = set(_plain_characters())
    # No emoji (single code point or sequence) is made of plain characters alone.
    for entry in emoji_list:
        sequence = "".join(chr(int(code, 16)) for code in entry.codepoint.split())
        assert not set(sequence) <= plain, entry
    # NFC leaves each alone and never joins one to its neighbour.
    seconds = set()
    for code in range(0x30000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    for char in plain:
        assert unicodedata.normalize("NFC", char) == char
        assert unicodedata.combining(char) == 0 and char not in seconds


def test_x_fast_weights_match_twitter_text_on_random_words():
    import random

    from share_snippets.networks import _weigh_word

    parse_tweet, _, _ = _twitter_text()
    plain = _plain_characters()
    tricky = [
        *"..../:#@$_-wwwcomcoXY09\u2026\u201c\u00e9\u65e5\uac00\u30a2",
        "http://", "https://", "example.com", "t.co", "www.", ".jp", ".org",
    ]  # fmt: skip
    rng = random.Random(1)
    for _ in range(4000):
        pool = tricky if rng.random() < 0.7 else plain
        word = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        word = word.replace(" ", "")
        assert _weigh_word(word) == (parse_tweet(word).weightedLength if word else 0), word
    for word in (
        "forget.",
        "it\u2026",
        "\u201c3",
        "camera\u201d.",
        "Sm\u00f6rg\u00e5sbord",
        "a...",
    ):
        assert _weigh_word(word) == parse_tweet(word).weightedLength, word


@pytest.mark.parametrize(
    "word",
    [
        "https://www.example.com/beans/?utm_source=x&utm_medium=social&utm_content=intro",
        "http://127.0.0.1:8000/beans/?utm_source=x#thing-1",
        "http://localhost:8000/a/",
        "(see:example.com/a).",
        "example.com,example.org",
        "https://t.co/abc",
        "a.b.c.d",
        "x@example.com",
        "https://example.com/\u00e9t\u00e9",
        "www.example.co.uk/path?q=1&r=2#frag",
        "http://xn--bcher-kva.example/",
        "https://example.com/" + "a" * 5000,
    ],
)
def test_x_fast_weights_of_links_match_twitter_text(word):
    from share_snippets.networks import _weigh_word

    parse_tweet, _, _ = _twitter_text()
    assert _weigh_word(word) == parse_tweet(word).weightedLength


def test_links_weigh_as_their_shapes_on_random_links():
    """A link's weight is found from its shape: letters "a", digits "0" after the host."""
    import random

    from share_snippets.networks import _weigh_word, link_shape

    parse_tweet, _, _ = _twitter_text()
    hosts = [
        "https://www.example.com", "http://127.0.0.1:8000", "https://t.co", "HTTP://Ex.org",
        "https://larderlane.example", "https://shop.example.co.uk:8443", "https://a.b",
    ]  # fmt: skip
    tail = "abcxyzABZ0189/-_.,~!*'();:@&=+$%#[]?|\u2013"
    rng = random.Random(7)
    for _ in range(3000):
        word = rng.choice(hosts) + "".join(rng.choice(tail) for _ in range(rng.randint(0, 40)))
        if not word.isascii():
            continue
        assert _weigh_word(word) == parse_tweet(word).weightedLength, word
        assert len(link_shape(word)) == len(word)
    assert (
        link_shape("https://Ex.com/Beans-2/?q=x#thing-1") == "https://Ex.com/aaaaa-0/?a=a#aaaaa-0"
    )
    assert link_shape("e.g.") == "e.g." and link_shape("https://a.b?x=1") == "https://a.b?x=1"


def test_plain_characters_are_graphemes_of_their_own():
    import regex

    from share_snippets.networks import _PLAIN_TEXT, count_graphemes, graphemes

    plain = _plain_characters()
    breaks = regex.compile(r"[\p{Grapheme_Cluster_Break=Other}\p{Grapheme_Cluster_Break=LV}"
                           r"\p{Grapheme_Cluster_Break=LVT}]")  # fmt: skip
    assert all(breaks.fullmatch(char) for char in [" ", *plain])
    text = " ".join(plain)
    assert _PLAIN_TEXT.fullmatch(text)
    assert count_graphemes(text) == len(graphemes(text)) == len(text)
    assert count_graphemes("a\r\nb") == 3 and count_graphemes("e\u0301 x") == 3


def test_twitter_text_loads_its_emoji_list_without_pkg_resources():
    """In a fresh process, X's weights need no pkg_resources and match parse_tweet's."""
    import json
    import subprocess
    import sys

    plugins = Path(__file__).resolve().parents[1] / "plugins"
    words = ["\U0001f34b", FAMILY, "caf\u00e9\U0001f1ec\U0001f1e7", "1\ufe0f\u20e3x"]
    script = (
        f"import json, sys; sys.path.insert(0, {str(plugins)!r})\n"
        "from share_snippets.networks import count_x\n"
        f"weights = [count_x(word) for word in {words!r}]\n"
        "print(json.dumps([weights, 'pkg_resources' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    weights, loaded = json.loads(done.stdout)
    parse_tweet, _, _ = _twitter_text()
    assert weights == [parse_tweet(word).weightedLength for word in words]
    assert not loaded
