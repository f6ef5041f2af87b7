"""Kit pages and exports kept between cached builds: the bytes of a fresh build, never stale."""

from pathlib import Path

import pytest

from conftest import article_text
from hub.caches import DIGEST_SUFFIX
from share_snippets import reuse
from share_snippets.reuse import FOLDER, KitReuse

SETTINGS = {
    "SITEURL": "https://www.example.com",
    "SHARE_NOW": "2026-11-02T08:03",
    "PLUGINS": ["language", "writer_metadata", "things", "share_snippets", "site_files"],
}
CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
PAGE = "Title: {title}\nSlug: about\n\nWho we are.\n"


def _site(**titles: str) -> dict[str, str]:
    """Articles by slug with the given titles, and an About page in the menu."""
    files = {
        f"articles/{slug}.md": article_text(title, Slug=slug, Date=f"2026-09-{day:02d} 09:00")
        for day, (slug, title) in enumerate(titles.items(), start=10)
    }
    return {**files, "pages/about.md": PAGE.format(title="About us")}


def _share(output: Path) -> dict[str, bytes]:
    folder = output / "share"
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*.*")}


@pytest.fixture
def fetched(monkeypatch) -> list[str]:
    """The names of the files each build took from the cache."""
    names: list[str] = []
    real = KitReuse.fetch

    def fetch(self, key, target):
        found = real(self, key, target)
        if found:
            names.append(target.name if target.name != "index.html" else target.parent.name)
        return found

    monkeypatch.setattr(KitReuse, "fetch", fetch)
    return names


def _build_twice(build_site, tmp_path, first, second, **settings):
    """A cached build of FIRST, then of SECOND; and a fresh (uncached) build of SECOND."""
    cached = {**SETTINGS, "CACHE_PATH": str(tmp_path / "cache"), **CACHED, **settings}
    build_site(first, output=tmp_path / "one", **cached)
    (tmp_path / "content").rename(tmp_path / "content-one")
    again = build_site(second, output=tmp_path / "two", **cached)
    (tmp_path / "content").rename(tmp_path / "content-two")
    fresh = build_site(second, output=tmp_path / "fresh", **SETTINGS, **settings)
    return again, fresh


def test_a_rebuild_takes_unchanged_pages_and_exports_and_matches_a_fresh_build(
    build_site, tmp_path, fetched
):
    site = _site(beans="3 things to do with beans", rice="3 things to do with rice",
                 oats="3 things to do with oats")  # fmt: skip
    again, fresh = _build_twice(build_site, tmp_path, site, site)
    assert again.report.ok
    # The oldest article's page is always written; the others and every export are taken.
    assert {"rice", "oats", "snippets.json", "snippets.csv", "plan.ics"} <= set(fetched)
    assert "beans" not in fetched
    assert _share(again.output) == _share(fresh.output)


def test_an_edited_article_gets_a_new_page_and_new_exports(build_site, tmp_path, fetched):
    first = _site(beans="3 things to do with beans", rice="3 things to do with rice",
                  oats="3 things to do with oats")  # fmt: skip
    edited = article_text("3 new things to do with oats", Slug="oats", Date="2026-09-12 09:00")
    second = {**first, "articles/oats.md": edited}
    again, fresh = _build_twice(build_site, tmp_path, first, second)
    assert "rice" in fetched and "oats" not in fetched and "snippets.json" not in fetched
    assert "3 new things to do with oats" in again.html("share/oats/").h1.string
    assert _share(again.output) == _share(fresh.output)


