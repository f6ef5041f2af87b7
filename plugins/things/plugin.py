"""Pelican glue for things: anchor each article's sections as it is read."""

from __future__ import annotations

import logging

from pelican import signals
from pelican.contents import Article

from hub.i18n import content_language
from hub.messages import shown_path

from .finder import find_things, promised_count

log = logging.getLogger(__name__)


def anchor_things(content: object) -> None:
    """Give a freshly read article its things and thing-N anchors."""
    if not isinstance(content, Article) or content._content is None:
        return
    content._content, content.things = find_things(content._content)
    lang = content_language(getattr(content, "lang", None), content.settings.get("DEFAULT_LANG"))
    promised = promised_count(content.title, lang)
    if promised is not None and promised != len(content.things):
        log.warning(
            "%s: the title promises %d things but the article has %d '## ' sections;"
            " make them match",
            shown_path(content.source_path),
            promised,
            len(content.things),
        )


def register() -> None:
    """Connect the handlers."""
    # content_object_init runs once per freshly read article; cached articles keep their things.
    signals.content_object_init.connect(anchor_things)
