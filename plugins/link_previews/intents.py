"""Share intents: one entry per network, each a plain link that opens the network's composer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from hub import i18n
from hub.i18n import N_

THREADS_TAG_LENGTH = 50
# What an intent builder receives: the tagged link, the share text, the title, the hashtags.
Builder = Callable[[str, str, str, Sequence[str]], "dict[str, str]"]


@dataclass(frozen=True)
class Intent:
    """How one network takes a shared link: its composer address and its query fields."""

    label: str
    endpoint: str
    fields: Builder


def _with_link(text: str, link: str) -> str:
    """Text and link as one post, for networks that take the link inside the text."""
    return f"{text} {link}" if text else link


def _body(text: str, title: str, link: str) -> str:
    """An email body: the share text (unless the subject already says it), then the link."""
    # RFC 6068: line breaks in a mailto body are CRLF, percent-encoded.
    return link if text == title else f"{text}\r\n\r\n{link}"


INTENTS: dict[str, Intent] = {
    "x": Intent(
        "X",
        "https://x.com/intent/post",
        lambda link, text, title, tags: {
            "text": text,
            "url": link,
            **({"hashtags": ",".join(tags)} if tags else {}),
        },
    ),
    "bluesky": Intent(
        "Bluesky",
        "https://bsky.app/intent/compose",
        lambda link, text, title, tags: {"text": _with_link(text, link)},
    ),
    "mastodon": Intent(
        "Mastodon",
        # The official chooser asks readers for their own server: no instance is assumed.
        "https://share.joinmastodon.org/",
        lambda link, text, title, tags: {"text": _with_link(text, link)},
    ),
    "threads": Intent(
        "Threads",
        "https://www.threads.com/intent/post",
        # One topic tag: a hashtag's letters, digits and _ are all a topic may hold (at most 50).
        lambda link, text, title, tags: {
            "text": text,
            "url": link,
            **({"tag": tags[0][:THREADS_TAG_LENGTH]} if tags else {}),
        },
    ),
    "linkedin": Intent(
        "LinkedIn",
        # LinkedIn ignores everything but the address; it reads the rest from Open Graph.
        "https://www.linkedin.com/sharing/share-offsite/",
        lambda link, text, title, tags: {"url": link},
    ),
    "facebook": Intent(
        "Facebook",
        "https://www.facebook.com/sharer/sharer.php",
        lambda link, text, title, tags: {"u": link},
    ),
    "whatsapp": Intent(
        "WhatsApp",
        "https://wa.me/",
        lambda link, text, title, tags: {"text": _with_link(text, link)},
    ),
    "telegram": Intent(
        "Telegram",
        "https://t.me/share/url",
        lambda link, text, title, tags: {"url": link, "text": text},
    ),
    "email": Intent(
        # The only label that is a word rather than a name: said in the article's language.
        N_("Email"),
        "mailto:",
        lambda link, text, title, tags: {"subject": title, "body": _body(text, title, link)},
    ),
}


@dataclass(frozen=True, slots=True)
class ShareLink:
    """One share button: which network, what it says, where it goes.

    The address is worked out when the page asks for it: a site keeps nine buttons an article
    through the whole build, and each address spells out the whole post.
    """

    network: str
    label: str
    link: str
    text: str
    title: str
    hashtags: tuple[str, ...]

    @property
    def url(self) -> str:
        """The network's composer address with this post filled in."""
        return intent_url(self.network, self.link, self.text, self.title, self.hashtags)


def intent_url(network: str, link: str, text: str, title: str, hashtags: Sequence[str]) -> str:
    """The composer URL for NETWORK, every value percent-encoded (%20, never +)."""
    intent = INTENTS[network]
    # RFC 3986 lets ':', '/' and '?' stand unescaped in an http query (shorter pages), but
    # RFC 6068 does not in a mailto header value; '&', '=', '#', '+' and spaces never.
    safe = "" if intent.endpoint == "mailto:" else ":/?"
    fields = intent.fields(link, text, title, tuple(hashtags))
    # As urlencode(fields, quote_via=quote, safe=safe) would, but most values repeat per network.
    query = "&".join(
        f"{_quoted(key, safe)}={_quoted(value, safe)}" for key, value in fields.items()
    )
    return f"{intent.endpoint}?{query}"


def _quoted(value: Any, safe: str) -> str:
    """VALUE percent-encoded as urlencode(quote_via=quote) encodes it."""
    return quote(value, safe) if isinstance(value, bytes) else _quoted_text(str(value), safe)


@lru_cache(maxsize=256)
def _quoted_text(text: str, safe: str) -> str:
    """quote(TEXT, SAFE), remembered: an article's text and title go to several networks."""
    return quote(text, safe)


def share_links(
    networks: Sequence[str],
    links: dict[str, str],
    text: str,
    title: str,
    hashtags: Sequence[str],
    lang: str = i18n.SOURCE_LANGUAGE,
) -> tuple[ShareLink, ...]:
    """A share link per network, each with its own tagged article link from LINKS, its label
    in LANG."""
    tags = tuple(hashtags)
    labels = {network: i18n.text(lang, INTENTS[network].label) for network in networks}
    return tuple(
        ShareLink(network, labels[network], links[network], text, title, tags)
        for network in networks
    )
