"""The search plugin's settings, declared once with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "SEARCH"


@dataclass(frozen=True)
class SearchSettings:
    """SEARCH_* settings; every value is checked when the build starts."""

    enabled: bool = True
    # The language Pagefind stems words for; empty means the site's DEFAULT_LANG.
    language: str = ""
    save_as: str = "search/index.html"
    # Parts of a page that are not worth finding: navigation, share links, the next step, and
    # the things' numbers (a result then reads "Descale the kettle", not "2 Descale the kettle").
    exclude: tuple[str, ...] = (
        ".thing-number",
        ".in-this-article",
        ".share-links",
        ".read-next",
        ".article-footer",
        "#next-step",
        ".ask",
    )

    def __post_init__(self) -> None:
        if not isinstance(self.enabled, bool):
            raise ValueError(f"SEARCH_ENABLED must be True or False, not {self.enabled!r}")
        if not isinstance(self.language, str) or (
            self.language and not self.language.replace("-", "").isalpha()
        ):
            raise ValueError(
                f"SEARCH_LANGUAGE must be a language code like 'en' or 'fr', not {self.language!r}"
            )
        if not isinstance(self.save_as, str) or not self.save_as.endswith(".html"):
            raise ValueError(f"SEARCH_SAVE_AS must be a path ending in .html, not {self.save_as!r}")
        if isinstance(self.exclude, str) or not all(isinstance(s, str) for s in self.exclude):
            raise ValueError("SEARCH_EXCLUDE must be a list of CSS selectors")

    def language_for(self, default_lang: str) -> str:
        """The ISO 639-1 code to index with: SEARCH_LANGUAGE, else DEFAULT_LANG's language."""
        return (self.language or default_lang or "en").split("-")[0].split("_")[0].lower()
