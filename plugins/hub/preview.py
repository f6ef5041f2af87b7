"""The preview's caches: Pelican's and the hub's kept between saves, thrown away on any doubt.

A preview build turns on Pelican's content cache (at the reader level, files compared by their
SHA-256, not their dates) and with it the share kit's memo and kept pages, all in the
preview's own cache folder. What those caches cannot see is fingerprinted: the settings, the
plugins' code, the theme, the installed packages and every content file that is not an
article or a page (questions, the catalogue, images). When the fingerprint changes, the
folder is emptied and the build is cold; a stale page is a bug, a slow one is not.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pelican import contents, signals
from pelican.settings import read_settings
from pelican.utils import memoized

# Files Pelican's readers turn into articles and pages: the content cache checks these itself.
SOURCE_SUFFIXES = {".md", ".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst"}
# Content-addressed caches (a card's key covers everything it shows): safe under any fingerprint.
KEPT = ("social-cards",)
# Pelican names its readers' caches after the generator; they hold only what each file says.
READER_CACHES = "*-Readers"
CODE_STAMP = "code.fingerprint"
DATA_STAMP = "data.fingerprint"
# There while a build runs: found by the next build, it means the last one was stopped.
UNFINISHED = "unfinished"


class Unstable(Exception):
    """A setting has no stable text form, so no two builds can be proven to share it."""


def cache_settings(folder: Path) -> dict[str, Any]:
    """The overrides that make a build read and keep its caches in FOLDER."""
    return {
        "CACHE_PATH": str(folder),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "reader",
        # A file's bytes decide, not its date: a restored or quickly re-saved file is seen.
        "CHECK_MODIFIED_METHOD": "sha256",
        "GZIP_CACHE": False,
    }


def stable_text(value: Any) -> str:
    """A text form of a setting that is the same in every process, or raise Unstable."""
    if isinstance(value, Mapping):
        items = sorted((stable_text(key), stable_text(item)) for key, item in value.items())
        return "{" + ", ".join(f"{key}: {item}" for key, item in items) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [stable_text(item) for item in value]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return f"{type(value).__name__}[{', '.join(items)}]"
    if callable(value) and hasattr(value, "__qualname__"):
        # Its code is in the fingerprint when it lives in the settings file or a plugin.
        return f"<{getattr(value, '__module__', '?')}.{value.__qualname__}>"
    text = repr(value)
    if " at 0x" in text:
        raise Unstable(text)
    return text


def files_digest(root: Path, *, skip_sources: bool = False) -> str:
    """A digest of the names and bytes of the files under ROOT (compiled Python left out)."""
    hasher = hashlib.sha256()
    if root.is_file():
        hasher.update(root.read_bytes())
        return hasher.hexdigest()
    for path in sorted(root.rglob("*")) if root.is_dir() else ():
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        if skip_sources and path.suffix.lower() in SOURCE_SUFFIXES:
            continue
        name = str(path.relative_to(root)).encode("utf-8", "surrogateescape")
        data = path.read_bytes()
        for part in (name, data):
            hasher.update(len(part).to_bytes(8, "big"))
            hasher.update(part)
    return hasher.hexdigest()


def packages() -> str:
    """Every installed distribution and its version, and Python's own."""
    found = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    return "\n".join([sys.version, *found])


def code_fingerprint(settings_file: Path, settings: Mapping[str, Any]) -> str | None:
    """What every cached piece depends on besides the content; None when it cannot be known."""
    try:
        shown = stable_text({k: v for k, v in settings.items() if k not in cache_settings(Path())})
    except Unstable:
        return None
    parts = [
        settings_file.read_bytes().hex(),
        shown,
        packages(),
        files_digest(Path(settings["THEME"])),
        *(files_digest(Path(folder)) for folder in settings.get("PLUGIN_PATHS", ())),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def data_fingerprint(settings: Mapping[str, Any]) -> str:
    """Every content file Pelican's content cache does not check itself."""
    return files_digest(Path(settings["PATH"]), skip_sources=True)


def _empty(folder: Path, keep: tuple[str, ...]) -> None:
    """Remove everything in FOLDER except the names matching KEEP."""
    for path in folder.iterdir() if folder.is_dir() else ():
        if any(path.match(pattern) for pattern in keep):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def prepare(folder: Path, settings_file: Path, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Empty what FOLDER cannot be trusted to hold for this build; the overrides that use it."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        settings = read_settings(str(settings_file), override=dict(overrides))
    except Exception:  # noqa: BLE001 - the build reads them again and reports the mistake
        settings = None
    code = code_fingerprint(settings_file, settings) if settings is not None else None
    data = data_fingerprint(settings) if settings is not None else ""
    stamps = {CODE_STAMP: code or "", DATA_STAMP: data}
    was = {name: _read(folder / name) for name in stamps}
    # A build stopped halfway (Ctrl+C) may have left a cache file half written.
    if code is None or was[CODE_STAMP] != code or (folder / UNFINISHED).exists():
        _empty(folder, KEPT)
    elif was[DATA_STAMP] != data:
        # The readers' caches hold what each article file says; everything else may have read
        # the questions or the catalogue.
        _empty(folder, (*KEPT, READER_CACHES, CODE_STAMP))
    for name, value in stamps.items():
        (folder / name).write_text(value, encoding="utf-8")
    (folder / UNFINISHED).write_text("", encoding="utf-8")
    return cache_settings(folder)


def finished(folder: Path) -> None:
    """Say the build that prepare() set up ran to its end, so its caches are whole."""
    (folder / UNFINISHED).unlink(missing_ok=True)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


class _ProblemCounter(logging.Handler):
    """Counts warnings and errors, so a read that reported a problem is never cached."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def problems_never_cached() -> Iterator[None]:
    """While a build runs, leave out of Pelican's readers' cache every read that logged.

    Pelican caches what a reader returned and, on the next build, does not read the file
    again: the warning or error the read logged would vanish from that build. A file that
    logged is read afresh every time, so each build reports exactly what a cold build does.
    """
    counter = _ProblemCounter()

    def guard(readers: Any) -> None:
        keep, look = readers.cache_data, readers.get_cached_data
        seen = {"count": 0}

        def get_cached_data(filename: str, default: Any = None) -> Any:
            seen["count"] = counter.count
            return look(filename, default)

        def cache_data(filename: str, data: Any) -> None:
            if counter.count == seen["count"]:
                keep(filename, data)

        readers.get_cached_data, readers.cache_data = get_cached_data, cache_data

    root = logging.getLogger()
    root.addHandler(counter)
    signals.readers_init.connect(guard)
    try:
        yield
    finally:
        signals.readers_init.disconnect(guard)
        root.removeHandler(counter)


def forget_memoized() -> None:
    """Drop what Pelican's @memoized methods remember, which holds every article ever built.

    Pelican keeps each article's content and summary in a cache on the class, keyed by the
    article itself; in a preview that builds again after every save, each build's articles
    would stay in memory until the command stops.
    """
    for value in vars(contents).values():
        if isinstance(value, type):
            for member in vars(value).values():
                if isinstance(member, memoized):
                    member.cache.clear()
