"""The catalogue of calls to action: read, check and resolve the writers' YAML file (pure)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import IO, Any
from urllib.parse import parse_qsl, urlsplit

import yaml

from hub.i18n import LANGUAGES, N_, text
from hub.yaml_text import yaml_problem
from writer_metadata.fields import STAGES

REQUIRED = ("id", "stages", "heading", "text", "button")
OPTIONAL = ("link", "form")
# An entry's words in another language: a block named after it (`fr:`) holding any of these.
WORDS = ("heading", "text", "button", "label")
FORM_KEYS = ("provider", "action", "label", "email_field", "source_field", "honeypot_field")
HONEYPOT = "website"
# The entry name of a problem with the whole file rather than one entry.
FILE_ENTRY = "(file)"
# A sign-up form's label when its entry gives none; translated into the article's language.
DEFAULT_LABEL = N_("Your email address")


@dataclass(frozen=True)
class Provider:
    """The field names one newsletter provider's sign-up endpoint expects."""

    email_field: str
    source_field: str
    honeypot_field: str = HONEYPOT
    hidden: tuple[tuple[str, str], ...] = ()


PROVIDERS = {
    "buttondown": Provider("email", "metadata__source", hidden=(("embed", "1"),)),
    "mailchimp": Provider("EMAIL", "SOURCE"),
    "kit": Provider("email_address", "fields[source]"),
    "custom": Provider("email", "source"),
}


@dataclass(frozen=True)
class SignupForm:
    """A newsletter sign-up that posts straight to the provider, no JavaScript needed."""

    action: str
    label: str
    email_field: str
    source_field: str
    honeypot_field: str
    hidden: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CallToAction:
    """One entry of the catalogue; `href` is the link as the site serves it."""

    id: str
    stages: tuple[str, ...]
    heading: str
    text: str
    button: str
    link: str | None = None
    href: str | None = None
    form: SignupForm | None = None
    # The entry's words in other languages: (language, ((field, words), ...)), from its blocks.
    languages: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()


@dataclass(frozen=True)
class Problem:
    """One mistake in one entry's field."""

    entry: str
    field: str
    text: str


