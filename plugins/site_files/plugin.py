"""Pelican glue for site files: absolute URLs in templates, favicon.ico, the brand palette."""

from __future__ import annotations

import logging
import os
import shutil
from functools import partial
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from hub.jsonld import script_json
from hub.palette import site_palette, with_palette
from hub.urls import absolute_url

from .brand import site_logo

log = logging.getLogger(__name__)

# Browsers and audits ask for /favicon.ico whatever the page declares.
ROOT_FILES = ("favicon.ico",)
# The stylesheet whose :root custom properties hold the palette.
PALETTE_CSS = ("css", "hub.css")


def add_template_helpers(generator: Any) -> None:
    """Let templates build absolute URLs the same way the plugins do."""
    generator.env.globals["absolute_url"] = partial(absolute_url, generator.settings)
    # `{{ data|script_json }}` writes JSON-LD that no title or reader text can break out of.
    generator.env.filters["script_json"] = lambda data: Markup(script_json(data))
    try:
        generator.env.globals["brand_logo"] = site_logo(generator.settings)
    except ValueError:
        generator.env.globals["brand_logo"] = None  # Said once, when the build starts.


def check_brand(pelican: Any) -> None:
    """Say once, at the start, what site.yml's colours and logo mean for the site."""
    for warning in site_palette(pelican.settings).warnings:
        log.warning(warning)
    try:
        site_logo(pelican.settings)
    except ValueError as problem:
        log.error(str(problem))


def joined_rules(css: str) -> str:
    """CSS with the line break after each rule left out: every page loads it, every byte counts."""
    return css.replace("}\n", "}")


def write_palette(pelican: Any) -> None:
    """Set the stylesheet's palette to the site's brand colours, its rules on one line."""
    css = os.path.join(pelican.output_path, pelican.settings["THEME_STATIC_DIR"], *PALETTE_CSS)
    if not os.path.isfile(css):
        return
    with open(css, encoding="utf-8") as handle:
        text = handle.read()
    branded = joined_rules(with_palette(text, site_palette(pelican.settings)))
    if branded != text:
        with open(css, "w", encoding="utf-8") as handle:
            handle.write(branded)


class RootFilesGenerator(Generator):
    """Copies the theme's root files (favicon.ico) to the top of the output."""

    def generate_output(self, writer: Any) -> None:
        """Copy each root file the theme has."""
        for name in ROOT_FILES:
            source = os.path.join(self.theme, "static", name)
            if os.path.exists(source):
                shutil.copyfile(source, os.path.join(self.output_path, name))


def add_root_files_generator(pelican: Any) -> type[Generator]:
    """Add the generator that writes root files."""
    return RootFilesGenerator


def register() -> None:
    """Connect the handlers."""
    signals.initialized.connect(check_brand)
    signals.generator_init.connect(add_template_helpers)
    signals.finalized.connect(write_palette)
    signals.get_generators.connect(add_root_files_generator)
