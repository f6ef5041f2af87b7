"""How the hub names a writer's file in a message."""

from __future__ import annotations

import os


def shown_path(path: str) -> str:
    """Return PATH relative to the working folder when it lies inside it, else as given."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")
