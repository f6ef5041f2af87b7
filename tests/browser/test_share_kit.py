"""The share kit in a real browser: Copy puts exactly the post on the clipboard, by mouse or key."""

import json

import pytest

BASIC = {
    "SHARE_NOW": "2026-11-02T08:03",
    "PLUGINS": ["writer_metadata", "things", "share_snippets", "site_files"],
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
    page.locator(f"#snippet-{snippet['id']}").focus()
    page.keyboard.press("Tab")  # from the post's text to its Copy button
    focused = page.evaluate("document.activeElement.getAttribute('data-copy')")
    assert focused == f"snippet-{snippet['id']}"
    page.keyboard.press(key)
    page.wait_for_function(
        "id => document.getElementById(id).textContent === 'Copied'",
        arg=f"snippet-{snippet['id']}-status",
    )
    assert page.evaluate("navigator.clipboard.readText()") == snippet["text"]


def test_without_javascript_the_text_is_selectable_and_no_button_shows(kit, new_page):
    served, snippets = kit
    page = new_page(java_script_enabled=False)
    page.goto(served.page_url("share/lemons/"))
    assert page.locator("textarea.share-text").count() == len(snippets)
    assert page.locator("textarea.share-text").first.is_visible()
    assert page.locator("button.share-copy:visible").count() == 0
    assert page.locator("textarea.share-text").first.input_value() == snippets[0]["text"]
