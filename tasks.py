"""The writer's commands: invoke build, serve, livereload, publish, clean, test, lint."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from hub.build import build as run_build  # noqa: E402

CONFIG = {
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "output": ROOT / "output",
    "host": "127.0.0.1",
    "port": 8000,
}


def say(line: str) -> None:
    """Print one line for the writer."""
    print(line, file=sys.stderr, flush=True)


def _build(settings: Path, strict: bool, overrides: dict | None = None) -> None:
    """Build into output/, print the summary, and stop with an error when the build failed."""
    report = run_build(settings, CONFIG["output"], strict=strict, overrides=overrides, echo=say)
    say(report.summary())
    if not report.ok:
        raise Exit(code=1)


@task
def build(c, strict=False):
    """Build the site into output/ (--strict: any warning fails the build)."""
    _build(CONFIG["settings_base"], strict)


@task
def clean(c):
    """Remove the built site."""
    shutil.rmtree(CONFIG["output"], ignore_errors=True)


def _serve_forever() -> None:
    """Serve output/ on the preview address until Ctrl+C."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(CONFIG["output"]))
    with ThreadingHTTPServer((CONFIG["host"], CONFIG["port"]), handler) as server:
        say(f"Previewing at http://{CONFIG['host']}:{CONFIG['port']}/ (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


@task
def serve(c):
    """Build, then preview the site on 127.0.0.1."""
    _build(CONFIG["settings_base"], strict=False)
    _serve_forever()


@task
def livereload(c):
    """Preview on 127.0.0.1 and rebuild whenever content, theme or plugins change."""
    from livereload import Server

    def rebuild() -> None:
        report = run_build(CONFIG["settings_base"], CONFIG["output"], echo=say)
        say(report.summary())

    rebuild()
    server = Server()
    for folder in ("content", "theme", "plugins"):
        server.watch(str(ROOT / folder / "**" / "*"), rebuild)
    server.watch(str(CONFIG["settings_base"]), rebuild)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=str(CONFIG["output"]))


@task
def publish(c):
    """Build the site for publishing with publishconf.py (SITEURL from the environment)."""
    if not os.environ.get("SITEURL"):
        say(
            "SITEURL is not set: set it to your site's address,"
            " e.g. SITEURL=https://www.example.com invoke publish"
        )
        raise Exit(code=1)
    _build(CONFIG["settings_publish"], strict=True)


@task
def test(c):
    """Run the test suite."""
    c.run(f"{sys.executable} -m pytest", pty=False)


@task
def lint(c):
    """Check the code with ruff."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")
