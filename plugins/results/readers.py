"""Read the files a writer brings back, told apart by their header row (pure but for reading).

Only what can be counted is kept: a landing address, a count, a day. Email addresses, names
and message text are read past and never stored, so nothing personal can reach an output.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
# GoatCounter's CSV export, version 2: its first column's name carries the version.
GOATCOUNTER_PATH = "2,Path"
# The names the hub's sign-up forms give the field that holds the article (nurture's presets).
SOURCE_COLUMNS = ("source", "metadata__source", "fields[source]")
# The hub's question form names its article fields `page` (address) and `article` (title).
QUESTION_COLUMNS = ("page", "article")
EXPECTED = (
    "a visits CSV (page,visitors[,date]), a Plausible pages export, a GoatCounter CSV export,"
    " a sign-ups CSV with a source column, a questions CSV with a page or article column,"
    " an events CSV (event,article,answer[,count]) or an Isso comments database"
)
# The event the hub's "Was this helpful?" answers send (plugins/analytics/tags.py).
HELPFUL_EVENT = "Helpful"
# Isso's comment modes: 1 is a published comment (2 waits for moderation, 4 was deleted).
ISSO_PUBLISHED = 1


class UnreadableFile(ValueError):
    """A file the hub cannot read; the message says what was expected."""


@dataclass(frozen=True)
class Visits:
    """VISITORS readers landed on PAGE (an address, query string kept) on DAY if known."""

    page: str
    visitors: int
    day: date | None = None


@dataclass(frozen=True)
class Signup:
    """One sign-up; SOURCE is what the form's source field held (the article's slug)."""

    source: str
    day: date | None = None


@dataclass(frozen=True)
class Question:
    """One question sent with the hub's form: the page it came from and that page's title."""

    page: str
    title: str
    day: date | None = None


@dataclass(frozen=True)
class Comment:
    """One published comment on the page at URI."""

    uri: str
    day: date | None = None


@dataclass(frozen=True)
class Helpful:
    """COUNT answers (yes or no) to "Was this helpful?" under the article SLUG."""

    article: str
    answer: str
    count: int = 1


@dataclass(frozen=True)
class Reading:
    """What one file held: its kind and its records."""

    name: str  # e.g. "GoatCounter CSV export"
    visits: tuple[Visits, ...] = ()
    signups: tuple[Signup, ...] = ()
    questions: tuple[Question, ...] = ()
    comments: tuple[Comment, ...] = ()
    helpful: tuple[Helpful, ...] = ()


@dataclass
class Readings:
    """Everything read from every file, and one line per file that could not be read."""

    files: list[tuple[str, Reading]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def all(self, kind: str) -> list:
        """Every record of KIND ("visits", "signups", "questions", "comments", "helpful")."""
        return [record for _, reading in self.files for record in getattr(reading, kind)]


def whole_number(text: str, column: str, row: int) -> int:
    """TEXT as a count, or UnreadableFile naming the row and column."""
    cleaned = text.strip().replace(",", "")
    if not cleaned.isdigit():
        raise UnreadableFile(f"row {row}: {column} '{text}' is not a whole number")
    return int(cleaned)


def day_of(text: str, column: str, row: int) -> date | None:
    """The day a date or date-time cell names; None when empty; UnreadableFile when unclear."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise UnreadableFile(
            f"row {row}: {column} '{text}' is not a date written YYYY-MM-DD"
        ) from None


