"""The export files, written an article at a time: no article's posts outlive their turn."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

from .changes import ArticleChange, changes_rows, to_schedule
from .exporters import (
    SNIPPETS_CSV_HEADER,
    SharedArticle,
    csv_rows,
    csv_text,
    hootsuite_csv,
    json_article,
    json_closing,
    json_opening,
    neutralised,
    plan_ics,
    sprout_csv,
)

JSON_NAME = "snippets.json"
CSV_NAME = "snippets.csv"
CHANGES_NAME = "changes.csv"


@dataclass(frozen=True)
class PlanFiles:
    """What the files of scheduled posts need besides the posts."""

    host: str  # for the calendar's event UIDs
    stamp: datetime  # the calendar's DTSTAMP, in UTC
    names: dict[str, str]  # network id -> name, for event summaries
    networks: tuple[str, ...]  # one Hootsuite file (or more) each
    hootsuite_rows: int


class ExportStream:
    """Open while the kit is written: JSON and CSV grow an article at a time, in slug order;
    the scheduler files, which hold only scheduled posts ordered by time, come at the end."""

    def __init__(self, folder: Path, site: str) -> None:
        self.folder, self.site = folder, site
        # newline="": the CSV writer already ends rows with CRLF, as RFC 4180 asks.
        self.json = self._open(JSON_NAME)
        self.csv_file = self._open(CSV_NAME)
        self.csv = csv.writer(self.csv_file, lineterminator="\r\n")
        self.json.write(json_opening(site))
        self.csv.writerow(neutralised(SNIPPETS_CSV_HEADER))
        self.count = 0
        self.scheduled: list[SharedArticle] = []

    def _open(self, name: str) -> TextIO:
        return open(self.folder / name, "w", encoding="utf-8", newline="")

    def add(self, article: SharedArticle) -> None:
        """Write one article's posts (articles must come in slug order)."""
        self.json.write(json_article(article, first=self.count == 0))
        self.csv.writerows(neutralised(row) for row in csv_rows(article))
        self.count += 1
        kept = [snippet for snippet in article.snippets if snippet.scheduled_at is not None]
        if kept:
            self.scheduled.append(replace(article, snippets=kept))

    def finish(self, plan: PlanFiles) -> list[str]:
        """Close the JSON and CSV, write the scheduler files; every file's name."""
        self.json.write(json_closing(self.count == 0))
        self.close()
        files = {"plan.ics": plan_ics(self.site, plan.host, self.scheduled, plan.stamp, plan.names)}
        files |= scheduler_files(self.scheduled, plan)
        write_files(self.folder, files)
        return [JSON_NAME, CSV_NAME, *files]

    def close(self) -> None:
        """Close the growing files (also when a build stops half way, or a full disk refuses the
        last write of one: the other is closed all the same)."""
        try:
            self.json.close()
        finally:
            self.csv_file.close()

    def __enter__(self) -> ExportStream:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def scheduler_files(
    articles: list[SharedArticle], plan: PlanFiles, suffix: str = ""
) -> dict[str, str]:
    """Each network's Sprout and Hootsuite files (SUFFIX after the network: "-changes")."""
    files = {}
    for network in plan.networks:
        files[f"sprout-{network}{suffix}.csv"] = sprout_csv(articles, network)
        parts = hootsuite_csv(articles, network, plan.hootsuite_rows)
        for number, text in enumerate(parts, start=1):
            files[f"hootsuite-{network}{suffix}{'' if number == 1 else f'-{number}'}.csv"] = text
    return files


def write_files(folder: Path, files: dict[str, str]) -> None:
    """Write each named text into FOLDER (CSV rows already end in CRLF)."""
    for name, text in files.items():
        with open(folder / name, "w", encoding="utf-8", newline="") as file:
            file.write(text)


def write_changes(folder: Path, changes: list[ArticleChange], plan: PlanFiles) -> list[str]:
    """changes.csv, and scheduler files of only the new and changed posts; every file's name.

    A network with nothing new to schedule gets no changes file."""
    scheduled = [
        replace(article, snippets=[s for s in article.snippets if s.scheduled_at is not None])
        for article in to_schedule(changes)
    ]
    kept = {network for article in scheduled for network in (s.network for s in article.snippets)}
    files = {CHANGES_NAME: csv_text(changes_rows(changes))}
    only = replace(plan, networks=tuple(n for n in plan.networks if n in kept))
    files |= scheduler_files(scheduled, only, "-changes")
    write_files(folder, files)
    return list(files)
