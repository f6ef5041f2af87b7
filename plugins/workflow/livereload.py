"""`invoke livereload`: one rebuild, then one browser reload, per burst of saves."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher


class RebuildWatcher(Watcher):
    """Watches paths with no task of their own; any change seen in one poll is one rebuild.

    python-livereload runs each watched path's task for every path that changed, so saving a
    template and an article together would build twice. Here the paths only say whether
    something changed; the rebuild runs once, and the reload follows it.
    """

    def __init__(self, rebuild: Callable[[], object]) -> None:
        super().__init__()
        self.rebuild = rebuild

    def examine(self) -> tuple[str | None, float | None]:
        """Rebuild once when anything changed since the last poll; what changed, for the reload."""
        filepath, delay = super().examine()
        # "__livereload__" is the server's own first reload, after a restart: nothing to build.
        if filepath and filepath != "__livereload__":
            self.rebuild()
        return filepath, delay


def serve_and_rebuild(
    rebuild: Callable[[], object], watched: Iterable[Path], host: str, port: int, root: Path
) -> None:
    """Build once, then serve ROOT and rebuild whenever a file under WATCHED changes."""
    rebuild()
    watcher = RebuildWatcher(rebuild)
    for path in watched:
        watcher.watch(str(path / "**" / "*") if path.is_dir() else str(path))
    # Every rebuild is followed by its reload: livereload's 3-second guard against a burst of
    # reloads would drop the reload after a quick rebuild, leaving the old page on screen.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    # debug: Tornado restarts the whole command when a loaded module (a plugin) changes, so a
    # rebuild never runs yesterday's plugin code; the restarted server reloads the browser.
    Server(watcher=watcher).serve(host=host, port=port, root=str(root), debug=True)
