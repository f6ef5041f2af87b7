"""Live comment providers: what each one loads, from where, and how it is embedded (pure)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from hub.i18n import N_

# An embed is plain data: comments.js copies it onto elements only after the reader's click.
Embed = dict[str, Any]


@dataclass(frozen=True)
class Thread:
    """The page a comment thread belongs to."""

    url: str  # absolute address of the page
    path: str  # site-relative path, "/slug/"
    title: str


@dataclass(frozen=True)
class Provider:
    """One comment service: its name for readers, what it needs, and how to embed it."""

    label: str
    required: tuple[str, ...]
    defaults: Mapping[str, str]
    note: str  # one plain sentence on what the reader should know before loading it
    embed: Callable[[Mapping[str, str], Thread], Embed]


def _data(options: Mapping[str, str], skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Options as data-* attributes, the way most providers read their settings."""
    return {f"data-{key}": str(value) for key, value in options.items() if key not in skip}


def _isso(options: Mapping[str, str], thread: Thread) -> Embed:
    base = options["url"].rstrip("/") + "/"
    extra = {f"data-isso-{key}": str(value) for key, value in options.items() if key != "url"}
    return {
        "script": {"src": urljoin(base, "js/embed.min.js"), "data-isso": base, **extra},
        "thread": {
            "tag": "section",
            "id": "isso-thread",
            "data-isso-id": thread.path,
            "data-title": thread.title,
        },
    }


def _giscus(options: Mapping[str, str], thread: Thread) -> Embed:
    script = {"src": "https://giscus.app/client.js", "crossorigin": "anonymous"}
    return {"script": {**script, **_data(options)}, "thread": {"tag": "div", "class": "giscus"}}


def _utterances(options: Mapping[str, str], thread: Thread) -> Embed:
    # utterances reads plain attributes (repo, issue-term, ...) and puts its frame after itself.
    script = {"src": "https://utteranc.es/client.js", "crossorigin": "anonymous"}
    return {"script": {**script, **{k: str(v) for k, v in options.items()}}}


def _remark42(options: Mapping[str, str], thread: Thread) -> Embed:
    host = options["host"].rstrip("/")
    config = {**options, "host": host, "url": thread.url}
    return {
        "script": {"src": f"{host}/web/embed.js"},
        "thread": {"tag": "div", "id": "remark42"},
        "config": {"name": "remark_config", "value": config},
    }


def _cusdis(options: Mapping[str, str], thread: Thread) -> Embed:
    host = options["host"].rstrip("/")
    page = {
        "data-host": host,
        "data-page-id": thread.path,
        "data-page-url": thread.url,
        "data-page-title": thread.title,
        **_data(options, skip=("host",)),
    }
    return {
        "script": {"src": f"{host}/js/cusdis.es.js"},
        "thread": {"tag": "div", "id": "cusdis_thread", **page},
    }


def _disqus(options: Mapping[str, str], thread: Thread) -> Embed:
    return {
        "script": {"src": f"https://{options['shortname']}.disqus.com/embed.js"},
        "thread": {"tag": "div", "id": "disqus_thread"},
        "config": {"name": "disqus_config", "page": {"url": thread.url, "identifier": thread.path}},
    }


PROVIDERS: dict[str, Provider] = {
    "isso": Provider(
        "Isso",
        ("url",),
        {"url": "http://127.0.0.1:8089/"},
        N_("It is our own comment server: your comment stays with us."),
        _isso,
    ),
    "giscus": Provider(
        "giscus",
        ("repo", "repo-id", "category", "category-id"),
        {"mapping": "pathname", "reactions-enabled": "1", "theme": "light", "lang": "en"},
        N_("Comments are stored on GitHub, and you need a GitHub account to write one."),
        _giscus,
    ),
    "utterances": Provider(
        "utterances",
        ("repo",),
        {"issue-term": "pathname", "theme": "github-light"},
        N_("Comments are stored on GitHub, and you need a GitHub account to write one."),
        _utterances,
    ),
    "remark42": Provider(
        "Remark42",
        ("host", "site_id"),
        {},
        N_("You can comment anonymously or by signing in."),
        _remark42,
    ),
    "cusdis": Provider(
        "Cusdis",
        ("app-id",),
        {"host": "https://cusdis.com"},
        N_("It sets no cookies, and every comment waits for our approval."),
        _cusdis,
    ),
    "disqus": Provider(
        "Disqus",
        ("shortname",),
        {},
        N_("Disqus sets tracking cookies as soon as it loads."),
        _disqus,
    ),
}
PROVIDER_CHOICES = ("none", *PROVIDERS)


def provider_options(name: str, given: Mapping[str, Any]) -> dict[str, str]:
    """The provider's defaults under the site's own options, or ValueError naming the setting."""
    provider = PROVIDERS[name]
    setting = f"CONVERSATION_{name.upper()}"
    if not isinstance(given, Mapping):
        raise ValueError(f"{setting} should be a dict of the {provider.label} options")
    options = {**provider.defaults, **{str(k): str(v) for k, v in given.items()}}
    if missing := [key for key in provider.required if not options.get(key, "").strip()]:
        keys = ", ".join(repr(key) for key in missing)
        raise ValueError(f"{setting} needs {keys} for {provider.label}; add them there")
    return options


def comments_embed(name: str, options: Mapping[str, str], thread: Thread) -> Embed:
    """Everything the page needs to load one provider on click, as plain data."""
    provider = PROVIDERS[name]
    embed = provider.embed(options, thread)
    origin = urlsplit(embed["script"]["src"]).netloc
    return {"provider": name, "label": provider.label, "origin": origin, **embed}
