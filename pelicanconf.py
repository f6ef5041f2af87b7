"""Settings for building and previewing the hub; publishconf.py builds on them."""

import os
import sys
from pathlib import Path

# Pelican imports each plugin by path; their shared helpers (plugins/hub) need the folder on
# the import path too.
_PLUGINS_DIR = str(Path(__file__).resolve().parent / "plugins")
if _PLUGINS_DIR not in sys.path:
    sys.path.insert(0, _PLUGINS_DIR)

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
# Pelican's own date text; the theme writes dates with `local_date`, in the page's language.
DEFAULT_DATE_FORMAT = "%-d %B %Y"

THEME = "theme"
# The i18n extension gives templates `_()` and `{% trans %}`; plugins/language fills them.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": ["jinja2.ext.i18n"],
}

PLUGIN_PATHS = [_PLUGINS_DIR]
# Order is the contract (plugins/README.md): metadata first, then what reads it.
PLUGINS = [
    "language",
    "writer_metadata",
    "things",
    "conversation",
    "share_snippets",
    "link_previews",
    "feature_images",
    "nurture",
    "results",
    "analytics",
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
# A translation (same Slug, another Lang) lives under its language: /fr/dried-beans/. The
# language codes are reserved slugs (writer_metadata), so no article takes their folder.
ARTICLE_LANG_URL = "{lang}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = "drafts/{lang}/{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
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
# One feed per language too (feeds/fr.atom.xml); feeds/all.atom.xml lists every language.
TRANSLATION_FEED_ATOM = "feeds/{lang}.atom.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MENU_PAGES = ["about", "ask"]
STAGE_LABELS = {"learn": "Getting started", "try": "Try it", "decide": "Deciding"}

# Conversation (questions and comments), share snippets (social posts, the share kit),
# publishing and counting visits: what a writer chooses (the email, form, comment provider,
# networks, posting times, where to publish, analytics) comes from site.yml.

# --- The writer's settings: site.yml ----------------------------------------------------------
# Name, tagline, email, language, time zone, colours, logo, networks, posting times, form,
# comments, publishing and analytics live in site.yml, checked by hub/site_file.py; its values
# win over those above.
# HUB_SITE_FILE names another file instead (the tests build with their own).
from hub import site_file as _site_file  # noqa: E402

try:
    globals().update(_site_file.load(_site_file.site_file_path(Path(__file__).parent, os.environ)))
except _site_file.SiteFileError as _problem:
    # One line, no traceback, under plain `pelican` too (it prints a traceback for errors).
    raise SystemExit(str(_problem)) from None
# --- end of the writer's settings -------------------------------------------------------------
