"""Example addresses that must never go live: in forms and calls to action (pure)."""

from __future__ import annotations

from urllib.parse import urlsplit

# Domains kept for examples (RFC 2606): nobody's real address.
EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net", "example")
# The sample site's own addresses: fine for trying the sample out, never for a real site.
SAMPLE_ADDRESSES = frozenset(
    {"https://buttondown.com/api/emails/embed-subscribe/larderlane", "hello@larderlane.example"}
)
SETTING = "HUB_PLACEHOLDERS"
# "warn": example addresses warn, the sample's own are allowed; "error" (publishconf.py): both
# stop the build.
MODES = ("warn", "error")


def placeholder_mode(settings: dict[str, object]) -> str:
    """The mode the settings choose; an unknown one raises ValueError naming the setting."""
    mode = str(settings.get(SETTING, "warn"))
    if mode not in MODES:
        raise ValueError(f"{SETTING} '{mode}' is not one of {', '.join(MODES)}")
    return mode


def _host(address: str) -> str:
    """The host an address (https://..., mailto:..., or a bare email) reaches."""
    text = address.strip().removeprefix("mailto:").split("?")[0]
    if "://" not in text and "@" in text:
        return text.rsplit("@", 1)[1].lower().rstrip(".")
    return (urlsplit(text).hostname or "").lower().rstrip(".")


def placeholder_words(address: str) -> str | None:
    """What kind of placeholder ADDRESS is ('an example address'), or None when it is real."""
    plain = address.strip().removeprefix("mailto:").split("?")[0].rstrip("/").lower()
    if plain in SAMPLE_ADDRESSES:
        return "the sample site's own address"
    host = _host(address)
    if any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS):
        return "an example address"
    return None


def placeholder_level(address: str, mode: str) -> str | None:
    """'error', 'warning' or None: how a build in MODE treats ADDRESS."""
    words = placeholder_words(address)
    if words is None:
        return None
    if mode == "error":
        return "error"
    return None if words.startswith("the sample") else "warning"
