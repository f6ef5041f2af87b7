"""Placeholder until the nurture plugin lands."""


def register() -> None:
    """Nothing yet."""
