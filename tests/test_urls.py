"""Absolute URLs and UTM tags."""

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
