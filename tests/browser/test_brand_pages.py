"""A site with a dark brand colour and a logo: no axe violation, Lighthouse budgets held."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from conftest import SETTINGS, SITES, BuiltSite, disconnect_all_signals, write_files
from hub.build import build
from quality.axe import axe_violations
from quality.lighthouse import (
    INSTALL_HINT,
    Budget,
    failed_audits,
    lighthouse_binary,
    misses,
    run_lighthouse,
    scores,
)
from quality.serve import serving

DARK = "#0b1f3a"
PAGES = ["", "beans/", "lemons/", "about/", "topics/", "share/beans/"]


def logo_png() -> bytes:
    """A small two-colour logo."""
    image = Image.new("RGB", (120, 60), "#f2c879")
    image.paste((11, 31, 58), (20, 15, 100, 45))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def dark_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The share-basic articles, an About page and a logo, on a dark brand colour."""
    folder = tmp_path_factory.mktemp("dark")
    content = folder / "content"
    shutil.copytree(SITES / "share-basic", content)
    write_files(content, {"pages/about.md": "Title: About us\nSlug: about\nSummary: Us.\n\nUs.\n"})
    write_files(content, {"images/logo.png": logo_png()})
    disconnect_all_signals()
    overrides = {"PATH": str(content), "CACHE_CONTENT": False, "BRAND_COLOUR": DARK,
                 "BRAND_LOGO": "images/logo.png"}  # fmt: skip
    report = build(SETTINGS, folder / "output", strict=True, overrides=overrides)
    disconnect_all_signals()
    assert report.ok, report.errors + report.warnings
    return BuiltSite(report, folder / "output")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("relative", PAGES)
def test_dark_brand_pages_have_no_axe_violations(
    dark_site, serve_folder, new_page, relative, width
):
    site = serve_folder(dark_site.output)
    page = new_page(width=width)
    page.goto(site.page_url(relative), wait_until="load")
    header = page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(11, 31, 58)"
    assert page.eval_on_selector(".site-logo", "e => e.complete && e.naturalWidth") == 120
    assert axe_violations(page) == []


def test_a_dark_brand_article_with_a_logo_meets_the_lighthouse_budgets(dark_site, browser):
    if lighthouse_binary() is None:
        reason = f"Lighthouse is not installed: run {INSTALL_HINT}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; in CI a skipped audit is a failure")
        pytest.skip(reason)
    with serving(dark_site.output) as served:
        report = run_lighthouse(served.page_url("beans/"))
    found = scores(report)
    details = {category: failed_audits(report, category) for category in found}
    assert misses(found, Budget()) == [], details


def test_the_logo_is_a_file_of_the_site(dark_site):
    assert Path(dark_site.path("images/logo.png")).read_bytes() == logo_png()
