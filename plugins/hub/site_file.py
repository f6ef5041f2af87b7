"""The writer's settings file, site.yml: read, check every value, and map it onto settings."""

from __future__ import annotations

import difflib
import importlib
import json
import re
import textwrap
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from hub.i18n import LANGUAGES, locale
from hub.yaml_text import yaml_problem

FILE_NAME = "site.yml"
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".webp", ".svg")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


class SiteFileError(ValueError):
    """A mistake in site.yml, as one line that names the file, the key and what is allowed."""


def _text(value: Any) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValueError("write it as plain text on one line")
    return " ".join(str(value).split())


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text:
        raise ValueError("it cannot be empty")
    return text


def _email(value: Any) -> str:
    text = _text(value)
    if text and not _EMAIL.fullmatch(text):
        raise ValueError(f"'{text}' is not an email address like hello@example.com")
    return text


def _address(value: Any) -> str:
    text = _text(value).rstrip("/")
    parts = urlsplit(text)
    if text and (parts.scheme not in ("http", "https") or not parts.netloc or " " in text):
        raise ValueError(f"'{text}' is not a web address like https://www.example.com")
    return text


def _language(value: Any) -> str:
    text = _text(value).lower()
    if text not in LANGUAGES:
        names = ", ".join(f"{code} ({locale(code).english_name})" for code in LANGUAGES)
        raise ValueError(f"'{text}' is not one of the hub's languages; use one of {names}")
    return text


