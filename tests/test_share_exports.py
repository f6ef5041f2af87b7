"""Exports: neutralised CSV, the posting plan's rules, and golden files for every export."""

import csv
import io
import itertools
import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from share_snippets.compose import Snippet
from share_snippets.exporters import (
    SharedArticle,
    hootsuite_csv,
    neutralise,
    snippets_csv,
    snippets_json,
)
from share_snippets.schedule import LEAD, Queue, parse_slot, plan

GOLDEN = Path(__file__).resolve().parent / "golden" / "share-basic"
LONDON = ZoneInfo("Europe/London")
# The fixture site's build: a real domain, a fixed "now", only the plugins this output reads.
BASIC = {
    "SITEURL": "https://www.example.com",
    "SHARE_NOW": "2026-11-02T08:03",
    "PLUGINS": ["language", "writer_metadata", "things", "share_snippets", "site_files"],
}
EXPORTS = ("*.json", "*.csv", "*.ics")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 123", "'+44 123"),
        ("-1", "'-1"),
        ("@here", "'@here"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Beans = love", "Beans = love"),
        ("'quoted", "'quoted"),
        (280, "280"),
        (None, ""),
    ],
)
def test_neutralise_stops_formulas(cell, expected):
    assert neutralise(cell) == expected


def _snippet(number, network="x", text=None, when=None):
    return Snippet(
        f"{network}-thing-{number}", network, f"thing-{number}", text or f"Post {number}",
        "https://www.example.com/a/", 10, 280, when,
    )  # fmt: skip


def test_csv_quotes_per_rfc_4180_and_neutralises_every_cell():
    text = '=HYPERLINK("x"), with "quotes",\nand a new line'
    out = "".join(
        snippets_csv(
            [SharedArticle("a", "A", "https://www.example.com/a/", [_snippet(1, text=text)])]
        )
    )
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[1][4] == "'" + text
    assert out.endswith("\r\n")
    assert '"\'=HYPERLINK(""x""), with ""quotes"",\nand a new line"' in out


@pytest.mark.parametrize("count", [0, 1, 3])
def test_snippets_json_is_the_data_one_snippet_a_line(count):
    when = datetime(2026, 11, 3, 9, 30, tzinfo=LONDON)
    title = 'Quotes " and </script> \u2028 and 豆'
    articles = [
        SharedArticle(
            "b", title, "https://www.example.com/b/", [_snippet(n) for n in range(count)]
        ),
        SharedArticle("a", "A", "https://www.example.com/a/", [_snippet(9, when=when)]),
    ]
    out = "".join(snippets_json('Site "x"', articles))
    expected_b = [
        {"id": f"x-thing-{n}", "network": "x", "kind": f"thing-{n}", "text": f"Post {n}",
         "link": "https://www.example.com/a/", "length": 10, "limit": 280, "scheduled_at": None}
        for n in range(count)
    ]  # fmt: skip
    data = json.loads(out)
    assert data["site"] == 'Site "x"'
    assert [article["slug"] for article in data["articles"]] == ["a", "b"]
    assert data["articles"][0]["snippets"][0]["scheduled_at"] == when.isoformat()
    assert data["articles"][1] == {
        "slug": "b", "title": title, "url": "https://www.example.com/b/", "snippets": expected_b,
    }  # fmt: skip
    # Each snippet sits on a line of its own, so the file reads and diffs well.
    assert len([line for line in out.splitlines() if '"id": ' in line]) == count + 1
    assert json.loads("".join(snippets_json("S", []))) == {"site": "S", "articles": []}


def test_long_csv_comes_in_pieces_that_join_to_one_file():
    posts = [_snippet(n, text=f"=Post {n}") for n in range(1, 1202)]
    pieces = list(snippets_csv([SharedArticle("a", "A", "https://www.example.com/a/", posts)]))
    assert len(pieces) > 2
    rows = list(csv.reader(io.StringIO("".join(pieces), newline="")))
    assert len(rows) == 1202
    assert [row[4] for row in rows[1:]] == [f"'=Post {n}" for n in range(1, 1202)]


