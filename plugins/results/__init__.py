"""What's working: the results a writer brings back, counted per article, post and network."""

from .plugin import register

__all__ = ["register"]
