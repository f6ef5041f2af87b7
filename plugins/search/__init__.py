"""Site search: a Pagefind index of the articles and pages, and the search page."""

from .plugin import register

__all__ = ["register"]
