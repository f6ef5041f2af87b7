"""What the numbers say: gaps, articles without a next step, charts and plain suggestions (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from hub.messages import plural

from .tally import PostCount, Results, Row, SiteArticle

BAR_WIDTH = 240  # the longest bar, in SVG units
BAR_HEIGHT = 18
BAR_GAP = 8
LABEL_WIDTH = 120


@dataclass(frozen=True)
class Bar:
    """One bar of a chart, placed: its label, value and box."""

    label: str
    value: int
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    """A small horizontal bar chart with the table it stands beside."""

    id: str
    title: str
    heading: str  # the table's first column
    bars: tuple[Bar, ...]
    height: int
    label_width: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH


def bar_chart(chart_id: str, title: str, heading: str, pairs: Sequence[tuple[str, int]]) -> Chart:
    """Bars for (label, value) PAIRS, the longest as wide as BAR_WIDTH."""
    top = max((value for _, value in pairs), default=0) or 1
    bars = tuple(
        Bar(label, value, index * (BAR_HEIGHT + BAR_GAP), round(value * BAR_WIDTH / top))
        for index, (label, value) in enumerate(pairs)
    )
    return Chart(chart_id, title, heading, bars, max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP))


@dataclass(frozen=True)
class Reshare:
    """A post the plan queues again: which, where and when."""

    slug: str
    post_id: str
    network: str
    when: datetime | None


def post_name(post: PostCount, titles: Mapping[str, str], networks: Mapping[str, str]) -> str:
    """'Tip 2 of “Beans” on X': a post as a writer would name it."""
    kind = post.kind
    if kind.startswith("thing-"):
        what = f"Tip {kind.split('-', 1)[1]} of"
    elif kind.startswith("answer-"):
        what = f"Answer {kind.split('-', 1)[1]} in"
    else:
        what = {"intro": "The introduction to", "question": "The question in"}.get(kind, kind)
    title, network = titles.get(post.slug, post.slug), networks.get(post.network, post.network)
    return f"{what} “{title}” on {network}"


def _listed(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def without_next_step(articles: Sequence[SiteArticle], results: Results) -> list[str]:
    """Slugs of articles that brought readers but no sign-up, question or comment."""
    return [
        article.slug
        for article in articles
        if results.articles[article.slug].visits and not results.articles[article.slug].next_steps
    ]


def gaps(
    articles: Sequence[SiteArticle], stages: Sequence[str], labels: Mapping[str, str],
    results: Results,
) -> list[str]:  # fmt: skip
    """Categories with a stage no article covers, and categories or stages with no next step."""
    found = []
    categories = sorted({article.category for article in articles})
    for category in categories:
        present = {article.stage for article in articles if article.category == category}
        missing = [labels.get(stage, stage) for stage in stages if stage not in present]
        if missing:
            found.append(f"{category}: no article for {', '.join(missing)}")
        row = Row()
        for article in articles:
            if article.category == category:
                row.add(results.articles[article.slug])
        if not row.next_steps:
            found.append(f"{category}: no sign-up, question or comment yet")
    for stage in stages:
        row = results.stages.get(stage)
        if row is not None and not row.next_steps:
            label = labels.get(stage, stage)
            found.append(f"{label} articles: no sign-up, question or comment yet")
    return found


def suggestions(
    articles: Sequence[SiteArticle], results: Results, reshares: Sequence[Reshare],
    networks: Mapping[str, str], quiet: Sequence[str],
) -> list[str]:  # fmt: skip
    """Three to five plain sentences drawn from the numbers, the most useful first."""
    titles = {article.slug: article.title for article in articles}
    said: list[str] = []
    queued = {(r.slug, r.post_id): r for r in reshares}
    for post in results.top_posts(2):
        again = queued.get((post.slug, f"{post.post_id}-again"))
        when = f" on {again.when:%-d %B}" if again and again.when else ""
        tail = f"it is queued again{when}" if again else "share it again"
        name = post_name(post, titles, networks)
        said.append(f"{name} brought {plural(post.visits, 'visit')}: {tail}.")
    if quiet:
        names = [networks.get(network, network) for network in quiet]
        # Only posts already out count: a post still ahead in the plan cannot have been seen.
        sent = sum(results.network_sent.get(network, 0) for network in quiet)
        where = f" from {plural(sent, 'post')} already sent" if sent else ""
        said.append(
            f"{_listed(names)} brought 0 visits{where}: the plan gives"
            f" {'it' if len(quiet) == 1 else 'them'} fewer slots (take it out of `networks:` in"
            " site.yml to stop posting there)."
        )
    if results.networks and not quiet:
        name, row = min(results.networks.items(), key=lambda item: (item[1].visits, item[0]))
        sent = results.network_sent.get(name, 0)
        if sent:
            said.append(
                f"{networks.get(name, name)} brought {plural(row.visits, 'visit')}"
                f" from {plural(sent, 'post')} already sent."
            )
    for slug in without_next_step(articles, results)[:1]:
        visits = results.articles[slug].visits
        said.append(
            f"“{titles[slug]}” brought {plural(visits, 'visit')} but no sign-up, question or"
            " comment: give it a clearer next step (its Cta field)."
        )
    buttons = sum(row.from_buttons for row in results.articles.values())
    if buttons:
        best = max(results.articles, key=lambda slug: (results.articles[slug].from_buttons, slug))
        said.append(
            f"Readers' share buttons brought {plural(buttons, 'visit')}, most of them to"
            f" “{titles[best]}”."
        )
    if len(said) < 3:
        said.append("Bring back more exports (visits, sign-ups, questions) to see more here.")
    return said[:5]
