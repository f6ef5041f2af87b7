"""Browser fixtures: a built site served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Keep Chromium off the network: the resolver rule makes every non-local host fail in-browser.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--no-pings",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost, EXCLUDE [::1]",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def chromium_or_skip() -> str:
    """Return Chromium's path; skip (fail in CI) when the machine has none."""
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if path:
        return path
    reason = "Chromium is not installed (apt-get install chromium); browser tests need it"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: in CI a skipped browser test is a failure")
    pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class ServedSite:
    """A folder served over HTTP on loopback."""

    root: Path
    url: str

    def page_url(self, relative: str = "") -> str:
        return f"{self.url}/{relative.lstrip('/')}"


@pytest.fixture
def serve_folder() -> Iterator:
    """Serve folders on 127.0.0.1 (a free port each); every server stops after the test."""
    servers: list[ThreadingHTTPServer] = []

    def _serve(root: Path) -> ServedSite:
        handler = partial(_QuietHandler, directory=str(root))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return ServedSite(root, f"http://127.0.0.1:{server.server_address[1]}")

    yield _serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass
class Recorder:
    """Every request a page made, and every console error it logged."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def external(self) -> list[str]:
        """Requests that left the machine (or tried to)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


@pytest.fixture
def new_page(browser):
    """Open pages in fresh contexts; each page records its requests and console errors."""
    contexts = []

    def _new(width: int = 1280, height: int = 900, **context_options):
        viewport = {"width": width, "height": height}
        context = browser.new_context(viewport=viewport, **context_options)
        contexts.append(context)
        page = context.new_page()
        page.recorder = Recorder()
        page.on("request", lambda request: page.recorder.requests.append(request.url))
        page.on(
            "console",
            lambda message: (
                message.type == "error" and page.recorder.console_errors.append(message.text)
            ),
        )
        page.on("pageerror", lambda error: page.recorder.console_errors.append(str(error)))
        return page

    yield _new
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots kept as test artefacts."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
