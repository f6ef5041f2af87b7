"""A Pelican generator: plans every article's posts, then composes and writes them in turn."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from hub.background import FileWriter
from hub.i18n import content_language
from hub.messages import shown_path
from hub.palette import site_palette, with_palette
from hub.parallel import BuildSettings, in_workers, replay
from hub.returns import PostReturns
from hub.settings import known_settings_from
from hub.signals import post_returns, snippets_composed
from hub.urls import absolute_url, site_origin

from .changes import (
    ArticleChange,
    ArticleFacts,
    article_record,
    compare,
    gone_article,
    manifest_json,
    read_manifest,
)
from .compose import CONVERSATION, ArticleData, Snippet, compose, hashtags, post_ids
from .export_stream import ExportStream, PlanFiles, write_changes
from .exporters import SharedArticle, without_link
from .memo import ComposeMemo
from .networks import NETWORKS
from .post_context import (
    at_the_moment,
    published_with_translations,
    share_key,
    with_site_context,
)
from .preview import Preview, preview
from .reuse import KitReuse, digest, folder_digest
from .schedule import AGAIN, Queue, best_posts, plan, plan_horizon, quiet_networks, reshare
from .settings import ShareSettings
from .short_links import ShortLinkPages

log = logging.getLogger(__name__)

KIT_FOLDER = "share"
# The record of this build's posts; `invoke publish` keeps it beside share-kit/ for the next.
MANIFEST_NAME = "published.json"
# The kit's own copies of the theme's files (name in the kit -> files in the theme's static
# folder): relative addresses keep the kit styled and working when opened from disk.
KIT_ASSETS = {
    "kit.css": ("css/hub.css", "css/tools.css"),
    "kit.js": ("js/share-kit.js",),
    "kit.svg": ("favicon.svg",),
}
KIT_LINE = 38
# How many words of a post the compact list shows before "…".
OPENING_WORDS = 12
# The code that shapes the export files: a change to it makes every kept export stale.
EXPORTS_CODE = tuple(
    Path(__file__).with_name(name) for name in ("exporters.py", "export_stream.py")
)


def article_data(article: Any, settings: dict[str, Any]) -> ArticleData:
    """The plain values a snippet may use, from a Pelican article and its plugins' attributes."""
    things = tuple(
        (thing.number, thing.title, thing.teaser, thing.anchor)
        for thing in getattr(article, "things", ())
    )
    fragments = ["", CONVERSATION, *(anchor for *_, anchor in things)]
    answers = tuple(
        (answered.question, answered.name, answered.answer)
        for answered in getattr(article, "answered_questions", None) or ()
    )
    url = article.url  # Pelican works the address out afresh on every read
    return ArticleData(
        slug=article.slug,
        title=article.title,
        summary=getattr(article, "summary", "") or "",
        links={fragment: absolute_url(settings, url, fragment) for fragment in fragments},
        share=getattr(article, "share", "") or "",
        question=getattr(article, "question", "") or "",
        things=things,
        answers=answers,
        hashtags=tuple(getattr(article, "hashtags", None) or (str(tag) for tag in article.tags)),
        site=settings.get("SITENAME", ""),
        lang=content_language(getattr(article, "lang", None), settings.get("DEFAULT_LANG")),
    )


def check_article(article: Any, snippets: list[Snippet]) -> None:
    """Warn the writer about hashtags that cannot be used and posts that cannot fit."""
    path = shown_path(article.source_path)
    _, rejected = hashtags(getattr(article, "hashtags", None) or ())
    for word in rejected:
        log.warning(
            "%s: Hashtags '%s' cannot be a hashtag (letters, digits and _ only, not all digits);"
            " change or remove it",
            path,
            word,
        )
    for snippet in snippets:
        if snippet.length > snippet.limit:
            log.warning(
                "%s: the %s post '%s' is %d long even shortened (limit %d); shorten the Slug",
                path,
                NETWORKS[snippet.network].name,
                snippet.kind,
                snippet.length,
                snippet.limit,
            )


class KitPost(NamedTuple):
    """One snippet as its share-kit entry shows it (plain values, ready to print)."""

    field_id: str
    kind: str  # "thing 1"
    text: str
    rows: int
    length: int
    limit: int
    link: str
    when_iso: str  # empty when the plan has no slot for it
    when_shown: str
    opening: str  # the post's first words, for the compact list
    preview: Preview


class KitWeek(NamedTuple):
    """One week of a network's posts (or the posts the plan has no slot for yet)."""

    heading: str
    posts: list[KitPost]


