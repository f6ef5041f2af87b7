"""The sample article in a real browser: phone and desktop layout, no requests out."""

import pytest

ARTICLE = "3-things-to-do-with-a-bag-of-dried-beans/"


@pytest.mark.parametrize("width", [390, 1280])
def test_article_page_renders_without_errors_or_external_requests(
    sample_site, serve_folder, new_page, artifacts, width
):
    site = serve_folder(sample_site.output)
    page = new_page(width=width)
    page.goto(site.page_url(ARTICLE), wait_until="networkidle")
    page.screenshot(path=str(artifacts / f"article-{width}.png"), full_page=True)
    assert page.recorder.external() == []
    assert page.recorder.console_errors == []
    # Nothing scrolls sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("#thing-1").is_visible()


def test_in_this_article_links_jump_to_things_by_keyboard(sample_site, serve_folder, new_page):
    site = serve_folder(sample_site.output)
    page = new_page()
    page.goto(site.page_url(ARTICLE))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Skip")
    link = page.locator("nav.in-this-article a").nth(1)
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#thing-2'")
