"""Optional cookie-free analytics on reader pages, and "Was this helpful?" at each article's end."""

from .plugin import register

__all__ = ["register"]
