"""A Markdown reader that turns unreadable files and bad dates into one-line messages."""

from __future__ import annotations

import html
import logging
import os
from typing import Any

from pelican.readers import MarkdownReader, RstReader

from hub.dates import date_problem
from hub.messages import shown_path
from hub.starter import starter_left

from .names import field_label

log = logging.getLogger(__name__)

SKIP = {"status": "skip"}
# Pelican does not pass the file to its context signals: the reader hands it on in this key.
SOURCE_KEY = "hub_source_path"
# ...and the fields the file itself wrote, before Pelican adds its defaults.
WRITTEN_KEY = "hub_written_fields"


def unreadable(path: str) -> str | None:
    """Say why a file cannot be read as a writer's text, or None when it can."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return (
            f"the file is not UTF-8 text (unexpected byte at position {error.start});"
            " save it as UTF-8 in your editor"
        )
    if not text.strip("\ufeff \t\r\n"):
        return "the file is empty; write a header (Title, Date, Summary) and the text, or delete it"
    return None


class CheckedReading:
    """What the hub's readers share: files outside the project, unreadable files, dates."""

    settings: dict[str, Any]
    # The text format, for messages ("its Markdown").
    format_name = "text"

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Read a file, or log why not and ask Pelican to skip it quietly."""
        root = os.path.dirname(os.path.realpath(self.settings["PATH"]))
        if os.path.commonpath([os.path.realpath(source_path), root]) != root:
            log.error(
                "%s: is a link to a file outside the project, which is never read;"
                " copy the file itself into the content folder",
                shown_path(source_path),
            )
            return "", {**SKIP, SOURCE_KEY: source_path}
        try:
            problem = unreadable(source_path)
        except OSError:
            problem = "cannot be opened (a link to a file that is not there?); fix it or delete it"
        if problem:
            log.error("%s: %s", shown_path(source_path), problem)
            return "", {**SKIP, SOURCE_KEY: source_path}
        self._bad_fields: list[str] = []
        self._said: list[str] = []
        try:
            content, metadata = super().read(source_path)  # type: ignore[misc]
        except Exception as error:  # noqa: BLE001 - one unreadable file never stops the rest
            log.error(
                "%s: could not be read (%s); check its header lines and its %s",
                shown_path(source_path),
                " ".join(str(error).split()) or error.__class__.__name__,
                self.format_name,
            )
            return "", {**SKIP, SOURCE_KEY: source_path}
        for problem in self._bad_fields:
            log.error("%s: %s", shown_path(source_path), problem)
        if str(metadata.get("status", "")).lower() != "draft" and (
            left := starter_left(f"{content}\n{metadata.get('summary', '')}")
        ):
            # The draft `invoke new` wrote, published with its prompts still in it.
            self._said.append(
                f"still holds the starter text of `invoke new` (“{left}”); write your own"
                " words there before it is published"
            )
        for problem in self._said:
            log.warning("%s: %s", shown_path(source_path), problem)
        metadata = dict(SKIP) if self._bad_fields else metadata
        return content, {**metadata, SOURCE_KEY: source_path, WRITTEN_KEY: frozenset(metadata)}

    def process_metadata(self, name: str, value: Any) -> Any:
        """Process one field; a date in any but the README's forms is remembered, not guessed."""
        if name in ("date", "modified") and (problem := date_problem(name.title(), value)):
            self._bad_fields.append(problem)
            return value
        return super().process_metadata(name, value)  # type: ignore[misc]


class CheckedRstReader(CheckedReading, RstReader):
    """Pelican's reStructuredText reader, with mistakes reported in the writer's terms."""

    format_name = "reStructuredText"


class CheckedMarkdownReader(CheckedReading, MarkdownReader):
    """Pelican's Markdown reader, with mistakes reported in the writer's terms."""

    format_name = "Markdown"

    def _parse_metadata(self, meta: dict[str, list[str]]) -> dict[str, Any]:
        """Read the header, with raw HTML in formatted fields (Summary) kept as text."""
        formatted = {name.lower() for name in self.settings["FORMATTED_FIELDS"]}
        tidy: dict[str, list[str]] = {}
        for name, lines in meta.items():
            if name.lower() in formatted:
                # Markdown emphasis still works; a tag typed into the header is shown, never run.
                tidy[name] = [html.escape(line, quote=False) for line in lines]
            elif len(lines) > 1:
                # Two lines for one field (written twice, or wrapped): Pelican would choke on it.
                self._said.append(
                    f"{field_label(name)} is written twice in the header (or wraps onto a"
                    " second line); keep one line (the first one is used)"
                )
                tidy[name] = lines[:1]
            else:
                tidy[name] = lines
        return super()._parse_metadata(tidy)
