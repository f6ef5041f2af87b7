"""The writer's commands: invoke new, build, serve, livereload, check, publish and more."""

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

from workflow import commands  # noqa: E402

CONFIG = {
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "output": ROOT / "output",
    "articles": ROOT / "content" / "articles",
    # The preview's own caches (Pelican's and the hub's), kept between saves; gitignored.
    "preview_cache": ROOT / "cache" / "preview",
    "host": "127.0.0.1",
    "port": 8000,
}


def say(line: str) -> None:
    """Print one line for the writer."""
    print(line, file=sys.stderr, flush=True)


def done(code: int) -> None:
    """Stop with CODE when a command failed (its message is already printed)."""
    if code:
        raise Exit(code=code)


def _build(strict: bool, overrides: dict) -> None:
    """Build into output/; a failed build stops with an error and leaves output/ as it was."""
    report = commands.run_build(
        CONFIG["settings_base"], CONFIG["output"], say, strict=strict, overrides=overrides
    )
    done(0 if report.ok else 1)


@task
def new(c, title):
    """Start a draft article: invoke new "3 things to do with lentils"."""
    done(commands.run_new(title, CONFIG["articles"], CONFIG["settings_base"], say))


@task
def build(c, strict=False):
    """Build the site into output/, drafts left out (--strict: any warning fails the build)."""
    _build(strict, commands.PUBLISHED_ONLY)


@task
def clean(c):
    """Remove the built site."""
    shutil.rmtree(CONFIG["output"], ignore_errors=True)


def _serve_forever(port: int) -> None:
    """Serve output/ on the preview address until Ctrl+C."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(CONFIG["output"]))
    with ThreadingHTTPServer((CONFIG["host"], port), handler) as server:
        say(f"Previewing at http://{CONFIG['host']}:{port}/ (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


def _preview_build(port: int) -> bool:
    """The preview's build (drafts in, caches kept in cache/preview/); True when it succeeded."""
    report = commands.run_preview_build(
        CONFIG["settings_base"],
        CONFIG["output"],
        say,
        overrides=commands.preview_overrides(CONFIG["host"], port),
        cache=CONFIG["preview_cache"],
    )
    return report.ok


@task
def serve(c, port=CONFIG["port"]):
    """Build with drafts, then preview the site on 127.0.0.1."""
    done(0 if _preview_build(port) else 1)
    _serve_forever(port)


@task
def livereload(c, port=CONFIG["port"]):
    """Preview with drafts on 127.0.0.1 and rebuild whenever content, theme or plugins change."""
    from workflow.livereload import serve_and_rebuild

    watched = [ROOT / "content", ROOT / "theme", ROOT / "plugins", CONFIG["settings_base"]]
    serve_and_rebuild(
        partial(_preview_build, port),
        watched,
        [ROOT / "plugins"],
        CONFIG["host"],
        port,
        CONFIG["output"],
    )


@task
def check(c):
    """Build strictly into a temporary folder and check links, anchors, snippets, images, heads."""
    done(commands.run_check(CONFIG["settings_base"], say))


@task
def publish(c, dry_run=False):
    """Build for SITEURL, check, and deploy (--dry-run: say what would happen, change nothing)."""
    done(
        commands.run_publish(
            CONFIG["settings_publish"], CONFIG["output"], say, dry_run=dry_run, environ=os.environ
        )
    )


@task
def screenshots(c):
    """Retake the README's screenshots (docs/*.png) in headless Chromium."""
    from workflow.screenshots import take_screenshots

    done(take_screenshots(CONFIG["settings_base"], ROOT / "docs", say))


@task
def test(c):
    """Run the test suite."""
    c.run(f"{sys.executable} -m pytest", pty=False)


@task
def lint(c):
    """Check the code with ruff."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


@task
def report(c, today=""):
    """Build, then show the content-health report (also written to output/share/report.html)."""
    from nurture.cli import report as show_report

    # The same build as `invoke build` (drafts left out), measured against TODAY when given.
    overrides = {**commands.PUBLISHED_ONLY, **({"NURTURE_TODAY": today} if today else {})}
    show_report(CONFIG["settings_base"], CONFIG["output"], overrides=overrides, echo=say)


@task(positional=["slug"])
def snippets(c, slug=""):
    """Show an article's social posts and their counts from the last build: invoke snippets SLUG."""
    from share_snippets.cli import print_snippets

    done(0 if print_snippets(CONFIG["output"], slug or None, say) else 1)


@task
def comments(c, config="isso.cfg"):
    """Run a local Isso comment server for previews (settings in isso.cfg)."""
    from conversation.cli import serve as serve_comments

    serve_comments(ROOT / config, echo=say)


@task
def audit(c):
    """Build the sample site, serve it on loopback and audit three pages."""
    from quality.audit import run_audit

    done(0 if run_audit(CONFIG["settings_base"], say) else 1)


@task
def bench(c, sizes="1000,3000", runs=3, profile=False):
    """Time bare Pelican against the hub on generated corpora of SIZES articles."""
    from quality.bench import run_bench

    counts = [int(size) for size in sizes.split(",")]
    done(0 if run_bench(counts, int(runs), say, profile=profile) else 1)
