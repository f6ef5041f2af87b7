"""Make a Pelican feed's links absolute, so feed readers and tools can follow every one."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from feedgenerator import get_tag_uri

# Characters XML 1.0 cannot hold (the C0 controls but tab and line breaks): feedgenerator
# refuses to write a feed that has one, so the feed goes without them.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Attributes in article HTML that hold an address.
URL_ATTRIBUTES = {"a": "href", "img": "src", "source": "src", "video": "src", "audio": "src"}


def absolute_html(html: str | None, base: str) -> str | None:
    """HTML with every link and picture address resolved against BASE."""
    # Most articles link nowhere: no need to read them.
    if not html or ("href=" not in html and "src=" not in html):
        return html
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for name, attribute in URL_ATTRIBUTES.items():
        for element in soup.find_all(name):
            value = element.get(attribute)
            if value and not value.startswith(("mailto:", "tel:", "data:")):
                absolute = urljoin(base, value.strip())
                if absolute != value:
                    element[attribute] = absolute
                    changed = True
    return str(soup) if changed else html


def make_absolute(feed: Any, origin: str) -> None:
    """Point the feed, its items and everything inside them at ORIGIN (no trailing slash)."""
    home = f"{origin}/"
    info = feed.feed
    info["link"] = urljoin(home, info["link"])
    info["id"] = urljoin(home, info.get("id") or info["link"])
    if info.get("feed_url"):
        info["feed_url"] = urljoin(home, info["feed_url"])
    for item in feed.items:
        link = urljoin(home, item["link"])
        if link != item["link"]:
            item["link"] = link
            # The id Pelican made from a relative link names no site; feed watchers
            # de-duplicate by it, so it is made from the absolute link, the same every build.
            item["unique_id"] = get_tag_uri(link, item["pubdate"])
        item["content"] = absolute_html(item.get("content"), link)
        item["description"] = absolute_html(item.get("description"), link)


def xml_safe(feed: Any) -> None:
    """Drop from every text of FEED the characters XML cannot hold (a stray control character
    in an article's text would otherwise stop the whole build)."""
    for fields in (feed.feed, *feed.items):
        for key, value in fields.items():
            if isinstance(value, str) and NOT_IN_XML.search(value):
                fields[key] = NOT_IN_XML.sub("", value)
