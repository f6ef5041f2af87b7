"""Link previews in real builds: share links, Open Graph and X meta, JSON-LD, social cards."""

import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from PIL import Image

from conftest import SETTINGS, SITES, BuiltSite, article_text, disconnect_all_signals, sample_dir
from hub.build import build as build_into
from link_previews.intents import INTENTS

# Only the plugins link_previews reads from, so these builds test this plugin alone.
PLUGINS = ["language", "writer_metadata", "things", "link_previews", "site_files"]
NETWORKS = {
    "x.com": "x",
    "bsky.app": "bluesky",
    "share.joinmastodon.org": "mastodon",
    "www.threads.com": "threads",
    "www.linkedin.com": "linkedin",
    "www.facebook.com": "facebook",
    "wa.me": "whatsapp",
    "t.me": "telegram",
    "": "email",
}
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def build(build_site, tmp_path):
    """Build with this plugin's neighbours only and a card cache of the test's own."""

    def _build(content, **overrides):
        overrides.setdefault("LINK_PREVIEWS_CARD_CACHE", str(tmp_path / "card-cache"))
        return build_site(content, PLUGINS=PLUGINS, **overrides)

    return _build


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def meta(page, name):
    tag = page.find("meta", property=name) or page.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def share_links(page):
    """Network id -> href of each share link in the 'Share this' section."""
    heading = page.find(id=page.select_one("section.share-links")["aria-labelledby"])
    assert heading.get_text(strip=True) == "Share this"
    return {NETWORKS[urlsplit(a["href"]).netloc]: a for a in page.select(".share-links a")}


def shared_link(network, href):
    """The article link a share intent carries (whole value, or the text's last word)."""
    fields = query(href)
    carrier = fields.get("url") or fields.get("u") or (fields.get("body") or fields["text"])
    return carrier.split()[-1]


def card_size(site, url):
    """The pixel size of the image URL points to in the built site."""
    with Image.open(site.path(urlsplit(url).path.lstrip("/"))) as image:
        return image.size


def structured(page):
    (script,) = page.find_all("script")
    assert script["type"] == "application/ld+json"
    return json.loads(script.string)


def test_every_share_link_carries_its_own_utm_while_canonical_and_og_url_have_none(build):
    site = build({"articles/beans.md": article_text(slug="beans", hashtags="BatchCooking")})
    assert site.report.ok, site.report.errors + site.report.warnings
    page = site.article("beans")
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == meta(page, "og:url") == "http://127.0.0.1:8000/beans/"
    links = share_links(page)
    assert list(links) == list(NETWORKS.values())
    for network, anchor in links.items():
        assert anchor.get_text(" ", strip=True).endswith(INTENTS[network].label)
        # Same-tab links: no new window, so no opener to guard (and no bytes spent on rel).
        assert "target" not in anchor.attrs
        link = shared_link(network, anchor["href"])
        assert link.startswith(canonical + "?")
        assert query(link) == {
            "utm_source": network,
            "utm_medium": "email" if network == "email" else "social",
            "utm_campaign": "beans",
            "utm_content": "share-button",
        }
    assert query(links["x"]["href"])["hashtags"] == "BatchCooking"
    assert "utm_" not in str(page.head).replace(json.dumps(structured(page)), "")
    assert all("utm_" not in value for value in json.dumps(structured(page)).split('"'))


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"hashtags": "BatchCooking, zero waste"}, "BatchCooking,ZeroWaste"),
        ({"tags": "beans, batch cooking, budget, 2026, pulses"}, "Beans,BatchCooking,Budget"),
    ],
)
def test_x_is_prefilled_with_hashtags_or_else_tags_at_most_three(build, meta, expected):
    site = build({"articles/b.md": article_text(slug="b", **meta)})
    assert query(share_links(site.article("b"))["x"]["href"])["hashtags"] == expected


