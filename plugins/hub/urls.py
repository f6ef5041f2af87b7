"""Absolute URLs for a build: SITEURL when published, the preview address otherwise."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_PREVIEW_SITEURL = "http://127.0.0.1:8000"


def site_origin(settings: dict[str, Any]) -> str:
    """Return the site's absolute base URL, without a trailing slash."""
    base = settings.get("SITEURL") or settings.get("PREVIEW_SITEURL") or DEFAULT_PREVIEW_SITEURL
    return base.rstrip("/")


def absolute_url(settings: dict[str, Any], path: str, fragment: str = "") -> str:
    """Join a site-relative path (like an article's url) to the site's base URL."""
    url = urljoin(site_origin(settings) + "/", path.lstrip("/"))
    if fragment:
        url = f"{url}#{fragment}"
    return url


def with_query(url: str, params: dict[str, str]) -> str:
    """Add query parameters to a URL, keeping its existing query and its fragment."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query.extend(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))
