"""Share snippets: per-network social posts for every article, the share kit and its exports."""

from .plugin import register

__all__ = ["register"]