def test_utm_can_be_turned_off(build):
    site = build({"articles/beans.md": article_text(slug="beans")}, LINK_PREVIEWS_UTM=False)
    links = share_links(site.article("beans"))
    assert {shared_link(n, a["href"]) for n, a in links.items()} == {"http://127.0.0.1:8000/beans/"}


def test_open_graph_x_card_and_json_ld(build):
    site = build(
        {"articles/beans.md": article_text(slug="beans", modified="2026-10-02 08:30")},
        SITEURL="https://shop.example",
    )
    page = site.article("beans")
    image = meta(page, "og:image")
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:site_name") == "Larder Lane"
    assert meta(page, "og:title") == "3 things to do with beans"
    assert meta(page, "og:description") == "Three dinners from one bag of beans."
    assert meta(page, "og:url") == "https://shop.example/beans/"
    assert image.startswith("https://shop.example/images/cards/beans-") and image.endswith(".png")
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert meta(page, "og:image:alt").startswith("3 things to do with beans")
    assert meta(page, "article:published_time") == "2026-09-14T09:00:00+01:00"
    assert meta(page, "article:modified_time") == "2026-10-02T08:30:00+01:00"
    assert meta(page, "twitter:card") == "summary_large_image"

    data = structured(page)
    assert data["@type"] == "Article"
    assert data["headline"] == "3 things to do with beans"
    assert data["url"] == data["mainEntityOfPage"]["@id"] == "https://shop.example/beans/"
    assert data["datePublished"] == "2026-09-14T09:00:00+01:00"
    assert data["dateModified"] == "2026-10-02T08:30:00+01:00"
    assert data["author"]["name"] == data["publisher"]["name"] == "Larder Lane"
    assert data["publisher"]["logo"]["url"] == "https://shop.example/theme/favicon.svg"
    assert data["image"] == {"@type": "ImageObject", "url": image, "width": 1200, "height": 630}
    assert card_size(site, image) == (1200, 630)


def test_an_article_image_replaces_the_card(build):
    photo = io.BytesIO()
    Image.new("RGB", (800, 500), "olive").save(photo, format="PNG")
    site = build(
        {
            "articles/beans.md": article_text(
                slug="beans", image="{static}/images/beans.png", image_alt="A jar of beans"
            ),
            "images/beans.png": photo.getvalue(),
        }
    )
    assert site.report.ok, site.report.errors + site.report.warnings
    page = site.article("beans")
    assert meta(page, "og:image") == "http://127.0.0.1:8000/images/beans.png"
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("800", "500")
    assert meta(page, "og:image:alt") == "A jar of beans"
    assert structured(page)["image"]["url"] == meta(page, "og:image")
    assert site.path("images/beans.png").is_file()
    assert not site.path("images/cards").exists()


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("{static}/images/missing.png", "is not a file in the content folder"),
        ("https://elsewhere.example/a.png", "use an image from the content folder"),
        ("{static}/notes.txt", "is not in a static folder"),
    ],
)
def test_a_wrong_image_is_one_warning_naming_file_and_field_and_the_card_is_used(
    build, value, says
):
    content = {"articles/beans.md": article_text(slug="beans", image=value), "notes.txt": "x"}
    site = build(content, strict=False)
    (warning,) = site.report.warnings
    assert "articles/beans.md: Image " in warning
    assert says in warning
    assert "/images/cards/beans-" in meta(site.article("beans"), "og:image")
    assert not build(content).report.ok


