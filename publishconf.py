"""Settings for the published site: absolute URLs, feeds and a sitemap."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403
from pelicanconf import PLUGINS, SITE_ADDRESS

# The environment's SITEURL wins over site.yml's url for one run.
SITEURL = (os.environ.get("SITEURL", "").strip() or SITE_ADDRESS).rstrip("/")
if not SITEURL:
    sys.exit(
        "SITEURL is not set: put your site's address in site.yml (url: https://www.example.com)"
        " or set it for one run, for example SITEURL=https://www.example.com invoke publish"
    )
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL

PLUGINS = [*PLUGINS, "sitemap"]
# Short links (s/) are for posts: they forward, and never belong in search results. The
# sitemap plugin searches each address for these patterns anywhere, so each is anchored at the
# start (a bare "s/" would leave out every article whose address ends in s, /dried-beans/).
SITEMAP = {
    "format": "xml",
    "exclude": ["^share/", "^s/", "^drafts/", r"^404\.html", "^search/", "^email/"],
}

DELETE_OUTPUT_DIRECTORY = True

# An example address, or the sample site's own, in a form or call to action stops publishing.
HUB_PLACEHOLDERS = "error"

# Drafts never leave the machine; a future-dated article waits until its date has passed
# (Pelican treats it as a draft until then).
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_LANG_URL = ""
