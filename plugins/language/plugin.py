"""Glue: the theme's gettext, `local_date` and `local_number`, in each page's language."""

from __future__ import annotations

from jinja2 import pass_context
from jinja2.runtime import Context
from pelican import signals

from hub import i18n


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


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.generator_init.connect(_install)
