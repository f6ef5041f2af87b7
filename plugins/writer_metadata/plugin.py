"""Pelican glue for writer metadata: the checked reader, field checks, reading time."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import slugify

from hub.fields import declare_fields, declared_fields
from hub.messages import shown_path
from hub.text import word_count
from hub.writing import KeepGoingWriter

from .fields import Problem, missing_fields, normalise, reading_minutes
from .links import broken_links
from .names import (
    HUB_FIELDS,
    HUB_FOLDERS,
    OTHER_PLUGIN_FIELDS,
    PELICAN_FIELDS,
    SLUG_MAX_BYTES,
    closest,
    control_characters,
    field_label,
    reserved_problem,
    shorten_slug,
    slug_problem,
)
from .reader import SKIP, SOURCE_KEY, WRITTEN_KEY, CheckedMarkdownReader, CheckedRstReader

log = logging.getLogger(__name__)

# Context key: the slugs of files skipped for a mistake already reported (plugins/README.md).
SKIPPED_SLUGS = "hub_skipped_slugs"
# Header fields a reader sees as text: control characters in them are mistakes.
TEXT_FIELDS = ("title", "summary", "question", "share", "category", "image-alt")


def use_checked_reader(readers: Any) -> None:
    """Read Markdown with the reader that explains mistakes."""
    for reader in (CheckedMarkdownReader, CheckedRstReader):
        if reader.enabled:
            for extension in reader.file_extensions:
                readers.reader_classes[extension] = reader


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


def hub_folders(settings: dict[str, Any]) -> tuple[str, ...]:
    """The folders the site's own pages and files live in, which no slug may take."""
    static = [str(folder).strip("/").split("/")[0] for folder in settings.get("STATIC_PATHS", [])]
    return (*HUB_FOLDERS, str(settings.get("THEME_STATIC_DIR", "theme")), *static)


def known_fields(settings: dict[str, Any]) -> frozenset[str]:
    """Every field Pelican, the hub or an enabled plugin reads."""
    enabled = {str(name).rsplit(".", 1)[-1] for name in settings.get("PLUGINS") or ()}
    others = {field for name in enabled for field in OTHER_PLUGIN_FIELDS.get(name, ())}
    return frozenset(PELICAN_FIELDS) | declared_fields() | others


def field_problems(
    metadata: dict[str, Any],
    kind: str,
    written: frozenset[str] | None,
    settings: dict[str, Any],
    rst: bool = False,
) -> list[Problem]:
    """Missing and unknown fields; a missing field with a near-miss present says so."""
    missing = missing_fields(metadata, kind, written, rst)
    known = known_fields(settings)
    unknown = sorted(set(written or ()) - known - {SOURCE_KEY, WRITTEN_KEY})
    problems = []
    for problem in missing:
        typo = closest(problem.field, unknown)
        if typo:
            unknown.remove(typo)
            text = (
                f"{field_label(problem.field)} is missing; `{field_label(typo)}` looks like"
                f" a typo of it: write '{field_label(problem.field)}:'"
            )
            problem = Problem(problem.field, text, fatal=problem.fatal)
        problems.append(problem)
    for name in unknown:
        guess = closest(name, known)
        hint = (
            f"did you mean `{field_label(guess)}`?"
            if guess
            else "check its spelling, or delete the line (README.md lists the fields)"
        )
        problems.append(
            Problem(name, f"`{field_label(name)}` is not a field; {hint}", warning=True)
        )
    return problems


def text_problems(metadata: dict[str, Any]) -> list[Problem]:
    """Control characters (a NUL, an escape) in fields a reader sees; they are taken out."""
    problems = []
    for name in TEXT_FIELDS:
        value = metadata.get(name)
        found = control_characters(str(value)) if value is not None else []
        if not found:
            continue
        if isinstance(value, str):
            metadata[name] = "".join(char for char in value if f"U+{ord(char):04X}" not in found)
        problems.append(
            Problem(
                name,
                f"{field_label(name)} holds an invisible control character ({', '.join(found)});"
                " retype the line without it",
            )
        )
    return problems


