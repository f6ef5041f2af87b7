"""The theme's palette from one brand colour: WCAG contrast worked out, never guessed."""

from __future__ import annotations

import colorsys
import hashlib
import re
from dataclasses import dataclass
from typing import Any

# The theme's fixed colours (theme/static/css/hub.css): page, panels and body text.
PAPER = "#fffdf8"
CARD = "#f4f0e6"
INK = "#1f2421"
WHITE = "#ffffff"
BLACK = "#000000"
# The theme's dark mode (readers whose device asks for it): page, panels, text, fine lines.
DARK_PAPER = "#111111"
DARK_CARD = "#222222"
DARK_INK = "#eeeeee"
DARK_MUTED = "#bbbbbb"
# Where the stylesheet keeps the dark mode's custom properties.
DARK_MEDIA = "@media(prefers-color-scheme:dark){"
# The theme's own accent (focus rings) when site.yml names none.
DEFAULT_ACCENT = "#b3541e"
# WCAG 2.1 AA: 4.5:1 for text, 3:1 for the parts of the page that are not text (focus rings).
TEXT_CONTRAST = 4.5
NON_TEXT_CONTRAST = 3.0
_HEX = re.compile(r"#[0-9a-f]{6}")


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1d4d2b' as (29, 77, 43)."""
    colour = colour.lower()
    if not _HEX.fullmatch(colour):
        raise ValueError(f"'{colour}' is not a colour like '#1d4d2b'")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def hex_colour(red: float, green: float, blue: float) -> str:
    """(29, 77, 43) as '#1d4d2b'."""
    return "#" + "".join(f"{max(0, min(255, round(part))):02x}" for part in (red, green, blue))


def short_hex(colour: str) -> str:
    """'#ffffff' as '#fff' when each pair repeats; other colours as they are."""
    pairs = [colour[i : i + 2] for i in (1, 3, 5)]
    return "#" + "".join(p[0] for p in pairs) if all(p[0] == p[1] for p in pairs) else colour


def luminance(colour: str) -> float:
    """Relative luminance as WCAG 2.1 defines it: 0 for black, 1 for white."""

    def linear(part: int) -> float:
        value = part / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(part) for part in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(background: str) -> str:
    """White or the theme's ink, whichever reads on BACKGROUND (black when ink cannot)."""
    for candidate in (WHITE, INK):
        if contrast(candidate, background) >= TEXT_CONTRAST:
            return candidate
    return BLACK if contrast(BLACK, background) > contrast(WHITE, background) else WHITE


def shade_for(colour: str, backgrounds: tuple[str, ...], ratio: float) -> str:
    """COLOUR, or the nearest darker (or lighter) shade of it that has RATIO on BACKGROUNDS."""

    def enough(candidate: str) -> bool:
        return all(contrast(candidate, back) >= ratio for back in backgrounds)

    if enough(colour):
        return colour
    # Light backgrounds need a darker shade; step towards black (or white) a little at a time.
    target = (0, 0, 0) if luminance(backgrounds[0]) > 0.18 else (255, 255, 255)
    start = rgb(colour)
    for step in range(1, 101):
        mix = step / 100
        candidate = hex_colour(*(a + (b - a) * mix for a, b in zip(start, target, strict=True)))
        if enough(candidate):
            return candidate
    return hex_colour(*target)


@dataclass(frozen=True)
class Palette:
    """The colours the theme's custom properties take, and why any differs from the writer's."""

    brand: str
    on_brand: str
    link: str
    accent: str
    warnings: tuple[str, ...] = ()
    # Links and focus rings on the dark mode's page and panels.
    dark_link: str = ""
    dark_accent: str = ""

    def properties(self) -> dict[str, str]:
        """The CSS custom properties, by name (short names: every byte counts on each page)."""
        named = {"--brand": self.brand, "--on": self.on_brand, "--link": self.link}
        return {name: short_hex(value) for name, value in {**named, "--ring": self.accent}.items()}

    def dark_properties(self) -> dict[str, str]:
        """The dark mode's link colour, and its focus ring when the page's one would not show."""
        named = {"--link": self.dark_link}
        if self.dark_accent != self.accent:
            named["--ring"] = self.dark_accent
        return {name: short_hex(value) for name, value in named.items()}


