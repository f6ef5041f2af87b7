"""The sizes of a feature image: which widths to make, their names, and drawing them (Pillow)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from PIL import Image, ImageOps

# Widths made for `srcset`: a phone, a laptop column at twice the pixels, a wide screen.
WIDTHS = (480, 960, 1440)
QUALITY = 80
# Part of every file name: bump it when the way sizes are drawn changes.
VERSION = 1


@dataclass(frozen=True)
class Variant:
    """One size of the image: where it goes in the output and its pixel size."""

    path: str
    width: int
    height: int


@dataclass(frozen=True)
class FeatureImage:
    """What the theme needs to show an article's image: its sizes (smallest first) and alt."""

    variants: tuple[Variant, ...]
    alt: str

    @property
    def largest(self) -> Variant:
        """The widest size: the `src` fallback and the width/height that reserve the space."""
        return self.variants[-1]


def content_key(data: bytes) -> str:
    """A short hash of the image's bytes and the drawing version: a changed file, new names."""
    return hashlib.sha256(data + f"/v{VERSION}".encode()).hexdigest()[:16]


def widths_for(width: int) -> tuple[int, ...]:
    """The widths to make for an image WIDTH pixels wide: never wider than the original."""
    return tuple(
        dict.fromkeys((*(size for size in WIDTHS if size < width), min(width, WIDTHS[-1])))
    )


def plan(source: str, size: tuple[int, int], key: str, folder: str) -> tuple[Variant, ...]:
    """The sizes of SOURCE (its pixel SIZE and content KEY), as files in the output FOLDER."""
    width, height = size
    stem = PurePosixPath(source).stem
    return tuple(
        Variant(
            f"{folder}/{stem}-{key}-{target}.webp", target, max(1, round(height * target / width))
        )
        for target in widths_for(width)
    )


def draw(data: bytes, variant: Variant) -> bytes:
    """The image in DATA resized to VARIANT, as WebP (turned upright from its camera tag)."""
    with Image.open(io.BytesIO(data)) as opened:
        image = ImageOps.exif_transpose(opened)
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        resized = image.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    resized.save(out, "WEBP", quality=QUALITY, method=4)
    return out.getvalue()
