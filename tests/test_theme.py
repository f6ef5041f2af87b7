"""The theme's reader-facing words and files: stage names only in the writer's words."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from search.plugin import article_filters

from conftest import article_text
from hub import site_file
from hub.palette import (
    CARD,
    DARK_CARD,
    DARK_INK,
    DARK_MEDIA,
    DARK_MUTED,
    DARK_PAPER,
    NON_TEXT_CONTRAST,
    TEXT_CONTRAST,
    category_colour,
    contrast,
    palette,
    rgb,
    short_hex,
    text_on,
)
from link_previews.cards import BAND_TOP, WIDTH, CardSpec, render_card
from link_previews.plugin import card_spec

ROOT = Path(__file__).resolve().parent.parent
HUB_STAGE_NAMES = ("Getting started", "Try it", "Deciding")
READER_PAGES = ["3-things-to-do-with-a-bag-of-dried-beans", "index.html", "topics/cupboard-staples"]
WORDS = {"learn": "New here?", "decide": "Choosing what to buy"}


@pytest.mark.parametrize("relative", READER_PAGES)
def test_reader_pages_show_no_stage_names_by_default(sample_site, relative):
    page = sample_site.html(relative)
    text = page.select_one("main").get_text(" ")
    assert not page.select(".stage")
    assert [name for name in HUB_STAGE_NAMES if name in text] == []
    # The stage still orders the cards, as data, not words.
    assert all(card["data-stage"] in ("learn", "try", "decide") for card in page.select(".card"))


def test_a_writers_stage_words_show_on_the_article_and_its_cards(build_site):
    site = build_site(
        {
            "articles/beans.md": article_text(Stage="learn"),
            "articles/rice.md": article_text("3 things to do with rice", Stage="try"),
        },
        READER_STAGE_LABELS=WORDS,
    )
    assert site.report.ok, site.report.errors
    beans = site.article("3-things-to-do-with-beans")
    assert beans.select_one(".kicker .stage").get_text() == "New here?"
    home = site.html("index.html")
    cards = {card.select_one(".card-title").get_text(): card for card in home.select(".card")}
    assert cards["3 things to do with beans"].select_one(".stage").get_text() == "New here?"
    # No words for "try": that stage is not shown at all, never as the hub's name.
    assert cards["3 things to do with rice"].select_one(".stage") is None
    assert site.article("3-things-to-do-with-rice").select_one(".kicker .stage") is None


class _Article:
    category, stage, title = "Cupboard staples", "learn", "3 things"


def test_search_filters_and_social_cards_use_only_the_writers_words():
    assert article_filters(_Article(), {}) == {"Topic": "Cupboard staples"}
    assert article_filters(_Article(), WORDS) == {"Topic": "Cupboard staples", "Stage": "New here?"}
    settings = {"SITENAME": "Larder Lane", "PATH": ".", "READER_STAGE_LABELS": {}}
    assert card_spec(_Article(), settings, ("", ""), ("", "")).stage == ""
    settings["READER_STAGE_LABELS"] = WORDS
    assert card_spec(_Article(), settings, ("", ""), ("", "")).stage == "New here?"


def test_site_yml_stage_labels_read_back_as_written():
    text = site_file.render({"name": "Bramble", "stage_labels": {"learn": "New: start, here"}})
    settings = site_file.check(site_file.parse(text))
    assert settings["READER_STAGE_LABELS"] == {"learn": "New: start, here"}
    assert site_file.check({"name": "Bramble"})["READER_STAGE_LABELS"] == {}


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("{lern: New here}", "site.yml: stage_labels: 'lern' is not a stage; use some of learn,"),
        ("[learn]", 'site.yml: stage_labels: write it like {learn: "New here?"'),
        ("{learn: [a, b]}", "site.yml: stage_labels: write it as plain text on one line"),
    ],
)
def test_a_wrong_stage_labels_value_is_one_line_naming_site_yml_and_the_key(value, words):
    with pytest.raises(site_file.SiteFileError) as problem:
        site_file.check(site_file.parse(f"name: Bramble\nstage_labels: {value}\n"))
    assert str(problem.value).startswith(words)
    assert "\n" not in str(problem.value)


# --- Dark mode: the palette's dark values keep AA contrast with any brand colour ----------------

HEX = st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06x}")
THEME_CSS = ROOT / "theme" / "static" / "css" / "hub.css"


@settings(max_examples=300, deadline=None)
@given(brand=HEX, accent=st.one_of(st.just(""), HEX))
def test_dark_links_and_rings_keep_aa_contrast_for_any_brand(brand, accent):
    colours = palette(brand, accent)
    for background in (DARK_PAPER, DARK_CARD):
        assert contrast(colours.dark_link, background) >= TEXT_CONTRAST
    assert contrast(colours.dark_accent, DARK_PAPER) >= NON_TEXT_CONTRAST
    # Buttons and the header keep the brand in both modes, with text that reads on it.
    assert contrast(colours.on_brand, colours.brand) >= TEXT_CONTRAST


@pytest.mark.parametrize("background", [DARK_PAPER, DARK_CARD])
@pytest.mark.parametrize("text", [DARK_INK, DARK_MUTED])
def test_the_dark_modes_own_text_colours_read_on_its_page_and_panels(text, background):
    assert contrast(text, background) >= TEXT_CONTRAST


def test_the_stylesheets_dark_colours_are_the_palettes():
    css = THEME_CSS.read_text(encoding="utf-8")
    dark = css[css.index(DARK_MEDIA) :].split("}", 1)[0]
    named = dict(part.split(":", 1) for part in dark.split(":root{", 1)[1].split(";"))
    expected = {
        "--ink": DARK_INK,
        "--muted": DARK_MUTED,
        "--paper": DARK_PAPER,
        "--card": DARK_CARD,
    }
    assert {name: named[name] for name in expected} == {
        name: short_hex(value) for name, value in expected.items()
    }
    assert named["--link"] == short_hex(palette("#1d4d2b").dark_link)


@pytest.mark.parametrize(
    ("brand", "dark_link"), [("#1d4d2b", "#73917c"), ("#000000", "#8a8a8a"), ("#ffd700", "#ffd700")]
)
def test_a_brand_colour_sets_the_dark_link_in_the_built_stylesheet(build_site, brand, dark_link):
    # Not strict: a light brand is warned about (links on the page use a darker shade).
    site = build_site({"articles/beans.md": article_text()}, strict=False, BRAND_COLOUR=brand)
    assert site.report.errors == []
    css = site.path("theme/css/hub.css").read_text(encoding="utf-8")
    light, dark = css.split(DARK_MEDIA, 1)
    assert f"--brand:{short_hex(brand)}" in light
    assert f"--link:{short_hex(dark_link)}" in dark.split("}", 1)[0]
    assert "}\n" not in css, "rules are joined on one line"


# --- Social cards: a stable colour per category, text on it readable ---------------------------

CATEGORIES = ("Cupboard staples", "Fresh & seasonal", "Low-waste home")


@settings(max_examples=300, deadline=None)
@given(brand=HEX, category=st.text(min_size=1, max_size=40))
def test_a_category_colour_is_stable_shows_on_panels_and_carries_readable_text(brand, category):
    colour = category_colour(brand, category)
    # The same topic, however it is spaced, always gets the same colour.
    assert colour == category_colour(brand, f" {category} ")
    assert contrast(colour, CARD) >= NON_TEXT_CONTRAST
    assert contrast(text_on(colour), colour) >= TEXT_CONTRAST


@pytest.mark.parametrize("brand", ["#1d4d2b", "#0b1f3a", "#ffd700", "#808080"])
def test_the_samples_three_topics_get_three_colours(brand):
    assert len({category_colour(brand, name) for name in CATEGORIES}) == 3


def test_cards_of_two_topics_differ_along_the_band_and_keep_the_brand(tmp_path):
    pixels = []
    for category in CATEGORIES[:2]:
        spec = CardSpec(
            "3 things", category, "New here?", "Larder Lane", "", brand="#1d4d2b",
            category_colour=category_colour("#1d4d2b", category),
        )  # fmt: skip
        card = Image.open(io.BytesIO(render_card(spec))).convert("RGB")
        band_edge = card.getpixel((WIDTH // 2, BAND_TOP + 4))
        assert band_edge == rgb(spec.category_colour)
        assert card.getpixel((10, 10)) == rgb("#1d4d2b"), "the card itself stays the brand's"
        pixels.append(band_edge)
    assert pixels[0] != pixels[1]
