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

from hub.messages import plural, shown_path
from hub.progress import Progress


@dataclass
class BuildReport:
    """What a build made and what it had to say."""

    output: Path
    strict: bool
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Things the writer should know that fail nothing (hub.messages.NOTE).
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    # Written file (relative to the output) -> the writer's source file, for messages.
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the build may replace the last good output."""
        return not self.errors and not (self.strict and self.warnings)

    def summary(self) -> str:
        """One line for the end of a build."""
        # Counts are keyed by plural nouns ("articles"); one of a kind reads "1 article".
        made = ", ".join(plural(n, noun.removesuffix("s")) for noun, n in self.counts.items())
        verdict = "Built" if self.ok else "Build failed, output left as it was:"
        problems = plural(len(self.warnings), "warning")
        if self.errors:
            problems += f", {plural(len(self.errors), 'error')}"
        return f"{verdict} {made or 'nothing'} in {self.seconds:.1f} s, {problems}"


class _Collector(logging.Handler):
    """Keeps every warning and error a build logs, as one line each."""

    def __init__(self, report: BuildReport, echo: Callable[[str], None] | None) -> None:
        super().__init__(level=logging.WARNING)
        self.report = report
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        line = " ".join(self.format(record).split())
        if getattr(record, "hub_note", False):
            kept, label = self.report.notes, "note"
        elif record.levelno >= logging.ERROR:
            kept, label = self.report.errors, "error"
        else:
            kept, label = self.report.warnings, "warning"
        kept.append(line)
        if self.echo:
            self.echo(f"{label}: {line}")


def count_outputs(generators: Iterable[Any]) -> dict[str, int]:
    """Count what the generators made: articles, pages, snippets and written drafts if any."""
    counts = {"articles": 0, "pages": 0, "snippets": 0, "drafts": 0}
    for generator in generators:
        articles = getattr(generator, "articles", None)
        if articles is not None:
            counts["articles"] += len(articles)
            counts["snippets"] += sum(getattr(article, "snippet_count", 0) for article in articles)
            # Drafts count only when written (previews); builds to publish leave them out.
            if generator.settings.get("DRAFT_SAVE_AS"):
                counts["drafts"] += len(generator.drafts)
        counts["pages"] += len(getattr(generator, "pages", ()))
    return {noun: n for noun, n in counts.items() if n or noun in ("articles", "pages")}


def source_files(generators: Iterable[Any]) -> dict[str, str]:
    """Map each written article, draft and page to the file it came from."""
    sources = {}
    for generator in generators:
        for kind in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages"):
            for content in getattr(generator, kind, ()):
                if content.save_as and content.source_path:
                    sources[content.save_as] = shown_path(content.source_path)
    return sources


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
    progress: Progress | None = None,
) -> BuildReport:
    """Build the site into OUTPUT; a failed build leaves OUTPUT exactly as it was."""
    output = Path(output).resolve()
    report = BuildReport(output=output, strict=strict)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    if progress and echo:
        echo = _clearing(progress, echo)
    collector = _Collector(report, echo)
    root = logging.getLogger()
    root.addHandler(collector)
    forget_logged_messages()

    def capture(generators: list[Any]) -> None:
        report.counts = count_outputs(generators)
        report.sources = source_files(generators)

    signals.all_generators_finalized.connect(capture)
    handlers = _progress_handlers(progress) if progress else {}
    for signal, handler in handlers.items():
        signal.connect(handler)
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
        for signal, handler in handlers.items():
            signal.disconnect(handler)
        if progress:
            progress.finish()
        root.removeHandler(collector)
    if report.ok:
        replace_folder(staging, output)
    else:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _progress_handlers(progress: Progress) -> dict[Any, Callable[..., None]]:
    """Signal handlers that count articles as Pelican reads them (connected for one build)."""

    def start(generator: Any) -> None:
        settings = generator.settings
        progress.start(
            len(generator.get_files(settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"]))
        )

    def advance(generator: Any, metadata: dict[str, Any]) -> None:
        progress.advance()

    def finish(generator: Any) -> None:
        progress.finish()

    return {
        signals.article_generator_init: start,
        signals.article_generator_context: advance,
        signals.article_generator_pretaxonomy: finish,
    }


def _clearing(progress: Progress, echo: Callable[[str], None]) -> Callable[[str], None]:
    """Echo that first wipes a progress line, so each warning stays on a line of its own."""

    def echo_line(line: str) -> None:
        progress.clear()
        echo(line)

    return echo_line
