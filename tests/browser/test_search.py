"""Searching the sample in Chromium: results jump to the thing; Pagefind waits for the reader."""

from __future__ import annotations

import re

from quality.axe import axe_violations

ARTICLE = "3-things-to-do-with-a-squeezed-lemon/"
# Found only in that article's second thing.
WORD = "descaler"


def pagefind_requests(page) -> list[str]:
    """What the page asked of the search bundle."""
    return [url for url in page.recorder.requests if "/pagefind/" in url]


def test_article_page_loads_no_pagefind_file_until_the_search_box_is_used(
    sample_site, serve_folder, new_page
):
    served = serve_folder(sample_site.output)
    page = new_page()
    page.goto(served.page_url(ARTICLE), wait_until="networkidle")
    box = page.get_by_role("search").get_by_role("searchbox")
    box.focus()
    page.wait_for_timeout(300)
    assert pagefind_requests(page) == []
    box.fill(WORD)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=descaler$"))
    page.wait_for_selector(".pagefind-ui__result")
    assert pagefind_requests(page), "the search page loads Pagefind"
    assert page.recorder.external() == []
    assert page.recorder.console_errors == []


def test_searching_a_word_from_one_thing_links_to_that_things_anchor(
    sample_site, serve_folder, new_page
):
    served = serve_folder(sample_site.output)
    page = new_page()
    page.goto(served.page_url(f"search/?q={WORD}"), wait_until="networkidle")
    page.wait_for_selector(".pagefind-ui__result")
    results = page.locator(".pagefind-ui__result")
    assert results.count() == 1
    title = results.first.locator(".pagefind-ui__result-title").first
    assert title.inner_text().strip() == "3 things to do with a squeezed lemon"
    hrefs = results.first.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert served.page_url(f"{ARTICLE}#thing-2") in hrefs
    thing = results.first.locator(f'a[href$="{ARTICLE}#thing-2"]').first
    assert thing.inner_text().strip() == "Descale the kettle overnight"
    page.locator(f'a[href$="{ARTICLE}#thing-2"]').first.click()
    page.wait_for_url(re.compile(r"#thing-2$"))
    assert page.locator("#thing-2").is_visible()


def test_topics_are_search_filters_and_unnamed_stages_are_not(sample_site, serve_folder, new_page):
    served = serve_folder(sample_site.output)
    page = new_page()
    page.goto(served.page_url("search/"), wait_until="networkidle")
    filters = page.evaluate(
        """async () => {
            const pagefind = await import("/pagefind/pagefind.js");
            await pagefind.init();
            const lemon = await pagefind.search("descaler", {filters: {Topic: "Low-waste home"}});
            const none = await pagefind.search("descaler", {filters: {Topic: "Fresh & seasonal"}});
            const all = await pagefind.filters();
            return {all, lemon: lemon.results.length, none: none.results.length};
        }"""
    )
    # The sample's site.yml gives stages no words for readers, so they are no filter.
    assert set(filters["all"]) == {"Topic"}
    assert sum(filters["all"]["Topic"].values()) == 10
    topics = {"Cupboard staples", "Fresh & seasonal", "Low-waste home"}
    assert set(filters["all"]["Topic"]) == topics
    assert (filters["lemon"], filters["none"]) == (1, 0)


def test_the_search_page_with_results_has_no_axe_violations(sample_site, serve_folder, new_page):
    served = serve_folder(sample_site.output)
    for width in (390, 1280):
        page = new_page(width=width)
        page.goto(served.page_url(f"search/?q={WORD}"), wait_until="networkidle")
        page.wait_for_selector(".pagefind-ui__result")
        assert axe_violations(page) == [], width


def test_without_javascript_the_box_still_reaches_the_search_page(
    sample_site, serve_folder, new_page
):
    served = serve_folder(sample_site.output)
    page = new_page(java_script_enabled=False)
    page.goto(served.page_url(ARTICLE))
    box = page.get_by_role("search").get_by_role("searchbox")
    box.fill(WORD)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=descaler$"))
    assert page.locator("#search-fallback").is_visible()
    assert page.get_by_role("link", name="every topic").is_visible()
