"""Snippets as files for people and schedulers: JSON, CSV, Hootsuite, Sprout, iCalendar (pure)."""

from __future__ import annotations

import csv
import io
import itertools
import json
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate

import icalendar

from .compose import Snippet

# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SNIPPET_FIELDS = ("id", "network", "kind", "text", "link", "length", "limit", "scheduled_at")
SNIPPETS_CSV_HEADER = ("article", *SNIPPET_FIELDS)
SPROUT_HEADER = ("date", "time_24hr", "message_text")
EVENT_MINUTES = 5
# How many words of a post an event summary quotes, so every event says which post it is.
SUMMARY_WORDS = 6
# iCalendar content lines fold before 75 octets (RFC 5545).
FOLD_OCTETS = 75


@dataclass(frozen=True)
class SharedArticle:
    """One article and its snippets, as the exports show it."""

    slug: str
    title: str
    url: str
    snippets: Sequence[Snippet]


def neutralise(cell: object) -> str:
    """A CSV cell a spreadsheet will show, never run: formula starts get a leading apostrophe."""
    text = "" if cell is None else str(cell)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def neutralised(row: Iterable[object]) -> list[str]:
    """A row of cells, each neutralised."""
    return [neutralise(cell) for cell in row]


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """RFC 4180 CSV (CRLF, quotes doubled), every cell neutralised."""
    return "".join(_csv_chunks(rows))


def _csv_chunks(rows: Iterable[Sequence[object]], batch: int = 500) -> Iterator[str]:
    """The same CSV, a few hundred rows a piece, so a long file never sits whole in memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for number, row in enumerate(rows, start=1):
        writer.writerow(neutralised(row))
        if number % batch == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _in_order(articles: Sequence[SharedArticle]) -> list[SharedArticle]:
    return sorted(articles, key=lambda article: article.slug)


def _scheduled(articles: Sequence[SharedArticle]) -> list[tuple[SharedArticle, Snippet]]:
    """Every scheduled post, by time, then article and snippet id."""
    posts = [
        (article, snippet)
        for article in articles
        for snippet in article.snippets
        if snippet.scheduled_at is not None
    ]
    return sorted(posts, key=lambda post: (post[1].scheduled_at, post[0].slug, post[1].id))


def _json(value: object) -> str:
    """One JSON value on one line, as written (C-speed: no indent)."""
    return json.dumps(value, ensure_ascii=False)


def _snippet_record(snippet: Snippet) -> dict[str, object]:
    return {name: getattr(snippet, name) for name in SNIPPET_FIELDS} | {
        "scheduled_at": _iso(snippet.scheduled_at)
    }


def json_opening(site: str) -> str:
    """snippets.json up to its first article."""
    return f'{{\n  "site": {_json(site)},\n  "articles": ['


def json_article(article: SharedArticle, first: bool) -> str:
    """One article's record in snippets.json, one post a line (FIRST: no comma before it)."""
    head = _json({"slug": article.slug, "title": article.title, "url": article.url})
    inner = ",\n      ".join(_json(_snippet_record(snippet)) for snippet in article.snippets)
    listed = f"[\n      {inner}\n    ]" if inner else "[]"
    return f'{"" if first else ","}\n    {head[:-1]}, "snippets": {listed}}}'


def json_closing(empty: bool) -> str:
    """snippets.json after its last article (EMPTY: it had none)."""
    return "]\n}\n" if empty else "\n  ]\n}\n"


def snippets_json(site: str, articles: Sequence[SharedArticle]) -> Iterator[str]:
    """Every article's snippets as JSON, articles by slug, snippets in build order, in pieces.

    One snippet a line: as readable as an indented file and far cheaper to write, because
    json's fast encoder only runs without `indent`. A piece is one article.
    """
    yield json_opening(site)
    for number, article in enumerate(_in_order(articles)):
        yield json_article(article, first=number == 0)
    yield json_closing(not articles)


def csv_rows(article: SharedArticle) -> Iterator[tuple[object, ...]]:
    """One article's rows of snippets.csv: every field of every post."""
    for snippet in article.snippets:
        values = [getattr(snippet, name) for name in SNIPPET_FIELDS[:-1]]
        yield (article.slug, *values, _iso(snippet.scheduled_at))


