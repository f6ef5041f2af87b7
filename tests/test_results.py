"""What's working: fixture exports of every supported format, counted on the real sample site."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from isso import config as isso_config
from isso.db import SQLite3

from conftest import sample_dir
from results.cli import results as show_results
from results.findings import suggestions
from results.readers import Reading, Readings, UnreadableFile, Visits, read_csv_text, read_file
from results.tally import SiteArticle, tally
from share_snippets.schedule import Queue, Reshare, best_posts, quiet_networks, reshare

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "results"
GOLDEN = Path(__file__).resolve().parent / "golden" / "share-basic"
NOW = {"SHARE_NOW": "2026-11-02T08:03"}
BEANS = "3-things-to-do-with-a-bag-of-dried-beans"
LEMON = "3-things-to-do-with-a-squeezed-lemon"
# Isso comments: (page, mode, author); mode 1 is published, 2 waits for moderation.
COMMENTS = [
    (f"/{BEANS}/", 1, "Mary Seacole"),
    (f"/{BEANS}/", 1, "Alan Turing"),
    (f"/{LEMON}/", 2, "Ida Wells"),
    (f"/{LEMON}/", 1, "Katherine Johnson"),
]
# Every name, address and message in the fixtures: none may reach a built file.
PERSONAL = [
    "ada.lovelace@example.org", "charles.babbage@example.org", "mary.somerville@example.org",
    "florence.n@example.org", "grace@example.net", "Grace", "Hopper", "rosalind@example.com",
    "Rosalind Franklin", "Can I freeze soaked beans", "hedy@example.com", "Hedy Lamarr",
    "Eastfield", "Mary Seacole", "Alan Turing", "Ida Wells", "Katherine Johnson",
    "mary@example.com", "alan@example.com", "Hello from",
]  # fmt: skip
ARTICLE_COUNTS = {
    # slug: (visits, from posts, from share buttons, sign-ups, questions, comments)
    BEANS: (53, 53, 0, 3, 1, 2),
    LEMON: (12, 7, 5, 1, 0, 1),
    "4-questions-to-ask-about-a-veg-box": (9, 0, 0, 0, 1, 0),
    "five-ways-to-use-up-stale-bread": (3, 0, 0, 0, 0, 0),
    "4-things-to-cook-from-an-autumn-veg-box": (5, 0, 0, 0, 0, 0),
    "3-spice-blends-to-mix-at-home-from-loose-spices": (0, 0, 0, 0, 0, 0),
}
KEYS = ("visits", "from_posts", "from_buttons", "signups", "questions", "comments")


def isso_database(path: Path) -> Path:
    """A comments database written by Isso itself, with the COMMENTS above."""
    db = SQLite3(str(path), isso_config.load(isso_config.default_file()))
    for uri in sorted({uri for uri, _, _ in COMMENTS}):
        db.threads.new(uri, uri.strip("/"))
    for uri, mode, author in COMMENTS:
        email = f"{author.split()[0].lower()}@example.com"
        comment = {"mode": mode, "remote_addr": "127.0.0.1", "text": f"Hello from {author}",
                   "author": author, "email": email, "created": 1763500000.0}  # fmt: skip
        db.comments.add(uri, comment)
    return path


def project(tmp_path: Path, with_results: bool = True) -> Path:
    """A copy of the sample content, with the fixture exports in results/ beside it.

    Its translations (articles/fr/) are left out: the fixtures' numbers and the plan they
    shape are the English site's; tests/test_translations.py covers translations."""
    english = shutil.ignore_patterns("fr", "*.fr.yml")
    shutil.copytree(sample_dir(), tmp_path / "content", ignore=english)
    if with_results:
        shutil.copytree(FIXTURES, tmp_path / "results")
        isso_database(tmp_path / "results" / "comments.db")
    return tmp_path / "content"


@pytest.fixture
def built(tmp_path, build_site):
    """The sample site built with every fixture export in results/."""
    return build_site(project(tmp_path), strict=False, **NOW)


def summary_of(site) -> dict:
    return json.loads(site.path("share/results.json").read_text(encoding="utf-8"))