def test_hootsuite_splits_files_beyond_the_row_limit():
    start = datetime(2026, 11, 3, 9, 30, tzinfo=LONDON)
    posts = [_snippet(n, when=start + timedelta(days=n)) for n in range(1, 8)]
    files = hootsuite_csv([SharedArticle("a", "A", "u", posts)], "x", 3)
    assert [len(list(csv.reader(io.StringIO(f)))) for f in files] == [3, 3, 1]
    first = next(csv.reader(io.StringIO(files[0])))
    assert first == ["04/11/2026 09:30", "Post 1", "https://www.example.com/a/"]


def test_hootsuite_message_leaves_the_link_to_the_link_column():
    when = datetime(2026, 11, 3, 9, 30, tzinfo=LONDON)
    text = "Soak the beans. https://www.example.com/a/ #Beans"
    post = _snippet(1, text=text, when=when)
    [body] = hootsuite_csv([SharedArticle("a", "A", "u", [post])], "x", 350)
    assert next(csv.reader(io.StringIO(body))) == [
        "03/11/2026 09:30", "Soak the beans. #Beans", "https://www.example.com/a/"
    ]  # fmt: skip


def test_plan_uses_weekly_slots_one_post_per_slot_per_network():
    slots = [parse_slot("tue 09:30"), parse_slot("thu 12:30")]
    now = datetime(2026, 11, 3, 9, 25, tzinfo=LONDON)  # a Tuesday, 5 minutes before a slot
    old = [("x", "x-a"), ("x", "x-b"), ("bluesky", "b")]
    queues = [
        Queue("old", datetime(2025, 1, 1, tzinfo=LONDON), old),
        Queue("future", datetime(2026, 11, 10, 8, 0, tzinfo=LONDON), [("x", "x-a")]),
    ]
    planned = plan(queues, ["x", "bluesky"], slots, now, LONDON, weeks=26)
    # A future article starts from its own date, at its first slot.
    assert planned["future", "x-a"] == datetime(2026, 11, 10, 9, 30, tzinfo=LONDON)
    # Too close to the Tuesday slot: the first post waits for Thursday; the next skips the
    # slot the future article took.
    assert planned["old", "x-a"] == datetime(2026, 11, 5, 12, 30, tzinfo=LONDON)
    assert planned["old", "x-b"] == datetime(2026, 11, 12, 12, 30, tzinfo=LONDON)
    # Bluesky posts in the same slot, ten minutes after X.
    assert planned["old", "b"] == datetime(2026, 11, 5, 12, 40, tzinfo=LONDON)
    for moment in planned.values():
        assert moment >= now + LEAD and moment.minute % 5 == 0


def test_plan_puts_the_newest_article_first_and_stops_at_the_horizon():
    slots = [parse_slot("mon 10:00")]
    now = datetime(2026, 11, 2, 8, 0, tzinfo=LONDON)
    queues = [
        Queue("older", datetime(2026, 1, 1, tzinfo=LONDON), [("x", "a"), ("x", "b")]),
        Queue("newer", datetime(2026, 6, 1, tzinfo=LONDON), [("x", "a")]),
    ]
    planned = plan(queues, ["x"], slots, now, LONDON, weeks=2)
    assert planned == {
        ("newer", "a"): datetime(2026, 11, 2, 10, 0, tzinfo=LONDON),
        ("older", "a"): datetime(2026, 11, 9, 10, 0, tzinfo=LONDON),
    }


def _exports(folder: Path) -> dict[str, bytes]:
    share = folder / "share"
    return {path.name: path.read_bytes() for pattern in EXPORTS for path in share.glob(pattern)}