@pytest.mark.parametrize("change", ["page", "setting", "template"])
def test_a_change_around_the_kit_reaches_every_page(build_site, tmp_path, fetched, change):
    site = _site(beans="3 things to do with beans", rice="3 things to do with rice")
    overrides = tmp_path / "overrides" / "share"
    overrides.mkdir(parents=True)
    template = (
        '{% extends "!theme/share/article.html" %}'
        '{% block robots %}{{ super() }}<meta name="kit-version" content="VERSION">{% endblock %}'
    )
    (overrides / "article.html").write_text(template.replace("VERSION", "one"), encoding="utf-8")
    settings = {"THEME_TEMPLATES_OVERRIDES": [str(overrides.parent)], "MENU_PAGES": ["about"]}
    second, expected = dict(site), "About us"
    if change == "page":
        second["pages/about.md"] = PAGE.format(title="About the shop")
        expected = "About the shop"
    cached = {**SETTINGS, "CACHE_PATH": str(tmp_path / "cache"), **CACHED, **settings}
    build_site(site, output=tmp_path / "one", **cached)
    if change == "setting":
        cached["SITENAME"] = expected = "Larder Lane Too"
    if change == "template":
        (overrides / "article.html").write_text(template.replace("VERSION", "two"), "utf-8")
    (tmp_path / "content").rename(tmp_path / "content-one")
    again = build_site(second, output=tmp_path / "two", **cached)
    for slug in ("beans", "rice"):
        page = again.html(f"share/{slug}/")
        assert page.find("meta", attrs={"name": "kit-version"})["content"] == (
            "two" if change == "template" else "one"
        )
        assert expected in page.get_text()
    assert not {"beans", "rice"} & set(fetched)


def test_the_cache_keeps_only_the_last_build(build_site, tmp_path):
    site = _site(beans="3 things to do with beans", rice="3 things to do with rice",
                 oats="3 things to do with oats")  # fmt: skip
    fewer = {name: text for name, text in site.items() if "oats" not in name}
    _build_twice(build_site, tmp_path, site, fewer)
    files = sorted(path.name for path in (tmp_path / "cache" / FOLDER).iterdir())
    kept = [name for name in files if not name.endswith(DIGEST_SUFFIX)]
    # Every kept file has its digest beside it, and no digest outlives its file.
    assert {name for name in files if name.endswith(DIGEST_SUFFIX)} == {
        f"{name}{DIGEST_SUFFIX}" for name in kept
    }
    pages = [name for name in kept if "-" not in name and not name.endswith(".names")]
    assert len(pages) == 1  # rice's page: beans (the oldest) is always written afresh
    assert len([name for name in kept if name.endswith(".names")]) == 1


def test_without_the_content_cache_nothing_is_kept(build_site, tmp_path, fetched):
    site = _site(beans="3 things to do with beans", rice="3 things to do with rice")
    settings = {**SETTINGS, "CACHE_PATH": str(tmp_path / "cache")}
    build_site(site, output=tmp_path / "one", **settings)
    build_site(site, output=tmp_path / "two", **settings)
    assert not (tmp_path / "cache" / FOLDER).exists() and not fetched


def test_a_missing_kept_file_is_only_a_miss(tmp_path):
    keeper = KitReuse(tmp_path / "cache", load=True, save=True)
    source = tmp_path / "page.html"
    source.write_text("<p>kept</p>", encoding="utf-8")
    keeper.keep("key", source)
    assert keeper.fetch("key", tmp_path / "out" / "index.html")
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8") == "<p>kept</p>"
    assert not keeper.fetch("other", tmp_path / "out" / "other.html")
    (tmp_path / "cache" / "key").unlink()
    assert not keeper.fetch_group("key", tmp_path / "out")


def test_a_damaged_kept_file_is_dropped_with_a_warning_and_written_afresh(
    build_site, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    site = _site(beans="3 things to do with beans", rice="3 things to do with rice")
    settings = {**SETTINGS, "CACHE_PATH": str(tmp_path / "cache"), **CACHED}
    build_site(site, output=tmp_path / "one", **settings)
    kept = [p for p in (tmp_path / "cache" / FOLDER).iterdir() if p.suffix != DIGEST_SUFFIX]
    for path in kept:
        path.write_bytes(b"<script>garbage</script>")
    again = build_site(site, output=tmp_path / "two", strict=False, **settings)
    assert again.report.errors == []
    warned = {line for line in again.report.warnings if "cache entry was damaged" in line}
    assert len(warned) >= 1
    assert all(line.startswith(f"cache/{FOLDER}/") for line in warned)
    # What was written afresh is what the first build wrote.
    assert _share(tmp_path / "two") == _share(tmp_path / "one")
    for built in (tmp_path / "two").rglob("*"):
        assert not built.is_file() or b"<script>garbage" not in built.read_bytes(), built
    third = build_site(site, output=tmp_path / "three", **settings)
    assert third.report.ok and not third.report.warnings


def test_digest_parts_cannot_run_together():
    assert reuse.digest(["ab", "c"]) != reuse.digest(["a", "bc"])
    assert reuse.digest(["x"]) == reuse.digest([b"x"])
