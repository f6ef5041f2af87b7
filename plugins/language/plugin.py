"""Glue: gives the theme's templates `_`, `gettext` and `ngettext` in the site's language."""

from __future__ import annotations

from pelican import signals

from hub import i18n


def _install(generator) -> None:
    """Install the theme catalogue of the site's language into GENERATOR's Jinja environment."""
    lang = i18n.language_of(generator.settings.get("DEFAULT_LANG"))
    catalogue = i18n.translations(lang, "theme")
    # Newstyle gettext autoescapes and formats `%(name)s` itself, so templates stay plain.
    generator.env.install_gettext_callables(catalogue.gettext, catalogue.ngettext, newstyle=True)


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.generator_init.connect(_install)