def snippets_csv(articles: Sequence[SharedArticle]) -> Iterator[str]:
    """Every snippet, every field, one row each, after a header row, in pieces."""
    rows = (row for article in _in_order(articles) for row in csv_rows(article))
    return _csv_chunks(itertools.chain([SNIPPETS_CSV_HEADER], rows))


def without_link(snippet: Snippet) -> str:
    """The post's text with its link taken out, for schedulers that add the link themselves."""
    return " ".join(word for word in snippet.text.split(" ") if word and word != snippet.link)


def hootsuite_csv(articles: Sequence[SharedArticle], network: str, max_rows: int) -> list[str]:
    """Hootsuite bulk files for one network: no header, `dd/mm/yyyy HH:MM`, message, link.

    Hootsuite adds the link column's address to the message when it schedules it, so the
    message leaves it out: the post carries its link once.
    """
    rows = [
        (snippet.scheduled_at.strftime("%d/%m/%Y %H:%M"), without_link(snippet), snippet.link)
        for _, snippet in _scheduled(articles)
        if snippet.network == network and snippet.scheduled_at
    ]
    return [csv_text(rows[start : start + max_rows]) for start in range(0, len(rows), max_rows)]


def sprout_csv(articles: Sequence[SharedArticle], network: str) -> str:
    """Sprout Social bulk file for one network: `date,time_24hr,message_text`, dd/mm/yyyy.

    Sprout's format has no column naming a profile: every profile picked at upload gets every
    row, so each network gets a file of its own posts.
    """
    rows: list[Sequence[object]] = [SPROUT_HEADER]
    for _, snippet in _scheduled(articles):
        when = snippet.scheduled_at
        if when and snippet.network == network:
            rows.append((when.strftime("%d/%m/%Y"), when.strftime("%H:%M"), snippet.text))
    return csv_text(rows)


def event_summary(snippet: Snippet, names: dict[str, str]) -> str:
    """Which post an event is: network, kind and the post's first words ("X · thing 2: Roast…")."""
    words = without_link(snippet).split(" ")
    opening = " ".join(words[:SUMMARY_WORDS]) + ("\u2026" if len(words) > SUMMARY_WORDS else "")
    network = names.get(snippet.network, snippet.network)
    return f"{network} · {snippet.kind.replace('-', ' ')}: {opening}"


def plan_ics(
    site: str, host: str, articles: Sequence[SharedArticle], stamp: datetime, names: dict[str, str]
) -> str:
    """The posting plan as an iCalendar file: one event per post, with a UID stable per post."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{site}//share kit//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{site}: social posts")
    for article, snippet in _scheduled(articles):
        event = icalendar.Event()
        event.add("uid", f"{article.slug}.{snippet.id}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", snippet.scheduled_at)
        event.add("dtend", snippet.scheduled_at + timedelta(minutes=EVENT_MINUTES))
        event.add("summary", event_summary(snippet, names))
        event.add("description", snippet.text)
        event.add("url", snippet.link)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    # calendar.to_ical(), with each line folded by fold_line instead of icalendar's own
    # character-by-character loop (tests/test_share_exports.py checks they agree).
    return "".join(f"{fold_line(line)}\r\n" for line in calendar.content_lines() if line)


def fold_line(line: str, limit: int = FOLD_OCTETS) -> str:
    """Fold LINE exactly as icalendar 7 does: a piece ends before the character that would
    make it LIMIT octets long, and an escape character (backslash or caret) moves on with it."""
    if line.isascii():
        ends: Sequence[int] = range(len(line) + 1)
    else:
        ends = [0, *accumulate(1 if char < "\x80" else len(char.encode()) for char in line)]
    pieces, start = [], 0
    while True:
        # The first character that would reach the limit (a piece holds at least one).
        stop = bisect_left(ends, ends[start] + limit, lo=start + 2) - 1
        if stop >= len(line):
            break
        if stop - start > 1 and line[stop - 1] in "\\^":
            stop -= 1
        pieces.append(line[start:stop])
        start = stop
    pieces.append(line[start:])
    return "\r\n ".join(pieces)
