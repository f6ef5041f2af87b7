"""Build the Pagefind index from built pages: which pages, their filters, the bundle."""

from __future__ import annotations

import asyncio
import concurrent.futures
import html
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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


def write_index(
    output: Path, entries: Sequence[Entry], *, language: str, exclude: Sequence[str]
) -> int:
    """Index ENTRIES' files into OUTPUT/pagefind/; return how many pages it holds."""
    bundle = output / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    # The Python API runs its own event loop; a thread keeps it apart from any running one
    # (livereload's server has its own loop).
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(asyncio.run, _index(output, entries, language, list(exclude)))
        try:
            return job.result()
        except SearchUnavailable:
            raise
        except Exception as failure:
            # Half a bundle would answer wrongly: no search is better.
            shutil.rmtree(bundle, ignore_errors=True)
            # An OSError's text names an errno and the program's full path: its reason is enough.
            said = (failure.strerror if isinstance(failure, OSError) else str(failure)) or (
                type(failure).__name__
            )
            raise SearchUnavailable(
                f"Pagefind stopped before the index was written ({said})",
                f"run the build again, and if it happens again, {INSTALL_HINT}",
            ) from failure


async def _index(output: Path, entries: Sequence[Entry], language: str, exclude: list[str]) -> int:
    """Copy the pages with their filters, index the copies and write the bundle."""
    try:
        from pagefind.index import IndexConfig, PagefindIndex
        from pagefind.service import get_executable
    except ImportError as missing:
        raise SearchUnavailable("the pagefind package is not installed", INSTALL_HINT) from missing
    program = get_executable()
    if program is None or not Path(program).is_file():
        raise SearchUnavailable("the Pagefind program is not installed", INSTALL_HINT)
    config = IndexConfig(
        root_selector=ROOT_SELECTOR,
        exclude_selectors=exclude,
        force_language=language,
        output_path=str(output / BUNDLE),
    )
    # The pages go to Pagefind as one folder of copies, filters added: one request to its
    # program, however many pages (a request per page waits a tenth of a second each).
    with tempfile.TemporaryDirectory(prefix="hub-search-") as folder:
        for entry in entries:
            copy = Path(folder, entry.save_as)
            copy.parent.mkdir(parents=True, exist_ok=True)
            page = (output / entry.save_as).read_text(encoding="utf-8")
            copy.write_text(indexable_html(page, entry.filters), encoding="utf-8")
        async with PagefindIndex(config=config) as index:
            indexed = await index.add_directory(folder)
    return int(indexed.get("page_count", len(entries)))