def kit_post(snippet: Snippet) -> KitPost:
    """The share-kit view of SNIPPET."""
    when = snippet.scheduled_at
    words = without_link(snippet).split(" ")
    return KitPost(
        field_id=f"snippet-{snippet.id}",
        kind=snippet.kind.replace("-", " "),
        text=snippet.text,
        # Tall enough for the whole post at a phone's width of about 38 characters a line.
        rows=max(3, len(snippet.text) // KIT_LINE + 1),
        length=snippet.length,
        limit=snippet.limit,
        link=snippet.link,
        when_iso=when.isoformat() if when else "",
        when_shown=when.strftime("%a %d/%m %H:%M") if when else "",
        opening=" ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else ""),
        preview=preview(snippet.text, snippet.network, snippet.link),
    )


def scheduled(snippet: Snippet) -> float:
    """When a snippet goes out, as a sort key (an unplanned one sorts first)."""
    return snippet.scheduled_at.timestamp() if snippet.scheduled_at else 0.0


def kit_weeks(snippets: list[Snippet]) -> list[KitWeek]:
    """SNIPPETS grouped by the week the plan puts them in, soonest first, unplanned last."""
    weeks: dict[date | None, list[Snippet]] = {}
    for snippet in snippets:
        when = snippet.scheduled_at
        monday = (when - timedelta(days=when.weekday())).date() if when else None
        weeks.setdefault(monday, []).append(snippet)
    ordered = sorted(weeks.items(), key=lambda item: (item[0] is None, item[0] or date.min))
    return [
        KitWeek(
            f"Week of {monday:%a} {monday.day} {monday:%B %Y}" if monday else "Not in the plan yet",
            [kit_post(s) for s in (sorted(found, key=scheduled) if monday else found)],
        )
        for monday, found in ordered
    ]


# The code that turns posts into a kit page's entries: a change to it is a new page.
KIT_CODE = tuple(
    Path(__file__).with_name(name) for name in ("generator.py", "preview.py", "networks.py")
)


def kit_identity(shared: SharedArticle, article: Any, networks: list[Any]) -> list[str]:
    """Everything of its own a kit page may show: its posts (a kit page's entries are made
    from them by KIT_CODE) and its article's every field."""
    return [
        shared.slug,
        repr(shared.snippets),
        repr(
            [(network.id, network.name, network.counted_as, network.limit) for network in networks]
        ),
        article.slug,
        article.title,
        article.url,
        repr(sorted(article.metadata.items())),
        getattr(article, "_content", "") or "",
        # The previews show the link card's picture, which link_previews names.
        repr(getattr(article, "social_image", None)),
    ]


class Queued(NamedTuple):
    """A published article waiting for its posts: the article and the values they use."""

    article: Any
    data: ArticleData


class ShareKitGenerator(Generator):
    """Plans each published article's posts, then composes and writes them an article at a time.

    The plan needs only the posts' names, so posts are composed while the kit is written and
    dropped once their article's page and export rows are out: a large site never holds them
    all. Plugins that check posts listen to `hub.signals.snippets_composed`.
    """

    def generate_context(self) -> None:
        """Name and schedule the posts of every published article (drafts get none)."""
        self.config = config = ShareSettings.from_pelican(self.settings)
        zone = ZoneInfo(self.settings.get("TIMEZONE") or "UTC")
        self.networks = config.network_entries()
        # Each language's wordings, made the first time an article in it needs them.
        self._wordings: dict[str, dict[str, tuple[str, ...]]] = {}
        self.queued: list[Queued] = []
        queues = []
        published = published_with_translations(self.context.get("articles", []))
        found = [(article, article_data(article, self.settings)) for article in published]
        for article, data in with_site_context(found, self.networks, config, self.settings):
            ids = post_ids(data, self.networks)
            article.snippet_count = len(ids)
            date = self.dated(article)
            queues.append(Queue(share_key(article), date, ids))
            self.queued.append(Queued(article, data))
        self.now = config.start(zone)
        returns = self.returns()
        quiet = quiet_networks(config.networks, dict(returns.networks))
        slots = config.weekly_slots()
        self.planned = plan(
            queues, config.networks, slots, self.now, zone, config.plan_weeks, quiet
        )
        # With results: the posts that worked best go out again, reworded, in free slots.
        best = best_posts(queues, dict(returns.posts), quiet, config.reshare_top)
        horizon = plan_horizon(self.now, config.plan_weeks)
        again = reshare(
            self.planned, best, config.networks, slots, zone, horizon, config.reshare_rules()
        )
        self.again: dict[str, list[tuple[str, Any]]] = {}
        for (slug, post_id), when in sorted(again.items()):
            self.again.setdefault(slug, []).append((post_id, when))
        self.planned.update(again)

    def wordings_in(self, lang: str) -> dict[str, tuple[str, ...]]:
        """Every kind's wordings for posts in LANG."""
        if lang not in self._wordings:
            self._wordings[lang] = self.config.template_table(lang)
        return self._wordings[lang]

    def returns(self) -> PostReturns:
        """What the results brought back say about the posts (nothing without results)."""
        answers = [found for _, found in post_returns.send(self) if found]
        return answers[0] if answers else PostReturns()

    def posts(
        self, memo: ComposeMemo, queued: Queued, pages: KitPages | None = None
    ) -> SharedArticle:
        """One article's posts, composed (or remembered) and scheduled, with their short-link
        pages written, and with PAGES its kit page too. Nothing is announced yet (announce)."""
        article, data = queued
        date, days = self.dated(article), self.config.new_days
        data = at_the_moment(article, data, date, self.planned, self.networks, days)
        templates = self.wordings_in(data.lang)
        composed = memo.compose(compose, data, self.networks, templates, self.config.utm_scheme())
        snippets = [
            replace(snippet, scheduled_at=self.planned.get((share_key(article), snippet.id)))
            for snippet in composed
        ]
        if again := self.again.get(share_key(article)):
            # The next wording along: a post shared again never repeats its first text.
            fresh = {s.id: s for s in compose(data, self.networks, templates,
                                              self.config.utm_scheme(), shift=1)}  # fmt: skip
            snippets += [
                replace(fresh[post_id.removesuffix(AGAIN)], id=post_id, scheduled_at=when)
                for post_id, when in again
            ]
        self.short_pages.write(article, data, snippets)
        shared = SharedArticle(share_key(article), article.title, data.links[""], snippets)
        if pages is not None:
            pages.page(shared, article)
        return shared

    def announce(self, article: Any, shared: SharedArticle) -> None:
        """Check an article's posts and tell the plugins that listen (always in the build's
        own process, in the articles' order)."""
        check_article(article, shared.snippets)
        snippets_composed.send(self, article=article, snippets=shared.snippets)

    def made_in_turn(
        self, memo: ComposeMemo, pages: KitPages, reuse: KitReuse
    ) -> Iterator[tuple[Queued, SharedArticle]]:
        """Every article's posts in the exports' order, their pages written; on every core when
        there are enough of them (the first, oldest article is always made here: its kit page
        is the sample every other page's key starts from)."""
        ordered = self.by_slug()
        oldest = min(ordered, key=lambda queued: queued.article.date, default=None)
        if oldest is None:
            return
        sample = self.posts(memo, oldest)
        self.announce(oldest.article, sample)
        pages.sample(self.kit(sample, oldest.article))
        rest = [queued for queued in ordered if queued is not oldest]
        options = known_settings_from(BuildSettings, "BUILD", self.settings)
        workers = options.worker_count()
        if workers > 1 and len(rest) >= max(options.parallel_from, 2):
            made = in_workers(
                lambda index: self.made_apart(memo, pages, reuse, rest[index]),
                len(rest),
                workers,
                prepare=self.start_apart,
            )
        else:
            made = iter([None] * len(rest))  # each made here, in turn
        taken = 0
        for queued in ordered:
            if queued is oldest:
                yield queued, sample
                continue
            # REST is ORDERED without the oldest: the next result is this article's.
            apart = next(made)
            if apart is None:
                shared = self.posts(memo, queued, pages)
            else:
                (shared, remembered, kept, fetched), told = apart
                replay(told)
                memo.used.update(remembered)
                reuse.used |= kept
                reuse.fetched += fetched
                taken += 1
            self.announce(queued.article, shared)
            yield queued, shared
        if taken:
            log.debug(
                "made %d of %d articles' posts and pages on %d workers",
                taken,
                len(ordered),
                workers,
            )

    def start_apart(self) -> None:
        """In a new worker: short-link pages written at once (the build's thread is not there)."""
        self.short_pages = ShortLinkPages(self, FileWriter(threaded=False))

    def made_apart(
        self, memo: ComposeMemo, pages: KitPages, reuse: KitReuse, queued: Queued
    ) -> tuple[SharedArticle, dict[str, list[Snippet]], set[str], int]:
        """In a worker: one article's posts and pages, with what they added to the compose memo
        and the kept kit files, for the build to take over."""
        memo.used, reuse.used, reuse.fetched = {}, set(), 0
        shared = self.posts(memo, queued, pages)
        return shared, memo.used, reuse.used, reuse.fetched

    def dated(self, article: Any) -> Any:
        """ARTICLE's date, in the site's zone when it has none of its own."""
        zone = ZoneInfo(self.settings.get("TIMEZONE") or "UTC")
        return article.date if article.date.tzinfo else article.date.replace(tzinfo=zone)

    def export_key(self, reuse: KitReuse, memo: ComposeMemo) -> str:
        """A digest of everything the export files show (the calendar's stamp aside), or ""."""
        if not reuse.active:
            return ""
        # DTSTAMP says when the calendar was made: an unchanged plan keeps its first stamp.
        settings = (self.settings.get("SITENAME", ""), site_origin(self.settings),
                    self.config.networks, self.config.hootsuite_rows)  # fmt: skip
        utm = self.config.utm_scheme()
        return digest(
            [*(code.read_bytes() for code in EXPORTS_CODE), version("icalendar"), repr(settings),
             repr(sorted(self.planned.items()))]
            + [memo.key(queued.data, self.networks, self.wordings_in(queued.data.lang), utm)
               for queued in self.by_slug()]
        )  # fmt: skip

    def by_slug(self) -> list[Queued]:
        """The queued articles in the exports' order."""
        return sorted(self.queued, key=lambda queued: share_key(queued.article))

    def plan_files(self) -> PlanFiles:
        """What the scheduler files need besides the posts."""
        return PlanFiles(
            host=urlsplit(site_origin(self.settings)).hostname or "localhost",
            stamp=self.now.astimezone(ZoneInfo("UTC")),
            names={network.id: network.name for network in NETWORKS.values()},
            networks=tuple(self.config.networks),
            hootsuite_rows=self.config.hootsuite_rows,
        )

    def kit(self, shared: SharedArticle, article: Any) -> dict[str, Any]:
        """What an article's kit page shows."""
        return {
            "article": article,
            "url": f"{KIT_FOLDER}/{shared.slug}/",
            "networks": [
                (network, kit_weeks([s for s in shared.snippets if s.network == network.id]))
                for network in self.networks
            ],
            "count": len(shared.snippets),
        }

    def generate_output(self, writer: Any) -> None:
        """Compose each article's posts (on every core), write its kit page and its export rows;
        then the scheduler files and the kit's front page."""
        folder = Path(self.output_path, KIT_FOLDER)
        folder.mkdir(parents=True, exist_ok=True)
        self.write_assets(folder)
        reuse = KitReuse.from_settings(self.settings)
        memo = ComposeMemo.from_settings(self.settings)
        pages = KitPages(self, writer, reuse)
        changes = KitChanges(self.last_published(), self.now.isoformat())
        key = self.export_key(reuse, memo)
        names = reuse.fetch_group(key, folder) if key else None
        threaded = known_settings_from(BuildSettings, "BUILD", self.settings).worker_count() > 1
        with ExitStack() as stack:
            # Short-link pages are written on a thread while the next article's posts are made.
            self.short_pages = ShortLinkPages(
                self, stack.enter_context(FileWriter(threaded=threaded))
            )
            exports = None
            if names is None:
                site = self.settings.get("SITENAME", "")
                exports = stack.enter_context(ExportStream(folder, site))
            for queued, shared in self.made_in_turn(memo, pages, reuse):
                changes.add(shared, queued.article)
                if exports is not None:
                    exports.add(shared)
            if exports is not None:
                names = exports.finish(self.plan_files())
                if key:
                    reuse.keep_group(key, folder, names)
        log.debug("share kit: %d pages and files unchanged since the last build", reuse.fetched)
        memo.save()
        changed = changes.finish(folder, self.plan_files())
        self.write_index(writer, [*(names or []), *changed], changes)
        reuse.prune()

    def write_assets(self, folder: Path) -> None:
        """Copy the theme's stylesheets, script and icon the kit uses into the kit's folder; the
        stylesheet in the site's brand colours, as the site's own is."""
        static = Path(self.settings["THEME"], "static")
        for name, parts in KIT_ASSETS.items():
            body = b"\n".join((static / part).read_bytes() for part in parts)
            if name.endswith(".css"):
                colours = site_palette(self.settings)
                body = with_palette(body.decode("utf-8"), colours).encode("utf-8")
            (folder / name).write_bytes(body)

    def last_published(self) -> tuple[str, dict[str, Any]] | None:
        """The record of the last publish, when one was named and exists."""
        named = self.config.last_published
        if not named or not Path(named).is_file():
            return None
        try:
            return read_manifest(Path(named).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as problem:
            log.warning(
                "%s: cannot be read as the record of the last publish (%s); delete it and"
                " publish again",
                shown_path(named),
                problem,
            )
            return None

    def write_index(self, writer: Any, exports: list[str], changes: KitChanges) -> None:
        """The kit's front page: what changed since the last publish, every article, newest
        first, and the export files."""
        kits = [
            {"article": article, "url": f"{KIT_FOLDER}/{share_key(article)}/",
             "key": share_key(article), "count": article.snippet_count}
            for article, _ in sorted(self.queued, key=lambda q: q.article.date, reverse=True)
        ]  # fmt: skip
        writer.write_file(
            f"{KIT_FOLDER}/index.html",
            self.get_template("share/index"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            kits=kits,
            kit_slugs={share_key(queued.article) for queued in self.queued},
            exports=sorted(exports),
            changes=changes.shown(),
            kit_url=f"{KIT_FOLDER}/",
        )


class KitPages:
    """Writes kit pages; with the content cache on, copies those whose every input is unchanged."""

    def __init__(self, generator: ShareKitGenerator, writer: Any, reuse: KitReuse) -> None:
        self.generator, self.writer, self.reuse = generator, writer, reuse
        self.template = generator.get_template("share/article")
        self.frame = ""

    def write(self, kit: dict[str, Any]) -> Path:
        """Render and write one kit page; its path."""
        name = f"{kit['url']}index.html"
        relative = self.generator.settings.get("RELATIVE_URLS", False)
        self.writer.write_file(
            name, self.template, self.generator.context, relative_urls=relative, kit=kit,
            kit_url=kit["url"],
        )  # fmt: skip
        return Path(self.generator.output_path, name)

    def sample(self, kit: dict[str, Any]) -> None:
        """Write the first page afresh: its bytes stand for everything around every kit page
        (menus, settings, what a theme adds), so any change there reaches every key."""
        written = self.write(kit)
        if self.reuse.active:
            templates = folder_digest(self.generator._templates_path)
            code = [path.read_bytes() for path in KIT_CODE]
            self.frame = digest([templates, version("pelican"), *code, written.read_bytes()])

    def page(self, shared: SharedArticle, article: Any) -> None:
        """Write one article's kit page, or copy the one kept under the same key (its entries
        are worked out only when it is written)."""
        if not self.reuse.active:
            self.write(self.generator.kit(shared, article))
            return
        key = digest([self.frame, *kit_identity(shared, article, self.generator.networks)])
        target = Path(self.generator.output_path, KIT_FOLDER, shared.slug, "index.html")
        if not self.reuse.fetch(key, target):
            self.reuse.keep(key, self.write(self.generator.kit(shared, article)))


def article_facts(article: Any, shared: SharedArticle) -> ArticleFacts:
    """What a link preview of ARTICLE shows (its picture from link_previews, when on)."""
    image = getattr(article, "social_image", None)
    return ArticleFacts(
        title=article.title,
        summary=getattr(article, "summary", "") or "",
        card=getattr(image, "url", "") or "",
        url=shared.url,
    )


class KitChanges:
    """This build's record of posts, and what changed since the last publish's, if named."""

    def __init__(self, previous: tuple[str, dict[str, Any]] | None, now: str) -> None:
        self.since, self.previous = previous or ("", None)
        self.now = now
        self.records: dict[str, Any] = {}
        self.changes: list[ArticleChange] = []

    def add(self, shared: SharedArticle, article: Any) -> None:
        """Record one article's posts and compare them with the last publish."""
        facts = article_facts(article, shared)
        self.records[shared.slug] = article_record(shared, facts)
        if self.previous is not None:
            change = compare(self.previous.get(shared.slug), shared, facts)
            if change:
                self.changes.append(change)

    def finish(self, folder: Path, plan: PlanFiles) -> list[str]:
        """Write the record, and the changes files when there was a last publish."""
        (folder / MANIFEST_NAME).write_text(manifest_json(self.records, self.now), "utf-8")
        if self.previous is None:
            return []
        for slug in sorted(set(self.previous) - set(self.records)):
            self.changes.append(gone_article(slug, self.previous[slug]))
        return write_changes(folder, self.changes, plan)

    def shown(self) -> dict[str, Any] | None:
        """What the kit's front page says about the changes; None without a last publish."""
        if self.previous is None:
            return None
        words = ("new", "changed", "gone")
        counts = [sum(len(getattr(change, word)) for change in self.changes) for word in words]
        parts = ", ".join(f"{count} {word}" for count, word in zip(counts, words, strict=True))
        return {
            "since": self.since[:16].replace("T", " "),
            "summary": f"{parts} posts" if any(counts) else "no post changed",
            "articles": self.changes,
        }
