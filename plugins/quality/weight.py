"""Page weight read from the built files: what a page loads before the reader interacts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Resources whose bytes count towards the budget; images and icons count as requests only.
CODE_KINDS = {"html", "css", "js"}
_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""", re.I)
_FONT_FACE = re.compile(r"@font-face\s*{[^}]*?url\(\s*[\"']?([^\"')]+)", re.I | re.S)


@dataclass(frozen=True)
class Resource:
    """One request a page makes on load: its URL (resolved against the page) and kind."""

    url: str
    kind: str


def _link_kind(rel: set[str], declared: str) -> str | None:
    if "stylesheet" in rel:
        return "css"
    if rel & {"preload", "modulepreload"}:
        return {"style": "css", "script": "js", "font": "font"}.get(declared, "js")
    if "icon" in rel:
        return "icon"
    return None


def html_resources(html: str, page_url: str) -> list[Resource]:
    """The requests a page's HTML triggers on load (a browser fetches one icon of several)."""
    soup = BeautifulSoup(html, "html.parser")
    found = [Resource(page_url, "html")]
    for link in soup.find_all("link", href=True):
        rel = {value.lower() for value in link.get("rel", [])}
        kind = _link_kind(rel, link.get("as", ""))
        if kind and not (kind == "icon" and any(item.kind == "icon" for item in found)):
            found.append(Resource(urljoin(page_url, link["href"]), kind))
    for script in soup.find_all("script", src=True):
        found.append(Resource(urljoin(page_url, script["src"]), "js"))
    for frame in soup.find_all("iframe", src=True):
        found.append(Resource(urljoin(page_url, frame["src"]), "html"))
    for image in soup.find_all("img", src=True):
        if image.get("loading", "").lower() != "lazy":
            found.append(Resource(urljoin(page_url, image["src"]), "image"))
    if not any(item.kind == "icon" for item in found):
        # With no icon declared, browsers ask for /favicon.ico anyway.
        found.append(Resource(urljoin(page_url, "/favicon.ico"), "icon"))
    return found


def css_resources(css: str, css_url: str) -> list[Resource]:
    """The requests a stylesheet adds: its @imports and its web fonts."""
    imports = [Resource(urljoin(css_url, url), "css") for url in _IMPORT.findall(css)]
    fonts = [Resource(urljoin(css_url, url), "font") for url in _FONT_FACE.findall(css)]
    return imports + fonts


def local_file(root: Path, url: str, origin: str) -> Path | None:
    """The built file a same-site URL serves (folders serve index.html), else None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    relative = PurePosixPath(unquote(parts.path).lstrip("/"))
    target = root.joinpath(*relative.parts)
    return target / "index.html" if target.is_dir() else target


@dataclass(frozen=True)
class PageWeight:
    """Requests on load, each with its size in bytes (uncompressed; None when not built)."""

    resources: tuple[Resource, ...]
    sizes: tuple[int | None, ...]

    @property
    def requests(self) -> int:
        """How many requests the page makes on load."""
        return len(self.resources)

    @property
    def code_bytes(self) -> int:
        """Bytes of HTML, CSS and JS: what the budget counts (images and icons aside)."""
        pairs = zip(self.resources, self.sizes, strict=True)
        return sum(size or 0 for resource, size in pairs if resource.kind in CODE_KINDS)

    @property
    def missing(self) -> tuple[str, ...]:
        """Resources that are not files of the built site (third-party or broken)."""
        pairs = zip(self.resources, self.sizes, strict=True)
        return tuple(resource.url for resource, size in pairs if size is None)

    def describe(self) -> str:
        """One line per request, for a failing test or a report."""
        pairs = zip(self.resources, self.sizes, strict=True)
        return "; ".join(f"{r.kind} {r.url} {size} B" for r, size in pairs)


def page_weight(root: Path, relative: str, origin: str = "http://127.0.0.1:8000") -> PageWeight:
    """Weigh the built page at RELATIVE (under ROOT) as a browser at ORIGIN would load it."""
    page_url = urljoin(origin + "/", relative)
    page_file = root / relative
    if page_file.is_dir():
        page_file = page_file / "index.html"
    resources = html_resources(page_file.read_text(encoding="utf-8"), page_url)
    files = [local_file(root, resource.url, origin) for resource in resources]
    for resource, path in zip(list(resources), list(files), strict=True):
        if resource.kind == "css" and path and path.is_file():
            added = css_resources(path.read_text(encoding="utf-8"), resource.url)
            resources += added
            files += [local_file(root, item.url, origin) for item in added]
    sizes = tuple(path.stat().st_size if path and path.is_file() else None for path in files)
    return PageWeight(tuple(resources), sizes)
