"""Short links on the site's own domain: a stable code per post and the page it forwards from."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import escape

from hub.background import FileWriter

from .compose import ArticleData, Snippet, drafts, tidy

SHORT_FOLDER = "s"
# The site settings a short page shows.
SITE_SETTINGS = ("SITENAME", "DEFAULT_LANG", "LINK_PREVIEWS_FEDIVERSE_CREATOR")
CODE_LENGTH = 8
_ALPHABET_FIX = str.maketrans("", "", "=")


def _code(key: str) -> str:
    """Eight letters and digits drawn from KEY's hash (lowercase base32)."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").translate(_ALPHABET_FIX).lower()[:CODE_LENGTH]


def short_codes(posts: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A code for each (article slug, post id): the same every build, never two alike.

    A code comes from the post's own names, so it stays put while other articles come and go;
    in the rare clash, the post whose names sort later draws again with a counter.
    """
    codes: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for slug, post in sorted(set(posts)):
        key, attempt = f"{slug}\n{post}", 0
        code = _code(key)
        while code in taken:
            attempt += 1
            code = _code(f"{key}\n{attempt}")
        taken.add(code)
        codes[slug, post] = code
    return codes


class Preview(NamedTuple):
    """What one post's short page shows a network's link preview, and where it points."""

    title: str
    description: str
    canonical: str
    fragment: str


def previews(article: ArticleData) -> dict[str, Preview]:
    """Each post kind's preview: a thing previews as that thing, the rest as the article."""
    things = {f"thing-{number}": (title, teaser) for number, title, teaser, _ in article.things}
    found = {}
    for draft in drafts(article):
        if draft.kind in things:
            title, teaser = (tidy(text) for text in things[draft.kind])
            shown = (title, teaser or tidy(article.summary))
        elif draft.kind == "intro":
            shown = (tidy(article.title), tidy(article.summary))
        else:
            shown = (str(draft.fields["question"]), tidy(article.title))
        found[draft.kind] = Preview(*shown, article.links[draft.fragment], draft.fragment)
    return found


# Stand-ins for the two values every page of one kind differs by: characters no address holds
# and HTML escaping leaves alone, put back escaped after one render a kind.
_LINK, _TARGET = "\x00short-url\x00", "\x00target\x00"


class ShortLinkPages:
    """Writes each post's short page (SITEURL/s/<code>/index.html) with its own preview meta.

    Thousands of tiny pages: each is rendered from the theme's template with only what it
    shows and written straight to its file, not through Pelican's writer (which renders with
    the whole site's context and announces every file). The pages of one post kind differ
    only by their short link and target, which the template shows as escaped text: the kind is
    rendered once with stand-ins, and each page puts its own escaped values in their place.
    The first page of each build is also rendered in full; if the two differ (a theme that
    shows those values otherwise), every page is rendered in full.
    """

    def __init__(self, generator: Any, files: FileWriter) -> None:
        self.output = Path(generator.output_path)
        self.template = generator.get_template("short_link")
        settings = generator.settings
        self.site = {name: settings.get(name, "") for name in SITE_SETTINGS}
        self.files = files
        self.substitute: bool | None = None

    def render(self, preview: Preview, image: Any, link: str, target: str, lang: str) -> str:
        """One page, rendered in full, in LANG."""
        return self.template.render(
            **self.site, short=preview, short_url=link, target=target, image=image, lang=lang
        )

    def write(self, article: Any, data: ArticleData, snippets: Iterable[Snippet]) -> None:
        """One page per short link among SNIPPETS of ARTICLE."""
        shown = previews(data)
        # link_previews' published pictures: a card per thing, else the article's own.
        things = getattr(article, "thing_images", None) or {}
        image = getattr(article, "social_image", None)
        frames: dict[str, str] = {}
        # A translation's post previews in its language (Pelican's article.lang).
        lang = getattr(article, "lang", None) or self.site.get("DEFAULT_LANG")
        for snippet in snippets:
            if not snippet.target:
                continue
            code = snippet.link.rstrip("/").rsplit("/", 1)[-1]
            preview = shown[snippet.kind]
            picture = things.get(preview.fragment) or image
            if self.substitute is False or _LINK in snippet.link or _TARGET in snippet.target:
                page = self.render(preview, picture, snippet.link, snippet.target, lang)
            else:
                if snippet.kind not in frames:
                    frames[snippet.kind] = self.render(preview, picture, _LINK, _TARGET, lang)
                page = (
                    frames[snippet.kind]
                    .replace(_LINK, str(escape(snippet.link)))
                    .replace(_TARGET, str(escape(snippet.target)))
                )
                if self.substitute is None:
                    whole = self.render(preview, picture, snippet.link, snippet.target, lang)
                    self.substitute = page == whole
                    page = whole
            target = self.output / SHORT_FOLDER / code / "index.html"
            self.files.write(target, page.encode("utf-8"))
