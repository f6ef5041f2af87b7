"""Pelican's own warnings and errors in the writer's words: `file: what is wrong; what to do`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hub.messages import shown_path

# The files the hub's readers read (writer_metadata), which report their own problems.
TEXT_SOURCES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".rest")
_ERRNO = re.compile(r"\[Errno \d+\]\s*")
_QUOTED_PATH = re.compile(r"'(/[^']+)'|\"(/[^\"]+)\"")


@dataclass(frozen=True)
class Places:
    """The folders of one build, to show every path as the writer knows it."""

    content: str
    staging: str = ""
    output_name: str = "output"

    def file(self, path: str) -> str:
        """A content file Pelican named (absolute, or relative to the content folder)."""
        path = path.strip().strip("'\"")
        full = path if os.path.isabs(path) else os.path.join(self.content, path)
        return shown_path(full)

    def scrub(self, line: str) -> str:
        """LINE with the build's temporary folder and absolute paths made relative."""
        if self.staging:
            line = line.replace(self.staging.rstrip(os.sep) + os.sep, self.output_name + "/")
            line = line.replace(self.staging, self.output_name)
        line = _QUOTED_PATH.sub(lambda m: f"'{shown_path(m[1] or m[2])}'", line)
        # Unquoted paths inside the project lose the project's own folder.
        line = line.replace(os.getcwd().rstrip(os.sep) + os.sep, "")
        return _ERRNO.sub("", line)


Rule = Callable[[re.Match[str], Places, Sequence[str]], "str | None"]


def _could_not_process(m: re.Match[str], places: Places, said: Sequence[str]) -> str | None:
    file = places.file(m["file"])
    if any(line.startswith(f"{file}: ") for line in said):
        return None  # its own line already says what is wrong
    return f"{file}: could not be read; check its header lines and its text"


