"""Pelican glue for conversation: answered questions, then each page's section."""

from __future__ import annotations

import logging
import os
from typing import Any
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from hub import i18n
from hub.contents import every_content
from hub.fields import declare_fields
from hub.i18n import content_language
from hub.messages import shown_path
from hub.placeholders import placeholder_level, placeholder_mode, placeholder_words
from hub.urls import absolute_url

from .questions import AnsweredQuestion, in_language, parse_questions
from .section import conversation_section
from .settings import ConversationSettings

log = logging.getLogger(__name__)

DATA_EXTENSIONS = (".yml", ".yaml")
YES, NO = ("yes", "true", "on", "1"), ("no", "false", "off", "0")


def check_settings(pelican: Any) -> None:
    """Stop at once, in one line, when a CONVERSATION_* setting is wrong."""
    settings = ConversationSettings.from_pelican(pelican.settings)
    mode = placeholder_mode(pelican.settings)
    # Both come from site.yml (its `form` and `email` keys), which wins over pelicanconf.py.
    for key, address in (("form", settings.form_endpoint), ("email", settings.email)):
        level = placeholder_level(address, mode)
        if level:
            (log.error if level == "error" else log.warning)(
                "site.yml: %s '%s' is %s, not yours; put your own there before you publish",
                key,
                address,
                placeholder_words(address),
            )
    if not settings.email:
        log.warning(
            "CONVERSATION_EMAIL is not set; set it to the address that answers readers' questions"
        )


def read_question_files(folder: str) -> dict[str, tuple[str, list[AnsweredQuestion]]]:
    """Read every data file in FOLDER: slug -> (file, valid entries); problems are logged."""
    found: dict[str, tuple[str, list[AnsweredQuestion]]] = {}
    if not os.path.isdir(folder):
        return found
    for name in sorted(os.listdir(folder)):
        slug, extension = os.path.splitext(name)
        if extension.lower() not in DATA_EXTENSIONS:
            continue
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except UnicodeDecodeError:
            log.error("%s: the file is not UTF-8 text; save it as UTF-8", shown_path(path))
            continue
        questions, problems = parse_questions(text)
        for problem in problems:
            log.error("%s: %s", shown_path(path), problem)
        found[slug] = (path, questions)
    return found


def attach_answered_questions(generator: Any) -> None:
    """Give every article its answered questions, from content/questions/<slug>.yml."""
    settings = ConversationSettings.from_pelican(generator.settings)
    folder = os.path.join(generator.path, settings.questions_dir)
    files = read_question_files(folder)
    articles = every_content(generator)
    site_lang = generator.settings.get("DEFAULT_LANG")
    for article in articles:
        lang = content_language(getattr(article, "lang", None), site_lang)
        found = files.get(i18n.content_key(article), ("", []))[1]
        article.answered_questions = in_language(found, lang)
    # Articles skipped for a header mistake are reported already (writer_metadata's key).
    slugs = {i18n.content_key(article) for article in articles} | generator.context.get(
        "hub_skipped_slugs", set()
    )
    for slug, (path, _) in files.items():
        if slug not in slugs:
            log.error(
                "%s: no article has the slug '%s'; name the file after its article's slug,"
                " as in %s/<slug>.yml",
                shown_path(path),
                slug,
                settings.questions_dir,
            )


def opted(content: Any, default: bool) -> bool:
    """Read the `Conversation: yes|no` line; a value that is neither is a warning."""
    value = str(getattr(content, "conversation", "") or "").strip().lower()
    if not value:
        return default
    if value in YES or value in NO:
        return value in YES
    log.warning(
        "%s: Conversation '%s' is not yes or no; write 'Conversation: yes' or 'Conversation: no'",
        shown_path(content.source_path),
        value,
    )
    return default


def attach_sections(generators: list[Any]) -> None:
    """Give each article (unless it opts out) and each opted-in page its section."""
    if not generators:
        return
    articles = [a for g in generators if isinstance(g, ArticlesGenerator) for a in every_content(g)]
    pages = [p for g in generators if isinstance(g, PagesGenerator) for p in every_content(g)]
    pelican_settings = generators[0].settings
    settings = ConversationSettings.from_pelican(pelican_settings)
    privacy = next((page.url for page in pages if page.slug == settings.privacy_page), "")
    for content in articles:
        add_section(content, settings, pelican_settings, privacy, opted(content, True))
    for content in pages:
        add_section(content, settings, pelican_settings, privacy, opted(content, False))


def add_section(
    content: Any,
    settings: ConversationSettings,
    pelican: dict[str, Any],
    privacy: str,
    wanted: bool,
) -> None:
    """Set `content.conversation_section` (None when the page has no section)."""
    if not wanted:
        content.conversation_section = None
        return
    url = absolute_url(pelican, content.url)
    content.conversation_section = conversation_section(
        settings,
        # The title as the writer typed it: the page shows it escaped, never as markup.
        title=" ".join(content.title.split()),
        url=url,
        path=urlsplit(url).path,
        question=getattr(content, "question", None),
        answered=getattr(content, "answered_questions", ()),
        privacy_url=privacy,
        lang=content_language(getattr(content, "lang", None), pelican.get("DEFAULT_LANG")),
    )


def register() -> None:
    """Connect the handlers."""
    declare_fields("conversation")
    signals.initialized.connect(check_settings)
    signals.article_generator_pretaxonomy.connect(attach_answered_questions)
    signals.all_generators_finalized.connect(attach_sections)
