"""The reader's language: the theme's words and dates in the site's (or the page's) language."""

from .plugin import register

__all__ = ["register"]
