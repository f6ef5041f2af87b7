"""Pelican glue for "What's working": read results/, answer the plan, write the page and JSON."""

from __future__ import annotations

import json
import logging
from functools import partial
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from hub.messages import shown_path
from hub.returns import PostReturns
from hub.signals import post_returns, snippets_composed
from hub.urls import absolute_url
from writer_metadata.fields import STAGES

from .findings import Reshare
from .readers import Readings, read_all
from .settings import ResultsSettings
from .summary import charts, summarise, summary_text
from .tally import SiteArticle, tally
from .tally import post_returns as returns_of

log = logging.getLogger(__name__)

READINGS_KEY = "results_readings"
POSTS_KEY = "results_posts"  # slug -> ((post id, network, kind), ...)
SENT_KEY = "results_sent"  # slug -> ids of the posts planned before the build's now
RESHARES_KEY = "results_reshares"
SUMMARY_KEY = "results_summary"
JSON_NAME = "results.json"
TEMPLATE = "results"
# How the page names each network (the ids are utm_source's values).
NETWORK_NAMES = {
    "x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "threads": "Threads",
    "linkedin": "LinkedIn", "facebook": "Facebook", "whatsapp": "WhatsApp",
    "telegram": "Telegram", "email": "Email",
}  # fmt: skip
AGAIN = "-again"


def read_results(generator: Any) -> None:
    """Read every results file once per build, before anything plans; one line per bad file."""
    options = ResultsSettings.from_pelican(generator.settings)
    project = Path(generator.settings["PATH"]).resolve().parent
    readings = read_all(options.paths(generator.settings["PATH"]), partial(shown, project))
    for problem in readings.problems:
        log.warning("%s", problem)
    generator.context[READINGS_KEY] = readings


def shown(project: Path, path: Path) -> str:
    """PATH as the writer knows it: from the project's folder (results/visits.csv)."""
    try:
        return path.resolve().relative_to(project).as_posix()
    except ValueError:
        return shown_path(str(path))


def site_articles(context: dict[str, Any], settings: dict[str, Any]) -> list[SiteArticle]:
    """The published articles, with the posts share_snippets announced for each."""
    posts, sent = context.get(POSTS_KEY, {}), context.get(SENT_KEY, {})
    return [
        SiteArticle(
            article.slug, article.title, absolute_url(settings, article.url),
            getattr(article, "stage", "learn"), str(article.category),
            tuple(posts.get(article.slug, ())), frozenset(sent.get(article.slug, ())),
        )
        for article in context.get("articles", [])
    ]  # fmt: skip


def answer_plan(sender: Any, **_: Any) -> PostReturns | None:
    """What the posting plan asks: the visits each tagged post brought, when there are results."""
    readings: Readings | None = sender.context.get(READINGS_KEY)
    if not readings or not readings.files:
        return None
    return returns_of(tally(site_articles(sender.context, sender.settings), readings))


def remember_posts(sender: Any, article: Any, snippets: list[Any], **_: Any) -> None:
    """Keep each post's name (never its text), whether it has gone out, and the re-shares."""
    if not getattr(article, "in_default_lang", True):
        # A translation's posts carry its original's utm_campaign: they count for the original,
        # whose own posts are the ones listed (the two share post ids such as x-intro).
        return
    posts = sender.context.setdefault(POSTS_KEY, {})
    reshares = sender.context.setdefault(RESHARES_KEY, [])
    now = getattr(sender, "now", None)
    sender.context.setdefault(SENT_KEY, {})[article.slug] = [
        snippet.id
        for snippet in snippets
        if now is not None and snippet.scheduled_at is not None and snippet.scheduled_at < now
    ]
    kept = []
    for snippet in snippets:
        if snippet.id.endswith(AGAIN):
            when = snippet.scheduled_at
            reshares.append(Reshare(article.slug, snippet.id, snippet.network, when))
        else:
            kept.append((snippet.id, snippet.network, snippet.kind))
    posts[article.slug] = tuple(kept)


class ResultsGenerator(Generator):
    """Writes share/results.html and share/results.json when results came back."""

    def generate_output(self, writer: Any) -> None:
        """Count the results against the site and its posts (announced as the kit was written)."""
        readings: Readings | None = self.context.get(READINGS_KEY)
        if not readings or not (readings.files or readings.problems):
            return
        options = ResultsSettings.from_pelican(self.settings)
        articles = site_articles(self.context, self.settings)
        labels = self.settings.get("STAGE_LABELS", {})
        summary = self.context[SUMMARY_KEY] = summarise(
            articles, readings, tally(articles, readings),
            self.context.get(RESHARES_KEY, []), NETWORK_NAMES, STAGES, labels,
        )  # fmt: skip
        writer.write_file(
            options.save_as,
            self.get_template(TEMPLATE),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            summary=summary,
            charts=charts(summary),
            summary_as_text=summary_text(summary),
        )
        target = Path(self.output_path, options.save_as).with_name(JSON_NAME)
        target.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", "utf-8")


def add_generator(pelican: Any) -> type[ResultsGenerator]:
    """Add the generator that writes the results page."""
    return ResultsGenerator


def register() -> None:
    """Connect the handlers."""
    signals.article_generator_finalized.connect(read_results)
    signals.get_generators.connect(add_generator)
    post_returns.connect(answer_plan)
    snippets_composed.connect(remember_posts)
