"""Reading on several cores: the same site, the same messages in the same order, as serially."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest

from conftest import SETTINGS, article_text, sample_dir, site_files
from hub.build import build
from hub.caches import read_entry
from quality.corpus import make_content
from workflow.commands import preview_overrides

FIXED = {"SHARE_NOW": "2026-11-02T08:03", "NURTURE_TODAY": "2026-11-22", "CACHE_CONTENT": False}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty articles of the benchmark's corpus, one with a bad date and one not UTF-8."""
    folder = make_content(tmp_path_factory.mktemp("parallel"), 20)
    articles = folder / "articles"
    (articles / "bad-date.md").write_text(article_text("3 things to do with rice", Date="soon"))
    (articles / "latin1.md").write_bytes("Title: Caf\xe9 ideas\n".encode("latin-1"))
    return folder


# The loggers that say how much work the workers took.
TOLD_BY = ("hub.parallel", "share_snippets.generator")


def run(
    content: Path,
    output: Path,
    workers: int,
    caplog: pytest.LogCaptureFixture,
    **settings: object,
):
    caplog.clear()
    with (
        caplog.at_level(logging.DEBUG, logger="hub.parallel"),
        caplog.at_level(logging.DEBUG, logger="share_snippets.generator"),
    ):
        report = build(
            SETTINGS,
            output,
            overrides={
                **FIXED,
                "PATH": str(content),
                "CACHE_PATH": str(output.parent / f"cache-{workers}"),
                "BUILD_WORKERS": workers,
                "BUILD_PARALLEL_FROM": 2,
                **settings,
            },
        )
    told = [
        record.getMessage()
        for record in caplog.records
        if record.name in TOLD_BY and record.getMessage().startswith(("read ", "made "))
    ]
    return report, told


def test_two_workers_build_what_one_builds_and_say_the_same_in_the_same_order(
    content, tmp_path, caplog
):
    serial, told_serial = run(content, tmp_path / "serial" / "output", 1, caplog)
    parallel, told = run(content, tmp_path / "parallel" / "output", 2, caplog)
    # The workers read every article but the two with mistakes, which Pelican reads itself,
    # and make every article's posts and kit page but the oldest's, which stands for them all.
    assert told == [
        "read 20 of 22 articles on 2 workers",
        "made 19 of 20 articles' posts and pages on 2 workers",
    ]
    assert told_serial == []
    assert parallel.errors == serial.errors and parallel.warnings == serial.warnings
    # (In the order Pelican walks the folder, the same for both builds.)
    assert sorted(line.split(": ", 1)[1] for line in serial.errors) == [
        "Date 'soon' is not a date; write it as 2026-09-14 or 2026-09-14 09:00",
        "the file is not UTF-8 text (unexpected byte at position 10); save it as UTF-8 in your"
        " editor",
    ]
    assert parallel.counts == serial.counts and serial.counts["articles"] == 20
    ours, theirs = (
        site_files(tmp_path / "parallel" / "output"),
        site_files(tmp_path / "serial" / "output"),
    )
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


@pytest.mark.parametrize("workers", [0, "two", True])
def test_a_worker_count_that_is_not_a_count_stops_the_build_naming_the_setting(
    content, tmp_path, caplog, workers
):
    report, _ = run(content, tmp_path / "output", workers, caplog)
    assert not report.ok
    assert report.errors[-1] == (
        f"BUILD_WORKERS: {workers!r} is not a whole number of at least 1;"
        " 1 builds serially; leave it out to use every core"
    )


def test_a_misspelt_build_setting_stops_the_build_naming_it(content, tmp_path):
    report = build(
        SETTINGS,
        tmp_path / "output",
        overrides={**FIXED, "PATH": str(content), "BUILD_WORKER": 2},
    )
    assert not report.ok
    assert report.errors[-1] == (
        "BUILD_WORKER: unknown setting; known: BUILD_PARALLEL_FROM, BUILD_WORKERS"
    )


def test_the_kit_made_on_two_workers_is_kept_reused_and_mended_as_one_process_does(
    content, tmp_path, caplog
):
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    builds = {workers: tmp_path / str(workers) / "output" for workers in (1, 2)}
    for workers, output in builds.items():
        run(content, output, workers, caplog, **cached)
    caches = {workers: output.parent / f"cache-{workers}" for workers, output in builds.items()}
    kept = {
        workers: sorted(path.name for path in (cache / "share_snippets-kit").iterdir())
        for workers, cache in caches.items()
    }
    # What the workers kept reached the build's own record: nothing was pruned, nothing more.
    assert kept[2] == kept[1] and len(kept[1]) > 40
    memos = {
        workers: read_entry(cache / "share_snippets-compose.pickle")
        for workers, cache in caches.items()
    }
    assert pickle.loads(memos[2]) == pickle.loads(memos[1])
    # Damage one kept kit page in each cache: the worker that meets it says so, and the build
    # passes the line on in its place, as one process would.
    page = next(name for name in kept[1] if len(name) == 64)
    for cache in caches.values():
        (cache / "share_snippets-kit" / page).write_bytes(b"half a page")
    reports, told = {}, {}
    for workers, output in builds.items():
        reports[workers], told[workers] = run(content, output, workers, caplog, **cached)
    warned = {
        workers: [line.replace(str(caches[workers]), "CACHE") for line in report.warnings]
        for workers, report in reports.items()
    }
    assert warned[1] == [
        f"CACHE/share_snippets-kit/{page}: this cache entry was damaged, so it was rebuilt"
        " (nothing to do)"
    ]
    assert warned[2] == warned[1]
    assert told[2][-1] == "made 19 of 20 articles' posts and pages on 2 workers"
    ours, theirs = site_files(builds[2]), site_files(builds[1])
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


@pytest.mark.parametrize(
    "settings",
    [
        {"SITEURL": "https://www.larderlane.example"},
        {**preview_overrides("127.0.0.1", 8000), "RELATIVE_URLS": True},
    ],
    ids=["published", "preview"],
)
def test_the_sample_site_on_two_workers_is_the_sample_site_on_one(tmp_path, caplog, settings):
    # The sample holds what the benchmark's corpus lacks: things, questions, a translation,
    # answered questions, calls to action, pages.
    reports, told, builds = {}, {}, {}
    for workers in (1, 2):
        builds[workers] = tmp_path / str(workers) / "output"
        reports[workers], told[workers] = run(
            sample_dir(), builds[workers], workers, caplog, **settings
        )
    assert reports[2].warnings == reports[1].warnings
    assert reports[2].errors == reports[1].errors == []
    assert told[1] == [] and told[2][-1].startswith("made ")
    ours, theirs = site_files(builds[2]), site_files(builds[1])
    assert sorted(ours) == sorted(theirs) and any(name.startswith("s/") for name in ours)
    assert [name for name in ours if ours[name] != theirs[name]] == []
