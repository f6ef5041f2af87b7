"""Count what came back per article, post, network, stage and week (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from hub.returns import PostReturns

from .readers import Readings

SHARE_BUTTON = "share-button"
COUNTS = (
    "visits", "from_posts", "from_buttons", "signups", "questions", "comments",
    "helpful_yes", "helpful_no",
)  # fmt: skip


@dataclass(frozen=True)
class SiteArticle:
    """What the results need of one published article."""

    slug: str
    title: str
    url: str  # absolute address, no query
    stage: str
    category: str
    posts: tuple[tuple[str, str, str], ...] = ()  # (post id, network, kind)
    sent: frozenset[str] = frozenset()  # ids of the posts planned before the build's now


@dataclass
class Row:
    """The counts of one article, network or stage."""

    visits: int = 0  # every visit to the article, tagged or not
    from_posts: int = 0  # visits whose link came from one of the hub's posts
    from_buttons: int = 0  # visits from a reader's share button
    signups: int = 0
    questions: int = 0
    comments: int = 0
    helpful_yes: int = 0  # answers to "Was this helpful?"
    helpful_no: int = 0

    @property
    def next_steps(self) -> int:
        """Sign-ups, questions and comments together."""
        return self.signups + self.questions + self.comments

    def add(self, other: Row) -> None:
        """Add OTHER's counts to these."""
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        """The counts by name."""
        return {name: getattr(self, name) for name in COUNTS}


@dataclass(frozen=True)
class PostCount:
    """The visits one post brought."""

    slug: str
    post_id: str
    network: str
    kind: str
    visits: int


@dataclass
class Results:
    """Everything the page, the JSON and the terminal show."""

    articles: dict[str, Row] = field(default_factory=dict)  # slug -> counts
    posts: list[PostCount] = field(default_factory=list)
    networks: dict[str, Row] = field(default_factory=dict)
    network_posts: dict[str, int] = field(default_factory=dict)  # network -> how many posts
    # network -> how many of its posts have gone out (planned before the build's now)
    network_sent: dict[str, int] = field(default_factory=dict)
    stages: dict[str, Row] = field(default_factory=dict)
    weeks: dict[str, int] = field(default_factory=dict)  # Monday (YYYY-MM-DD) -> visits
    # (slug, utm_source, utm_content) -> visits, share buttons aside: what the plan reads.
    tagged: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    unmatched: int = 0  # visits, sign-ups, questions, comments naming no article

    def top_posts(self, count: int = 5) -> list[PostCount]:
        """The posts that brought the most visits (none that brought nothing)."""
        ranked = sorted(self.posts, key=lambda p: (-p.visits, p.slug, p.post_id))
        return [post for post in ranked if post.visits][:count]

    def bottom_posts(self, count: int = 5) -> list[PostCount]:
        """The posts that brought the fewest visits."""
        return sorted(self.posts, key=lambda p: (p.visits, p.slug, p.post_id))[:count]


def _monday(day: date) -> str:
    return (day - timedelta(days=day.weekday())).isoformat()


def _path(address: str) -> str:
    """The path of an absolute or root-relative address, always ending in /."""
    path = urlsplit(address.strip()).path or "/"
    if not path.startswith("/"):
        path = "/" + path
    return path if path.endswith("/") else path + "/"


class Matcher:
    """Finds the article an address, a slug or a title names."""

    def __init__(self, articles: Sequence[SiteArticle]) -> None:
        self.by_path: dict[str, str] = {}
        for article in articles:
            path = _path(article.url)
            self.by_path[path] = article.slug
            # A root-relative address on a site that lives in a folder (SITEURL with a path).
            self.by_path.setdefault(f"/{article.slug}/", article.slug)
        self.slugs = {article.slug for article in articles}
        self.titles = {article.title.casefold(): article.slug for article in articles}

    def address(self, address: str) -> str | None:
        """The slug of the article at ADDRESS (query and fragment ignored)."""
        return self.by_path.get(_path(address)) if address.strip() else None

    def source(self, value: str) -> str | None:
        """The slug a sign-up form's source field names: a slug, or an address."""
        value = value.strip()
        return value if value in self.slugs else self.address(value) if "/" in value else None

    def title(self, value: str) -> str | None:
        """The slug of the article called VALUE."""
        return self.titles.get(value.strip().casefold())


