"""The site's brand from site.yml's settings: its palette and its logo's file and size."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from PIL import Image, UnidentifiedImageError

# The logo's height in the header, in CSS pixels; its width follows its shape.
LOGO_HEIGHT = 40
_NUMBER = re.compile(r"[\d.]+")


@dataclass(frozen=True)
class Logo:
    """The header's logo: its address inside the site and the size it is shown at."""

    path: str
    width: int
    height: int


def image_size(path: Path) -> tuple[float, float]:
    """An image's width and height: read by Pillow, or from an SVG's size or viewBox."""
    if path.suffix.lower() != ".svg":
        with Image.open(path) as image:
            return image.size
    root = ElementTree.parse(path).getroot()
    width, height = (_NUMBER.match(root.get(name, "")) for name in ("width", "height"))
    if width and height:
        return float(width[0]), float(height[0])
    box = [float(part) for part in _NUMBER.findall(root.get("viewBox", ""))]
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        return box[2], box[3]
    raise ValueError("the SVG has no width and height or viewBox")


def site_logo(settings: dict[str, Any]) -> Logo | None:
    """The logo site.yml names, sized for the header; ValueError saying why it cannot be used."""
    name = settings.get("BRAND_LOGO") or ""
    if not name:
        return None
    path = Path(settings["PATH"], name)
    if not path.is_file():
        raise ValueError(
            f"site.yml: logo: content/{name} does not exist; put your logo there or empty the line"
        )
    try:
        width, height = image_size(path)
    except (OSError, UnidentifiedImageError, ElementTree.ParseError, ValueError):
        raise ValueError(
            f"site.yml: logo: content/{name} cannot be read as a picture; save it again as PNG"
        ) from None
    return Logo(name, max(1, round(LOGO_HEIGHT * width / height)), LOGO_HEIGHT)
