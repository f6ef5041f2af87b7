"""Draw an article's social card, a 1200 by 630 PNG, with Pillow (resvg for an SVG logo)."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from PIL import Image, ImageDraw, ImageFont

from hub.palette import CARD, TEXT_CONTRAST, contrast, shade_for, text_on

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
# Everything the card shows is part of its cache key; bump this when the drawing changes.
CARD_VERSION = 4

# The theme's colours; the brand colour (the theme's green unless site.yml names another)
# and the text on it come from hub.palette, so every pairing keeps WCAG AA contrast.
GREEN = "#1d4d2b"
CREAM = "#fffdf8"
WHEAT = CARD
GOLD = "#f2c879"
MUTED = "#4a524d"
LOGO_SIZE = 72
# Pillow draws these itself; an SVG logo is drawn first by resvg (Pillow cannot read SVG).
DRAWN_LOGO_TYPES = (".png", ".jpg", ".jpeg", ".webp")
SVG_TYPE = ".svg"

TITLE_TOP = 150
CATEGORY_EDGE = 10
BAND_TOP = 510
TITLE_BOTTOM = BAND_TOP - 44
TITLE_SIZES = (78, 72, 66, 60, 54, 48, 44)
LINE_SPACING = 1.18
ELLIPSIS = "\u2026"

# Fonts found on most Linux machines (CI installs fonts-dejavu-core); Pillow's own otherwise.
FONT_CANDIDATES = {
    "bold": (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    ),
    "regular": (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ),
}


# Emoji, with their joiners, skin tones, flags and presentation selectors. Card fonts have no
# colour emoji, so they would show as empty boxes; text symbols like ™ and ♥ are kept.
_EMOJI = regex.compile(
    r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f"
    r"|[\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3\U000E0020-\U000E007F])+"
)


def card_text(text: str) -> str:
    """TEXT as the card shows it: emoji left out, white space folded (TEXT if nothing is left)."""
    return " ".join(_EMOJI.sub(" ", text).split()) or text


@dataclass(frozen=True)
class CardSpec:
    """Everything one card shows, and the fonts it is drawn with ("" = Pillow's own font)."""

    title: str
    category: str
    stage: str
    site_name: str
    tagline: str
    bold_font: str = ""
    regular_font: str = ""
    brand: str = GREEN
    # The logo's file and a digest of its bytes, so a changed logo makes a new card.
    logo: str = ""
    logo_digest: str = ""
    # The category's own colour (hub.palette.category_colour): the band's edge and the pill.
    category_colour: str = ""


@dataclass(frozen=True)
class CardColours:
    """The card's colours for one brand colour, each pairing readable (AA)."""

    background: str
    text: str
    kicker: str
    name: str

    @classmethod
    def for_brand(cls, brand: str) -> CardColours:
        """Cream on the brand colour when it reads, else white or ink; gold when it reads."""
        text = CREAM if contrast(CREAM, brand) >= TEXT_CONTRAST else text_on(brand)
        kicker = GOLD if contrast(GOLD, brand) >= TEXT_CONTRAST else text
        return cls(brand, text, kicker, shade_for(brand, (WHEAT,), TEXT_CONTRAST))


@dataclass(frozen=True)
class TitleLayout:
    """The title broken into lines at one font size."""

    size: int
    lines: tuple[str, ...]
    line_height: int


def find_font(style: str) -> str:
    """The first installed font file for STYLE, or "" for Pillow's bundled font."""
    return next((path for path in FONT_CANDIDATES[style] if Path(path).is_file()), "")


def load_font(path: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A font at SIZE; Pillow's scalable default when PATH is empty or unreadable."""
    if path:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            pass  # A font that moved since the spec was made: fall back, never fail the build.
    return ImageFont.load_default(size=size)


def _indent(font: ImageFont.ImageFont, text: str) -> int:
    """How far to move TEXT right so that a glyph reaching left of its origin stays in the box."""
    return max(0, -int(font.getbbox(text, anchor="la")[0])) if text else 0


def _width(font: ImageFont.ImageFont, text: str) -> float:
    """The width TEXT's ink takes, counting overhangs on either side (not just the advance)."""
    if not text:
        return 0
    left, _, right, _ = font.getbbox(text, anchor="la")
    return right - min(left, 0)


def _pieces(word: str, font: ImageFont.ImageFont, width: float) -> list[str]:
    """Split a word wider than the line (long CJK runs, URLs) between graphemes."""
    if _width(font, word) <= width:
        return [word]
    pieces, current = [], ""
    for grapheme in regex.findall(r"\X", word):
        if current and _width(font, current + grapheme) > width:
            pieces.append(current)
            current = ""
        current += grapheme
    return [*pieces, current] if current else pieces


def wrap(
    text: str, font: ImageFont.ImageFont, width: float, stop_after: int | None = None
) -> list[str]:
    """Greedy word wrap of TEXT into lines no wider than WIDTH (the first STOP_AFTER lines)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in _pieces(word, font, width):
            candidate = f"{current} {piece}" if current else piece
            if current and _width(font, candidate) > width:
                lines.append(current)
                current = piece
                if stop_after is not None and len(lines) >= stop_after:
                    return lines
            else:
                current = candidate
    return [*lines, current] if current else lines


def _shorten(line: str, font: ImageFont.ImageFont, width: float) -> str:
    """LINE cut at a word (or grapheme) boundary so that it and an ellipsis fit WIDTH."""
    graphemes = regex.findall(r"\X", line)
    while graphemes and _width(font, "".join(graphemes).rstrip() + ELLIPSIS) > width:
        graphemes.pop()
    kept = "".join(graphemes).rstrip()
    if " " in kept and not line.startswith(kept + " "):
        kept = kept.rsplit(" ", 1)[0]  # Prefer a whole word when one fits.
    return kept.rstrip(" ,;:-") + ELLIPSIS


def fit_line(text: str, font: ImageFont.ImageFont, width: float) -> str:
    """TEXT on one line, cut with an ellipsis when it is wider than WIDTH."""
    return text if _width(font, text) <= width else _shorten(text, font, width)


def fit_title(
    title: str,
    font_path: str,
    width: float = WIDTH - 2 * MARGIN,
    height: float = TITLE_BOTTOM - TITLE_TOP,
    sizes: Sequence[int] = TITLE_SIZES,
) -> TitleLayout:
    """The largest size at which TITLE fits the box; at the smallest, the end is cut with …."""
    for size in sizes:
        font = load_font(font_path, size)
        line_height = round(size * LINE_SPACING)
        max_lines = max(1, int((height - size) // line_height) + 1)
        # A title longer than all the lines laid end to end cannot fit: skip wrapping it.
        if size != sizes[-1] and _width(font, title) > width * max_lines:
            continue
        lines = wrap(title, font, width, stop_after=max_lines + 1)
        if len(lines) <= max_lines:
            return TitleLayout(size, tuple(lines), line_height)
    kept = [*lines[: max_lines - 1], _shorten(lines[max_lines - 1], font, width)]
    return TitleLayout(size, tuple(kept), line_height)


def title_box(layout: TitleLayout, font_path: str) -> tuple[int, int, int, int]:
    """The pixel box the title's ink covers on the card (left, top, right, bottom)."""
    font = load_font(font_path, layout.size)
    boxes = [font.getbbox(line, anchor="la") for line in layout.lines]
    if not boxes:
        return MARGIN, TITLE_TOP, MARGIN, TITLE_TOP
    shifts = [_indent(font, line) for line in layout.lines]
    left = MARGIN + min(box[0] + shift for box, shift in zip(boxes, shifts, strict=True))
    right = MARGIN + max(box[2] + shift for box, shift in zip(boxes, shifts, strict=True))
    top = TITLE_TOP + boxes[0][1]
    bottom = TITLE_TOP + (len(boxes) - 1) * layout.line_height + boxes[-1][3]
    return left, top, right, bottom


def _pill(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.ImageFont, right: int, fill: str
) -> None:
    """The reading stage as a rounded label on FILL, right-aligned in the bottom band."""
    padding_x, height = 22, 52
    width = int(_width(font, text)) + 2 * padding_x
    top = BAND_TOP + (HEIGHT - BAND_TOP - height) // 2
    box = (right - width, top, right, top + height)
    draw.rounded_rectangle(box, radius=26, fill=fill)
    middle = (right - width / 2, top + height / 2)
    draw.text(middle, text, font=font, fill=text_on(fill), anchor="mm")


@functools.lru_cache(maxsize=8)
def svg_as_png(svg: bytes, height: int = LOGO_SIZE) -> bytes | None:
    """An SVG logo drawn as a PNG HEIGHT pixels tall, once per content; None when unreadable.

    Keyed by the file's bytes, so a logo changed while previewing is drawn afresh.
    """
    import resvg_py

    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), height=height))
    except (UnicodeDecodeError, ValueError):
        return None


