"""The real content/ folder builds strictly into a complete, well-formed site."""

from pathlib import Path

import pytest

from conftest import sample_dir

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((sample_dir() / "articles").glob("*.md"))


def test_sample_site_builds_strictly_with_no_warnings(sample_site):
    assert sample_site.report.errors == []
    assert sample_site.report.warnings == []
    assert sample_site.report.counts["articles"] == len(ARTICLES) >= 9
    assert sample_site.report.counts["pages"] >= 3


@pytest.mark.parametrize(
    "relative",
    ["index.html", "404.html", "robots.txt", "favicon.ico", "archive/index.html",
     "topics/index.html", "tags/index.html", "about/index.html", "ask/index.html",
     "privacy/index.html", "theme/css/hub.css"],
)  # fmt: skip
def test_every_site_file_is_written(sample_site, relative):
    assert sample_site.path(relative).is_file()


def test_sample_library_covers_three_categories_and_every_stage(sample_site):
    home = sample_site.html("index.html")
    topics = home.select(".topics a")
    assert len(topics) >= 3
    for topic in topics:
        page = sample_site.html(topic["href"].lstrip("/"))
        stages = {card["data-stage"] for card in page.select(".card")}
        assert stages == {"learn", "try", "decide"}, topic.text


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_each_article_has_anchored_things_and_an_in_this_article_list(sample_site, source):
    page = sample_site.article(source.stem)
    headings = page.select(".article-body h2")
    assert headings, "an article needs at least one thing"
    assert [h["id"] for h in headings] == [f"thing-{n}" for n in range(1, len(headings) + 1)]
    links = [a["href"] for a in page.select("nav.in-this-article a")]
    assert links == [f"#thing-{n}" for n in range(1, len(headings) + 1)]
    for heading in headings:
        assert not heading.get_text(" ", strip=True).split(" ", 1)[1][:1].isdigit()


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_each_article_has_title_description_and_absolute_canonical(sample_site, source):
    page = sample_site.article(source.stem)
    assert page.title.string.strip()
    assert page.find("meta", attrs={"name": "description"})["content"].strip()
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == f"http://127.0.0.1:8000/{source.stem}/"
    assert page.find("main") and page.find("header") and page.find("footer")
    assert page.find("html")["lang"] == "en"


def test_pages_use_semantic_landmarks_and_no_scripts(sample_site):
    for relative in ["index.html", "archive/index.html", "about/index.html", "404.html"]:
        page = sample_site.html(relative)
        assert page.find("main", id="main")
        assert page.find("nav")
        assert not page.find("script", src=True), relative
        external = page.find("link", href=lambda h: h.startswith("http") and "127.0.0.1" not in h)
        assert not external, relative


def test_404_page_is_noindex_and_robots_allows_crawling(sample_site):
    page = sample_site.html("404.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    robots = sample_site.path("robots.txt").read_text()
    assert "User-agent: *" in robots
    assert "Disallow: /\n" not in robots


def test_reading_time_is_shown(sample_site):
    page = sample_site.article(ARTICLES[0].stem)
    assert "min read" in page.select_one(".article-header .meta").get_text()
