"""The workflow's pure cores, table by table: new articles, progress, CSP, links, publishing."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest

from hub.progress import Progress, progress_line
from workflow.check import internal_target, load_snippets, read_page, snippet_problems
from workflow.headers import content_security_policy, headers_file, origin_of
from workflow.new import article_text, most_common_category
from workflow.publish import PublishSettings, deploy_command, publish_settings

TODAY = datetime.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("title", "sections"),
    [
        ("3 things to do with lentils", 3),
        ("Five ways to use up stale bread", 5),
        ("A guide to lentils", 3),
        ("12 ideas for leftover rice", 12),
    ],
)
def test_new_article_has_every_field_a_hint_each_and_the_promised_sections(title, sections):
    text = article_text(title, "slug", TODAY, "Cupboard staples")
    header, _, body = text.partition("\n\n")
    fields = [line.split(":", 1)[0] for line in header.splitlines()]
    assert fields == ["Title", "Date", "Category", "Tags", "Summary", "Stage", "Question",
                      "Cta", "Hashtags", "Share", "Slug", "Status"]  # fmt: skip
    assert f"Title: {title}\n" in header and "Date: 2026-11-22\n" in header
    assert header.endswith("Status: draft")
    hints = body.split("-->")[0]
    for field in fields:
        assert f"\n  {field} " in hints, field
    numbered = [line for line in body.splitlines() if line.startswith("## ")]
    assert numbered == [f"## {n}. Name thing {n} in a few words" for n in range(1, sections + 1)]


@pytest.mark.parametrize(
    ("title", "lang", "sections"),
    [
        ("Cinq idées pour les lentilles", "fr", 5),
        ("Vier Ideen für Linsen", "de", 4),
        ("Cinco ideas con lentejas", "es", 5),
        ("Zes ideeën met linzen", "nl", 6),
        ("Cinq idées pour les lentilles", "en", 3),
    ],
)
def test_a_new_article_counts_the_promise_in_the_site_s_language(title, lang, sections):
    body = article_text(title, "slug", TODAY, "Cupboard staples", lang).partition("\n\n")[2]
    assert len([line for line in body.splitlines() if line.startswith("## ")]) == sections


@pytest.mark.parametrize(
    ("headers", "category"),
    [
        (["Category: Beans\n", "Category: Refills\n", "Category: Refills\n"], "Refills"),
        (["Title: x\n"], "Ideas"),
        ([], "Ideas"),
    ],
)
def test_new_articles_start_in_the_most_used_category(headers, category):
    assert most_common_category(headers) == category


@pytest.mark.parametrize(
    ("done", "total", "line"),
    [
        (0, 10, "Reading articles [..........] 0/10"),
        (5, 10, "Reading articles [#####.....] 5/10"),
        (10, 10, "Reading articles [##########] 10/10"),
        (3, 0, "Reading articles [##########] 3/0"),
    ],
)
def test_progress_line(done, total, line):
    assert progress_line(done, total, width=10) == line


@pytest.mark.parametrize(("total", "lines"), [(200, 0), (201, 10), (1000, 10)])
def test_progress_prints_a_tenth_at_a_time_in_logs_and_only_past_200(total, lines):
    stream = io.StringIO()
    progress = Progress(stream)
    progress.start(total)
    for _ in range(total):
        progress.advance()
    progress.finish()
    printed = stream.getvalue().splitlines()
    assert len(printed) == lines
    if lines:
        assert printed[-1].endswith(f"] {total}/{total}")


def test_progress_on_a_terminal_rewrites_one_line():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(stream, threshold=2)
    progress.start(3)
    for _ in range(3):
        progress.advance()
    progress.finish()
    assert stream.getvalue().count("\r") == 3
    assert stream.getvalue().count("\n") == 1


BASE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'"


@pytest.mark.parametrize(
    ("forms", "comments", "expected"),
    [
        ((), (), f"{BASE}; connect-src 'self'; frame-src 'none'; form-action 'self'"),
        (
            ["https://buttondown.com/api/emails/embed-subscribe/larder", "mailto:x@y.z"],
            (),
            f"{BASE}; connect-src 'self'; frame-src 'none';"
            " form-action 'self' https://buttondown.com",
        ),
        (
            ["https://formspree.io/f/abc", "https://formspree.io/f/def"],
            ["https://comments.example.com/js/embed.min.js"],
            "default-src 'self'; script-src 'self' https://comments.example.com;"
            " style-src 'self' https://comments.example.com 'unsafe-inline';"
            " img-src 'self'; font-src 'self'; connect-src 'self' https://comments.example.com;"
            " frame-src https://comments.example.com; form-action 'self' https://formspree.io",
        ),
    ],
)
def test_content_security_policy(forms, comments, expected):
    policy = content_security_policy(forms, comments)
    assert policy == f"{expected}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
    # Inline styles are allowed only for a comment widget the reader chose to load.
    assert ("unsafe-inline" in policy) == bool(comments)


def test_headers_file_applies_to_every_path():
    text = headers_file("default-src 'self'")
    assert text.splitlines() == [
        "/*",
        "  Content-Security-Policy: default-src 'self'",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "  X-Frame-Options: DENY",
    ]


@pytest.mark.parametrize(
    ("url", "origin"),
    [("https://a.example/x?y#z", "https://a.example"), ("mailto:a@b.c", ""), ("/x/", "")],
)
def test_origin_of(url, origin):
    assert origin_of(url) == origin


ORIGIN = "http://127.0.0.1:8000"
HEAD = '<title>T</title><meta name="description" content="D">'
CANONICAL = '<link rel="canonical" href="/">'


@pytest.mark.parametrize(
    ("url", "base", "target"),
    [
        ("/beans/", f"{ORIGIN}/rice/", ("beans/index.html", "")),
        ("#thing-2", f"{ORIGIN}/rice/", ("rice/index.html", "thing-2")),
        ("../theme/css/hub.css", f"{ORIGIN}/rice/", ("theme/css/hub.css", "")),
        (f"{ORIGIN}/beans/#thing-1", f"{ORIGIN}/", ("beans/index.html", "thing-1")),
        ("/caf%C3%A9/", f"{ORIGIN}/", ("café/index.html", "")),
        ("https://example.com/beans/", f"{ORIGIN}/", None),
        ("mailto:hello@example.com", f"{ORIGIN}/", None),
        ("//cdn.example.com/x.js", f"{ORIGIN}/", None),
    ],
)
def test_internal_target(url, base, target):
    assert internal_target(url, base, ORIGIN) == target


def test_internal_target_under_a_path_prefix():
    origin = "https://example.com/blog"
    assert internal_target("/blog/beans/", origin + "/", origin) == ("beans/index.html", "")
    assert internal_target("/shop/", origin + "/", origin) is None


@pytest.mark.parametrize(
    ("html", "problems"),
    [
        (HEAD + CANONICAL, []),
        ('<meta name="description" content="D">' + CANONICAL,
         ["the page has no <title>; give it a Title"]),
        ('<title>T</title><meta name="description" content=" ">' + CANONICAL,
         ["the page has no meta description; give it a Summary"]),
        (HEAD, ["the page has no canonical link; its template should add one"]),
        (HEAD + '<meta name="robots" content="noindex">', []),
        (HEAD + CANONICAL + '<img src="a.png"><img src="b.png" alt=""><img src="c.png" alt="Beans">'
         '<img src="d.png" alt="" role="presentation">',
         ["image 'a.png' has no alt text; describe it in the brackets of ![...](...)",
          "image 'b.png' has no alt text; describe it in the brackets of ![...](...)"]),
    ],
)  # fmt: skip
def test_read_page_finds_missing_heads_and_alt_text(html, problems):
    assert read_page(html).problems == problems


def test_read_page_collects_ids_links_and_forms():
    page = read_page(
        '<h2 id="thing-1">A</h2><a name="old"></a><a href="/x/">x</a><img src="/i.png" alt="i">'
        '<form action="https://forms.example/f"></form><script src="/theme/js/a.js"></script>'
    )
    assert page.ids == {"thing-1", "old"}
    assert page.links == ["/x/", "/i.png", "https://forms.example/f", "/theme/js/a.js"]
    assert page.forms == ["https://forms.example/f"]


def test_snippets_must_fit_and_link_to_an_existing_anchor():
    kit = (
        '{"articles": [{"slug": "beans", "snippets": ['
        '{"id": "x-intro", "network": "x", "length": 250, "limit": 280,'
        ' "link": "http://127.0.0.1:8000/beans/?utm_source=x"},'
        '{"id": "x-thing-1", "network": "x", "length": 281, "limit": 280,'
        ' "link": "http://127.0.0.1:8000/beans/?utm_source=x#thing-1"},'
        '{"id": "x-thing-9", "network": "x", "length": 100, "limit": 280,'
        ' "link": "http://127.0.0.1:8000/beans/#thing-9"},'
        '{"id": "x-gone", "network": "x", "length": 100, "limit": 280,'
        ' "link": "https://elsewhere.example/beans/"}]}]}'
    )
    pages = {"beans/index.html": read_page('<h2 id="thing-1">A</h2>')}
    found = [str(p) for p in snippet_problems(load_snippets(kit), ORIGIN, set(pages), pages)]
    assert found == [
        "share/snippets.json beans x-thing-1: 281 characters is over the x limit of 280;"
        " shorten the article's Share line or Summary",
        "share/snippets.json beans x-thing-9: link 'http://127.0.0.1:8000/beans/#thing-9'"
        " points to #thing-9, which is not on /beans/",
        "share/snippets.json beans x-gone: link 'https://elsewhere.example/beans/' is not an"
        f" address on this site ({ORIGIN})",
    ]


def test_a_short_link_must_forward_to_an_existing_anchor():
    def short(target):
        refresh = f'<meta http-equiv="refresh" content="0; url={target}">'
        return read_page(f'<title>T</title>{refresh}<a href="{target}">T</a>')

    kit = (
        '{"articles": [{"slug": "beans", "snippets": ['
        '{"id": "x-thing-1", "network": "x", "length": 90, "limit": 280,'
        ' "link": "http://127.0.0.1:8000/s/good1234/"},'
        '{"id": "x-thing-9", "network": "x", "length": 90, "limit": 280,'
        ' "link": "http://127.0.0.1:8000/s/lost1234/"}]}]}'
    )
    pages = {
        "beans/index.html": read_page('<h2 id="thing-1">A</h2>'),
        "s/good1234/index.html": short(f"{ORIGIN}/beans/?utm_source=x#thing-1"),
        "s/lost1234/index.html": short(f"{ORIGIN}/beans/?utm_source=x#thing-9"),
    }
    assert pages["s/good1234/index.html"].forwards == f"{ORIGIN}/beans/?utm_source=x#thing-1"
    found = [str(p) for p in snippet_problems(load_snippets(kit), ORIGIN, set(pages), pages)]
    assert found == [
        "share/snippets.json beans x-thing-9: short link 'http://127.0.0.1:8000/s/lost1234/'"
        f" forwards to a missing page: link '{ORIGIN}/beans/#thing-9' points to #thing-9,"
        " which is not on /beans/"
    ]


@pytest.mark.parametrize(
    ("settings", "environ", "expected"),
    [
        ({}, {}, PublishSettings()),
        ({"PUBLISH_TARGET": "ghp-import"}, {}, PublishSettings(target="ghp-import")),
        (
            {"PUBLISH_TARGET": "none"},
            {"PUBLISH_TARGET": "rsync", "PUBLISH_RSYNC_DEST": "me@host:/srv/site/"},
            PublishSettings(target="rsync", rsync_dest="me@host:/srv/site/"),
        ),
    ],
)
def test_publish_settings_come_from_settings_then_the_environment(settings, environ, expected):
    assert publish_settings(settings, environ) == expected


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"PUBLISH_TARGET": "ftp"}, "PUBLISH_TARGET: 'ftp' is not one of none, rsync, ghp-import"),
        ({"PUBLISH_TARGET": "rsync"}, "site.yml: rsync_destination is empty"),
    ],
)
def test_publish_settings_name_the_setting_to_fix(settings, message):
    with pytest.raises(ValueError, match=message):
        publish_settings(settings, {})


@pytest.mark.parametrize(
    ("options", "command"),
    [
        (PublishSettings(), None),
        (
            PublishSettings(target="rsync", rsync_dest="me@host:/srv/site/"),
            ["rsync", "--archive", "--compress", "--delete", "--rsh=ssh", "out/",
             "me@host:/srv/site/"],
        ),
        (
            PublishSettings(target="ghp-import"),
            ["ghp-import", "--no-jekyll", "--push", "--force", "--branch", "gh-pages",
             "--message", "Publish the site", "out"],
        ),
    ],
)  # fmt: skip
def test_deploy_command(options, command):
    assert deploy_command(options, Path("out")) == command