def wall_clock(stamp: str) -> datetime:
    """A scheduled time as the writer reads it in the site's zone (weeks are calendar weeks)."""
    return datetime.fromisoformat(stamp).replace(tzinfo=None)


def posts_of(site) -> dict[tuple[str, str], dict]:
    data = json.loads(site.path("share/snippets.json").read_text(encoding="utf-8"))
    return {(a["slug"], s["id"]): s for a in data["articles"] for s in a["snippets"]}


# Readers: told apart by the header row, whatever the file is called.


@pytest.mark.parametrize(
    ("fixture", "kind", "count"),
    [
        ("visits.csv", "visits CSV", 6),
        ("goatcounter-export.csv", "GoatCounter CSV export", 3),
        ("imported_pages_20261101_20261130.csv", "Plausible pages export", 1),
        ("signups-newsletter.csv", "sign-ups CSV", 4),
        ("signups-audience.csv", "sign-ups CSV", 1),
        ("questions.csv", "questions CSV", 2),
        ("helpful-events.csv", "events CSV", 3),
    ],
)
def test_each_export_is_known_by_its_header_not_its_name(tmp_path, fixture, kind, count):
    renamed = tmp_path / "download (3).csv"
    shutil.copy(FIXTURES / fixture, renamed)
    reading = read_file(renamed)
    assert reading.name == kind
    found = reading.visits or reading.signups or reading.questions or reading.helpful
    assert len(found) == count


def test_goatcounter_rows_are_pageviews_without_bots_or_events():
    reading = read_file(FIXTURES / "goatcounter-export.csv")
    assert [(v.page, v.visitors, v.day.isoformat()) for v in reading.visits] == [
        ("/five-ways-to-use-up-stale-bread/", 1, "2026-11-17"),
        ("/five-ways-to-use-up-stale-bread/", 1, "2026-11-17"),
        ("/five-ways-to-use-up-stale-bread/", 1, "2026-11-18"),
    ]


def test_readers_keep_counts_and_never_a_name_or_an_address():
    for fixture in FIXTURES.glob("*.csv"):
        kept = repr(read_file(fixture))
        assert not [word for word in PERSONAL if word in kept], fixture.name


def test_isso_database_counts_published_comments_read_only(tmp_path):
    database = isso_database(tmp_path / "comments.db")
    before = database.read_bytes()
    reading = read_file(database)
    assert reading.name == "Isso comments database"
    assert sorted(c.uri for c in reading.comments) == [f"/{BEANS}/", f"/{BEANS}/", f"/{LEMON}/"]
    assert "Seacole" not in repr(reading)
    assert database.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("page,visitors\n/a/,many\n", "row 2: visitors 'many' is not a whole number"),
        (
            "page,visitors,date\n/a/,3,4 Nov\n",
            "row 2: date '4 Nov' is not a date written YYYY-MM-DD",
        ),
        ("title,views\nBeans,3\n", "its header row is 'title,views'; expected a visits CSV"),
        ("", "its header row is 'nothing'; expected"),
    ],
)
def test_a_file_that_cannot_be_read_says_what_was_expected(text, expected):
    with pytest.raises(UnreadableFile, match=re.escape(expected)):
        read_csv_text(text)


def test_an_sqlite_file_that_is_not_isso_names_what_it_lacks(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text)")
    with pytest.raises(UnreadableFile, match="without Isso's threads and comments tables"):
        read_file(other)


# The page, the JSON and the terminal, counted from every fixture on the sample site.


def test_counts_per_article_match_the_fixtures(built):
    summary = summary_of(built)
    rows = {row["article"]: tuple(row[key] for key in KEYS) for row in summary["articles"]}
    for slug, counts in ARTICLE_COUNTS.items():
        assert rows[slug] == counts, slug
    assert len(rows) == 10
    assert summary["unmatched"] == 4  # 3 visits to no article, 1 sign-up from no article