def palette(brand: str, accent: str = "", source: str = "site.yml") -> Palette:
    """The palette for BRAND (and ACCENT); a warning naming SOURCE's key for each colour changed."""
    brand, accent = brand.lower(), accent.lower()
    warnings = []
    link = shade_for(brand, (PAPER, CARD), TEXT_CONTRAST)
    if link != brand:
        warnings.append(
            f"{source}: colour: '{brand}' is too light for links on the page"
            f" ({contrast(brand, CARD):.1f}:1, AA needs {TEXT_CONTRAST}:1); links use '{link}',"
            " a darker shade; choose a darker colour to use yours everywhere"
        )
    chosen = accent or DEFAULT_ACCENT
    ring = shade_for(chosen, (PAPER,), NON_TEXT_CONTRAST)
    if accent and ring != accent:
        warnings.append(
            f"{source}: accent: '{accent}' barely shows on the page"
            f" ({contrast(accent, PAPER):.1f}:1, AA needs {NON_TEXT_CONTRAST}:1 for focus"
            f" rings); '{ring}' is used instead; choose a darker accent"
        )
    # Dark mode: the brand lightened until links read on its page and panels (no warning: a
    # lighter shade on a dark page is the point); the ring lightened only when it must be.
    dark_link = shade_for(brand, (DARK_PAPER, DARK_CARD), TEXT_CONTRAST)
    dark_ring = shade_for(ring, (DARK_PAPER,), NON_TEXT_CONTRAST)
    return Palette(brand, text_on(brand), link, ring, tuple(warnings), dark_link, dark_ring)


def category_colour(brand: str, category: str) -> str:
    """A stable colour for CATEGORY in BRAND's family: its hue turned by a hash of the name.

    Lightness and saturation stay near the brand's (a grey brand still gives colours), and the
    shade shows on the theme's panels (3:1) so it can mark a category beside them.
    """
    red, green, blue = (part / 255 for part in rgb(brand))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    turn = int(hashlib.sha256(category.strip().lower().encode("utf-8")).hexdigest()[:8], 16)
    # Six hues a sixth of the circle apart: two topics seldom share one, and never look close.
    hue = (hue + (turn % 6) / 6) % 1
    lightness, saturation = min(max(lightness, 0.25), 0.45), max(saturation, 0.45)
    colour = hex_colour(*(part * 255 for part in colorsys.hls_to_rgb(hue, lightness, saturation)))
    return shade_for(colour, (CARD,), NON_TEXT_CONTRAST)


def with_properties(css: str, properties: dict[str, str], within: str = "") -> str:
    """CSS with each custom property's value in its first `:root{...}` rule set to PROPERTIES.

    With WITHIN (a rule's opening, like DARK_MEDIA), the first `:root{...}` inside that rule.
    """
    inside = css.find(within) if within else 0
    start = css.find(":root{", inside) if inside >= 0 else -1
    if start < 0:
        raise ValueError(f"the stylesheet has no {within}:root{{...}} rule for the palette")
    end = css.index("}", start)
    declarations = dict(
        part.split(":", 1) for part in css[start + 6 : end].split(";") if ":" in part
    )
    declarations.update(properties)
    body = ";".join(f"{name}:{value}" for name, value in declarations.items())
    return f"{css[: start + 6]}{body}{css[end:]}"


def with_palette(css: str, colours: Palette) -> str:
    """CSS with its light and (when it has one) dark custom properties set to COLOURS."""
    css = with_properties(css, colours.properties())
    return with_properties(css, colours.dark_properties(), DARK_MEDIA) if DARK_MEDIA in css else css


def site_palette(settings: dict[str, Any]) -> Palette:
    """The palette for the site's BRAND_COLOUR and BRAND_ACCENT (the theme's when unset)."""
    return palette(settings.get("BRAND_COLOUR") or "#1d4d2b", settings.get("BRAND_ACCENT") or "")
