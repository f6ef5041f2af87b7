"""The writer's commands as functions: each prints one line per problem and returns an exit code."""

from __future__ import annotations

import datetime
import errno
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

from hub.build import BuildReport, build, replace_folder, tidy_leftovers
from hub.faults import fault_line, replace_refused
from hub.messages import plural, shown_path
from hub.palette import palette
from hub.preview import finished, forget_memoized, prepare, problems_never_cached
from hub.progress import Progress
from hub.site_file import SiteFileError, load, site_file_path
from hub.urls import site_origin
from share_snippets.publishing import keep_record, strip_share_kit

from .check import Problem, SiteCheck, check_site
from .headers import origin_of
from .init import InitProblem, current_answers, gather, init_hub, next_steps
from .new import ArticleExists, new_article
from .publish import (
    analytics_origins,
    conversation_origins,
    deploy_command,
    folder_size,
    publish_settings,
    write_headers,
)

Say = Callable[[str], None]
# Builds that may be published leave drafts out: Pelican skips a content type saved as "".
PUBLISHED_ONLY = {
    "DRAFT_SAVE_AS": "",
    "DRAFT_URL": "",
    "DRAFT_LANG_SAVE_AS": "",
    "DRAFT_LANG_URL": "",
}
SHARE_KIT = "share"
# Where publish keeps the share kit built for SITEURL, beside output/ (never deployed).
SHARE_KIT_KEPT = "share-kit"
# Beside it, the record of the posts last published: the next publish lists what changed.
SHARE_KIT_RECORD = "share-kit-published.json"


def preview_overrides(host: str, port: int) -> dict[str, Any]:
    """Settings for previewing: absolute links on the real port, drafts listed on the home page."""
    return {"PREVIEW_SITEURL": f"http://{host}:{port}", "PREVIEW_DRAFTS": True}


def hub_settings(settings_file: Path, say: Say) -> dict[str, Any] | None:
    """Pelican's settings, or None after one line saying what is wrong with site.yml."""
    try:
        return read_settings(str(settings_file))
    except SystemExit as problem:  # pelicanconf.py stops with site.yml's one-line mistake
        say(f"error: {problem}")
        return None


def port_problem(host: str, port: int, command: str) -> str | None:
    """Why the preview cannot listen on PORT (another program has it), or None when it can."""
    with socket.socket() as probe:
        # As the preview servers do: a port left waiting by the last preview is free to take.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as problem:
            busy = problem.errno == errno.EADDRINUSE
            reason = "is already in use (is another preview running?)" if busy else "is refused"
            return (
                f"error: port {port} {reason}; stop the other program,"
                f" or use another port: invoke {command} --port {port + 1}"
            )
    return None


def run_new(title: str, articles: Path, settings_file: Path, say: Say) -> int:
    """Write a new draft article and print its path."""
    settings = hub_settings(settings_file, say)
    if settings is None:
        return 1
    try:
        path = new_article(title, articles, settings, datetime.date.today())
    except (ArticleExists, ValueError) as problem:
        say(f"error: {problem}")
        return 1
    print(shown_path(str(path)))
    say("Fill in the header and the sections; `invoke serve` previews the draft.")
    return 0


def run_init(
    root: Path,
    given: Mapping[str, str],
    say: Say,
    *,
    ask: Callable[[str], str] | None,
    defaults: bool,
    examples: bool,
    force: bool,
) -> int:
    """Ask what is missing, then make ROOT the writer's own hub and say what comes next."""
    settings = hub_settings(root / "pelicanconf.py", say)
    if settings is None:
        return 1
    try:
        answers = gather(given, ask, defaults=defaults, current=current_answers(root))
        done = init_hub(
            root, answers, settings, examples=examples, force=force, today=datetime.date.today()
        )
    except InitProblem as problem:
        say(f"error: {problem}")
        return 1
    # What the build will say about the colour, said now while the writer is choosing it.
    warnings = [f"warning: {line}" for line in palette(answers["colour"]).warnings]
    for line in [*done, *warnings, f"{answers['name']} is ready.", *next_steps(answers)]:
        say(line)
    return 0


def run_build(
    settings_file: Path,
    output: Path,
    say: Say,
    *,
    strict: bool,
    overrides: Mapping[str, Any],
    remove_later: bool = False,
) -> BuildReport:
    """Build with warnings echoed as they come, a progress line for long builds, a summary."""
    report = build(
        settings_file,
        output,
        strict=strict,
        overrides=dict(overrides),
        echo=say,
        progress=Progress(sys.stderr),
        remove_later=remove_later,
    )
    say(report.summary())
    return report


def run_preview_build(
    settings_file: Path, output: Path, say: Say, *, overrides: Mapping[str, Any], cache: Path
) -> BuildReport:
    """The preview's build (serve, livereload): as run_build, reusing what CACHE holds."""
    cached = {**overrides, **prepare(cache, settings_file, overrides)}
    try:
        with problems_never_cached():
            # The old output goes on a thread: the browser reloads the new one meanwhile.
            report = run_build(
                settings_file, output, say, strict=False, overrides=cached, remove_later=True
            )
        finished(cache)
        return report
    finally:
        forget_memoized()


