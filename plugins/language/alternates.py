"""A page's translations as the links a reader and a search engine follow (pure)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from hub import i18n


class Alternate(NamedTuple):
    """One language version of a page: its code, its name in itself, its absolute address."""

    lang: str
    name: str  # "Français": what a reader of that language recognises
    url: str
    path: str  # the address inside the site, for links that work on any preview port
    current: bool  # the page being shown
    default: bool  # in the site's language: the x-default for search engines


def own_name(lang: str) -> str:
    """LANG's name in LANG, capitalised as a label ('fr' -> 'Français')."""
    name = i18n.locale(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def alternates(
    current: tuple[str, str],
    others: Iterable[tuple[str, str]],
    default_lang: str,
    absolute: Callable[[str], str],
) -> tuple[Alternate, ...]:
    """Every version of a page, (lang, url) pairs in, the site's language first; none alone."""
    versions = [(current, True), *((other, False) for other in others)]
    if len(versions) < 2:
        return ()
    found = [
        Alternate(lang, own_name(lang), absolute(url), url, is_current, lang == default_lang)
        for (lang, url), is_current in versions
    ]
    return tuple(sorted(found, key=lambda version: (not version.default, version.lang)))
