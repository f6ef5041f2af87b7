"""Link previews: share links, Open Graph and JSON-LD meta, and a social card per article."""

from .plugin import register

__all__ = ["register"]
