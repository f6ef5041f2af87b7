"""Absolute URLs and UTM tags."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from hub.urls import absolute_url, with_query
from hub.utm import UtmScheme, utm_link


@pytest.mark.parametrize(
    ("settings", "path", "fragment", "expected"),
    [
        ({"SITEURL": "https://ex.org"}, "beans/", "", "https://ex.org/beans/"),
        ({"SITEURL": "https://ex.org/"}, "/beans/", "thing-2", "https://ex.org/beans/#thing-2"),
        ({"SITEURL": "https://ex.org/blog"}, "beans/", "", "https://ex.org/blog/beans/"),
        (
            {"SITEURL": "", "PREVIEW_SITEURL": "http://127.0.0.1:8000"},
            "",
            "",
            "http://127.0.0.1:8000/",
        ),
    ],
)
def test_absolute_url(settings, path, fragment, expected):
    assert absolute_url(settings, path, fragment) == expected


def test_with_query_keeps_existing_query_and_fragment():
    url = with_query("https://ex.org/a/?ref=x&q=a%20b#thing-1", {"utm_source": "x"})
    assert url == "https://ex.org/a/?ref=x&q=a+b&utm_source=x#thing-1"


def test_utm_link_tags_in_order_and_can_be_turned_off():
    url = "https://ex.org/beans/#conversation"
    tagged = utm_link(url, UtmScheme(), source="bluesky", campaign="beans", content="question")
    assert tagged == (
        "https://ex.org/beans/?utm_source=bluesky&utm_medium=social"
        "&utm_campaign=beans&utm_content=question#conversation"
    )
    email = utm_link(url, UtmScheme(), source="email", campaign="beans", content="share-button")
    assert "utm_medium=email" in email
    assert utm_link(url, UtmScheme(enabled=False), source="x", campaign="b", content="c") == url


def with_query_the_plain_way(url, params):
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    return urlunsplit(parts._replace(query=urlencode([*query, *params.items()])))


@pytest.mark.parametrize(
    "url",
    [
        "https://ex.org/beans/#conversation",
        "https://ex.org/a/?ref=x&q=a%20b&utm_source=old#thing-1",
        "HTTP://Ex.org/caf\u00e9 au lait?x=1&&y&z=+#",
        "http://ex.org?#f",
        "mailto:me@ex.org?subject=hi",
        "/relative/path?a=%zz",
        "",
    ],
)
def test_with_query_matches_splitting_and_encoding_every_time(url):
    # The URL is cut up once and remembered; each call must still get its own tags.
    for params in (
        {"utm_source": "x", "utm_campaign": "b\u00e9ans & co"},
        {"utm_source": "bluesky", "ref": "new"},
        {"n": 3, "b": b"by tes", "t": True, "one": 1.0, "i": 1},
        {},
    ):
        for _ in range(2):
            assert with_query(url, params) == with_query_the_plain_way(url, params)
