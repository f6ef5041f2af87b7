"""The content-health report: article facts in, table rows out (pure)."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from writer_metadata.fields import STAGES


@dataclass(frozen=True)
class ArticleFacts:
    """What the report needs to know about one article."""

    title: str
    path: str
    category: str
    stage: str
    has_question: bool
    cta: str
    updated: datetime.date


@dataclass(frozen=True)
class HealthReport:
    """Every table of the report, as rows of plain strings and numbers."""

    today: datetime.date
    stale_since: datetime.date
    stages: tuple[tuple[str, int, int, int], ...]
    gaps: tuple[str, ...]
    without_question: tuple[str, ...]
    ctas: tuple[tuple[str, str, str], ...]
    stale: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day MONTHS months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def build_report(
    facts: Iterable[ArticleFacts],
    warnings: Iterable[str] = (),
    *,
    today: datetime.date,
    stale_months: int = 12,
) -> HealthReport:
    """Count articles per category and stage, and list what needs a writer's attention."""
    facts = sorted(facts, key=lambda fact: (fact.category.lower(), fact.title.lower()))
    categories = sorted({fact.category for fact in facts}, key=str.lower)
    counts = {
        category: [sum(f.category == category and f.stage == s for f in facts) for s in STAGES]
        for category in categories
    }
    learn, decide = STAGES[0], STAGES[-1]
    gaps = [
        f"{category}: no {stage} article"
        for category in categories
        for stage, number in zip(STAGES, counts[category], strict=True)
        if stage in (learn, decide) and not number
    ]
    cutoff = months_before(today, stale_months)
    return HealthReport(
        today=today,
        stale_since=cutoff,
        stages=tuple((category, *counts[category]) for category in categories),  # type: ignore[misc]
        gaps=tuple(gaps),
        without_question=tuple(fact.path for fact in facts if not fact.has_question),
        ctas=tuple((fact.path, fact.stage, fact.cta) for fact in facts),
        stale=tuple(
            (fact.path, fact.updated.isoformat()) for fact in facts if fact.updated < cutoff
        ),
        warnings=tuple(warnings),
    )


def table(headings: tuple[str, ...], rows: Iterable[tuple[object, ...]]) -> list[str]:
    """Lines of a plain-text table with columns padded to their widest cell."""
    cells = [headings, *(tuple(str(cell) for cell in row) for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headings))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return [line.rstrip() for line in lines]


def report_text(report: HealthReport) -> str:
    """The report as text for the terminal."""
    stale = [f"{path}  last updated {day}" for path, day in report.stale]
    sections = [
        ("Articles per category and stage", table(("category", *STAGES), report.stages)),
        ("Gaps (a category with no learn or no decide article)", report.gaps),
        ("Articles without a Question", report.without_question),
        ("Call to action per article", table(("article", "stage", "call to action"), report.ctas)),
        (f"Stale articles (not updated since {report.stale_since.isoformat()})", stale),
        ("Hard-sell warnings", report.warnings),
    ]
    lines = [f"Content health on {report.today.isoformat()}"]
    for heading, items in sections:
        lines += ["", f"{heading}:", *(f"  {item}" for item in items or ["none"])]
    return "\n".join(lines)
