"""A Pelican generator: composes every article's snippets, then writes the share kit and exports."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from typing import Any
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
from .schedule import Queue, plan
from .settings import ShareSettings

log = logging.getLogger(__name__)

KIT_FOLDER = "share"


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
    return ArticleData(
        slug=article.slug,
        title=article.title,
        summary=getattr(article, "summary", "") or "",
        links={fragment: absolute_url(settings, article.url, fragment) for fragment in fragments},
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
            snippets = memo.compose(
                compose,
                article_data(article, self.settings),
                networks,
                templates,
                config.utm_scheme(),
            )
            check_article(article, snippets)
            composed[article.slug] = (article, snippets)
        memo.save()
        queues = [
            Queue(
                slug,
                article.date if article.date.tzinfo else article.date.replace(tzinfo=zone),
                [(snippet.network, snippet.id) for snippet in snippets],
            )
            for slug, (article, snippets) in composed.items()
        ]
        now = config.start(zone)
        planned = plan(queues, config.networks, config.weekly_slots(), now, zone, config.plan_weeks)
        self.shared: list[SharedArticle] = []
        for slug, (article, snippets) in composed.items():
            article.snippets = [
                replace(snippet, scheduled_at=planned.get((slug, snippet.id)))
                for snippet in snippets
            ]
            self.shared.append(
                SharedArticle(
                    slug, article.title, absolute_url(self.settings, article.url), article.snippets
                )
            )
        self.config, self.now = config, now

    def export_files(self) -> dict[str, str]:
        """Every export file's name and text."""
        site = self.settings.get("SITENAME", "")
        host = urlsplit(site_origin(self.settings)).hostname or "localhost"
        names = {network.id: network.name for network in NETWORKS.values()}
        files = {
            "snippets.json": snippets_json(site, self.shared),
            "snippets.csv": snippets_csv(self.shared),
            "sprout.csv": sprout_csv(self.shared),
            "plan.ics": plan_ics(
                site, host, self.shared, self.now.astimezone(ZoneInfo("UTC")), names
            ),
        }
        for network in self.config.networks:
            parts = hootsuite_csv(self.shared, network, self.config.hootsuite_rows)
            for number, text in enumerate(parts, start=1):
                files[f"hootsuite-{network}{'' if number == 1 else f'-{number}'}.csv"] = text
        return files

    def generate_output(self, writer: Any) -> None:
        """Write the exports, the kit's index page and one kit page per article."""
        folder = os.path.join(self.output_path, KIT_FOLDER)
        os.makedirs(folder, exist_ok=True)
        files = self.export_files()
        for name, text in files.items():
            # newline="": the CSV writer already ends rows with CRLF, as RFC 4180 asks.
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as file:
                file.write(text)
        by_slug = {article.slug: article for article in self.context.get("articles", [])}
        kits = [
            {
                "article": by_slug[shared.slug],
                "url": f"{KIT_FOLDER}/{shared.slug}/",
                "networks": [
                    (network, [s for s in shared.snippets if s.network == network.id])
                    for network in self.config.network_entries()
                ],
                "count": len(shared.snippets),
            }
            for shared in sorted(self.shared, key=lambda s: by_slug[s.slug].date, reverse=True)
        ]
        relative = self.settings.get("RELATIVE_URLS", False)
        writer.write_file(
            f"{KIT_FOLDER}/index.html",
            self.get_template("share/index"),
            self.context,
            relative_urls=relative,
            kits=kits,
            exports=sorted(files),
            kit_url=f"{KIT_FOLDER}/",
        )
        for kit in kits:
            writer.write_file(
                f"{kit['url']}index.html",
                self.get_template("share/article"),
                self.context,
                relative_urls=relative,
                kit=kit,
                kit_url=kit["url"],
            )
