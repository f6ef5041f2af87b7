"""Translations: an article in another language lives under /fr/<slug>/, linked both ways."""

from __future__ import annotations

import csv
import io
import json
import re

import feedparser
import pytest
from language.alternates import alternates, own_name
from pelican.settings import read_settings

from conftest import ROOT, SETTINGS, article_text

ORIGIN = "http://127.0.0.1:8000"
SLUG = "3-things-to-do-with-a-squeezed-lemon"
ENGLISH, FRENCH = f"{SLUG}/", f"fr/{SLUG}/"


def french_text(**meta: str | None) -> str:
    """A French translation of article_text()'s beans article (Slug 'beans')."""
    fields = {"Lang": "fr", "Slug": "beans", "Summary": "Trois dîners avec un sachet.", **meta}
    body = (
        "Une courte introduction.\n\n## 1. Un chili\n\nFaites tremper les haricots.\n\n"
        "## 2. Une purée\n\nChauffez-les avec de l'ail.\n\n"
        "## 3. Rôtis\n\nRôtissez-les 25 minutes.\n"
    )
    return article_text("3 choses à faire avec des haricots", body=body, **fields)


def hreflang(soup) -> dict[str, str]:
    """The page's hreflang alternates: language -> address."""
    return {link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)}


def test_the_french_translation_lives_under_fr_and_says_so(sample_site):
    page = sample_site.html(FRENCH)
    assert page.html["lang"] == "fr"
    assert sample_site.html(ENGLISH).html["lang"] == "en"
    assert page.find("link", rel="canonical")["href"] == f"{ORIGIN}/{FRENCH}"
    # Pelican's own name for it (…-fr.html) is never written.
    assert not list(sample_site.output.rglob("*-fr.html"))


def test_the_translation_has_its_own_reading_time(sample_site):
    meta = sample_site.html(FRENCH).select_one(".article-header .meta").get_text(" ", strip=True)
    assert re.search(r"· \d+\s?min de lecture", meta), meta


@pytest.mark.parametrize("shown", [ENGLISH, FRENCH])
def test_each_version_lists_both_with_hreflang_and_the_english_as_x_default(sample_site, shown):
    assert hreflang(sample_site.html(shown)) == {
        "en": f"{ORIGIN}/{ENGLISH}",
        "fr": f"{ORIGIN}/{FRENCH}",
        "x-default": f"{ORIGIN}/{ENGLISH}",
    }


def test_the_language_switch_names_each_language_in_itself_without_script(sample_site):
    english = sample_site.html(ENGLISH).find("nav", class_="language-switch")
    french = sample_site.html(FRENCH).find("nav", class_="language-switch")
    to_french = english.find("a", hreflang="fr")
    assert to_french["href"] == f"/{FRENCH}" and to_french["lang"] == "fr"
    assert to_french.get_text() == "Français"
    to_english = french.find("a", hreflang="en")
    assert to_english["href"] == f"/{ENGLISH}" and to_english.get_text() == "English"
    # The page's own language is shown, not linked.
    assert french.find(attrs={"aria-current": "page"}).get_text() == "Français"
    assert not french.find("a", hreflang="fr")
    assert english.has_attr("aria-label")
    # An article with no translation has no switch and no alternates.
    alone = sample_site.article("3-things-to-do-with-a-bag-of-dried-beans")
    assert not alone.find("nav", class_="language-switch") and not hreflang(alone)


def test_the_translation_gets_its_things_call_to_action_and_conversation(sample_site):
    page = sample_site.html(FRENCH)
    things = [link["href"] for link in page.select(".in-this-article a")]
    assert things == ["#thing-1", "#thing-2", "#thing-3"]
    assert "Détartrer la bouilloire" in page.find(id="thing-2").get_text()
    assert page.find(id="next-step") is not None
    conversation = page.find(id="conversation-title").find_parent("section")
    text = conversation.get_text(" ", strip=True)
    # Its own question and its own questions file (questions/<slug>.fr.yml), not the English.
    assert "Quel est votre usage préféré" in text and "Camille" in text
    english = sample_site.html(ENGLISH).find(id="conversation-title").find_parent("section")
    assert "Camille" not in english.get_text()
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert (
        data["inLanguage"] == "fr" and data["headline"] == "3 choses à faire avec un citron pressé"
    )
    english = json.loads(
        sample_site.html(ENGLISH).find("script", type="application/ld+json").string
    )
    assert english["inLanguage"] == "en"


