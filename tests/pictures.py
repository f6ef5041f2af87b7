"""Pictures drawn with Pillow for tests: a JPEG of any size, no files from elsewhere."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def photo(width: int = 1600, height: int = 1067, colour: str = "#e8c547") -> bytes:
    """A JPEG WIDTH by HEIGHT: a board with two halves of a fruit of COLOUR on it."""
    image = Image.new("RGB", (width, height), "#d9c7a3")
    draw = ImageDraw.Draw(image)
    for row in range(0, height, max(1, height // 12)):
        draw.line((0, row, width, row + height // 30), fill="#cdb991", width=max(1, height // 90))
    radius = min(width, height) // 4
    for centre_x, centre_y in ((width * 0.38, height * 0.52), (width * 0.64, height * 0.46)):
        box = (centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius)
        draw.ellipse(box, fill=colour, outline="#b08d1a", width=max(1, radius // 12))
        inner = radius * 0.8
        draw.ellipse(
            (centre_x - inner, centre_y - inner, centre_x + inner, centre_y + inner), fill="#f7eaa0"
        )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
