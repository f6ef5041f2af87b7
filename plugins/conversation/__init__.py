"""Placeholder until the conversation plugin lands."""


def register() -> None:
    """Nothing yet."""
