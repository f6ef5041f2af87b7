"""Settings for building and previewing the hub; publishconf.py builds on them."""

import sys
from pathlib import Path

# Pelican imports each plugin by path; their shared helpers (plugins/hub) need the folder on
# the import path too.
_PLUGINS_DIR = str(Path(__file__).resolve().parent / "plugins")
if _PLUGINS_DIR not in sys.path:
    sys.path.insert(0, _PLUGINS_DIR)

AUTHOR = "Larder Lane"
SITENAME = "Larder Lane"
SITE_TAGLINE = "Helpful things to do with good food"
SITE_DESCRIPTION = (
    "Practical ideas from an independent grocer and refill shop in Millbrook:"
    " cooking from the cupboard, eating with the seasons and a lower-waste home."
)
# Empty while previewing: links stay root-relative so any local port works.
SITEURL = ""
# Where previews are served; absolute links (canonical, social posts) use it until SITEURL is set.
PREVIEW_SITEURL = "http://127.0.0.1:8000"

PATH = "content"
# Articles may live anywhere in the content folder (content/articles/ by convention).
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

THEME = "theme"
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

PLUGIN_PATHS = [_PLUGINS_DIR]
# Order is the contract (plugins/README.md): metadata first, then what reads it.
PLUGINS = [
    "writer_metadata",
    "things",
    "conversation",
    "share_snippets",
    "link_previews",
    "nurture",
    "search",
    "feeds",
    "digest",
    "site_files",
]

# Clean addresses: every article and page is a folder.
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "topics/{slug}/"
CATEGORY_SAVE_AS = "topics/{slug}/index.html"
CATEGORIES_URL = "topics/"
CATEGORIES_SAVE_AS = "topics/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
ARCHIVES_URL = "archive/"
ARCHIVES_SAVE_AS = "archive/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "404", "robots"]
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None}
DEFAULT_PAGINATION = False
ROBOTS_SAVE_AS = "robots.txt"

# Atom feeds in every build, previews too: the feeds plugin makes every link in them absolute
# (SITEURL, or PREVIEW_SITEURL while previewing). FEED_DOMAIN only quiets Pelican's warning.
FEED_DOMAIN = PREVIEW_SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
# The newest articles only: feed readers check often, and a whole archive of full texts is heavy.
FEED_MAX_ITEMS = 20
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MENU_PAGES = ["about", "ask"]
STAGE_LABELS = {"learn": "Getting started", "try": "Try it", "decide": "Deciding"}

# Conversation: questions and comments at the end of every article (plugins/README.md).
CONVERSATION_EMAIL = "hello@larderlane.example"
# Paste your form service's address (Formspree, Basin, Getform or Staticman) to show a form;
# empty, readers are offered an email with the article's title and address filled in.
CONVERSATION_FORM_ENDPOINT = ""
# Live comments: none, isso, giscus, utterances, remark42, cusdis or disqus.
CONVERSATION_PROVIDER = "none"

# Share snippets: ready-made social posts and the share kit in output/share/ (plugins/README.md).
# Weekly posting times for the suggested plan, in TIMEZONE.
SHARE_SLOTS = ("tue 09:30", "thu 12:30", "sat 10:00")
# The share kit is for the team: `invoke publish` leaves output/share/ out unless this is True.
SHARE_KIT_PUBLISH = False
