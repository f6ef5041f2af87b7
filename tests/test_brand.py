"""Brand: one colour drives the palette with AA contrast; the logo in header, card and JSON-LD."""

from __future__ import annotations

import io
import itertools
import json
import re

import pytest
from PIL import Image

from conftest import article_text
from hub.palette import (
    CARD,
    PAPER,
    contrast,
    luminance,
    palette,
    shade_for,
    short_hex,
    text_on,
    with_properties,
)
from link_previews.cards import CardColours, CardSpec, render_card
from quality.weight import page_weight

DARK = "#0b1f3a"
# Every mix of six levels per channel: light, dark and mid-tone colours alike.
GRID = ["#" + "".join(p) for p in itertools.product(("00", "33", "66", "99", "cc", "ff"), repeat=3)]


def png_logo(colour: str = "#c0392b", size: tuple[int, int] = (160, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("colour", "expected"),
    [("#000000", 0.0), ("#ffffff", 1.0), ("#808080", 0.2159), ("#ff0000", 0.2126),
     ("#00ff00", 0.7152), ("#0000ff", 0.0722), ("#1d4d2b", 0.0574)],
)  # fmt: skip
def test_relative_luminance_follows_wcag(colour, expected):
    assert luminance(colour) == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48),
     ("#1d4d2b", "#ffffff", 9.77), ("#f5c400", "#ffffff", 1.64), ("#b3541e", PAPER, 4.91)],
)  # fmt: skip
def test_contrast_ratios_match_wcag_figures(first, second, ratio):
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)
    assert contrast(second, first) == contrast(first, second)


@pytest.mark.parametrize(
    ("background", "expected"),
    [("#1d4d2b", "#ffffff"), (DARK, "#ffffff"), ("#f5c400", "#1f2421"), ("#ffffff", "#1f2421"),
     ("#3a86ff", "#1f2421"), ("#777777", "#000000")],
)  # fmt: skip
def test_text_on_a_colour_is_white_or_ink_or_black_whichever_reads(background, expected):
    assert text_on(background) == expected


def test_a_readable_colour_is_kept_and_a_light_one_gets_the_nearest_dark_shade():
    assert shade_for("#1d4d2b", (PAPER, CARD), 4.5) == "#1d4d2b"
    shade = shade_for("#f5c400", (PAPER, CARD), 4.5)
    assert contrast(shade, CARD) >= 4.5 > contrast(shade_for("#f5c400", (CARD,), 4.0), CARD)
    assert shade == "#846a00"


@pytest.mark.parametrize("brand", GRID)
def test_every_colour_gives_a_palette_that_meets_aa(brand):
    colours = palette(brand)
    assert contrast(colours.on_brand, brand) >= 4.5
    assert min(contrast(colours.link, PAPER), contrast(colours.link, CARD)) >= 4.5
    assert contrast(colours.accent, PAPER) >= 3.0
    assert bool(colours.warnings) == (colours.link != brand)
    card = CardColours.for_brand(brand)
    assert contrast(card.text, brand) >= 4.5 and contrast(card.kicker, brand) >= 4.5
    assert contrast(card.name, CARD) >= 4.5


def test_the_theme_colours_give_no_warning_and_light_ones_name_the_key():
    assert palette("#1d4d2b").warnings == ()
    assert palette("#f5c400").warnings == (
        "site.yml: colour: '#f5c400' is too light for links on the page (1.4:1, AA needs"
        " 4.5:1); links use '#846a00', a darker shade; choose a darker colour to use yours"
        " everywhere",
    )
    assert palette(DARK, "#ffd166").warnings == (
        "site.yml: accent: '#ffd166' barely shows on the page (1.4:1, AA needs 3.0:1 for"
        " focus rings); '#ad8e45' is used instead; choose a darker accent",
    )
    assert contrast("#ad8e45", PAPER) >= 3.0 > contrast("#ffd166", PAPER)


def test_the_stylesheet_palette_is_rewritten_in_place():
    css = ":root{--ink:#1f2421;--brand:#1d4d2b;--on:#fff}\na{color:var(--brand)}"
    assert with_properties(css, {"--brand": "#0b1f3a", "--link": "#0b1f3a"}) == (
        ":root{--ink:#1f2421;--brand:#0b1f3a;--on:#fff;--link:#0b1f3a}\na{color:var(--brand)}"
    )
    assert short_hex("#ffffff") == "#fff" and short_hex("#1d4d2b") == "#1d4d2b"
    with pytest.raises(ValueError):
        with_properties("a{color:red}", {"--brand": "#000000"})


def brand_site(build_site, logo: bytes = png_logo(), **overrides):
    files = {
        "articles/beans.md": article_text(Slug="beans"),
        "pages/about.md": "Title: About\nSlug: about\nSummary: Who we are.\n\nUs.\n",
        "images/logo.png": logo,
    }
    settings = {
        "BRAND_COLOUR": DARK,
        "BRAND_LOGO": "images/logo.png",
        "SITEURL": "https://shop.example",
    }
    return build_site(files, **{**settings, **overrides})


