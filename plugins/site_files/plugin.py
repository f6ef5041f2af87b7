"""Pelican glue for site files: absolute URLs in templates, favicon.ico at the root."""

from __future__ import annotations

import os
import shutil
from functools import partial
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from hub.jsonld import script_json
from hub.urls import absolute_url

# Browsers and audits ask for /favicon.ico whatever the page declares.
ROOT_FILES = ("favicon.ico",)


def add_template_helpers(generator: Any) -> None:
    """Let templates build absolute URLs the same way the plugins do."""
    generator.env.globals["absolute_url"] = partial(absolute_url, generator.settings)
    # `{{ data|script_json }}` writes JSON-LD that no title or reader text can break out of.
    generator.env.filters["script_json"] = lambda data: Markup(script_json(data))


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
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(add_root_files_generator)
