"""Hostile titles, summaries, questions and hashtags come out well formed in every output."""

from __future__ import annotations

import csv
import json
import re
import shutil
import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import regex
from bs4 import BeautifulSoup

from conftest import SETTINGS, SITES, BuiltSite, as_published, disconnect_all_signals, forwarded
from hub.build import build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # twitter-text imports pkg_resources
    from twitter_text import parse_tweet

SITE = SITES / "hostile"
SLUGS = sorted(path.stem for path in (SITE / "articles").glob("*.md"))
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
URL_PARAMETERS = {"url", "u"}
HASHTAG = regex.compile(r"(?<!\S)#(\w+)")


def header(slug: str) -> dict[str, str]:
    """The fixture article's header fields, as the writer typed them."""
    text = (SITE / "articles" / f"{slug}.md").read_text(encoding="utf-8")
    head = text.split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The hostile site, built once (not strictly: some of its input deserves warnings)."""
    disconnect_all_signals()
    folder = tmp_path_factory.mktemp("hostile")
    content = shutil.copytree(SITE, folder / "content")
    out = folder / "output"
    overrides = {"PATH": str(content), "CACHE_CONTENT": False, "CACHE_PATH": str(folder / "cache")}
    report = build(SETTINGS, out, strict=False, overrides=overrides)
    disconnect_all_signals()
    return BuiltSite(report, out)


def share_file(site: BuiltSite, name: str) -> Path:
    """A file of the share kit; skip while the share-snippet plugin writes none."""
    path = site.path(f"share/{name}")
    if not path.exists():
        pytest.skip(f"the build wrote no share/{name}: the share kit is not in this build")
    return path


def snippets(site: BuiltSite) -> dict[str, list[dict]]:
    """Each article's snippets from share/snippets.json, by slug."""
    data = json.loads(share_file(site, "snippets.json").read_text(encoding="utf-8"))
    return {article["slug"]: article["snippets"] for article in data["articles"]}


def test_hostile_site_builds_and_each_problem_is_one_line_naming_the_file(hostile):
    assert hostile.report.errors == []
    assert hostile.report.counts["articles"] == len(SLUGS)
    for line in hostile.report.warnings:
        assert "\n" not in line and "Traceback" not in line
        assert re.search(r"(articles|questions)/\w+\.(md|yml)", line), line


@pytest.mark.parametrize("slug", SLUGS)
def test_title_and_summary_stay_text_in_every_attribute(hostile, slug):
    title = header(slug)["Title"]
    page = hostile.article(slug)
    assert page.h1.get_text() == title
    assert page.title.get_text().startswith(title)
    for tag in page.find_all("meta", attrs={"property": ["og:title", "twitter:title"]}):
        assert tag["content"] == title
    description = page.find("meta", attrs={"name": "description"})["content"]
    # The summary is text: markup typed into it is shown as typed, never as elements.
    lede = page.select_one(".lede")
    assert description and description == " ".join(lede.get_text().split())
    assert not lede.find_all(["b", "em", "i", "script", "img"]) or "*" in header(slug)["Summary"]
    # Nothing the writer typed became an element or an event handler.
    assert page.find_all(lambda tag: any(name.startswith("on") for name in tag.attrs)) == []
    for script in page.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", script


@pytest.mark.parametrize("slug", SLUGS)
def test_every_json_ld_block_parses_and_keeps_the_title(hostile, slug):
    blocks = hostile.article(slug).find_all("script", type="application/ld+json")
    if not blocks:
        pytest.skip("no JSON-LD in this build: the link-preview plugin is not in it")
    data = [json.loads(block.string) for block in blocks]
    article = next(item for item in data if item.get("@type") in ("Article", "BlogPosting"))
    title = header(slug)["Title"]
    assert title.startswith(article["headline"].rstrip("…").rstrip())


