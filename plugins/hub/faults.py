"""When the machine, not the writer, stops a build: one line naming the folder and what to do."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from hub.messages import shown_path

# Pelican logs a file it could not copy as a warning and carries on; the hub treats it as an
# error, since the site would go out with that file missing or cut short.
COPY_FAILED = "A problem occurred copying file"
FULL = {errno.ENOSPC, errno.EDQUOT}
REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS}


def _shown(path: str | os.PathLike | None, staging: Path, output: Path) -> str:
    """PATH as the writer knows it: inside output/, never the temporary folder it was built in."""
    if not path:
        return shown_path(str(output))
    path = Path(path).resolve()
    if path.parent == output.parent and path.name.startswith(f".{output.name}."):
        return shown_path(str(output))
    try:
        inside = path.relative_to(staging)
    except ValueError:
        return shown_path(str(path))
    return shown_path(str(output / inside))


def fault_line(problem: OSError, staging: Path, output: Path) -> str:
    """One line for a file the build could not write, naming where and what to do."""
    where = _shown(problem.filename, staging, output)
    folder = shown_path(str(output.parent))
    if problem.errno in FULL:
        return (
            f"the disk holding {folder}/ is full (writing {where} failed);"
            " free some space and build again"
        )
    if problem.errno == errno.EFBIG:
        return f"{where} is larger than this machine lets a file be; raise the file size limit"
    if problem.errno == errno.EROFS:
        return f"{where} is on a read-only file system; build into a writable folder"
    if problem.errno == errno.ENAMETOOLONG:
        return (
            f"{where} could not be written: a name in it is longer than the file system allows;"
            " shorten the title, tag or category it comes from, or add a shorter Slug: line"
        )
    if problem.errno in REFUSED:
        return (
            f"{where} cannot be written (permission denied); make {folder}/ writable"
            " for your user and build again"
        )
    reason = problem.strerror or problem.__class__.__name__
    return f"{where} could not be written ({reason.lower()}); check the disk and build again"


def is_write_fault(problem: OSError, staging: Path) -> bool:
    """True when PROBLEM is the machine refusing a write, not a missing or unreadable source."""
    if problem.errno in FULL | REFUSED | {errno.EFBIG}:
        return True
    return bool(problem.filename) and Path(problem.filename).resolve().is_relative_to(staging)


def copy_failure(record: logging.LogRecord) -> OSError | None:
    """The error behind Pelican's "A problem occurred copying file" warning, if RECORD is one."""
    if not str(record.msg).startswith(COPY_FAILED) or not isinstance(record.args, tuple):
        return None
    _source, destination, problem = (*record.args, None, None, None)[:3]
    if not isinstance(problem, OSError):
        return None
    # The error names the source or nothing; the file that failed is the destination.
    return OSError(problem.errno, problem.strerror, destination)


def replace_refused(problem: OSError, output: Path) -> str:
    """One line for an output/ folder the system would not let the build replace."""
    shown = shown_path(str(output))
    if problem.errno == errno.EBUSY or os.path.ismount(output):
        return mount_point_line(output)
    if problem.errno == errno.EPERM:
        return (
            f"{shown}/ cannot be replaced: the system refuses (it may be marked immutable;"
            f" `lsattr -d {shown}` shows an 'i', `chattr -i {shown}` clears it)"
        )
    return fault_line(problem, output, output)


def mount_point_line(output: Path) -> str:
    """Why a build refuses an output/ that is a mount point."""
    shown = shown_path(str(output))
    return (
        f"{shown}/ is a mount point, so a build cannot swap in a new site; mount the folder"
        f" above it instead, or use a plain folder for {shown}/"
    )


def _owner_process_gone(name: str, marker: str) -> bool:
    """True when the process id after MARKER in NAME no longer runs on this machine."""
    digits = name.split(marker, 1)[1].split("-", 1)[0]
    if not digits.isdigit():
        return False
    pid = int(digits)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def leftovers(output: Path, markers: tuple[str, ...]) -> Iterator[Path]:
    """Folders beside OUTPUT that a killed build or publish left behind (their process is gone)."""
    for marker in markers:
        prefix = f".{output.name}.{marker}-"
        for candidate in output.parent.glob(f"{prefix}*"):
            if candidate.is_dir() and _owner_process_gone(candidate.name, f"{marker}-"):
                yield candidate


def _writable_then_retry(function, path, _error) -> None:
    """Let rmtree remove what a read-only folder holds: make the folder writable, try again."""
    parent = os.path.dirname(path)
    os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR)
    function(path)


def remove_tree(folder: Path) -> None:
    """Delete FOLDER even when parts of it are read-only; whatever still refuses is left."""
    try:
        shutil.rmtree(folder, onerror=_writable_then_retry)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def make_readable(folder: Path) -> None:
    """Let anyone read every file and enter every folder under FOLDER, as a web server must."""
    folder.chmod(folder.stat().st_mode | 0o755)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            _add_mode(os.path.join(root, name), 0o755)
        for name in files:
            _add_mode(os.path.join(root, name), 0o644)


def _add_mode(path: str, bits: int) -> None:
    """Add BITS to PATH's mode when it lacks any of them (links are left alone)."""
    mode = os.lstat(path).st_mode
    if not stat.S_ISLNK(mode) and mode & bits != bits:
        os.chmod(path, mode | bits)