@pytest.mark.parametrize(
    ("setting", "value", "says"),
    [
        ("LINK_PREVIEWS_NETWORKS", ["x", "myspace"], "LINK_PREVIEWS_NETWORKS: unknown network"),
        ("LINK_PREVIEWS_CARD", False, "LINK_PREVIEWS_CARD: unknown setting"),
        ("LINK_PREVIEWS_CARD_WORKERS", 0, "LINK_PREVIEWS_CARD_WORKERS: 0 is not"),
        ("LINK_PREVIEWS_FEDIVERSE_CREATOR", "larderlane", "LINK_PREVIEWS_FEDIVERSE_CREATOR: "
         "'larderlane' is not a fediverse account"),
        ("LINK_PREVIEWS_THING_CARDS", "yes", "LINK_PREVIEWS_THING_CARDS: use True or False"),
    ],
)  # fmt: skip
def test_unknown_settings_stop_the_build_with_a_message_naming_them(build, setting, value, says):
    site = build({"articles/beans.md": article_text(slug="beans")}, **{setting: value})
    assert not site.report.ok
    assert any(says in error for error in site.report.errors), site.report.errors


def test_the_sites_mastodon_account_is_named_as_the_creator(build):
    plain = build({"articles/b.md": article_text(slug="b")})
    assert plain.article("b").find("meta", attrs={"name": "fediverse:creator"}) is None
    named = build(
        {"articles/b.md": article_text(slug="b")},
        LINK_PREVIEWS_FEDIVERSE_CREATOR="@larderlane@mastodon.social",
        output=plain.output.parent / "named",
    )
    creator = named.article("b").find("meta", attrs={"name": "fediverse:creator"})
    assert creator["content"] == "@larderlane@mastodon.social"


def test_networks_setting_chooses_and_orders_the_buttons(build):
    site = build({"articles/b.md": article_text(slug="b")}, LINK_PREVIEWS_NETWORKS=["email", "x"])
    assert list(share_links(site.article("b"))) == ["email", "x"]


def test_cards_can_be_turned_off(build):
    site = build({"articles/b.md": article_text(slug="b")}, LINK_PREVIEWS_CARDS=False)
    page = site.article("b")
    assert meta(page, "og:image") is None and meta(page, "twitter:card") == "summary"
    assert "image" not in structured(page)


# The article's own card alone: thing cards have their own test.
ARTICLE_CARDS_ONLY = {"LINK_PREVIEWS_THING_CARDS": False}


def test_rebuilding_reuses_cached_cards_and_a_new_title_makes_a_new_card(build, tmp_path):
    cache = tmp_path / "shared-cache"
    first = build(
        {"articles/b.md": article_text(slug="b")},
        **ARTICLE_CARDS_ONLY,
        LINK_PREVIEWS_CARD_CACHE=str(cache),
    )
    (cached,) = cache.glob("*.png")
    stamp = cached.stat().st_mtime_ns
    again = build(
        {"articles/b.md": article_text(slug="b")},
        **ARTICLE_CARDS_ONLY,
        LINK_PREVIEWS_CARD_CACHE=str(cache),
        output=tmp_path / "again",
    )
    assert cached.stat().st_mtime_ns == stamp
    assert meta(again.article("b"), "og:image") == meta(first.article("b"), "og:image")

    renamed = build(
        {"articles/b.md": article_text("3 things to do with lemons", slug="b")},
        **ARTICLE_CARDS_ONLY,
        LINK_PREVIEWS_CARD_CACHE=str(cache),
        output=tmp_path / "renamed",
    )
    assert meta(renamed.article("b"), "og:image") != meta(first.article("b"), "og:image")
    assert len(list(cache.glob("*.png"))) == 2
    assert len(list(renamed.path("images/cards").iterdir())) == 1


def test_each_thing_gets_its_own_card_cached_like_the_articles(build, tmp_path):
    cache = tmp_path / "thing-cache"
    first = build({"articles/b.md": article_text(slug="b")}, LINK_PREVIEWS_CARD_CACHE=str(cache))
    cards = sorted(path.name for path in first.path("images/cards").iterdir())
    assert len(cards) == 4 and [name.startswith("b-thing-") for name in cards].count(True) == 3
    # Each cached card keeps its digest beside it (cache/<hash>.png.sha256).
    stamps = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert len([name for name in stamps if name.endswith(".png")]) == 4
    assert len([name for name in stamps if name.endswith(".png.sha256")]) == 4
    again = build(
        {"articles/b.md": article_text(slug="b")},
        LINK_PREVIEWS_CARD_CACHE=str(cache),
        output=tmp_path / "again",
    )
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == stamps
    assert sorted(path.name for path in again.path("images/cards").iterdir()) == cards
    with Image.open(first.path("images/cards") / cards[1]) as card:
        assert card.size == (1200, 630)