def test_counts_per_post_network_stage_and_week(built):
    summary = summary_of(built)
    brought = {(p["article"], p["post"]): p["visits"] for p in summary["posts"] if p["visits"]}
    assert brought == {
        (BEANS, "x-thing-2"): 41,
        (BEANS, "bluesky-intro"): 12,
        (LEMON, "x-thing-1"): 7,
    }
    assert len(summary["posts"]) == 378
    networks = {
        n["network"]: (n["posts"], n["visits"], n["from_buttons"]) for n in summary["networks"]
    }
    assert networks == {
        "x": (63, 48, 0), "bluesky": (63, 12, 0), "facebook": (63, 5, 5),
        "mastodon": (63, 0, 0), "threads": (63, 0, 0), "linkedin": (63, 0, 0),
    }  # fmt: skip
    stages = {s["stage"]: tuple(s[key] for key in KEYS) for s in summary["stages"]}
    assert stages == {
        "learn": (68, 60, 5, 4, 1, 3), "try": (5, 0, 0, 0, 0, 0), "decide": (9, 0, 0, 0, 1, 0),
    }  # fmt: skip
    assert summary["weeks"] == [
        {"week": "2026-11-02", "visits": 48},
        {"week": "2026-11-09", "visits": 26},
        {"week": "2026-11-16", "visits": 8},
    ]
    assert [p["post"] for p in summary["top_posts"]] == ["x-thing-2", "bluesky-intro", "x-thing-1"]
    assert all(p["visits"] == 0 for p in summary["bottom_posts"])
    assert [a["article"] for a in summary["without_next_step"]] == [
        "4-things-to-cook-from-an-autumn-veg-box", "five-ways-to-use-up-stale-bread",
    ]  # fmt: skip
    assert "Try it articles: no sign-up, question or comment yet" in summary["gaps"]


def test_a_file_it_cannot_read_is_one_line_naming_it(built):
    summary = summary_of(built)
    assert summary["problems"] == [
        "results/notes.txt: its header row is 'Notes from the market stall'; expected a visits"
        " CSV (page,visitors[,date]), a Plausible pages export, a GoatCounter CSV export, a"
        " sign-ups CSV with a source column, a questions CSV with a page or article column, an"
        " events CSV (event,article,answer[,count]) or an Isso comments database"
    ]
    assert built.report.warnings == summary["problems"]
    assert len(summary["files"]) == 8


