"""Dates as the README writes them, never guessed: ISO forms only, other forms explained (pure)."""

from __future__ import annotations

import datetime
import re

import dateutil.parser

# 2026-09-14, 2026-09-14 09:00, with seconds, with T, with Z or an offset like +01:00.
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}"
    r"(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
FIRST_YEAR, LAST_YEAR = 1970, 2100
EXAMPLE = "2026-09-14 or 2026-09-14 09:00"


def is_iso(value: str) -> bool:
    """Whether VALUE is one of the date forms the README documents."""
    return bool(_ISO.match(value.strip()))


def readings(value: str) -> list[datetime.datetime]:
    """Every date VALUE could mean, day-first reading first; empty when it is no date at all."""
    found: list[datetime.datetime] = []
    for dayfirst in (True, False):
        try:
            when = dateutil.parser.parse(value, dayfirst=dayfirst, default=_NO_DAY)
            other = dateutil.parser.parse(value, dayfirst=dayfirst, default=_OTHER_DAY)
        except (ValueError, OverflowError):
            continue
        # A reading that borrowed its day or month from the default is a guess, not a reading.
        if (when.month, when.day) != (other.month, other.day):
            continue
        if when not in found:
            found.append(when)
    return found


# Defaults whose years no writer uses: a date without a year shows up as year 1, and one
# without a day or month reads differently under the two.
_NO_DAY = datetime.datetime(1, 1, 1)
_OTHER_DAY = datetime.datetime(2, 2, 2)


def _iso(when: datetime.datetime) -> str:
    """WHEN in the README's form, with the time only when it has one."""
    day = when.strftime("%Y-%m-%d") if when.year > 1 else when.strftime("YYYY-%m-%d")
    return day if (when.hour, when.minute) == (0, 0) else f"{day} {when:%H:%M}"


def _spoken(when: datetime.datetime) -> str:
    """WHEN as words ('4 September 2026'), so the writer sees which reading is which."""
    year = f" {when.year}" if when.year > 1 else ""
    return f"{when.day} {when:%B}{year}"


def date_problem(field: str, value: str) -> str | None:
    """Why VALUE cannot be FIELD's date, with the ISO form it probably meant; None when fine."""
    text = str(value).strip()
    if is_iso(text):
        try:
            year = datetime.date.fromisoformat(text[:10]).year
        except ValueError:
            return f"{field} '{text}' is not a date (no such day); write it as {EXAMPLE}"
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return (
                f"{field} '{text}' is outside {FIRST_YEAR}-{LAST_YEAR}; check the year"
                f" and write it as {EXAMPLE}"
            )
        return None
    meant = readings(text)
    if not meant:
        return f"{field} '{text}' is not a date; write it as {EXAMPLE}"
    missing_year = " (put the year in front)" if meant[0].year == 1 else ""
    if len(meant) == 1:
        return (
            f"{field} '{text}' is not written the way the hub reads dates;"
            f" write it as {_iso(meant[0])}{missing_year}"
        )
    options = " or ".join(f"{_iso(when)} for {_spoken(when)}" for when in meant)
    return (
        f"{field} '{text}' is not a date the hub can read without guessing;"
        f" write it year first: {options}"
    )
