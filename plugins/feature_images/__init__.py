"""Feature images: an article's `Image:` on its page and cards, in sizes made when building."""

from .plugin import register

__all__ = ["register"]
