"""Every command README.md shows, run exactly as written, in a shell, in a copy of the project."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_build_faults import readable_by_anyone

from conftest import copy_project as sample_project
from workflow.screenshots import BRAND_SHOTS, FRENCH_SHOTS, RESULTS_SHOTS, SHOTS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# What the commands need beyond the project's code: the tests, their tools and pins.
EXTRA = (
    "pyproject.toml", "isso.cfg", "requirements.txt", "requirements-dev.txt",
    "requirements-isso.txt", "tests",
)  # fmt: skip
# What a command looks like in README.md: what the writer types at the start of a line.
STARTS = ("invoke", "SITEURL=", "PUBLISH_TARGET=", "pelican ", "python3 ", "apt-get ", "PUPPETEER_")
SLUG = "3-things-to-do-with-a-bag-of-dried-beans"


def readme_commands() -> set[str]:
    """Every command in README.md: code spans and the lines of its shell blocks."""
    found = {span for span in re.findall(r"`([^`\n]+)`", README) if span.startswith(STARTS)}
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        found |= {line.strip() for line in block.splitlines() if line.strip()}
    return found


def forms(command: str) -> list[str]:
    """A command with an optional part in brackets, as typed without it and with it."""
    if match := re.search(r" \[([^\]]+)\]$", command):
        return [command[: match.start()], f"{command[: match.start()]} {match.group(1)}"]
    return [command]


@dataclass
class Ran:
    """A finished command: its exit code and what it printed."""

    project: Path
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.err.strip().splitlines()


def shell_env() -> dict[str, str]:
    """The environment a writer's shell has: this Python's tools first, no publishing variables."""
    # No tests' site file either: the commands read the project's own site.yml, as a writer's do.
    prefixes = ("SITEURL", "PUBLISH_", "HUB_SITE_FILE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def copy_project(folder: Path) -> Path:
    """A copy of the project with the sample, so commands never touch the real content/."""
    sample_project(folder, EXTRA)
    # The audit's Lighthouse, when installed, is too big to copy: link it.
    if (ROOT / "tests/audit/node_modules").is_dir():
        (folder / "tests/audit/node_modules").symlink_to(ROOT / "tests/audit/node_modules")
    return folder


def run(project: Path, command: str, timeout: float = 300) -> Ran:
    """Run COMMAND as typed, in bash, in PROJECT."""
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=project,
        env=shell_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Ran(project, done.returncode, done.stdout, done.stderr)


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def serve_then_stop(project: Path, command: str, url: str, port: int) -> Ran:
    """Start a server command; fetch URL once it answers (when the port is free), then stop it."""
    busy = not port_free(port)
    process = subprocess.Popen(
        ["bash", "-c", f"exec {command}"],
        cwd=project,
        env=shell_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    body = ""
    if not busy:
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline and not body:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = response.read().decode()
            except OSError:
                time.sleep(0.3)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
    try:
        out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
    return Ran(project, -1 if body else process.returncode, body or out, err)


def busy_or(expected: Callable[[Ran], None], command: str, port: int) -> Callable[[Ran], None]:
    """A check for a server: it served the page, or the port was taken and it said so."""

    def check(ran: Ran) -> None:
        if ran.code == -1:
            expected(ran)
            return
        assert ran.code == 1, ran.err
        assert ran.lines == [
            f"error: port {port} is already in use (is another preview running?);"
            f" stop the other program, or use another port: invoke {command} --port {port + 1}"
        ]

    return check


def built(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert ran.lines[-1].startswith("Built ") and ran.lines[-1].endswith(", 0 warnings")
    assert (ran.project / "output" / SLUG / "index.html").is_file()
    assert readable_by_anyone(ran.project / "output") == []


def home_page(ran: Ran) -> None:
    assert "<h1" in ran.out and "Larder Lane" in ran.out


def lists_snippets(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert f" posts  {SLUG}" in ran.err
    assert ran.lines[-1] == "Show one article's posts with: invoke snippets SLUG"


def prints_posts(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert ran.lines[0] == (
        f"3 things to do with a bag of dried beans (http://127.0.0.1:8000/{SLUG}/)"
    )
    assert any(line.startswith("x-intro: ") for line in ran.lines)


def published(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    output = ran.project / "output"
    assert (output / "_headers").is_file() and not (output / "share").exists()
    assert readable_by_anyone(output) == []


def dry_run(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert ran.lines[-1] == "Nothing was changed." and not (ran.project / "output").exists()


def needs_siteurl(ran: Ran) -> None:
    assert ran.code == 1
    assert ran.lines == [
        "error: SITEURL is not set; put your site's address in site.yml"
        " (url: https://www.example.com) or set it for one run,"
        " e.g. SITEURL=https://www.example.com invoke publish"
    ]


def initialised(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert "name: Bramble Bakery" in (ran.project / "site.yml").read_text(encoding="utf-8")
    assert ran.lines[-4] == "Next:"
    assert (ran.project / "examples" / "content").is_dir()


def initialised_in_french(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert ran.lines[-4] == "Next:" and (ran.project / "examples" / "content").is_dir()
    written = (ran.project / "site.yml").read_text(encoding="utf-8")
    assert "name: Boulangerie Léa" in written and "language: fr" in written
    about = (ran.project / "content/pages/about.md").read_text(encoding="utf-8")
    assert about.startswith("Title: À propos de Boulangerie Léa\n")


def init_needs_answers(ran: Ran) -> None:
    # No terminal to ask in: one line naming the flags to give, and nothing changed.
    assert ran.code == 1
    [line] = ran.lines
    assert line.startswith("error: init needs --name") and "--yes" in line
    assert not (ran.project / "examples").exists()


def results_shown(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    share = ran.project / "output" / "share"
    assert (share / "results.html").is_file() and (share / "results.json").is_file()
    assert any(line.startswith("3-things-to-do-with-a-bag-of-dried-beans ") for line in ran.lines)


def new_draft(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert ran.out.strip() == "content/articles/3-things-to-do-with-lentils.md"


def new_needs_title(ran: Ran) -> None:
    assert ran.code == 1
    assert ran.lines == [
        'error: give the article a title, e.g. invoke new "3 things to do with lentils"'
    ]


def checked(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert ran.lines[-1].endswith(": 0 problems")


def reported(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert (ran.project / "output" / "share" / "report.html").is_file()


def cleaned(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert not (ran.project / "output").exists()


def translations_current(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert ran.lines[-1] == "Every message is translated in fr, de, es, nl."
    # The catalogues are up to date, so not one of their files changes, not even a date.
    for path in (ran.project / "theme" / "locale").rglob("*.po*"):
        assert path.read_bytes() == (ROOT / path.relative_to(ran.project)).read_bytes(), path


def linted(ran: Ran) -> None:
    assert ran.code == 0, ran.out + ran.err


def plain_pelican(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert (ran.project / "output" / SLUG / "index.html").is_file()


def venv_made(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert (ran.project / ".venv" / "bin" / "activate").is_file()


def screenshots_taken(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    shots = [*SHOTS, *BRAND_SHOTS, *FRENCH_SHOTS, *RESULTS_SHOTS]
    assert [line.split(":")[0] for line in ran.lines] == [f"docs/{name}" for name in shots]


def audited(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert ran.lines[-1] == "Audit passed: every budget met."


def benched(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert "| 100 |" in ran.err


def rsync_published(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert (ran.project / "deployed" / "index.html").is_file()
    assert readable_by_anyone(ran.project / "deployed") == []


@dataclass(frozen=True)
class Case:
    """How one README command is run: the line typed (placeholders filled), and what it needs."""

    check: Callable[[Ran], None]
    typed: str | None = None
    before: str | None = None
    server: tuple[str, int] | None = None
    needs: str | None = None


PREVIEW = "http://127.0.0.1:8000/"
# A writer's own addresses where the sample keeps placeholders: publishing refuses those.
PUBLISHABLE = (
    "sed -i 's/hello@larderlane.example/hello@larderlane.test/' site.yml"
    " && sed -i 's#/larderlane$#/millbrook-grocer#' content/calls-to-action.yml"
)
# The exports the tests bring back, in results/ as the README says.
RESULTS = (
    "mkdir results && cp tests/fixtures/results/*.csv results/"
    " && cp results/signups-newsletter.csv results/signups.csv"
)
BRAMBLE = 'invoke init --name "Bramble Bakery" --email hello@bramble.example --yes'
CASES: dict[str, Case] = {
    "python3 -m pip install -r requirements.txt && invoke build": Case(built),
    "python3 -m venv .venv && . .venv/bin/activate": Case(venv_made, needs="slow"),
    "invoke build": Case(built),
    "invoke build --strict": Case(built),
    'invoke new "3 things to do with lentils"': Case(new_draft),
    'invoke new "TITLE"': Case(new_draft, typed='invoke new "3 things to do with lentils"'),
    "invoke new": Case(new_needs_title),
    "invoke serve": Case(busy_or(home_page, "serve", 8000), server=("serve", 8000)),
    "invoke serve --port 8000": Case(busy_or(home_page, "serve", 8000), server=("serve", 8000)),
    "invoke livereload": Case(busy_or(home_page, "livereload", 8000), server=("lr", 8000)),
    "invoke livereload --port 8000": Case(
        busy_or(home_page, "livereload", 8000), server=("lr", 8000)
    ),
    "invoke check": Case(checked),
    "invoke publish": Case(needs_siteurl),
    "invoke publish --dry-run": Case(needs_siteurl),
    "SITEURL=https://www.example.com invoke publish": Case(published, before=PUBLISHABLE),
    "SITEURL=https://www.example.com invoke publish --dry-run": Case(dry_run, before=PUBLISHABLE),
    # The placeholders become a real address and a folder on this machine.
    "PUBLISH_TARGET=rsync PUBLISH_RSYNC_DEST=me@host:/var/www/site/ SITEURL=… invoke publish": Case(
        rsync_published,
        typed="PUBLISH_TARGET=rsync PUBLISH_RSYNC_DEST=deployed/"
        " SITEURL=https://www.example.com invoke publish",
        before=PUBLISHABLE,
        needs="rsync",
    ),
    "invoke snippets": Case(lists_snippets, before="invoke build"),
    "invoke snippets SLUG": Case(
        prints_posts, typed=f"invoke snippets {SLUG}", before="invoke build"
    ),
    "invoke report": Case(reported),
    BRAMBLE: Case(initialised),
    'invoke init --name "Boulangerie Léa" --email bonjour@lea.example --language fr --yes': Case(
        initialised_in_french
    ),
    "invoke init --name … --email … --yes": Case(initialised, typed=BRAMBLE),
    "invoke init": Case(init_needs_answers),
    "invoke results": Case(results_shown, before=RESULTS),
    "invoke results FILE ...": Case(
        results_shown, typed="invoke results results/visits.csv", before=RESULTS
    ),
    "invoke results results/visits.csv results/signups.csv": Case(results_shown, before=RESULTS),
    "invoke report --today 2027-01-31": Case(reported),
    "invoke clean": Case(cleaned, before="invoke build"),
    "invoke lint": Case(linted),
    "invoke translations": Case(translations_current),
    "invoke translations --check": Case(translations_current),
    "pelican content -s pelicanconf.py -o output": Case(plain_pelican),
    "invoke screenshots": Case(screenshots_taken, needs="chromium"),
    "invoke audit": Case(audited, needs="lighthouse"),
    # `invoke bench` alone times 1000 and 3000 articles three times over (minutes); the README's
    # quick look runs the same code.
    "invoke bench": Case(benched, typed="invoke bench --sizes 100", needs="slow"),
}
# Run elsewhere, exactly as written: .ci/run installs and runs these on a fresh machine.
IN_CI = {
    "python3 -m pip install -r requirements-dev.txt && invoke test",
    "python3 -m pip install -r requirements-isso.txt",
}
# System packages: installing them needs root and the network; .ci/run installs each of them.
SYSTEM = {
    "apt-get install chromium chromium-driver fonts-dejavu-core",
    "apt-get install fonts-dejavu-core",
    "apt-get install gcc python3-dev",
    "apt-get install nodejs npm",
    "PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --prefix tests/audit",
    "invoke test",
}
# Long-running servers shown only as part of a longer explanation, tested in their own files.
ELSEWHERE = {"invoke comments": "tests/browser/test_comments.py starts the same Isso server"}


def test_every_command_in_the_readme_has_a_test():
    shown = {form for command in readme_commands() for form in forms(command)}
    covered = set(CASES) | IN_CI | SYSTEM | set(ELSEWHERE)
    assert sorted(shown - covered) == [], "a README command with no test: add it to CASES"
    assert sorted(covered - shown) == [], "a tested command the README no longer shows"


def test_ci_runs_the_readme_install_and_test_commands_exactly():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in IN_CI:
        assert command in script


def skip_unless(need: str | None) -> None:
    """Skip a command this machine cannot run (CI has everything, so there it fails)."""
    missing = {
        None: False,
        "rsync": not shutil.which("rsync"),
        "chromium": not os.access(os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium"), os.X_OK),
        "lighthouse": not (ROOT / "tests/audit/node_modules/.bin/lighthouse").exists(),
        "slow": not os.environ.get("HUB_SLOW_COMMANDS") and not os.environ.get("CI"),
    }[need]
    if missing:
        reason = f"needs {need}" + (" (set HUB_SLOW_COMMANDS=1)" if need == "slow" else "")
        if os.environ.get("CI") and need != "slow":
            pytest.fail(f"{reason}: CI installs it")
        pytest.skip(reason)


@pytest.mark.parametrize(
    "shown",
    [
        # Commands that drive Chromium count as browser tests.
        pytest.param(shown, marks=pytest.mark.browser)
        if CASES[shown].needs in ("chromium", "lighthouse")
        else shown
        for shown in sorted(CASES)
    ],
)
def test_readme_command_runs_as_written(tmp_path, shown):
    case = CASES[shown]
    skip_unless(case.needs)
    if case.needs in ("chromium", "lighthouse"):
        pytest.importorskip("playwright")
    project = copy_project(tmp_path / "project")
    if case.before:
        assert run(project, case.before).code == 0
    typed = case.typed or shown
    if case.server:
        ran = serve_then_stop(project, typed, PREVIEW, case.server[1])
    else:
        ran = run(project, typed)
    case.check(ran)
    assert "Traceback" not in ran.err


@pytest.mark.parametrize("command", ["serve", "livereload"])
def test_a_busy_port_is_one_line_naming_it_and_another_port(tmp_path, command):
    project = copy_project(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ran = run(project, f"invoke {command} --port {port}", timeout=60)
    assert ran.code == 1
    assert ran.lines == [
        f"error: port {port} is already in use (is another preview running?);"
        f" stop the other program, or use another port: invoke {command} --port {port + 1}"
    ]
    assert not (project / "output").exists()


@pytest.mark.parametrize("command", ["screenshots", "audit"])
def test_a_missing_chromium_is_one_line(tmp_path, command):
    project = copy_project(tmp_path / "project")
    ran = run(project, f"HUB_CHROMIUM=/nowhere/chromium invoke {command}", timeout=60)
    assert ran.code == 1
    assert ran.lines == [
        "error: Chromium is not installed (looked for /nowhere/chromium); install it with"
        " apt-get install chromium, or set HUB_CHROMIUM to where it is"
    ]
