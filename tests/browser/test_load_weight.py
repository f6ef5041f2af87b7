"""Every article in Chromium: at most 4 requests and 20 KB of HTML, CSS and JS on load."""

from pathlib import Path

import pytest

from conftest import sample_dir
from quality.serve import serving
from quality.weight import local_file

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((sample_dir() / "articles").glob("*.md"))
MAX_REQUESTS = 4
MAX_CODE_BYTES = 20_000
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico")


@pytest.mark.parametrize("source", ARTICLES, ids=lambda path: path.stem)
def test_article_loads_within_the_page_budget_in_chromium(sample_site, new_page, source):
    # The server's own log sees every request, the favicon Chromium asks for included.
    with serving(sample_site.output) as served:
        page = new_page(width=390, height=844)
        page.goto(served.page_url(f"{source.stem}/"), wait_until="load")
        page.wait_for_load_state("networkidle")
        requested = list(served.requested)
    assert page.recorder.external() == []
    code = [
        local_file(sample_site.output, served.url + path.split("?")[0], served.url)
        for path in requested
        if not path.split("?")[0].lower().endswith(IMAGE_SUFFIXES)
    ]
    code_bytes = sum(path.stat().st_size for path in code if path and path.is_file())
    assert len(requested) <= MAX_REQUESTS, requested
    assert code_bytes <= MAX_CODE_BYTES, requested
