"""Glue: templates get gettext in the site's language; translations get their alternates."""

from __future__ import annotations

import logging
from itertools import chain
from typing import Any

from pelican import signals

from hub import i18n
from hub.messages import shown_path
from hub.urls import absolute_url

from .alternates import alternates

log = logging.getLogger(__name__)

# Each generator's lists of content, with the translations Pelican grouped beside them.
CONTENT_LISTS = (
    "articles", "translations", "hidden_articles", "hidden_translations", "drafts",
    "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations",
)  # fmt: skip


def _install(generator) -> None:
    """Install the theme catalogue of the site's language into GENERATOR's Jinja environment."""
    lang = i18n.language_of(generator.settings.get("DEFAULT_LANG"))
    catalogue = i18n.translations(lang, "theme")
    # Newstyle gettext autoescapes and formats `%(name)s` itself, so templates stay plain.
    generator.env.install_gettext_callables(catalogue.gettext, catalogue.ngettext, newstyle=True)


def every_content(generator: Any) -> list[Any]:
    """Every article or page GENERATOR read, translations included, each once."""
    seen: dict[int, Any] = {}
    for content in chain.from_iterable(getattr(generator, name, ()) for name in CONTENT_LISTS):
        seen.setdefault(id(content), content)
    return list(seen.values())


def link_translations(generator: Any) -> None:
    """Give each article or page `alternates`; warn about a translation with no original."""
    settings = generator.settings
    default_lang = str(settings.get("DEFAULT_LANG", i18n.SOURCE_LANGUAGE)).lower()
    for content in every_content(generator):
        content.alternates = alternates(
            (content.lang, content.url),
            ((other.lang, other.url) for other in content.translations),
            default_lang,
            lambda url: absolute_url(settings, url),
        )
    # Pelican lists a translation whose original is missing as an article of its own.
    for content in chain(getattr(generator, "articles", ()), getattr(generator, "pages", ())):
        if content.in_default_lang or any(o.in_default_lang for o in content.translations):
            continue
        log.warning(
            "%s: Lang is %s but no %s article or page has the slug '%s', so it is listed as"
            " one of its own; give the original the line 'Slug: %s' (or remove 'Lang: %s')",
            shown_path(content.source_path),
            content.lang,
            i18n.locale(default_lang).get_display_name(i18n.SOURCE_LANGUAGE),
            content.slug,
            content.slug,
            content.lang,
        )


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.generator_init.connect(_install)
    signals.article_generator_finalized.connect(link_translations)
    signals.page_generator_finalized.connect(link_translations)
