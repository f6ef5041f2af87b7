"""What the "Questions & comments" section shows for one article or page (pure)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from hub.i18n import N_, text

from .providers import PROVIDERS, Thread, comments_embed
from .questions import AnsweredQuestion
from .settings import DEFAULT_QUESTION, ConversationSettings

# The words a question's email or form message starts with, in the page's language.
SUBJECT = N_("Question about: {title}")
# The start of a question sent by email: a greeting, then where it was asked.
BODY = N_("Hello,\n\nMy question about {url}:\n\n")


@dataclass(frozen=True)
class FormField:
    """One named field of the question form."""

    name: str
    value: str = ""


@dataclass(frozen=True)
class QuestionForm:
    """The static question form: where it posts and what each field is called."""

    action: str
    question: str
    name: str
    email: str
    honeypot: str
    hidden: tuple[FormField, ...]


@dataclass(frozen=True)
class Comments:
    """A live comment provider, described for the reader and as data for comments.js."""

    provider: str
    label: str
    origin: str
    note: str
    embed_json: str
    remember: bool


@dataclass(frozen=True)
class ConversationSection:
    """Everything the theme renders in one page's "Questions & comments" section."""

    question: str
    form: QuestionForm | None
    ask_mailto: str
    email: str
    private_mailto: str
    comments: Comments | None
    answered: tuple[AnsweredQuestion, ...]
    privacy_url: str  # site-relative; empty when the site has no privacy page


def mailto(address: str, subject: str = "", body: str = "") -> str:
    """A mailto: link; spaces and line breaks percent-encoded the way mail clients expect."""
    params = {key: value for key, value in (("subject", subject), ("body", body)) if value}
    # RFC 6068 lets "/", ":", "@" and "," stand as they are, which keeps the link readable.
    crlf = {key: value.replace("\n", "\r\n") for key, value in params.items()}
    query = urlencode(crlf, quote_via=quote, safe="/:@,")
    return f"mailto:{quote(address, safe='@')}" + (f"?{query}" if query else "")


def question_form(
    settings: ConversationSettings, title: str, url: str, lang: str = "en"
) -> QuestionForm | None:
    """The form posting to the configured endpoint, or None when there is none."""
    if not settings.form_endpoint:
        return None
    names = settings.form_field_names
    hidden = [FormField(names["title"], title), FormField(names["url"], url)]
    if settings.subject_field:
        hidden.append(FormField(settings.subject_field, text(lang, SUBJECT, title=title)))
    return QuestionForm(
        settings.form_endpoint,
        names["question"],
        names["name"],
        names["email"],
        names["honeypot"],
        tuple(hidden),
    )


def comments(settings: ConversationSettings, thread: Thread, lang: str = "en") -> Comments | None:
    """The chosen live comment provider for THREAD, or None when comments are off."""
    if settings.provider == "none":
        return None
    options = settings.provider_options
    if "lang" in PROVIDERS[settings.provider].defaults and "lang" not in settings.options_given:
        # A widget that speaks several languages speaks the page's, unless the site chose one.
        options = {**options, "lang": lang}
    embed = comments_embed(settings.provider, options, thread)
    return Comments(
        provider=settings.provider,
        label=embed["label"],
        origin=embed["origin"],
        note=text(lang, PROVIDERS[settings.provider].note),
        embed_json=json.dumps(embed, ensure_ascii=False, separators=(",", ":")),
        remember=settings.remember_choice,
    )


def conversation_section(
    settings: ConversationSettings,
    *,
    title: str,
    url: str,
    path: str,
    question: str | None,
    answered: Sequence[AnsweredQuestion] = (),
    privacy_url: str = "",
    lang: str = "en",
) -> ConversationSection:
    """Assemble one page's section (in LANG) from the settings and the page's own data."""
    invitation = settings.default_question
    if invitation == DEFAULT_QUESTION:
        invitation = text(lang, DEFAULT_QUESTION)
    return ConversationSection(
        question=question or invitation,
        form=question_form(settings, title, url, lang),
        ask_mailto=mailto(
            settings.email, text(lang, SUBJECT, title=title), text(lang, BODY, url=url)
        ),
        email=settings.email,
        private_mailto=mailto(settings.email),
        comments=comments(settings, Thread(url=url, path=path, title=title), lang),
        answered=tuple(answered),
        privacy_url=privacy_url,
    )