HOSTILE = {path.stem: path for path in (SITES / "link_previews_hostile" / "articles").glob("*.md")}


def title_of(path):
    return path.read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("Title: ")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile-titles site, built once for this module's tests."""
    disconnect_all_signals()
    folder = tmp_path_factory.mktemp("hostile")
    overrides = {
        "PATH": str(SITES / "link_previews_hostile"),
        "CACHE_CONTENT": False,
        "PLUGINS": PLUGINS,
        "LINK_PREVIEWS_CARD_CACHE": str(folder / "cache"),
    }
    report = build_into(SETTINGS, folder / "output", strict=True, overrides=overrides)
    disconnect_all_signals()
    assert report.ok, report.errors + report.warnings
    return BuiltSite(report, folder / "output")


def test_hostile_fixture_titles_are_as_nasty_as_promised():
    titles = [title_of(path) for path in HOSTILE.values()]
    assert any(len(title) == 250 for title in titles)
    assert any(title.startswith("=") for title in titles)
    assert any("<script>" in title and '"' in title and "&" in title for title in titles)
    assert any("\u200d" in title for title in titles)


@pytest.mark.parametrize("slug", sorted(HOSTILE))
def test_hostile_titles_give_well_formed_meta_json_ld_and_intents(hostile, slug):
    title = title_of(HOSTILE[slug])
    page = hostile.article(slug)
    assert meta(page, "og:title") == title
    assert meta(page, "og:image:alt").startswith(title)
    assert structured(page)["headline"] == title
    assert page.find("h1").get_text() == title

    links = share_links(page)
    canonical = meta(page, "og:url")
    for network, anchor in links.items():
        fields = query(anchor["href"])
        if network in {"x", "threads", "telegram"}:
            assert fields["text"] == title
        if network in {"bluesky", "mastodon", "whatsapp"}:
            assert fields["text"] == f"{title} {shared_link(network, anchor['href'])}"
        if network == "email":
            assert fields["subject"] == title
        assert shared_link(network, anchor["href"]).startswith(canonical + "?utm_source=")
    assert card_size(hostile, meta(page, "og:image")) == (1200, 630)


def test_hostile_summary_is_escaped_in_the_description(hostile):
    page = hostile.article("quotes")
    # The summary is text: tags typed into it are kept as the characters typed (never markup).
    expected = 'Tom & Jerry\'s "best" <b>beans</b> for </script> everyone.'
    assert " ".join(meta(page, "og:description").split()) == expected
    assert " ".join(structured(page)["description"].split()) == expected


def test_sample_site_articles_have_previews_and_reader_questions_as_comments(sample_site):
    for source in sorted((sample_dir() / "articles").glob("*.md")):
        page = sample_site.article(source.stem)
        assert meta(page, "og:url") == page.find("link", rel="canonical")["href"]
        assert len(share_links(page)) == len(NETWORKS)
        assert card_size(sample_site, meta(page, "og:image")) == (1200, 630)
    questions = sample_dir() / "questions" / "3-things-to-do-with-a-bag-of-dried-beans.yml"
    asked = yaml.safe_load(questions.read_text(encoding="utf-8"))
    page = sample_site.article("3-things-to-do-with-a-bag-of-dried-beans")
    scripts = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    (article,) = [data for data in scripts if data.get("@type") == "Article"]
    assert [comment["text"] for comment in article["comment"]] == [q["question"] for q in asked]
    assert [c["comment"][0]["text"] for c in article["comment"]] == [q["answer"] for q in asked]
