"""The conversation plugin's settings, declared once with their defaults (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from hub.i18n import N_
from hub.settings import settings_from

from .providers import PROVIDER_CHOICES, PROVIDERS, provider_options

PREFIX = "CONVERSATION"
FORM_KEYS = ("question", "name", "email", "title", "url", "honeypot")


@dataclass(frozen=True)
class FormService:
    """A form backend: its field names, the hosts it is known by, its subject field if any."""

    fields: Mapping[str, str]
    hosts: tuple[str, ...] = ()
    subject_field: str = ""  # sets the subject of the email the service sends on


_FIELDS = {
    "question": "question",
    "name": "name",
    "email": "email",
    "title": "article",
    "url": "page",
    # Formspree, Basin and Getform drop a submission whose `_gotcha` field is filled in.
    "honeypot": "_gotcha",
}
FORM_SERVICES = {
    "generic": FormService({**_FIELDS}),
    "formspree": FormService({**_FIELDS, "question": "message"}, ("formspree.io",), "_subject"),
    "basin": FormService({**_FIELDS, "question": "message"}, ("usebasin.com",)),
    "getform": FormService({**_FIELDS, "question": "message"}, ("getform.io", "getform.com")),
    # Staticman takes `fields[...]` and rejects any field missing from its allowedFields list:
    # leave `website` out of that list and a filled-in trap fails the whole entry.
    "staticman": FormService(
        {key: f"fields[{value}]" for key, value in {**_FIELDS, "honeypot": "website"}.items()}
    ),
}


# The invitation above the question form when an article asks nothing of its own; said in the
# article's language unless the site sets CONVERSATION_DEFAULT_QUESTION.
DEFAULT_QUESTION = N_("Have a question about this, or something to add? We'd love to hear it.")


@dataclass(frozen=True)
class ConversationSettings:
    """CONVERSATION_* settings; unknown choices raise ValueError naming the setting."""

    email: str = ""
    default_question: str = DEFAULT_QUESTION
    form_endpoint: str = ""
    form_service: str = "auto"
    form_fields: Mapping[str, str] = field(default_factory=dict)
    provider: str = "none"
    remember_choice: bool = True
    privacy_page: str = "privacy"
    questions_dir: str = "questions"
    isso: Mapping[str, Any] = field(default_factory=dict)
    giscus: Mapping[str, Any] = field(default_factory=dict)
    utterances: Mapping[str, Any] = field(default_factory=dict)
    remark42: Mapping[str, Any] = field(default_factory=dict)
    cusdis: Mapping[str, Any] = field(default_factory=dict)
    disqus: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.provider not in PROVIDER_CHOICES:
            raise ValueError(
                f"{PREFIX}_PROVIDER: '{self.provider}' is not one of {', '.join(PROVIDER_CHOICES)}"
            )
        if self.form_service != "auto" and self.form_service not in FORM_SERVICES:
            choices = ", ".join(("auto", *FORM_SERVICES))
            raise ValueError(
                f"{PREFIX}_FORM_SERVICE: '{self.form_service}' is not one of {choices}"
            )
        if unknown := sorted(set(self.form_fields) - set(FORM_KEYS)):
            raise ValueError(
                f"{PREFIX}_FORM_FIELDS: unknown {', '.join(unknown)};"
                f" the fields are {', '.join(FORM_KEYS)}"
            )
        if self.form_endpoint and urlsplit(self.form_endpoint).scheme not in ("https", "http"):
            raise ValueError(
                f"{PREFIX}_FORM_ENDPOINT: '{self.form_endpoint}' is not a web address;"
                " paste the https:// address your form service gives you"
            )
        if self.provider != "none":
            provider_options(self.provider, self.options_given)

    @property
    def options_given(self) -> Mapping[str, Any]:
        """The site's own options for the chosen provider."""
        return getattr(self, self.provider, {}) if self.provider in PROVIDERS else {}

    @property
    def provider_options(self) -> dict[str, str]:
        """The chosen provider's options, defaults filled in."""
        return provider_options(self.provider, self.options_given)

    @property
    def form_field_names(self) -> dict[str, str]:
        """Field names for the form: the service's, then the site's own."""
        return {**FORM_SERVICES[self.service].fields, **self.form_fields}

    @property
    def subject_field(self) -> str:
        """The form service's subject field, or "" when it has none."""
        return FORM_SERVICES[self.service].subject_field

    @property
    def service(self) -> str:
        """The form service, recognised from the endpoint's host when set to auto."""
        if self.form_service != "auto":
            return self.form_service
        host = urlsplit(self.form_endpoint).hostname or ""
        for name, service in FORM_SERVICES.items():
            if any(host == known or host.endswith(f".{known}") for known in service.hosts):
                return name
        return "generic"

    @classmethod
    def from_pelican(cls, settings: dict[str, Any]) -> ConversationSettings:
        """Read CONVERSATION_* from Pelican's settings."""
        return settings_from(cls, PREFIX, settings)
