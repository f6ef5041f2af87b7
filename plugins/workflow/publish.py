"""Publishing: where the site goes, the deploy command, and what leaves the build first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search.index import BUNDLE as SEARCH_BUNDLE

from hub.settings import settings_from

from .headers import content_security_policy, headers_file

PREFIX = "PUBLISH"
TARGETS = ("none", "rsync", "ghp-import")
HEADERS_FILE = "_headers"


@dataclass(frozen=True)
class PublishSettings:
    """PUBLISH_* settings; PUBLISH_TARGET and PUBLISH_RSYNC_DEST may come from the environment."""

    # none: output/ is left ready for a drag-and-drop host (Netlify, Cloudflare Pages).
    target: str = "none"
    # user@host:/path/to/site/ for rsync over SSH.
    rsync_dest: str = ""
    ghp_branch: str = "gh-pages"
    ghp_message: str = "Publish the site"

    def __post_init__(self) -> None:
        if self.target not in TARGETS:
            raise ValueError(f"{PREFIX}_TARGET: '{self.target}' is not one of {', '.join(TARGETS)}")
        if self.target == "rsync" and not self.rsync_dest.strip():
            raise ValueError(
                "site.yml: rsync_destination is empty; give where rsync copies the site,"
                f" e.g. user@host:/var/www/site/ (or set {PREFIX}_RSYNC_DEST for one run)"
            )


def publish_settings(settings: Mapping[str, Any], environ: Mapping[str, str]) -> PublishSettings:
    """The site's PUBLISH_* settings, with the environment's target and destination on top."""
    from_environment = {
        key: value
        for key in (f"{PREFIX}_TARGET", f"{PREFIX}_RSYNC_DEST")
        if (value := environ.get(key, "").strip())
    }
    return settings_from(PublishSettings, PREFIX, {**settings, **from_environment})


def deploy_command(options: PublishSettings, folder: Path) -> list[str] | None:
    """The command that deploys FOLDER, or None when the host takes the folder by hand."""
    if options.target == "rsync":
        # The trailing slash copies the folder's contents, not the folder itself.
        return ["rsync", "--archive", "--compress", "--delete", "--rsh=ssh",
                f"{folder}/", options.rsync_dest]  # fmt: skip
    if options.target == "ghp-import":
        return ["ghp-import", "--no-jekyll", "--push", "--force",
                "--branch", options.ghp_branch, "--message", options.ghp_message,
                str(folder)]  # fmt: skip
    return None


def write_headers(
    folder: Path, form_actions: list[str], comment_origins: list[str],
    analytics_origins: Sequence[str] = (),
) -> Path:  # fmt: skip
    """Write `_headers` with a policy allowing exactly the site's forms, comment provider and
    analytics service."""
    target = folder / HEADERS_FILE
    # The search page runs Pagefind's WebAssembly when the build made a search index.
    search = (folder / SEARCH_BUNDLE).is_dir()
    policy = content_security_policy(
        form_actions, comment_origins, analytics_origins, search=search
    )
    target.write_text(headers_file(policy), encoding="utf-8")
    return target


def analytics_origins(settings: Mapping[str, Any]) -> list[str]:
    """Where the analytics service the writer switched on loads and sends from (none while off)."""
    from analytics.settings import AnalyticsSettings

    return AnalyticsSettings.from_pelican(dict(settings)).origins()


def conversation_origins(settings: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The question form's endpoint, and where the comment provider loads from, if configured."""
    from conversation.providers import Thread, comments_embed
    from conversation.settings import ConversationSettings

    chosen = ConversationSettings.from_pelican(dict(settings))
    forms = [chosen.form_endpoint] if chosen.form_endpoint else []
    if chosen.provider == "none":
        return forms, []
    thread = Thread(url="", path="/", title="")
    embed = comments_embed(chosen.provider, chosen.provider_options, thread)
    return forms, [embed["script"]["src"]]


def folder_size(folder: Path) -> tuple[int, int]:
    """How many files FOLDER holds and their total size in bytes."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)
