"""Cache entries checked by a digest, so a damaged one is dropped and rebuilt, never published."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from hub.messages import shown_path

# Each entry's SHA-256 is kept beside it.
DIGEST_SUFFIX = ".sha256"
# Pelican's own words for a content cache it could not read; the hub says it its own way.
PELICAN_UNPICKLE = "Cannot unpickle cache"


class DamagedEntry(Exception):
    """A cache entry that no longer matches its digest, or cannot be read."""

    def __init__(self, path: Path) -> None:
        super().__init__(damaged_line(path))
        self.path = path


def damaged_line(path: str | Path) -> str:
    """The warning for a damaged cache entry (nothing for the writer to do)."""
    return (
        f"{shown_path(str(path))}: this cache entry was damaged, so it was rebuilt (nothing to do)"
    )


def digest_path(entry: Path) -> Path:
    """Where ENTRY's digest is kept."""
    return entry.with_name(entry.name + DIGEST_SUFFIX)


def write_atomically(path: Path, data: bytes) -> None:
    """Write DATA so that another build never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".entry-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_entry(entry: Path, data: bytes) -> None:
    """Keep DATA at ENTRY with its digest (the digest last, so a half-kept entry is a miss)."""
    with contextlib.suppress(FileNotFoundError):
        digest_path(entry).unlink()
    write_atomically(entry, data)
    write_atomically(digest_path(entry), hashlib.sha256(data).hexdigest().encode("ascii"))


def read_entry(entry: Path) -> bytes | None:
    """ENTRY's bytes when they match their digest; None when it was never kept.

    Raises DamagedEntry (after removing the entry) when it does not match or cannot be read.
    """
    expected = _expected_digest(entry)
    if expected is None:
        return None
    try:
        data = entry.read_bytes()
    except OSError:
        data = None
    if data is not None and expected and hashlib.sha256(data).hexdigest() == expected:
        return data
    drop_entry(entry)
    raise DamagedEntry(entry)


def _expected_digest(entry: Path) -> str | None:
    """The digest ENTRY was kept with; None when it was never kept, "" when unreadable."""
    try:
        return digest_path(entry).read_bytes().decode("ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return ""


def copy_entry(entry: Path, target: Path) -> bool:
    """Copy ENTRY to TARGET when it matches its digest; False when it was never kept.

    Streams, so large files never sit in memory. Raises DamagedEntry (after removing the entry
    and the partial copy) when it does not match or cannot be opened.
    """
    expected = _expected_digest(entry)
    if expected is None:
        return False
    try:
        source = entry.open("rb")
    except OSError:
        source = None
    if source is None or not expected:
        drop_entry(entry)
        raise DamagedEntry(entry)
    hasher = hashlib.sha256()
    with source, target.open("wb") as copy:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            hasher.update(chunk)
            copy.write(chunk)
    if hasher.hexdigest() != expected:
        target.unlink()
        drop_entry(entry)
        raise DamagedEntry(entry)
    return True


class _Hashing:
    """A file to write that keeps the digest of what went through it."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.hasher = stream, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.hasher.update(data)
        return self.stream.write(data)


def keep_streamed(entry: Path, write: Callable[[_Hashing], None]) -> None:
    """Keep what WRITE writes at ENTRY with its digest, without holding it all in memory."""
    with contextlib.suppress(FileNotFoundError):
        digest_path(entry).unlink()
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".entry-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            hashing = _Hashing(stream)
            write(hashing)
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    write_atomically(digest_path(entry), hashing.hasher.hexdigest().encode("ascii"))


def keep_file(source: Path, entry: Path) -> None:
    """Keep a copy of SOURCE at ENTRY with its digest, streamed."""

    def copy(into: _Hashing) -> None:
        with source.open("rb") as original:
            for chunk in iter(lambda: original.read(1 << 20), b""):
                into.write(chunk)

    keep_streamed(entry, copy)


def drop_entry(entry: Path) -> None:
    """Remove an entry and its digest, whatever they have become."""
    for path in (entry, digest_path(entry)):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()


def damaged_pelican_cache(error: BaseException) -> Path | None:
    """The content-cache file Pelican was reading when ERROR stopped it, if it was one."""
    for frame, _ in traceback.walk_tb(error.__traceback__):
        owner = frame.f_locals.get("self")
        path = getattr(owner, "_cache_path", None)
        if frame.f_code.co_filename.endswith(os.path.join("pelican", "cache.py")) and path:
            return Path(path)
    return None
