"""Pelican glue for analytics: the theme's `analytics` value and each article's `helpful`."""

from __future__ import annotations

from typing import Any

from pelican import signals

from hub.fields import declare_fields

from .settings import AnalyticsSettings
from .tags import analytics, helpful_attributes

CONTEXT_KEY = "analytics"


def add_to_context(generators: list[Any]) -> None:
    """Give every template the chosen service (None while off): the context is shared."""
    if not generators:
        return
    settings = generators[0].settings
    options = AnalyticsSettings.from_pelican(settings)
    privacy = settings.get("CONVERSATION_PRIVACY_PAGE", "privacy")
    chosen = analytics(options, settings.get("SITEURL", ""), privacy)
    for generator in generators:
        generator.context[CONTEXT_KEY] = chosen
        if chosen is None or not chosen.helpful:
            continue
        for article in generator.context.get("articles", []):
            if str(article.metadata.get("helpful", "yes")).strip().lower() != "no":
                article.helpful_buttons = {
                    answer: helpful_attributes(chosen.service, article.slug, answer)
                    for answer in ("yes", "no")
                }


def register() -> None:
    """Connect the handlers; `Helpful: no` is a header field of ours."""
    declare_fields("helpful")
    signals.all_generators_finalized.connect(add_to_context)
