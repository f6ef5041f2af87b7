"""The share_snippets settings (SHARE_*), declared once with defaults and checked on load."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hub.i18n import SOURCE_LANGUAGE
from hub.settings import settings_from
from hub.utm import UtmScheme

from .compose import DEFAULT_LINK_ROOM, DEFAULT_TEMPLATES, TEMPLATE_FIELDS
from .networks import NETWORKS, Network
from .schedule import Reshare, Slot, parse_slot
from .wording import in_language

PREFIX = "SHARE"


@dataclass(frozen=True)
class ShareSettings:
    """What a site may set; each field is the setting SHARE_<FIELD NAME>."""

    networks: tuple[str, ...] = ("x", "bluesky", "mastodon", "threads", "linkedin", "facebook")
    # Kind -> one wording or several (str.format fields, see compose.TEMPLATE_FIELDS); kinds
    # left out keep their defaults, said in each article's language.
    templates: Mapping[str, Any] = field(default_factory=dict)
    slots: tuple[str, ...] = ("tue 09:30", "thu 12:30", "sat 10:00")
    # When the posting plan starts: None means the moment of the build (tests fix it).
    now: datetime | str | None = None
    # How far ahead the plan reaches; posts beyond it wait for a later build.
    plan_weeks: int = 26
    # Whether `invoke publish` deploys output/share/ (the kit is for the team, not readers).
    kit_publish: bool = False
    utm: bool = True
    utm_medium: str = "social"
    hootsuite_rows: int = 350
    # The record of the last publish (`invoke publish` passes it): the kit then lists what
    # changed since, with export files of only the new and changed posts.
    last_published: str = ""
    # With results in results/: re-share the best posts this long after their first slot...
    reshare_after_weeks: int = 8
    # ...the top share (0-1) of the posts that brought visits; 0 re-shares none.
    reshare_top: float = 0.2
    # An intro says "New" only when it goes out within this many days of the article's date.
    new_days: int = 30
    # Links in posts weigh as if the site's address took at least this many characters, so a
    # preview's posts are the published ones.
    link_room: int = DEFAULT_LINK_ROOM
    # Posts link through a short page on the site itself (SITEURL/s/<code>/).
    short_links: bool = True

    def __post_init__(self) -> None:
        """Reject values the plugin cannot use, naming the setting and the fix."""
        if unknown := [name for name in self.networks if name not in NETWORKS]:
            raise ValueError(
                f"SHARE_NETWORKS: unknown network {', '.join(map(repr, unknown))};"
                f" choose from {', '.join(NETWORKS)}"
            )
        for kind, wordings in self.templates.items():
            check_templates(kind, wordings)
        for slot in self.slots:
            try:
                parse_slot(slot)
            except ValueError as error:
                raise ValueError(f"SHARE_SLOTS: {error}") from None
        if not self.slots:
            raise ValueError("SHARE_SLOTS is empty; give at least one slot like 'tue 09:30'")
        if isinstance(self.now, str):
            try:
                datetime.fromisoformat(self.now)
            except ValueError:
                raise ValueError(
                    f"SHARE_NOW: '{self.now}' is not a date and time like '2026-11-02T08:00'"
                ) from None
        if not isinstance(self.plan_weeks, int) or not 1 <= self.plan_weeks <= 520:
            raise ValueError("SHARE_PLAN_WEEKS must be a whole number of weeks from 1 to 520")
        after = self.reshare_after_weeks
        if not isinstance(after, int) or not 1 <= after <= 52:
            raise ValueError("SHARE_RESHARE_AFTER_WEEKS must be a whole number of weeks, 1 to 52")
        if not isinstance(self.reshare_top, (int, float)) or not 0 <= self.reshare_top <= 1:
            raise ValueError("SHARE_RESHARE_TOP must be a share from 0 to 1, like 0.2 for a fifth")
        if not isinstance(self.new_days, int) or not 0 <= self.new_days <= 3650:
            raise ValueError("SHARE_NEW_DAYS must be a whole number of days from 0 to 3650")
        if not isinstance(self.link_room, int) or not 0 <= self.link_room <= 200:
            raise ValueError(
                "SHARE_LINK_ROOM must be a whole number of characters from 0 to 200"
                " (about the length of your published address, https:// included)"
            )
        if not isinstance(self.short_links, bool):
            raise ValueError("SHARE_SHORT_LINKS must be True or False")
        if not 1 <= self.hootsuite_rows <= 350:
            raise ValueError("SHARE_HOOTSUITE_ROWS must be between 1 and 350 (Hootsuite's limit)")

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ShareSettings:
        """Read the SHARE_* settings over the defaults."""
        return settings_from(cls, PREFIX, dict(settings))

    def network_entries(self) -> tuple[Network, ...]:
        """The configured networks, in order."""
        return tuple(NETWORKS[name] for name in self.networks)

    def template_table(self, lang: str = SOURCE_LANGUAGE) -> dict[str, tuple[str, ...]]:
        """Every kind's wordings: the site's where given, else the defaults said in LANG."""
        given = {
            kind: (wordings,) if isinstance(wordings, str) else tuple(wordings)
            for kind, wordings in self.templates.items()
        }
        return {**in_language(DEFAULT_TEMPLATES, lang), **given}

    def reshare_rules(self) -> Reshare:
        """How the plan re-shares what worked."""
        return Reshare(timedelta(weeks=self.reshare_after_weeks), float(self.reshare_top))

    def weekly_slots(self) -> tuple[Slot, ...]:
        """The posting slots, parsed."""
        return tuple(parse_slot(slot) for slot in self.slots)

    def utm_scheme(self) -> UtmScheme:
        """How snippet links are tagged."""
        return UtmScheme(enabled=bool(self.utm), medium=self.utm_medium)

    def start(self, zone: ZoneInfo) -> datetime:
        """The plan's "now", in ZONE (a naive SHARE_NOW is read as the site's time)."""
        if self.now is None:
            return datetime.now(zone).replace(second=0, microsecond=0)
        moment = datetime.fromisoformat(self.now) if isinstance(self.now, str) else self.now
        return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def check_templates(kind: str, wordings: Any) -> None:
    """Raise ValueError unless WORDINGS are usable templates for KIND."""
    setting = f"SHARE_TEMPLATES['{kind}']"
    if kind not in TEMPLATE_FIELDS:
        raise ValueError(
            f"SHARE_TEMPLATES: unknown kind '{kind}'; use {', '.join(TEMPLATE_FIELDS)}"
        )
    texts = (wordings,) if isinstance(wordings, str) else tuple(wordings)
    if not texts or not all(isinstance(text, str) and text.strip() for text in texts):
        raise ValueError(f"{setting} must be a wording or a list of wordings")
    allowed = TEMPLATE_FIELDS[kind]
    for text in texts:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as error:
            raise ValueError(f"{setting}: {text!r} is not a valid template ({error})") from None
        if bad := sorted(names - allowed):
            raise ValueError(
                f"{setting}: unknown field {{{bad[0]}}} in {text!r};"
                f" use {', '.join('{' + name + '}' for name in sorted(allowed))}"
            )
