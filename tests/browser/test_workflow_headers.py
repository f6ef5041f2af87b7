"""The `_headers` policy matches what the theme loads: pages work under it with no violation."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from pelican.settings import read_settings

from workflow.check import check_site
from workflow.headers import content_security_policy, headers_file
from workflow.publish import conversation_origins

ROOT = Path(__file__).resolve().parents[2]
ORIGIN = "http://127.0.0.1:8000"
PAGES = [
    "",
    "3-things-to-do-with-a-bag-of-dried-beans/",
    "ask/",
    "share/",
    "topics/",
    "search/?q=descaler",
]


def parse_headers(text: str) -> dict[str, str]:
    """The headers a `_headers` file sets for /* (the only rule the hub writes)."""
    lines = text.splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:])


class _HeadersHandler(SimpleHTTPRequestHandler):
    """Serves files with the headers a Netlify or Cloudflare Pages host would add."""

    extra: ClassVar[dict[str, str]] = {}

    def end_headers(self) -> None:
        for name, value in self.extra.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served_with_headers(sample_site) -> Iterator[str]:
    """The sample site served on loopback with the headers publish would write for it."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    forms, comments = conversation_origins(settings)
    checked = check_site(sample_site.output, ORIGIN)
    search = (sample_site.output / "pagefind").is_dir()
    policy = content_security_policy([*checked.form_actions, *forms], comments, search=search)
    handler = type("Handler", (_HeadersHandler,), {"extra": parse_headers(headers_file(policy))})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(handler, directory=str(sample_site.output))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_under_the_published_policy_without_a_violation(
    served_with_headers, new_page, path
):
    page = new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )
    response = page.goto(f"{served_with_headers}/{path}")
    assert response.ok
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert violations == []
    assert page.recorder.console_errors == []
    # Every stylesheet and script the page uses was allowed to load.
    assert page.evaluate("document.styleSheets.length") >= 1
