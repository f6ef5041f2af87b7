"""Serve a built site on loopback and note every request the server answers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Served:
    """A folder served on 127.0.0.1, with the paths requested so far."""

    url: str
    requested: list[str] = field(default_factory=list)

    def page_url(self, relative: str = "") -> str:
        """The address of a page of the served site."""
        return f"{self.url}/{relative.lstrip('/')}"


class _RecordingHandler(SimpleHTTPRequestHandler):
    """Serves files quietly and appends each requested path to the site's log."""

    def __init__(self, *args: object, served: Served, **kwargs: object) -> None:
        self.served = served
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):
        self.served.requested.append(self.path)
        return super().send_head()


@contextmanager
def serving(root: Path) -> Iterator[Served]:
    """Serve ROOT on a free loopback port until the block ends."""
    served = Served(url="")
    handler = partial(_RecordingHandler, served=served, directory=str(root))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        served.url = f"http://127.0.0.1:{server.server_address[1]}"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield served
        finally:
            server.shutdown()
            thread.join()
