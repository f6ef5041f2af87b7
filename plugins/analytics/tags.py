"""The script tag and the "Was this helpful?" buttons' attributes for each service (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .settings import EVENTS, AnalyticsSettings

HELPFUL_EVENT = "Helpful"


@dataclass(frozen=True)
class Analytics:
    """What the theme needs: the script's attributes, and whether articles ask for feedback."""

    service: str
    name: str
    attributes: tuple[tuple[str, str], ...]  # in order; an empty value is a bare attribute
    helpful: bool
    privacy_page: str


NAMES = {"plausible": "Plausible", "goatcounter": "GoatCounter", "umami": "Umami"}


def script_attributes(options: AnalyticsSettings, siteurl: str) -> tuple[tuple[str, str], ...]:
    """The <script> element's attributes, as each service documents its tag."""
    src = options.script_url
    if options.service == "plausible":
        domain = options.site or urlsplit(siteurl).hostname or ""
        return (("defer", ""), ("data-domain", domain), ("src", src))
    if options.service == "goatcounter":
        return (("data-goatcounter", options.site), ("async", ""), ("src", src))
    host = (("data-host-url", options.host),) if options.host else ()
    return (("defer", ""), ("src", src), ("data-website-id", options.site), *host)


def analytics(options: AnalyticsSettings, siteurl: str, privacy_page: str) -> Analytics | None:
    """The theme's view of the settings; None while analytics is off."""
    if not options.on:
        return None
    return Analytics(
        options.service,
        NAMES[options.service],
        script_attributes(options, siteurl),
        options.helpful and options.service in EVENTS,
        privacy_page,
    )


def helpful_attributes(service: str, slug: str, answer: str) -> tuple[tuple[str, str], ...]:
    """The attributes that make a click on one answer ("yes" or "no") an analytics event."""
    if service == "umami":
        return (
            ("class", "button"),
            ("data-umami-event", HELPFUL_EVENT),
            ("data-umami-event-article", slug),
            ("data-umami-event-answer", answer),
        )
    # Plausible's tagged events read the event and its properties from the class list.
    tagged = f"plausible-event-name={HELPFUL_EVENT} plausible-event-article={slug}"
    return (("class", f"button {tagged} plausible-event-answer={answer}"),)
