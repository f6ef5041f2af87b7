"""Conversation: a questions-and-comments section on every article, privacy first."""

from .plugin import register

__all__ = ["register"]
