"""How the hub names a writer's file in a message."""

from __future__ import annotations

import os

# `logger.warning(..., extra=NOTE)`: shown to the writer as a note, never failing a build (a
# missing optional tool); plain Pelican shows it as a warning.
NOTE = {"hub_note": True}


def shown_path(path: str) -> str:
    """Return PATH relative to the working folder when it lies inside it, else as given."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def plural(count: int, noun: str) -> str:
    """'1 article', '2 articles': a count and its noun for one-line reports."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
