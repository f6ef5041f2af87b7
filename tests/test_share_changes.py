"""What changed since the last publish: new, changed and gone posts, and re-scrapes (pure)."""

import pytest

from share_snippets.changes import (
    ArticleFacts,
    article_record,
    changes_rows,
    compare,
    gone_article,
    manifest_json,
    read_manifest,
)
from share_snippets.compose import Snippet
from share_snippets.exporters import SharedArticle

LINK = "https://www.example.com/a/"
FACTS = ArticleFacts("A title", "A summary.", "https://www.example.com/card.png", LINK)


def _article(*posts: tuple[str, str]) -> SharedArticle:
    snippets = [
        Snippet(i, i.split("-")[0], "intro", f"{t} {LINK}", LINK, 10, 280) for i, t in posts
    ]
    return SharedArticle("a", "A title", LINK, snippets)


def test_posts_are_new_changed_or_gone_and_unchanged_ones_are_not_listed():
    old = article_record(
        _article(("x-intro", "Same."), ("x-thing-1", "Old."), ("x-thing-2", "Bye.")), FACTS
    )
    now = _article(("x-intro", "Same."), ("x-thing-1", "New words."), ("x-thing-3", "Hello."))
    change = compare(old, now, FACTS)
    assert [s.id for s in change.new] == ["x-thing-3"]
    assert [s.id for s in change.changed] == ["x-thing-1"]
    assert change.gone == [("x-thing-2", "x", "Bye.")]
    assert not change.rescrape
    assert change.summary == "1 new, 1 changed, 1 gone"
    rows = list(changes_rows([change]))
    assert [(row[2], row[3]) for row in rows[1:]] == [
        ("x-thing-3", "new"), ("x-thing-1", "changed"), ("x-thing-2", "gone")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "facts",
    [
        ArticleFacts("A new title", FACTS.summary, FACTS.card, LINK),
        ArticleFacts(FACTS.title, "Another summary.", FACTS.card, LINK),
        ArticleFacts(FACTS.title, FACTS.summary, "https://www.example.com/card-2.png", LINK),
    ],
)
def test_a_changed_title_summary_or_card_asks_for_a_rescrape(facts):
    posts = _article(("x-intro", "Same."))
    change = compare(article_record(posts, FACTS), posts, facts)
    assert change.rescrape and bool(change)
    assert not compare(article_record(posts, FACTS), posts, FACTS)


def test_a_new_article_has_every_post_new_and_a_gone_one_every_post_gone():
    posts = _article(("x-intro", "Hi."), ("bluesky-intro", "Hi."))
    fresh = compare(None, posts, FACTS)
    assert len(fresh.new) == 2 and not fresh.rescrape
    gone = gone_article("a", article_record(posts, FACTS))
    assert [post_id for post_id, _, _ in gone.gone] == ["x-intro", "bluesky-intro"]


def test_the_record_reads_back_and_a_foreign_file_is_refused():
    record = {"a": article_record(_article(("x-intro", "Hi.")), FACTS)}
    since, articles = read_manifest(manifest_json(record, "2026-11-02T08:03:00+00:00"))
    assert since.startswith("2026-11-02") and articles == record
    for text in ("not json", '{"version": 99, "articles": {}}', '{"version": 1}'):
        with pytest.raises(ValueError):
            read_manifest(text)
