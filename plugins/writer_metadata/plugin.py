"""Pelican glue for writer metadata: the checked reader, field checks, reading time."""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican import signals
from pelican.utils import slugify

from hub.messages import shown_path
from hub.parallel import read_ahead
from hub.text import word_count

from .fields import Problem, missing_fields, normalise, reading_minutes
from .reader import SKIP, SOURCE_KEY, WRITTEN_KEY, CheckedMarkdownReader

log = logging.getLogger(__name__)


def use_checked_reader(readers: Any) -> None:
    """Read Markdown with the reader that explains mistakes."""
    for extension in CheckedMarkdownReader.file_extensions:
        readers.reader_classes[extension] = CheckedMarkdownReader


def expected_slug(metadata: dict[str, Any], path: str, settings: dict[str, Any]) -> str:
    """Work out the slug Pelican will give this content, as Pelican does."""
    if metadata.get("slug"):
        return str(metadata["slug"])
    if settings["SLUGIFY_SOURCE"] == "basename":
        source = os.path.splitext(os.path.basename(path))[0]
    else:
        source = str(metadata.get("title", ""))
    return slugify(
        source,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def check_fields(generator: Any, metadata: dict[str, Any], kind: str) -> None:
    """Report every mistake in one file's header; skip the file when it cannot be built."""
    source = metadata.pop(SOURCE_KEY, None)
    written = metadata.pop(WRITTEN_KEY, None)
    if metadata.get("status") == SKIP["status"]:
        return
    path = shown_path(source) if source else repr(metadata.get("title", "(untitled)"))
    problems = missing_fields(metadata, kind, written) + normalise(metadata)
    fatal = any(problem.fatal for problem in problems)
    if not fatal:
        problems += claim_slug(generator, metadata, path)
    for problem in problems:
        log.error("%s: %s", path, problem.text)
    if any(problem.fatal for problem in problems):
        metadata.update(SKIP)


def claim_slug(generator: Any, metadata: dict[str, Any], path: str) -> list[Problem]:
    """Record this file's address; a second file with the same one is a mistake."""
    # Articles and pages share one address space, so the register lives in the shared context.
    claimed = generator.context.setdefault("hub_claimed_slugs", {})
    key = (expected_slug(metadata, path, generator.settings), metadata.get("lang"))
    owner = claimed.setdefault(key, path)
    if owner == path:
        return []
    text = (
        f"Slug '{key[0]}' is already used by {owner}; give one of them"
        " a different title or its own 'Slug:' line"
    )
    return [Problem("Slug", text, fatal=True)]


def check_article(generator: Any, metadata: dict[str, Any]) -> None:
    """Check an article's header."""
    check_fields(generator, metadata, "article")


def check_page(generator: Any, metadata: dict[str, Any]) -> None:
    """Check a page's header."""
    check_fields(generator, metadata, "page")


def add_reading_time(generator: Any) -> None:
    """Give every article its reading time in minutes."""
    for article in generator.articles + generator.drafts + generator.hidden_articles:
        article.reading_time = reading_minutes(word_count(article._content or ""))


def read_articles_ahead(generator: Any) -> None:
    """Read the article files on every core before Pelican reads them one by one."""
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    read_ahead(generator, files, "articles")


def register() -> None:
    """Connect the handlers."""
    signals.readers_init.connect(use_checked_reader)
    signals.article_generator_init.connect(read_articles_ahead)
    signals.article_generator_context.connect(check_article)
    signals.page_generator_context.connect(check_page)
    signals.article_generator_finalized.connect(add_reading_time)
