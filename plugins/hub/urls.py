"""Absolute URLs for a build: SITEURL when published, the preview address otherwise."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_PREVIEW_SITEURL = "http://127.0.0.1:8000"
# Stands in for the query while a URL is cut in two; a URL holding it takes the slow path.
_QUERY_MARK = "\x00"


def site_origin(settings: dict[str, Any]) -> str:
    """Return the site's absolute base URL, without a trailing slash."""
    base = settings.get("SITEURL") or settings.get("PREVIEW_SITEURL") or DEFAULT_PREVIEW_SITEURL
    return base.rstrip("/")


def absolute_url(settings: dict[str, Any], path: str, fragment: str = "") -> str:
    """Join a site-relative path (like an article's url) to the site's base URL."""
    url = _joined(site_origin(settings) + "/", path.lstrip("/"))
    if fragment:
        url = f"{url}#{fragment}"
    return url


@lru_cache(maxsize=256)
def _joined(base: str, path: str) -> str:
    """urljoin(BASE, PATH), remembered: several plugins join each article's address."""
    return urljoin(base, path)


def with_query(url: str, params: dict[str, str]) -> str:
    """Add query parameters to a URL, keeping its existing query and its fragment."""
    if not params or _QUERY_MARK in url:
        return _rebuilt(url, params)
    # The same article link is tagged for every network and snippet: cut it up once.
    before, after, existing = _cut(url)
    pairs = [pair for key, pair in existing if key not in params]
    pairs += [_pair(key, value) for key, value in params.items()]
    return f"{before}?{'&'.join(pairs)}{after}"


def _rebuilt(url: str, params: dict[str, str]) -> str:
    """with_query the plain way: split, merge the queries, encode, join."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query.extend(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


@lru_cache(maxsize=256)
def _cut(url: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """URL as urlunsplit writes it before and after the query, and its own pairs, encoded."""
    parts = urlsplit(url)
    before, after = urlunsplit(parts._replace(query=_QUERY_MARK)).split(f"?{_QUERY_MARK}")
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    return before, after, tuple((key, _pair(key, value)) for key, value in pairs)


def _pair(key: Any, value: Any) -> str:
    """key=value as urlencode writes it; urlencode joins its pairs with '&'."""
    if type(key) is str and type(value) is str:
        return _text_pair(key, value)
    return urlencode([(key, value)])


@lru_cache(maxsize=256)
def _text_pair(key: str, value: str) -> str:
    """urlencode of one pair, remembered: most tags repeat for every network and article."""
    return urlencode([(key, value)])
