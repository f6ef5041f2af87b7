"""Writer metadata: check each article's header and explain every mistake in one line."""

from .plugin import register

__all__ = ["register"]
