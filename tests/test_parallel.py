"""Reading on several cores: the same site, the same messages in the same order, as serially."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import SETTINGS, article_text, site_files
from hub.build import build
from quality.corpus import make_content

FIXED = {"SHARE_NOW": "2026-11-02T08:03", "NURTURE_TODAY": "2026-11-22", "CACHE_CONTENT": False}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty articles of the benchmark's corpus, one with a bad date and one not UTF-8."""
    folder = make_content(tmp_path_factory.mktemp("parallel"), 20)
    articles = folder / "articles"
    (articles / "bad-date.md").write_text(article_text("3 things to do with rice", Date="soon"))
    (articles / "latin1.md").write_bytes("Title: Caf\xe9 ideas\n".encode("latin-1"))
    return folder


def run(content: Path, output: Path, workers: int, caplog: pytest.LogCaptureFixture):
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="hub.parallel"):
        report = build(
            SETTINGS,
            output,
            overrides={
                **FIXED,
                "PATH": str(content),
                "CACHE_PATH": str(output.parent / f"cache-{workers}"),
                "BUILD_WORKERS": workers,
                "BUILD_PARALLEL_FROM": 2,
            },
        )
    told = [record.getMessage() for record in caplog.records if record.name == "hub.parallel"]
    return report, told


def test_two_workers_build_what_one_builds_and_say_the_same_in_the_same_order(
    content, tmp_path, caplog
):
    serial, told_serial = run(content, tmp_path / "serial" / "output", 1, caplog)
    parallel, told = run(content, tmp_path / "parallel" / "output", 2, caplog)
    # The workers read every article but the two with mistakes, which Pelican reads itself.
    assert told == ["read 20 of 22 articles on 2 workers"] and told_serial == []
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