def test_helpful_answers_are_counted_per_article(built):
    rows = {
        row["article"]: (row["helpful_yes"], row["helpful_no"])
        for row in summary_of(built)["articles"]
    }
    assert rows[BEANS] == (6, 1) and rows[LEMON] == (2, 0)
    assert sum(yes + no for yes, no in rows.values()) == 9  # the page view row is not an answer
    table = built.html("share/results.html").find("h2", id="results-helpful").find_next("table")
    assert [
        [cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")
    ] == [
        ["3 things to do with a squeezed lemon", "2", "0"],
        ["3 things to do with a bag of dried beans", "6", "1"],
    ]


def test_suggestions_come_from_the_numbers(built):
    suggestions = summary_of(built)["suggestions"]
    assert 3 <= len(suggestions) <= 5
    assert suggestions[0] == (
        "Tip 2 of “3 things to do with a bag of dried beans” on X brought 41 visits:"
        " it is queued again on 24 April."
    )
    # Every post of this build is planned after its now: none has gone out, so none is counted.
    assert any(
        s.startswith("LinkedIn, Mastodon and Threads brought 0 visits: the plan gives them fewer")
        for s in suggestions
    )
    assert not any(" posts" in s and "0 visits from" in s for s in suggestions)


def test_only_posts_already_sent_count_against_a_quiet_network():
    beans = SiteArticle(
        BEANS, "Beans", f"https://example.com/{BEANS}/", "learn", "Recipes",
        (("x-intro", "x", "intro"), ("bluesky-intro", "bluesky", "intro"),
         ("bluesky-thing-1", "bluesky", "thing-1"), ("bluesky-thing-2", "bluesky", "thing-2")),
        sent=frozenset({"x-intro", "bluesky-intro"}),
    )  # fmt: skip
    visits = Reading("visits CSV", visits=(Visits(f"/{BEANS}/?utm_source=x&utm_content=intro", 4),))
    results = tally([beans], Readings(files=[("results/visits.csv", visits)]))
    assert results.network_posts == {"x": 1, "bluesky": 3}
    assert results.network_sent == {"x": 1, "bluesky": 1}
    said = suggestions([beans], results, [], {"x": "X", "bluesky": "Bluesky"}, ["bluesky"])
    assert "Bluesky brought 0 visits from 1 post already sent: the plan gives it fewer slots" in (
        " ".join(said)
    )


def test_the_page_shows_the_tables_and_charts_and_is_not_indexed(built):
    page = built.html("share/results.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    table = page.find("h2", id="results-articles").find_next("table")
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in table.tbody.find_all("tr")
    }
    assert rows["3 things to do with a bag of dried beans"] == [
        "Getting started", "53", "53", "0", "3", "1", "2",
    ]  # fmt: skip
    figures = page.find_all("figure", class_="results-chart")
    assert len(figures) == 3
    for figure in figures:
        svg = figure.find("svg")
        assert svg["role"] == "img" and svg.find("title").get_text()
        bars = [rect["width"] for rect in svg.find_all("rect")]
        values = [tr.td.get_text() for tr in figure.find("table").tbody.find_all("tr")]
        assert len(bars) == len(values) and max(map(int, bars)) == 240
    network = figures[0].find("svg").find("title").get_text()
    assert (
        network
        == "Visits by network: Bluesky 12; Facebook 5; LinkedIn 0; Mastodon 0; Threads 0; X 48"
    )
    assert not page.find("script")


def test_no_name_email_or_message_reaches_any_built_file(built):
    found = []
    for path in built.output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [(path.name, word) for word in PERSONAL if word.encode() in data]
    assert found == []


def test_the_command_prints_the_table_and_writes_both_files(tmp_path):
    content = project(tmp_path)
    said: list[str] = []
    files = sorted(str(path) for path in (tmp_path / "results").iterdir())
    ok, summary = show_results(
        ROOT / "pelicanconf.py", tmp_path / "out", files, echo=said.append,
        overrides={"PATH": str(content), "CACHE_CONTENT": False, **NOW},
    )  # fmt: skip
    text = "\n".join(said)
    assert ok and summary is not None
    assert re.search(rf"^{BEANS} +53 +53 +0 +3 +1 +2$", text, re.M)
    assert re.search(rf"^{BEANS} x-thing-2 +41$", text, re.M)
    assert re.search(rf"^{LEMON} x-thing-1 +7$", text, re.M)
    assert f"queued again: {BEANS} x-thing-2-again (2027-04-24T10:00:00+01:00)" in text
    assert json.loads((tmp_path / "out/share/results.json").read_text())["articles"]
    assert (tmp_path / "out/share/results.html").is_file()


# The plan learns from the results.


def test_the_best_post_is_queued_again_reworded_after_the_interval(built):
    posts = posts_of(built)
    first, again = posts[(BEANS, "x-thing-2")], posts[(BEANS, "x-thing-2-again")]
    gap = wall_clock(again["scheduled_at"]) - wall_clock(first["scheduled_at"])
    assert gap >= timedelta(weeks=8)
    assert again["text"] != first["text"] and again["link"] == first["link"]
    assert [key for key in posts if key[1].endswith("-again")] == [(BEANS, "x-thing-2-again")]
    plan = built.html("share/results.html").find("h2", id="results-plan").find_next("ul")
    assert "Queued again: x-thing-2-again of " + BEANS in plan.get_text(" ", strip=True)
    assert "Fewer slots on mastodon: its posts brought no visit." in plan.get_text(" ", strip=True)


def test_no_text_goes_out_twice_on_a_network_within_a_fortnight(built):
    by_text: dict[tuple[str, str], list[datetime]] = {}
    for post in posts_of(built).values():
        if post["scheduled_at"]:
            by_text.setdefault((post["network"], post["text"]), []).append(
                datetime.fromisoformat(post["scheduled_at"])
            )
    for times in by_text.values():
        times.sort()
        assert all(b - a >= timedelta(days=14) for a, b in itertools.pairwise(times))


def test_networks_that_brought_nothing_get_fewer_slots_but_never_none(built, tmp_path, build_site):
    plain = project(tmp_path / "plain", with_results=False)
    without = build_site(plain, output=tmp_path / "plain-output", **NOW)
    assert not without.path("share/results.html").exists()

    def scheduled(site, network):
        return sum(
            1
            for (_, _), p in posts_of(site).items()
            if p["network"] == network and p["scheduled_at"]
        )

    for network in ("mastodon", "threads", "linkedin"):
        assert 0 < scheduled(built, network) < scheduled(without, network)
    assert scheduled(built, "bluesky") == scheduled(without, "bluesky")


@pytest.mark.parametrize(("weeks", "horizon", "queued"), [(12, 26, False), (12, 40, True)])
def test_the_interval_is_the_writers_to_set(tmp_path, build_site, weeks, horizon, queued):
    site = build_site(
        project(tmp_path), strict=False, SHARE_RESHARE_AFTER_WEEKS=weeks,
        SHARE_PLAN_WEEKS=horizon, **NOW,
    )  # fmt: skip
    posts = posts_of(site)
    assert ((BEANS, "x-thing-2-again") in posts) is queued
    if queued:
        first = wall_clock(posts[(BEANS, "x-thing-2")]["scheduled_at"])
        again = wall_clock(posts[(BEANS, "x-thing-2-again")]["scheduled_at"])
        assert again - first >= timedelta(weeks=12)


def test_reshare_top_sets_how_many_come_back(tmp_path, build_site):
    site = build_site(project(tmp_path), strict=False, SHARE_RESHARE_TOP=1, **NOW)
    again = sorted(key for key in posts_of(site) if key[1].endswith("-again"))
    assert again == [
        (BEANS, "bluesky-intro-again"),
        (BEANS, "x-thing-2-again"),
        (LEMON, "x-thing-1-again"),
    ]


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("SHARE_RESHARE_TOP", 2, "SHARE_RESHARE_TOP must be a share from 0 to 1"),
        ("SHARE_RESHARE_AFTER_WEEKS", 0, "SHARE_RESHARE_AFTER_WEEKS must be a whole number"),
    ],
)
def test_reshare_settings_are_checked(build_site, setting, value, message):
    site = build_site("share-basic", **{setting: value})
    assert not site.report.ok
    assert any(message in line for line in site.report.errors)


