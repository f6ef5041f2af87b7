"""The theme in the site's language and in each page's own: labels, dates, numbers (real builds)."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from language.catalogues import DOMAINS

from conftest import article_text
from hub import i18n

UMAMI = {"ANALYTICS_SERVICE": "umami", "ANALYTICS_SITE": "94db1cb1-74f4-4a40-ad6c-962362670409"}
COMMENTS = {
    "CONVERSATION_PROVIDER": "isso",
    "CONVERSATION_ISSO": {"url": "https://comments.larderlane.example/"},
}
# Every page kind a reader meets, as the conversation fixture builds them.
PAGE_KINDS = {
    "article": "beans/index.html",
    "index": "index.html",
    "category": "topics/cupboard-staples/index.html",
    "tag": "tags/beans/index.html",
    "page": "about/index.html",
    "404": "404.html",
    "search": "search/index.html",
    "archives": "archive/index.html",
    "topics": "topics/index.html",
}


def theme_catalogue(lang: str):
    """The theme's .po of LANG, as Babel reads it."""
    with DOMAINS["theme"].po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def plain_labels(lang: str) -> dict[str, str]:
    """English label -> LANG's, for the labels that are whole texts and differ in LANG."""
    return {
        message.id: message.string
        for message in theme_catalogue(lang)
        if isinstance(message.id, str)
        and message.id
        and "%(" not in message.id
        and "<" not in message.id
        and message.string != message.id
    }


def own_text(element) -> str:
    """The text of ELEMENT itself, spaces squeezed."""
    return " ".join(element.get_text(" ", strip=True).split())


@pytest.fixture(scope="module")
def french_site(tmp_path_factory):
    """The conversation fixture in French, with comments and analytics on: every label shows."""
    from conftest import SETTINGS, SITES, disconnect_all_signals
    from hub.build import build

    disconnect_all_signals()
    out = tmp_path_factory.mktemp("fr") / "output"
    overrides = {"PATH": str(SITES / "conversation"), "CACHE_CONTENT": False, "DEFAULT_LANG": "fr"}
    report = build(SETTINGS, out, strict=True, overrides={**overrides, **UMAMI, **COMMENTS})
    disconnect_all_signals()
    assert report.ok
    return out


def page(folder, relative):
    from bs4 import BeautifulSoup

    return BeautifulSoup((folder / relative).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_has_no_english_label_left_in_french(french_site, kind):
    soup = page(french_site, PAGE_KINDS[kind])
    english = plain_labels("fr")
    texts = {own_text(element) for element in soup.find_all(True)}
    attributes = {
        value
        for element in soup.find_all(True)
        for name in ("placeholder", "aria-label", "content")
        if (value := element.get(name))
    }
    left = sorted(label for label in english if label in texts or label in attributes)
    assert not left, f"{kind}: English labels left: {left}"
    # ...and the French ones are there: the skip link and the menu on every page.
    assert soup.find("a", class_="skip-link").get_text() == "Aller au contenu"
    assert soup.find("nav")["aria-label"] == "Menu principal"
    assert soup.find("input", type="search")["placeholder"] == "Rechercher"


def test_a_french_article_has_french_labels_dates_and_reading_time(french_site):
    soup = page(french_site, "beans/index.html")
    meta = soup.select_one(".article-header .meta")
    assert meta.time["datetime"] == "2026-09-14T09:00:00+01:00"  # ISO for machines
    assert meta.time.get_text() == "14 septembre 2026"
    assert re.search(r" · \d+\u00a0min de lecture$", meta.get_text().strip())
    assert soup.find(id="in-this-article").get_text() == "Dans cet article"
    assert soup.find(id="conversation-title").get_text() == "Questions et commentaires"
    assert soup.find(id="answered-title").get_text() == "Les questions de nos lecteurs"
    asked = soup.select_one(".answered-question .meta")
    assert own_text(asked).startswith("Question de <b>Priya</b> & co, le 20 mars 2026")
    assert asked.time["datetime"] == "2026-03-20"
    assert soup.find(id="ask-title").get_text() == "Posez une question"
    assert soup.select_one("#ask a.button").get_text() == "Envoyez-nous votre question par e-mail"
    assert soup.find(id="share-this").get_text() == "Partager"
    assert soup.find(id="read-next-heading").get_text() == "À lire ensuite"
    assert soup.find(id="helpful-heading").get_text() == "Cet article vous a-t-il été utile\u00a0?"
    assert [s.get_text() for s in soup.select(".helpful-answer summary")] == ["Oui", "Pas vraiment"]
    comments = soup.select_one(".comments")
    assert comments.h3.get_text() == "Commentaires"
    assert comments.p.get_text().startswith("Les commentaires sont gérés par Isso, depuis ")
    assert comments.button.get_text() == "Afficher les commentaires de comments.larderlane.example"
    assert "Retenir mon choix sur cet appareil" in comments.label.get_text()
    assert "nous poser une question" in comments.noscript.get_text()


def test_reader_text_stays_escaped_inside_translated_labels(french_site):
    html = (french_site / "beans/index.html").read_text(encoding="utf-8")
    # The asker's name is placed into the French sentence as text, never as markup.
    assert "Question de &lt;b&gt;Priya&lt;/b&gt; &amp; co, le <time" in html
    assert "<b>Priya</b>" not in html


def test_french_lists_count_and_date_in_french(french_site):
    index = page(french_site, "index.html")
    assert index.find(id="start-here").get_text() == "Pour commencer"
    assert index.find(id="newest").get_text() == "Les plus récents"
    counts = [own_text(span) for span in index.select(".topics .count")]
    assert counts and all(re.fullmatch(r"\d+ articles?", count) for count in counts)
    assert all(count == "1 article" or count.endswith("articles") for count in counts)
    dates = [time.get_text() for time in index.select(".cards time")]
    assert dates and all(re.fullmatch(r"\d{1,2} [a-zéû]+ \d{4}", day) for day in dates)
    category = page(french_site, PAGE_KINDS["category"])
    assert (
        "des premiers pas jusqu\u2019au choix" in category.select_one(".section-intro").get_text()
    )
    assert page(french_site, PAGE_KINDS["tag"]).h1.get_text() == "Mot-clé «\u00a0beans\u00a0»"
    missing = page(french_site, "404.html")
    assert missing.h1.get_text() == "Cette page est introuvable"
    assert missing.title.get_text().startswith("Page introuvable · ")
    search = page(french_site, "search/index.html")
    assert search.h1.get_text() == "Rechercher"
    assert "tous les thèmes" in search.find(id="search-fallback").get_text()
    # Pagefind's own box picks its French wording from <html lang>.
    assert search.html["lang"] == "fr"


def test_the_privacy_page_says_what_is_counted_in_french(french_site):
    privacy = page(french_site, "privacy/index.html").select_one(".analytics-privacy")
    assert privacy.h2.get_text() == "Comment nous comptons les visites"
    assert privacy.p.get_text().startswith("Nous comptons les visites avec Umami")


@pytest.mark.parametrize(
    ("lang", "share", "date", "minutes"),
    [
        ("de", "Teilen", "14. September 2026", "\u00a0Min. Lesezeit"),
        ("es", "Compartir", "14 de septiembre de 2026", "\u00a0min de lectura"),
        ("nl", "Delen", "14 september 2026", "\u00a0min leestijd"),
        ("en", "Share this", "14 September 2026", " min read"),
    ],
)
def test_each_language_labels_and_dates_its_pages(build_site, lang, share, date, minutes):
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, DEFAULT_LANG=lang)
    article = site.article("beans")
    assert article.find(id="share-this").get_text() == share
    meta = article.select_one(".article-header .meta")
    assert meta.time.get_text() == date
    assert re.search(rf" · \d+{minutes}$", meta.get_text().strip())
    index = site.html("index.html")
    assert index.select_one(".cards time").get_text() == date


