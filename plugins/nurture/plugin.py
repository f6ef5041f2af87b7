"""Pelican glue for nurture: choose each call to action, build the path, guard, report."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pelican import signals

from hub.i18n import content_language
from hub.messages import shown_path
from hub.placeholders import placeholder_level, placeholder_mode, placeholder_words
from hub.settings import settings_from
from hub.signals import snippets_composed
from hub.writing import one_article

from .catalogue import FILE_ENTRY, CallToAction, localised, parse_catalogue, wording
from .generator import WARNINGS_KEY, ReportGenerator
from .guard import Guard
from .mention import add_mention
from .path import Card, Library, rule_cta, stage_rank, start_here
from .settings import PREFIX, NurtureSettings

log = logging.getLogger(__name__)

DEFAULT_CATALOGUE = Path(__file__).with_name("defaults.yml")
# Stands for every id in the "broken" set when the whole catalogue cannot be read.
EVERY_ID = "*"
# The guard that finds hard-sell phrases, made once a build.
GUARD_KEY = "nurture_guard"


def nurture_settings(settings: dict[str, Any]) -> NurtureSettings:
    """The plugin's settings, checked."""
    return settings_from(NurtureSettings, PREFIX, settings)


def catalogue_path(settings: dict[str, Any], options: NurtureSettings) -> tuple[str, bool]:
    """The catalogue file the build reads, and whether it is the built-in one."""
    path = os.path.join(settings["PATH"], options.catalogue)
    if os.path.isfile(path):
        return path, False
    return str(DEFAULT_CATALOGUE), True


def in_language(
    catalogue: dict[str, CallToAction], lang: str, built_in: bool
) -> dict[str, CallToAction]:
    """CATALOGUE in LANG (see catalogue.localised)."""
    return {key: localised(entry, lang, built_in) for key, entry in catalogue.items()}


