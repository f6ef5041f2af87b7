"""Shared fixtures: real Pelican builds into a temporary folder, Pelican's global state reset."""

from __future__ import annotations

import os
import shutil
import textwrap
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import blinker
import pytest
from bs4 import BeautifulSoup
from pelican.plugins import signals

from hub import signals as hub_signals
from hub.build import BuildReport, build, forget_logged_messages
from workflow.init import sample_content

ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
SETTINGS = ROOT / "pelicanconf.py"
# Tests build with the sample's own settings file, never the writer's site.yml (which
# `invoke init` rewrites); pelicanconf.py reads the file HUB_SITE_FILE names.
SITE_FILE = SITES / "site.yml"
os.environ["HUB_SITE_FILE"] = str(SITE_FILE)
# The project's code and settings, as a copy of the project for running commands needs them.
PROJECT = ("tasks.py", "pelicanconf.py", "publishconf.py", "site.yml", "plugins", "theme")


def sample_dir() -> Path:
    """The sample site's content folder, wherever `invoke init` left it.

    The tests that need the sample (its ten articles, pages and questions) read it here and
    never the writer's own content/: init moves the sample to examples/content/, which nothing
    else touches, so one copy of it serves before and after. Skipped once it was deleted.
    """
    found = sample_content(ROOT)
    if found is None:
        pytest.skip(
            "the sample site is not in this project (invoke init --no-examples deleted it)",
            allow_module_level=True,
        )
    return found


def copy_project(folder: Path, extra: tuple[str, ...] = ()) -> Path:
    """A copy of the project in FOLDER with the sample as its content/ and site.yml.

    Commands run there never touch the real content/ or output/, and find the sample site
    as a fresh clone has it, whether or not this project was set up with `invoke init`.
    """
    folder.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules", ".venv")
    for name in (*PROJECT, *extra):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, folder / name)
    shutil.copytree(sample_dir(), folder / "content", ignore=ignore)
    shutil.copy2(SITE_FILE, folder / "site.yml")
    return folder


def disconnect_all_signals() -> None:
    """Pelican's signals are process-wide: drop every receiver an earlier build connected."""
    for candidate in [*vars(signals).values(), *vars(hub_signals).values()]:
        if isinstance(candidate, blinker.NamedSignal):
            for ref in list(candidate.receivers.values()):
                receiver = ref() if isinstance(ref, weakref.ref) else ref
                if receiver is not None:
                    candidate.disconnect(receiver)


@pytest.fixture(autouse=True)
def isolate_pelican():
    """Each test starts with no plugin handlers and no remembered log messages."""
    disconnect_all_signals()
    forget_logged_messages()
    yield
    disconnect_all_signals()
    forget_logged_messages()


@dataclass
class BuiltSite:
    """A finished build: its report and helpers to read what it wrote."""

    report: BuildReport
    output: Path

    def path(self, relative: str) -> Path:
        return self.output / relative

    def html(self, relative: str) -> BeautifulSoup:
        target = self.output / relative
        if target.is_dir():
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")

    def article(self, slug: str) -> BeautifulSoup:
        return self.html(f"{slug}/index.html")


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote under FOLDER with its bytes, for comparing two builds.

    The search index (pagefind/) is left out: Pagefind writes each filter's values in its own
    hash-map order, so two runs over the same pages differ in bytes, not in what they find. It
    is made afresh by every build, never from a cache; tests/test_search.py checks what it holds.
    """
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] != "pagefind"
    }


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write FILES (relative path -> text, dedented, or bytes) under FOLDER."""
    for relative, body in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            target.write_bytes(body)
        else:
            target.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return folder


def article_text(
    title: str = "3 things to do with beans", body: str | None = None, **meta: str | None
) -> str:
    """A valid article: the given metadata over sensible defaults, then a body of three things."""
    fields: dict[str, str | None] = {
        "Title": title,
        "Date": "2026-09-14 09:00",
        "Category": "Cupboard staples",
        "Tags": "beans, budget",
        "Summary": "Three dinners from one bag of beans.",
    }
    fields.update({key.replace("_", "-").title(): value for key, value in meta.items()})
    header = "\n".join(f"{key}: {value}" for key, value in fields.items() if value is not None)
    if body is None:
        body = (
            "A short intro.\n\n## 1. Make a chilli\n\nSoak the beans overnight. Then simmer.\n\n"
            "## 2. Make a mash\n\nWarm them with garlic. Mash well.\n\n"
            "## 3. Roast them\n\nRoast at 200 °C for 25 minutes. Salt them hot.\n"
        )
    return f"{header}\n\n{body}"


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., BuiltSite]:
    """Build a site from a content folder (a path, a fixture name in tests/sites, or a dict)."""

    def _build(
        content: Path | str | dict[str, str | bytes],
        *,
        strict: bool = True,
        settings: Path = SETTINGS,
        output: Path | None = None,
        **overrides: Any,
    ) -> BuiltSite:
        if isinstance(content, dict):
            content_dir = write_files(tmp_path / "content", content)
        elif isinstance(content, str):
            content_dir = tmp_path / "content"
            shutil.copytree(SITES / content, content_dir, dirs_exist_ok=True)
        else:
            content_dir = Path(content)
        out = output or tmp_path / "output"
        settings_overrides = {"PATH": str(content_dir), "CACHE_CONTENT": False, **overrides}
        report = build(settings, out, strict=strict, overrides=settings_overrides)
        return BuiltSite(report, out)

    return _build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The sample site, built strictly once for the whole session."""
    disconnect_all_signals()
    out = tmp_path_factory.mktemp("sample") / "output"
    overrides = {"PATH": str(sample_dir()), "CACHE_CONTENT": False}
    report = build(SETTINGS, out, strict=True, overrides=overrides)
    disconnect_all_signals()
    return BuiltSite(report, out)


def forwarded(output: Path, link: str) -> tuple[str, BeautifulSoup]:
    """Where a post's short link forwards the reader (its refresh target), and its page."""
    page = output / urlsplit(link).path.lstrip("/") / "index.html"
    assert page.is_file(), link
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    target = refresh.split("url=", 1)[1]
    assert soup.find("a", href=target), link  # the plain link for browsers that never refresh
    return target, soup


def as_published(text: str, link: str) -> str:
    """A preview post as published: its link on an address of 40 characters (SHARE_LINK_ROOM)."""
    path = urlsplit(link).path
    return text.replace(link, "https://" + "larder" * 4 + "lane.com" + path)
