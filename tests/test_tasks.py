"""The writer's commands, run as a writer runs them (`invoke ...`) in a copy of the project."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import article_text, copy_project

ROOT = Path(__file__).resolve().parent.parent
NEW_TITLE = "3 things to do with lentils"
NEW_FILE = "content/articles/3-things-to-do-with-lentils.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with the sample, so commands never touch the real content/."""
    return copy_project(tmp_path / "project")


def make_publishable(project: Path) -> Path:
    """Put a writer's own addresses where the sample has placeholders, as publishing needs."""
    catalogue = project / "content" / "calls-to-action.yml"
    catalogue.write_text(catalogue.read_text().replace("/larderlane", "/millbrook-grocer"))
    site = project / "site.yml"
    site.write_text(site.read_text().replace("hello@larderlane.example", "hello@larderlane.test"))
    return project


def environment(**extra: str) -> dict[str, str]:
    """The environment without publishing variables or the tests' site file, plus EXTRA."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SITEURL", "PUBLISH_", "HUB_SITE_FILE"))
    }
    return {**env, **extra}


def invoke(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` in PROJECT, as a writer would."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=180,
    )


def files_under(folder: Path) -> dict[str, float]:
    """Every file under FOLDER with its modification time."""
    return {str(p.relative_to(folder)): p.stat().st_mtime for p in folder.rglob("*") if p.is_file()}


def test_new_writes_a_draft_that_builds_and_refuses_to_overwrite(project):
    made = invoke(project, "new", NEW_TITLE)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == NEW_FILE
    text = (project / NEW_FILE).read_text()
    assert text.startswith(f"Title: {NEW_TITLE}\nDate: {datetime.date.today().isoformat()}\n")
    assert "Status: draft\n" in text and text.count("\n## ") == 3

    again = invoke(project, "new", NEW_TITLE)
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        f"error: {NEW_FILE} already exists; choose another title or edit that file instead"
    ]
    assert (project / NEW_FILE).read_text() == text

    built = invoke(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert built.stderr.strip().endswith(", 0 warnings")
    assert not (project / "output" / "drafts").exists()
    assert not (project / "output" / "3-things-to-do-with-lentils").exists()
    home = BeautifulSoup((project / "output" / "index.html").read_text(), "html.parser")
    assert not home.select(".drafts") and "lentils" not in home.get_text()


def test_check_passes_on_the_sample_site(project):
    checked = invoke(project, "check")
    assert checked.returncode == 0, checked.stderr
    last = checked.stderr.strip().splitlines()[-1]
    assert last.startswith("Checked ") and last.endswith(": 0 problems")
    assert not (project / "output").exists()


def test_check_fails_naming_the_page_and_the_broken_link(project):
    body = (
        "Intro, [see the beans](/3-things-to-do-with-a-bag-of-dried-beans/#thing-9).\n\n"
        "## 1. One\n\nRead [this](/no-such-page/). Then go.\n\n## 2. Two\n\nA. B.\n\n"
        "## 3. Three\n\nA. B.\n"
    )
    (project / "content/articles/typo.md").write_text(article_text(Slug="typo", body=body))
    checked = invoke(project, "check")
    assert checked.returncode == 1
    lines = checked.stderr.strip().splitlines()
    assert "check: content/articles/typo.md (/typo/): link '/no-such-page/' leads nowhere" in (
        "\n".join(lines)
    )
    assert (
        "check: content/articles/typo.md (/typo/): link"
        " '/3-things-to-do-with-a-bag-of-dried-beans/#thing-9' points to #thing-9,"
        " which is not on /3-things-to-do-with-a-bag-of-dried-beans/"
    ) in lines
    assert lines[-1].endswith(": 2 problems")


def test_publish_without_siteurl_names_it_and_changes_nothing(project):
    published = invoke(project, "publish", "--dry-run")
    assert published.returncode == 1
    assert published.stderr.strip().splitlines() == [
        "error: SITEURL is not set; put your site's address in site.yml"
        " (url: https://www.example.com) or set it for one run,"
        " e.g. SITEURL=https://www.example.com invoke publish"
    ]
    assert not (project / "output").exists()


def test_publish_dry_run_lists_what_it_would_deploy_and_changes_nothing(project):
    make_publishable(project)
    (project / "output").mkdir()
    (project / "output" / "last-good.html").write_text("the last site")
    # Caches may warm up (link_previews keeps social cards in cache/); the site may not change.
    watched = [project / "output", project / "content"]
    before = [files_under(folder) for folder in watched]
    published = invoke(
        project,
        "publish",
        "--dry-run",
        SITEURL="https://www.example.com",
        PUBLISH_TARGET="rsync",
        PUBLISH_RSYNC_DEST="me@host:/srv/site/",
    )
    assert published.returncode == 0, published.stderr
    lines = published.stderr.strip().splitlines()
    assert any(line.startswith("Dry run: would publish ") and " files (" in line for line in lines)
    assert (
        "Would run: rsync --archive --compress --delete --rsh=ssh"
        f" {project / 'output'}/ me@host:/srv/site/"
    ) in lines
    assert lines[-1] == "Nothing was changed."
    assert [files_under(folder) for folder in watched] == before


def test_publish_rsync_without_a_destination_names_the_setting(project):
    published = invoke(
        project, "publish", "--dry-run", SITEURL="https://www.example.com", PUBLISH_TARGET="rsync"
    )
    assert published.returncode == 1
    assert published.stderr.strip().splitlines()[-1] == (
        "error: site.yml: rsync_destination is empty; give where rsync copies the site,"
        " e.g. user@host:/var/www/site/ (or set PUBLISH_RSYNC_DEST for one run)"
    )


def test_publish_leaves_drafts_future_articles_and_the_share_kit_out(project):
    make_publishable(project)
    articles = project / "content" / "articles"
    soon = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    (articles / "later.md").write_text(article_text(Slug="later", Date=soon))
    (articles / "wip.md").write_text(article_text(Slug="wip", Status="draft"))
    with (project / "pelicanconf.py").open("a") as settings:
        settings.write(
            '\nCONVERSATION_FORM_ENDPOINT = "https://formspree.io/f/abc"\n'
            'CONVERSATION_PROVIDER = "isso"\n'
            'CONVERSATION_ISSO = {"url": "https://comments.example.com/"}\n'
        )
    published = invoke(project, "publish", SITEURL="https://www.example.com")
    assert published.returncode == 0, published.stderr
    output = project / "output"
    assert (output / "index.html").is_file()
    assert not (output / "later").exists() and not (output / "wip").exists()
    assert not (output / "drafts").exists() and not (output / "share").exists()
    sitemap = (output / "sitemap.xml").read_text()
    assert "/later/" not in sitemap and "/wip/" not in sitemap
    headers = (output / "_headers").read_text()
    assert "Content-Security-Policy: default-src 'self';" in headers
    assert "X-Content-Type-Options: nosniff" in headers
    # The policy allows the forms (the newsletter's, from the pages; the question form's, from
    # the settings) and the comment server, and nothing else.
    assert "form-action 'self' https://buttondown.com https://formspree.io;" in headers
    # The search page's WebAssembly is allowed too, since the site has a search index.
    assert "script-src 'self' 'wasm-unsafe-eval' https://comments.example.com;" in headers
    assert (output / "pagefind" / "pagefind-entry.json").is_file()
    assert "/search/" not in sitemap and "/email/" not in sitemap
    for feed in ("all.atom.xml", "social.xml"):
        text = (output / "feeds" / feed).read_text()
        assert "https://www.example.com/" in text and "127.0.0.1" not in text
    assert "frame-src https://comments.example.com;" in headers
    assert published.stderr.strip().splitlines()[-1].startswith("Left output/ ready to upload")
    # The share kit built for the real address is kept beside output/ for the schedulers.
    kit = (project / "share-kit" / "sprout-x.csv").read_text()
    assert "https://www.example.com/" in kit and "127.0.0.1" not in kit

    # In a preview build, the future article is there and the draft is shown as a draft.
    built = invoke(project, "build")
    assert built.returncode == 0, built.stderr
    assert (output / "later" / "index.html").is_file()


def test_publish_with_ghp_import_pushes_the_site_to_gh_pages(project, tmp_path):
    make_publishable(project)
    remote = tmp_path / "remote.git"
    git = {"GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "w@example.com",
           "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "w@example.com"}  # fmt: skip
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "remote", "add", "origin", str(remote)], cwd=project, check=True)
    published = invoke(
        project, "publish", SITEURL="https://www.example.com", PUBLISH_TARGET="ghp-import", **git
    )
    assert published.returncode == 0, published.stderr
    listed = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"],
        cwd=remote,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert {"index.html", "_headers", ".nojekyll"} <= set(listed)


def _publish_with_rsync(project: Path, deployed: Path, **env: str) -> subprocess.CompletedProcess:
    """Publish with rsync into DEPLOYED, chosen in site.yml as a writer does."""
    site = project / "site.yml"
    text = site.read_text().replace("publish_to: none", "publish_to: rsync")
    site.write_text(text.replace('rsync_destination: ""', f'rsync_destination: "{deployed}/"'))
    return invoke(project, "publish", SITEURL="https://www.example.com", **env)


def test_publish_with_rsync_copies_the_site(project, tmp_path):
    make_publishable(project)
    if not shutil.which("rsync"):
        if os.environ.get("CI"):
            pytest.fail("rsync is not installed: .ci/run installs it, so CI tests the real copy")
        pytest.skip("rsync is not installed on this machine")
    deployed = tmp_path / "deployed"
    published = _publish_with_rsync(project, deployed)
    assert published.returncode == 0, published.stderr
    assert (deployed / "index.html").is_file() and (deployed / "_headers").is_file()
    assert not (deployed / "share").exists()  # the share kit is never deployed


def test_publish_with_rsync_missing_says_what_to_do(project, tmp_path):
    make_publishable(project)
    # A PATH with nothing on it: the machine has no rsync as far as publish can tell.
    nothing = tmp_path / "empty-path"
    nothing.mkdir()
    published = _publish_with_rsync(project, tmp_path / "deployed", PATH=str(nothing))
    assert published.returncode == 1
    assert published.stderr.strip().splitlines()[-1] == (
        "error: rsync is not installed; install it, or set publish_to: none in site.yml"
        " and upload output/ by hand"
    )
    assert (project / "output" / "index.html").is_file()


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_when_up(url: str, process: subprocess.Popen, timeout: float = 90) -> str:
    """GET URL once the preview server answers (the build runs first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {timeout} s")


@pytest.fixture
def preview(project):
    """Start `invoke serve` or `invoke livereload` on a free port; stop it after the test."""
    processes: list[subprocess.Popen] = []

    def _start(command: str) -> str:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", command, "--port", str(port)],
            cwd=project,
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        return f"http://127.0.0.1:{port}", process

    yield _start
    for process in processes:
        process.terminate()
        process.wait(timeout=20)
        if process.stderr:
            process.stderr.close()


@pytest.mark.parametrize("command", ["serve", "livereload"])
def test_preview_shows_drafts_marked_as_drafts(project, preview, command):
    (project / "content/articles/wip.md").write_text(
        article_text("3 things to do with oats", Slug="wip", Status="draft")
    )
    url, process = preview(command)
    home = BeautifulSoup(fetch_when_up(f"{url}/", process), "html.parser")
    drafts = home.select(".drafts a")
    assert [(a.get_text(), a["href"]) for a in drafts] == [
        ("3 things to do with oats", "/drafts/wip/")
    ]
    draft = BeautifulSoup(fetch_when_up(f"{url}/drafts/wip/", process), "html.parser")
    assert draft.select_one(".draft-banner")
    assert draft.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert draft.find("link", rel="canonical")["href"] == f"{url}/drafts/wip/"


def test_livereload_rebuilds_when_an_article_is_saved(project, preview):
    url, process = preview("livereload")
    fetch_when_up(f"{url}/", process)
    (project / "content/articles/fresh.md").write_text(
        article_text("3 things to do with fresh herbs", Slug="fresh")
    )
    page = BeautifulSoup(fetch_when_up(f"{url}/fresh/", process), "html.parser")
    assert page.h1.get_text() == "3 things to do with fresh herbs"


def test_livereload_builds_with_a_plugins_new_code_once_it_is_saved(project, preview):
    url, process = preview("livereload")
    slug = "3-things-to-do-with-a-bag-of-dried-beans"
    assert "42 min read" not in fetch_when_up(f"{url}/{slug}/", process)
    fields = project / "plugins" / "writer_metadata" / "fields.py"
    code = fields.read_text()
    marker = '    """Minutes to read WORDS words, at least one."""\n'
    assert marker in code
    fields.write_text(code.replace(marker, marker + "    return 42\n"))
    # The preview restarts with the new code (the old is still loaded in the old process).
    deadline = time.monotonic() + 90
    while "42 min read" not in fetch_when_up(f"{url}/{slug}/", process):
        assert time.monotonic() < deadline, "the preview kept the plugin's old code"
        time.sleep(0.5)


@pytest.mark.parametrize("title", ["", "   "])
def test_new_without_a_title_says_how_to_give_one(project, title):
    made = invoke(project, "new", title)
    assert made.returncode == 1
    assert made.stderr.strip().splitlines() == [
        'error: give the article a title, e.g. invoke new "3 things to do with lentils"'
    ]


def _kit_posts(kit: Path) -> dict[tuple[str, str], dict]:
    """Every post of a kept share kit by (article, post id)."""
    data = json.loads((kit / "snippets.json").read_text(encoding="utf-8"))
    return {(a["slug"], s["id"]): s for a in data["articles"] for s in a["snippets"]}


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_publishing_twice_lists_exactly_the_edited_articles_changed_posts(project):
    make_publishable(project)
    first = invoke(project, "publish", SITEURL="https://www.example.com")
    assert first.returncode == 0, first.stderr
    kit, record = project / "share-kit", project / "share-kit-published.json"
    assert record.is_file() and not (kit / "published.json").exists()
    assert not (kit / "changes.csv").exists()  # nothing to compare with the first time
    assert not (project / "output" / "share").exists()
    # The kept kit carries its own style and script, linked by relative address.
    assert (kit / "kit.css").is_file() and (kit / "kit.js").is_file()
    assert 'href="kit.css"' in (kit / "index.html").read_text(encoding="utf-8")
    before = _kit_posts(kit)
    article = project / "content" / "articles" / "3-things-to-do-with-a-bag-of-dried-beans.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("a ten-minute chilli and", "a five-minute chilli and", 1), encoding="utf-8"
    )
    second = invoke(project, "publish", SITEURL="https://www.example.com")
    assert second.returncode == 0, second.stderr
    after = _kit_posts(kit)
    changed = {key for key in after if key in before and after[key]["text"] != before[key]["text"]}
    assert changed and {slug for slug, _ in changed} == {article.stem}
    assert set(after) == set(before)
    rows = _csv_rows(kit / "changes.csv")
    assert rows[0] == ["article", "network", "id", "change", "text", "link", "scheduled_at"]
    assert {(row[0], row[2]) for row in rows[1:]} == changed
    assert {row[3] for row in rows[1:]} == {"changed"}
    # The changes exports hold those posts and no other, each network's in its own files.
    scheduled = {key for key in changed if after[key]["scheduled_at"]}
    found = set()
    for path in kit.glob("hootsuite-*-changes*.csv"):
        network = path.name.removeprefix("hootsuite-").split("-changes")[0]
        for _, _, link in _csv_rows(path):
            [key] = [k for k in scheduled if after[k]["link"] == link]
            assert after[key]["network"] == network
            found.add(key)
    assert found == scheduled
    sprouted = set()
    for path in kit.glob("sprout-*-changes.csv"):
        network = path.name.removeprefix("sprout-").removesuffix("-changes.csv")
        for _, _, message in _csv_rows(path)[1:]:
            [key] = [k for k in scheduled if after[k]["text"] == message]
            assert after[key]["network"] == network
            sprouted.add(key)
    assert sprouted == scheduled
    # The kit's front page says so first, with the re-scrape tools for the changed summary.
    index = BeautifulSoup((kit / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = index.find(id="kit-changes").parent
    assert index.find("h2").get("id") == "kit-changes"
    assert "dried beans" in section.get_text()
    assert section.find("a", href="changes.csv")
    debugger = section.find("a", string="Facebook Sharing Debugger")["href"]
    assert debugger.startswith("https://developers.facebook.com/tools/debug/?q=https")
    assert article.stem in debugger
    assert section.find("a", string="LinkedIn Post Inspector")


def test_results_reads_the_results_folder_and_prints_the_table(project):
    fixtures = ROOT / "tests" / "fixtures" / "results"
    shutil.copytree(fixtures, project / "results")
    (project / "results" / "notes.txt").unlink()
    shown = invoke(project, "results")
    assert shown.returncode == 0, shown.stderr
    assert re.search(
        r"^3-things-to-do-with-a-bag-of-dried-beans +53 +53 +0 +3 +1 +0$", shown.stderr, re.M
    )
    assert re.search(
        r"^3-things-to-do-with-a-bag-of-dried-beans x-thing-2 +41$", shown.stderr, re.M
    )
    assert (project / "output" / "share" / "results.html").is_file()
    # As the README shows it: the files named after the command, instead of the whole folder.
    one = invoke(project, "results", "results/visits.csv")
    assert one.returncode == 0, one.stderr
    assert re.search(
        r"^3-things-to-do-with-a-bag-of-dried-beans +53 +53 +0 +0 +0 +0$", one.stderr, re.M
    )
    two = invoke(project, "results", "results/visits.csv", "results/signups-newsletter.csv")
    assert two.returncode == 0, two.stderr
    assert re.search(
        r"^3-things-to-do-with-a-bag-of-dried-beans +53 +53 +0 +[1-9]\d* +0 +0$", two.stderr, re.M
    )


def test_results_without_any_export_says_where_to_put_them(project):
    shown = invoke(project, "results")
    assert shown.returncode == 0, shown.stderr
    assert "No results yet: put your exports in results/" in shown.stderr
    assert not (project / "output" / "share" / "results.html").exists()
