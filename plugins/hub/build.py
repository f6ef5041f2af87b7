"""Run a Pelican build safely: into a temporary folder, swapped in only when it succeeds."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.log import LimitFilter, console
from pelican.settings import read_settings


@dataclass
class BuildReport:
    """What a build made and what it had to say."""

    output: Path
    strict: bool
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the build may replace the last good output."""
        return not self.errors and not (self.strict and self.warnings)

    def summary(self) -> str:
        """One line for the end of a build."""
        made = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        verdict = "Built" if self.ok else "Build failed, output left as it was:"
        problems = f"{len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
        if self.errors:
            problems += f", {len(self.errors)} error{'s' if len(self.errors) != 1 else ''}"
        return f"{verdict} {made} in {self.seconds:.1f} s, {problems}"


class _Collector(logging.Handler):
    """Keeps every warning and error a build logs, as one line each."""

    def __init__(self, report: BuildReport, echo: Callable[[str], None] | None) -> None:
        super().__init__(level=logging.WARNING)
        self.report = report
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        line = " ".join(self.format(record).split())
        kept = self.report.errors if record.levelno >= logging.ERROR else self.report.warnings
        kept.append(line)
        if self.echo:
            label = "error" if record.levelno >= logging.ERROR else "warning"
            self.echo(f"{label}: {line}")


def count_outputs(generators: Iterable[Any]) -> dict[str, int]:
    """Count what the generators made: articles, pages, and snippets when present."""
    counts = {"articles": 0, "pages": 0}
    snippets = 0
    for generator in generators:
        articles = getattr(generator, "articles", None)
        if articles is not None:
            counts["articles"] += len(articles)
            snippets += sum(len(getattr(article, "snippets", ())) for article in articles)
        counts["pages"] += len(getattr(generator, "pages", ()))
    if snippets:
        counts["snippets"] = snippets
    return counts


def forget_logged_messages() -> None:
    """Let Pelican log again what an earlier build in this process already logged."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def replace_folder(new: Path, target: Path) -> None:
    """Put NEW where TARGET is, keeping TARGET whole until NEW is in place."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build(
    settings_file: str | Path,
    output: str | Path,
    *,
    strict: bool = False,
    overrides: dict[str, Any] | None = None,
    echo: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build the site into OUTPUT; a failed build leaves OUTPUT exactly as it was."""
    output = Path(output).resolve()
    report = BuildReport(output=output, strict=strict)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    collector = _Collector(report, echo)
    root = logging.getLogger()
    root.addHandler(collector)
    forget_logged_messages()

    def capture(generators: list[Any]) -> None:
        report.counts = count_outputs(generators)

    signals.all_generators_finalized.connect(capture)
    # Pelican prints its own tally; the report's summary replaces it.
    was_quiet, console.quiet = console.quiet, True
    started = time.perf_counter()
    try:
        settings = read_settings(str(settings_file), override=overrides or {})
        settings["OUTPUT_PATH"] = str(staging)
        Pelican(settings).run()
    except Exception as error:  # noqa: BLE001 - a template or settings failure ends the build
        message = str(error) or error.__class__.__name__
        report.errors.append(message)
        if echo:
            echo(f"error: {message}")
    finally:
        report.seconds = time.perf_counter() - started
        console.quiet = was_quiet
        signals.all_generators_finalized.disconnect(capture)
        root.removeHandler(collector)
    if report.ok:
        replace_folder(staging, output)
    else:
        shutil.rmtree(staging, ignore_errors=True)
    return report
