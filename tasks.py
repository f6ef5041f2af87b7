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
from workflow.arguments import OptionalPositionalTask  # noqa: E402

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


@task(positional=["title"], klass=OptionalPositionalTask)
def new(c, title=""):
    """Start a draft article: invoke new "3 things to do with lentils"."""
    done(commands.run_new(title, CONFIG["articles"], CONFIG["settings_base"], say))


@task(
    help={
        "name": "your business's name",
        "tagline": "a one-line tagline",
        "about": "what you offer and where, in a sentence (the home page's intro)",
        "offer": "the same as --about",
        "email": "where readers' questions go",
        "url": "your site's web address, for publishing",
        "language": "the site's language (en)",
        "timezone": "your time zone, e.g. Europe/London",
        "colour": "your brand colour, e.g. '#1d4d2b'",
        "logo": "a logo file (png, jpg, webp or svg) to copy into content/images/",
        "networks": "the networks you post on, e.g. x,bluesky,linkedin",
        "slots": "your usual posting times, e.g. 'tue 09:30,sat 10:00'",
        "form": "a form service's address for readers' questions",
        "newsletter": "your newsletter's sign-up address",
        "yes": "take the default answer for every question not given",
        "force": "set up again on a hub that is already set up (articles are kept)",
        "examples": "keep the sample in examples/ (--no-examples deletes it)",
    }
)
def init(
    c, name=None, tagline=None, about=None, offer=None, email=None, url=None, language=None,
    timezone=None, colour=None, logo=None, networks=None, slots=None, form=None,
    newsletter=None, yes=False, force=False, examples=True,
):  # fmt: skip
    """Make this hub yours: writes site.yml, starter pages and a first draft."""
    given = {
        "name": name, "tagline": tagline, "description": about or offer, "email": email,
        "url": url, "language": language, "timezone": timezone, "colour": colour, "logo": logo,
        "networks": networks, "slots": slots, "form": form, "newsletter": newsletter,
    }  # fmt: skip
    # Without a terminal nothing can be typed: init then never waits for an answer.
    ask = input if sys.stdin.isatty() else None
    done(
        commands.run_init(
            ROOT,
            {key: value for key, value in given.items() if value is not None},
            say,
            ask=ask,
            defaults=yes,
            examples=examples,
            force=force,
        )
    )


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


def _port_or_stop(port: int, command: str) -> None:
    """Stop with one line when the preview's port is taken."""
    if problem := commands.port_problem(CONFIG["host"], int(port), command):
        say(problem)
        done(1)


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
    _port_or_stop(port, "serve")
    done(0 if _preview_build(port) else 1)
    _serve_forever(port)


@task
def livereload(c, port=CONFIG["port"]):
    """Preview with drafts on 127.0.0.1 and rebuild whenever content, theme or plugins change."""
    from workflow.livereload import serve_and_rebuild

    _port_or_stop(port, "livereload")

    watched = [
        ROOT / "content",
        ROOT / "theme",
        ROOT / "plugins",
        CONFIG["settings_base"],
        ROOT / "site.yml",
    ]
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
    from workflow.init import sample_content
    from workflow.screenshots import take_screenshots

    if (sample := sample_content(ROOT)) is None:
        say("error: the screenshots show the sample site, deleted here; take them in a fresh clone")
        done(1)
    done(take_screenshots(CONFIG["settings_base"], ROOT / "docs", say, sample=sample))


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
def translations(c, check=False):
    """Re-extract the theme's words into theme/locale/theme.pot and update each language's .po."""
    from language.catalogues import refresh

    done(refresh(say, check=check))


@task
def report(c, today=""):
    """Build, then show the content-health report (also written to output/share/report.html)."""
    from nurture.cli import build_and_report

    # The same build as `invoke build` (drafts left out), measured against TODAY when given.
    overrides = {**commands.PUBLISHED_ONLY, **({"NURTURE_TODAY": today} if today else {})}
    _, built = build_and_report(
        CONFIG["settings_base"], CONFIG["output"], overrides=overrides, echo=say
    )
    done(0 if built.ok else 1)


@task(positional=["slug"], klass=OptionalPositionalTask)
def snippets(c, slug=""):
    """Show an article's social posts and their counts from the last build: invoke snippets SLUG."""
    from share_snippets.cli import print_snippets

    done(0 if print_snippets(CONFIG["output"], slug or None, say) else 1)


@task(
    positional=["file"],
    iterable=["file"],
    klass=OptionalPositionalTask,
    help={"file": "exports to read instead of those in results/"},
)
def results(c, file=None):
    """Build, then show what's working from the exports in results/: invoke results [FILE ...]."""
    from results.cli import results as show_results

    ok, _ = show_results(
        CONFIG["settings_base"], CONFIG["output"], file or (), overrides=commands.PUBLISHED_ONLY,
        echo=say,
    )  # fmt: skip
    done(0 if ok else 1)


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
