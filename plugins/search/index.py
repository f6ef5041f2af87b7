"""Build the Pagefind index from built pages: which pages, their filters, the bundle."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

BUNDLE = "pagefind"
# The element of a page Pagefind reads: the header, footer and search box stay out.
ROOT_SELECTOR = "main"


INSTALL_HINT = "install it with `python3 -m pip install -r requirements.txt`"


class SearchUnavailable(Exception):
    """Pagefind could not be found, started or finish the index: what happened, what to do."""

    def __init__(self, reason: str, remedy: str) -> None:
        super().__init__(f"{reason}, so this build has no search; {remedy}")


@dataclass(frozen=True)
class Entry:
    """One built page to index: its file (relative to the output) and its search filters."""

    save_as: str
    filters: Mapping[str, str] = field(default_factory=dict)


def filter_markup(filters: Mapping[str, str]) -> str:
    """Hidden elements that tag a page with filters (Pagefind's inline `name:value` form)."""
    return "".join(
        f'<span hidden data-pagefind-filter="{html.escape(f"{name}:{value}")}"></span>'
        for name, value in filters.items()
        if value
    )


def indexable_html(page: str, filters: Mapping[str, str]) -> str:
    """PAGE as Pagefind should read it: the filters added, so readers never download them."""
    markup = filter_markup(filters)
    # Inside the part Pagefind reads (ROOT_SELECTOR), where it looks for filters too.
    before, closing, after = page.rpartition(f"</{ROOT_SELECTOR}>")
    return f"{before}{markup}{closing}{after}" if closing else page + markup


# Pagefind indexes a few hundred pages a second; a program that hangs must not hang the build.
TIMEOUT_SECONDS = 300


class IndexRun:
    """Pagefind indexing one build's pages, started while the rest of the site is written."""

    def __init__(self, output: Path, entries: Sequence[Entry], language: str | None,
                 exclude: Sequence[str]) -> None:  # fmt: skip
        self.output, self.entries = output, entries
        self.bundle = output / BUNDLE
        self.folder = tempfile.TemporaryDirectory(prefix="hub-search-")
        self.site, self.made = (os.path.join(self.folder.name, part) for part in ("site", BUNDLE))
        os.mkdir(self.site)
        self.failure: Exception | None = None
        self.process: subprocess.Popen[str] | None = None
        self.said = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - finish() closes it
        self.started = time.monotonic()
        # What each page was when copied: a page written again later means indexing again.
        self.stamps: dict[str, tuple[int, int] | None] = {}
        shutil.rmtree(self.bundle, ignore_errors=True)
        try:
            program = _program()
        except SearchUnavailable as unavailable:
            self.failure = unavailable
            return
        # The pages go to Pagefind as one folder of copies, filters added: one run of its
        # program, however many pages.
        for entry in entries:
            built = output / entry.save_as
            self.stamps[entry.save_as] = _stamp(built)
            if self.stamps[entry.save_as] is None:
                continue  # its page could not be written, and the build already said why
            copy = Path(self.site, entry.save_as)
            copy.parent.mkdir(parents=True, exist_ok=True)
            page = built.read_text(encoding="utf-8")
            copy.write_text(indexable_html(page, entry.filters), encoding="utf-8")
        # The bundle is made beside the copies and moved in at the end: a build that fails
        # meanwhile removes its output while Pagefind may still be writing.
        command = [
            program, "--site", self.site, "--output-path", self.made,
            "--root-selector", ROOT_SELECTOR,
            *(("--force-language", language) if language else ()),
            *(part for selector in exclude for part in ("--exclude-selectors", selector)),
        ]  # fmt: skip
        try:
            # Its words go to a file, not a pipe: nobody reads a pipe until the build's end,
            # and a full one would stop Pagefind.
            self.process = subprocess.Popen(
                command, stdout=self.said, stderr=subprocess.DEVNULL, text=True
            )
        except OSError as failure:
            self.failure = failure

    def unchanged(self) -> bool:
        """Whether every page is still what was copied for Pagefind."""
        return all(_stamp(self.output / name) == was for name, was in self.stamps.items())

    def finish(self) -> int:
        """Wait for Pagefind; how many pages the index holds, or SearchUnavailable."""
        try:
            if isinstance(self.failure, SearchUnavailable):
                raise self.failure
            if self.process is None:
                _stopped(self.bundle, _reason(self.failure or OSError()))
            left = TIMEOUT_SECONDS - (time.monotonic() - self.started)
            try:
                self.process.wait(timeout=max(left, 0))
            except subprocess.TimeoutExpired as failure:
                self.process.kill()
                self.process.wait()
                _stopped(self.bundle, _reason(failure))
            if self.process.returncode != 0:
                _stopped(self.bundle, f"it exited with status {self.process.returncode}")
            self.said.seek(0)
            out = self.said.read()
            shutil.rmtree(self.bundle, ignore_errors=True)
            shutil.move(self.made, self.bundle)
        finally:
            self.said.close()
            self.folder.cleanup()
        counted = re.search(r"Indexed (\d+) pages?", out)
        return int(counted.group(1)) if counted else len(self.entries)

    def cancel(self) -> None:
        """Stop Pagefind and forget its copies (the index is made again from the pages)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.said.close()
        self.folder.cleanup()


def start_index(
    output: Path, entries: Sequence[Entry], *, language: str | None, exclude: Sequence[str]
) -> IndexRun:
    """Start indexing ENTRIES' files into OUTPUT/pagefind/; finish() waits for it. LANGUAGE
    puts every page in one language's index; None leaves each page's <html lang> to say."""
    return IndexRun(output, entries, language, exclude)


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and change time, or None when it is not a file."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns) if path.is_file() else None


def _program() -> str:
    """Pagefind's program, from the pagefind package (PAGEFIND_BINARY_PATH names another)."""
    try:
        from pagefind.service import get_executable
    except ImportError as missing:
        raise SearchUnavailable("the pagefind package is not installed", INSTALL_HINT) from missing
    program = get_executable()
    if program is None or not Path(program).is_file():
        raise SearchUnavailable("the Pagefind program is not installed", INSTALL_HINT)
    return str(program)


def _reason(failure: Exception) -> str:
    """A failure in a few words: an OSError's text names an errno and the program's path."""
    if isinstance(failure, subprocess.TimeoutExpired):
        return f"it took longer than {TIMEOUT_SECONDS} seconds"
    return (failure.strerror if isinstance(failure, OSError) else str(failure)) or (
        type(failure).__name__
    )


def _stopped(bundle: Path, reason: str) -> NoReturn:
    """Half a bundle would answer wrongly: remove it, and say the build has no search."""
    shutil.rmtree(bundle, ignore_errors=True)
    raise SearchUnavailable(
        f"Pagefind stopped before the index was written ({reason})",
        f"run the build again, and if it happens again, {INSTALL_HINT}",
    )
