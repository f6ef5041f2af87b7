"""Pelican glue for writer metadata: the checked reader, field checks, reading time."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals

from hub.contents import every_content
from hub.fields import declare_fields
from hub.messages import shown_path
from hub.parallel import read_ahead
from hub.text import word_count
from hub.writing import KeepGoingWriter

from .checks import (
    address_problems,
    expected_slug,
    field_problems,
    lang_problems,
    override_problems,
    tag_problems,
    text_problems,
)
from .fields import Problem, normalise, reading_minutes
from .links import broken_links
from .names import HUB_FIELDS
from .reader import SKIP, SOURCE_KEY, WRITTEN_KEY, CheckedMarkdownReader, CheckedRstReader

log = logging.getLogger(__name__)

# Context key: the slugs of files skipped for a mistake already reported (plugins/README.md).
SKIPPED_SLUGS = "hub_skipped_slugs"


def use_checked_reader(readers: Any) -> None:
    """Read Markdown with the reader that explains mistakes."""
    for reader in (CheckedMarkdownReader, CheckedRstReader):
        if reader.enabled:
            for extension in reader.file_extensions:
                readers.reader_classes[extension] = reader


def check_fields(generator: Any, metadata: dict[str, Any], kind: str) -> None:
    """Report every mistake in one file's header; skip the file when it cannot be built."""
    source = metadata.pop(SOURCE_KEY, None)
    written = metadata.pop(WRITTEN_KEY, None)
    if metadata.get("status") == SKIP["status"]:
        return
    path = shown_path(source) if source else repr(metadata.get("title", "(untitled)"))
    rst = bool(source) and source.lower().endswith((".rst", ".rest"))
    problems = field_problems(metadata, kind, written, generator.settings, rst)
    problems += normalise(metadata) + override_problems(metadata, generator.settings)
    problems += text_problems(metadata) + tag_problems(metadata) + lang_problems(metadata)
    if not any(problem.fatal for problem in problems):
        problems += address_problems(metadata, written, path, generator.settings)
    if not any(problem.fatal for problem in problems):
        problems += claim_slug(generator, metadata, path)
    if not any(problem.fatal for problem in problems):
        problems += claim_category(generator, metadata, path)
    for problem in problems:
        (log.warning if problem.warning else log.error)("%s: %s", path, problem.text)
    if any(problem.fatal for problem in problems):
        # Plugins that match files to articles by slug stay quiet about this one: its own
        # line above says what to fix, and a second line about it would mislead.
        skipped = generator.context.setdefault(SKIPPED_SLUGS, set())
        skipped.add(expected_slug(metadata, path, generator.settings))
        metadata.update(SKIP)


def claim_slug(generator: Any, metadata: dict[str, Any], path: str) -> list[Problem]:
    """Record this file's address; a second file with the same one is a mistake."""
    # Articles and pages share one address space, so the register lives in the shared context.
    claimed = generator.context.setdefault("hub_claimed_slugs", {})
    lang = metadata.get("lang") or generator.settings.get("DEFAULT_LANG")
    key = (expected_slug(metadata, path, generator.settings), lang)
    owner = claimed.setdefault(key, path)
    if owner == path:
        return []
    text = (
        f"Slug '{key[0]}' is already used by {owner}; give one of them"
        " a different title or its own 'Slug:' line"
    )
    return [Problem("Slug", text, fatal=True)]


def claim_category(generator: Any, metadata: dict[str, Any], path: str) -> list[Problem]:
    """Record how this file spells its category; another file's other capitals is a mistake."""
    category = metadata.get("category")
    if category is None:
        return []
    name = str(category)
    # Shared, like the slugs: "Recipes" and "recipes" make one topic page, named by only one.
    spelled = generator.context.setdefault("hub_category_spellings", {})
    first, owner = spelled.setdefault(name.casefold(), (name, path))
    if first == name:
        return []
    text = (
        f"Category '{name}' differs only in capitals from '{first}' in {owner}; write it the"
        " same way in both files"
    )
    return [Problem("Category", text, warning=True)]


def check_article(generator: Any, metadata: dict[str, Any]) -> None:
    """Check an article's header."""
    check_fields(generator, metadata, "article")


def check_page(generator: Any, metadata: dict[str, Any]) -> None:
    """Check a page's header."""
    check_fields(generator, metadata, "page")


def add_reading_time(generator: Any) -> None:
    """Give every article (translations too) its reading time, and check its links to files."""
    articles = every_content(generator)
    for article in articles:
        article.reading_time = reading_minutes(word_count(article._content or ""))
    check_links(articles, generator)


def check_pages(generator: Any) -> None:
    """Check the pages' links to other files."""
    check_links(generator.pages + generator.hidden_pages + generator.draft_pages, generator)


def check_links(contents: list[Any], generator: Any) -> None:
    """Name each {filename} or {static} link that points to no file, before Pelican meets it."""
    root = Path(generator.path)
    for content in contents:
        folder = os.path.relpath(os.path.dirname(content.source_path), root).replace(os.sep, "/")
        for link in broken_links(content._content or "", folder, root):
            log.warning(
                "%s: the link '%s' names no file in the content folder; check the name (a path"
                " starting with / starts from the content folder, any other from this file's)",
                shown_path(content.source_path),
                link,
            )


def project_root(settings: dict[str, Any]) -> str:
    """The project folder: the one that holds the content folder."""
    return os.path.dirname(os.path.realpath(settings["PATH"]))


def outside_project(path: str, settings: dict[str, Any]) -> bool:
    """Whether PATH (a link, perhaps) leads to a file outside the project folder."""
    root = project_root(settings)
    return os.path.commonpath([os.path.realpath(path), root]) != root


def leave_out_outside_links(generator: Any) -> None:
    """Never publish a file that a link in content/ fetches from outside the project."""
    kept = []
    for static in generator.staticfiles:
        if outside_project(static.source_path, generator.settings):
            log.error(
                "%s: is a link to a file outside the project, which is never published;"
                " copy the file itself into the content folder",
                shown_path(static.source_path),
            )
            generator.context.get("static_content", {}).pop(static.get_relative_source_path(), None)
        else:
            kept.append(static)
    generator.staticfiles = kept


def keep_going_writer(pelican: Any) -> type[KeepGoingWriter]:
    """Write pages with the writer that lets one broken page fail alone."""
    return KeepGoingWriter


def read_articles_ahead(generator: Any) -> None:
    """Read the article files on every core before Pelican reads them one by one."""
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    read_ahead(generator, files, "articles")


def register() -> None:
    """Connect the handlers."""
    declare_fields(*HUB_FIELDS)
    signals.get_writer.connect(keep_going_writer)
    signals.readers_init.connect(use_checked_reader)
    signals.article_generator_init.connect(read_articles_ahead)
    signals.article_generator_context.connect(check_article)
    signals.page_generator_context.connect(check_page)
    signals.article_generator_finalized.connect(add_reading_time)
    signals.page_generator_finalized.connect(check_pages)
    signals.static_generator_finalized.connect(leave_out_outside_links)
