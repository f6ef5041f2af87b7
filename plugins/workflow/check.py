"""Check a built site as readers and search engines meet it: files in, problems out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Attributes that make the browser fetch or follow something, per element.
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "form": "action",
}
SNIPPETS_JSON = "share/snippets.json"


@dataclass(frozen=True)
class Problem:
    """One thing to fix, on one page."""

    page: str
    text: str

    def __str__(self) -> str:
        return f"{self.page}: {self.text}"


@dataclass
class Page:
    """What the check needs from one built HTML page, read once."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Where a forwarding page (a post's short link) sends the reader; "" for other pages.
    forwards: str = ""


@dataclass
class SiteCheck:
    """The outcome: every problem, and how much was looked at."""

    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    links: int = 0
    snippets: int = 0
    # Where the site's forms post to, absolute: the Content-Security-Policy must allow them.
    form_actions: set[str] = field(default_factory=set)


def read_page(html: str) -> Page:
    """Collect a page's ids and links, and what is missing from its head and images."""
    soup = BeautifulSoup(html, "html.parser")
    page = Page()
    for element in soup.find_all(True):
        if element.get("id"):
            page.ids.add(element["id"])
        if element.name == "a" and element.get("name"):
            page.ids.add(element["name"])
        attribute = LINK_ATTRIBUTES.get(element.name)
        if attribute and element.get(attribute):
            page.links.append(element[attribute].strip())
            if element.name == "form":
                page.forms.append(element[attribute].strip())
        if element.name == "img" and not decorative(element) and not element.get("alt", "").strip():
            page.problems.append(
                f"image '{element.get('src', '')}' has no alt text;"
                " describe it in the brackets of ![...](...)"
            )
    page.problems += missing_head(soup)
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    if refresh:
        page.forwards = refresh.get("content", "").partition("url=")[2].strip()
    return page


def decorative(image: Any) -> bool:
    """True for an image marked as decoration, which needs no alt text."""
    return image.get("role") == "presentation" or image.get("aria-hidden") == "true"


def missing_head(soup: BeautifulSoup) -> list[str]:
    """What a page lacks of a title, a meta description and (when indexed) a canonical link."""
    problems = []
    if not (soup.title and soup.title.get_text(strip=True)):
        problems.append("the page has no <title>; give it a Title")
    description = soup.find("meta", attrs={"name": "description"})
    if not (description and description.get("content", "").strip()):
        problems.append("the page has no meta description; give it a Summary")
    robots = soup.find("meta", attrs={"name": "robots"})
    indexed = not (robots and "noindex" in robots.get("content", ""))
    if indexed and not soup.find("link", rel="canonical", href=True):
        problems.append("the page has no canonical link; its template should add one")
    return problems


def page_url(relative: str) -> str:
    """The address a built file is served at ('a/index.html' -> '/a/')."""
    path = "/" + relative
    return path.removesuffix("index.html")


def internal_target(url: str, base: str, origin: str) -> tuple[str, str] | None:
    """Return (file path inside the site, fragment) for a link into the site, else None."""
    site = urlsplit(origin)
    parts = urlsplit(urljoin(base, url))
    if parts.scheme not in ("http", "https") or parts.netloc != site.netloc:
        return None
    prefix = site.path.rstrip("/")
    path = unquote(parts.path)
    if prefix and not path.startswith(prefix + "/"):
        return None
    path = path[len(prefix) :].lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, unquote(parts.fragment)


def resolve(path: str, files: set[str]) -> str | None:
    """The built file a path serves, as a static host would (folders serve index.html)."""
    if path in files:
        return path
    folder_index = f"{path}/index.html"
    return folder_index if folder_index in files else None


def link_problem(
    url: str, base: str, origin: str, files: set[str], pages: dict[str, Page]
) -> str | None:
    """Why an internal link fails (no file, or no element with its fragment), else None."""
    target = internal_target(url, base, origin)
    if target is None:
        return None
    path, fragment = target
    found = resolve(path, files)
    if found is None:
        return f"link '{url}' leads nowhere (no {path} in the site); fix or remove it"
    if fragment and found in pages and fragment not in pages[found].ids:
        return f"link '{url}' points to #{fragment}, which is not on {page_url(found)}"
    return None


def forwarded(url: str, origin: str, files: set[str], pages: dict[str, Page]) -> str:
    """Where the built page URL opens forwards the reader, or "" when it does not forward."""
    target = internal_target(url, origin + "/", origin)
    found = resolve(target[0], files) if target else None
    return pages[found].forwards if found in pages else ""


def site_files(folder: Path) -> set[str]:
    """Every file in the built site, as a path relative to it with forward slashes."""
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def check_site(folder: Path, origin: str, sources: dict[str, str] | None = None) -> SiteCheck:
    """Check every page's links, images and head, then the share kit's snippets."""
    sources = sources or {}
    files = site_files(folder)
    pages = {
        relative: read_page((folder / relative).read_text(encoding="utf-8"))
        for relative in sorted(files)
        if relative.endswith(".html")
    }
    result = SiteCheck(pages=len(pages))
    for relative, page in pages.items():
        name = page_url(relative)
        if relative in sources:
            name = f"{sources[relative]} ({name})"
        base = origin.rstrip("/") + page_url(relative)
        result.problems += [Problem(name, text) for text in page.problems]
        result.links += len(page.links)
        result.form_actions.update(urljoin(base, action) for action in page.forms)
        for url in page.links:
            if problem := link_problem(url, base, origin, files, pages):
                result.problems.append(Problem(name, problem))
    if SNIPPETS_JSON in files:
        snippets = load_snippets((folder / SNIPPETS_JSON).read_text(encoding="utf-8"))
        result.snippets = len(snippets)
        result.problems += snippet_problems(snippets, origin, files, pages)
    return result


def load_snippets(text: str) -> list[dict[str, Any]]:
    """The share kit's snippets, each with the slug of its article when the kit groups them."""
    data = json.loads(text)
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    if "articles" in data:
        return [
            {"article": article.get("slug", ""), **snippet}
            for article in data["articles"]
            for snippet in article.get("snippets", [])
        ]
    return list(data.get("snippets", []))


def snippet_problems(
    snippets: Iterable[dict[str, Any]], origin: str, files: set[str], pages: dict[str, Page]
) -> Iterator[Problem]:
    """Each snippet must fit its network's limit and link to a built page and anchor."""
    for snippet in snippets:
        name = " ".join(filter(None, (SNIPPETS_JSON, snippet.get("article"), snippet.get("id"))))
        length, limit = snippet.get("length"), snippet.get("limit")
        if isinstance(length, int) and isinstance(limit, int) and length > limit:
            yield Problem(
                name,
                f"{length} characters is over the {snippet.get('network', '')} limit of {limit};"
                " shorten the article's Share line or Summary",
            )
        link = snippet.get("link") or ""
        # The query (UTM tags) does not change which page a link opens.
        bare = urlsplit(link)._replace(query="").geturl()
        if internal_target(bare, origin + "/", origin) is None:
            yield Problem(name, f"link '{link}' is not an address on this site ({origin})")
        elif problem := link_problem(bare, origin + "/", origin, files, pages):
            yield Problem(name, problem)
        elif forwards := forwarded(bare, origin, files, pages):
            # A short link: the address it forwards to must open the right page and section.
            target = urlsplit(forwards)._replace(query="").geturl()
            if problem := link_problem(target, origin + "/", origin, files, pages):
                yield Problem(name, f"short link '{link}' forwards to a missing page: {problem}")
