"""Glue: gettext, dates and numbers in each page's language; each translation's alternates."""

from __future__ import annotations

import logging
from itertools import chain
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from pelican import signals

from hub import i18n
from hub.contents import every_content
from hub.messages import NOTE, shown_path
from hub.urls import absolute_url

from .alternates import alternates

log = logging.getLogger(__name__)


def page_language(context: Context) -> str:
    """The language a template renders in: the page's own `lang` when supported, else the site's."""
    shown = context.get("article") or context.get("page")
    return i18n.first_language(
        context.get("lang"),
        getattr(shown, "lang", None),
        default=context.get("DEFAULT_LANG") or i18n.SOURCE_LANGUAGE,
    )


@pass_context
def _gettext(context: Context, message: str) -> str:
    """MESSAGE from the theme catalogue of the page's language."""
    return i18n.translations(page_language(context), "theme").gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message, as the page's language counts COUNT."""
    return i18n.translations(page_language(context), "theme").ngettext(singular, plural, count)


@pass_context
def local_date(context: Context, value) -> str:
    """A date as the page's language writes it; <time datetime> keeps the ISO form."""
    return i18n.format_day(value, page_language(context))


@pass_context
def local_number(context: Context, value) -> str:
    """A number as the page's language writes it; anything else (a missing value) as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return i18n.format_count(value, page_language(context))


def _install(generator) -> None:
    """Give GENERATOR's Jinja environment the per-page gettext callables and filters."""
    # Newstyle gettext autoescapes and formats `%(name)s` itself; the i18n extension calls
    # these with the render context, so each page picks its own catalogue.
    generator.env.install_gettext_callables(_gettext, _ngettext, newstyle=True)
    generator.env.filters.update(local_date=local_date, local_number=local_number)


def link_translations(generator: Any) -> None:
    """Give each article or page `alternates`; note a translation with no original."""
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
        # A note, not a warning: an article written only in another language is fine, and
        # publishing must not stop for it; a mistyped Slug is what the line helps find.
        log.warning(
            "%s: Lang is %s but no %s article or page has the slug '%s', so it is listed as"
            " one of its own; if it translates one, give the original the line 'Slug: %s'",
            shown_path(content.source_path),
            content.lang,
            i18n.locale(default_lang).get_display_name(i18n.SOURCE_LANGUAGE),
            content.slug,
            content.slug,
            extra=NOTE,
        )


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.generator_init.connect(_install)
    signals.article_generator_finalized.connect(link_translations)
    signals.page_generator_finalized.connect(link_translations)
