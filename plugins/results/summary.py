"""The "What's working" summary: one plain dict for the JSON, the page and the terminal (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .findings import Reshare, bar_chart, gaps, post_name, suggestions, without_next_step
from .readers import Readings
from .tally import Results, SiteArticle, quiet_networks

COLUMNS = (
    ("visits", "Visits"),
    ("from_posts", "From posts"),
    ("from_buttons", "From share buttons"),
    ("signups", "Sign-ups"),
    ("questions", "Questions"),
    ("comments", "Comments"),
)


def summarise(
    articles: Sequence[SiteArticle], readings: Readings, results: Results,
    reshares: Sequence[Reshare], networks: Mapping[str, str], stages: Sequence[str],
    labels: Mapping[str, str],
) -> dict[str, Any]:  # fmt: skip
    """Everything "What's working" shows, as plain values (counts only, nothing personal)."""
    titles = {article.slug: article.title for article in articles}
    quiet = quiet_networks(results)
    post_rows = [
        {"article": post.slug, "post": post.post_id, "network": post.network,
         "kind": post.kind, "visits": post.visits}
        for post in results.posts
    ]  # fmt: skip
    named = [
        {"article": post.slug, "post": post.post_id, "visits": post.visits,
         "name": post_name(post, titles, networks)}
        for post in results.top_posts()
    ]  # fmt: skip
    bottom = [
        {"article": post.slug, "post": post.post_id, "visits": post.visits,
         "name": post_name(post, titles, networks)}
        for post in results.bottom_posts()
    ]  # fmt: skip
    stage_rows = {
        stage: results.stages[stage].as_dict() for stage in stages if stage in results.stages
    }
    return {
        "files": [{"file": name, "format": reading.name} for name, reading in readings.files],
        "problems": list(readings.problems),
        "articles": [
            {
                "article": a.slug,
                "title": a.title,
                "stage": a.stage,
                "category": a.category,
                **results.articles[a.slug].as_dict(),
            }
            for a in articles
        ],
        "posts": post_rows,
        "networks": [
            {
                "network": network,
                "name": networks.get(network, network),
                "posts": results.network_posts.get(network, 0),
                **row.as_dict(),
            }
            for network, row in results.networks.items()
        ],
        "stages": [
            {"stage": stage, "label": labels.get(stage, stage), **row}
            for stage, row in stage_rows.items()
        ],
        "weeks": [{"week": week, "visits": visits} for week, visits in results.weeks.items()],
        "top_posts": named,
        "bottom_posts": bottom,
        "without_next_step": [
            {"article": slug, "title": titles[slug]}
            for slug in without_next_step(articles, results)
        ],
        "gaps": gaps(articles, stages, labels, results),
        "unmatched": results.unmatched,
        "plan": {
            "reshared": [
                {
                    "article": r.slug,
                    "post": r.post_id,
                    "network": r.network,
                    "when": r.when.isoformat() if r.when else None,
                }
                for r in reshares
            ],
            "fewer_slots": quiet,
        },
        "suggestions": suggestions(articles, results, reshares, networks, quiet),
    }


def charts(summary: Mapping[str, Any]) -> list[Any]:
    """The page's three charts: visits by network, by week, and the stage funnel."""
    return [
        bar_chart(
            "chart-networks", "Visits by network", "Network",
            [(row["name"], row["visits"]) for row in summary["networks"]],
        ),
        bar_chart(
            "chart-weeks", "Visits by week", "Week starting",
            [(row["week"], row["visits"]) for row in summary["weeks"]],
        ),
        bar_chart(
            "chart-funnel", "Visits by stage: learn, try, decide", "Stage",
            [(row["label"], row["visits"]) for row in summary["stages"]],
        ),
    ]  # fmt: skip


def table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> list[str]:
    """Rows as aligned text columns, the first left-aligned and the rest right-aligned."""
    cells = [[str(cell) for cell in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ).rstrip()
        for row in cells
    ]


def summary_text(summary: Mapping[str, Any]) -> str:
    """The terminal's view: per article, per post that brought visits, and the suggestions."""
    lines = ["What's working", ""]
    names = [label for _, label in COLUMNS]
    lines += table(
        [[row["article"], *(row[key] for key, _ in COLUMNS)] for row in summary["articles"]],
        ["Article", *names],
    )
    posts = [row for row in summary["posts"] if row["visits"]]
    lines += ["", "Posts that brought visits:"]
    lines += (
        table(
            [
                [f"{row['article']} {row['post']}", row["visits"]]
                for row in sorted(posts, key=lambda r: (-r["visits"], r["article"], r["post"]))
            ],
            ["Post", "Visits"],
        )
        if posts
        else ["  none yet"]
    )
    plan = summary["plan"]
    if plan["reshared"] or plan["fewer_slots"]:
        lines += ["", "The posting plan:"]
        lines += [
            f"  queued again: {row['article']} {row['post']} ({row['when'] or 'beyond the plan'})"
            for row in plan["reshared"]
        ]
        lines += [f"  fewer slots: {name} (it brought no visit)" for name in plan["fewer_slots"]]
    lines += ["", "Suggestions:"] + [f"  - {line}" for line in summary["suggestions"]]
    return "\n".join(lines)
