"""The benchmark's arithmetic: medians, ratios and each goal's verdict (pure)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from .measure import Measured


@dataclass(frozen=True)
class Goals:
    """What the hub promises against bare Pelican."""

    build_ratio: float = 1.25
    memory_ratio: float = 1.3
    rebuild_ratio: float = 0.6
    # Per-article CPU time at the largest size over that at the smallest: 1.0 is linear.
    growth: float = 1.2
    card_ms: float = 10.0


@dataclass
class SizeResult:
    """Every run at one corpus size."""

    articles: int
    bare: list[Measured] = field(default_factory=list)
    hub: list[Measured] = field(default_factory=list)
    rebuild: list[Measured] = field(default_factory=list)


def median(runs: Sequence[Measured], attribute: str) -> float:
    """The median of one measure over RUNS."""
    return statistics.median(getattr(run, attribute) for run in runs)


def ratio(over: Sequence[Measured], under: Sequence[Measured], attribute: str) -> float:
    """Median of OVER divided by median of UNDER."""
    return median(over, attribute) / median(under, attribute)


def table(results: Sequence[SizeResult]) -> list[str]:
    """A Markdown table of the medians, one row per corpus size."""
    lines = [
        "| articles | bare CPU s | hub CPU s | hub/bare CPU | bare wall s | hub wall s"
        " | hub/bare wall | bare peak MB | hub peak MB | hub/bare memory"
        " | rebuild CPU s | rebuild/cold bare |",
        "|---:" * 12 + "|",
    ]
    for size in results:
        rebuild = (
            f"{median(size.rebuild, 'cpu'):.2f} | {ratio(size.rebuild, size.bare, 'cpu'):.2f}x"
            if size.rebuild
            else "- | -"
        )
        lines.append(
            f"| {size.articles} | {median(size.bare, 'cpu'):.2f} | {median(size.hub, 'cpu'):.2f}"
            f" | {ratio(size.hub, size.bare, 'cpu'):.2f}x | {median(size.bare, 'wall'):.2f}"
            f" | {median(size.hub, 'wall'):.2f} | {ratio(size.hub, size.bare, 'wall'):.2f}x"
            f" | {median(size.bare, 'max_rss_kb') / 1024:.0f}"
            f" | {median(size.hub, 'max_rss_kb') / 1024:.0f}"
            f" | {ratio(size.hub, size.bare, 'max_rss_kb'):.2f}x | {rebuild} |"
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
            f"hub/bare CPU at {size.articles}", ratio(size.hub, size.bare, "cpu"), goals.build_ratio
        )
        judge(
            f"hub/bare peak memory at {size.articles}",
            ratio(size.hub, size.bare, "max_rss_kb"),
            goals.memory_ratio,
        )
        if size.rebuild:
            judge(
                f"rebuild after one edit / cold bare at {size.articles}",
                ratio(size.rebuild, size.bare, "cpu"),
                goals.rebuild_ratio,
            )
    if len(results) > 1:
        by_size = sorted(results, key=lambda result: result.articles)
        small, large = by_size[0], by_size[-1]
        per_article = [median(result.hub, "cpu") / result.articles for result in (small, large)]
        judge(
            f"hub CPU per article, {large.articles} over {small.articles}",
            per_article[1] / per_article[0],
            goals.growth,
        )
    if card_ms is not None:
        judge("cold social card, both cores", card_ms, goals.card_ms, " ms")
    return found