def _unknown_status(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    return (
        f"{places.file(m['file'])}: Status '{m['status']}' is not one of published, draft,"
        " hidden; write 'Status: published' (or draft, hidden)"
    )


def _not_found(m: re.Match[str], places: Places, said: Sequence[str]) -> str | None:
    target = m["target"]
    # The hub's link check names the file and the link first; Pelican's line adds nothing.
    if any(f"}}{target}'" in line for line in said):
        return None
    return (
        f"a {{filename}} or {{static}} link names '{target}', which is not in the content"
        " folder; check the name and the folder"
    )


def _no_stamp(m: re.Match[str], places: Places, said: Sequence[str]) -> str | None:
    # Pelican looks for the file a {static} link names: the link's own line says it already.
    named = os.path.relpath(m["file"], places.content).replace(os.sep, "/")
    # The link may name it from its article's folder: its file name is enough to match.
    if any("{" in line and f"{os.path.basename(named)}'" in line for line in said):
        return None
    # An article or page: the hub's reader names it next, with what to do.
    if named.lower().endswith(TEXT_SOURCES):
        return None
    return (
        f"{places.file(m['file'])}: cannot be read (it is missing, or a link to nothing);"
        " point it at a real file or delete it"
    )


def _missing_property(m: re.Match[str], places: Places, said: Sequence[str]) -> str | None:
    file = places.file(m["file"])
    if any(line.startswith(f"{file}: ") for line in said):
        return None
    field = m["field"].title()
    return f"{file}: {field} is missing; add a line '{field}: ...' to the header"


def _empty_alt(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    return (
        f"{places.file(m['file'])}: the picture '{m['image']}' has no alt text; describe it"
        " between the brackets, like ![A jar of dried beans](...)"
    )


def _duplicate(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    field = m["field"].title()
    return (
        f"{places.file(m['file'])}: {field} is written twice in the header; keep one line"
        " (the first one is used)"
    )


def _filename_for_static(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    target = m["target"]
    return (
        f"{places.file(m['file'])}: the link '{{filename}}{target}' points to a file, not an"
        f" article; write '{{static}}{target}'"
    )


def _rst_title(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    return (
        f"{places.file(m['file'])}: the reStructuredText file has no title; start it with the"
        " title on one line and a line of ==== under it"
    )


def _outside(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    return (
        f"{places.file(m['file'])}: its address '{m['save_as']}' would be outside the site;"
        " remove '..' and '/' from its Slug"
    )


def _all_translations(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    files = [places.file(path) for path in m["files"].split()]
    if len(files) == 1:
        return (
            f"{files[0]}: says 'Translation: true', but there is no original with the slug"
            f" '{m['slug']}'; remove the Translation line"
        )
    return (
        f"{files[0]}: {', '.join(files)} all say 'Translation: true' for the slug"
        f" '{m['slug']}'; remove the Translation line from the one that is the original"
    )


def _same_lang(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    files = [places.file(path) for path in m["files"].split()]
    return (
        f"{files[0]}: {', '.join(files)} all have the slug '{m['slug']}' and the language"
        f" '{m['lang']}'; give each its own Slug, or a different Lang"
    )


def _more_not_found(m: re.Match[str], places: Places, said: Sequence[str]) -> str | None:
    if any("names no file" in line for line in said):
        return None  # the hub's link check has named every one
    return "more {filename} or {static} links name files that are not there; check each link"


def _no_slug(m: re.Match[str], places: Places, said: Sequence[str]) -> None:
    # Said while writer_metadata weighs each tag and category, which then names the file and
    # the tag in a line of its own.
    return None


def _more_alt(m: re.Match[str], places: Places, said: Sequence[str]) -> str:
    return "more pictures have no alt text; `invoke check` lists every one"


RULES: tuple[tuple[re.Pattern[str], Rule], ...] = (
    (
        re.compile(
            r'^All items \("\d+"\) "with slug "(?P<slug>[^"]*)"" are translations:\s*'
            r"(?P<files>.+)$",
            re.S,
        ),
        _all_translations,
    ),
    (
        re.compile(
            r'^There are \d+ items "with slug "(?P<slug>[^"]*)"" with lang (?P<lang>\S+):'
            r"\s*(?P<files>.+)$",
            re.S,
        ),
        _same_lang,
    ),
    (re.compile(r"^Other resources were not found"), _more_not_found),
    (re.compile(r"^Other images have empty alt attributes"), _more_alt),
    (re.compile(r'^Unable to generate valid slug for (Tag|Category) "'), _no_slug),
    (re.compile(r"^Could not process (?P<file>.+?)\s*$", re.S), _could_not_process),
    (
        re.compile(r"^Unknown status '(?P<status>[^']*)' for file (?P<file>.+), skipping it\."),
        _unknown_status,
    ),
    (re.compile(r"^Unable to find '(?P<target>.*)', skipping url replacement\.$"), _not_found),
    (re.compile(r"^Cannot get modification stamp for (?P<file>\S+)", re.S), _no_stamp),
    (
        re.compile(r"^Skipping (?P<file>.+): could not find information about '(?P<field>\w+)'$"),
        _missing_property,
    ),
    (
        re.compile(r"^Empty alt attribute for image (?P<image>.+) in (?P<file>.+)$"),
        _empty_alt,
    ),
    (
        re.compile(r"^Duplicate definition of `(?P<field>[^`]+)` for (?P<file>.+)\. Using first"),
        _duplicate,
    ),
    (
        re.compile(
            r"^\{filename\} used for linking to static content (?P<target>.+) in (?P<file>.+)\."
            r" Use \{static\} instead$"
        ),
        _filename_for_static,
    ),
    (re.compile(r"^Document title missing in file (?P<file>.+?):"), _rst_title),
    (
        re.compile(r"^Skipping (?P<file>.+): file '(?P<save_as>.+)' would be written outside"),
        _outside,
    ),
)


def writer_words(message: str, places: Places, said: Sequence[str] = ()) -> str | None:
    """MESSAGE as one line in the writer's words; None when it only repeats an earlier line."""
    for pattern, rule in RULES:
        if match := pattern.match(message):
            line = rule(match, places, said)
            return None if line is None else " ".join(line.split())
    return " ".join(places.scrub(message).split())