def test_a_dark_brand_and_a_logo_reach_the_css_header_card_and_json_ld(build_site):
    site = brand_site(build_site)
    assert site.report.ok and site.report.warnings == []
    css = site.path("theme/css/hub.css").read_text()
    root = dict(re.findall(r"(--[\w-]+):([^;}]+)", css.split("}", 1)[0]))
    assert root["--brand"] == DARK and root["--link"] == DARK
    assert root["--on"] == "#fff" and root["--ring"] == "#b3541e"
    page = site.article("beans")
    logo = page.select_one(".site-header .site-name img.site-logo")
    assert logo["src"] == "https://shop.example/images/logo.png"
    assert (logo["width"], logo["height"], logo["alt"], logo["role"]) == (
        "80",
        "40",
        "",
        "presentation",
    )
    assert site.path("images/logo.png").read_bytes() == png_logo()
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["publisher"]["logo"]["url"] == "https://shop.example/images/logo.png"
    card = Image.open(site.path(data["image"]["url"].removeprefix("https://shop.example/")))
    assert card.getpixel((10, 10)) == (11, 31, 58)  # the brand colour
    assert card.getpixel((72 + 20, 570)) == (192, 57, 43)  # the logo, in the band


def test_a_changed_logo_makes_a_new_card_and_no_logo_keeps_the_favicon(build_site):
    cards = [
        brand_site(build_site, logo).article("beans").find("meta", property="og:image")["content"]
        for logo in (png_logo(), png_logo(), png_logo("#2e86c1"))
    ]
    assert cards[0] == cards[1] != cards[2]
    plain = build_site(
        {"articles/beans.md": article_text(Slug="beans")}, SITEURL="https://s.example"
    )
    page = plain.article("beans")
    assert not page.select(".site-logo")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["publisher"]["logo"]["url"] == "https://s.example/theme/favicon.svg"


def test_a_light_colour_warns_naming_the_key_and_links_stay_readable(build_site):
    site = build_site({"articles/beans.md": article_text()}, strict=False, BRAND_COLOUR="#f5c400")
    assert site.report.warnings == [palette("#f5c400").warnings[0]]
    assert "--link:#846a00" in site.path("theme/css/hub.css").read_text()


def test_a_missing_logo_stops_the_build_naming_site_yml(build_site):
    site = build_site({"articles/beans.md": article_text()}, BRAND_LOGO="images/logo.png")
    assert site.report.errors == [
        "site.yml: logo: content/images/logo.png does not exist; put your logo there or empty"
        " the line"
    ]


def test_a_svg_logo_is_sized_from_its_viewbox(build_site):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><rect width="9"/></svg>'
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans"), "images/logo.svg": svg},
        BRAND_LOGO="images/logo.svg",
    )
    logo = site.article("beans").select_one(".site-logo")
    assert (logo["width"], logo["height"]) == ("120", "40")


def test_an_article_with_a_logo_and_a_dark_brand_stays_within_the_page_budget(build_site):
    site = brand_site(build_site, SITEURL="")
    weight = page_weight(site.output, "beans/")
    assert weight.missing == ()
    assert weight.requests <= 4 and weight.code_bytes <= 20_000, weight.describe()


def test_the_card_draws_a_png_or_svg_logo_and_leaves_off_one_it_cannot_read(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_logo())
    spec = CardSpec("3 things", "Bread", "Getting started", "Bramble", "", brand=DARK)
    plain = Image.open(io.BytesIO(render_card(spec)))
    with_logo = Image.open(io.BytesIO(render_card(CardSpec(**{**vars(spec), "logo": str(logo)}))))
    assert plain.getpixel((92, 570)) != (192, 57, 43) == with_logo.getpixel((92, 570))
    # The same red logo as an SVG, twice as wide as it is tall: drawn by resvg, 72 px tall.
    svg = tmp_path / "logo.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 40">'
        '<rect width="80" height="40" fill="#c0392b"/></svg>'
    )
    drawn = Image.open(io.BytesIO(render_card(CardSpec(**{**vars(spec), "logo": str(svg)}))))
    assert drawn.getpixel((92, 570)) == (192, 57, 43) == drawn.getpixel((72 + 140, 570))
    assert drawn.getpixel((72 + 150, 570)) != (192, 57, 43)
    for broken in ("<svg", b"\xff\xfe"):
        svg.write_bytes(broken if isinstance(broken, bytes) else broken.encode())
        assert render_card(CardSpec(**{**vars(spec), "logo": str(svg)})) == render_card(spec)
    gone = CardSpec(**{**vars(spec), "logo": str(tmp_path / "gone.svg")})
    assert render_card(gone) == render_card(spec)


def test_an_svg_logo_reaches_the_built_card(build_site):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 1">'
        '<rect width="2" height="1" fill="#c0392b"/></svg>'
    )
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans"), "images/logo.svg": svg},
        BRAND_LOGO="images/logo.svg", SITEURL="https://shop.example",
    )  # fmt: skip
    card_url = site.article("beans").find("meta", property="og:image")["content"]
    card = Image.open(site.path(card_url.removeprefix("https://shop.example/")))
    assert card.getpixel((72 + 20, 570)) == (192, 57, 43)
