"""Bare Pelican for the build benchmark: no plugins, the default theme, no feeds, the hub's URLs."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import pelicanconf as hub

# Same addresses as the hub, so both builds write the same pages.
globals().update(
    {key: value for key, value in vars(hub).items() if key.endswith(("_URL", "_SAVE_AS"))}
)

SITENAME = hub.SITENAME
AUTHOR = hub.AUTHOR
SITEURL = ""
TIMEZONE = hub.TIMEZONE
DEFAULT_LANG = hub.DEFAULT_LANG
ARTICLE_PATHS = hub.ARTICLE_PATHS
ARTICLE_EXCLUDES = hub.ARTICLE_EXCLUDES
PAGE_PATHS = hub.PAGE_PATHS
STATIC_PATHS = hub.STATIC_PATHS

# Explicit: left unset, Pelican would load every installed namespace plugin.
PLUGINS = []

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
