"""The theme's layout in a real browser: a compact phone header, no sideways scroll, a centred
column, dates on one line."""

from __future__ import annotations

import pytest

ARTICLE = "3-things-to-do-with-a-bag-of-dried-beans/"
READER_PAGES = [ARTICLE, "", "topics/", "archive/", "topics/cupboard-staples/", "about/"]
# Two short rows on a phone: the name with the search box, then the menu.
PHONE_HEADER_MAX = 110


@pytest.fixture
def open_page(sample_site, serve_folder, new_page):
    """Open a page of the sample site at a viewport width."""
    served = serve_folder(sample_site.output)

    def _open(relative: str, width: int):
        page = new_page(width=width, height=800)
        page.goto(served.page_url(relative))
        return page

    return _open


def test_the_phone_header_is_two_short_rows_with_every_menu_link(open_page):
    page = open_page(ARTICLE, 390)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= PHONE_HEADER_MAX, header
    name, search = page.locator(".site-name"), page.locator(".site-header form")
    # The search box shares the first row with the name.
    assert abs(name.bounding_box()["y"] - search.bounding_box()["y"]) < 16
    links = page.locator(".site-nav a")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, "the menu is one row (it scrolls sideways in its own box)"
    # The menu scrolls in its own box: its last link can be brought fully into view.
    page.locator(".site-name").focus()
    for _ in range(links.count()):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == links.last.inner_text()
    assert links.last.bounding_box()["x"] < 390, "the focused link shows"
    links.last.evaluate("link => link.scrollIntoView({block: 'nearest', inline: 'nearest'})")
    box = links.last.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert page.evaluate("window.scrollX") == 0, "the page itself never scrolls sideways"


@pytest.mark.parametrize("relative", [*READER_PAGES, "share/report.html"])
def test_no_page_scrolls_sideways_on_a_phone(open_page, relative):
    page = open_page(relative, 390)
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{relative or 'home'} is {widths[0]} px wide at 390"


def test_the_reading_column_is_centred_under_the_header_at_desktop_width(open_page):
    page = open_page(ARTICLE, 1280)
    column = page.locator("article.article").bounding_box()
    header = page.locator(".site-header-inner").bounding_box()
    left, right = column["x"], 1280 - column["x"] - column["width"]
    assert abs(left - right) <= 3, (left, right)
    header_left = header["x"]
    header_right = 1280 - header["x"] - header["width"]
    assert abs(header_left - header_right) <= 3
    assert column["width"] < header["width"], "a reading measure narrower than the header"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("relative", ["", "topics/cupboard-staples/", ARTICLE])
def test_dates_never_break_across_lines(open_page, relative, width):
    page = open_page(relative, width)
    lines = page.evaluate(
        """() => [...document.querySelectorAll("time")].map(time => {
            const range = document.createRange();
            range.selectNodeContents(time);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            return [time.textContent, tops.size];
        })"""
    )
    assert lines, "the page shows dates"
    assert [text for text, count in lines if count != 1] == []
