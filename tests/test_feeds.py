"""Feeds: Atom feeds with full content and absolute links in every build, and the social feed."""

from __future__ import annotations

import html
import json
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import article_text, forwarded, sample_dir

ORIGIN = "http://127.0.0.1:8000"
ARTICLES = sorted((sample_dir() / "articles").glob("*.md"))
TRANSLATIONS = sorted((sample_dir() / "articles").glob("*/*.md"))


def parsed(site, relative: str):
    """The feed at RELATIVE, parsed; a feed that does not validate fails the test here."""
    feed = feedparser.parse(site.path(relative).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def planned_posts(site, network: str = "all") -> list[dict]:
    """The share kit's planned posts (snippets.json, one post a line), of NETWORK or all."""
    posts = []
    for line in site.path("share/snippets.json").read_text().splitlines():
        line = line.strip().rstrip(",")
        if line.startswith('{"id"'):
            post = json.loads(line)
            if post["scheduled_at"] and network in ("all", post["network"]):
                posts.append(post)
    return posts


def landing(site, link: str) -> str:
    """Where a post's link takes the reader: through its short page on the site to the tagged
    article address."""
    return forwarded(site.output, link)[0]


def test_every_feed_parses_and_holds_every_article_of_its_topic(sample_site):
    everything = parsed(sample_site, "feeds/all.atom.xml")
    # Every article and every translation (articles/fr/: tests/test_translations.py).
    assert len(everything.entries) == len(ARTICLES) + len(TRANSLATIONS) == 10 + 1
    topics = {}
    # Topic feeds list the originals, as the topic pages do.
    for entry in everything.entries:
        if not urlsplit(entry.link).path.startswith("/fr/"):
            topics.setdefault(entry.tags[0].term, []).append(entry.link)
    feeds = sorted(p.name for p in sample_site.path("feeds").glob("*.atom.xml"))
    assert feeds == [
        "all.atom.xml",
        "cupboard-staples.atom.xml",
        "en.atom.xml",
        "fr.atom.xml",
        "fresh-seasonal.atom.xml",
        "low-waste-home.atom.xml",
    ]
    for topic, slug in [
        ("Cupboard staples", "cupboard-staples"),
        ("Low-waste home", "low-waste-home"),
    ]:
        feed = parsed(sample_site, f"feeds/{slug}.atom.xml")
        assert sorted(entry.link for entry in feed.entries) == sorted(topics[topic])


def test_feed_items_carry_the_whole_article_with_absolute_untagged_links(sample_site):
    feed = parsed(sample_site, "feeds/all.atom.xml")
    assert feed.feed.link == f"{ORIGIN}/"
    # The original, not its French translation at /fr/3-things-to-do-with-a-squeezed-lemon/.
    lemon = next(
        e for e in feed.entries if e.link == f"{ORIGIN}/3-things-to-do-with-a-squeezed-lemon/"
    )
    assert lemon.link == f"{ORIGIN}/3-things-to-do-with-a-squeezed-lemon/"
    assert lemon.id == "tag:127.0.0.1,2026-04-02:/3-things-to-do-with-a-squeezed-lemon/"
    content = lemon.content[0].value
    # Full content: every thing's heading, not just the summary.
    assert content.count('<h2 id="thing-') == 3
    addresses = []
    for entry in feed.entries:
        assert urlsplit(entry.link).query == ""
        soup = BeautifulSoup(entry.content[0].value, "html.parser")
        addresses += [a["href"] for a in soup.find_all("a")]
        addresses += [img["src"] for img in soup.find_all("img")]
    assert addresses
    assert all(url.startswith(("http://", "https://", "mailto:")) for url in addresses)
    assert all("utm_" not in url for url in addresses if url.startswith(ORIGIN))


def test_feed_ids_are_the_same_on_every_build(sample_site, build_site):
    again = build_site(sample_dir())
    first = [entry.id for entry in parsed(sample_site, "feeds/all.atom.xml").entries]
    assert [entry.id for entry in parsed(again, "feeds/all.atom.xml").entries] == first
    posts = [item.id for item in parsed(sample_site, "feeds/social.xml").entries]
    assert sorted(item.id for item in parsed(again, "feeds/social.xml").entries) == sorted(posts)


def test_the_preview_feeds_use_the_preview_address_inside_the_content_too(build_site):
    body = (
        "See [the mash](#thing-2) and [us](/about/).\n\n## 1. Chilli\n\nSoak.\n\n"
        "## 2. Mash\n\nMash.\n\n## 3. Roast\n\nRoast.\n"
    )
    site = build_site(
        {"articles/beans.md": article_text(body=body, Slug="beans")},
        PREVIEW_SITEURL="http://127.0.0.1:8123",
    )
    entry = parsed(site, "feeds/all.atom.xml").entries[0]
    assert entry.link == "http://127.0.0.1:8123/beans/"
    content = entry.content[0].value
    assert 'href="http://127.0.0.1:8123/beans/#thing-2"' in content
    assert 'href="http://127.0.0.1:8123/about/"' in content
    post = parsed(site, "feeds/social.xml").entries[0].link
    assert post.startswith("http://127.0.0.1:8123/s/")
    assert landing(site, post).startswith("http://127.0.0.1:8123/beans/?utm_")


def test_a_published_build_points_every_feed_at_siteurl(build_site):
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans")},
        SITEURL="https://shop.example",
        FEED_DOMAIN="https://shop.example",
    )
    feed = parsed(site, "feeds/all.atom.xml")
    assert feed.entries[0].link == "https://shop.example/beans/"
    assert feed.entries[0].id.startswith("tag:shop.example,")
    social = parsed(site, "feeds/social.xml")
    assert all(item.link.startswith("https://shop.example/s/") for item in social.entries)
    landings = [landing(site, item.link) for item in social.entries]
    assert all(url.startswith("https://shop.example/beans/?utm_") for url in landings)


