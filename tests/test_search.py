"""Site search: which pages Pagefind indexes, in which language, and a build without Pagefind."""

from __future__ import annotations

import json
import shutil

import pytest
from search.index import Entry, filter_markup, indexable_html, start_index
from search.settings import SearchSettings

from conftest import article_text, sample_dir
from workflow.publish import write_headers

PAGES = {
    "pages/about.md": "Title: About us\n\nWe are a shop.\n",
    "pages/hidden.md": "Title: Secret\nStatus: hidden\n\nNot for search.\n",
}


def indexed(site) -> dict:
    """Pagefind's entry file: the languages it indexed and how many pages each holds."""
    return json.loads(site.path("pagefind/pagefind-entry.json").read_text())["languages"]


def test_the_sample_indexes_its_articles_and_pages_only(sample_site):
    content = sample_dir()
    files = [*content.glob("articles/**/*.md"), *content.glob("pages/*.md")]
    french = [path for path in files if "\nLang: fr\n" in path.read_text(encoding="utf-8")]
    # Each language has its own index, from the pages' <html lang>: the French translation's.
    assert set(indexed(sample_site)) == {"en", "fr"}
    assert indexed(sample_site)["en"]["page_count"] == len(files) - len(french) == 14
    assert indexed(sample_site)["fr"]["page_count"] == len(french) == 1


def test_drafts_the_share_kit_and_lists_stay_out_of_the_index(build_site):
    site = build_site(
        {
            "articles/beans.md": article_text(Slug="beans"),
            "articles/draft.md": article_text("3 things to do with rice", Status="draft"),
            **PAGES,
        },
        PREVIEW_DRAFTS=True,
    )
    assert site.path("drafts/3-things-to-do-with-rice/index.html").is_file()
    assert site.path("share/beans/index.html").is_file()
    # One article and one page: not the draft, the hidden page, the kit, 404 or the lists.
    assert indexed(site)["en"]["page_count"] == 2


def test_the_index_uses_the_sites_language(build_site):
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, DEFAULT_LANG="fr")
    assert set(indexed(site)) == {"fr"}
    chosen = build_site(
        {"articles/beans.md": article_text(Slug="beans")},
        output=site.output.parent / "de",
        SEARCH_LANGUAGE="de",
    )
    assert set(indexed(chosen)) == {"de"}


def test_a_missing_pagefind_is_one_note_and_a_site_without_search(build_site, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "no-such-folder/pagefind")
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, strict=True)
    assert site.report.ok, site.report.errors + site.report.warnings
    assert site.report.warnings == [] and site.report.errors == []
    assert site.report.notes == [
        "search: the Pagefind program is not installed, so this build has no search;"
        " install it with `python3 -m pip install -r requirements.txt`"
    ]
    assert not site.path("pagefind").exists()
    page = site.html("search/index.html")
    assert "browse" in page.find(id="search-fallback").get_text()
    assert site.path("beans/index.html").is_file()


def test_every_page_has_a_search_box_that_works_without_javascript(sample_site):
    for page in ("index.html", "3-things-to-do-with-a-squeezed-lemon/", "about/", "topics/"):
        form = sample_site.html(page).find("form", role="search")
        assert form["action"] == "/search/"
        assert form.find("input", type="search")["name"] == "q"
    search = sample_site.html("search/index.html")
    assert search.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # The search page loads Pagefind from its script; the page itself names no bundle file.
    assert [s["src"] for s in search.find_all("script")] == ["/theme/js/search.js"]
    assert search.find(id="search")["data-bundle"] == "/pagefind/"


def test_article_pages_name_nothing_of_pagefind(sample_site):
    html = sample_site.path("3-things-to-do-with-a-squeezed-lemon/index.html").read_text()
    assert "pagefind" not in html


def test_a_program_that_fails_is_one_note_and_no_half_index(build_site, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false"))
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, strict=True)
    assert site.report.ok and site.report.warnings == []
    [note] = site.report.notes
    assert note.startswith("search: Pagefind stopped before the index was written (")
    assert note.endswith(
        ", so this build has no search; run the build again, and if it happens"
        " again, install it with `python3 -m pip install -r requirements.txt`"
    )
    assert not site.path("pagefind").exists() and site.path("beans/index.html").is_file()


def test_switching_search_off_writes_no_page_box_or_index(build_site):
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, SEARCH_ENABLED=False)
    assert not site.path("search").exists() and not site.path("pagefind").exists()
    assert site.article("beans").find("form", role="search") is None


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SEARCH_ENABLED", "yes", "SEARCH_ENABLED must be True or False, not 'yes'"),
        ("SEARCH_LANGUAGE", "english!", "SEARCH_LANGUAGE must be a language code"),
        ("SEARCH_SAVE_AS", "search/", "SEARCH_SAVE_AS must be a path ending in .html"),
    ],
)
def test_a_wrong_setting_stops_the_build_naming_it(build_site, name, value, message):
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, **{name: value})
    assert not site.report.ok
    assert len(site.report.errors) == 1 and message in site.report.errors[0]


def test_filters_are_escaped_for_their_attribute():
    markup = filter_markup({"Topic": 'Fish & "chips" <b>', "Stage": ""})
    assert markup == (
        '<span hidden data-pagefind-filter="Topic:Fish &amp; &quot;chips&quot; &lt;b&gt;"></span>'
    )


def test_filters_go_inside_the_part_pagefind_reads():
    page = "<html><body><main><p>x</p></main><footer></footer></body></html>"
    assert indexable_html(page, {"Topic": "Beans"}) == (
        '<html><body><main><p>x</p><span hidden data-pagefind-filter="Topic:Beans"></span>'
        "</main><footer></footer></body></html>"
    )


def test_the_language_comes_from_the_setting_else_the_sites():
    assert SearchSettings().language_for("en-GB") == "en"
    assert SearchSettings(language="pt").language_for("en") == "pt"


def test_published_headers_let_search_run_only_when_the_site_has_an_index(tmp_path):
    write_headers(tmp_path, [], [])
    plain = (tmp_path / "_headers").read_text()
    assert "wasm-unsafe-eval" not in plain and "data:" not in plain
    (tmp_path / "pagefind").mkdir()
    write_headers(tmp_path, [], [])
    policy = (tmp_path / "_headers").read_text()
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy
    assert "img-src 'self' data:;" in policy


def test_an_unknown_search_setting_is_named(build_site):
    site = build_site({"articles/beans.md": article_text(Slug="beans")}, SEARCH_LANGAUGE="fr")
    assert site.report.errors == [
        "SEARCH_LANGAUGE: unknown setting; known: SEARCH_ENABLED, SEARCH_EXCLUDE,"
        " SEARCH_LANGUAGE, SEARCH_SAVE_AS"
    ]


def test_pagefind_started_early_notices_a_page_written_again_and_moves_its_bundle_in(tmp_path):
    page = tmp_path / "beans" / "index.html"
    page.parent.mkdir()
    page.write_text("<html><body><main><p>Beans on toast.</p></main></body></html>")
    entries = [Entry("beans/index.html", {"Topic": "Cupboard"})]
    early = start_index(tmp_path, entries, language="en", exclude=[])
    assert early.unchanged()
    page.write_text("<html><body><main><p>Beans on toast, and rice.</p></main></body></html>")
    assert not early.unchanged()
    early.cancel()
    assert not (tmp_path / "pagefind").exists()
    again = start_index(tmp_path, entries, language="en", exclude=[])
    assert again.unchanged() and again.finish() == 1
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1
