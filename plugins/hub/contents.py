"""Every article or page a generator read, with the translations Pelican grouped beside them."""

from __future__ import annotations

from itertools import chain
from typing import Any

# An ArticlesGenerator's lists and a PagesGenerator's; each has only some of them.
CONTENT_LISTS = (
    "articles", "translations", "hidden_articles", "hidden_translations", "drafts",
    "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations",
)  # fmt: skip


def every_content(generator: Any) -> list[Any]:
    """Every article or page GENERATOR read (published, hidden, drafts, translations), once."""
    seen: dict[int, Any] = {}
    for content in chain.from_iterable(getattr(generator, name, ()) for name in CONTENT_LISTS):
        seen.setdefault(id(content), content)
    return list(seen.values())
