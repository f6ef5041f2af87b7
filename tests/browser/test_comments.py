"""Questions and comments in Chromium: nothing leaves the site until the reader asks."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANSWERED_ARTICLES = [
    "3-things-to-do-with-a-bag-of-dried-beans/",
    "3-things-to-know-before-your-first-refill-visit/",
    "4-questions-to-ask-about-a-veg-box/",
]
GISCUS = {"repo": "larder/site", "repo-id": "R_1", "category": "Q&A", "category-id": "DIC_1"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_sample_articles_make_no_request_outside_the_site(sample_site, serve_folder, new_page):
    site = serve_folder(sample_site.output)
    page = new_page()
    for article in ANSWERED_ARTICLES:
        page.goto(site.page_url(article), wait_until="networkidle")
        page.locator("#conversation").scroll_into_view_if_needed()
        assert page.locator("#conversation .answered-question").count() >= 2
        assert page.get_by_role("link", name="Email us your question").is_visible()
    assert page.recorder.requests and page.recorder.external() == []
    assert page.recorder.console_errors == []


class _FormInbox(BaseHTTPRequestHandler):
    """Answers a form post the way a form service would, and keeps what was sent."""

    received: list[dict[str, list[str]]]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.server.received.append(parse_qs(self.rfile.read(length).decode(), True))
        body = b"<!doctype html><title>Thanks</title><p>Thanks, we got your question.</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def form_inbox():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FormInbox)
    server.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_question_form_posts_without_javascript(
    build_site, serve_folder, new_page, form_inbox, tmp_path
):
    endpoint = f"http://127.0.0.1:{form_inbox.server_address[1]}/f/larder"
    built = build_site("conversation", CONVERSATION_FORM_ENDPOINT=endpoint)
    assert built.report.ok
    site = serve_folder(built.output)
    page = new_page(java_script_enabled=False)
    page.goto(site.page_url("beans/"))
    trap = page.locator("input[name=_gotcha]").bounding_box()
    assert trap["x"] + trap["width"] < 0, "the honeypot must be off screen"
    page.get_by_label("Your question").fill("Can I cook beans & rice together?")
    page.get_by_label("Your first name").fill("Sam")
    page.get_by_role("button", name="Send your question").click()
    page.wait_for_url(endpoint)
    assert "Thanks" in page.content()
    (sent,) = form_inbox.received
    assert sent["question"] == ["Can I cook beans & rice together?"]
    assert sent["name"] == ["Sam"] and sent["email"] == [""] and sent["_gotcha"] == [""]
    assert sent["article"] == ["3 things to do with beans & pulses"]
    assert sent["page"] == ["http://127.0.0.1:8000/beans/"]


def test_third_party_comments_load_only_after_the_click_and_can_be_remembered(
    build_site, serve_folder, new_page
):
    built = build_site("conversation", CONVERSATION_PROVIDER="giscus", CONVERSATION_GISCUS=GISCUS)
    site = serve_folder(built.output)
    page = new_page()
    page.goto(site.page_url("beans/"), wait_until="networkidle")
    assert page.recorder.external() == []
    button = page.get_by_role("button", name="Show comments")
    assert "giscus.app" in button.inner_text()
    page.get_by_label("Remember my choice on this device").check()
    button.click()
    page.wait_for_function("!!document.querySelector('.comments-thread script')")
    script = page.locator(".comments-thread script")
    assert script.get_attribute("src") == "https://giscus.app/client.js"
    assert script.get_attribute("data-repo") == "larder/site"
    assert script.get_attribute("data-category") == "Q&A"
    assert page.locator(".comments-thread .giscus").count() == 1
    assert not button.is_visible()
    page.wait_for_timeout(200)
    assert "https://giscus.app/client.js" in page.recorder.external()
    # The remembered choice loads comments on the next visit without another click.
    page.recorder.requests.clear()
    page.reload(wait_until="networkidle")
    page.wait_for_function("!!document.querySelector('.comments-thread script')")
    assert not page.get_by_role("button", name="Show comments").is_visible()


def test_comments_button_is_hidden_without_javascript(build_site, serve_folder, new_page):
    built = build_site("conversation", CONVERSATION_PROVIDER="giscus", CONVERSATION_GISCUS=GISCUS)
    site = serve_folder(built.output)
    page = new_page(java_script_enabled=False)
    page.goto(site.page_url("beans/"), wait_until="networkidle")
    assert not page.get_by_role("button", name="Show comments").is_visible()
    assert page.get_by_role("link", name="ask us a question").is_visible()
    assert page.recorder.external() == []


def isso_or_skip() -> None:
    """Skip when the Isso extra is missing; in CI it must be there."""
    if importlib.util.find_spec("isso") is not None:
        return
    reason = "Isso is not installed (pip install -r requirements-isso.txt)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI installs it, so its absence is a failure")
    pytest.skip(reason)


@pytest.fixture
def isso_server(tmp_path):
    """Start a real Isso on a free loopback port, through the code behind `invoke comments`."""
    processes: list[subprocess.Popen] = []

    def _start(site_origin: str) -> str:
        isso_or_skip()
        port = free_port()
        config = tmp_path / "isso-test.cfg"
        text = (ROOT / "isso.cfg").read_text(encoding="utf-8")
        text = text.replace("http://127.0.0.1:8089/", f"http://127.0.0.1:{port}/")
        text = text.replace("    http://127.0.0.1:8000/\n", f"    {site_origin}/\n")
        config.write_text(text, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
        process = subprocess.Popen(
            [sys.executable, "-m", "conversation.cli", str(config)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(process)
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}info", timeout=2) as answer:
                    assert answer.status == 200
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Isso did not start on {url}")
                time.sleep(0.2)
        return url

    yield _start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def test_isso_comments_load_on_click_and_a_posted_comment_appears(
    build_site, serve_folder, new_page, isso_server, tmp_path
):
    output = tmp_path / "served"
    site = serve_folder(output)
    isso_url = isso_server(site.url)
    built = build_site(
        "conversation",
        output=output,
        CONVERSATION_PROVIDER="isso",
        CONVERSATION_ISSO={"url": isso_url},
    )
    assert built.report.ok, built.report.errors
    # The server made its database folder beside its config, as `invoke comments` does.
    assert (tmp_path / ".comments" / "comments.db").is_file()
    page = new_page()
    page.goto(site.page_url("beans/"), wait_until="networkidle")
    assert [url for url in page.recorder.requests if url.startswith(isso_url)] == []

    page.get_by_role("button", name="Show comments").click()
    textarea = page.locator("#isso-thread .isso-textarea")
    textarea.wait_for()
    assert f"{isso_url}js/embed.min.js" in page.recorder.requests
    textarea.fill("Soaked overnight & the chilli was lovely.")
    page.locator("#isso-thread .isso-post-action input[type=submit]").first.click()
    posted = page.locator("#isso-thread .isso-comment .isso-text")
    posted.filter(has_text="Soaked overnight & the chilli was lovely.").wait_for()

    # The comment lives in Isso: a fresh visit shows it after the click.
    again = new_page()
    again.goto(site.page_url("beans/"), wait_until="networkidle")
    again.get_by_role("button", name="Show comments").click()
    again.locator("#isso-thread .isso-comment .isso-text").filter(
        has_text="Soaked overnight"
    ).wait_for()
    assert page.recorder.external() == [] and again.recorder.external() == []


@pytest.mark.parametrize("width", [390, 1280])
def test_form_and_comment_consent_have_no_axe_violations(build_site, serve_folder, new_page, width):
    from quality.axe import axe_violations

    built = build_site(
        "conversation",
        CONVERSATION_FORM_ENDPOINT="https://formspree.io/f/xyzw",
        CONVERSATION_PROVIDER="giscus",
        CONVERSATION_GISCUS=GISCUS,
    )
    site = serve_folder(built.output)
    page = new_page(width=width)
    page.goto(site.page_url("beans/"), wait_until="networkidle")
    assert page.get_by_role("button", name="Show comments").is_visible()
    assert axe_violations(page) == []
    assert page.recorder.external() == []
