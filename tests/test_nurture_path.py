"""The nurture path, as tables: which call to action, what to read next, where to start."""

import datetime
import random
from collections import Counter

import pytest

from nurture.path import Card, Library, read_next, rule_cta, stage_rank, start_here


def day(n: int) -> datetime.datetime:
    return datetime.datetime(2026, 1, 1) + datetime.timedelta(days=n)


def card(slug, category="Cupboard", stage="learn", tags="", when=0):
    return Card(slug, category, stage, frozenset(filter(None, tags.split(","))), day(when))


LIBRARY = [
    card("beans", "Cupboard", "learn", "beans,budget", 1),
    card("jars", "Cupboard", "learn", "storage", 5),
    card("spices", "Cupboard", "try", "spices,budget", 3),
    card("refill", "Cupboard", "decide", "refills", 4),
    card("lemon", "Home", "learn", "cleaning", 2),
    card("sink", "Home", "try", "cleaning,refills", 6),
    card("bread", "Fresh", "learn", "budget,leftovers", 0),
]
BY_SLUG = {c.slug: c for c in LIBRARY}


@pytest.mark.parametrize(
    ("slug", "chosen", "expected"),
    [
        # the writer's Next first, then the next learn article in the category, then tags
        ("beans", "sink", ["sink", "jars", "spices"]),
        # no Next: onward in the category (later learn), then the most shared tags
        ("beans", None, ["jars", "spices", "bread"]),
        # the last learn article goes on to the category's try article
        ("jars", None, ["spices", "refill", "beans"]),
        # try goes on to decide; shared tags come next
        ("spices", None, ["refill", "beans", "bread"]),
        # decide has nowhere onward: shared tags, then the newest in the category
        ("refill", None, ["sink", "jars", "spices"]),
        # an unknown Next is skipped (the plugin reports it); then the newest overall
        ("lemon", "nope", ["sink", "jars", "refill"]),
        # Next pointing at the article itself is never shown; equal tag overlaps: newest first
        ("bread", "bread", ["spices", "beans", "sink"]),
    ],
)
def test_read_next_chain(slug, chosen, expected):
    assert read_next(BY_SLUG[slug], LIBRARY, chosen) == expected


@pytest.mark.parametrize("count", [1, 2, 3])
def test_read_next_honours_the_count_and_never_repeats(count):
    for article in LIBRARY:
        picks = read_next(article, LIBRARY, "beans", count)
        assert len(picks) == count == len(set(picks))
        assert article.slug not in picks


def test_read_next_is_never_empty_with_two_articles_and_empty_with_one():
    one, two = card("a", "X", "decide"), card("b", "Y", "learn", when=3)
    assert read_next(one, [one, two]) == ["b"]
    assert read_next(one, [one]) == []


def test_a_draft_in_a_new_category_still_gets_read_next():
    draft = card("draft", "Brand new", "try", "beans", 9)
    assert read_next(draft, LIBRARY) == ["beans", "sink", "jars"]


def test_read_next_prefers_more_shared_tags_then_newer():
    me = card("me", "A", "decide", "a,b,c")
    others = [card("one", "B", tags="a", when=9), card("two", "C", tags="a,b", when=1)]
    assert read_next(me, [me, *others]) == ["two", "one"]


def random_cards(rng, count, categories, tags, days):
    """COUNT cards with random categories, stages, up to three TAGS and close dates."""
    return [
        card(f"a{n}", rng.choice(categories), rng.choice(["learn", "try", "decide"]),
             ",".join(rng.sample(tags, rng.randint(0, 3))), rng.randint(0, days))
        for n in range(count)
    ]  # fmt: skip


def shared_tags_in_full(article, cards):
    """The shared-tag order spelled out: count every overlap, sort the lot."""
    by_slug = {c.slug: c for c in sorted(cards, key=lambda c: c.date, reverse=True)}
    shared = Counter(c.slug for tag in article.tags for c in by_slug.values() if tag in c.tags)
    return sorted(shared, key=lambda slug: (-shared[slug], -by_slug[slug].date.timestamp()))


def test_shared_tags_keep_their_full_order_however_few_are_asked_for():
    # Many equal dates and overlaps: ties must fall exactly as a full sort leaves them.
    cards = random_cards(random.Random(7), 60, "XYZ", "abcdefg", 4)
    library = Library(cards)
    for article in cards:
        full = shared_tags_in_full(article, cards)
        assert [c.slug for c in library.by_shared_tags(article)] == full
        for limit in range(1, 6):
            assert [c.slug for c in library.by_shared_tags(article, limit)] == full[:limit]


@pytest.mark.parametrize("count", [-1, 0, 1, 2, 3, 5])
def test_read_next_ranks_only_a_few_shared_tags_yet_picks_as_a_full_ranking_would(count):
    rng = random.Random(count)
    cards = random_cards(rng, 40, "XY", "abcde", 3)
    library = Library(cards)
    for article in cards:
        chosen = rng.choice([None, article.slug, rng.choice(cards).slug])
        picks = library.read_next(article, chosen, count)
        # The same sources in the same order, with the shared-tag source ranked in full.
        everything = [
            *([chosen] if chosen in library.by_slug else []),
            *(c.slug for c in library.onward(article)),
            *shared_tags_in_full(article, cards),
            *(c.slug for c in library.by_category.get(article.category, [])),
            *(c.slug for c in library.newest),
        ]
        expected: dict[str, None] = {}
        for slug in everything:
            if slug != article.slug:
                expected.setdefault(slug)
            if len(expected) == count:
                break
        assert picks == list(expected)


RULES = {
    "stage_ctas": {"learn": "newsletter", "try": "ask-us", "decide": "chat"},
    "category_ctas": {"Home": {"learn": "checklist"}},
    "default": "newsletter",
}
KNOWN = ["newsletter", "ask-us", "checklist", "chat"]


@pytest.mark.parametrize(
    ("stage", "category", "known", "expected"),
    [
        ("learn", "Cupboard", KNOWN, "newsletter"),
        ("try", "Cupboard", KNOWN, "ask-us"),
        ("decide", "Cupboard", KNOWN, "chat"),
        ("learn", "Home", KNOWN, "checklist"),  # the category rule beats the stage rule
        ("try", "Home", KNOWN, "ask-us"),
        ("decide", "Cupboard", ["newsletter", "visit"], "visit"),  # an entry suited to decide
        ("decide", "Cupboard", ["newsletter", "other"], "newsletter"),  # the site default
        ("decide", "Cupboard", ["other"], "other"),  # whatever the catalogue has
        ("learn", "Cupboard", [], None),
    ],
)
def test_rule_cta(stage, category, known, expected):
    suited = {"visit": ["decide"], "other": ["learn"]}
    assert rule_cta(stage, category, known, suited=suited, **RULES) == expected


def test_start_here_is_the_newest_learn_article_of_each_category_newest_first():
    assert start_here(LIBRARY) == ["jars", "lemon", "bread"]


@pytest.mark.parametrize(("stage", "rank"), [("learn", 0), ("try", 1), ("decide", 2), ("x", 3)])
def test_stage_rank(stage, rank):
    assert stage_rank(stage) == rank
