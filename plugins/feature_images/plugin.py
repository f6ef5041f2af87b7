"""Pelican glue for feature images: find each article's `Image:`, plan its sizes, write them."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from hub.caches import DamagedEntry, read_entry, write_entry
from hub.fields import declare_fields
from hub.images import find_image
from hub.messages import shown_path
from hub.writing import one_article

from .variants import FeatureImage, Variant, content_key, draw, plan

log = logging.getLogger(__name__)

# Where the sizes go in the output, and where they are kept between builds (in CACHE_PATH).
OUTPUT_FOLDER = "images/feature"
CACHE_FOLDER = "feature-images"
# What the sizes are drawn from: output path -> (source file, variant).
_JOBS_KEY = "feature_image_jobs"


def feature_image(article: Any, settings: dict[str, Any]) -> tuple[FeatureImage, Path] | None:
    """ARTICLE's feature image and its source file; None without a usable `Image:`.

    A wrong `Image:` is said once, by link_previews (which falls back to the social card).
    """
    value = str(article.metadata.get("image") or "").strip()
    if not value:
        return None
    root = Path(settings["PATH"])
    folder = os.path.relpath(os.path.dirname(article.source_path), root)
    found = find_image(value, folder, root, settings.get("STATIC_PATHS", []))
    if isinstance(found, str):
        return None
    source = root / found.path
    alt = " ".join(str(article.metadata.get("image-alt") or "").split())
    if not alt:
        log.warning(
            "%s: Image-Alt is missing; add a line like 'Image-Alt: a pan of beans on the hob'"
            " that says what the picture shows, for readers who cannot see it",
            shown_path(article.source_path),
        )
    key = content_key(source.read_bytes())
    variants = plan(found.path, (found.width, found.height), key, OUTPUT_FOLDER)
    return FeatureImage(variants, alt), source


def add_feature_images(generator: Any) -> None:
    """Give every article with an `Image:` its `feature_image` (None for the others)."""
    jobs: dict[str, tuple[Path, Variant]] = generator.context.setdefault(_JOBS_KEY, {})
    articles = generator.articles + generator.drafts + generator.hidden_articles
    for article in [item for one in articles for item in (one, *one.translations)]:
        article.feature_image = None
        with one_article(article, generator.context, "its feature image"):
            found = feature_image(article, generator.settings)
            if found:
                article.feature_image, source = found
                jobs.update({size.path: (source, size) for size in article.feature_image.variants})


def kept(cache: Path, name: str) -> bytes | None:
    """A size drawn by an earlier build, when its digest still matches."""
    try:
        return read_entry(cache / name)
    except DamagedEntry as damaged:
        log.warning("%s", damaged)
        return None


class FeatureImageGenerator(Generator):
    """Writes every feature image's sizes, drawing only those the cache lacks."""

    def generate_output(self, writer: Any) -> None:
        """Place each size in the output; draw the missing ones."""
        jobs: dict[str, tuple[Path, Variant]] = self.context.get(_JOBS_KEY, {})
        cache = Path(self.settings["CACHE_PATH"], CACHE_FOLDER)
        drawn = 0
        for relative, (source, variant) in sorted(jobs.items()):
            name = os.path.basename(relative)
            data = kept(cache, name)
            if data is None:
                try:
                    data, drawn = draw(source.read_bytes(), variant), drawn + 1
                except (OSError, ValueError):
                    log.error(
                        "%s: this image could not be resized; save it again as a JPEG or PNG",
                        shown_path(str(source)),
                    )
                    continue
                try:
                    cache.mkdir(parents=True, exist_ok=True)
                    write_entry(cache / name, data)
                except OSError:
                    pass  # A cache that cannot be written only makes the next build slower.
            target = Path(self.output_path, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if jobs:
            log.info("Feature images: %d sizes drawn, %d from the cache", drawn, len(jobs) - drawn)


def add_generator(pelican: Any) -> type[Generator]:
    """Add the generator that writes the sizes."""
    return FeatureImageGenerator


def register() -> None:
    """Connect the handlers."""
    declare_fields("image", "image-alt")
    signals.article_generator_finalized.connect(add_feature_images)
    signals.get_generators.connect(add_generator)
