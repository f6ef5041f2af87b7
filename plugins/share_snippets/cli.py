"""`invoke snippets [SLUG]`: an article's snippets and their counts, read from the last build."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from hub.messages import shown_path

from .generator import KIT_FOLDER
from .networks import NETWORKS

EXPORT = "snippets.json"


def as_read(stamp: str) -> str:
    """An ISO time from the export as a writer reads it: 'Tue 14 Sep 2026, 09:30'.

    The export keeps the site's time zone in each stamp, so its wall-clock time is the site's."""
    return f"{datetime.fromisoformat(stamp):%a %-d %b %Y, %H:%M}"


def describe(articles: list[dict[str, Any]], slug: str | None) -> tuple[list[str], bool]:
    """The lines to print for SLUG (every article's slug when None), and whether it was found."""
    if not slug:
        lines = [f"{len(a['snippets']):3d} posts  {a['slug']}" for a in articles]
        return [*lines, "Show one article's posts with: invoke snippets SLUG"], True
    found = next((article for article in articles if article["slug"] == slug), None)
    if found is None:
        known = ", ".join(article["slug"] for article in articles)
        return [f"No published article has the slug '{slug}'; known slugs: {known}"], False
    lines = [f"{found['title']} ({found['url']})"]
    for snippet in found["snippets"]:
        network = NETWORKS.get(snippet["network"])
        verdict = "fits" if snippet["length"] <= snippet["limit"] else "TOO LONG"
        lines.append(
            f"\n{snippet['id']}: {snippet['length']} / {snippet['limit']} {verdict}"
            f" ({network.counted_as if network else 'characters'})"
            f"{', planned ' + as_read(snippet['scheduled_at']) if snippet['scheduled_at'] else ''}"
        )
        lines += textwrap.wrap(
            snippet["text"], 96, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
        )
    return lines, True


def print_snippets(output: str | Path, slug: str | None, say: Callable[[str], None]) -> bool:
    """Print SLUG's snippets from OUTPUT/share/snippets.json; False when they cannot be shown."""
    export = Path(output) / KIT_FOLDER / EXPORT
    if not export.is_file():
        say(f"{shown_path(str(export))} is missing: run 'invoke build' first, then try again")
        return False
    lines, found = describe(json.loads(export.read_text(encoding="utf-8"))["articles"], slug)
    for line in lines:
        say(line)
    return found
