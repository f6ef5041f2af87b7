"""The analytics settings (ANALYTICS_*), off unless the writer names a service (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from hub.settings import settings_from

PREFIX = "ANALYTICS"
# Each service's script as its maker documents it (docs/results.md cites the pages).
SCRIPTS = {
    "plausible": "https://plausible.io/js/script.tagged-events.js",
    "goatcounter": "https://gc.zgo.at/count.js",
    "umami": "https://cloud.umami.is/script.js",
}
SERVICES = ("none", *SCRIPTS)
# What ANALYTICS_SITE holds for each service.
SITE_MEANS = {
    "plausible": "your site's domain as Plausible knows it (default: SITEURL's host)",
    "goatcounter": "your count address, like https://MYCODE.goatcounter.com/count",
    "umami": "your website ID from Umami's settings",
}
# Services whose documented tags send a click as an event without any script of ours.
EVENTS = ("plausible", "umami")


@dataclass(frozen=True)
class AnalyticsSettings:
    """What a site may set; each field is the setting ANALYTICS_<FIELD NAME>."""

    service: str = "none"
    site: str = ""
    # The script's address: the service's own by default, or your self-hosted copy.
    script: str = ""
    # Umami only: where a self-hosted Umami receives the data (data-host-url).
    host: str = ""
    # "Was this helpful?" under each article while analytics is on (`Helpful: no` opts out).
    helpful: bool = True

    def __post_init__(self) -> None:
        """Reject values the plugin cannot use, naming the setting and the fix."""
        if self.service not in SERVICES:
            raise ValueError(
                f"ANALYTICS_SERVICE: '{self.service}' is not one of {', '.join(SERVICES)}"
            )
        if self.service in ("goatcounter", "umami") and not self.site.strip():
            raise ValueError(f"ANALYTICS_SITE is empty; give {SITE_MEANS[self.service]}")
        for name in ("script", "host") + (("site",) if self.service == "goatcounter" else ()):
            value = getattr(self, name)
            if value and urlsplit(value).scheme not in ("https", "http"):
                raise ValueError(
                    f"ANALYTICS_{name.upper()}: '{value}' is not an address starting https://"
                )

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> AnalyticsSettings:
        """Read the ANALYTICS_* settings over the defaults."""
        return settings_from(cls, PREFIX, dict(settings))

    @property
    def on(self) -> bool:
        """Whether any analytics loads at all."""
        return self.service != "none"

    @property
    def script_url(self) -> str:
        """The script's address."""
        return self.script or SCRIPTS.get(self.service, "")

    def origins(self) -> list[str]:
        """Every address the reader's browser talks to: for the Content-Security-Policy."""
        if not self.on:
            return []
        extra = self.site if self.service == "goatcounter" else self.host
        return [url for url in (self.script_url, extra) if url]
