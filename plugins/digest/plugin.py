"""Pelican glue for the digest: write email/latest.html and its plain-text twin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from hub.i18n import language_of
from hub.settings import known_settings_from
from hub.urls import absolute_url
from hub.utm import UtmScheme, utm_link

from .digest import digest_articles, digest_text
from .settings import PREFIX, DigestSettings

TEMPLATE = "digest"
UTM_SOURCE = "newsletter"


def options(settings: dict[str, Any]) -> DigestSettings:
    """The checked DIGEST_* settings."""
    return known_settings_from(DigestSettings, PREFIX, settings)


class DigestGenerator(Generator):
    """Writes the newest articles as an email-ready page and as plain text."""

    def generate_output(self, writer: Any) -> None:
        """Render the HTML with the theme's digest template; write the text beside it."""
        chosen = options(self.settings)
        scheme = UtmScheme(enabled=chosen.utm, medium="email")

        def link(article: Any, fragment: str, content: str) -> str:
            url = absolute_url(self.settings, article.url, fragment)
            return utm_link(
                url, scheme, source=UTM_SOURCE, campaign=article.slug, content=f"digest-{content}"
            )

        articles = digest_articles(self.context.get("articles", []), chosen.articles, link)
        if not articles:
            return
        home = absolute_url(self.settings, "")
        name = self.settings.get("SITENAME", "")
        writer.write_file(
            chosen.save_as,
            self.get_template(TEMPLATE),
            self.context,
            relative_urls=False,
            digest=articles,
            digest_home=home,
        )
        text = Path(self.output_path, chosen.text_save_as)
        text.parent.mkdir(parents=True, exist_ok=True)
        lang = language_of(self.settings.get("DEFAULT_LANG"))
        text.write_text(digest_text(name, home, articles, lang), encoding="utf-8")


def add_generator(pelican: Any) -> type[Generator]:
    """Add the digest's generator (settings are checked here, as the build starts)."""
    options(pelican.settings)
    return DigestGenerator


def register() -> None:
    """Connect the handlers."""
    signals.get_generators.connect(add_generator)
