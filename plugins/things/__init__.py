"""Things: an article's level-2 sections, each with a stable anchor."""

from .plugin import register

__all__ = ["register"]
