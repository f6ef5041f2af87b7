"""A progress line for long builds: one updating line on a terminal, a few plain lines in logs."""

from __future__ import annotations

from typing import TextIO

# Short builds finish before a writer would look at a bar.
THRESHOLD = 200
BAR_WIDTH = 30


def progress_line(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """Describe how far reading has got, as a bar and a count."""
    filled = width * min(done, total) // total if total else width
    return f"Reading articles [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"


class Progress:
    """Shows the articles read so far when a build has more than THRESHOLD of them."""

    def __init__(self, stream: TextIO, threshold: int = THRESHOLD, steps: int = 10) -> None:
        self.stream = stream
        self.threshold = threshold
        self.steps = steps
        self.live = stream.isatty()
        self.total = 0
        self.done = 0

    @property
    def shown(self) -> bool:
        """True when this build is long enough to show progress."""
        return self.total > self.threshold

    def start(self, total: int) -> None:
        """Begin counting towards TOTAL articles."""
        self.total, self.done = total, 0

    def advance(self) -> None:
        """Count one more article read."""
        self.done += 1
        if not self.shown:
            return
        if self.live:
            self.stream.write(f"\r{progress_line(self.done, self.total)}")
            self.stream.flush()
        # In a log, a line per tenth is enough to see the build is moving.
        elif self.done * self.steps // self.total > (self.done - 1) * self.steps // self.total:
            self.stream.write(progress_line(self.done, self.total) + "\n")

    def clear(self) -> None:
        """Wipe the updating line so a warning can be printed on a line of its own."""
        if self.shown and self.live and self.done:
            self.stream.write("\r" + " " * len(progress_line(self.done, self.total)) + "\r")

    def finish(self) -> None:
        """End the updating line so the next message starts on its own."""
        if self.shown and self.live and self.done:
            self.stream.write("\n")
            self.stream.flush()
        self.done = 0
