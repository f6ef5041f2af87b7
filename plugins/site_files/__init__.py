"""Site files: template helpers and the files every site needs at its root."""

from .plugin import register

__all__ = ["register"]
