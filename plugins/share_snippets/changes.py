"""What changed since the last publish: the published posts' record and the comparison (pure)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .compose import Snippet
from .exporters import SharedArticle, without_link

MANIFEST_VERSION = 1
# How much of a post the record keeps, so a gone post can still be named.
OPENING = 80
CHANGES_HEADER = ("article", "network", "id", "change", "text", "link", "scheduled_at")


def text_digest(text: str) -> str:
    """A short fingerprint of a text: equal texts, equal digests."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ArticleFacts:
    """What a network's link preview shows of an article: a change asks for a re-scrape."""

    title: str
    summary: str
    card: str  # the preview picture's address, "" when none
    url: str


def article_record(article: SharedArticle, facts: ArticleFacts) -> dict[str, Any]:
    """One article's entry in the record: its preview facts and each post's fingerprint."""
    return {
        "title": facts.title,
        "preview": text_digest(f"{facts.title}\n{facts.summary}\n{facts.card}"),
        "url": facts.url,
        "posts": {
            snippet.id: {
                "network": snippet.network,
                "text": text_digest(snippet.text),
                "opening": without_link(snippet)[:OPENING],
            }
            for snippet in article.snippets
        },
    }


@dataclass
class ArticleChange:
    """One article's posts that are new, changed or gone since the last publish."""

    slug: str
    title: str
    url: str
    new: list[Snippet] = field(default_factory=list)
    changed: list[Snippet] = field(default_factory=list)
    gone: list[tuple[str, str, str]] = field(default_factory=list)  # (id, network, opening)
    rescrape: bool = False

    @property
    def summary(self) -> str:
        """ "2 new, 1 changed, 3 gone" (the parts that apply)."""
        parts = [(len(self.new), "new"), (len(self.changed), "changed"), (len(self.gone), "gone")]
        posts = ", ".join(f"{count} {word}" for count, word in parts if count)
        return posts or "no post changed"

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.gone or self.rescrape)


def compare(
    previous: Mapping[str, Any] | None, article: SharedArticle, facts: ArticleFacts
) -> ArticleChange:
    """How ARTICLE's posts differ from its PREVIOUS record (None: the article is new)."""
    change = ArticleChange(article.slug, facts.title, facts.url)
    before = (previous or {}).get("posts", {})
    for snippet in article.snippets:
        if snippet.id not in before:
            change.new.append(snippet)
        elif before[snippet.id].get("text") != text_digest(snippet.text):
            change.changed.append(snippet)
    ids = {snippet.id for snippet in article.snippets}
    change.gone = [
        (post_id, entry.get("network", ""), entry.get("opening", ""))
        for post_id, entry in before.items()
        if post_id not in ids
    ]
    record = article_record(article, facts)
    change.rescrape = previous is not None and previous.get("preview") != record["preview"]
    return change


def gone_article(slug: str, previous: Mapping[str, Any]) -> ArticleChange:
    """An article in the last publish that is no longer published: every post gone."""
    change = ArticleChange(slug, str(previous.get("title", slug)), str(previous.get("url", "")))
    change.gone = [
        (post_id, entry.get("network", ""), entry.get("opening", ""))
        for post_id, entry in previous.get("posts", {}).items()
    ]
    return change


def read_manifest(text: str) -> tuple[str, dict[str, Any]]:
    """When a record written by manifest_json was made, and its articles; ValueError when the
    text is not such a record."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise ValueError("it is not JSON") from None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        raise ValueError("it is not a share-kit record of this version")
    articles = data.get("articles")
    if not isinstance(articles, dict):
        raise ValueError("it holds no articles")
    return str(data.get("published", "")), articles


def manifest_json(records: Mapping[str, Any], published: str) -> str:
    """The record of what was published, as JSON."""
    body = {"version": MANIFEST_VERSION, "published": published, "articles": dict(records)}
    return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def changes_rows(changes: Sequence[ArticleChange]) -> Iterator[tuple[object, ...]]:
    """changes.csv's rows after its header: every new, changed and gone post."""
    yield CHANGES_HEADER
    for change in changes:
        for word, snippets in (("new", change.new), ("changed", change.changed)):
            for snippet in snippets:
                when = snippet.scheduled_at.isoformat() if snippet.scheduled_at else ""
                yield (change.slug, snippet.network, snippet.id, word, snippet.text,
                       snippet.link, when)  # fmt: skip
        for post_id, network, opening in change.gone:
            yield (change.slug, network, post_id, "gone", opening, "", "")


def to_schedule(changes: Sequence[ArticleChange]) -> list[SharedArticle]:
    """The new and changed posts, as articles for the scheduler exports."""
    return [
        SharedArticle(change.slug, change.title, change.url, [*change.new, *change.changed])
        for change in changes
        if change.new or change.changed
    ]