def tag_problems(metadata: dict[str, Any]) -> list[Problem]:
    """Tags that cannot make an address are left out with a warning; such a Category is an error."""
    problems, kept = [], []
    for tag in metadata.get("tags") or []:
        slug = str(getattr(tag, "slug", tag))
        if slug and len(slug.encode("utf-8")) <= SLUG_MAX_BYTES:
            kept.append(tag)
            continue
        why = "has no letter or digit to make" if not slug else "is too long for"
        problems.append(
            Problem(
                "Tags",
                f"Tag '{tag}' {why} its address (/tags/.../); write it in a few words,"
                " like 'Tags: beans, budget'",
                warning=True,
            )
        )
    if problems:
        metadata["tags"] = kept
    category = metadata.get("category")
    slug = str(getattr(category, "slug", "x"))
    if category is not None and (not slug or len(slug.encode("utf-8")) > SLUG_MAX_BYTES):
        why = "has no letter or digit to make" if not slug else "is too long for"
        text = (
            f"Category '{category}' {why} its address (/topics/.../); write it in a few"
            " words, like 'Category: Cupboard staples'"
        )
        problems.append(Problem("Category", text, fatal=True))
    return problems


def address_problems(
    metadata: dict[str, Any], written: frozenset[str] | None, path: str, settings: dict[str, Any]
) -> list[Problem]:
    """A writer's Slug that cannot be an address; a title whose address is too long or taken."""
    reserved = hub_folders(settings)
    if metadata.get("slug") and (written is None or "slug" in written):
        text = slug_problem(str(metadata["slug"]), reserved)
        return [Problem("Slug", text, fatal=True)] if text else []
    slug = expected_slug(metadata, path, settings)
    if not slug:
        text = "Title has no letter or digit to make an address from; add a line 'Slug: my-article'"
        return [Problem("Slug", text, fatal=True)]
    if reserved_problem(slug, reserved):
        text = (
            f"Title makes the address /{slug}/, which is the hub's own folder;"
            f" add a line 'Slug: my-{slug}'"
        )
        return [Problem("Slug", text, fatal=True)]
    if len(slug.encode("utf-8")) <= SLUG_MAX_BYTES:
        return []
    short = shorten_slug(slug)
    metadata["slug"] = short
    text = (
        f"Title makes an address of {len(slug.encode('utf-8'))} bytes, more than the"
        f" {SLUG_MAX_BYTES} an address may take; it is shortened to /{short}/:"
        " add a line 'Slug: ' with a few words of your own to choose it"
    )
    return [Problem("Slug", text, warning=True)]


def check_fields(generator: Any, metadata: dict[str, Any], kind: str) -> None:
    """Report every mistake in one file's header; skip the file when it cannot be built."""
    source = metadata.pop(SOURCE_KEY, None)
    written = metadata.pop(WRITTEN_KEY, None)
    if metadata.get("status") == SKIP["status"]:
        return
    path = shown_path(source) if source else repr(metadata.get("title", "(untitled)"))
    rst = bool(source) and source.lower().endswith((".rst", ".rest"))
    problems = field_problems(metadata, kind, written, generator.settings, rst)
    problems += normalise(metadata)
    problems += text_problems(metadata) + tag_problems(metadata)
    if not any(problem.fatal for problem in problems):
        problems += address_problems(metadata, written, path, generator.settings)
    if not any(problem.fatal for problem in problems):
        problems += claim_slug(generator, metadata, path)
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
    """Give every article its reading time in minutes, and check its links to other files."""
    for article in generator.articles + generator.drafts + generator.hidden_articles:
        article.reading_time = reading_minutes(word_count(article._content or ""))
    check_links(generator.articles + generator.drafts + generator.hidden_articles, generator)


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


def register() -> None:
    """Connect the handlers."""
    declare_fields(*HUB_FIELDS)
    signals.get_writer.connect(keep_going_writer)
    signals.readers_init.connect(use_checked_reader)
    signals.article_generator_context.connect(check_article)
    signals.page_generator_context.connect(check_page)
    signals.article_generator_finalized.connect(add_reading_time)
    signals.page_generator_finalized.connect(check_pages)
    signals.static_generator_finalized.connect(leave_out_outside_links)
