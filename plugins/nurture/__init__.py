"""Nurture: one gentle call to action per article, a "Read next" path and a content report."""

from .plugin import register

__all__ = ["register"]
