"""Pelican's writer, made to go on when one page cannot be written and say why in one line."""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import TemplateError
from pelican.writers import FileOverwriteFailedError, Writer

from hub.faults import FULL, REFUSED
from hub.messages import shown_path

log = logging.getLogger(__name__)

# What the writer can do about each system error, in their words.
_OS_FIXES = {
    errno.ENAMETOOLONG: "a file name it needs is too long; give it a shorter 'Slug:' line",
    errno.ENOSPC: "the disk is full; free some space and build again",
    errno.EACCES: "the output folder cannot be written; check who owns it",
    errno.EPERM: "the output folder cannot be written; check who owns it",
    errno.EROFS: "the output folder is on a read-only disk; build somewhere writable",
}


def failure_words(error: BaseException) -> str:
    """What went wrong and what to do, without paths, error numbers or tracebacks."""
    if isinstance(error, FileOverwriteFailedError):
        return "another page is already written at its address; give one of them its own 'Slug:'"
    if isinstance(error, OSError) and error.errno in _OS_FIXES:
        return _OS_FIXES[error.errno]
    if isinstance(error, TemplateError):
        return f"the theme could not show it ({error.message}); check the fields it uses"
    if isinstance(error, OSError):
        return (error.strerror or error.__class__.__name__).lower()
    return (str(error).split("\n")[0] or error.__class__.__name__).strip()


# Context key: source files whose processing failed and was reported (one line per file).
FAILED_SOURCES = "hub_failed_sources"


@contextmanager
def one_article(content: Any, context: dict[str, Any], doing: str) -> Iterator[None]:
    """Run one article's step; a failure is one error naming its file, and the others go on."""
    try:
        yield
    except Exception as error:  # noqa: BLE001 - one article never takes the site down
        log.error(
            "%s: working out %s failed (%s); check its header and text",
            shown_path(content.source_path),
            doing,
            failure_words(error),
        )
        context.setdefault(FAILED_SOURCES, set()).add(content.source_path)


def written_source(kwargs: dict[str, Any]) -> str | None:
    """The writer's file behind a page being written, when the page is an article or a page."""
    for key in ("article", "page"):
        content = kwargs.get(key)
        if getattr(content, "source_path", None):
            return shown_path(content.source_path)
    return None


class KeepGoingWriter(Writer):
    """Writes every page it can; a page that fails becomes one error naming its file."""

    def write_file(self, name: Any, template: Any, context: Any, *args: Any, **kwargs: Any) -> Any:
        """Write one page as Pelican does; a failure is logged and the build goes on."""
        try:
            return super().write_file(name, template, context, *args, **kwargs)
        except OSError as error:
            if error.errno in FULL | REFUSED | {errno.EFBIG}:
                # The machine refuses every page alike: the build stops with one line for it.
                raise
            self.page_failed(name, context, kwargs, error)
        except Exception as error:  # noqa: BLE001 - one page never takes the site down
            self.page_failed(name, context, kwargs, error)
        return None

    def page_failed(
        self, name: Any, context: Any, kwargs: dict[str, Any], error: Exception
    ) -> None:
        """One error naming the page's file, unless its own line already went out."""
        failed = context.get(FAILED_SOURCES, ()) if isinstance(context, dict) else ()
        if any(getattr(kwargs.get(key), "source_path", None) in failed for key in kwargs):
            return  # its own line already says what went wrong
        source = written_source(kwargs)
        where = f"{source}: its page" if source else f"the page {name}"
        words = failure_words(error)
        fix = "" if ";" in words else "; check its header and text"
        log.error("%s could not be written: %s%s", where, words, fix)
