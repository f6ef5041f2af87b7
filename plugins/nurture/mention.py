"""A one-line, inline mention of the article's call to action, after a chosen thing (pure)."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .catalogue import CallToAction

# The call to action's box at the end of the article; the mention links down to it.
CTA_ANCHOR = "next-step"


def mention_html(entry: CallToAction) -> str:
    """The mention: the entry's heading, linked to its box at the end of the article."""
    html = Markup(
        '<p class="cta-mention" data-cta="{id}">'
        '<a href="#{anchor}" data-cta="{id}">{heading}</a></p>\n'
    )
    return str(html.format(id=entry.id, anchor=CTA_ANCHOR, heading=escape(entry.heading)))


def add_mention(content: str, after_thing: int, entry: CallToAction) -> str:
    """Put the mention at the end of thing AFTER_THING, when a later thing follows it."""
    following = re.search(rf'<h2\b[^>]*\bid="thing-{after_thing + 1}"', content)
    if not following:
        return content
    return content[: following.start()] + mention_html(entry) + content[following.start() :]
