"""Build the Pagefind index from built pages: which pages, their filters, the bundle."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
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


def write_index(
    output: Path, entries: Sequence[Entry], *, language: str | None, exclude: Sequence[str]
) -> int:
    """Index ENTRIES' files into OUTPUT/pagefind/; return how many pages it holds. LANGUAGE
    puts every page in one language's index; None leaves each page's <html lang> to say."""
    bundle = output / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    program = _program()
    # The pages go to Pagefind as one folder of copies, filters added: one run of its program,
    # however many pages.
    with tempfile.TemporaryDirectory(prefix="hub-search-") as folder:
        for entry in entries:
            built = output / entry.save_as
            if not built.is_file():
                continue  # its page could not be written, and the build already said why
            copy = Path(folder, entry.save_as)
            copy.parent.mkdir(parents=True, exist_ok=True)
            page = built.read_text(encoding="utf-8")
            copy.write_text(indexable_html(page, entry.filters), encoding="utf-8")
        command = [
            program, "--site", folder, "--output-path", str(bundle),
            "--root-selector", ROOT_SELECTOR,
            *(("--force-language", language) if language else ()),
            *(part for selector in exclude for part in ("--exclude-selectors", selector)),
        ]  # fmt: skip
        try:
            ran = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as failure:
            _stopped(bundle, _reason(failure))
        if ran.returncode != 0:
            _stopped(bundle, f"it exited with status {ran.returncode}")
    counted = re.search(r"Indexed (\d+) pages?", ran.stdout)
    return int(counted.group(1)) if counted else len(entries)


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
