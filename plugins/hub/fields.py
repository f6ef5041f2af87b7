"""The header fields the enabled plugins read: each plugin declares its own when it registers."""

from __future__ import annotations

_DECLARED: set[str] = set()


def declare_fields(*names: str) -> None:
    """Record header fields (lower case, as Pelican keeps them) a plugin reads."""
    _DECLARED.update(name.lower() for name in names)


def declared_fields() -> frozenset[str]:
    """Every header field some registered plugin reads."""
    return frozenset(_DECLARED)
