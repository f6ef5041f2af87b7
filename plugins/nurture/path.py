"""The nurture path: which call to action, what to read next, where to start (pure)."""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import compress, islice

from writer_metadata.fields import STAGES


@dataclass(frozen=True)
class Card:
    """What the path needs to know about one article."""

    slug: str
    category: str
    stage: str
    tags: frozenset[str]
    date: datetime.datetime

    @property
    def rank(self) -> int:
        """0 for learn, 1 for try, 2 for decide."""
        return stage_rank(self.stage)


def stage_rank(stage: str) -> int:
    """A stage's place on the path, learn first; unknown stages go last."""
    return STAGES.index(stage) if stage in STAGES else len(STAGES)


def rule_cta(
    stage: str,
    category: str,
    known: Iterable[str],
    *,
    stage_ctas: Mapping[str, str],
    category_ctas: Mapping[str, Mapping[str, str]],
    default: str,
    suited: Mapping[str, Iterable[str]] | None = None,
) -> str | None:
    """The call to action the rules give an article with no `Cta` of its own."""
    known, suited = list(known), suited or {}
    candidates = [category_ctas.get(category, {}).get(stage), stage_ctas.get(stage)]
    # Then the first catalogue entry that says it suits the stage, then the site default.
    candidates += [cta for cta in known if stage in suited.get(cta, ())]
    candidates += [default, *known]
    return next((cta for cta in candidates if cta in known), None)


class Library:
    """The published articles, indexed once so each "Read next" costs little."""

    def __init__(self, cards: Iterable[Card]) -> None:
        self.newest = sorted(cards, key=lambda card: card.date, reverse=True)
        self.by_slug = {card.slug: card for card in self.newest}
        self.by_category: dict[str, list[Card]] = {}
        self.by_tag: dict[str, list[Card]] = {}
        for card in self.newest:
            self.by_category.setdefault(card.category, []).append(card)
            for tag in card.tags:
                self.by_tag.setdefault(tag, []).append(card)
        # Each category's path: learn to decide, oldest first within a stage.
        self.paths = {
            category: sorted(cards, key=lambda card: (card.rank, card.date))
            for category, cards in self.by_category.items()
        }
        self.places = {
            category: [(card.rank, card.date) for card in path]
            for category, path in self.paths.items()
        }
        # Worked out once, not once per comparison in every article's shared-tag sort.
        self.tag_slugs = {tag: [card.slug for card in cards] for tag, cards in self.by_tag.items()}
        self.age = {slug: -card.date.timestamp() for slug, card in self.by_slug.items()}

    def onward(self, article: Card) -> list[Card]:
        """The first article after ARTICLE on its category's path, at its stage or the next."""
        path = self.paths.get(article.category, [])
        start = bisect_right(self.places.get(article.category, []), (article.rank, article.date))
        following = islice(path, start, None)
        found = next((c for c in following if c.rank in (article.rank, article.rank + 1)), None)
        return [found] if found else []

    def by_shared_tags(self, article: Card, limit: int | None = None) -> list[Card]:
        """Articles sharing a tag with ARTICLE: most shared first, then newest (LIMIT of them)."""
        shared: Counter[str] = Counter()
        for tag in article.tags:
            shared.update(self.tag_slugs.get(tag, ()))

        def order(slug: str) -> tuple[int, float]:
            """Most shared tags first, then newest; ties keep their first-seen order."""
            return -shared[slug], self.age[slug]

        if limit is None:
            return [self.by_slug[slug] for slug in sorted(shared, key=order)]
        # Only the most shared can make the first LIMIT: rank those, not the long tail.
        ranked = sorted(most_shared(shared, limit), key=order)[:limit]
        return [self.by_slug[slug] for slug in ranked]

    def read_next(self, article: Card, chosen: str | None = None, count: int = 3) -> list[str]:
        """Slugs to read after ARTICLE: the writer's pick, the path onward, shared tags, newest."""
        picks: dict[str, None] = {}
        # COUNT + 1 shared-tag candidates always fill the count: at most ARTICLE itself and the
        # earlier picks are skipped. A count below 1 never stops the loop, so it takes them all.
        needed = count + 1 if count > 0 else None
        sources = (
            lambda: [self.by_slug[chosen]] if chosen in self.by_slug else [],
            lambda: self.onward(article),
            lambda: self.by_shared_tags(article, needed),
            lambda: self.by_category.get(article.category, []),
            lambda: self.newest,
        )
        for source in sources:
            for card in source():
                if card.slug != article.slug:
                    picks.setdefault(card.slug)
                if len(picks) == count:
                    return list(picks)
        return list(picks)


def most_shared(shared: Counter[str], limit: int) -> Iterator[str]:
    """SHARED's keys with the highest counts, ties kept, at least LIMIT of them if there are."""
    floor, total = 0, 0
    for times, how_many in sorted(Counter(shared.values()).items(), reverse=True):
        floor, total = times, total + how_many
        if total >= limit:
            break
    # Filtered in C, in SHARED's own order, so a stable sort still breaks ties the same way.
    return compress(shared, map(floor.__le__, shared.values()))


def read_next(
    article: Card, cards: Iterable[Card], chosen: str | None = None, count: int = 3
) -> list[str]:
    """Slugs to read after ARTICLE among CARDS (see Library.read_next)."""
    return Library(cards).read_next(article, chosen, count)


def start_here(cards: Iterable[Card]) -> list[str]:
    """The newest learn-stage article of each category, newest first."""
    firsts: dict[str, Card] = {}
    for card in sorted(cards, key=lambda card: card.date, reverse=True):
        if card.stage == STAGES[0]:
            firsts.setdefault(card.category, card)
    return [card.slug for card in firsts.values()]
