"""Pelican glue for share snippets: add the generator that composes and writes them."""

from __future__ import annotations

from typing import Any

from pelican import signals

from .generator import ShareKitGenerator


def add_share_kit_generator(pelican: Any) -> type[ShareKitGenerator]:
    """Add the generator that composes snippets and writes output/share/."""
    return ShareKitGenerator


def register() -> None:
    """Connect the handlers."""
    signals.get_generators.connect(add_share_kit_generator)
