"""The share kit in a real browser: Copy puts exactly the post on the clipboard, by mouse or key;
the kit works opened from disk; each network's preview folds where the network does."""

import json
from urllib.parse import urlsplit

import pytest

from conftest import article_text
from quality.axe import axe_violations

BASIC = {
    "SHARE_NOW": "2026-11-02T08:03",
    # link_previews draws the social cards the kit's previews show.
    "PLUGINS": [
        "language",
        "writer_metadata",
        "things",
        "link_previews",
        "share_snippets",
        "site_files",
    ],
}
CLIPBOARD = ["clipboard-read", "clipboard-write"]


@pytest.fixture
def kit(build_site, serve_folder):
    """The share-basic fixture built and served; returns the site and lemons' snippets."""
    site = build_site("share-basic", **BASIC)
    assert site.report.ok, site.report.errors + site.report.warnings
    data = json.loads(site.path("share/snippets.json").read_text(encoding="utf-8"))
    snippets = next(a for a in data["articles"] if a["slug"] == "lemons")["snippets"]
    return serve_folder(site.output), snippets


def test_copy_button_puts_exactly_the_snippet_on_the_clipboard(kit, new_page):
    served, snippets = kit
    page = new_page(permissions=CLIPBOARD)
    page.goto(served.page_url("share/lemons/"), wait_until="networkidle")
    # "A squeezed lemon … kettle & a fresh citrus spray.": the & survives the round trip.
    snippet = next(s for s in snippets if s["id"] == "x-intro")
    assert "&" in snippet["text"]
    button = page.locator(f'button[data-copy="snippet-{snippet["id"]}"]')
    button.click()
    status = page.locator(f"#snippet-{snippet['id']}-status")
    status.wait_for(state="visible")
    assert status.inner_text() == "Copied"
    assert page.evaluate("navigator.clipboard.readText()") == snippet["text"]
    assert page.recorder.console_errors == []
    assert page.recorder.external() == []


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_copy_works_from_the_keyboard(kit, new_page, key):
    served, snippets = kit
    page = new_page(permissions=CLIPBOARD)
    page.goto(served.page_url("share/lemons/"), wait_until="networkidle")
    snippet = next(s for s in snippets if s["id"] == "mastodon-thing-2")
    # From the post before it: its "Full text" summary, then this post's Copy button.
    page.locator('button[data-copy="snippet-mastodon-thing-1"]').focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-copy')")
    assert focused == f"snippet-{snippet['id']}"
    page.keyboard.press(key)
    page.wait_for_function(
        "id => document.getElementById(id).textContent === 'Copied'",
        arg=f"snippet-{snippet['id']}-status",
    )
    assert page.evaluate("navigator.clipboard.readText()") == snippet["text"]


def test_without_javascript_the_full_text_opens_and_no_button_shows(kit, new_page):
    served, snippets = kit
    page = new_page(java_script_enabled=False)
    page.goto(served.page_url("share/lemons/"))
    assert page.locator("textarea.share-text").count() == len(snippets)
    assert page.locator("button.share-copy:visible").count() == 0
    first = page.locator("textarea.share-text").first
    assert not first.is_visible()
    page.locator("details > summary").first.click()
    assert first.is_visible()
    assert first.input_value() == snippets[0]["text"]


def test_the_kit_opened_from_disk_is_styled_and_copies(kit, new_page):
    served, snippets = kit
    page = new_page(permissions=CLIPBOARD)
    page.goto((served.root / "share" / "lemons" / "index.html").as_uri(), wait_until="load")
    # The kit's stylesheet loaded: its colours and the compact rows are in force.
    line = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--line')")
    assert line.strip() == "#d9d2c0"
    row = page.locator(".share-row").first
    assert page.evaluate("e => getComputedStyle(e).display", row.element_handle()) == "flex"
    snippet = next(s for s in snippets if s["id"] == "bluesky-intro")
    button = page.locator(f'button[data-copy="snippet-{snippet["id"]}"]')
    assert button.is_visible()
    button.click()
    page.wait_for_function(
        "id => document.getElementById(id).textContent === 'Copied'",
        arg=f"snippet-{snippet['id']}-status",
    )
    assert page.evaluate("navigator.clipboard.readText()") == snippet["text"]
    assert page.recorder.console_errors == []
    # The front page's links lead to the article's kit page on disk.
    page.goto((served.root / "share" / "index.html").as_uri(), wait_until="load")
    page.locator(".share-kit-list a", has_text="lemon").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/share/lemons/index.html")


FOLDS = {"linkedin": (210, "…see more"), "facebook": (125, "…See more")}
# A lead line long enough that every network that folds a post folds this one. Its first
# sentence stays within LinkedIn's 200-character hook, so LinkedIn keeps it whole and folds it.
LONG_SHARE = (
    "Squeezed lemons still have work to do before they go in the compost bin. They steam the"
    " microwave clean in five minutes and lift the scale from a kettle overnight. With a little"
    " vinegar and a week in a jar they make a citrus spray that leaves the kitchen smelling of"
    " summer rather than bleach."
)


