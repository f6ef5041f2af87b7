"""The checks on one file's header: plain values in, a Problem per mistake out (pure)."""

from __future__ import annotations

import os
import re
from typing import Any

from pelican.utils import slugify

from hub.fields import declared_fields

from .fields import Problem, missing_fields
from .names import (
    HUB_FOLDERS,
    OTHER_PLUGIN_FIELDS,
    PELICAN_FIELDS,
    SLUG_MAX_BYTES,
    closest,
    control_characters,
    field_label,
    lang_problem,
    reserved_problem,
    shorten_slug,
    slug_problem,
)
from .reader import SOURCE_KEY, WRITTEN_KEY

# An address that names a scheme (https:, javascript:) leaves the site.
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# Header fields a reader sees as text: control characters in them are mistakes.
TEXT_FIELDS = ("title", "summary", "question", "share", "category", "image-alt")


def expected_slug(metadata: dict[str, Any], path: str, settings: dict[str, Any]) -> str:
    """Work out the slug Pelican will give this content, as Pelican does."""
    if metadata.get("slug"):
        return str(metadata["slug"])
    if settings["SLUGIFY_SOURCE"] == "basename":
        source = os.path.splitext(os.path.basename(path))[0]
    else:
        source = str(metadata.get("title", ""))
    return slugify(
        source,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def hub_folders(settings: dict[str, Any]) -> tuple[str, ...]:
    """The folders the site's own pages and files live in, which no slug may take."""
    static = [str(folder).strip("/").split("/")[0] for folder in settings.get("STATIC_PATHS", [])]
    return (*HUB_FOLDERS, str(settings.get("THEME_STATIC_DIR", "theme")), *static)


def known_fields(settings: dict[str, Any]) -> frozenset[str]:
    """Every field Pelican, the hub or an enabled plugin reads."""
    enabled = {str(name).rsplit(".", 1)[-1] for name in settings.get("PLUGINS") or ()}
    others = {field for name in enabled for field in OTHER_PLUGIN_FIELDS.get(name, ())}
    return frozenset(PELICAN_FIELDS) | declared_fields() | others


def field_problems(
    metadata: dict[str, Any],
    kind: str,
    written: frozenset[str] | None,
    settings: dict[str, Any],
    rst: bool = False,
) -> list[Problem]:
    """Missing and unknown fields; a missing field with a near-miss present says so."""
    missing = missing_fields(metadata, kind, written, rst)
    known = known_fields(settings)
    unknown = sorted(set(written or ()) - known - {SOURCE_KEY, WRITTEN_KEY})
    problems = []
    for problem in missing:
        typo = closest(problem.field, unknown)
        if typo:
            unknown.remove(typo)
            text = (
                f"{field_label(problem.field)} is missing; `{field_label(typo)}` looks like"
                f" a typo of it: write '{field_label(problem.field)}:'"
            )
            problem = Problem(problem.field, text, fatal=problem.fatal)
        problems.append(problem)
    for name in unknown:
        guess = closest(name, known)
        hint = (
            f"did you mean `{field_label(guess)}`?"
            if guess
            else "check its spelling, or delete the line (README.md lists the fields)"
        )
        problems.append(
            Problem(name, f"`{field_label(name)}` is not a field; {hint}", warning=True)
        )
    return problems


def text_problems(metadata: dict[str, Any]) -> list[Problem]:
    """Control characters (a NUL, an escape) in fields a reader sees; they are taken out."""
    problems = []
    for name in TEXT_FIELDS:
        value = metadata.get(name)
        found = control_characters(str(value)) if value is not None else []
        if not found:
            continue
        if isinstance(value, str):
            metadata[name] = "".join(char for char in value if f"U+{ord(char):04X}" not in found)
        problems.append(
            Problem(
                name,
                f"{field_label(name)} holds an invisible control character ({', '.join(found)});"
                " retype the line without it",
            )
        )
    return problems


def tag_problems(metadata: dict[str, Any]) -> list[Problem]:
    """Tags that cannot make an address are left out with a warning; such a Category is an error."""
    problems, kept = [], []
    for tag in metadata.get("tags") or []:
        slug = str(getattr(tag, "slug", tag))
        if slug and len(slug.encode("utf-8")) <= SLUG_MAX_BYTES:
            kept.append(tag)
            continue
        why = "has no letter or digit to make" if not slug else "is too long for"
        problems.append(
            Problem(
                "Tags",
                f"Tag '{tag}' {why} its address (/tags/.../); write it in a few words,"
                " like 'Tags: beans, budget'",
                warning=True,
            )
        )
    if problems:
        metadata["tags"] = kept
    category = metadata.get("category")
    slug = str(getattr(category, "slug", "x"))
    if category is not None and (not slug or len(slug.encode("utf-8")) > SLUG_MAX_BYTES):
        why = "has no letter or digit to make" if not slug else "is too long for"
        text = (
            f"Category '{category}' {why} its address (/topics/.../); write it in a few"
            " words, like 'Category: Cupboard staples'"
        )
        problems.append(Problem("Category", text, fatal=True))
    return problems


def lang_problems(metadata: dict[str, Any]) -> list[Problem]:
    """A `Lang:` that is not one of the hub's language codes; the code meant is used instead."""
    if not metadata.get("lang"):
        return []
    value = str(metadata["lang"]).strip()
    meant, why = lang_problem(value)
    if why is None:
        metadata["lang"] = value
        return []
    if meant is None:
        return [Problem("Lang", why, fatal=True)]
    metadata["lang"] = meant
    return [Problem("Lang", why)]


def address_problems(
    metadata: dict[str, Any], written: frozenset[str] | None, path: str, settings: dict[str, Any]
) -> list[Problem]:
    """A writer's Slug that cannot be an address; a title whose address is too long or taken."""
    reserved = hub_folders(settings)
    if metadata.get("slug") and (written is None or "slug" in written):
        text = slug_problem(str(metadata["slug"]), reserved)
        return [Problem("Slug", text, fatal=True)] if text else []
    slug = expected_slug(metadata, path, settings)
    if not slug:
        text = "Title has no letter or digit to make an address from; add a line 'Slug: my-article'"
        return [Problem("Slug", text, fatal=True)]
    if reserved_problem(slug, reserved):
        text = (
            f"Title makes the address /{slug}/, which is the hub's own folder;"
            f" add a line 'Slug: my-{slug}'"
        )
        return [Problem("Slug", text, fatal=True)]
    if len(slug.encode("utf-8")) <= SLUG_MAX_BYTES:
        return []
    short = shorten_slug(slug)
    metadata["slug"] = short
    text = (
        f"Title is too long for an address ({len(slug)} characters); it is shortened to"
        f" /{short}/: add a line 'Slug: ' with a few words of your own to choose it"
    )
    return [Problem("Slug", text, warning=True)]


def override_problems(metadata: dict[str, Any], settings: dict[str, Any]) -> list[Problem]:
    """Pelican's own Template, Url and Save_as lines, when they would break the page."""
    problems = []
    template = metadata.get("template")
    if template:
        folders = [os.path.join(settings["THEME"], "templates")]
        folders += list(settings.get("THEME_TEMPLATES_OVERRIDES") or [])
        if not any(os.path.isfile(os.path.join(folder, f"{template}.html")) for folder in folders):
            text = (
                f"Template '{template}' is not a template of the theme (it has no"
                f" templates/{template}.html); remove the line"
            )
            problems.append(Problem("Template", text, fatal=True))
    url = str(metadata.get("url") or "")
    if url and (_SCHEME.match(url) or url.startswith("//") or ".." in url):
        text = f"Url '{url}' must be an address on this site, like 'beans/'; or remove the line"
        problems.append(Problem("Url", text, fatal=True))
    save_as = str(metadata.get("save_as") or "")
    if save_as and (save_as.startswith("/") or ".." in save_as or _SCHEME.match(save_as)):
        text = f"Save_as '{save_as}' must be a file inside the site, like 'beans/index.html'"
        problems.append(Problem("Save_as", text, fatal=True))
    return problems
