"""Pelican glue for search: the search page, then the index once every page is written."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator

from hub.messages import NOTE
from hub.parallel import BuildSettings
from hub.settings import known_settings_from

from .index import Entry, IndexRun, SearchUnavailable, start_index
from .settings import PREFIX, SearchSettings

logger = logging.getLogger(__name__)
TEMPLATE = "search"
# Output folder -> the pages its build will index (set once the content is read).
_PENDING: dict[str, list[Entry]] = {}
# Output folder -> Pagefind, started once the articles and pages are written.
_RUNNING: dict[str, IndexRun] = {}
# Output folder -> whether its build has translations: each page's <html lang> then picks
# its index (SEARCH_LANGUAGE still wins).
_TRANSLATED: dict[str, bool] = {}


def options(settings: dict[str, Any]) -> SearchSettings:
    """The checked SEARCH_* settings."""
    return known_settings_from(SearchSettings, PREFIX, settings)


def article_filters(article: Any, stage_labels: dict[str, str]) -> dict[str, str]:
    """The filters a reader narrows results by: the article's topic, and its stage when named.

    Stages reach readers only in the words site.yml gives them (stage_labels), never as the
    hub's own names.
    """
    label = stage_labels.get(getattr(article, "stage", ""), "")
    return {"Topic": str(article.category), **({"Stage": label} if label else {})}


def entries_of(generators: list[Any], settings: dict[str, Any]) -> list[Entry]:
    """Published articles and pages; drafts, hidden pages, the share kit and the rest stay out."""
    labels = settings.get("READER_STAGE_LABELS") or {}
    entries = []
    for generator in generators:
        # Translations too: Pagefind keeps one index per <html lang>, so languages never mix.
        translations = getattr(generator, "translations", [])
        for article in [*getattr(generator, "articles", ()), *translations]:
            if article.save_as and isinstance(article, Article):
                entries.append(Entry(article.save_as, article_filters(article, labels)))
        for page in [*getattr(generator, "pages", ()), *translations]:
            if page.save_as and isinstance(page, Page):
                entries.append(Entry(page.save_as))
    return entries


def remember_entries(generators: list[Any]) -> None:
    """Note which pages to index, before Pelican writes them."""
    settings = generators[0].settings
    if options(settings).enabled:
        translated = any(getattr(generator, "translations", ()) for generator in generators)
        _TRANSLATED[settings["OUTPUT_PATH"]] = translated
        _PENDING[settings["OUTPUT_PATH"]] = entries_of(generators, settings)


def _index_run(settings: dict[str, Any], entries: list[Entry]) -> IndexRun:
    """Start Pagefind on ENTRIES, in the site's language or, with translations, in each page's."""
    chosen = options(settings)
    language = chosen.language_for(settings.get("DEFAULT_LANG", "en"))
    if _TRANSLATED.get(settings["OUTPUT_PATH"]) and not chosen.language:
        language = None
    return start_index(
        Path(settings["OUTPUT_PATH"]), entries, language=language, exclude=chosen.exclude
    )


def start_early(generator: Any, writer: Any = None) -> None:
    """Start Pagefind once every article and page is written, so it runs on another core
    while the share kit, the cards and the rest are written (not with BUILD_WORKERS = 1)."""
    settings = generator.settings
    entries = _PENDING.get(settings["OUTPUT_PATH"])
    if entries is None or known_settings_from(BuildSettings, "BUILD", settings).worker_count() < 2:
        return
    if (stopped := _RUNNING.pop(settings["OUTPUT_PATH"], None)) is not None:
        stopped.cancel()  # left by a build that stopped before its end
    _RUNNING[settings["OUTPUT_PATH"]] = _index_run(settings, _PENDING.pop(settings["OUTPUT_PATH"]))


def build_index(pelican: Any) -> None:
    """Index the written pages; without Pagefind the site is built, just without search."""
    output = pelican.settings["OUTPUT_PATH"]
    running = _RUNNING.pop(output, None)
    if running is not None and not running.unchanged():
        # A page was written again after Pagefind started: index what is there now.
        running.cancel()
        _PENDING[output], running = list(running.entries), None
    entries = _PENDING.pop(output, None)
    if running is None and entries is None:
        return
    try:
        (running or _index_run(pelican.settings, entries or [])).finish()
    except SearchUnavailable as unavailable:
        logger.warning("search: %s", unavailable, extra=NOTE)


class SearchPageGenerator(Generator):
    """Writes the search page (template search.html)."""

    def generate_output(self, writer: Any) -> None:
        """Render the page once per build."""
        chosen = options(self.settings)
        if not chosen.enabled:
            return
        writer.write_file(
            chosen.save_as,
            self.get_template(TEMPLATE),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            url=chosen.save_as.removesuffix("index.html"),
        )


def add_generator(pelican: Any) -> type[Generator]:
    """Add the search page's generator (settings are checked here, as the build starts)."""
    options(pelican.settings)
    return SearchPageGenerator


def add_template_globals(generator: Any) -> None:
    """Let the header's search box find the search page."""
    chosen = options(generator.settings)
    url = chosen.save_as.removesuffix("index.html") if chosen.enabled else ""
    generator.env.globals["search_url"] = url


def register() -> None:
    """Connect the handlers."""
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_globals)
    signals.all_generators_finalized.connect(remember_entries)
    signals.page_writer_finalized.connect(start_early)
    signals.finalized.connect(build_index)
