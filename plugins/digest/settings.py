"""The digest plugin's settings, declared once with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "DIGEST"


@dataclass(frozen=True)
class DigestSettings:
    """DIGEST_* settings; every value is checked when the build starts."""

    # How many of the newest articles the digest holds.
    articles: int = 3
    save_as: str = "email/latest.html"
    text_save_as: str = "email/latest.txt"
    # Tag the digest's links (utm_source=newsletter, utm_medium=email) for your analytics.
    utm: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.articles, bool) or not isinstance(self.articles, int):
            raise ValueError(f"DIGEST_ARTICLES must be a whole number, not {self.articles!r}")
        if not 1 <= self.articles <= 20:
            raise ValueError(f"DIGEST_ARTICLES must be between 1 and 20, not {self.articles}")
        if not isinstance(self.utm, bool):
            raise ValueError(f"DIGEST_UTM must be True or False, not {self.utm!r}")
        for name, value, suffix in (
            ("DIGEST_SAVE_AS", self.save_as, ".html"),
            ("DIGEST_TEXT_SAVE_AS", self.text_save_as, ".txt"),
        ):
            if not isinstance(value, str) or not value.endswith(suffix):
                raise ValueError(f"{name} must be a path ending in {suffix}, not {value!r}")