def _tags(address: str) -> tuple[str, str]:
    """(utm_source, utm_content) of an address, empty when absent."""
    query = parse_qs(urlsplit(address.strip()).query)
    return query.get("utm_source", [""])[0], query.get("utm_content", [""])[0]


def tally(articles: Sequence[SiteArticle], readings: Readings) -> Results:
    """Count READINGS against the site's ARTICLES."""
    match = Matcher(articles)
    results = Results(articles={article.slug: Row() for article in articles})
    post_visits: Counter[tuple[str, str]] = Counter()
    known_posts = {
        (article.slug, network, kind): post_id
        for article in articles
        for post_id, network, kind in article.posts
    }
    networks: dict[str, Row] = {}
    for visit in readings.all("visits"):
        slug = match.address(visit.page)
        if slug is None:
            results.unmatched += visit.visitors
            continue
        row = results.articles[slug]
        row.visits += visit.visitors
        if visit.day:
            week = _monday(visit.day)
            results.weeks[week] = results.weeks.get(week, 0) + visit.visitors
        source, content = _tags(visit.page)
        if not source:
            continue
        network = networks.setdefault(source, Row())
        network.visits += visit.visitors
        if content != SHARE_BUTTON:
            results.tagged[(slug, source, content)] += visit.visitors
        if content == SHARE_BUTTON:
            row.from_buttons += visit.visitors
            network.from_buttons += visit.visitors
        elif (post := known_posts.get((slug, source, content))) is not None:
            row.from_posts += visit.visitors
            network.from_posts += visit.visitors
            post_visits[(slug, post)] += visit.visitors
    for signup in readings.all("signups"):
        _count(results, match.source(signup.source), "signups")
    for question in readings.all("questions"):
        _count(results, match.address(question.page) or match.title(question.title), "questions")
    for comment in readings.all("comments"):
        _count(results, match.address(comment.uri), "comments")
    for answer in readings.all("helpful"):
        slug = answer.article if answer.article in results.articles else None
        if answer.answer in ("yes", "no"):
            _count(results, slug, f"helpful_{answer.answer}", answer.count)
    for article in articles:
        for post_id, network, kind in article.posts:
            visits = post_visits[(article.slug, post_id)]
            results.posts.append(PostCount(article.slug, post_id, network, kind, visits))
            results.network_posts[network] = results.network_posts.get(network, 0) + 1
            if post_id in article.sent:
                results.network_sent[network] = results.network_sent.get(network, 0) + 1
            networks.setdefault(network, Row())
        stage = results.stages.setdefault(article.stage, Row())
        stage.add(results.articles[article.slug])
    results.networks = dict(sorted(networks.items()))
    results.weeks = dict(sorted(results.weeks.items()))
    return results


def _count(results: Results, slug: str | None, what: str, count: int = 1) -> None:
    if slug is None:
        results.unmatched += count
        return
    row = results.articles[slug]
    setattr(row, what, getattr(row, what) + count)


def quiet_networks(results: Results) -> list[str]:
    """Networks whose posts were counted and brought no visit at all (when any post did)."""
    if not any(post.visits for post in results.posts):
        return []
    return [
        network
        for network, posts in sorted(results.network_posts.items())
        if posts and not results.networks.get(network, Row()).visits
    ]


def post_returns(results: Results) -> PostReturns:
    """What the posting plan needs: visits per tagged post and per network."""
    return PostReturns(
        posts=dict(results.tagged),
        networks={network: row.visits for network, row in results.networks.items()},
    )
