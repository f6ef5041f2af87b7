"""The email digest: the newest articles and their things, inline-styled, with a text twin."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

from conftest import article_text, sample_dir

ORIGIN = "http://127.0.0.1:8000"


def test_the_digest_holds_the_newest_articles_and_their_things(sample_site):
    html = sample_site.html("email/latest.html")
    newest = [e.title for e in feedparser.parse(sample_site.path("feeds/all.atom.xml")).entries]
    titles = [h2.get_text(strip=True) for h2 in html.find_all("h2")]
    assert titles == newest[:3]
    first = html.find("h2").find_next("ol")
    things = first.find_all("li")
    assert len(things) == 4
    link = things[1].find("a")["href"]
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        f"{ORIGIN}/4-things-to-cook-from-an-autumn-veg-box/"
    )
    assert parts.fragment == "thing-2"
    assert parse_qs(parts.query) == {
        "utm_source": ["newsletter"],
        "utm_medium": ["email"],
        "utm_campaign": ["4-things-to-cook-from-an-autumn-veg-box"],
        "utm_content": ["digest-thing-2"],
    }


def test_the_digest_is_styled_inline_for_email_clients(sample_site):
    html = sample_site.html("email/latest.html")
    assert html.find("style") is None and html.find("script") is None
    assert html.find("link", rel="stylesheet") is None
    for element in html.body.find_all(["table", "td", "a", "h2", "p", "ol", "li"]):
        if element.name != "table" or element.get("style"):
            assert element.get("style"), element
    assert all(a["href"].startswith(f"{ORIGIN}/") for a in html.find_all("a"))
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_the_text_twin_says_the_same_in_plain_text(sample_site):
    html = sample_site.html("email/latest.html")
    text = sample_site.path("email/latest.txt").read_text()
    assert "<" not in text and "&amp;" not in text
    for a in html.find_all("a"):
        assert a["href"] in text
    for h2 in html.find_all("h2"):
        assert f"\n{h2.get_text(strip=True)}\n" in text


def test_titles_are_escaped_in_the_html_and_kept_as_written_in_the_text(build_site):
    site = build_site(
        {"articles/beans.md": article_text('3 things <b>"bold"</b> & beans', Slug="beans")},
        DIGEST_UTM=False,
    )
    html = site.path("email/latest.html").read_text()
    assert "<b>" not in html and "&lt;b&gt;" in html
    text = site.path("email/latest.txt").read_text()
    assert '3 things <b>"bold"</b> & beans' in text
    assert "utm_" not in html and "utm_" not in text


def test_the_digest_size_is_a_setting(build_site):
    site = build_site(sample_dir(), DIGEST_ARTICLES=1)
    assert len(site.html("email/latest.html").find_all("h2")) == 1


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DIGEST_ARTICLES", 0, "DIGEST_ARTICLES must be between 1 and 20, not 0"),
        ("DIGEST_ARTICLES", "3", "DIGEST_ARTICLES must be a whole number, not '3'"),
        ("DIGEST_SAVE_AS", "email/", "DIGEST_SAVE_AS must be a path ending in .html"),
    ],
)
def test_a_wrong_setting_stops_the_build_naming_it(build_site, name, value, message):
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, **{name: value})
    assert len(site.report.errors) == 1 and message in site.report.errors[0]
