"""The export files, written an article at a time: no article's posts outlive their turn."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

from .exporters import (
    SNIPPETS_CSV_HEADER,
    SharedArticle,
    csv_rows,
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
        for network in plan.networks:
            files[f"sprout-{network}.csv"] = sprout_csv(self.scheduled, network)
            parts = hootsuite_csv(self.scheduled, network, plan.hootsuite_rows)
            for number, text in enumerate(parts, start=1):
                files[f"hootsuite-{network}{'' if number == 1 else f'-{number}'}.csv"] = text
        for name, text in files.items():
            with self._open(name) as file:
                file.write(text)
        return [JSON_NAME, CSV_NAME, *files]

    def close(self) -> None:
        """Close the growing files (also when a build stops half way)."""
        self.json.close()
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
