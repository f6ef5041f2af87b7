"""Placeholder until the share_snippets plugin lands."""


def register() -> None:
    """Nothing yet."""