def test_the_social_feed_has_one_item_per_planned_post_with_its_card(sample_site):
    feed = parsed(sample_site, "feeds/social.xml")
    posts = planned_posts(sample_site)
    assert len(feed.entries) == len(posts) > 0
    texts = sorted(html.unescape(item.description) for item in feed.entries)
    assert texts == sorted(p["text"] for p in posts)
    assert sorted(item.link for item in feed.entries) == sorted(p["link"] for p in posts)
    assert len({item.id for item in feed.entries}) == len(feed.entries)
    for item in feed.entries:
        [media] = item.media_content
        [enclosure] = item.enclosures
        assert (media["medium"], media["width"], media["height"]) == ("image", "1200", "630")
        assert enclosure["href"] == media["url"] and enclosure["type"] == "image/png"
        card = sample_site.path(urlsplit(media["url"]).path.lstrip("/"))
        assert int(enclosure["length"]) == card.stat().st_size > 0
        assert "utm_source=" in landing(sample_site, item.link)


def test_the_social_feed_can_hold_one_networks_posts(build_site):
    site = build_site(sample_dir(), FEEDS_SOCIAL_NETWORK="bluesky")
    feed = parsed(site, "feeds/social.xml")
    bluesky = planned_posts(site, "bluesky")
    assert len(feed.entries) == len(bluesky) > 0
    assert sorted(item.link for item in feed.entries) == sorted(p["link"] for p in bluesky)
    assert all("utm_source=bluesky" in landing(site, item.link) for item in feed.entries)


def test_a_network_with_no_posts_is_named_in_one_line(build_site):
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans")}, FEEDS_SOCIAL_NETWORK="myspace"
    )
    assert site.report.errors == [
        "pelicanconf.py: FEEDS_SOCIAL_NETWORK 'myspace' is not one of the networks posts are"
        " written for (bluesky, facebook, linkedin, mastodon, threads, x); use one of them or 'all'"
    ]


@pytest.mark.parametrize("page", ["index.html", "3-things-to-do-with-a-squeezed-lemon/", "about/"])
def test_readers_find_the_feed_in_every_head_and_footer(sample_site, page):
    html = sample_site.html(page)
    alternate = html.head.find("link", rel="alternate", type="application/atom+xml")
    assert alternate["href"] == "/feeds/all.atom.xml"
    assert html.find("footer", class_="site-footer").find("a", href="/feeds/all.atom.xml")


def test_topic_pages_offer_their_own_feed(sample_site):
    html = sample_site.html("topics/low-waste-home/")
    hrefs = [link["href"] for link in html.head.find_all("link", rel="alternate")]
    assert "/feeds/low-waste-home.atom.xml" in hrefs
    assert html.main.find("a", href="/feeds/low-waste-home.atom.xml")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "FEEDS_SOCIAL_SAVE_AS",
            "social.json",
            "FEEDS_SOCIAL_SAVE_AS must be a path ending in .xml",
        ),
        ("FEEDS_SOCIAL_NETWORK", "", "FEEDS_SOCIAL_NETWORK must be a network's name"),
        ("FEEDS_SOCIAL_NETWROK", "x", "FEEDS_SOCIAL_NETWROK: unknown setting; known:"),
    ],
)
def test_a_wrong_feeds_setting_stops_the_build_naming_it(build_site, name, value, message):
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, **{name: value})
    assert len(site.report.errors) == 1 and message in site.report.errors[0]


def test_a_feed_holds_the_newest_articles_up_to_feed_max_items(build_site):
    articles = {
        f"articles/a{day}.md": article_text(f"3 things for day {day}", Date=f"2026-09-{day:02d}")
        for day in range(1, 6)
    }
    site = build_site(articles, FEED_MAX_ITEMS=2)
    titles = [entry.title for entry in parsed(site, "feeds/all.atom.xml").entries]
    assert titles == ["3 things for day 5", "3 things for day 4"]


def test_post_text_is_escaped_so_no_feed_reader_runs_it(build_site):
    share = "Soak 2 < 3 hours & <b>rinse</b> <script>alert(1)</script>"
    site = build_site({"articles/beans.md": article_text(Slug="beans", Share=share)})
    raw = site.path("feeds/social.xml").read_text()
    assert "<script" not in raw and "<b>" not in raw
    [post] = [p for p in planned_posts(site, "x") if p["id"] == "x-intro"]
    intro = next(e for e in parsed(site, "feeds/social.xml").entries if e.id.endswith("x-intro"))
    assert html.unescape(intro.description) == post["text"]


def test_a_control_character_in_an_article_leaves_the_feeds_valid(build_site):
    # Pasted text can carry invisible control characters; XML cannot hold them, and
    # feedgenerator refuses to write a feed with one, which used to stop the whole build.
    body = "Intro \x0f here.\n\n## 1. Soak\n\nSoak them\x1b overnight.\n\n## 2. Cook\n\nCook.\n"
    body += "\n## 3. Eat\n\nEat.\n"
    site = build_site({"articles/beans.md": article_text(body=body, Slug="beans")})
    assert site.report.ok, site.report.errors + site.report.warnings
    for name in ("feeds/all.atom.xml", "feeds/social.xml"):
        feed = parsed(site, name)
        assert feed.entries
    content = parsed(site, "feeds/all.atom.xml").entries[0].content[0].value
    assert "Soak them overnight." in content and "\x1b" not in content
