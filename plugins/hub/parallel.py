"""Work on every core: the content files read ahead through Pelican's readers' cache, and
`in_workers` for any other job made of independent steps (the share kit's articles).

Turning Markdown into HTML is a large part of a build and each file's result depends only on
that file and the settings. Before an article or page generator reads its files, worker
processes (forked, so they share the generator's readers and the plugins' reader classes)
read the files that are not cached yet, and the results go into the generator's readers'
cache under the file's current stamp, exactly as Pelican's own content cache would hold
them. Pelican then reads in its usual order and finds them there.

A read that logged anything, or failed, is not handed over: Pelican reads that file itself,
in its place in the order, so every message comes out as in a serial build. With
`BUILD_WORKERS = 1` nothing is read ahead at all. Other jobs hand back what they logged with
their result, to be logged again in the step's place; a step that failed is done again by
the build itself, in its place.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from pelican.readers import _filter_discardable_metadata
from pelican.urlwrappers import URLWrapper

from hub.settings import known_settings_from

log = logging.getLogger(__name__)

T = TypeVar("T")

# The generator whose files a forked worker reads (set in the parent just before forking).
_readers: Any = None


@dataclass(frozen=True)
class BuildSettings:
    """BUILD_WORKERS (None: the machine's cores; 1: strictly serial) and BUILD_PARALLEL_FROM."""

    workers: int | None = None
    # Below this many files to read, starting workers costs more than it saves.
    parallel_from: int = 64

    def __post_init__(self) -> None:
        hints = {
            "WORKERS": (1, "1 builds serially; leave it out to use every core"),
            "PARALLEL_FROM": (0, "it is how many files to read make starting workers worth it"),
        }
        for name, (least, hint) in hints.items():
            value = getattr(self, name.lower())
            if value is None and name == "WORKERS":
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ValueError(
                    f"BUILD_{name}: {value!r} is not a whole number of at least {least}; {hint}"
                )

    def worker_count(self) -> int:
        """How many processes read at once."""
        if self.workers is not None:
            return self.workers
        # The cores this process may run on, which a container may set below the machine's.
        return (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count() or 1
        )


class _Kept(logging.Handler):
    """In a worker: keeps what a job logs, as plain text that can cross to the build."""

    records: ClassVar[list[logging.LogRecord]] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        record.exc_info = record.exc_text = record.stack_info = None
        _Kept.records.append(record)


def _start_worker() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_Kept(level=logging.WARNING))


def _read(path: str) -> tuple[str, Any]:
    """Read one file as Pelican's readers would."""
    reader = _readers.readers[os.path.splitext(path)[1][1:]]
    content, metadata = reader.read(path)
    return path, (content, _filter_discardable_metadata(metadata))


# The job forked workers run (set in the parent just before forking, taken over by the fork).
_job: Callable[[int], Any] | None = None


def _start_job_worker(prepare: Callable[[], None] | None) -> None:
    _start_worker()
    if prepare is not None:
        prepare()


def _run_job(index: int) -> tuple[Any, list[logging.LogRecord]] | None:
    """The job for INDEX in a worker, with the warnings it logged; None when it failed."""
    _Kept.records = []
    try:
        assert _job is not None
        found = _job(index)
    except Exception:  # noqa: BLE001 - the parent does it again and reports it in its place
        return None
    return found, _Kept.records


def in_workers(
    job: Callable[[int], T],
    count: int,
    workers: int,
    prepare: Callable[[], None] | None = None,
) -> Iterator[tuple[T, list[logging.LogRecord]] | None]:
    """JOB(0) to JOB(COUNT - 1) on WORKERS forked processes, in order, each result with the
    warnings and errors it logged (for `replay` in its place; lesser lines are dropped).

    A job that failed yields None: the caller does that one itself, in its place, so the
    failure is reported as in a serial build. PREPARE runs once in each worker.
    """
    global _job
    _job = job
    context = multiprocessing.get_context("fork")
    chunk = max(1, count // (workers * 8))
    try:
        with context.Pool(workers, initializer=_start_job_worker, initargs=(prepare,)) as pool:
            yield from pool.imap(_run_job, range(count), chunksize=chunk)
    finally:
        _job = None


def replay(records: Iterable[logging.LogRecord]) -> None:
    """Log what a worker logged, through the build's own loggers and handlers."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def _settle(metadata: dict[str, Any], settings: dict[str, Any]) -> None:
    """Point tags, categories and authors at this build's settings, as a fresh read does."""
    for value in metadata.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, URLWrapper):
                item.settings = settings


def _forget_once_read(readers: Any) -> None:
    """Let each entry go once Pelican has taken it, when the cache is not kept for later.

    Plugins replace an article's HTML after reading (heading anchors, for one); the cache
    would otherwise hold the first version of every article until the build ends.
    """
    look = readers.get_cached_data

    def get_cached_data(filename: str, default: Any = None) -> Any:
        found = look(filename, default)
        readers._cache.pop(filename, None)
        return found

    readers.get_cached_data = get_cached_data


def read_ahead(generator: Any, paths: Iterable[str], kind: str) -> int:
    """Fill GENERATOR's readers' cache with PATHS read by workers; how many were filled."""
    global _readers
    options = known_settings_from(BuildSettings, "BUILD", generator.settings)
    workers = options.worker_count()
    readers = generator.readers
    base = generator.path
    stamps = {}
    for relative in paths:
        path = os.path.abspath(os.path.join(base, relative))
        if os.path.splitext(path)[1][1:] not in readers.readers:
            continue
        stamp = readers._get_file_stamp(path)
        known = readers._cache.get(path)
        if known is None or known[0] != stamp:
            stamps[path] = stamp
    if workers < 2 or not stamps or len(stamps) < options.parallel_from:
        return 0
    _readers = readers
    filled = 0
    wanted = list(stamps)
    try:
        for found in in_workers(lambda index: _read(wanted[index]), len(wanted), workers):
            # A read that had anything to say is read again by Pelican, in its place.
            if found is not None and not found[1]:
                path, (content, metadata) = found[0]
                _settle(metadata, generator.settings)
                readers._cache[path] = (stamps[path], (content, metadata))
                filled += 1
    finally:
        _readers = None
    if not readers._cache_data_policy:
        _forget_once_read(readers)
    log.debug("read %d of %d %s on %d workers", filled, len(stamps), kind, workers)
    return filled
