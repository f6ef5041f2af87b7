"""axe-core finds no accessibility violation on any kind of page, on a phone or a desktop."""

import pytest

from quality.axe import axe_violations

ARTICLE = "3-things-to-do-with-a-bag-of-dried-beans"
PAGES = [
    "", f"{ARTICLE}/", "4-questions-to-ask-about-a-veg-box/", "topics/", "tags/", "archive/",
    "about/", "ask/", "privacy/", "404.html", "share/", f"share/{ARTICLE}/", "share/report.html",
    # An article with a translation, and the translation: the language switch, lang="fr".
    "3-things-to-do-with-a-squeezed-lemon/", "fr/3-things-to-do-with-a-squeezed-lemon/",
]  # fmt: skip


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("relative", PAGES)
def test_page_has_no_axe_violations(sample_site, serve_folder, new_page, relative, width):
    target = sample_site.output / relative
    if not (target.is_file() or (target / "index.html").is_file()):
        pytest.skip(f"the build wrote no {relative} (its plugin has not landed)")
    site = serve_folder(sample_site.output)
    page = new_page(width=width)
    page.goto(site.page_url(relative), wait_until="load")
    assert axe_violations(page) == []


def test_topic_and_tag_pages_have_no_axe_violations(sample_site, serve_folder, new_page):
    home = sample_site.html("index.html")
    topic = home.select_one(".topics a")["href"]
    tag = sample_site.html(f"{ARTICLE}/").select_one(".tags a")["href"]
    site = serve_folder(sample_site.output)
    page = new_page(width=390)
    for relative in (topic, tag):
        page.goto(site.page_url(relative), wait_until="load")
        assert axe_violations(page) == [], relative


def test_axe_reports_a_violation_it_is_shown(serve_folder, new_page, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head>'
        '<body><main><img src="x.png"><p style="color:#eee;background:#fff">faint</p></main>'
        "</body></html>"
    )
    site = serve_folder(tmp_path)
    page = new_page()
    page.goto(site.page_url(""), wait_until="load")
    rules = {line.split(" ", 1)[0] for line in axe_violations(page)}
    assert {"image-alt", "color-contrast"} <= rules
