"""The hub's metadata fields and the checks on them (pure)."""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from typing import Any

STAGES = ("learn", "try", "decide")
STATUSES = ("published", "draft", "hidden")
DEFAULT_STAGE = "learn"
WORDS_PER_MINUTE = 200

# Field -> example line, for messages that tell a writer what to add.
REQUIRED = {
    "article": {
        "title": "Title: 3 things to do with dried beans",
        "date": "Date: 2026-09-14 09:00",
        "category": "Category: Cupboard staples",
        "tags": "Tags: beans, budget",
        "summary": "Summary: one or two sentences that say what the reader gets",
    },
    "page": {"title": "Title: About us"},
}


@dataclass(frozen=True)
class Problem:
    """One mistake in one field; `fatal` when the file cannot be built at all."""

    field: str
    text: str
    fatal: bool = False
    # A warning lets the build go on (strict builds still fail on it).
    warning: bool = False


# Pelican cannot build content without these; the rest fall back to a default.
FATAL_WHEN_MISSING = ("title", "date")


def how_to_add(field: str, example: str, rst: bool = False) -> str:
    """The line to add for FIELD, in the file's own markup (reST writes ':tags: beans')."""
    if not rst:
        return f"add a line '{example}' to the header"
    if field == "title":
        return "start the file with the title, and a line of ==== under it"
    value = example.split(":", 1)[1].strip()
    return f"add a line ':{field}: {value}' under the title"


def missing_fields(
    metadata: dict[str, Any], kind: str, written: frozenset[str] | None = None, rst: bool = False
) -> list[Problem]:
    """Return a problem for each required field that is absent or blank.

    WRITTEN, when known, holds the fields the file itself has: Pelican fills some (Category)
    with site defaults, which must not hide that the writer left them out. RST: the file is
    reStructuredText, so the fix is told in its form.
    """
    return [
        Problem(
            field,
            f"{field.title()} is missing; {how_to_add(field, example, rst)}",
            fatal=field in FATAL_WHEN_MISSING,
        )
        for field, example in REQUIRED[kind].items()
        if (written is not None and field not in written)
        or not str(metadata.get(field) or "").strip()
    ]


def normalise(metadata: dict[str, Any]) -> list[Problem]:
    """Tidy the hub's own fields in place and return what is wrong with them."""
    problems = []
    stage = str(metadata.get("stage") or DEFAULT_STAGE).strip().lower()
    if stage not in STAGES:
        problems.append(Problem("Stage", f"Stage '{stage}' is not one of {', '.join(STAGES)}"))
        stage = DEFAULT_STAGE
    metadata["stage"] = stage
    if "status" in metadata:
        status = str(metadata["status"]).strip().lower()
        if status in STATUSES:
            metadata["status"] = status
        else:
            guess = difflib.get_close_matches(status, STATUSES, n=1, cutoff=0.6)
            fix = f"did you mean 'Status: {guess[0]}'?" if guess else "write 'Status: published'"
            text = f"Status '{metadata['status']}' is not one of {', '.join(STATUSES)}; {fix}"
            problems.append(Problem("Status", text, fatal=True))
    metadata["hashtags"] = split_list(metadata.get("hashtags"), strip="#")
    # Later plugins and templates read article.tags; Pelican sets it only when Tags has words.
    metadata.setdefault("tags", [])
    for key in ("question", "share", "cta", "next"):
        if key in metadata:
            metadata[key] = " ".join(str(metadata[key]).split())
    return problems


def split_list(value: Any, strip: str = "") -> list[str]:
    """Split a comma list (or keep a list) into clean, non-empty items."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [cleaned for item in items if (cleaned := str(item).strip().lstrip(strip).strip())]


def reading_minutes(words: int) -> int:
    """Minutes to read WORDS words, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