@pytest.fixture
def long_kit(build_site, serve_folder):
    """One article whose intro is long, built with its card and served; its posts carry the full
    tagged address (short links off), so the previews show how networks shorten a long link."""
    text = article_text("3 things to do with lemons", Slug="lemons", Share=LONG_SHARE)
    site = build_site({"articles/lemons.md": text}, **BASIC, SHARE_SHORT_LINKS=False)
    assert site.report.ok, site.report.errors + site.report.warnings
    data = json.loads(site.path("share/snippets.json").read_text(encoding="utf-8"))
    return serve_folder(site.output), data["articles"][0]["snippets"]


@pytest.mark.parametrize("network", ["x", "bluesky", "mastodon", "threads", "linkedin", "facebook"])
def test_each_network_preview_folds_where_the_network_does(long_kit, new_page, network):
    served, snippets = long_kit
    page = new_page()
    page.goto(served.page_url("share/lemons/"), wait_until="load")
    snippet = next(s for s in snippets if s["id"] == f"{network}-intro")
    item = page.locator(".share-snippet", has=page.locator(f"#snippet-{snippet['id']}"))
    item.locator("summary").click()
    preview = item.locator(f".share-preview-{network}")
    assert preview.is_visible()
    shown = preview.locator(".preview-text").inner_text()
    more = preview.locator(".preview-more")
    # The post as the network prints it: its link without the scheme, cut at 30 characters.
    bare = snippet["link"].split("://", 1)[1].removeprefix("www.")
    printed = snippet["text"].replace(snippet["link"], bare if len(bare) <= 30 else bare[:29] + "…")
    if network in FOLDS:
        fold, words = FOLDS[network]
        assert len(printed) > fold, "the post must be long enough to fold"
        assert more.inner_text() == words
        before = shown.removesuffix(words).rstrip()
        # Cut at the last word that fits before the fold, not far earlier.
        assert fold - 20 < len(before) <= fold
        assert snippet["text"].startswith(before)
        assert preview.locator(".preview-link").count() == 0  # the link is below the fold
    else:
        assert more.count() == 0
        # The whole post shows, its link shortened the way networks print links.
        link = preview.locator(".preview-link")
        assert link.inner_text().startswith(urlsplit(snippet["link"]).hostname.removeprefix("www."))
        assert link.inner_text().endswith("…") and len(link.inner_text()) == 30
        assert shown.replace(link.inner_text(), snippet["link"]) == snippet["text"]
        assert preview.locator(".preview-tag").count() == snippet["text"].count(" #")
    # The card names the site and the article, its picture cropped to the network's shape.
    host = urlsplit(snippet["link"]).hostname.removeprefix("www.")
    card = preview.locator(".preview-card-text").inner_text()
    assert card.startswith(host) and "3 things to do with lemons" in card
    image = preview.locator(".preview-card img")
    assert image.count() == 1
    ratio = page.evaluate("e => e.clientWidth / e.clientHeight", image.element_handle())
    assert abs(ratio - (2 if network == "x" else 1.91)) < 0.05


def test_kit_page_with_every_preview_open_has_no_axe_violations(kit, new_page):
    served, _ = kit
    page = new_page()
    page.goto(served.page_url("share/lemons/"), wait_until="load")
    assert axe_violations(page) == []
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert axe_violations(page) == []


def test_kit_page_is_compact_at_desktop_width(sample_site, serve_folder, new_page):
    """The sample's biggest kit page, measured: every post a row, the full text on demand.

    With a full-width text box per post it was 28,911 px tall at 1280 px; now about 4,800."""
    served = serve_folder(sample_site.output)
    page = new_page(width=1280)
    page.goto(served.page_url("share/3-things-to-do-with-a-bag-of-dried-beans/"), wait_until="load")
    rows = page.locator(".share-row").count()
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"kit page: {rows} posts, {height} px tall at 1280 px")
    assert rows >= 40
    assert height < rows * 110


def test_kit_front_page_lists_the_changes_since_the_last_publish_accessibly(
    build_site, serve_folder, new_page, tmp_path
):
    first = build_site("share-basic", **BASIC)
    record = json.loads(first.path("share/published.json").read_text(encoding="utf-8"))
    # As if the last publish had an older lemons intro on X and a title since changed.
    lemons = record["articles"]["lemons"]
    lemons["posts"]["x-intro"]["text"] = "0" * 16
    lemons["preview"] = "0" * 16
    last = tmp_path / "last.json"
    last.write_text(json.dumps(record), encoding="utf-8")
    site = build_site("share-basic", output=tmp_path / "again", **BASIC,
                      SHARE_LAST_PUBLISHED=str(last))  # fmt: skip
    assert site.report.ok, site.report.errors + site.report.warnings
    served = serve_folder(site.output)
    page = new_page()
    page.goto(served.page_url("share/"), wait_until="load")
    section = page.locator("section", has=page.locator("#kit-changes"))
    assert "0 new, 1 changed, 0 gone posts" in section.inner_text()
    assert section.get_by_role("link", name="Facebook Sharing Debugger").count() == 1
    assert page.locator("h2").first.get_attribute("id") == "kit-changes"
    assert axe_violations(page) == []
