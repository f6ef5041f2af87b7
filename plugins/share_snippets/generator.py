"""A Pelican generator: plans every article's posts, then composes and writes them in turn."""

from __future__ import annotations

import logging
from contextlib import ExitStack
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from hub.messages import shown_path
from hub.signals import snippets_composed
from hub.urls import absolute_url, site_origin

from .compose import CONVERSATION, ArticleData, Snippet, compose, hashtags, post_ids
from .export_stream import ExportStream, PlanFiles
from .exporters import SharedArticle
from .memo import ComposeMemo
from .networks import NETWORKS
from .post_context import at_the_moment, with_site_context
from .reuse import KitReuse, digest, folder_digest
from .schedule import Queue, plan
from .settings import ShareSettings
from .short_links import ShortLinkPages

log = logging.getLogger(__name__)

KIT_FOLDER = "share"
KIT_LINE = 38
EXPORTS_CODE = Path(__file__).with_name("exporters.py")


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
    """One snippet as its share-kit panel shows it (plain values, ready to print)."""

    field_id: str
    kind: str  # "thing 1"
    text: str
    rows: int
    length: int
    limit: int
    link: str
    when_iso: str  # empty when the plan has no slot for it
    when_shown: str


def kit_post(snippet: Snippet) -> KitPost:
    """The share-kit view of SNIPPET."""
    when = snippet.scheduled_at
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
        when_shown=when.strftime("%a %d/%m/%Y %H:%M") if when else "",
    )


def kit_identity(kit: dict[str, Any]) -> list[str]:
    """Everything of its own a kit page may show: its posts and its article's every field."""
    article = kit["article"]
    networks = [
        (network.id, network.name, network.counted_as, network.limit, posts)
        for network, posts in kit["networks"]
    ]
    return [
        kit["url"],
        repr(kit["count"]),
        article.slug,
        article.title,
        article.url,
        repr(sorted(article.metadata.items())),
        getattr(article, "_content", "") or "",
        repr(networks),
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
        self.networks, self.templates = config.network_entries(), config.template_table()
        self.queued: list[Queued] = []
        queues = []
        found = [(article, article_data(article, self.settings)) for article in
                 self.context.get("articles", [])]  # fmt: skip
        for article, data in with_site_context(found, self.networks, config, self.settings):
            ids = post_ids(data, self.networks)
            article.snippet_count = len(ids)
            date = self.dated(article)
            queues.append(Queue(article.slug, date, ids))
            self.queued.append(Queued(article, data))
        self.now = config.start(zone)
        self.planned = plan(
            queues, config.networks, config.weekly_slots(), self.now, zone, config.plan_weeks
        )

    def posts(self, memo: ComposeMemo, queued: Queued) -> SharedArticle:
        """One article's posts, composed (or remembered) and scheduled; checked and announced."""
        article, data = queued
        date, days = self.dated(article), self.config.new_days
        data = at_the_moment(article, data, date, self.planned, self.networks, days)
        composed = memo.compose(
            compose, data, self.networks, self.templates, self.config.utm_scheme()
        )
        snippets = [
            replace(snippet, scheduled_at=self.planned.get((article.slug, snippet.id)))
            for snippet in composed
        ]
        check_article(article, snippets)
        self.short_pages.write(article, data, snippets)
        snippets_composed.send(self, article=article, snippets=snippets)
        return SharedArticle(article.slug, article.title, data.links[""], snippets)

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
            [EXPORTS_CODE.read_bytes(), version("icalendar"), repr(settings),
             repr(sorted(self.planned.items()))]
            + [memo.key(queued.data, self.networks, self.templates, utm)
               for queued in self.by_slug()]
        )  # fmt: skip

    def by_slug(self) -> list[Queued]:
        """The queued articles in the exports' order."""
        return sorted(self.queued, key=lambda queued: queued.article.slug)

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
                (network, [kit_post(s) for s in shared.snippets if s.network == network.id])
                for network in self.networks
            ],
            "count": len(shared.snippets),
        }

    def generate_output(self, writer: Any) -> None:
        """Compose each article's posts in turn, write its kit page and its export rows; then
        the scheduler files and the kit's front page."""
        folder = Path(self.output_path, KIT_FOLDER)
        folder.mkdir(parents=True, exist_ok=True)
        reuse = KitReuse.from_settings(self.settings)
        memo = ComposeMemo.from_settings(self.settings)
        pages = KitPages(self, writer, reuse)
        self.short_pages = ShortLinkPages(self)
        key = self.export_key(reuse, memo)
        names = reuse.fetch_group(key, folder) if key else None
        # The oldest article's page goes first, always written afresh (KitPages.sample).
        oldest = min(self.queued, key=lambda queued: queued.article.date, default=None)
        sample = self.posts(memo, oldest) if oldest else None
        if oldest and sample:
            pages.sample(self.kit(sample, oldest.article))
        with ExitStack() as stack:
            exports = None
            if names is None:
                site = self.settings.get("SITENAME", "")
                exports = stack.enter_context(ExportStream(folder, site))
            for queued in self.by_slug():
                shared = sample if queued is oldest and sample else self.posts(memo, queued)
                if exports is not None:
                    exports.add(shared)
                if queued is not oldest:
                    pages.page(self.kit(shared, queued.article))
            if exports is not None:
                names = exports.finish(self.plan_files())
                if key:
                    reuse.keep_group(key, folder, names)
        log.debug("share kit: %d pages and files unchanged since the last build", reuse.fetched)
        memo.save()
        self.write_index(writer, names or [])
        reuse.prune()

    def write_index(self, writer: Any, exports: list[str]) -> None:
        """The kit's front page: every article, newest first, and the export files."""
        kits = [
            {"article": article, "url": f"{KIT_FOLDER}/{article.slug}/",
             "count": article.snippet_count}
            for article, _ in sorted(self.queued, key=lambda q: q.article.date, reverse=True)
        ]  # fmt: skip
        writer.write_file(
            f"{KIT_FOLDER}/index.html",
            self.get_template("share/index"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            kits=kits,
            exports=sorted(exports),
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
            self.frame = digest([templates, version("pelican"), written.read_bytes()])

    def page(self, kit: dict[str, Any]) -> None:
        """Write one kit page, or copy the one kept under the same key."""
        if not self.reuse.active:
            self.write(kit)
            return
        key = digest([self.frame, *kit_identity(kit)])
        target = Path(self.generator.output_path, kit["url"], "index.html")
        if not self.reuse.fetch(key, target):
            self.reuse.keep(key, self.write(kit))
