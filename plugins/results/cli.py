"""`invoke results [FILE ...]`: build with the results, then show "What's working"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pelican import signals

from hub.build import build

from .plugin import SUMMARY_KEY
from .summary import summary_text

NOTHING = (
    "No results yet: put your exports in results/ (or name one: invoke results --file FILE);"
    " the README's section See what's working lists the files it reads"
)


def results(
    settings_file: str | Path,
    output: str | Path,
    files: Sequence[str] = (),
    *,
    overrides: dict[str, Any] | None = None,
    echo: Callable[[str], None] = print,
) -> tuple[bool, dict[str, Any] | None]:
    """Build into OUTPUT (which writes share/results.html and .json) and echo the table.

    Returns whether the build worked, and the summary (None when no results came back)."""
    seen: list[Any] = []

    def remember(generators: list[Any]) -> None:
        # The summary is put in the shared context later, as the page is written: read it after.
        seen.extend(generators)

    signals.all_generators_finalized.connect(remember)
    given = {"RESULTS_FILES": tuple(files)} if files else {}
    try:
        report = build(settings_file, output, overrides={**(overrides or {}), **given}, echo=echo)
    finally:
        signals.all_generators_finalized.disconnect(remember)
    found = next((g.context[SUMMARY_KEY] for g in seen if SUMMARY_KEY in g.context), None)
    echo(summary_text(found) if found is not None else NOTHING)
    echo(report.summary())
    return report.ok, found
