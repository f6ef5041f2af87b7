"""The email digest: the newest articles and their things, ready for a newsletter tool."""

from .plugin import register

__all__ = ["register"]