def parse_catalogue(
    text: str, siteurl: str = "", newsletter: str = ""
) -> tuple[dict[str, CallToAction], list[Problem]]:
    """Read catalogue YAML into entries by id, and list what is wrong with it.

    NEWSLETTER (site.yml's sign-up address) is the action of any form that names none.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return {}, [
            Problem(FILE_ENTRY, "YAML", f"the file is not valid YAML{yaml_problem(error, text)}")
        ]
    if isinstance(data, dict):
        # Also accept "id: {fields}" mappings, the shape many writers reach for first.
        data = [
            {"id": key, **value} if isinstance(value, dict) else value
            for key, value in data.items()
        ]
    if not isinstance(data, list):
        return {}, [
            Problem(
                FILE_ENTRY,
                "entries",
                "the file is not a list of entries; start each entry with '- id:'",
            )
        ]
    entries: dict[str, CallToAction] = {}
    problems: list[Problem] = []
    for number, raw in enumerate(data, start=1):
        entry, found = parse_entry(raw, number, siteurl, newsletter)
        if entry and entry.id in entries:
            found.append(Problem(entry.id, "id", "the id is used by an earlier entry; rename one"))
        if entry and not found:
            entries[entry.id] = entry
        problems += found
    return entries, problems


def parse_entry(
    raw: Any, number: int, siteurl: str = "", newsletter: str = ""
) -> tuple[CallToAction | None, list[Problem]]:
    """Check one entry and build it; the entry is None when it cannot be used."""
    if not isinstance(raw, dict):
        return None, [Problem(f"#{number}", "entry", "each entry is a set of 'field: value' lines")]
    name = str(raw.get("id") or f"#{number}")
    fields = ", ".join(REQUIRED + OPTIONAL)
    problems = [
        Problem(
            name,
            key,
            f"'{key}' is not a field; use {fields}, or a language ({', '.join(LANGUAGES)})",
        )
        for key in raw
        if key not in REQUIRED + OPTIONAL + LANGUAGES
    ]
    problems += [
        problem
        for lang in LANGUAGES
        if lang in raw
        for problem in language_problems(name, lang, raw[lang], "form" in raw)
    ]
    for key in REQUIRED:
        value = raw.get(key)
        if key != "stages" and (not isinstance(value, str) or not value.strip()):
            problems.append(Problem(name, key, f"'{key}' is missing; add a line '{key}: ...'"))
    stages = raw.get("stages")
    stages = [stages] if isinstance(stages, str) else stages
    if not isinstance(stages, list) or not stages or set(map(str, stages)) - set(STAGES):
        problems.append(
            Problem(name, "stages", f"'stages' lists one or more of {', '.join(STAGES)}")
        )
    link, form = raw.get("link"), raw.get("form")
    if isinstance(form, dict) and "action" not in form and newsletter:
        form = {**form, "action": newsletter}
    if (link is None) == (form is None):
        problems.append(Problem(name, "link", "give either a 'link' or a 'form', not both"))
    elif link is not None:
        problems += link_problems(name, link)
    else:
        problems += form_problems(name, form)
    if problems:
        return None, problems
    tidy = {key: " ".join(str(raw[key]).split()) for key in ("id", "heading", "text", "button")}
    languages = tuple(
        (lang, tuple((key, " ".join(str(words).split())) for key, words in raw[lang].items()))
        for lang in LANGUAGES
        if lang in raw
    )
    entry = CallToAction(
        stages=tuple(str(stage) for stage in stages),
        languages=languages,
        link=link,
        href=resolve_link(link, siteurl) if link else None,
        form=build_form(form) if form else None,
        **tidy,
    )
    return entry, []


def language_problems(name: str, lang: str, block: Any, has_form: bool) -> list[Problem]:
    """Check one language's block: `heading`, `text`, `button` (and a form's `label`) as words."""
    allowed = WORDS if has_form else WORDS[:3]
    if not isinstance(block, dict) or not block:
        return [
            Problem(name, lang, f"write the {lang} words as lines '{allowed[0]}: ...' below it")
        ]
    problems = [
        Problem(name, f"{lang}.{key}", f"'{key}' is not a field here; use {', '.join(allowed)}")
        for key in block
        if key not in allowed
    ]
    problems += [
        Problem(name, f"{lang}.{key}", f"'{key}' is empty; write its words or remove the line")
        for key in allowed
        if key in block and (not isinstance(block[key], str) or not block[key].strip())
    ]
    return problems


def link_problems(name: str, link: Any) -> list[Problem]:
    """Check a link: internal (/ask/, #conversation) or external (https://...)."""
    text = str(link).strip()
    parts = urlsplit(text)
    if (
        not isinstance(link, str)
        or not text
        or (parts.scheme not in ("http", "https", "mailto", ""))
    ):
        return [Problem(name, "link", "write a link like /ask/, #conversation or https://...")]
    internal = not parts.scheme and not parts.netloc
    if internal and not text.startswith(("/", "#")):
        return [Problem(name, "link", f"'{text}' should start with / (or # for this page)")]
    if internal and any(key.startswith("utm_") for key, _ in parse_qsl(parts.query)):
        return [
            Problem(name, "link", "remove the utm_ tags: they would hide where readers came from")
        ]
    return []


def form_problems(name: str, form: Any) -> list[Problem]:
    """Check a sign-up form: a known provider, an https action, names that are words."""
    if not isinstance(form, dict):
        return [Problem(name, "form", "write the form as 'provider:' and 'action:' lines")]
    problems = [
        Problem(name, f"form.{key}", f"'{key}' is not a form field; use {', '.join(FORM_KEYS)}")
        for key in form
        if key not in FORM_KEYS
    ]
    provider = str(form.get("provider", "custom"))
    if provider not in PROVIDERS:
        known = ", ".join(PROVIDERS)
        problems.append(Problem(name, "form.provider", f"'{provider}' is not one of {known}"))
    action = urlsplit(str(form.get("action", "")))
    if action.scheme != "https" or not action.netloc:
        problems.append(
            Problem(name, "form.action", "give the provider's sign-up address, https://...")
        )
    for key in FORM_KEYS[2:]:
        if key in form and not str(form[key]).strip():
            problems.append(Problem(name, f"form.{key}", f"'{key}' is empty; remove the line"))
    return problems


def build_form(form: dict[str, Any]) -> SignupForm:
    """Fill in a checked form from its provider's field names."""
    provider = PROVIDERS[str(form.get("provider", "custom"))]
    action = str(form["action"]).strip()
    honeypot = provider.honeypot_field
    if form.get("provider") == "mailchimp":
        # Mailchimp rejects sign-ups that fill its own trap field, named after the list.
        query = dict(parse_qsl(urlsplit(action).query))
        if query.get("u") and query.get("id"):
            honeypot = f"b_{query['u']}_{query['id']}"
    return SignupForm(
        action=action,
        label=str(form.get("label") or DEFAULT_LABEL),
        email_field=str(form.get("email_field") or provider.email_field),
        source_field=str(form.get("source_field") or provider.source_field),
        honeypot_field=str(form.get("honeypot_field") or honeypot),
        hidden=provider.hidden,
    )


def resolve_link(link: str, siteurl: str) -> str:
    """The href a link gets on the site: site paths under SITEURL, the rest as written."""
    return siteurl.rstrip("/") + link if link.startswith("/") else link


def localised(entry: CallToAction, lang: str, built_in: bool = False) -> CallToAction:
    """ENTRY in LANG: its own block for LANG (`fr:`) when it has one; else the default form
    label, and every word when it is a BUILT_IN entry.

    A writer's words are never looked up in the hub's catalogue (it only knows its own).
    """
    own = dict(dict(entry.languages).get(lang, ()))
    form = entry.form
    if form and "label" in own:
        form = replace(form, label=own.pop("label"))
    elif form and form.label == DEFAULT_LABEL:
        form = replace(form, label=text(lang, DEFAULT_LABEL))
    if own or not built_in:
        # The writer's own words in LANG where given; the rest as the entry says them.
        return replace(entry, form=form, **own)
    words = {key: text(lang, getattr(entry, key)) for key in ("heading", "text", "button")}
    return replace(entry, form=form, **words)


def wording(entry: CallToAction) -> dict[str, str]:
    """The words of an entry a reader sees, by field, for the hard-sell guard."""
    texts = {"heading": entry.heading, "text": entry.text, "button": entry.button}
    if entry.form:
        texts["form.label"] = entry.form.label
    for lang, words in entry.languages:
        texts.update({f"{lang}.{key}": value for key, value in words})
    return texts


def extract_words(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extraction method for a catalogue file: the words a reader sees, by line.

    The built-in catalogue (defaults.yml) is said in the article's language through the hub's
    catalogue (`localised`); this is how its words reach hub.pot.
    """
    loader = yaml.SafeLoader(fileobj.read().decode("utf-8"))
    try:
        document = loader.get_single_node()
    finally:
        loader.dispose()
    for entry in getattr(document, "value", []):
        for key, value in getattr(entry, "value", []):
            if key.value in ("heading", "text", "button") and isinstance(value.value, str):
                words = " ".join(value.value.split())
                yield value.start_mark.line + 1, "gettext", words, []