def run_check(settings_file: Path, say: Say) -> int:
    """Build strictly into a temporary folder and check the site as readers will meet it."""
    settings = hub_settings(settings_file, say)
    if settings is None:
        return 1
    origin = site_origin(settings)
    with tempfile.TemporaryDirectory(prefix="hub-check-") as folder:
        site = Path(folder) / "site"
        report = run_build(settings_file, site, say, strict=False, overrides=PUBLISHED_ONLY)
        return 1 if check_built(report, site, origin, say).problems else 0


def check_built(report: BuildReport, site: Path, origin: str, say: Say) -> SiteCheck:
    """Check a finished build's site; print each problem (the build's own are already out)."""
    started = time.perf_counter()
    built = site.is_dir() and not report.errors
    result = check_site(site, origin, report.sources) if built else SiteCheck()
    for problem in result.problems:
        say(f"check: {problem}")
    # Warnings fail a check: hard-sell and metadata warnings are problems to fix too.
    result.problems[:0] = [Problem("build", line) for line in report.warnings + report.errors]
    looked = (
        f"{plural(result.pages, 'page')}, {plural(result.links, 'link')}"
        f", {plural(result.snippets, 'snippet')}"
        if built
        else "nothing, the build failed"
    )
    seconds = time.perf_counter() - started
    say(f"Checked {looked} in {seconds:.1f} s: {plural(len(result.problems), 'problem')}")
    return result


def run_publish(
    settings_file: Path, output: Path, say: Say, *, dry_run: bool, environ: Mapping[str, str]
) -> int:
    """Build with the publishing settings, check, strip the share kit, add _headers, deploy."""
    try:
        written = load(site_file_path(settings_file.parent, environ))
    except SiteFileError as problem:
        say(f"error: {problem}")
        return 1
    siteurl = environ.get("SITEURL", "").strip() or written["SITE_ADDRESS"]
    if not siteurl:
        say(
            "error: SITEURL is not set; put your site's address in site.yml"
            " (url: https://www.example.com) or set it for one run,"
            " e.g. SITEURL=https://www.example.com invoke publish"
        )
        return 1
    settings = read_settings(str(settings_file))
    try:
        options = publish_settings(settings, environ)
        forms, comments = conversation_origins(settings)
        counting = analytics_origins(settings)
    except ValueError as problem:
        say(f"error: {problem}")
        return 1
    output = output.resolve()
    record = output.parent / SHARE_KIT_RECORD
    overrides = {**PUBLISHED_ONLY, "SHARE_LAST_PUBLISHED": str(record)}
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tidy_leftovers(output)
        # Named with the process id, so a later build can tidy it away if this one is killed.
        staging = tempfile.TemporaryDirectory(
            prefix=f".{output.name}.publish-{os.getpid()}-", dir=output.parent
        )
    except OSError as problem:
        say(f"error: {fault_line(problem, output, output)}")
        return 1
    with staging as tmp:
        site = Path(tmp) / "site"
        report = run_build(settings_file, site, say, strict=True, overrides=overrides)
        checked = check_built(report, site, siteurl, say)
        if not report.ok or checked.problems:
            say("Nothing was published: fix the problems above and run invoke publish again.")
            return 1
        own = origin_of(siteurl)
        external_forms = [url for url in checked.form_actions | set(forms) if origin_of(url) != own]
        # The kit's posts now link to SITEURL: keep them for the schedulers, outside the site.
        kit = Path(tmp) / SHARE_KIT
        if (site / SHARE_KIT).is_dir():
            shutil.copytree(site / SHARE_KIT, kit)
        strip_share_kit(site, settings)
        write_headers(site, external_forms, comments, counting)
        command = deploy_command(options, output)
        files, size = folder_size(site)
        what = f"{plural(files, 'file')} ({size / 1024:.0f} KB) for {siteurl}"
        if dry_run:
            say(f"Dry run: would publish {what} from {shown_path(str(output))}/")
            say(f"Would run: {shlex.join(command)}" if command else _by_hand(output, "Would leave"))
            say("Nothing was changed.")
            return 0
        try:
            replace_folder(site, output)
        except OSError as problem:
            say(f"error: {replace_refused(problem, output)}")
            return 1
        kept = output.parent / SHARE_KIT_KEPT
        if kit.is_dir():
            keep_record(kit, record)
            replace_folder(kit, kept)
            say(f"Social posts linking to {siteurl} are in {shown_path(str(kept))}/ (not deployed)")
    say(f"Published {what} into {shown_path(str(output))}/")
    if command is None:
        say(_by_hand(output, "Left"))
        return 0
    say(f"Running: {shlex.join(command)}")
    try:
        finished = subprocess.run(command, check=False)
    except FileNotFoundError:
        say(
            f"error: {command[0]} is not installed; install it, or set publish_to: none in"
            f" site.yml and upload {shown_path(str(output))}/ by hand"
        )
        return 1
    if finished.returncode:
        say(
            f"error: {command[0]} stopped with exit code {finished.returncode};"
            f" {shown_path(str(output))}/ is built, fix the problem above and run it again"
        )
        return 1
    return 0


def _by_hand(output: Path, verb: str) -> str:
    """The line for hosts that take the folder by hand."""
    return (
        f"{verb} {shown_path(str(output))}/ ready to upload: drag it onto Netlify or"
        " Cloudflare Pages (PUBLISH_TARGET=rsync or ghp-import deploys for you)"
    )