def test_without_results_the_exports_are_byte_identical(build_site):
    site = build_site(
        "share-basic", SITEURL="https://www.example.com", SHARE_NOW="2026-11-02T08:03",
        PLUGINS=["language", "writer_metadata", "things", "share_snippets", "results",
                 "site_files"],
    )  # fmt: skip
    assert site.report.ok
    for golden in GOLDEN.iterdir():
        assert site.path(f"share/{golden.name}").read_bytes() == golden.read_bytes(), golden.name
    assert not site.path("share/results.html").exists()


def test_quiet_networks_and_best_posts_are_pure_rules():
    assert quiet_networks(("x", "bluesky"), {}) == frozenset()
    assert quiet_networks(("x", "bluesky"), {"x": 3}) == {"bluesky"}
    queues = [Queue("a", datetime(2026, 1, 1), [("x", "x-intro"), ("x", "x-thing-1")])]
    visits = {("a", "x", "intro"): 2, ("a", "x", "thing-1"): 9}
    assert best_posts(queues, visits, frozenset(), 0.5) == [("a", "x", "x-thing-1")]
    assert best_posts(queues, visits, frozenset({"x"}), 1) == []
    assert best_posts(queues, visits, frozenset(), 0) == []


def test_reshare_skips_a_post_the_plan_has_no_slot_for():
    rules = Reshare(timedelta(weeks=8), 1)
    assert (
        reshare({}, [("a", "x", "x-thing-1")], ("x",), (), None, datetime(2027, 1, 1), rules) == {}
    )
