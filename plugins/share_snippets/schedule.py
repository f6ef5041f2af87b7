"""The posting plan: each article's snippets spread over weekly slots, one post a slot (pure)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from math import ceil

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


def plan_horizon(now: datetime, weeks: int) -> datetime:
    """The first moment the plan made at NOW no longer reaches."""
    return now + LEAD + timedelta(weeks=weeks)


def plan(
    queues: Sequence[Queue],
    networks: Sequence[str],
    slots: Sequence[Slot],
    now: datetime,
    zone: tzinfo,
    weeks: int,
    quiet: frozenset[str] = frozenset(),
) -> dict[tuple[str, str], datetime]:
    """Give posts a time within WEEKS of NOW: (slug, id) -> when, one post per slot per network.

    The newest articles go first, each from its own date or the first free slot after now;
    posts that find no slot before the horizon stay unplanned. QUIET networks (they brought
    no visit) get every other slot.
    """
    earliest = now + LEAD
    horizon = plan_horizon(now, weeks)
    everything = []
    for moment in slot_times(slots, earliest, zone):
        if moment >= horizon:
            break
        everything.append(moment)
    planned: dict[tuple[str, str], datetime] = {}
    for offset, network in enumerate(networks):
        free = everything[::2] if network in quiet else list(everything)
        for queue in sorted(queues, key=lambda q: (-q.date.timestamp(), q.slug)):
            ids = [post_id for post_network, post_id in queue.posts if post_network == network]
            start = bisect_left(free, max(queue.date, earliest))
            for post_id in ids:
                if start >= len(free):
                    break
                planned[(queue.slug, post_id)] = free.pop(start) + offset * STAGGER
    return planned


# A post queued again is named after the first one with this ending ("x-thing-2-again").
AGAIN = "-again"
# Schedulers reject a near duplicate: one text goes out at most once a fortnight per network.
SAME_TEXT_GAP = timedelta(days=14)


@dataclass(frozen=True)
class Reshare:
    """How the plan learns from results: re-share the best posts AFTER their first slot."""

    after: timedelta
    top: float  # the share (0-1) of the posts that brought visits to queue again


def quiet_networks(networks: Sequence[str], visits: dict[str, int]) -> frozenset[str]:
    """Networks that brought no visit while others did: the plan gives them half the slots."""
    if not any(visits.values()):
        return frozenset()
    return frozenset(network for network in networks if not visits.get(network))


def best_posts(
    queues: Sequence[Queue], visits: dict[tuple[str, str, str], int], quiet: frozenset[str],
    top: float,
) -> list[tuple[str, str, str]]:  # fmt: skip
    """(slug, network, post id) of the top share of the posts that brought visits, best first."""
    ranked = sorted(
        (-count, queue.slug, network, post_id)
        for queue in queues
        for network, post_id in queue.posts
        if network not in quiet
        and (count := visits.get((queue.slug, network, post_id[len(network) + 1 :]), 0)) > 0
    )
    keep = ceil(top * len(ranked))
    return [(slug, network, post_id) for _, slug, network, post_id in ranked[:keep]]


def reshare(
    planned: dict[tuple[str, str], datetime], best: Sequence[tuple[str, str, str]],
    networks: Sequence[str], slots: Sequence[Slot], zone: tzinfo, horizon: datetime,
    rules: Reshare,
) -> dict[tuple[str, str], datetime]:  # fmt: skip
    """A free slot for each of the BEST posts, at least `rules.after` (and a fortnight) after
    its first one and before HORIZON: (slug, id + AGAIN) -> when. A post the plan has no slot
    for, or that finds no free slot in time, is not queued again."""
    offsets = {network: index * STAGGER for index, network in enumerate(networks)}
    taken: dict[str, set[datetime]] = {network: set() for network in networks}
    for (_, post_id), when in planned.items():
        network = post_id.split("-", 1)[0]
        if network in taken:
            taken[network].add(when - offsets[network])
    again: dict[tuple[str, str], datetime] = {}
    for slug, network, post_id in best:
        first = planned.get((slug, post_id))
        if first is None:
            continue
        earliest = first - offsets[network] + max(rules.after, SAME_TEXT_GAP)
        for moment in slot_times(slots, earliest, zone):
            if moment >= horizon:
                break
            if moment not in taken[network]:
                taken[network].add(moment)
                again[(slug, post_id + AGAIN)] = moment + offsets[network]
                break
    return again
