"""Run a Pelican build safely: into a temporary folder, swapped in only when it succeeds."""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.log import LimitFilter, console
from pelican.settings import read_settings

from hub.caches import PELICAN_UNPICKLE, damaged_line, damaged_pelican_cache, drop_entry
from hub.faults import (
    copy_failure,
    fault_line,
    is_write_fault,
    leftovers,
    make_readable,
    mount_point_line,
    remove_tree,
    replace_refused,
)
from hub.messages import plural, shown_path
from hub.pelican_messages import Places, writer_words
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
    # The settings file (site.yml, pelicanconf.py) whose mistake stopped the build before it
    # began; empty when the build ran.
    stopped_by: str = ""

    def error(self, line: str, echo: Callable[[str], None] | None) -> None:
        """Keep LINE as an error, and show it when the build echoes."""
        self.errors.append(line)
        if echo:
            echo(f"error: {line}")

    def warning(self, line: str, echo: Callable[[str], None] | None) -> None:
        """Keep LINE as a warning, and show it when the build echoes."""
        self.warnings.append(line)
        if echo:
            echo(f"warning: {line}")

    @property
    def ok(self) -> bool:
        """True when the build may replace the last good output."""
        return not self.errors and not (self.strict and self.warnings)

    def summary(self) -> str:
        """One line for the end of a build."""
        if self.stopped_by:
            return (
                f"Build stopped before it began, because of the mistake in {self.stopped_by}"
                " above: fix it and build again (the output was left as it was)"
            )
        # Counts are keyed by plural nouns ("articles"); one of a kind reads "1 article".
        made = ", ".join(plural(n, noun.removesuffix("s")) for noun, n in self.counts.items())
        verdict = "Built" if self.ok else "Build failed, output left as it was:"
        problems = plural(len(self.warnings), "warning")
        if self.errors:
            problems += f", {plural(len(self.errors), 'error')}"
        return f"{verdict} {made or 'nothing'} in {self.seconds:.1f} s, {problems}"


class _Collector(logging.Handler):
    """Keeps every warning and error a build logs, as one line each."""

    def __init__(
        self, report: BuildReport, echo: Callable[[str], None] | None, staging: Path
    ) -> None:
        super().__init__(level=logging.WARNING)
        self.report = report
        self.echo = echo
        self.staging = staging
        # Set once the settings are read: where the content and the staging folder are.
        self.places = Places(content=os.getcwd())

    def emit(self, record: logging.LogRecord) -> None:
        if problem := copy_failure(record):
            # A file missing from the site is an error, whatever level Pelican gave it.
            self.report.error(fault_line(problem, self.staging, self.report.output), self.echo)
            return
        if str(record.msg).startswith(PELICAN_UNPICKLE) and isinstance(record.args, tuple):
            self.report.warning(damaged_line(record.args[0]), self.echo)
            return
        line = writer_words(
            self.format(record), self.places, self.report.errors + self.report.warnings
        )
        if line is None:
            return
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
    counts = {"articles": 0, "translations": 0, "pages": 0, "snippets": 0, "drafts": 0}
    for generator in generators:
        # Pelican's published translations (an article or page in another Lang, same Slug).
        translations = getattr(generator, "translations", ())
        counts["translations"] += len(translations)
        articles = getattr(generator, "articles", None)
        if articles is not None:
            counts["articles"] += len(articles)
            counts["snippets"] += sum(
                getattr(article, "snippet_count", 0) for article in [*articles, *translations]
            )
            # Drafts count only when written (previews); builds to publish leave them out.
            if generator.settings.get("DRAFT_SAVE_AS"):
                counts["drafts"] += len(generator.drafts)
        counts["pages"] += len(getattr(generator, "pages", ()))
    return {noun: n for noun, n in counts.items() if n or noun in ("articles", "pages")}


# Every list of written content a generator keeps, translations (Pelican's own lists) too.
CONTENT_KINDS = (
    "articles", "translations", "drafts", "drafts_translations", "hidden_articles",
    "hidden_translations", "pages", "hidden_pages", "draft_translations",
)  # fmt: skip


def source_files(generators: Iterable[Any]) -> dict[str, str]:
    """Map each written article, draft and page to the file it came from."""
    sources = {}
    for generator in generators:
        for kind in CONTENT_KINDS:
            for content in getattr(generator, kind, ()):
                if content.save_as and content.source_path:
                    sources[content.save_as] = shown_path(content.source_path)
    return sources


