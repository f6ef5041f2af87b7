"""UTM tags for links that leave the site in a social post or share button."""

from __future__ import annotations

from dataclasses import dataclass

from hub.urls import with_query


@dataclass(frozen=True)
class UtmScheme:
    """How outgoing links are tagged; `enabled=False` leaves them bare."""

    enabled: bool = True
    medium: str = "social"
    email_medium: str = "email"


def utm_link(url: str, scheme: UtmScheme, *, source: str, campaign: str, content: str) -> str:
    """Tag URL for one network, article and snippet; keeps its query and fragment."""
    if not scheme.enabled:
        return url
    medium = scheme.email_medium if source == "email" else scheme.medium
    return with_query(
        url,
        {
            "utm_source": source,
            "utm_medium": medium,
            "utm_campaign": campaign,
            "utm_content": content,
        },
    )
