"""The `_headers` file for Netlify and Cloudflare Pages: a Content-Security-Policy and friends."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

# The theme loads its own CSS, JS, images and icons, and nothing inline: 'self' covers it.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
}


def origin_of(url: str) -> str:
    """'https://a.example/x?y' -> 'https://a.example'; '' for anything that is not http(s)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def _sources(origins: Iterable[str]) -> list[str]:
    """The distinct origins of URLS, sorted so the policy is the same on every build."""
    return sorted({origin for url in origins if (origin := origin_of(url))})


def content_security_policy(
    form_actions: Iterable[str] = (),
    comment_origins: Iterable[str] = (),
    analytics_origins: Iterable[str] = (),
    *,
    search: bool = False,
) -> str:
    """The policy for a site that loads only its own files, plus forms, a comment provider and
    the analytics service the writer switched on."""
    comments = _sources(comment_origins)
    counting = _sources(analytics_origins)
    # Pagefind's search runs as WebAssembly, which a policy must allow by name, and its
    # stylesheet draws its icons as data: pictures.
    wasm = ["'wasm-unsafe-eval'"] if search else []
    icons = ["data:"] if search else []
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *wasm, *_sources([*comment_origins, *analytics_origins])],
        # Comment widgets (Isso, Disqus) inject <style> elements once the reader asks for them;
        # without comments the site itself needs no inline style at all.
        "style-src": ["'self'", *comments, "'unsafe-inline'"] if comments else ["'self'"],
        # GoatCounter's script may count with an image; every service posts its counts.
        "img-src": ["'self'", *icons, *counting],
        "font-src": ["'self'"],
        "connect-src": ["'self'", *_sources([*comment_origins, *analytics_origins])],
        # Frames only ever come from the comment provider, after the reader's click.
        "frame-src": comments or ["'none'"],
        "form-action": ["'self'", *_sources(form_actions)],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def headers_file(policy: str) -> str:
    """The `_headers` text: every path gets the policy and the security headers."""
    headers = {"Content-Security-Policy": policy, **SECURITY_HEADERS}
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