def forget_logged_messages() -> None:
    """Let Pelican log again what an earlier build in this process already logged."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


# Folders a build leaves beside output/ while it runs, each named with its process id.
STAGING = ("building", "old", "publish")


# Old outputs being removed on a thread after a preview build put its new one in place.
_REMOVING: list[threading.Thread] = []


def replace_folder(new: Path, target: Path, *, remove_later: bool = False) -> None:
    """Put NEW where TARGET is, keeping TARGET whole until NEW is in place; with REMOVE_LATER
    the old one is deleted on a thread, so the new site is served at once."""
    old = None
    if target.exists():
        # Its own name each time: the last preview build's old output may still be going.
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-", dir=target.parent))
        try:
            os.replace(target, old)
        except OSError:
            old.rmdir()
            raise
    try:
        os.replace(new, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is None:
        return
    if remove_later:
        # A thread, not a process: the folder outlives a stopped preview and the next build
        # (of another process) tidies it, as it tidies a killed build's folders.
        removing = threading.Thread(target=remove_tree, args=(old,), daemon=True)
        removing.start()
        _REMOVING.append(removing)
    else:
        remove_tree(old)


def finish_removals() -> None:
    """Wait until the old outputs being removed are gone."""
    while _REMOVING:
        _REMOVING.pop().join()


def tidy_leftovers(output: Path) -> None:
    """Remove the staging folders that builds killed half-way left beside OUTPUT."""
    for leftover in leftovers(output, STAGING):
        remove_tree(leftover)


def staging_folder(output: Path, kind: str) -> Path:
    """A new empty folder beside OUTPUT for a build to fill, named so a later build can tidy it."""
    # The disk does one thing at a time best: the last old output goes before the next build.
    finish_removals()
    tidy_leftovers(output)
    return Path(tempfile.mkdtemp(prefix=f".{output.name}.{kind}-{os.getpid()}-", dir=output.parent))


def build(
    settings_file: str | Path,
    output: str | Path,
    *,
    strict: bool = False,
    overrides: dict[str, Any] | None = None,
    echo: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    remove_later: bool = False,
) -> BuildReport:
    """Build the site into OUTPUT; a failed build leaves OUTPUT exactly as it was (the old
    OUTPUT removed on a thread with REMOVE_LATER)."""
    output = Path(output).resolve()
    report = BuildReport(output=output, strict=strict)
    if os.path.ismount(output):
        report.error(mount_point_line(output), echo)
        return report
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = staging_folder(output, "building")
    except OSError as problem:
        report.error(fault_line(problem, output, output), echo)
        return report
    if progress and echo:
        echo = _clearing(progress, echo)
    collector = _Collector(report, echo, staging)
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
        _run_pelican(settings_file, overrides or {}, staging, report, echo, collector)
    # A settings file stops with SystemExit and one line (site.yml's mistakes, a missing SITEURL).
    except (Exception, SystemExit) as error:  # noqa: BLE001 - a template or settings failure
        if isinstance(error, OSError) and is_write_fault(error, staging):
            report.error(fault_line(error, staging, output), echo)
        else:
            report.error(collector.places.scrub(str(error) or error.__class__.__name__), echo)
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
        _swap_in(staging, report, echo, remove_later=remove_later)
    if staging.exists():
        remove_tree(staging)
    return report


def _run_pelican(
    settings_file: str | Path,
    overrides: dict[str, Any],
    staging: Path,
    report: BuildReport,
    echo: Callable[[str], None] | None,
    collector: _Collector,
) -> None:
    """Run Pelican into STAGING; a content cache it cannot read is dropped and the run repeated."""
    dropped: set[Path] = set()
    while True:
        try:
            settings = read_settings(str(settings_file), override=overrides)
        except (Exception, SystemExit) as error:
            report.stopped_by = settings_source(str(error), settings_file)
            raise
        settings["OUTPUT_PATH"] = str(staging)
        collector.places = Places(settings["PATH"], str(staging), report.output.name)
        try:
            Pelican(settings).run()
            return
        except Exception as error:
            # Pelican reads its caches before any content, so nothing was said twice.
            damaged = damaged_pelican_cache(error)
            if damaged is None or damaged in dropped:
                raise
        dropped.add(damaged)
        drop_entry(damaged)
        report.warning(damaged_line(damaged), echo)
        forget_logged_messages()


def settings_source(line: str, settings_file: str | Path) -> str:
    """The file a settings mistake's LINE names ("site.yml: ..."), else the settings file."""
    named = line.split(": ", 1)[0] if ": " in line else ""
    if named.endswith((".yml", ".yaml", ".py")) and " " not in named:
        return named
    return Path(settings_file).name


def _swap_in(
    staging: Path, report: BuildReport, echo: Callable[[str], None] | None, *, remove_later: bool
) -> None:
    """Make the finished build the new output/, readable by any web server, or say why not."""
    try:
        make_readable(staging)
        replace_folder(staging, report.output, remove_later=remove_later)
    except OSError as problem:
        report.error(replace_refused(problem, report.output), echo)


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
