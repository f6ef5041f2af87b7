"""The posting plan: each article's snippets spread over weekly slots, one post a slot (pure)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Schedulers refuse posts less than ten minutes ahead and times off the five-minute grid.
LEAD = timedelta(minutes=10)
GRID_MINUTES = 5
# Each network posts this much after the one before it in the same slot, so no two posts in one
# combined file (Sprout Social) are less than ten minutes apart.
STAGGER = timedelta(minutes=10)


@dataclass(frozen=True, order=True)
class Slot:
    """A weekly posting time: a weekday (0 = Monday) and a wall-clock time."""

    weekday: int
    at: time


def parse_slot(text: str) -> Slot:
    """Read "tue 09:30" into a Slot; raise ValueError saying what a slot looks like."""
    day, _, clock = text.strip().lower().partition(" ")
    try:
        at = time.fromisoformat(clock.strip())
    except ValueError:
        at = None
    if day[:3] not in WEEKDAYS or at is None or at.second or at.minute % GRID_MINUTES:
        raise ValueError(
            f"'{text}' is not a weekly slot like 'tue 09:30' (a weekday, then a 24-hour time"
            f" on the {GRID_MINUTES}-minute grid)"
        )
    return Slot(WEEKDAYS.index(day[:3]), at)


def slot_times(slots: Sequence[Slot], start: datetime, zone: tzinfo) -> Iterator[datetime]:
    """Every slot time at or after START, in order, in ZONE's wall-clock time."""
    ordered = sorted(set(slots))
    day = start.astimezone(zone).date()
    while True:
        for slot in ordered:
            if slot.weekday == day.weekday():
                moment = datetime.combine(day, slot.at, tzinfo=zone)
                if moment >= start:
                    yield moment
        day += timedelta(days=1)


@dataclass(frozen=True)
class Queue:
    """One article's posts waiting for slots: when it may start and its (network, id) posts."""

    slug: str
    date: datetime
    posts: Sequence[tuple[str, str]]


def plan(
    queues: Sequence[Queue],
    networks: Sequence[str],
    slots: Sequence[Slot],
    now: datetime,
    zone: tzinfo,
    weeks: int,
) -> dict[tuple[str, str], datetime]:
    """Give posts a time within WEEKS of NOW: (slug, id) -> when, one post per slot per network.

    The newest articles go first, each from its own date or the first free slot after now;
    posts that find no slot before the horizon stay unplanned.
    """
    earliest = now + LEAD
    horizon = earliest + timedelta(weeks=weeks)
    everything = []
    for moment in slot_times(slots, earliest, zone):
        if moment >= horizon:
            break
        everything.append(moment)
    planned: dict[tuple[str, str], datetime] = {}
    for offset, network in enumerate(networks):
        free = list(everything)
        for queue in sorted(queues, key=lambda q: (-q.date.timestamp(), q.slug)):
            ids = [post_id for post_network, post_id in queue.posts if post_network == network]
            start = bisect_left(free, max(queue.date, earliest))
            for post_id in ids:
                if start >= len(free):
                    break
                planned[(queue.slug, post_id)] = free.pop(start) + offset * STAGGER
    return planned
