"""`invoke comments`: run a local Isso comment server for previews, from the repo's isso.cfg."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hub.messages import shown_path

INSTALL_HINT = (
    "Isso is not installed; run: python3 -m pip install -r requirements-isso.txt"
    " (it compiles misaka, so it needs gcc and the Python headers: python3-dev on Debian)"
)
LOOPBACK = ("127.0.0.1", "localhost")


def load_config(path: str | Path) -> Any:
    """Isso's defaults under PATH's settings; the database path is taken from PATH's folder."""
    from isso import config

    path = Path(path).resolve()
    conf = config.load(config.default_file(), str(path))
    database = path.parent / conf.get("general", "dbpath")
    conf.set("general", "dbpath", str(database))
    return conf


def listen_address(conf: Any, config_name: str) -> tuple[str, int]:
    """Where the server listens; only loopback, since this server is for previews."""
    listen = urlsplit(conf.get("server", "listen"))
    if listen.scheme != "http" or listen.hostname not in LOOPBACK or not listen.port:
        raise SystemExit(
            f"{config_name}: [server] listen should be http://127.0.0.1:PORT/ for previews,"
            f" not {conf.get('server', 'listen')}"
        )
    return "127.0.0.1", listen.port


def serve(path: str | Path, echo: Callable[[str], None] = print) -> None:
    """Run Isso on 127.0.0.1 until Ctrl+C, creating the folder for its database."""
    try:
        from isso import make_app
        from werkzeug.serving import run_simple
    except ImportError:
        raise SystemExit(INSTALL_HINT) from None
    conf = load_config(path)
    host, port = listen_address(conf, Path(path).name)
    database = Path(conf.get("general", "dbpath"))
    database.parent.mkdir(parents=True, exist_ok=True)
    echo(f"Comments at http://{host}:{port}/ (Ctrl+C to stop); kept in {shown_path(str(database))}")
    run_simple(host, port, make_app(conf), threaded=True)


if __name__ == "__main__":
    serve(sys.argv[1] if len(sys.argv) > 1 else "isso.cfg")
