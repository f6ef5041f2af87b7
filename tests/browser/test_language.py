"""A French site in Chromium: Pagefind's own search box words follow the page's language."""

from __future__ import annotations

from conftest import sample_dir


def test_a_french_site_searches_in_french(build_site, serve_folder, new_page):
    site = build_site(sample_dir(), DEFAULT_LANG="fr")
    served = serve_folder(site.output)
    page = new_page()
    page.goto(served.page_url("search/?q=descaler"), wait_until="networkidle")
    page.wait_for_selector(".pagefind-ui__result")
    assert page.locator("h1").inner_text() == "Rechercher"
    box = page.locator(".pagefind-ui__search-input")
    assert box.get_attribute("placeholder") == "Rechercher"
    summary = page.locator(".pagefind-ui__message").inner_text()
    assert "résultat" in summary and "descaler" in summary
    assert page.recorder.external() == [] and page.recorder.console_errors == []
