"""A French site in Chromium: Pagefind's own search box words follow the page's language."""

from __future__ import annotations

import shutil

from conftest import sample_dir


def test_a_french_site_searches_in_french(build_site, serve_folder, new_page, tmp_path):
    # The sample's English articles, built as a French site; its own French translation is
    # left out, as on a French site it would be a second French lemon article.
    content = shutil.copytree(
        sample_dir(), tmp_path / "french", ignore=shutil.ignore_patterns("fr", "*.fr.yml")
    )
    site = build_site(content, DEFAULT_LANG="fr")
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
