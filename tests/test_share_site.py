"""Snippets in real builds: the sample site's posts fit and land, the share kit, hostile titles."""

import csv
import io
import json
import shutil
import warnings
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import regex
from bs4 import BeautifulSoup

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from twitter_text import parse_tweet

from conftest import as_published, forwarded, sample_dir
from share_snippets.cli import print_snippets
from share_snippets.publishing import strip_share_kit

MINE = ["language", "writer_metadata", "things", "share_snippets", "site_files"]
BASIC = {"SITEURL": "https://www.example.com", "SHARE_NOW": "2026-11-02T08:03", "PLUGINS": MINE}
URL = regex.compile(r"https?://\S+")
EMOJI = regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}")


def independent_count(network: str, text: str) -> int:
    """Count TEXT the network's way, written here again without the plugin's code."""
    clusters = regex.findall(r"\X", text)
    if network == "x":
        return parse_tweet(text).weightedLength
    if network == "mastodon":
        return len(regex.findall(r"\X", URL.sub("", text))) + 23 * len(URL.findall(text))
    if network == "bluesky":
        return len(clusters)
    if network == "threads":
        return sum(len(c.encode()) if EMOJI.search(c) else len(c) for c in clusters)
    return len(text)


LIMITS = {"x": 280, "bluesky": 300, "mastodon": 500, "threads": 500, "linkedin": 3000,
          "facebook": 500}  # fmt: skip


def exported(output: Path) -> dict:
    return json.loads((output / "share" / "snippets.json").read_text(encoding="utf-8"))


def check_lands(output: Path, origin: str, data: dict) -> None:
    """Every post's link is a short link that forwards to its article, #fragment and UTM tags."""
    pages: dict[str, BeautifulSoup] = {}
    for article in data["articles"]:
        assert {snippet["network"] for snippet in article["snippets"]} == set(LIMITS)
        for snippet in article["snippets"]:
            text, network, link = snippet["text"], snippet["network"], snippet["link"]
            assert snippet["length"] <= LIMITS[network] == snippet["limit"], snippet
            if network == "bluesky":
                assert len(text.encode()) <= 3000
            assert link in text and regex.fullmatch(rf"{origin}/s/[a-z2-7]{{1,8}}/", link)
            assert text == " ".join(text.split()) and "<" not in text and "&amp;" not in text
            target, short = forwarded(output, link)
            assert short.find("meta", attrs={"name": "robots"})["content"] == "noindex"
            parts = urlsplit(target)
            # The campaign is the article's slug, a translation's too (/fr/<slug>/): one campaign.
            slug = urlsplit(article["url"]).path.strip("/").split("/")[-1]
            assert article["slug"] in (slug, f"{slug}.fr")
            assert parse_qs(parts.query) == {
                "utm_source": [network], "utm_medium": ["social"],
                "utm_campaign": [slug], "utm_content": [snippet["kind"]],
            }  # fmt: skip
            assert f"{parts.scheme}://{parts.netloc}" == origin
            assert parts.path == urlsplit(article["url"]).path
            fragment = {"intro": ""}.get(snippet["kind"], parts.fragment)
            if snippet["kind"].startswith("thing-"):
                assert fragment == snippet["kind"]
            elif snippet["kind"] != "intro":
                assert fragment == "conversation"
            canonical = short.find("link", rel="canonical")["href"]
            assert canonical == article["url"] + (f"#{fragment}" if fragment else "")
            page_file = output / parts.path.lstrip("/") / "index.html"
            page = pages.setdefault(parts.path, BeautifulSoup(page_file.read_text(), "html.parser"))
            if fragment:
                assert page.find(id=fragment), target
            # A thing's post previews as that thing: its heading, and its own card.
            shown = {tag["property"]: tag["content"] for tag in short.select("meta[property]")}
            if snippet["kind"].startswith("thing-"):
                heading = page.find(id=fragment).get_text(" ", strip=True)
                assert shown["og:title"] in heading, (shown["og:title"], heading)
                article_image = page.find("meta", property="og:image")
                if article_image and "/images/cards/" in article_image["content"]:
                    assert shown["og:image"] != article_image["content"]
                    assert f"-{fragment}-" in shown["og:image"]
            assert shown["og:url"] == link


def test_every_sample_snippet_fits_and_lands_on_an_existing_id(sample_site):
    data = exported(sample_site.output)
    # Every article, translations (articles/fr/) too: each has its own posts.
    sources = sorted((sample_dir() / "articles").rglob("*.md"))
    assert len(data["articles"]) == len(sources) == 11
    check_lands(sample_site.output, "http://127.0.0.1:8000", data)


