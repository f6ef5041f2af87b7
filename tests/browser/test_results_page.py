"""What's working in Chromium: no accessibility violation, nothing fetched from elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import sample_dir
from hub.build import build
from quality.axe import axe_violations
from workflow.screenshots import RESULTS_PAGE, sample_results

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    """The sample site built with the sample exports counted."""
    output = tmp_path_factory.mktemp("results") / "output"
    overrides = {"PATH": str(sample_dir()), **sample_results()}
    report = build(ROOT / "pelicanconf.py", output, strict=True, overrides=overrides)
    assert report.ok, report.errors + report.warnings
    return output


@pytest.mark.parametrize("width", [390, 1280])
def test_results_page_has_no_axe_violations(counted, serve_folder, new_page, width):
    site = serve_folder(counted)
    page = new_page(width=width)
    page.goto(site.page_url(RESULTS_PAGE), wait_until="load")
    assert page.get_by_role("heading", name="What's working").is_visible()
    assert page.get_by_role("img", name="Visits by network").count() == 1
    assert axe_violations(page) == []
    assert page.recorder.external() == []
    assert page.recorder.console_errors == []


def test_was_this_helpful_thanks_the_reader_without_a_server(tmp_path, serve_folder, new_page):
    output = tmp_path / "output"
    overrides = {
        "PATH": str(sample_dir()),
        "ANALYTICS_SERVICE": "umami",
        "ANALYTICS_SITE": "94db1cb1-74f4-4a40",
    }
    assert build(ROOT / "pelicanconf.py", output, strict=True, overrides=overrides).ok
    site = serve_folder(output)
    page = new_page(width=390)
    page.goto(site.page_url("3-things-to-do-with-a-bag-of-dried-beans/"), wait_until="load")
    thanks = page.locator(".helpful-answer p").first
    assert not thanks.is_visible()
    page.get_by_text("Yes", exact=True).click()
    assert thanks.is_visible()
    assert axe_violations(page) == []
    # The only request beyond the site is the service the writer switched on.
    assert {url.split("/")[2] for url in page.recorder.external()} <= {"cloud.umami.is"}
