"""Names a writer chooses: slugs that fit any file system, known header fields (pure)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from hub import i18n

# A slug is one folder name (and the start of a card's file name): keep it well inside the
# 255 bytes a name may take, and the page's address short enough to share.
SLUG_MAX_BYTES = 100
# What a too-long address made from a title is cut to: the link sits twice in every social
# post (the address and utm_campaign), and some networks count every character of it.
SHORT_SLUG_BYTES = 60
# Folders the hub writes itself; an article or page there would overwrite them.
HUB_FOLDERS = ("share", "topics", "tags", "archive", "images", "theme", "drafts", "feeds", "s")
# What a URL path segment holds without escaping (RFC 3986 unreserved), letters of any script.
_URL_SAFE = re.compile(r"^[\w.~-]+$")

# Fields Pelican itself reads from a header.
PELICAN_FIELDS = (
    "title", "date", "modified", "tags", "keywords", "category", "author", "authors", "slug",
    "summary", "lang", "translation", "status", "template", "save_as", "url",
)  # fmt: skip
# Header fields of Pelican plugins that are not the hub's (they cannot declare their own).
OTHER_PLUGIN_FIELDS = {"sitemap": ("private", "changefreq", "priority")}
# The fields writer_metadata reads and tidies for the plugins after it.
HUB_FIELDS = ("stage", "question", "cta", "hashtags", "share", "next")


def _bytes(text: str) -> int:
    return len(text.encode("utf-8"))


# Short words an address should not end on: "/a-guide-to-the/" reads as cut off.
DANGLING = frozenset((
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "into", "onto", "about", "as", "than", "vs", "via", "per", "your", "our",
    "my", "its", "their",
))  # fmt: skip


def shorten_slug(slug: str, limit: int = SHORT_SLUG_BYTES) -> str:
    """SLUG cut to at most LIMIT bytes at a hyphen when there is one, never mid-letter, and
    never ending on a short word like "of" or "the"."""
    if _bytes(slug) <= limit:
        return slug
    cut = slug.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
    word_end = cut.rfind("-")
    short = (cut[:word_end] if word_end > limit // 3 else cut).strip("-")
    words = short.split("-")
    while len(words) > 1 and words[-1].lower() in DANGLING:
        words.pop()
    return "-".join(words)


def slug_problem(slug: str, reserved: Iterable[str]) -> str | None:
    """Why a writer's `Slug:` cannot be an address, with what to write; None when it can."""
    suggestion = "-".join(re.findall(r"[\w~]+", slug.replace("_", " "))).lower()[:60]
    fix = f"; write it like 'Slug: {suggestion}'" if suggestion else "; use letters, digits and -"
    if not slug:
        return "Slug is empty; remove the line or write the address, like 'Slug: dried-beans'"
    if "/" in slug or "\\" in slug or ".." in slug:
        return f"Slug '{slug}' holds '/', '\\' or '..', which would make a folder of it{fix}"
    if any(char.isspace() for char in slug):
        return f"Slug '{slug}' has spaces, which break links at the first space{fix}"
    if not _URL_SAFE.match(slug) or slug.startswith("."):
        return f"Slug '{slug}' has characters an address cannot hold{fix}"
    if _bytes(slug) > SLUG_MAX_BYTES:
        short = shorten_slug(slug)
        return (
            f"Slug is too long for an address ({len(slug)} characters); write a shorter"
            f" one, like 'Slug: {short}'"
        )
    return reserved_problem(slug, reserved)


def reserved_problem(slug: str, reserved: Iterable[str]) -> str | None:
    """Say so when SLUG is one of the hub's own folders (a language's too)."""
    if slug.lower() in i18n.LANGUAGES:
        name = i18n.locale(slug.lower()).get_display_name(i18n.SOURCE_LANGUAGE)
        return (
            f"Slug '{slug}' is the folder of the site's pages in {name} (/{slug.lower()}/);"
            f" write another, like 'Slug: my-{slug}'"
        )
    if slug.lower() in {folder.lower() for folder in reserved}:
        return (
            f"Slug '{slug}' is the address of the hub's own /{slug}/ folder;"
            " write another, like 'Slug: " + f"my-{slug}'"
        )
    return None


def control_characters(text: str) -> list[str]:
    """The control characters in TEXT (tabs and line breaks aside), as U+XXXX names."""
    found = {char for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r"}
    return sorted(f"U+{ord(char):04X}" for char in found)


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known field NAME is most likely a typo of, by difflib's measure."""
    matches = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.75)
    return matches[0] if matches else None


def field_label(name: str) -> str:
    """A field as a header writes it: 'image-alt' -> 'Image-Alt'."""
    return "-".join(part.capitalize() for part in name.split("-"))


def _plain(text: str) -> str:
    """TEXT without accents, in lower case, for matching a language's name."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def language_named(value: str) -> str | None:
    """The hub's language whose English or own name VALUE is ('French', 'français'), or None."""
    for code in i18n.LANGUAGES:
        names = (i18n.locale(code).get_display_name(lang) for lang in (i18n.SOURCE_LANGUAGE, code))
        if _plain(value) in {_plain(name or "") for name in names}:
            return code
    return None


def lang_problem(value: str) -> tuple[str | None, str | None]:
    """The language code a `Lang:` line means and why it is not written so; (VALUE, None) when
    it is right, (None, why) when no language of the hub's is meant."""
    spoken = ", ".join(i18n.LANGUAGES)
    if value in i18n.LANGUAGES:
        return value, None
    coded = re.fullmatch(r"[A-Za-z]{2}([-_][A-Za-z0-9]+)?", value)
    meant = language_named(value) or (i18n.language_of(value, default="") if coded else "")
    if not meant:
        return None, (
            f"Lang '{value}' is not a language the hub speaks ({spoken}); write one of them,"
            " like 'Lang: fr'"
        )
    if value.lower() == meant:
        why = "is a language code in capitals"
    elif len(value) > 2 and value[2:3] in "-_" and value[:2].lower() == meant:
        why = "names a country too; the hub's pages are per language"
    else:
        why = "is a language's name, not its code"
    return meant, f"Lang '{value}' {why}: write 'Lang: {meant}'"
