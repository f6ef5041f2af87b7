"""Pelican glue for link previews: share links, preview meta and JSON-LD, social cards."""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from hub.fields import declare_fields
from hub.hashtags import hashtags
from hub.i18n import content_language
from hub.images import FoundImage, find_image
from hub.messages import shown_path
from hub.palette import category_colour
from hub.text import plain_text
from hub.urls import absolute_url
from hub.utm import UtmScheme, utm_link
from hub.writing import failure_words, one_article

from .cache import card_name, ensure_cards
from .cards import GREEN, HEIGHT, WIDTH, CardSpec, card_text, find_font
from .config import LinkPreviewSettings, card_cache_dir, load_settings
from .intents import share_links
from .structured import ArticleFacts, SocialImage, article_data

log = logging.getLogger(__name__)

# Prefilled hashtags on X's composer: a few, the rest is the reader's to choose.
INTENT_HASHTAGS = 3
# The publisher's logo when neither LINK_PREVIEWS_LOGO nor site.yml names one.
DEFAULT_LOGO = "theme/favicon.svg"


def every_article(articles: list[Any]) -> list[Any]:
    """ARTICLES with their translations."""
    return [item for article in articles for item in (article, *article.translations)]


def card_fonts() -> tuple[str, str]:
    """The bold and regular font files cards are drawn with."""
    return find_font("bold"), find_font("regular")


def card_logo(settings: dict[str, Any]) -> tuple[str, str]:
    """The logo file site.yml names (BRAND_LOGO) and a digest of its bytes; ("", "") for none."""
    name = settings.get("BRAND_LOGO") or ""
    path = Path(settings["PATH"], name)
    if not name or not path.is_file():
        return "", ""
    return str(path), hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def card_spec(
    article: Any,
    settings: dict[str, Any],
    fonts: tuple[str, str] | None = None,
    logo: tuple[str, str] | None = None,
) -> CardSpec:
    """What the article's card shows, drawn with FONTS and LOGO (found afresh when not given)."""
    stage = getattr(article, "stage", "")
    bold_font, regular_font = fonts or card_fonts()
    logo_file, logo_digest = logo or card_logo(settings)
    brand = settings.get("BRAND_COLOUR") or GREEN
    return CardSpec(
        title=card_text(article.title),
        category=card_text(str(article.category)),
        # Readers see a stage only in site.yml's words for it (stage_labels); none, no pill.
        stage=(settings.get("READER_STAGE_LABELS") or {}).get(stage, ""),
        site_name=settings["SITENAME"],
        tagline=settings.get("SITE_TAGLINE", ""),
        bold_font=bold_font,
        regular_font=regular_font,
        brand=brand,
        category_colour=category_colour(brand, str(article.category)),
        logo=logo_file,
        logo_digest=logo_digest,
    )


def own_image(article: Any, settings: dict[str, Any]) -> FoundImage | None:
    """The image the article names in `Image:`, or None (a mistake is a warning, not a stop)."""
    value = str(article.metadata.get("image") or "").strip()
    if not value:
        return None
    folder = os.path.relpath(os.path.dirname(article.source_path), settings["PATH"])
    found = find_image(value, folder, Path(settings["PATH"]), settings.get("STATIC_PATHS", []))
    if isinstance(found, str):
        path = shown_path(article.source_path)
        log.warning("%s: Image %s; the social card is used meanwhile", path, found)
        return None
    return found


def preview_image(
    article: Any,
    preferences: LinkPreviewSettings,
    settings: dict[str, Any],
    fonts: tuple[str, str] | None = None,
    logo: tuple[str, str] | None = None,
) -> tuple[SocialImage | None, CardSpec | None]:
    """The image networks show for ARTICLE, and the card to draw when it is a card."""
    alt = str(article.metadata.get("image-alt") or "").strip()
    found = own_image(article, settings)
    if found:
        url = absolute_url(settings, found.path)
        return SocialImage(url, found.width, found.height, alt or article.title), None
    if not preferences.cards:
        return None, None
    spec = card_spec(article, settings, fonts, logo)
    path = f"{preferences.card_folder.strip('/')}/{card_name(article.slug, spec)}"
    alt = alt or f"{article.title} ({spec.category}, {spec.site_name})"
    return SocialImage(absolute_url(settings, path), WIDTH, HEIGHT, alt), spec


def thing_previews(
    article: Any, spec: CardSpec | None, preferences: LinkPreviewSettings, settings: dict[str, Any]
) -> tuple[dict[str, SocialImage], tuple[tuple[str, CardSpec], ...]]:
    """A card per thing of ARTICLE (anchor -> image) and the cards to draw (file name, spec).

    Drawn only when the article itself has a card: an article's own photo stands for its
    things too.
    """
    if spec is None or not preferences.thing_cards:
        return {}, ()
    folder = preferences.card_folder.strip("/")
    images, cards = {}, []
    for thing in getattr(article, "things", ()) or ():
        thing_spec = replace(spec, title=card_text(thing.title))
        name = card_name(f"{article.slug}-{thing.anchor}", thing_spec)
        alt = f"{card_text(thing.title)} ({article.title}, {spec.site_name})"
        images[thing.anchor] = SocialImage(
            absolute_url(settings, f"{folder}/{name}"), WIDTH, HEIGHT, alt
        )
        cards.append((name, thing_spec))
    return images, tuple(cards)