def test_the_share_kit_has_the_french_posts_linking_to_the_french_page(sample_site):
    kit = sample_site.html(f"share/{SLUG}.fr/")
    assert "citron pressé" in kit.get_text()
    front = sample_site.html("share/")
    assert front.find("a", href=f"{SLUG}.fr/index.html")
    assert front.find("a", href=f"{SLUG}/index.html")
    rows = [
        line for line in sample_site.path("share/snippets.csv").read_text().splitlines()
        if line.startswith(f"{SLUG}.fr,")
    ]  # fmt: skip
    intro = next(row for row in rows if ",x-intro," in row)
    assert "Un citron pressé a encore trois tâches" in intro
    short = intro.split(",")[-4]
    page = sample_site.html(short.removeprefix(ORIGIN + "/"))
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert f"{ORIGIN}/{FRENCH}?utm_" in refresh
    assert page.html["lang"] == "fr"


def test_the_lists_show_the_original_only(sample_site):
    archive = sample_site.html("archive/")
    links = {link["href"] for link in archive.select("main a[href]")}
    assert f"/{ENGLISH}" in links
    assert not any("/fr/" in link for link in links)


def test_the_feeds_list_both_languages_and_each_has_its_own(sample_site):
    everything = feedparser.parse(sample_site.path("feeds/all.atom.xml").read_bytes())
    links = [entry.link for entry in everything.entries]
    assert f"{ORIGIN}/{ENGLISH}" in links and f"{ORIGIN}/{FRENCH}" in links
    french = feedparser.parse(sample_site.path("feeds/fr.atom.xml").read_bytes())
    assert [entry.link for entry in french.entries] == [f"{ORIGIN}/{FRENCH}"]
    english = feedparser.parse(sample_site.path("feeds/en.atom.xml").read_bytes())
    assert f"{ORIGIN}/{FRENCH}" not in [entry.link for entry in english.entries]


def test_the_sitemap_lists_both_versions(build_site):
    plugins = [*read_settings(str(SETTINGS))["PLUGINS"], "sitemap"]
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans"), "articles/haricots.md": french_text()},
        SITEURL="https://shop.example",
        FEED_DOMAIN="https://shop.example",
        PLUGINS=plugins,
        SITEMAP={"format": "xml", "exclude": ["^share/", "^s/"]},
    )
    sitemap = site.path("sitemap.xml").read_text()
    assert "<loc>https://shop.example/beans/</loc>" in sitemap
    assert "<loc>https://shop.example/fr/beans/</loc>" in sitemap
    # pelican-sitemap names each version's alternate; its attribute is written as `ref`.
    assert 'hreflang="fr" ref="https://shop.example/fr/beans/"' in sitemap
    assert 'hreflang="en" ref="https://shop.example/beans/"' in sitemap


