"""Pelican's own messages, as a writer reads them: file first, what is wrong, what to do."""

from __future__ import annotations

import os

import pytest

from conftest import article_text
from hub.pelican_messages import Places, writer_words

CONTENT = os.path.join(os.getcwd(), "content")
PLACES = Places(CONTENT, os.path.join(os.getcwd(), ".output.building-x1"), "output")

MESSAGES = [
    (
        "Could not process articles/beans.md",
        "content/articles/beans.md: could not be read; check its header lines and its text",
    ),
    (
        f"Unknown status 'publish' for file {CONTENT}/articles/beans.rst, skipping it."
        " (Not in ('published', 'hidden', 'draft', 'skip'))",
        "content/articles/beans.rst: Status 'publish' is not one of published, draft, hidden;"
        " write 'Status: published' (or draft, hidden)",
    ),
    (
        "Unable to find 'dried-beans.md', skipping url replacement.",
        "a {filename} or {static} link names 'dried-beans.md', which is not in the content"
        " folder; check the name and the folder",
    ),
    (
        f"Cannot get modification stamp for {CONTENT}/images/jar.jpg\n\t[Errno 2] No such file",
        "content/images/jar.jpg: cannot be read (it is missing, or a link to nothing);"
        " point it at a real file or delete it",
    ),
    (
        f"Skipping {CONTENT}/articles/beans.rst: could not find information about 'title'",
        "content/articles/beans.rst: Title is missing; add a line 'Title: ...' to the header",
    ),
    (
        f"Empty alt attribute for image jar.jpg in {CONTENT}/articles/beans.md",
        "content/articles/beans.md: the picture 'jar.jpg' has no alt text; describe it between"
        " the brackets, like ![A jar of dried beans](...)",
    ),
    (
        f"Duplicate definition of `tags` for {CONTENT}/articles/beans.rst. Using first one.",
        "content/articles/beans.rst: Tags is written twice in the header; keep one line"
        " (the first one is used)",
    ),
    (
        "{filename} used for linking to static content images/jar.jpg in articles/beans.md."
        " Use {static} instead",
        "content/articles/beans.md: the link '{filename}images/jar.jpg' points to a file, not"
        " an article; write '{static}images/jar.jpg'",
    ),
    (
        f"Document title missing in file {CONTENT}/articles/beans.rst: Ensure exactly one top"
        " level section",
        "content/articles/beans.rst: the reStructuredText file has no title; start it with the"
        " title on one line and a line of ==== under it",
    ),
    (
        f"Skipping {CONTENT}/articles/beans.md: file '../../etc/x.html' would be written outside"
        " output path",
        "content/articles/beans.md: its address '../../etc/x.html' would be outside the site;"
        " remove '..' and '/' from its Slug",
    ),
    (
        "Other images have empty alt attributes",
        "more pictures have no alt text; `invoke check` lists every one",
    ),
    (
        f'Failed to overwrite "{os.getcwd()}/.output.building-x1/share/index.html" as Pelican'
        " has already written to it previously (set `override=True` if intended)",
        'Failed to overwrite "output/share/index.html" as Pelican has already written to it'
        " previously (set `override=True` if intended)",
    ),
    (
        f"While copying {CONTENT}/images/a.png: {CONTENT}/images/a.png: [Errno 28] No space",
        "While copying content/images/a.png: content/images/a.png: No space",
    ),
]


@pytest.mark.parametrize(("message", "line"), MESSAGES, ids=[m[:40] for m, _ in MESSAGES])
def test_pelican_messages_are_said_in_the_writers_words(message, line):
    assert writer_words(message, PLACES) == line


def test_a_knock_on_line_is_dropped_when_the_hub_has_said_it():
    said = ["content/articles/beans.md: the link '{filename}dried-beans.md' names no file"]
    assert writer_words("Unable to find 'dried-beans.md', skipping url replacement.", PLACES,
                        said) is None  # fmt: skip
    assert writer_words("Other resources were not found and their urls not replaced", PLACES,
                        said) is None  # fmt: skip
    assert writer_words("Could not process articles/beans.md", PLACES,
                        ["content/articles/beans.md: Date 'x' is not a date"]) is None  # fmt: skip


def test_an_article_source_with_no_stamp_is_left_to_the_reader_that_names_it():
    message = f"Cannot get modification stamp for {CONTENT}/articles/gone.md\n\t[Errno 2] gone"
    assert writer_words(message, PLACES) is None


def test_a_tag_pelican_cannot_slug_is_left_to_the_line_naming_its_file(build_site):
    assert writer_words('Unable to generate valid slug for Tag "🫘".', PLACES) is None
    # An author's is not weighed by the hub, so Pelican's own line stays.
    assert writer_words('Unable to generate valid slug for Author "{".', PLACES)
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans", Tags="beans, 🫘")}, strict=False
    )
    [line] = site.report.warnings
    assert "articles/beans.md: Tag '🫘' has no letter or digit to make its address" in line
