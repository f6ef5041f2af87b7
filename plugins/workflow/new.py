"""Start a new article: a draft with every header field, a hint for each, and its sections."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hub import starter
from hub.i18n import SOURCE_LANGUAGE, language_of
from hub.messages import shown_path
from things.finder import promised_count
from writer_metadata.plugin import expected_slug

DEFAULT_COUNT = 3
DEFAULT_CATEGORY = starter.STARTERS["en"].category
_CATEGORY_LINE = re.compile(r"^Category:[ \t]*(\S.*?)\s*$", re.M)

# Field -> one-line hint. Markdown headers cannot hold comments, so the hints sit in a note
# just below the header, in the same order, for the writer to delete when done.
HINTS = {
    "Title": "the promise to the reader; '3 things' means three numbered ## sections below",
    "Date": "when it goes live; with a future date it waits until then when you publish",
    "Category": "the topic it belongs to; reuse an existing topic's exact spelling",
    "Tags": "a comma list of a few words a reader might look for (at least one)",
    "Summary": "one or two sentences: the lede, the page description and the social hook",
    "Stage": "learn (first visit), try (ready to try something) or decide (about to buy)",
    "Question": "a conversation starter shown at the end; delete the line for none",
    "Cta": "a call to action's id to use instead of the one chosen for the stage; or leave empty",
    "Hashtags": "a comma list for social posts, without #; the tags are used when empty",
    "Share": "your own lead line for social posts; the summary is used when empty",
    "Slug": "the article's address (/slug/); keep it once published so links keep working",
    "Status": "draft: previews only, never published; delete this line when it is ready",
}


class ArticleExists(Exception):
    """The article's file is already there; nothing was written."""


def most_common_category(headers: Iterable[str], default: str = DEFAULT_CATEGORY) -> str:
    """The category most articles use, so a new one starts in a real topic (else DEFAULT)."""
    counts = Counter(match[1] for text in headers for match in _CATEGORY_LINE.finditer(text))
    return counts.most_common(1)[0][0] if counts else default


def starter_tag(title: str) -> str:
    """A first tag from the title's last word ('...with lentils' -> 'lentils'), to edit."""
    words = re.findall(r"[^\W_]+", title.lower())
    return words[-1] if words else "ideas"


def article_text(
    title: str, slug: str, today: datetime.date, category: str, lang: str = SOURCE_LANGUAGE
) -> str:
    """The new article's Markdown: header, hints, intro and one section per promised thing.

    Its prompts are in LANG, the site's language, as the reader will see what replaces them.
    """
    words = starter.starter(lang)
    count = promised_count(title, lang) or DEFAULT_COUNT
    values = {
        "Title": title,
        "Date": today.isoformat(),
        "Category": category,
        "Tags": starter_tag(title),
        "Summary": words.summary,
        "Stage": "learn",
        "Question": words.question,
        "Cta": "",
        "Hashtags": "",
        "Share": "",
        "Slug": slug,
        "Status": "draft",
    }
    header = "\n".join(f"{field}: {value}".rstrip() for field, value in values.items())
    width = max(map(len, HINTS))
    hints = "\n".join(f"  {field.ljust(width)}  {hint}" for field, hint in HINTS.items())
    sections = "\n\n".join(
        f"## {number}. {starter.heading(number, lang)}\n\n{words.teaser}"
        for number in range(1, count + 1)
    )
    return (
        f"{header}\n\n"
        f"<!-- How to fill in the header (delete this note when you are done):\n{hints}\n-->\n\n"
        f"{words.intro}\n\n"
        f"{sections}\n"
    )


def new_article(title: str, articles: Path, settings: dict[str, Any], today: datetime.date) -> Path:
    """Write a new draft article into ARTICLES, in the site's language; never overwrite."""
    lang = language_of(settings.get("DEFAULT_LANG"))
    title = " ".join(title.split())
    if not title:
        raise ValueError('give the article a title, e.g. invoke new "3 things to do with lentils"')
    slug = expected_slug({"title": title}, f"{title}.md", settings)
    target = articles / f"{slug}.md"
    if target.exists():
        raise ArticleExists(
            f"{shown_path(str(target))} already exists;"
            " choose another title or edit that file instead"
        )
    existing = (
        path.read_text(encoding="utf-8", errors="replace") for path in articles.glob("*.md")
    )
    category = most_common_category(existing, starter.starter(lang).category)
    text = article_text(title, slug, today, category, lang)
    articles.mkdir(parents=True, exist_ok=True)
    # "x" mode: a file that appears between the check and the write is still never replaced.
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return target
