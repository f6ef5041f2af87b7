"""How each network shows a post: its fold, its styled links and hashtags, its card (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import regex

# A link or a hashtag, as the networks style them in a post.
_TOKEN = regex.compile(r"(?P<link>https?://\S+)|(?P<tag>(?<![\w#])#\w+)")
# How much of a link's address the networks show before cutting it with "…".
LINK_SHOWN = 30


@dataclass(frozen=True)
class Look:
    """How one network shows a post: where it folds it, and the shape of its link card."""

    # Characters shown before "…see more"; None when the whole post shows.
    fold: int | None
    more: str
    # The link card picture's shape: "wide" (2:1) or "og" (1.91:1, the Open Graph picture's).
    card_ratio: str


# Folds: LinkedIn near 210 characters, Facebook near 125 on mobile; the others show every
# character of a post within their limit. Cards: X's large card is 2:1; the others show the
# 1.91:1 Open Graph picture.
LOOKS: dict[str, Look] = {
    "x": Look(None, "", "wide"),
    "bluesky": Look(None, "", "og"),
    "mastodon": Look(None, "", "og"),
    "threads": Look(None, "", "og"),
    "linkedin": Look(210, "…see more", "og"),
    "facebook": Look(125, "…See more", "og"),
}
PLAIN = Look(None, "", "og")


@dataclass(frozen=True)
class Piece:
    """A stretch of a previewed post: "text", "link" (shown shortened) or "tag"."""

    kind: str
    text: str
    href: str = ""


@dataclass(frozen=True)
class Preview:
    """A post as its network shows it: the pieces before the fold, and the fold's words."""

    pieces: tuple[Piece, ...]
    more: str  # "" when the whole post shows
    ratio: str
    host: str  # the card's "example.com"


def shown_link(url: str) -> str:
    """A link as networks print it: no scheme, no "www.", cut at LINK_SHOWN with "…"."""
    bare = url.split("://", 1)[-1].removeprefix("www.")
    return bare if len(bare) <= LINK_SHOWN else bare[: LINK_SHOWN - 1] + "…"


def pieces(text: str) -> list[Piece]:
    """TEXT split into plain stretches, links and hashtags."""
    found, start = [], 0
    for match in _TOKEN.finditer(text):
        if match.start() > start:
            found.append(Piece("text", text[start : match.start()]))
        if match["link"]:
            found.append(Piece("link", shown_link(match["link"]), match["link"]))
        else:
            found.append(Piece("tag", match["tag"]))
        start = match.end()
    if start < len(text):
        found.append(Piece("text", text[start:]))
    return found


def before_fold(found: list[Piece], fold: int) -> tuple[list[Piece], bool]:
    """The pieces that show before a fold at FOLD characters of shown text, and whether the
    post folds: plain text is cut at its last space that fits, a link or a hashtag goes whole."""
    kept: list[Piece] = []
    room = fold
    for piece in found:
        if len(piece.text) <= room:
            kept.append(piece)
            room -= len(piece.text)
            continue
        if piece.kind == "text":
            cut = piece.text.rfind(" ", 0, room + 1)
            if cut > 0:
                kept.append(Piece("text", piece.text[:cut].rstrip()))
        elif kept and kept[-1].kind == "text":
            kept[-1] = Piece("text", kept[-1].text.rstrip())
        return kept, True
    return kept, False


def preview(text: str, network: str, link: str) -> Preview:
    """TEXT as NETWORK shows it, with the host its link card names."""
    look = LOOKS.get(network, PLAIN)
    shown, folded = pieces(text), False
    if look.fold is not None:
        shown, folded = before_fold(shown, look.fold)
    host = (urlsplit(link).hostname or "").removeprefix("www.")
    return Preview(tuple(shown), look.more if folded else "", look.card_ratio, host)
