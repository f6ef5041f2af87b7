"""The things finder: HTML in, anchored HTML and things out."""

import pytest

from things.finder import find_things, promised_count


@pytest.mark.parametrize(
    ("html", "anchors", "titles"),
    [
        ("<h2>1. Brew it</h2>", ["thing-1"], ["Brew it"]),
        ("<h2>Brew</h2><p>a</p><h2>Pour</h2>", ["thing-1", "thing-2"], ["Brew", "Pour"]),
        ('<h2 id="custom">2) Soak</h2>', ["thing-1"], ["Soak"]),
        ("<h2>10: Ten <em>things</em></h2>", ["thing-1"], ["Ten things"]),
        ("<h2>1999 was a good year</h2>", ["thing-1"], ["1999 was a good year"]),
        ("<h3>Not a thing</h3><p>x</p>", [], []),
        ("<h2>Fish &amp; chips</h2>", ["thing-1"], ["Fish & chips"]),
    ],
)
def test_things_are_found_numbered_or_not(html, anchors, titles):
    _, things = find_things(html)
    assert [t.anchor for t in things] == anchors
    assert [t.title for t in things] == titles
    assert [t.number for t in things] == list(range(1, len(anchors) + 1))


def test_headings_get_their_anchor_and_lose_their_typed_number():
    html, _ = find_things('<h2 id="x">1. Make a chilli</h2><p>Hi.</p>')
    expected = '<h2 id="thing-1"><span class="thing-number">1</span> Make a chilli</h2>'
    assert html.startswith(expected)
    assert 'id="x"' not in html


def test_anchoring_twice_gives_the_same_html():
    once, _ = find_things("<h2>1. A</h2><p>x</p><h2>B</h2>")
    twice, things = find_things(once)
    assert twice == once
    assert [t.title for t in things] == ["A", "B"]


@pytest.mark.parametrize(
    ("section", "teaser"),
    [
        ("<p>Soak them overnight. Then simmer for an hour.</p>", "Soak them overnight."),
        ("<p>Use <strong>200&nbsp;g</strong> of beans.</p>", "Use 200 g of beans."),
        ("<ul><li>list first</li></ul><p>Then this. And that.</p>", "Then this."),
        ("<p>Heat to 2.5 bar. Done.</p>", "Heat to 2.5 bar."),
        ("", ""),
    ],
)
def test_teaser_is_the_first_sentence_of_the_first_paragraph(section, teaser):
    _, things = find_things(f"<h2>One</h2>{section}<h2>Two</h2><p>Other section.</p>")
    assert things[0].teaser == teaser


@pytest.mark.parametrize(
    ("title", "count"),
    [
        ("3 things to do with beans", 3),
        ("Three ways to use stale bread", 3),
        ("5 ideas for lunch", 5),
        ("Five simple ways to cook lentils", 5),
        ("4 questions to ask about a veg box", 4),
        ("Twelve easy autumn recipes", 12),
        ("How we cook beans", None),
        ("Our shop in 2026", None),
    ],
)
def test_promised_count(title, count):
    assert promised_count(title) == count


@pytest.mark.parametrize(
    ("title", "lang", "count"),
    [
        ("Trois idées pour les haricots", "fr", 3),
        ("3 idées pour le déjeuner", "fr", 3),
        ("Cinq bonnes façons de cuire les lentilles", "fr", 5),
        ("Six jeux pour la cuisine", "fr", 6),
        ("Drei Ideen für Bohnen", "de", 3),
        ("Fünf einfache Rezepte mit Linsen", "de", 5),
        ("4 Fragen an die Gemüsekiste", "de", 4),
        ("Tres ideas para las alubias", "es", 3),
        ("Cinco maneras fáciles de usar pan duro", "es", 5),
        ("Drie ideeën voor bonen", "nl", 3),
        ("Vijf snelle recepten", "nl", 5),
        ("Twaalf tips voor de herfst", "nl", 12),
        # The word for one is also the indefinite article: never a promise outside English.
        ("Une des meilleures recettes de saison", "fr", None),
        ("Un dîner, deux façons", "fr", 2),
        ("Eine der besten Suppen", "de", None),
        ("Una de las mejores recetas", "es", None),
        ("Een van de beste tips", "nl", None),
        # A German count needs its noun (capitalised); a language's words belong to it alone.
        ("Drei mal täglich", "de", None),
        ("Trois idées pour les haricots", "en", None),
        ("Three ways to use stale bread", "fr", None),
        ("Three ways to use stale bread", "en", 3),
        # An unknown language counts in English.
        ("Three ways to use stale bread", "pt", 3),
    ],
)
def test_promised_count_knows_each_language(title, lang, count):
    assert promised_count(title, lang) == count
