"""`invoke report`: build the site, then show the content-health report in the terminal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican import signals

from hub.build import BuildReport, build

from .generator import REPORT_KEY
from .report import HealthReport, report_text


def report(
    settings_file: str | Path,
    output: str | Path,
    *,
    overrides: dict[str, Any] | None = None,
    echo: Callable[[str], None] = print,
) -> HealthReport | None:
    """Build into OUTPUT (which also writes share/report.html) and echo the report's table."""
    return build_and_report(settings_file, output, overrides=overrides, echo=echo)[0]


def build_and_report(
    settings_file: str | Path,
    output: str | Path,
    *,
    overrides: dict[str, Any] | None = None,
    echo: Callable[[str], None] = print,
) -> tuple[HealthReport | None, BuildReport]:
    """report(), with the build's own report: `invoke report` fails when the build did."""
    seen: list[Any] = []

    def remember(generators: list[Any]) -> None:
        # The plugin fills the shared context later in this same signal: read it after the build.
        seen.extend(generators)

    signals.all_generators_finalized.connect(remember)
    try:
        result = build(settings_file, output, overrides=overrides, echo=echo)
    finally:
        signals.all_generators_finalized.disconnect(remember)
    found = next((g.context[REPORT_KEY] for g in seen if REPORT_KEY in g.context), None)
    if found is not None:
        echo(report_text(found))
    echo(result.summary())
    return found, result