def load_catalogue(
    settings: dict[str, Any], options: NurtureSettings, guard: Guard
) -> tuple[dict[str, CallToAction], str, frozenset[str]]:
    """Read the content folder's catalogue (or the built-in one) and report its mistakes.

    Also returns the ids already reported as broken (every id, "*", when the file is), so
    that nothing naming them adds a second line about the same mistake.
    """
    path, _ = catalogue_path(settings, options)
    shown = shown_path(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        log.error("%s: the file is not UTF-8 text; save it as UTF-8 in your editor", shown)
        return {}, shown, frozenset({EVERY_ID})
    newsletter = settings.get("SITE_NEWSLETTER", "")
    entries, problems = parse_catalogue(text, settings.get("SITEURL", ""), newsletter)
    for problem in problems:
        if problem.entry == FILE_ENTRY:
            log.error("%s: %s", shown, problem.text.removeprefix("the file "))
        else:
            log.error(
                "%s: entry '%s', field '%s': %s", shown, problem.entry, problem.field, problem.text
            )
    broken = frozenset(EVERY_ID if p.entry == FILE_ENTRY else p.entry for p in problems)
    report_placeholders(entries.values(), shown, placeholder_mode(settings))
    for entry in entries.values():
        for field, text in wording(entry).items():
            for phrase in guard.find(text):
                log.error(
                    "%s: call to action '%s' says '%s' in its %s; invite gently instead",
                    shown,
                    entry.id,
                    phrase,
                    field,
                )
    for setting, cta in options.rule_ids().items():
        # With no usable entry at all, the entries' own lines already say what to fix.
        if entries and cta not in entries and not broken & {cta, EVERY_ID}:
            log.warning(
                "%s names '%s', which is not in %s; use one of %s",
                setting,
                cta,
                shown,
                ", ".join(entries),
            )
    return entries, shown, broken


def report_placeholders(entries: Iterable[CallToAction], shown: str, mode: str) -> None:
    """Name each form or link still pointing at an example address (an error for publishing)."""
    for entry in entries:
        addresses = {"form.action": entry.form.action} if entry.form else {"link": entry.link or ""}
        for field, address in addresses.items():
            level = placeholder_level(address, mode)
            if level:
                (log.error if level == "error" else log.warning)(
                    "%s: entry '%s', field '%s': '%s' is %s, not yours; put your own address"
                    " in before you publish",
                    shown,
                    entry.id,
                    field,
                    address,
                    placeholder_words(address),
                )


def card(article: Any) -> Card:
    """What the path needs from an article."""
    return Card(
        slug=article.slug,
        category=str(article.category),
        stage=article.stage,
        tags=frozenset(str(tag) for tag in getattr(article, "tags", ())),
        date=article.date,
    )


def choose_cta(
    article: Any,
    catalogue: dict[str, CallToAction],
    options: NurtureSettings,
    shown: str,
    broken: frozenset[str] = frozenset(),
) -> CallToAction | None:
    """The article's own `Cta` when known, else the rules' choice."""
    wanted = getattr(article, "cta", None)
    if wanted in catalogue:
        return catalogue[wanted]
    if wanted and not broken & {wanted, EVERY_ID}:
        log.error(
            "%s: Cta '%s' is not in %s; use one of %s",
            shown_path(article.source_path),
            wanted,
            shown,
            ", ".join(catalogue),
        )
    chosen = rule_cta(
        article.stage,
        str(article.category),
        catalogue,
        stage_ctas=options.stage_ctas,
        category_ctas=options.category_ctas,
        default=options.default_cta,
        suited={entry.id: entry.stages for entry in catalogue.values()},
    )
    return catalogue.get(chosen) if chosen else None


def guard_text(article: Any, guard: Guard) -> list[str]:
    """Warn about pushy phrases in the article's own words, by line."""
    path = shown_path(article.source_path)
    with open(article.source_path, encoding="utf-8") as handle:
        hits = guard.find_lines(handle.read())
    lines = [f"{path}: line {number} says '{phrase}'" for number, phrase in hits]
    for line in lines:
        log.warning("%s, which sounds pushy; say it gently and let the reader choose", line)
    return lines


def version_in(article: Any, lang: str) -> Any:
    """ARTICLE's translation into LANG when it has one, else ARTICLE itself."""
    return next((other for other in article.translations if other.lang == lang), article)


def follow_path(generator: Any) -> None:
    """Give every article its call to action, its "Read next" and its stage rank."""
    options = nurture_settings(generator.settings)
    guard = generator.context[GUARD_KEY] = Guard.of(options.pushy_phrases, options.acronyms)
    catalogue, shown, broken = load_catalogue(generator.settings, options, guard)
    built_in = catalogue_path(generator.settings, options)[1]
    site_lang = generator.settings.get("DEFAULT_LANG")
    by_language: dict[str, dict[str, CallToAction]] = {}
    published = {article.slug: article for article in generator.articles}
    cards = [card(article) for article in published.values()]
    library = Library(cards)
    warnings: list[str] = generator.context.setdefault(WARNINGS_KEY, [])
    every = [generator.articles, generator.drafts, generator.hidden_articles]
    for article in [item for found in every for a in found for item in (a, *a.translations)]:
        with one_article(article, generator.context, "its next step and Read next"):
            article.stage_rank = stage_rank(article.stage)
            lang = content_language(getattr(article, "lang", None), site_lang)
            if lang not in by_language:
                by_language[lang] = in_language(catalogue, lang, built_in)
            article.call_to_action = choose_cta(article, by_language[lang], options, shown, broken)
            if article.call_to_action and options.inline_after_thing:
                article._content = add_mention(
                    article._content, options.inline_after_thing, article.call_to_action
                )
            chosen = getattr(article, "next", None)
            if chosen and chosen not in published:
                log.error(
                    "%s: Next '%s' is not the slug of a published article; use the last part of"
                    " its address, like 'dried-beans' for /dried-beans/",
                    shown_path(article.source_path),
                    chosen,
                )
            slugs = library.read_next(card(article), chosen, options.read_next_count)
            article.read_next = [version_in(published[slug], article.lang) for slug in slugs]
            warnings += guard_text(article, guard)
    generator.context["start_here_articles"] = [published[slug] for slug in start_here(cards)]


def guard_snippets(sender: Any, *, article: Any, snippets: Sequence[Any]) -> None:
    """Warn about pushy phrases in one article's social posts, as share_snippets composes them."""
    guard = sender.context.get(GUARD_KEY)
    if guard is None:
        options = nurture_settings(sender.settings)
        guard = sender.context[GUARD_KEY] = Guard.of(options.pushy_phrases, options.acronyms)
    warnings: list[str] = sender.context.setdefault(WARNINGS_KEY, [])
    said: dict[str, list[str]] = {}
    for snippet in snippets:
        for phrase in guard.find(snippet.text):
            said.setdefault(phrase, []).append(snippet.id)
    path = shown_path(article.source_path)
    for phrase, ids in said.items():
        # One line per phrase: the same words reach every network's snippets.
        line = f"{path}: snippet {', '.join(map(repr, dict.fromkeys(ids)))} says '{phrase}'"
        log.warning("%s, which sounds pushy; rephrase the words it comes from", line)
        warnings.append(line)


def add_report_generator(pelican: Any) -> type[ReportGenerator]:
    """Add the generator that writes the content-health report."""
    return ReportGenerator


def register() -> None:
    """Connect the handlers."""
    signals.article_generator_finalized.connect(follow_path)
    snippets_composed.connect(guard_snippets)
    signals.get_generators.connect(add_report_generator)
