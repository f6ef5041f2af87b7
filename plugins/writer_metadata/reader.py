"""A Markdown reader that turns unreadable files and bad dates into one-line messages."""

from __future__ import annotations

import logging
from typing import Any

from pelican.readers import MarkdownReader

from hub.messages import shown_path

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


class CheckedMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with mistakes reported in the writer's terms."""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Read a file, or log why not and ask Pelican to skip it quietly."""
        if problem := unreadable(source_path):
            log.error("%s: %s", shown_path(source_path), problem)
            return "", {**SKIP, SOURCE_KEY: source_path}
        self._bad_fields: list[tuple[str, str]] = []
        content, metadata = super().read(source_path)
        for name, value in self._bad_fields:
            log.error(
                "%s: %s '%s' is not a date; write it as 2026-09-14 or 2026-09-14 09:00",
                shown_path(source_path),
                name.title(),
                value,
            )
        metadata = dict(SKIP) if self._bad_fields else metadata
        return content, {**metadata, SOURCE_KEY: source_path, WRITTEN_KEY: frozenset(metadata)}

    def process_metadata(self, name: str, value: Any) -> Any:
        """Process one field; remember a date that does not parse instead of raising."""
        try:
            return super().process_metadata(name, value)
        except ValueError:
            if name not in ("date", "modified"):
                raise
            self._bad_fields.append((name, value))
            return value