def test_sample_share_kit_has_every_export_and_a_page_per_article(sample_site):
    share = sample_site.path("share")
    for name in ("index.html", "snippets.json", "snippets.csv", "plan.ics", "kit.css", "kit.js"):
        assert (share / name).is_file(), name
    assert not (share / "sprout.csv").exists()
    posts = {(s["network"], s["text"]): s for a in exported(sample_site.output)["articles"]
             for s in a["snippets"]}  # fmt: skip
    for network in LIMITS:
        assert (share / f"hootsuite-{network}.csv").is_file()
        # Each Sprout file: that network's posts only, each within its limit.
        body = (share / f"sprout-{network}.csv").read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(body, newline="")))[1:]
        assert rows
        for *_, message in rows:
            post = posts[network, message]
            assert post["length"] <= post["limit"] == LIMITS[network]
    for article in exported(sample_site.output)["articles"]:
        assert (share / article["slug"] / "index.html").is_file()


def test_share_kit_page_lists_every_snippet_with_its_count_and_copy_button(build_site):
    site = build_site("share-basic", **BASIC)
    assert site.report.ok, site.report.errors + site.report.warnings
    snippets = next(a for a in exported(site.output)["articles"] if a["slug"] == "lemons")
    page = site.html("share/lemons/index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    scripts = page.find_all("script")
    # The kit's own files by relative address: it works opened from disk.
    assert [s.get("src") for s in scripts] == ["../kit.js"]
    assert [s["href"] for s in page.select("link[rel=stylesheet]")] == ["../kit.css"]
    assert scripts[0].has_attr("defer") and not scripts[0].string
    assert not page.select("[style]")
    for snippet in snippets["snippets"]:
        field = page.find("textarea", id=f"snippet-{snippet['id']}")
        assert field.has_attr("readonly")
        assert field.string == snippet["text"]
        assert page.find("label", attrs={"for": field["id"]})
        panel = field.find_parent(class_="share-snippet")
        assert f"{snippet['length']} / {snippet['limit']}" in panel.get_text()
        assert panel.find("a", href=snippet["link"])
        # The full text waits behind its summary; the compact row shows the first words.
        assert field.find_parent("details").summary
        assert snippet["text"].split(" ")[0] in panel.select_one(".share-what").get_text()
        button = panel.find("button", attrs={"data-copy": field["id"]})
        assert button["type"] == "button" and button.has_attr("hidden")
        status = panel.find(id=f"{field['id']}-status")
        assert status["aria-live"] == "polite"
    index = site.html("share/index.html")
    assert index.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert {a["href"] for a in index.select(".share-kit-list a")} == {
        "lemons/index.html", "beans/index.html"
    }  # fmt: skip
    assert index.find("a", href="hootsuite-x.csv")
    assert index.find("a", href="sprout-bluesky.csv")
    assert [s["href"] for s in index.select("link[rel=stylesheet]")] == ["kit.css"]


def test_drafts_get_no_snippets_and_no_kit_page(build_site):
    site = build_site("share-basic", **BASIC)
    assert not site.path("share/not-ready").exists()
    assert "not-ready" not in site.path("share/snippets.csv").read_text()


def test_no_utm_on_canonical_internal_links_or_feeds(build_site):
    site = build_site(
        "share-basic", **BASIC, FEED_ALL_ATOM="feeds/all.atom.xml", FEED_DOMAIN=BASIC["SITEURL"]
    )
    assert site.report.ok, site.report.errors
    assert "utm_" not in site.path("feeds/all.atom.xml").read_text()
    assert "share/" not in site.path("feeds/all.atom.xml").read_text()
    article = site.path("lemons/index.html").read_text()
    assert "utm_" not in article
    assert "utm_" not in site.path("index.html").read_text()


def test_utm_can_be_switched_off_in_settings(build_site):
    site = build_site("share-basic", **BASIC, SHARE_UTM=False, SHARE_SHORT_LINKS=False)
    for article in exported(site.output)["articles"]:
        for snippet in article["snippets"]:
            assert "utm_" not in snippet["text"]
            assert snippet["link"].startswith(f"https://www.example.com/{article['slug']}/")


def test_a_bad_setting_stops_the_build_naming_it(build_site):
    site = build_site("share-basic", **BASIC, SHARE_NETWORKS=["x", "myspace"])
    assert not site.report.ok
    assert any("SHARE_NETWORKS" in error and "myspace" in error for error in site.report.errors)


@pytest.mark.parametrize(("keep", "kept"), [(False, False), (True, True)])
def test_publishing_strips_the_share_kit_unless_asked(build_site, keep, kept):
    site = build_site("share-basic", **BASIC)
    assert strip_share_kit(site.output, {"SHARE_KIT_PUBLISH": keep}) is not kept
    assert site.path("share").exists() is kept
    assert site.path("lemons/index.html").is_file()


def test_snippets_command_prints_an_articles_posts_with_counts(build_site):
    site = build_site("share-basic", **BASIC)
    lines: list[str] = []
    assert print_snippets(site.output, "lemons", lines.append)
    printed = "\n".join(lines)
    assert "x-intro: " in printed and " / 280 fits" in printed and "A squeezed lemon" in printed
    # Times as a writer reads them, in the site's zone; the file keeps the machine form.
    export = json.loads(site.path("share/snippets.json").read_text(encoding="utf-8"))
    [lemons] = [article for article in export["articles"] if article["slug"] == "lemons"]
    stamp = next(s["scheduled_at"] for s in lemons["snippets"] if s["id"] == "x-intro")
    when = datetime.fromisoformat(stamp)
    assert f", planned {when:%a} {when.day} {when:%b %Y, %H:%M}" in printed
    assert stamp not in printed and not regex.search(r"planned \d{4}-\d{2}-\d{2}", printed)
    assert not print_snippets(site.output, "nope", lines.append)
    assert "known slugs: beans, lemons" in lines[-1]


def test_hostile_titles_give_well_formed_kit_pages_and_neutralised_csv(build_site):
    site = build_site("share-hostile", strict=False, SHARE_NOW="2026-11-02T08:03", PLUGINS=MINE)
    assert site.report.errors == []
    [warning] = site.report.warnings
    assert warning.endswith(
        "articles/cjk.md: Hashtags '2026' cannot be a hashtag"
        " (letters, digits and _ only, not all digits); change or remove it"
    )
    data = exported(site.output)
    assert len(data["articles"]) == 6
    for article in data["articles"]:
        page = site.html(f"share/{article['slug']}/index.html")
        assert [s.get("src") for s in page.find_all("script")] == ["../kit.js"]
        assert page.h1.get_text() == article["title"]
        for snippet in article["snippets"]:
            assert page.find("textarea", id=f"snippet-{snippet['id']}").string == snippet["text"]
            assert snippet["length"] <= snippet["limit"]
            published = as_published(snippet["text"], snippet["link"])
            assert independent_count(snippet["network"], published) == snippet["length"]
    for name in ("snippets.csv", "sprout-x.csv", "hootsuite-x.csv", "hootsuite-mastodon.csv"):
        body = site.path(f"share/{name}").read_bytes().decode("utf-8")
        for row in csv.reader(io.StringIO(body, newline="")):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    rows = list(csv.DictReader(io.StringIO(site.path("share/snippets.csv").read_text())))
    formula = [row for row in rows if row["article"] == "formula" and row["kind"] == "intro"]
    assert any(row["text"].startswith("'@everyone -1 +1 =SUM(A1) ") for row in formula)
    emoji = [row["text"] for row in rows if row["article"] == "emoji" and row["network"] == "x"]
    assert any("\U0001f468\u200d\U0001f469\u200d\U0001f467" in text for text in emoji)
    quotes = [row["text"] for row in rows if row["article"] == "quotes"]
    # Plain text: the title's markup goes, its words stay; the Summary is text as typed (the
    # page shows "<bag>" as written too), so its angle brackets are words, not markup.
    assert any('“3 "quoted" things & alert(1) for beans”' in text for text in quotes)
    assert not any("<script" in text or "</" in text for text in quotes)
    intros = [text for text in quotes if "one <bag> of beans" in text]
    assert intros, quotes
    long = [row for row in rows if row["article"] == "long" and row["network"] == "x"]
    assert all(row["text"].endswith(row["link"]) or "#" in row["text"] for row in long)


def test_an_unreadable_record_of_the_last_publish_is_one_line_naming_it(build_site, tmp_path):
    record = tmp_path / "share-kit-published.json"
    record.write_text("{not json", encoding="utf-8")
    site = build_site("share-basic", strict=False, **BASIC, SHARE_LAST_PUBLISHED=str(record))
    [warning] = site.report.warnings
    assert warning.endswith(
        "share-kit-published.json: cannot be read as the record of the last publish"
        " (it is not JSON); delete it and publish again"
    )
    assert "Traceback" not in warning and "Errno" not in warning
    assert not site.path("share/changes.csv").exists()


def test_a_theme_showing_short_links_its_own_way_gets_every_page_rendered_whole(
    build_site, tmp_path
):
    theme = tmp_path / "theme"
    shutil.copytree(Path(__file__).parent.parent / "theme", theme)
    template = theme / "templates" / "short_link.html"
    shown = '<p><a href="{{ target }}">{{ short.title }}</a></p>'
    assert shown in template.read_text(encoding="utf-8")
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            shown, '<p><a href="{{ target }}">{{ target|upper }}</a></p>'
        ),
        encoding="utf-8",
    )
    site = build_site(Path(__file__).parent.parent / "content", **BASIC, THEME=str(theme))
    pages = sorted(site.path("s").glob("*/index.html"))
    assert len(pages) > 10
    for page in pages:
        link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("a")
        assert link.get_text() == link["href"].upper(), page