def _timezone(value: Any) -> str:
    text = _text(value)
    if text not in zoneinfo.available_timezones():
        close = difflib.get_close_matches(text, sorted(zoneinfo.available_timezones()), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "e.g. Europe/London or America/Toronto"
        raise ValueError(f"'{text}' is not a time zone; {hint}")
    return text


def _colour(value: Any) -> str:
    text = _text(value)
    if not _COLOUR.fullmatch(text):
        raise ValueError(f"'{text}' is not a colour like '#1d4d2b' (# and six hex digits, quoted)")
    return text.lower()


def _optional_colour(value: Any) -> str:
    return _colour(value) if _text(value) else ""


def _logo(value: Any) -> str:
    text = _text(value).removeprefix("/")
    if text and (not text.startswith("images/") or not text.lower().endswith(LOGO_TYPES)):
        raise ValueError(
            f"'{text}' is not a logo file in content/images/ like images/logo.png"
            f" ({', '.join(LOGO_TYPES)})"
        )
    return text


def _words(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        raise ValueError("write it as a list like [x, bluesky]")
    return [_text(item) for item in value if _text(item)]


def _networks(value: Any) -> tuple[str, ...]:
    from share_snippets.networks import NETWORKS

    names = [name.lower() for name in _words(value)]
    if unknown := [name for name in names if name not in NETWORKS]:
        raise ValueError(f"'{unknown[0]}' is not a network; use some of {', '.join(NETWORKS)}")
    return tuple(names)


def _slots(value: Any) -> tuple[str, ...]:
    from share_snippets.schedule import parse_slot

    slots = _words(value)
    for slot in slots:
        parse_slot(slot)
    if not slots:
        raise ValueError("give at least one weekly posting time like 'tue 09:30'")
    return tuple(slots)


def _stage_labels(value: Any) -> dict[str, str]:
    from writer_metadata.fields import STAGES

    if isinstance(value, str) and not value.strip():
        return {}
    if not isinstance(value, dict):
        raise ValueError('write it like {learn: "New here?", try: "Try it at home"}, or {}')
    if unknown := [str(stage) for stage in value if stage not in STAGES]:
        raise ValueError(f"'{unknown[0]}' is not a stage; use some of {', '.join(STAGES)}")
    return {stage: words for stage, label in value.items() if (words := _text(label or ""))}


def _comments(value: Any) -> str:
    from conversation.providers import PROVIDER_CHOICES

    text = _text(value).lower() or "none"
    if text not in PROVIDER_CHOICES:
        raise ValueError(f"'{text}' is not one of {', '.join(PROVIDER_CHOICES)}")
    return text


def _choice(choices: Callable[[], tuple[str, ...]]) -> Callable[[Any], str]:
    """A check that the value is one of CHOICES (read from the plugin that uses them)."""

    def check(value: Any) -> str:
        text = _text(value).lower()
        if text not in choices():
            raise ValueError(f"'{text}' is not one of {', '.join(choices())}")
        return text

    return check


def _publish_targets() -> tuple[str, ...]:
    from workflow.publish import TARGETS

    return TARGETS


def _analytics_services() -> tuple[str, ...]:
    from analytics.settings import SERVICES

    return SERVICES


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"write true or false, not '{value}'")
    return value


def _number(value: Any) -> int | float:
    # Its range is the plugin's to check (below, in check()), in the words of site.yml.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"'{value}' is not a number")
    return value


def _wordings(value: Any) -> dict[str, tuple[str, ...]]:
    # Which kinds and fields are allowed is the share plugin's to say (below, in check()).
    if value == "" or value == {}:
        return {}
    example = 'e.g. post_wordings: {thing: "Tip {number} of {count}: {title}. {teaser}"}'
    if not isinstance(value, dict):
        raise ValueError(f"write each kind of post and its wordings, {example}")
    wordings = {}
    for kind, texts in value.items():
        texts = [texts] if isinstance(texts, str) else texts
        if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
            raise ValueError(f"{kind}: write one wording in quotes, or a list of them; {example}")
        wordings[str(kind)] = tuple(texts)
    return wordings


def _options(value: Any) -> dict[str, str]:
    # Which options a provider needs is the conversation plugin's to say (below, in check()).
    if value == "" or value is None:
        return {}
    if not isinstance(value, dict) or any(isinstance(v, list | dict) for v in value.values()):
        raise ValueError("write each option as name: value, e.g. {repo: me/site}")
    return {str(name): str(option) for name, option in value.items()}


def _provider_settings() -> tuple[str, ...]:
    from conversation.providers import PROVIDERS

    return tuple(f"CONVERSATION_{name.upper()}" for name in PROVIDERS)


@dataclass(frozen=True)
class Key:
    """One key a writer may set: how it is checked, which settings it fills, what it means."""

    check: Callable[[Any], Any]
    # The settings it fills; a function when a plugin holds their list.
    settings: tuple[str, ...] | Callable[[], tuple[str, ...]]
    # The comment written above the key in site.yml.
    comment: str
    # What an absent key means; None: the key is required.
    default: Any = ""

    def filled(self) -> tuple[str, ...]:
        """The settings this key fills."""
        return self.settings() if callable(self.settings) else self.settings


HEADER = (
    "Your hub's settings. Change any value, save, and build again; everything technical stays\n"
    "in pelicanconf.py. Text with ': ' in it, or starting with # or a quote, goes in \"quotes\"."
)

# The keys in the order site.yml lists them.
KEYS: dict[str, Key] = {
    "name": Key(
        _required_text,
        ("SITENAME", "AUTHOR"),
        "The business name: in the header, page titles, social cards and posts.",
        None,
    ),
    "tagline": Key(
        _text, ("SITE_TAGLINE",), "One line under the name, on the home page and in the footer."
    ),
    "description": Key(
        _text,
        ("SITE_DESCRIPTION",),
        "What you offer and where: the home page's intro and the description search engines show.",
    ),
    "email": Key(_email, ("CONVERSATION_EMAIL",), "Where readers' questions go."),
    "url": Key(
        _address,
        ("SITE_ADDRESS",),
        "Your site's web address, for publishing (e.g. https://www.example.com); empty until then.",
    ),
    "language": Key(
        _language,
        ("DEFAULT_LANG",),
        "The site's language, for every label, date and post readers see: en (English), fr"
        " (French), de (German), es (Spanish) or nl (Dutch).",
        "en",
    ),
    "timezone": Key(
        _timezone,
        ("TIMEZONE",),
        "Your time zone, for dates and posting times, e.g. Europe/London or America/Toronto.",
        "UTC",
    ),
    "colour": Key(
        _colour,
        ("BRAND_COLOUR",),
        "The brand colour, quoted, as # and six hex digits: the header, buttons and links.",
        "#1d4d2b",
    ),
    "accent": Key(
        _optional_colour,
        ("BRAND_ACCENT",),
        'An optional second colour for highlights (focus rings), or "" for one made from the'
        " brand's.",
    ),
    "logo": Key(
        _logo,
        ("BRAND_LOGO",),
        "An optional logo file in content/images/ (png, jpg, webp or svg), e.g. images/logo.png.",
    ),
    "networks": Key(
        _networks,
        ("SHARE_NETWORKS",),
        "The networks you post on, in the order the share kit lists them: x, bluesky, mastodon,"
        " threads, linkedin, facebook.",
        ("x", "bluesky", "mastodon", "threads", "linkedin", "facebook"),
    ),
    "slots": Key(
        _slots,
        ("SHARE_SLOTS",),
        "Your usual weekly posting times, in your time zone (a weekday and a 24-hour time).",
        ("tue 09:30", "thu 12:30", "sat 10:00"),
    ),
    "form": Key(
        _address,
        ("CONVERSATION_FORM_ENDPOINT",),
        "A form service's address (Formspree, Basin, Getform or Staticman) to show a question"
        " form; empty, readers are offered an email with the article's title and address filled"
        " in.",
    ),
    "newsletter": Key(
        _address,
        ("SITE_NEWSLETTER",),
        "Your newsletter's sign-up address (Buttondown, Mailchimp, Kit): the sign-up form in"
        " content/calls-to-action.yml posts to it when that form names no action.",
    ),
    "comments": Key(
        _comments,
        ("CONVERSATION_PROVIDER",),
        "Live comments under each article: none, isso, giscus, utterances, remark42, cusdis or"
        " disqus (their options are in pelicanconf.py, see the README).",
        "none",
    ),
    "comment_options": Key(
        _options,
        _provider_settings,
        "The live comments' options: for giscus {repo: me/site, repo-id: ..., category:"
        " Comments, category-id: ...} from giscus.app; each provider's are in the README"
        " (Questions and comments).",
        {},
    ),
    "post_wordings": Key(
        _wordings,
        ("SHARE_TEMPLATES",),
        "Your own wordings for social posts, by kind, in quotes; several take turns, and kinds"
        ' left out keep the hub\'s, e.g. {thing: ["Tip {number} of {count}: {title}. {teaser}"]}'
        " (the kinds and their fields: README, Sharing on social networks).",
        {},
    ),
    "publish_to": Key(
        _choice(_publish_targets),
        ("PUBLISH_TARGET",),
        "Where invoke publish puts the site: none (output/ is left ready to drag onto Netlify or"
        " Cloudflare Pages), rsync (your server, over SSH) or ghp-import (GitHub Pages).",
        "none",
    ),
    "rsync_destination": Key(
        _text,
        ("PUBLISH_RSYNC_DEST",),
        "With publish_to: rsync, where the site is copied, e.g. user@host:/var/www/site/.",
    ),
    "pages_branch": Key(
        _required_text,
        ("PUBLISH_GHP_BRANCH",),
        "With publish_to: ghp-import, the branch GitHub Pages serves.",
        "gh-pages",
    ),
    "pages_message": Key(
        _required_text,
        ("PUBLISH_GHP_MESSAGE",),
        "With publish_to: ghp-import, the message of each publish's commit.",
        "Publish the site",
    ),
    "publish_share_kit": Key(
        _flag,
        ("SHARE_KIT_PUBLISH",),
        "true publishes the share kit (output/share/) with the site; it is for you, not readers.",
        False,
    ),
    "reshare_top": Key(
        _number,
        ("SHARE_RESHARE_TOP",),
        "With results in results/: the share (0 to 1) of the posts that brought visits to queue"
        " again; 0 queues none.",
        0.2,
    ),
    "reshare_after_weeks": Key(
        _number,
        ("SHARE_RESHARE_AFTER_WEEKS",),
        "How many weeks after its first slot a post that worked is queued again (1 to 52).",
        8,
    ),
    "analytics": Key(
        _choice(_analytics_services),
        ("ANALYTICS_SERVICE",),
        "Counting visits, without cookies: none (off), plausible, goatcounter or umami.",
        "none",
    ),
    "analytics_site": Key(
        _text,
        ("ANALYTICS_SITE",),
        "Your site there: Umami's website ID, GoatCounter's count address"
        " (https://MYCODE.goatcounter.com/count) or, for Plausible, your domain (url's by"
        " default).",
    ),
    "analytics_script": Key(
        _address,
        ("ANALYTICS_SCRIPT",),
        "A self-hosted copy's script address; empty for the service's own.",
    ),
    "analytics_host": Key(
        _address,
        ("ANALYTICS_HOST",),
        "Umami only: where a self-hosted Umami receives the counts; empty for Umami's own.",
    ),
    "helpful": Key(
        _flag,
        ("ANALYTICS_HELPFUL",),
        'With plausible or umami, "Was this helpful?" under each article; false leaves it out.',
        True,
    ),
    # --- Stage words for readers -------------------------------------------------------------
    "stage_labels": Key(
        _stage_labels,
        ("READER_STAGE_LABELS",),
        "What readers see for each article's stage (learn, try, decide), if anything, e.g."
        ' {learn: "New here?", try: "Try it at home"}; {} shows no stage to readers.',
        {},
    ),
}
_WIDTH = 92
# The plugins' own settings, checked once every key is read: the rules that join several keys
# (umami needs analytics_site) and the ranges, said with site.yml's names for the settings.
_PLUGIN_SETTINGS = (
    ("analytics.settings", "AnalyticsSettings"),
    ("share_snippets.settings", "ShareSettings"),
    ("conversation.settings", "ConversationSettings"),
)


def _plain(text: str) -> bool:
    """True when TEXT reads back from YAML unquoted as the very same string."""
    try:
        return bool(text) and text[0] not in "#'\"&*!|>%@`[]{}" and yaml.safe_load(text) == text
    except yaml.YAMLError:
        return False


def _value(value: Any) -> str:
    """One value as YAML: plain when safe, quoted otherwise, long text folded over lines."""
    if isinstance(value, list | tuple):
        return f"[{', '.join(_value(item) for item in value)}]"
    if isinstance(value, Mapping):
        # JSON is YAML too, and quotes every text, braces and colons included.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if len(text) > _WIDTH - 20:
        # A folded block needs no quoting: ': ' and # are plain text inside it.
        wrapped = textwrap.wrap(text, _WIDTH - 2, initial_indent="  ", subsequent_indent="  ")
        return ">-\n" + "\n".join(wrapped)
    return text if _plain(text) and ", " not in text else json.dumps(text, ensure_ascii=False)


def render(values: Mapping[str, Any]) -> str:
    """site.yml's text for VALUES (key -> value), every key with its comment."""
    lines = [*(f"# {line}" for line in HEADER.splitlines())]
    for key, spec in KEYS.items():
        lines.append("")
        lines += textwrap.wrap(spec.comment, _WIDTH, initial_indent="# ", subsequent_indent="# ")
        value = values.get(key, spec.default)
        lines.append(f"{key}: {_value('' if value is None else value)}")
    return "\n".join(lines) + "\n"


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key written twice (YAML itself keeps the last quietly)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            # By its text: a key written as a list or mapping cannot be hashed.
            key = str(self.construct_object(key_node, deep=deep))
            if key in seen:
                line = key_node.start_mark.line + 1
                raise SiteFileError(f"line {line}: '{key}' is set twice; keep one of them")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def parse(text: str, name: str = FILE_NAME) -> dict[str, Any]:
    """Read site.yml's text into a mapping; raise SiteFileError with line and column."""
    try:
        # _Loader is YAML's safe loader: no Python objects are ever built from the file.
        data = yaml.load(text, Loader=_Loader) if text.strip() else {}
    except yaml.YAMLError as error:
        raise SiteFileError(f"{name}: is not valid YAML{yaml_problem(error, text)}") from None
    except SiteFileError as problem:
        raise SiteFileError(f"{name}: {problem}") from None
    if not isinstance(data, dict):
        raise SiteFileError(f"{name}: write one 'key: value' setting per line, e.g. name: My shop")
    for key, value in data.items():
        # YAML reads `colour: #7a1f3d` as a comment, so the value silently vanishes.
        if value is None and re.search(rf"^{re.escape(str(key))}:[ \t]+#", text, re.M):
            raise SiteFileError(
                f"{name}: {key}: a value that starts with # must be in quotes,"
                f' like {key}: "#1d4d2b"'
            )
    return data


def check(data: dict[str, Any], name: str = FILE_NAME) -> dict[str, Any]:
    """Check every value of DATA and return the Pelican settings it stands for."""
    settings: dict[str, Any] = {}
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(KEYS)}"
            raise SiteFileError(f"{name}: '{key}' is not a setting; {hint}")
    for key, spec in KEYS.items():
        if data.get(key) is None:
            if spec.default is None:
                raise SiteFileError(f"{name}: {key} is missing; add a line like '{key}: My shop'")
            value = spec.default
        else:
            try:
                value = spec.check(data[key])
            except ValueError as problem:
                raise SiteFileError(f"{name}: {key}: {problem}") from None
        settings.update(dict.fromkeys(spec.filled(), value))
    _check_with_plugins(settings, name)
    return settings


