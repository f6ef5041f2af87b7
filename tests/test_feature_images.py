"""Feature images: an article's `Image:` on its page and cards, in sizes made with Pillow."""

from __future__ import annotations

import pytest
from feature_images.variants import content_key, plan, widths_for
from pictures import photo
from PIL import Image

from conftest import article_text

SLUG = "3-things-to-do-with-beans"


def with_image(image: bytes | None = None, **meta: str | None) -> dict[str, str | bytes]:
    """A site with one article naming images/beans.jpg (and IMAGE as that file, if given)."""
    fields = {"Image": "{static}/images/beans.jpg", "Image_Alt": "A pan of beans", **meta}
    files: dict[str, str | bytes] = {"articles/beans.md": article_text(**fields)}
    if image is not None:
        files["images/beans.jpg"] = image
    return files


@pytest.fixture
def site(build_site):
    built = build_site(with_image(photo()), strict=False)
    assert built.report.errors == [], built.report.errors
    return built


def test_the_article_shows_its_image_at_once_in_sizes_made_at_build_time(site):
    image = site.article(SLUG).select_one("header img.feature")
    sizes = [entry.split() for entry in image["srcset"].split(", ")]
    assert [width for _, width in sizes] == ["480w", "960w", "1440w"]
    assert image["sizes"] == "(min-width:42rem) 40rem,100vw"
    assert (image["width"], image["height"]) == ("1440", "960")
    assert image["alt"] == "A pan of beans"
    # Above the fold: fetched at once, never lazily.
    assert not image.has_attr("loading")
    assert image["src"] == sizes[-1][0]
    for url, width in sizes:
        with Image.open(site.path(url.lstrip("/"))) as made:
            assert made.format == "WEBP"
            assert made.width == int(width.removesuffix("w"))


def test_cards_show_the_image_lazily_and_the_og_image_is_the_writers(site):
    card = site.html("index.html").select_one(".card img.feature")
    assert card["loading"] == "lazy"
    assert card["alt"] == "", "the card's title says what it is"
    assert card.has_attr("width") and card.has_attr("height") and "480w" in card["srcset"]
    og = site.article(SLUG).find("meta", property="og:image")["content"]
    assert og.endswith("/images/beans.jpg")


def test_a_missing_alt_text_is_one_warning_naming_the_file_and_field(build_site):
    site = build_site(with_image(photo(), Image_Alt=None), strict=False)
    said = [line for line in site.report.warnings if "Image-Alt" in line]
    # Paths are shown from the working folder: the test's site lies outside it.
    assert len(said) == 1 and said[0].endswith(
        "content/articles/beans.md: Image-Alt is missing; add a line like 'Image-Alt: a pan of"
        " beans on the hob' that says what the picture shows, for readers who cannot see it"
    )
    assert site.article(SLUG).select_one("img.feature")["alt"] == ""


@pytest.mark.parametrize("image", [None, b"not a picture"], ids=["missing", "unreadable"])
def test_a_missing_or_unreadable_image_is_one_line_and_the_article_still_builds(build_site, image):
    site = build_site(with_image(image), strict=False)
    said = [line for line in site.report.warnings + site.report.errors if "beans.md" in line]
    assert len(said) == 1, said
    assert "content/articles/beans.md: Image '{static}/images/beans.jpg'" in said[0]
    assert "check the path" in said[0] or "use a JPEG or PNG" in said[0]
    assert "Traceback" not in said[0] and "Errno" not in said[0]
    page = site.article(SLUG)
    assert page.select_one("h1").get_text() == "3 things to do with beans"
    assert page.select_one("img.feature") is None


def test_a_small_image_is_never_enlarged():
    assert widths_for(300) == (300,)
    assert widths_for(1000) == (480, 960, 1000)
    assert widths_for(4000) == (480, 960, 1440)
    assert [size.height for size in plan("images/a.jpg", (1000, 500), "k", "f")] == [240, 480, 500]


def test_sizes_are_named_by_the_image_bytes_and_kept_between_builds(build_site, tmp_path):
    cache = tmp_path / "cache"
    first = build_site(with_image(photo()), strict=False, CACHE_PATH=str(cache))
    names = sorted(path.name for path in first.path("images/feature").iterdir())
    assert sorted(path.name for path in cache.glob("feature-images/*.webp")) == names
    again = build_site(with_image(photo()), strict=False, CACHE_PATH=str(cache))
    assert sorted(path.name for path in again.path("images/feature").iterdir()) == names
    assert content_key(photo()) != content_key(photo(colour="#1d4d2b"))
    changed = build_site(with_image(photo(colour="#1d4d2b")), strict=False, CACHE_PATH=str(cache))
    assert not set(names) & {path.name for path in changed.path("images/feature").iterdir()}