def test_a_page_in_another_language_follows_its_own_lang(build_site):
    site = build_site(
        {
            "articles/beans.md": article_text(Slug="beans"),
            "articles/beans-fr.md": article_text("3 idées", Slug="beans", Lang="fr"),
            "pages/about.md": "Title: About\nSlug: about\n\nWho we are.\n",
            "pages/about-de.md": "Title: Über uns\nSlug: about\nLang: de\n\nWer wir sind.\n",
        },
        ARTICLE_LANG_URL="fr/{slug}/",
        ARTICLE_LANG_SAVE_AS="fr/{slug}/index.html",
        PAGE_LANG_URL="de/{slug}/",
        PAGE_LANG_SAVE_AS="de/{slug}/index.html",
    )
    english, french = site.article("beans"), site.html("fr/beans/index.html")
    assert english.find(id="share-this").get_text() == "Share this"
    assert english.select_one(".article-header time").get_text() == "14 September 2026"
    assert french.find(id="share-this").get_text() == "Partager"
    assert french.select_one(".article-header time").get_text() == "14 septembre 2026"
    assert french.find(class_="skip-link").get_text() == "Aller au contenu"
    assert site.html("about/index.html").find(class_="skip-link").get_text() == "Skip to content"
    german = site.html("de/about/index.html")
    assert german.find(class_="skip-link").get_text() == "Zum Inhalt springen"
    assert german.find("nav")["aria-label"] == "Hauptmenü"
    # The site's own pages stay in the site's language.
    assert site.html("index.html").find(id="newest").get_text() == "Newest"


@pytest.mark.parametrize(
    ("values", "default", "expected"),
    [
        (("fr", "de"), "en", "fr"),
        ((None, "de-DE"), "en", "de"),
        (("it", None), "nl", "nl"),  # not a language the hub speaks: the site's
        ((object(), ""), "es_ES", "es"),
        ((), "pt", "en"),
    ],
)
def test_first_language_is_the_first_supported_one(values, default, expected):
    assert i18n.first_language(*values, default=default) == expected


def test_numbers_and_days_follow_the_language():
    import datetime

    day = datetime.date(2026, 3, 1)
    assert [i18n.format_day(day, lang) for lang in i18n.LANGUAGES] == [
        "1 March 2026", "1 mars 2026", "1. März 2026", "1 de marzo de 2026", "1 maart 2026",
    ]  # fmt: skip
    assert i18n.format_count(12345, "de") == "12.345"
    assert i18n.format_count(12345, "en") == "12,345"
