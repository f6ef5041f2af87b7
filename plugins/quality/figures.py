"""The benchmark's arithmetic: medians, ratios and each goal's verdict (pure)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from .measure import Measured


@dataclass(frozen=True)
class Goals:
    """What the hub promises against bare Pelican."""

    # Wall time: what a writer waits for (the build may use several cores).
    build_ratio: float = 1.25
    # Peak memory of the build and its workers together.
    memory_ratio: float = 1.5
    # livereload's rebuild after one edit, against a cold bare build's wall time.
    preview_ratio: float = 0.3
    # Per-article wall time at the largest size over that at the smallest: 1.0 is linear.
    growth: float = 1.2
    card_ms: float = 10.0


@dataclass
class SizeResult:
    """Every run at one corpus size."""

    articles: int
    bare: list[Measured] = field(default_factory=list)
    hub: list[Measured] = field(default_factory=list)
    preview: list[Measured] = field(default_factory=list)


def median(runs: Sequence[Measured], attribute: str) -> float:
    """The median of one measure over RUNS."""
    return statistics.median(getattr(run, attribute) for run in runs)


def ratio(over: Sequence[Measured], under: Sequence[Measured], attribute: str) -> float:
    """Median of OVER divided by median of UNDER."""
    return median(over, attribute) / median(under, attribute)


def table(results: Sequence[SizeResult]) -> list[str]:
    """A Markdown table of the medians, one row per corpus size."""
    lines = [
        "| articles | bare wall s | hub wall s | hub/bare wall | bare CPU s | hub CPU s"
        " | hub/bare CPU | bare peak MB | hub peak MB | hub/bare memory"
        " | preview wall s | preview/cold bare wall |",
        "|---:" * 12 + "|",
    ]
    for size in results:
        preview = (
            f"{median(size.preview, 'wall'):.2f} | {ratio(size.preview, size.bare, 'wall'):.2f}x"
            if size.preview
            else "- | -"
        )
        lines.append(
            f"| {size.articles} | {median(size.bare, 'wall'):.2f} | {median(size.hub, 'wall'):.2f}"
            f" | {ratio(size.hub, size.bare, 'wall'):.2f}x | {median(size.bare, 'cpu'):.2f}"
            f" | {median(size.hub, 'cpu'):.2f} | {ratio(size.hub, size.bare, 'cpu'):.2f}x"
            f" | {median(size.bare, 'max_rss_kb') / 1024:.0f}"
            f" | {median(size.hub, 'max_rss_kb') / 1024:.0f}"
            f" | {ratio(size.hub, size.bare, 'max_rss_kb'):.2f}x | {preview} |"
        )
    return lines


def verdicts(
    results: Sequence[SizeResult], goals: Goals, card_ms: float | None = None
) -> list[tuple[str, bool]]:
    """Each goal as a line with its figure, and whether it is met."""
    found: list[tuple[str, bool]] = []

    def judge(name: str, value: float, limit: float, unit: str = "x") -> None:
        met = value <= limit
        found.append((f"{name}: {value:.2f}{unit} (goal ≤ {limit:g}{unit})", met))

    for size in results:
        judge(
            f"hub/bare wall at {size.articles}",
            ratio(size.hub, size.bare, "wall"),
            goals.build_ratio,
        )
        judge(
            f"hub/bare peak memory at {size.articles}",
            ratio(size.hub, size.bare, "max_rss_kb"),
            goals.memory_ratio,
        )
        if size.preview:
            judge(
                f"preview rebuild after one edit / cold bare wall at {size.articles}",
                ratio(size.preview, size.bare, "wall"),
                goals.preview_ratio,
            )
    if len(results) > 1:
        by_size = sorted(results, key=lambda result: result.articles)
        small, large = by_size[0], by_size[-1]
        per_article = [median(result.hub, "wall") / result.articles for result in (small, large)]
        judge(
            f"hub wall per article, {large.articles} over {small.articles}",
            per_article[1] / per_article[0],
            goals.growth,
        )
    if card_ms is not None:
        judge("cold social card, both cores", card_ms, goals.card_ms, " ms")
    return found
