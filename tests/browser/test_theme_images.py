"""A feature image in a real browser, light and dark: shown at once in a fitting size, no axe
violations, and the article within its page budget."""

from __future__ import annotations

import shutil

import pytest
from pictures import photo

from conftest import sample_dir
from quality.axe import axe_violations
from quality.weight import page_weight

ARTICLE = "3-things-to-do-with-a-squeezed-lemon"
HEADER = "Stage: learn\n"
IMAGE = "Image: {static}/images/lemons.jpg\nImage-Alt: Two squeezed lemon halves on a board\n"


@pytest.fixture
def pictured(build_site, tmp_path):
    """The sample site with a feature image on the lemon article."""
    content = tmp_path / "pictured"
    shutil.copytree(sample_dir(), content)
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "lemons.jpg").write_bytes(photo())
    source = content / "articles" / f"{ARTICLE}.md"
    source.write_text(source.read_text().replace(HEADER, HEADER + IMAGE, 1))
    site = build_site(content)
    assert site.report.ok, site.report.errors
    return site


def test_the_pictured_article_is_within_the_page_budget(pictured):
    weight = page_weight(pictured.output, f"{ARTICLE}/")
    assert weight.missing == ()
    assert weight.requests <= 4, weight.describe()
    assert weight.code_bytes <= 20_000, weight.describe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "expected"), [(390, "480w"), (1280, "960w")])
def test_the_image_shows_above_the_fold_in_a_fitting_size_with_no_axe_violations(
    pictured, serve_folder, new_page, artifacts, width, expected, scheme
):
    served = serve_folder(pictured.output)
    page = new_page(width=width, height=844 if width == 390 else 800, color_scheme=scheme)
    page.goto(served.page_url(f"{ARTICLE}/"), wait_until="load")
    image = page.locator("article img.feature")
    box = image.bounding_box()
    assert box["y"] < (844 if width == 390 else 800), "above the fold"
    chosen = image.evaluate("img => [img.complete && img.naturalWidth, img.currentSrc]")
    assert chosen[0] > 0
    widths = {
        url: size
        for url, size in (part.split() for part in image.get_attribute("srcset").split(", "))
    }
    assert widths[chosen[1].removeprefix(served.url)] == expected
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(17, 17, 17)" if scheme == "dark" else "rgb(255, 253, 248)")
    assert axe_violations(page) == []
    # Kept as test artefacts; docs/ holds copies of them, made smaller.
    page.screenshot(path=str(artifacts / f"theme-article-{width}-{scheme}.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_home_page_with_pictured_cards_has_no_axe_violations(
    pictured, serve_folder, new_page, scheme
):
    served = serve_folder(pictured.output)
    page = new_page(width=1280, color_scheme=scheme)
    page.goto(served.page_url(""), wait_until="load")
    assert page.locator(".card img.feature[loading=lazy]").count() >= 1
    assert axe_violations(page) == []
