"""A post's short link in a real browser: it forwards the reader to the tagged section."""

import json
from urllib.parse import parse_qs, urlsplit

PLUGINS = ["language", "writer_metadata", "things", "share_snippets", "site_files"]


def test_a_short_link_forwards_to_the_tagged_section(build_site, serve_folder, new_page, tmp_path):
    output = tmp_path / "served"
    output.mkdir()
    served = serve_folder(output)
    # Built for the address it is served at, as a published site is built for SITEURL.
    site = build_site(
        "share-basic", output=output, SITEURL=served.url, SHARE_NOW="2026-11-02T08:03",
        PLUGINS=PLUGINS,
    )  # fmt: skip
    assert site.report.ok, site.report.errors
    data = json.loads(site.path("share/snippets.json").read_text(encoding="utf-8"))
    lemons = next(article for article in data["articles"] if article["slug"] == "lemons")
    post = next(snippet for snippet in lemons["snippets"] if snippet["id"] == "bluesky-thing-2")
    assert urlsplit(post["link"]).path.startswith("/s/")
    page = new_page()
    page.goto(post["link"])
    page.wait_for_url(f"{served.url}/lemons/**")
    arrived = urlsplit(page.url)
    assert arrived.fragment == "thing-2"
    assert parse_qs(arrived.query) == {
        "utm_source": ["bluesky"], "utm_medium": ["social"], "utm_campaign": ["lemons"],
        "utm_content": ["thing-2"],
    }  # fmt: skip
    assert page.locator("#thing-2").is_visible()
    assert page.recorder.console_errors == []
    assert page.recorder.external() == []