def test_exports_match_the_golden_files(build_site):
    """Compare every export of tests/sites/share-basic with tests/golden/share-basic/.

    After an intended change, regenerate the goldens and review them as a diff:
    UPDATE_GOLDENS=1 python -m pytest tests/test_share_exports.py -k golden
    """
    site = build_site("share-basic", **BASIC)
    assert site.report.ok, site.report.errors + site.report.warnings
    made = _exports(site.output)
    if os.environ.get("UPDATE_GOLDENS"):
        for stale in GOLDEN.glob("*"):
            stale.unlink()
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for name, body in made.items():
            (GOLDEN / name).write_bytes(body)
    expected = {path.name: path.read_bytes() for path in GOLDEN.iterdir()}
    assert sorted(made) == sorted(expected)
    for name, body in expected.items():
        assert made[name] == body, f"{name} differs from its golden file"


def test_same_content_and_settings_give_identical_files(build_site, tmp_path):
    first = build_site("share-basic", output=tmp_path / "one", **BASIC)
    second = build_site("share-basic", output=tmp_path / "two", **BASIC)
    assert _exports(first.output) == _exports(second.output)


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def test_exports_follow_the_scheduler_rules(build_site):
    site = build_site("share-basic", **BASIC)
    share = site.path("share")
    now = datetime(2026, 11, 2, 8, 3, tzinfo=LONDON)
    data = json.loads((share / "snippets.json").read_text(encoding="utf-8"))
    assert [a["slug"] for a in data["articles"]] == ["beans", "lemons"]  # no draft
    assert data["site"] == "Larder Lane"
    networks = ["x", "bluesky", "mastodon", "threads", "linkedin", "facebook"]
    for network in networks:
        rows = _rows(share / f"hootsuite-{network}.csv")
        times = [datetime.strptime(row[0], "%d/%m/%Y %H:%M").replace(tzinfo=LONDON) for row in rows]
        assert len(times) == len(set(times)) == 8  # one post per slot
        assert all(t.minute % 5 == 0 and t >= now + LEAD for t in times)
        assert all(len(row) == 3 for row in rows)
        # Hootsuite adds the link column to the message: the message never carries it too.
        assert all(row[2].startswith("https://") and "https://" not in row[1] for row in rows)
    posts = {(s["network"], s["text"]): s for a in data["articles"] for s in a["snippets"]}
    sprouted = 0
    for network in networks:
        sprout = _rows(share / f"sprout-{network}.csv")
        assert sprout[0] == ["date", "time_24hr", "message_text"]
        # Only this network's posts, each within its limit.
        for _, _, text in sprout[1:]:
            post = posts[network, text]
            assert post["length"] <= post["limit"]
        moments = sorted(datetime.strptime(f"{d} {t}", "%d/%m/%Y %H:%M") for d, t, _ in sprout[1:])
        assert all(b - a >= timedelta(minutes=10) for a, b in itertools.pairwise(moments))
        sprouted += len(sprout) - 1
    calendar = icalendar.Calendar.from_ical((share / "plan.ics").read_text(encoding="utf-8"))
    events = calendar.walk("VEVENT")
    assert len(events) == sprouted == 48
    assert len({str(event["UID"]) for event in events}) == 48
    assert "lemons.x-intro@www.example.com" in {str(event["UID"]) for event in events}
    # Every summary says which post it is: network, kind, first words.
    summaries = {str(event["SUMMARY"]) for event in events}
    assert len(summaries) == 48
    by_uid = {str(event["UID"]): str(event["SUMMARY"]) for event in events}
    lemons = next(a for a in data["articles"] if a["slug"] == "lemons")["snippets"]
    lemon = next(s for s in lemons if s["id"] == "bluesky-thing-2")
    opening = " ".join(lemon["text"].split(" ")[:6])
    assert by_uid["lemons.bluesky-thing-2@www.example.com"] == f"Bluesky · thing 2: {opening}\u2026"


def test_fold_line_folds_as_icalendar_does():
    import random

    from icalendar.parser.string import _foldline

    from share_snippets.exporters import fold_line

    rng = random.Random(3)
    alphabet = [*"ab,; \\^", "\u00e9", "\u2026", "\U0001f600", "\u65e5"]
    lines = ["", "a", "x" * 74, "x" * 75, "x" * 73 + "\\,", "\u00e9" * 80, "^" * 200]
    lines += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))) for _ in range(3000)
    ]
    for line in lines:
        assert fold_line(line) == _foldline(line), line
