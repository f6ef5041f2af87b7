"""Files written on a thread of their own, so the build works on the next one meanwhile.

Thousands of small files (short-link pages, social cards) cost the build mostly the system's
time to create them; a thread hands those calls to the other core while the build renders.
What ends up on disk is the same as writing each file in turn, and the first failure is
raised where the writing is waited for, as it would have been raised when writing in turn.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from pathlib import Path
from types import TracebackType

# Files waiting at most: enough to keep the thread busy, few enough to hold little memory.
WAITING = 256


class FileWriter:
    """Writes bytes to paths in order, on a thread when THREADED, else at once."""

    def __init__(self, *, threaded: bool) -> None:
        self.failure: BaseException | None = None
        self.waiting: queue.Queue[tuple[Path, bytes] | None] = queue.Queue(WAITING)
        self.thread = threading.Thread(target=self._run, daemon=True) if threaded else None
        if self.thread is not None:
            self.thread.start()

    def write(self, path: Path, data: bytes) -> None:
        """Write DATA to PATH (its folders made), now or on the thread."""
        if self.thread is None:
            _write(path, data)
        elif self.failure is None:
            self.waiting.put((path, data))

    def close(self) -> None:
        """Wait for every file; raise the first failure."""
        if self.thread is not None:
            self.waiting.put(None)
            self.thread.join()
            self.thread = None
        if self.failure is not None:
            raise self.failure

    def _run(self) -> None:
        while (job := self.waiting.get()) is not None:
            if self.failure is None:
                try:
                    _write(*job)
                except BaseException as failure:  # noqa: BLE001 - raised again by close()
                    self.failure = failure

    def __enter__(self) -> FileWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if error is None:
            self.close()
        else:
            # The build already failed: stop the thread, the first failure is the one to tell.
            self.failure = self.failure or error
            with contextlib.suppress(BaseException):
                self.close()  # the error in flight is raised instead


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