def logo_url(preferences: LinkPreviewSettings, settings: dict[str, Any]) -> str:
    """The publisher's logo as an absolute URL: the setting's, site.yml's, or the favicon."""
    logo = preferences.logo or settings.get("BRAND_LOGO") or DEFAULT_LOGO
    return logo if "://" in logo or not logo else absolute_url(settings, logo)


def add_previews(generator: Any) -> None:
    """Give every article its share links, preview image, card and structured data."""
    settings = generator.settings
    preferences = load_settings(settings)
    scheme = UtmScheme(enabled=preferences.utm)
    articles = generator.articles + generator.drafts + generator.hidden_articles
    # The same for every article: worked out once, not once per article.
    site_url, logo = absolute_url(settings, ""), logo_url(preferences, settings)
    fonts, card_logo_file = card_fonts(), card_logo(settings)
    for article in every_article(articles):
        with one_article(article, generator.context, "its share links and preview"):
            canonical = absolute_url(settings, article.url)
            links = {
                network: utm_link(
                    canonical, scheme, source=network, campaign=article.slug, content="share-button"
                )
                for network in preferences.networks
            }
            words = getattr(article, "hashtags", None) or [str(tag) for tag in article.tags]
            article.share_links = share_links(
                preferences.networks,
                links,
                getattr(article, "share", None) or article.title,
                article.title,
                hashtags(words)[0][:INTENT_HASHTAGS],
                content_language(getattr(article, "lang", None), settings.get("DEFAULT_LANG")),
            )
            article.social_image, article.social_card = preview_image(
                article, preferences, settings, fonts, card_logo_file
            )
            article.thing_images, article.thing_cards = thing_previews(
                article, article.social_card, preferences, settings
            )
            author = getattr(article, "author", None)
            facts = ArticleFacts(
                title=article.title,
                description=plain_text(article.summary or ""),
                url=canonical,
                published=article.date,
                modified=getattr(article, "modified", None),
                author=str(author) if author else settings.get("AUTHOR", ""),
                site_name=settings["SITENAME"],
                site_url=site_url,
                logo_url=logo,
                image=article.social_image,
                answered=tuple(getattr(article, "answered_questions", None) or ()),
                language=article.lang,
            )
            article.structured_data = article_data(facts)


class SocialCardGenerator(Generator):
    """Writes each article's social card, drawing only the cards the cache lacks."""

    def generate_output(self, writer: Any) -> None:
        """Place every card in the output; draw the missing ones."""
        preferences = load_settings(self.settings)
        articles = [
            *self.context.get("articles", ()),
            *self.context.get("drafts", ()),
            *self.context.get("hidden_articles", ()),
        ]
        # Keyed by target: two translations with one card are drawn and placed once.
        jobs: dict[Path, CardSpec] = {}
        sources: dict[Path, str] = {}
        for article in every_article(articles):
            spec = getattr(article, "social_card", None)
            if spec is not None:
                name = card_name(article.slug, spec)
                target = Path(self.output_path, preferences.card_folder, name)
                jobs[target], sources[target] = spec, article.source_path
            for name, thing_spec in getattr(article, "thing_cards", ()):
                target = Path(self.output_path, preferences.card_folder, name)
                jobs[target], sources[target] = thing_spec, article.source_path
        if not jobs:
            return
        cache = Path(card_cache_dir(preferences, self.settings))
        try:
            drawn = ensure_cards(
                [(spec, target) for target, spec in jobs.items()],
                cache,
                workers=preferences.card_workers,
                parallel_from=preferences.card_parallel_from,
            )
        except Exception:  # noqa: BLE001 - find the card that failed; the others still go out
            drawn = sum(
                self.card_alone(spec, target, cache, sources[target])
                for target, spec in jobs.items()
            )
        log.info("Social cards: %d drawn, %d from the cache", drawn, len(jobs) - drawn)

    def card_alone(self, spec: CardSpec, target: Path, cache: Path, source: str) -> int:
        """Draw and place one card; a failure is one error naming the article."""
        try:
            return ensure_cards([(spec, target)], cache, workers=1)
        except Exception as error:  # noqa: BLE001 - one card never stops the others
            log.error(
                "%s: its social card could not be drawn (%s); delete the folder %s and build"
                " again, or give the article its own 'Image:'",
                shown_path(source),
                failure_words(error),
                shown_path(str(cache)),
            )
            return 0


def add_card_generator(pelican: Any) -> type[Generator]:
    """Add the generator that writes social cards."""
    return SocialCardGenerator


def register() -> None:
    """Connect the handlers."""
    declare_fields("image", "image-alt")
    # The conversation plugin (earlier in PLUGINS) has set answered_questions by now.
    signals.article_generator_finalized.connect(add_previews)
    signals.get_generators.connect(add_card_generator)
