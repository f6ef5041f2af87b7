"""A Pelican generator: composes every article's snippets, then writes the share kit and exports."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from hub.messages import shown_path
from hub.urls import absolute_url, site_origin

from .compose import CONVERSATION, ArticleData, Snippet, compose, hashtags
from .exporters import (
    SharedArticle,
    hootsuite_csv,
    plan_ics,
    snippets_csv,
    snippets_json,
    sprout_csv,
)
from .memo import ComposeMemo
from .networks import NETWORKS
from .reuse import KitReuse, digest, folder_digest
from .schedule import Queue, plan
from .settings import ShareSettings

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


class ShareKitGenerator(Generator):
    """Gives each published article its snippets and writes output/share/."""

    def generate_context(self) -> None:
        """Compose and schedule the snippets of every published article (drafts get none)."""
        config = ShareSettings.from_pelican(self.settings)
        zone = ZoneInfo(self.settings.get("TIMEZONE") or "UTC")
        networks = config.network_entries()
        templates = config.template_table()
        composed = {}
        # Composed snippets are remembered between builds when Pelican's content cache is on.
        memo = ComposeMemo.from_settings(self.settings)
        for article in self.context.get("articles", []):
            data = article_data(article, self.settings)
            snippets = memo.compose(compose, data, networks, templates, config.utm_scheme())
            check_article(article, snippets)
            composed[article.slug] = (article, data.links[""], snippets)
        memo.save()
        queues = [
            Queue(
                slug,
                article.date if article.date.tzinfo else article.date.replace(tzinfo=zone),
                [(snippet.network, snippet.id) for snippet in snippets],
            )
            for slug, (article, _, snippets) in composed.items()
        ]
        now = config.start(zone)
        planned = plan(queues, config.networks, config.weekly_slots(), now, zone, config.plan_weeks)
        self.shared: list[SharedArticle] = []
        for slug, (article, url, snippets) in composed.items():
            article.snippets = [
                replace(snippet, scheduled_at=planned.get((slug, snippet.id)))
                for snippet in snippets
            ]
            self.shared.append(SharedArticle(slug, article.title, url, article.snippets))
        self.config, self.now = config, now

    def export_files(self) -> Iterator[tuple[str, Iterable[str]]]:
        """Every export file's name and text in pieces, each made only when asked for."""
        site = self.settings.get("SITENAME", "")
        host = urlsplit(site_origin(self.settings)).hostname or "localhost"
        names = {network.id: network.name for network in NETWORKS.values()}
        yield "snippets.json", snippets_json(site, self.shared)
        yield "snippets.csv", snippets_csv(self.shared)
        yield "sprout.csv", [sprout_csv(self.shared)]
        stamp = self.now.astimezone(ZoneInfo("UTC"))
        yield "plan.ics", [plan_ics(site, host, self.shared, stamp, names)]
        for network in self.config.networks:
            parts = hootsuite_csv(self.shared, network, self.config.hootsuite_rows)
            for number, text in enumerate(parts, start=1):
                yield f"hootsuite-{network}{'' if number == 1 else f'-{number}'}.csv", [text]

    def export_key(self, reuse: KitReuse) -> str:
        """The digest of everything the export files show (the calendar's stamp aside)."""
        if not reuse.active:
            return ""
        # DTSTAMP says when the calendar was made: an unchanged plan keeps its first stamp.
        settings = (self.settings.get("SITENAME", ""), site_origin(self.settings),
                    self.config.networks, self.config.hootsuite_rows)  # fmt: skip
        return digest(
            [EXPORTS_CODE.read_bytes(), version("icalendar"), repr(settings)]
            + [repr(shared) for shared in self.shared]
        )

    def write_exports(self, folder: Path, reuse: KitReuse) -> list[str]:
        """Write (or fetch unchanged) every export file; their names."""
        key = self.export_key(reuse)
        names = reuse.fetch_group(key, folder) if key else None
        if names is not None:
            return names
        names = []
        # One at a time: a large site's exports run to tens of megabytes each.
        for name, pieces in self.export_files():
            # newline="": the CSV writer already ends rows with CRLF, as RFC 4180 asks.
            with open(folder / name, "w", encoding="utf-8", newline="") as file:
                file.writelines(pieces)
            names.append(name)
        if key:
            reuse.keep_group(key, folder, names)
        return names

    def write_kit_pages(self, writer: Any, kits: list[dict[str, Any]], reuse: KitReuse) -> None:
        """Write one kit page per article, fetching those whose every input is unchanged."""
        template = self.get_template("share/article")
        relative = self.settings.get("RELATIVE_URLS", False)

        def write(kit: dict[str, Any]) -> Path:
            name = f"{kit['url']}index.html"
            writer.write_file(
                name, template, self.context, relative_urls=relative, kit=kit, kit_url=kit["url"]
            )
            return Path(self.output_path, name)

        if not kits or not reuse.active:
            for kit in kits:
                write(kit)
            return
        # The oldest article's page is always written afresh: its bytes stand for everything
        # the site around a kit page shows (menus, settings, a theme's own additions).
        *others, sample = kits
        frame = digest(
            [folder_digest(self._templates_path), version("pelican"), write(sample).read_bytes()]
        )
        for kit in others:
            key = digest([frame, *kit_identity(kit)])
            target = Path(self.output_path, kit["url"], "index.html")
            if not reuse.fetch(key, target):
                reuse.keep(key, write(kit))
        log.debug(
            "share kit: %d of %d pages unchanged since the last build", reuse.fetched, len(kits)
        )

    def generate_output(self, writer: Any) -> None:
        """Write the exports, the kit's index page and one kit page per article."""
        folder = Path(self.output_path, KIT_FOLDER)
        folder.mkdir(parents=True, exist_ok=True)
        reuse = KitReuse.from_settings(self.settings)
        written = self.write_exports(folder, reuse)
        by_slug = {article.slug: article for article in self.context.get("articles", [])}
        networks = self.config.network_entries()
        kits = [
            {
                "article": by_slug[shared.slug],
                "url": f"{KIT_FOLDER}/{shared.slug}/",
                "networks": [
                    (network, [kit_post(s) for s in shared.snippets if s.network == network.id])
                    for network in networks
                ],
                "count": len(shared.snippets),
            }
            for shared in sorted(self.shared, key=lambda s: by_slug[s.slug].date, reverse=True)
        ]
        writer.write_file(
            f"{KIT_FOLDER}/index.html",
            self.get_template("share/index"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            kits=kits,
            exports=sorted(written),
            kit_url=f"{KIT_FOLDER}/",
        )
        self.write_kit_pages(writer, kits, reuse)
        reuse.prune()
