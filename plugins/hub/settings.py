"""Declare a plugin's settings once, as a frozen dataclass with defaults."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def settings_from(cls: type[T], prefix: str, settings: dict[str, Any]) -> T:
    """Build a settings dataclass from Pelican settings named PREFIX_FIELD."""
    given = {
        f.name: settings[key]
        for f in fields(cls)  # type: ignore[arg-type]
        if (key := f"{prefix}_{f.name.upper()}") in settings
    }
    return cls(**given)


def metadata_or_setting(content: Any, key: str, settings: dict[str, Any], setting: str) -> Any:
    """Article metadata beats the site setting: the one way a writer changes one article."""
    value = getattr(content, key, None)
    if value not in (None, ""):
        return value
    return settings.get(setting)


def known_settings_from(cls: type[T], prefix: str, settings: dict[str, Any]) -> T:
    """settings_from, refusing PREFIX_ names the dataclass does not declare (likely typos)."""
    known = {f"{prefix}_{f.name.upper()}" for f in fields(cls)}  # type: ignore[arg-type]
    ours = (key for key in settings if key.startswith(f"{prefix}_"))
    if unknown := sorted(key for key in ours if key not in known):
        raise ValueError(
            f"{', '.join(unknown)}: unknown setting; known: {', '.join(sorted(known))}"
        )
    return settings_from(cls, prefix, settings)