def _logo_picture(path: str) -> Image.Image | None:
    """The logo file at PATH as an RGBA picture, or None when it cannot be drawn."""
    try:
        if path.lower().endswith(SVG_TYPE):
            png = svg_as_png(Path(path).read_bytes())
            source: Any = io.BytesIO(png) if png else None
        else:
            source = path if path.lower().endswith(DRAWN_LOGO_TYPES) else None
        if source is None:
            return None
        with Image.open(source) as opened:
            return opened.convert("RGBA")
    except OSError:
        return None  # A logo that moved since the spec was made: leave it off, never fail.


def _paste_logo(image: Image.Image, path: str, left: int, middle: int) -> int:
    """Put the logo at LEFT, centred on MIDDLE; return the width it takes (0 when none)."""
    logo = _logo_picture(path)
    if logo is None:
        return 0
    logo.thumbnail((LOGO_SIZE * 3, LOGO_SIZE))
    image.paste(logo, (left, middle - logo.height // 2), logo)
    return logo.width + 20


def render_card(spec: CardSpec) -> bytes:
    """The card for SPEC as PNG bytes."""
    colours = CardColours.for_brand(spec.brand)
    image = Image.new("RGB", (WIDTH, HEIGHT), colours.background)
    draw = ImageDraw.Draw(image)
    small_bold = load_font(spec.bold_font, 30)

    # Category kicker with a short gold rule under it.
    kicker = fit_line(spec.category.upper(), small_bold, WIDTH - 2 * MARGIN)
    draw.text((MARGIN, 62), kicker, font=small_bold, fill=colours.kicker, anchor="la")
    draw.rectangle((MARGIN, 112, MARGIN + 88, 118), fill=colours.kicker)

    layout = fit_title(spec.title, spec.bold_font)
    title_font = load_font(spec.bold_font, layout.size)
    for number, line in enumerate(layout.lines):
        top = TITLE_TOP + number * layout.line_height
        left = MARGIN + _indent(title_font, line)
        draw.text((left, top), line, font=title_font, fill=colours.text, anchor="la")

    # The band: who made it, and where the article sits in the reader's journey.
    draw.rectangle((0, BAND_TOP, WIDTH, HEIGHT), fill=WHEAT)
    marker = spec.category_colour or colours.background
    # The category's colour along the band's top edge: cards of one topic look alike.
    draw.rectangle((0, BAND_TOP, WIDTH, BAND_TOP + CATEGORY_EDGE), fill=marker)
    middle = (BAND_TOP + HEIGHT) // 2
    name_left = MARGIN + (_paste_logo(image, spec.logo, MARGIN, middle) if spec.logo else 0)
    name_font = load_font(spec.bold_font, 40)
    site_name = fit_line(spec.site_name, name_font, (WIDTH - 2 * MARGIN) * 0.6)
    draw.text((name_left, middle), site_name, font=name_font, fill=colours.name, anchor="lm")
    pill_font = load_font(spec.bold_font, 26)
    if spec.stage:
        _pill(draw, spec.stage, pill_font, WIDTH - MARGIN, marker)
    if spec.tagline:
        left = name_left + _width(name_font, site_name) + 28
        room = WIDTH - MARGIN - left - (_width(pill_font, spec.stage) + 72 if spec.stage else 0)
        tagline_font = load_font(spec.regular_font, 24)
        if _width(tagline_font, spec.tagline) <= room:
            draw.text((left, middle + 3), spec.tagline, font=tagline_font, fill=MUTED, anchor="lm")

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
