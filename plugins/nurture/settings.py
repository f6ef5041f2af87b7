"""The nurture plugin's settings, declared once with their defaults."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from writer_metadata.fields import STAGES

PREFIX = "NURTURE"

PUSHY_PHRASES = (
    "buy now",
    "call for a quote",
    "limited time",
    "act now",
    "order today",
    "don't miss out",
    "last chance",
    "hurry",
    "while stocks last",
    "book now",
    "sign up now",
    "only a few left",
    "once in a lifetime",
)
# Capitals a writer may use without shouting (words of four letters or more).
ACRONYMS = ("GDPR", "HTML", "JSON", "RSVP", "UNESCO", "DEFRA", "WRAP")


@dataclass(frozen=True)
class NurtureSettings:
    """NURTURE_* settings; every value is checked when the build starts."""

    catalogue: str = "calls-to-action.yml"
    default_cta: str = "newsletter"
    stage_ctas: Mapping[str, str] = field(
        default_factory=lambda: {"learn": "newsletter", "try": "ask-us", "decide": "chat"}
    )
    # {"Category name": {"stage": "cta-id"}}: beats the stage rule for that category.
    category_ctas: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # Thing number after which a one-line mention of the call to action appears (None: off).
    inline_after_thing: int | None = None
    read_next_count: int = 3
    pushy_phrases: tuple[str, ...] = PUSHY_PHRASES
    acronyms: tuple[str, ...] = ACRONYMS
    stale_months: int = 12
    # "Today" for the stale check, as 2026-11-22; None means the real date.
    today: str | None = None
    report_save_as: str = "share/report.html"

    def __post_init__(self) -> None:
        for problem in self.problems():
            raise ValueError(problem)

    def problems(self) -> list[str]:
        """Say what is wrong with each setting, naming it."""
        problems = []
        if not isinstance(self.stage_ctas, Mapping) or not isinstance(self.category_ctas, Mapping):
            return [f"{PREFIX}_STAGE_CTAS and {PREFIX}_CATEGORY_CTAS are mappings ({{...}})"]
        if unknown := sorted(set(self.stage_ctas) - set(STAGES)):
            problems.append(
                f"{PREFIX}_STAGE_CTAS: unknown stage {', '.join(unknown)}; use {', '.join(STAGES)}"
            )
        for category, rules in self.category_ctas.items():
            if not isinstance(rules, Mapping) or set(rules) - set(STAGES):
                problems.append(
                    f"{PREFIX}_CATEGORY_CTAS: '{category}' needs a mapping of stage to"
                    f" call-to-action id, with stages from {', '.join(STAGES)}"
                )
        if self.inline_after_thing is not None and not (
            isinstance(self.inline_after_thing, int) and self.inline_after_thing >= 1
        ):
            problems.append(f"{PREFIX}_INLINE_AFTER_THING: use a thing number (1, 2, ...) or None")
        if self.read_next_count not in (1, 2, 3):
            problems.append(f"{PREFIX}_READ_NEXT_COUNT: use 1, 2 or 3")
        if not isinstance(self.stale_months, int) or self.stale_months < 1:
            problems.append(f"{PREFIX}_STALE_MONTHS: use a whole number of months, 1 or more")
        if self.today is not None:
            try:
                datetime.date.fromisoformat(str(self.today))
            except ValueError:
                problems.append(f"{PREFIX}_TODAY: '{self.today}' is not a date like 2026-11-22")
        return problems

    def today_date(self) -> datetime.date:
        """The date stale articles are measured against."""
        return datetime.date.fromisoformat(str(self.today)) if self.today else datetime.date.today()

    def rule_ids(self) -> dict[str, str]:
        """Every call-to-action id a rule names, with the setting that names it."""
        named = {f"{PREFIX}_DEFAULT_CTA": self.default_cta}
        named.update({f"{PREFIX}_STAGE_CTAS['{s}']": cta for s, cta in self.stage_ctas.items()})
        for category, rules in self.category_ctas.items():
            for stage, cta in rules.items():
                named[f"{PREFIX}_CATEGORY_CTAS['{category}']['{stage}']"] = cta
        return named
