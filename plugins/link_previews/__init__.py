"""Placeholder until the link_previews plugin lands."""


def register() -> None:
    """Nothing yet."""
