"""Feeds for readers and tools: Atom feeds with absolute links, and the social feed."""

from .plugin import register

__all__ = ["register"]
