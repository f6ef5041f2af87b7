"""An image a writer names in a header (`Image:`), checked against the content folder."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

# Pelican's link markers; both mean "a file in the content folder".
_MARKERS = ("{static}", "{attach}", "{filename}")


@dataclass(frozen=True)
class FoundImage:
    """An image file in the content folder: its site-relative path and its size in pixels."""

    path: str
    width: int
    height: int


def content_path(value: str, article_folder: str) -> str:
    """The content-relative path VALUE names: '/x' from the content root, 'x' from the article."""
    for marker in _MARKERS:
        if value.startswith(marker):
            value = value[len(marker) :]
            break
    joined = value.lstrip("/") if value.startswith("/") else posixpath.join(article_folder, value)
    return posixpath.normpath(joined)


def find_image(
    value: str, article_folder: str, content_root: Path, static_paths: Sequence[str]
) -> FoundImage | str:
    """The image VALUE names, or a sentence saying what is wrong with it."""
    if "://" in value:
        return "use an image from the content folder, like 'Image: {static}/images/photo.jpg'"
    relative = content_path(value, article_folder)
    file = content_root / relative
    if relative.startswith("..") or not file.is_file():
        return f"'{value}' is not a file in the content folder; check the path"
    published = any(
        not folder or relative == folder or relative.startswith(folder.rstrip("/") + "/")
        for folder in static_paths
    )
    if not published:
        return f"'{value}' is not in a static folder ({', '.join(static_paths)}); move it there"
    try:
        with Image.open(file) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        return f"'{value}' is far too many pixels for a picture; save a smaller copy (1200 wide)"
    except (OSError, UnidentifiedImageError):
        return f"'{value}' is not an image Pillow can read; use a JPEG or PNG"
    return FoundImage(relative, width, height)