def test_answered_question_stays_text_on_the_page_and_in_json_ld(hostile):
    page = hostile.article("markup")
    question = 'Can I use <b>tinned</b> beans & "skip" the soak?'
    if "tinned" not in page.get_text():
        pytest.skip("answered questions are not in this build: the conversation plugin is absent")
    # The reader's markup is text inside one element, never a <b> or <i> of its own.
    assert page.find(string=lambda text: question in text)
    assert page.find(string=lambda text: "<i>Eve</i>" in text)
    comments = [
        comment
        for block in page.find_all("script", type="application/ld+json")
        for comment in json.loads(block.string).get("comment", [])
    ]
    assert any(question in comment.get("text", "") for comment in comments)


@pytest.mark.parametrize("slug", SLUGS)
def test_share_and_mailto_links_are_urls_whose_parameters_give_the_text_back(hostile, slug):
    page = hostile.article(slug)
    shares = [a["href"] for a in page.select("section.share-links a[href]")]
    if not shares:
        pytest.skip("no share links in this build: the link-preview plugin is not in it")
    mails = [a["href"] for a in page.select('a[href^="mailto:"]') if "?" in a["href"]]
    fields = header(slug)
    title, canonical = fields["Title"], page.find("link", rel="canonical")["href"]
    for href in shares + mails:
        assert not re.search(r"[\s\"'<>]", href), href
        parts = urlsplit(href)
        assert parts.scheme in ("https", "mailto"), href
        query = parse_qs(parts.query, strict_parsing=True)
        for name in URL_PARAMETERS & query.keys():
            assert query[name][0].startswith(canonical), href
        if "text" in query:
            assert fields.get("Share", title) in query["text"][0], href
        if "subject" in query:
            assert title in query["subject"][0], href


def test_no_csv_cell_starts_like_a_formula(hostile):
    share_file(hostile, "snippets.csv")
    cells = []
    for path in sorted(hostile.path("share").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            cells += [(path.name, cell) for row in csv.reader(stream) for cell in row]
    assert [cell for cell in cells if cell[1].startswith(FORMULA_START)] == []
    # The hostile text is still there, made harmless rather than dropped.
    assert any("=HYPERLINK(" in cell for _, cell in cells)


def test_snippets_fit_their_limits_by_an_independent_count(hostile):
    for slug, found in snippets(hostile).items():
        assert found, slug
        for snippet in found:
            assert snippet["length"] <= snippet["limit"], snippet["id"]
            assert snippet["link"] in snippet["text"]
            # A short link: the page it opens forwards to the article, tagged.
            target, _ = forwarded(hostile.output, snippet["link"])
            assert f"utm_campaign={slug}" in target
            # A preview's link is counted as it will be once published.
            text = as_published(snippet["text"], snippet["link"])
            if snippet["network"] == "x":
                assert parse_tweet(text).weightedLength <= 280, (slug, snippet["id"])
            if snippet["network"] == "bluesky":
                assert len(regex.findall(r"\X", text)) <= 300, (slug, snippet["id"])
                assert len(text.encode("utf-8")) <= 3000


def test_snippets_are_plain_text_with_hashtags_from_the_writers_words(hostile):
    for slug, found in snippets(hostile).items():
        fields = header(slug)
        allowed = {
            re.sub(r"\W", "", BeautifulSoup(word, "html.parser").get_text()).lower()
            for word in fields.get("Hashtags", fields["Tags"]).split(",")
        }
        for snippet in found:
            text = snippet["text"]
            assert not re.search(r"<\s*/?\s*(b|em|i)\b|&(amp|lt|gt|quot);", text), snippet["id"]
            for tag in HASHTAG.findall(text.replace(snippet["link"], "")):
                assert tag.lower() in allowed, (slug, snippet["id"], tag)


def test_share_kit_pages_show_each_snippet_exactly(hostile):
    by_slug = snippets(hostile)
    for slug, found in by_slug.items():
        page = BeautifulSoup(
            share_file(hostile, f"{slug}/index.html").read_text(encoding="utf-8"), "html.parser"
        )
        shown = {area.get_text() for area in page.find_all("textarea")}
        assert {snippet["text"] for snippet in found} <= shown, slug
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", script
