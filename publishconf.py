"""Settings for the published site: absolute URLs, feeds and a sitemap."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403
from pelicanconf import PLUGINS

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    sys.exit(
        "SITEURL is not set: set it to your site's address before publishing,"
        " for example SITEURL=https://www.example.com invoke publish"
    )
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL

PLUGINS = [*PLUGINS, "sitemap"]
SITEMAP = {"format": "xml", "exclude": ["share/", "drafts/", "404.html", "search/", "email/"]}

DELETE_OUTPUT_DIRECTORY = True

# Drafts never leave the machine; a future-dated article waits until its date has passed
# (Pelican treats it as a draft until then).
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