def test_a_page_translation_and_read_next_follow_the_language(build_site):
    site = build_site(
        {
            "articles/beans.md": article_text(Slug="beans"),
            "articles/haricots.md": french_text(),
            "articles/rice.md": article_text("3 things to do with rice", Slug="rice"),
            "articles/riz.md": french_text(Slug="rice", Title="3 choses à faire avec du riz"),
            "pages/about.md": "Title: About us\nSlug: about\n\nWe are a shop.\n",
            "pages/a-propos.md": "Title: À propos\nLang: fr\nSlug: about\n\nNous sommes.\n",
        }
    )
    assert site.report.ok, site.report.errors + site.report.warnings
    about = site.html("fr/about/")
    assert about.html["lang"] == "fr"
    assert hreflang(about)["en"] == f"{ORIGIN}/about/"
    read_next = [link["href"] for link in site.html("fr/beans/").select(".read-next a")]
    assert "/fr/rice/" in read_next and "/rice/" not in read_next


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("french", "Lang 'french' is a language's name, not its code: write 'Lang: fr'"),
        ("FR", "Lang 'FR' is a language code in capitals: write 'Lang: fr'"),
        ("fr_FR", "Lang 'fr_FR' names a country too; the hub's pages are per language:"),
        ("klingon", "Lang 'klingon' is not a language the hub speaks (en, fr, de, es, nl)"),
    ],
)
def test_a_lang_the_hub_cannot_use_is_one_line_naming_file_and_field(build_site, lang, message):
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans"), "articles/x.md": french_text(Lang=lang)}
    )
    problems = site.report.errors + site.report.warnings
    matching = [line for line in problems if "articles/x.md: " + message in line]
    assert len(matching) == 1 and "\n" not in matching[0], problems
    assert not site.report.ok


def test_a_fixable_lang_still_builds_under_the_language_it_means(build_site):
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans"), "articles/x.md": french_text(Lang="FR")},
        strict=False,
    )
    # The build fails on the error, so output/ is kept as it was; the page was made at /fr/.
    assert "fr/beans/index.html" in site.report.sources
    assert not any(name.startswith("FR/") for name in site.report.sources)


def test_a_translation_without_its_original_builds_with_a_note(build_site):
    site = build_site(
        {
            "articles/rice.md": article_text("3 things to do with rice"),
            "articles/x.md": french_text(),
        },
        strict=False,
    )
    expected = (
        "articles/x.md: Lang is fr but no English article or page has the slug 'beans', so it"
        " is listed as one of its own; if it translates one, give the original the line"
        " 'Slug: beans'"
    )
    # A note: an article only in French is allowed, so a strict build (publish) goes on.
    assert [line for line in site.report.notes if expected in line], site.report.notes
    assert not site.report.warnings
    assert site.path("fr/beans/index.html").is_file()


@pytest.mark.parametrize("slug", ["fr", "de", "en"])
def test_a_language_folder_is_no_slug(build_site, slug):
    site = build_site({"articles/x.md": article_text(Slug=slug)})
    lines = [line for line in site.report.errors if f"Slug '{slug}' is the folder of" in line]
    assert len(lines) == 1, site.report.errors


def test_two_translations_into_one_language_are_one_line(build_site):
    site = build_site(
        {
            "articles/beans.md": article_text(Slug="beans"),
            "articles/a.md": french_text(),
            "articles/b.md": french_text(),
        }
    )
    problems = site.report.errors + site.report.warnings
    assert len(problems) == 1, problems
    assert "Slug 'beans' is already used by" in problems[0] and "\n" not in problems[0]


def test_alternates_put_the_site_language_first_and_need_two_versions():
    found = alternates(
        ("fr", "fr/beans/"), [("de", "de/beans/"), ("en", "beans/")], "en", lambda u: "/" + u
    )
    assert [(a.lang, a.url, a.current, a.default) for a in found] == [
        ("en", "/beans/", False, True),
        ("de", "/de/beans/", False, False),
        ("fr", "/fr/beans/", True, False),
    ]
    assert alternates(("en", "beans/"), [], "en", str) == ()
    assert [own_name(code) for code in ("fr", "de", "es", "nl")] == [
        "Français",
        "Deutsch",
        "Español",
        "Nederlands",
    ]


def test_the_sample_has_the_french_translation_of_the_lemon_article():
    # Translations sit in a folder per language, named like their original.
    text = (ROOT / "content" / "articles" / "fr" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert "\nLang: fr\n" in text and f"\nSlug: {SLUG}\n" in text


def test_the_build_line_counts_the_translation_and_its_posts(sample_site):
    summary = sample_site.report.summary()
    assert summary.startswith("Built 10 articles, 1 translation, 4 pages, "), summary
    exported = sample_site.path("share/snippets.csv").read_text(encoding="utf-8")
    posts = len(list(csv.reader(io.StringIO(exported)))) - 1
    assert f", {posts} snippets in " in summary