def _check_with_plugins(settings: dict[str, Any], name: str) -> None:
    """Let each plugin's settings check SETTINGS; a problem is said with site.yml's keys."""
    keys = {setting: key for key, spec in KEYS.items() for setting in spec.filled()}
    for module, cls in _PLUGIN_SETTINGS:
        try:
            getattr(importlib.import_module(module), cls).from_pelican(settings)
        except ValueError as problem:
            said = re.sub(r"\b[A-Z][A-Z_]+[A-Z]\b", lambda m: keys.get(m[0], m[0]), str(problem))
            raise SiteFileError(
                f"{name}: {said.replace('True or False', 'true or false')}"
            ) from None


def site_file_path(folder: Path, environ: Mapping[str, str]) -> Path:
    """The site file next to the settings in FOLDER, or the one HUB_SITE_FILE names."""
    return Path(environ.get("HUB_SITE_FILE") or folder / FILE_NAME)


def load(path: Path) -> dict[str, Any]:
    """Read and check the site file at PATH and return the settings it stands for."""
    shown = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SiteFileError(
            f"{shown} is missing; run invoke init to write it, or copy it from examples/"
        ) from None
    except UnicodeDecodeError:
        raise SiteFileError(f"{shown}: save it as UTF-8 text") from None
    return check(parse(text, shown), shown)
