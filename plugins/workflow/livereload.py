"""`invoke livereload`: one rebuild, then one browser reload, per burst of saves."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher

from hub.preview import files_digest


def restart_command() -> None:
    """Run this very command again, in this process, so it loads the plugins' code afresh."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])


class RebuildWatcher(Watcher):
    """Watches paths whose changes all lead to one rebuild per poll, or to a restart.

    python-livereload runs each watched path's task for every path that changed, so saving a
    template and an article together would build twice. Here a change only sets a flag; the
    rebuild runs once, and the reload follows it. Python keeps the plugins it has imported,
    so when their code (CODE) changes the command starts again instead of building with the
    old code.
    """

    def __init__(
        self,
        rebuild: Callable[[], object],
        code: Sequence[Path] = (),
        restart: Callable[[], None] = restart_command,
    ) -> None:
        super().__init__()
        self.rebuild, self.code, self.restart = rebuild, tuple(code), restart
        self.loaded = self._code_digest()
        self.changed = False

    def _code_digest(self) -> list[str]:
        return [files_digest(folder) for folder in self.code]

    def _seen(self) -> None:
        self.changed = True

    def watch(self, path: str, func: object = None, delay: object = None, ignore: object = None):
        """Watch PATH; what changes there is seen by the one rebuild."""
        super().watch(path, self._seen, delay, ignore)

    def examine(self) -> tuple[str | None, float | None]:
        """Rebuild once when anything changed since the last poll; what changed, for the reload."""
        self.changed = False
        filepath, delay = super().examine()
        if filepath == "__livereload__":
            return filepath, delay  # the server's own first reload, after a restart
        if not self.changed:
            return None, None
        if self._code_digest() != self.loaded:
            self.restart()
        self.rebuild()
        return filepath, delay


def serve_and_rebuild(
    rebuild: Callable[[], object],
    watched: Iterable[Path],
    code: Sequence[Path],
    host: str,
    port: int,
    root: Path,
) -> None:
    """Build once, then serve ROOT and rebuild whenever a file under WATCHED changes."""
    watcher = RebuildWatcher(rebuild, code)
    rebuild()
    for path in watched:
        watcher.watch(str(path / "**" / "*") if path.is_dir() else str(path))
    # Every rebuild is followed by its reload: livereload's 3-second guard against a burst of
    # reloads would drop the reload after a quick rebuild, leaving the old page on screen.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    Server(watcher=watcher).serve(host=host, port=port, root=str(root))