def _rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header (stripped) and every non-blank row as a dict keyed by the header's names.

    GoatCounter writes its export's version into the first name ("2,Path"): that cell is
    dropped, so the header lines up with the rows, and kept as the name "2,Path".
    """
    table = [row for row in csv.reader(io.StringIO(text, newline="")) if any(map(str.strip, row))]
    if not table:
        return [], []
    header = [cell.strip() for cell in table[0]]
    if header[:2] == ["2", "Path"]:
        header = [GOATCOUNTER_PATH, *header[2:]]
    return header, [dict(zip(header, row, strict=False)) for row in table[1:]]


def _generic_visits(header: list[str], rows: list[dict[str, str]]) -> Reading:
    dated = "date" in header
    return Reading(
        "visits CSV",
        visits=tuple(
            Visits(
                row.get("page", "").strip(),
                whole_number(row.get("visitors", ""), "visitors", number),
                day_of(row.get("date", ""), "date", number) if dated else None,
            )
            for number, row in enumerate(rows, start=2)
        ),
    )


def _plausible_pages(header: list[str], rows: list[dict[str, str]]) -> Reading:
    return Reading(
        "Plausible pages export",
        visits=tuple(
            Visits(
                row["page"].strip(),
                whole_number(row["visitors"], "visitors", number),
                day_of(row["date"], "date", number),
            )
            for number, row in enumerate(rows, start=2)
        ),
    )


def _goatcounter(header: list[str], rows: list[dict[str, str]]) -> Reading:
    # One row per pageview; bots (Bot other than 0) and events are not visits.
    kept = [
        (number, row)
        for number, row in enumerate(rows, start=2)
        if row.get("Bot", "0").strip() in ("", "0") and row.get("Event", "").strip() != "true"
    ]
    return Reading(
        "GoatCounter CSV export",
        visits=tuple(
            Visits(row[GOATCOUNTER_PATH].strip(), 1, day_of(row.get("Date", ""), "Date", number))
            for number, row in kept
        ),
    )


def _column(header: list[str], names: Sequence[str]) -> str | None:
    """The first header cell that is one of NAMES, ignoring case."""
    wanted = {name.lower() for name in names}
    return next((cell for cell in header if cell.lower() in wanted), None)


def _day_column(header: list[str]) -> str | None:
    return _column(header, ("date", "created_at", "creation_date", "submitted_at", "optin_time"))


def _signups(header: list[str], rows: list[dict[str, str]]) -> Reading:
    source, when = _column(header, SOURCE_COLUMNS), _day_column(header)
    return Reading(
        "sign-ups CSV",
        signups=tuple(
            Signup(
                row.get(source, "").strip(), day_of(row.get(when, ""), when, n) if when else None
            )
            for n, row in enumerate(rows, start=2)
        ),
    )


def _questions(header: list[str], rows: list[dict[str, str]]) -> Reading:
    page, title = _column(header, ("page",)), _column(header, ("article",))
    when = _day_column(header)
    return Reading(
        "questions CSV",
        questions=tuple(
            Question(
                row.get(page, "").strip() if page else "",
                row.get(title, "").strip() if title else "",
                day_of(row.get(when, ""), when, n) if when else None,
            )
            for n, row in enumerate(rows, start=2)
        ),
    )


def _helpful(header: list[str], rows: list[dict[str, str]]) -> Reading:
    counted = "count" in header
    return Reading(
        "events CSV",
        helpful=tuple(
            Helpful(
                row.get("article", "").strip(),
                row.get("answer", "").strip().lower(),
                whole_number(row.get("count", ""), "count", n) if counted else 1,
            )
            for n, row in enumerate(rows, start=2)
            if row.get("event", "").strip() == HELPFUL_EVENT
        ),
    )


def _is_goatcounter(header: list[str]) -> bool:
    return header[:1] == [GOATCOUNTER_PATH] and {"Bot", "Event", "Date"} <= set(header)


# (test on the header, reader), in the order they are tried: the most specific first.
CSV_FORMATS: tuple[tuple[Callable[[list[str]], bool], Callable[..., Reading]], ...] = (
    (_is_goatcounter, _goatcounter),
    (lambda h: {"date", "hostname", "page", "visitors"} <= set(h), _plausible_pages),
    (lambda h: {"page", "visitors"} <= set(h), _generic_visits),
    (lambda h: {"event", "article", "answer"} <= set(h), _helpful),
    (lambda h: _column(h, SOURCE_COLUMNS) is not None, _signups),
    (lambda h: _column(h, QUESTION_COLUMNS) is not None, _questions),
)


def read_csv_text(text: str) -> Reading:
    """Read one CSV export by its header row; UnreadableFile when no format matches."""
    header, rows = _rows(text.lstrip("\ufeff"))
    for test, reader in CSV_FORMATS:
        if header and test(header):
            return reader(header, rows)
    shown = ",".join(header[:6]) or "nothing"
    raise UnreadableFile(f"its header row is '{shown}'; expected {EXPECTED}")


def read_isso(path: Path) -> Reading:
    """Published comments per page from Isso's SQLite database, opened read-only."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with sqlite3.connect(uri, uri=True) as db:
            rows = db.execute(
                "SELECT threads.uri, comments.created FROM comments"
                " JOIN threads ON threads.id = comments.tid WHERE comments.mode = ?",
                (ISSO_PUBLISHED,),
            ).fetchall()
    except sqlite3.Error:
        raise UnreadableFile(
            "it is an SQLite database without Isso's threads and comments tables"
        ) from None
    return Reading(
        "Isso comments database",
        comments=tuple(
            Comment(uri, datetime.fromtimestamp(created, UTC).date()) for uri, created in rows
        ),
    )


def read_file(path: Path) -> Reading:
    """Read PATH whatever its name: an Isso database by its first bytes, else a CSV export."""
    try:
        head = path.read_bytes()
    except OSError:
        raise UnreadableFile("it cannot be opened") from None
    if head.startswith(SQLITE_MAGIC):
        return read_isso(path)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(f"it is not UTF-8 text; expected {EXPECTED}") from None
    return read_csv_text(text)


def read_all(paths: Sequence[Path], shown: Callable[[Path], str]) -> Readings:
    """Read every file; each one that cannot be read becomes one line naming it (SHOWN)."""
    found = Readings()
    for path in paths:
        try:
            found.files.append((shown(path), read_file(path)))
        except UnreadableFile as problem:
            found.problems.append(f"{shown(path)}: {problem}")
    return found
