"""`invoke screenshots` retakes the README's pictures: small PNGs of the real pages."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from conftest import sample_dir
from workflow.screenshots import (
    BRAND_SHOTS,
    FRENCH_SHOTS,
    RESULTS_HEIGHT,
    RESULTS_SHOTS,
    SHOTS,
    VIEWPORT,
    take_screenshots,
)

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_are_small_pngs_of_the_article_the_share_kit_and_the_results(tmp_path, browser):
    said: list[str] = []
    settings, docs = ROOT / "pelicanconf.py", tmp_path / "docs"
    assert take_screenshots(settings, docs, said.append, browser, sample=sample_dir()) == 0
    sizes = {name: (VIEWPORT["width"], VIEWPORT["height"]) for name in SHOTS}
    sizes |= {name: (size["width"], size["height"]) for name, size in BRAND_SHOTS.items()}
    sizes |= {name: (size["width"], size["height"]) for name, size in FRENCH_SHOTS.items()}
    sizes |= {name: (width, RESULTS_HEIGHT) for name, width in RESULTS_SHOTS.items()}
    for name, size in sizes.items():
        shot = tmp_path / "docs" / name
        with Image.open(shot) as image:
            assert image.format == "PNG"
            assert image.size == size
            # A blank or broken page would be one flat colour.
            assert len(image.getcolors(256) or ()) > 8
            if name in BRAND_SHOTS:
                # The header is the dark brand colour.
                assert image.convert("RGB").getpixel((2, 2)) == (11, 31, 58)
        assert shot.stat().st_size < 120_000
    assert [line.split(":")[0] for line in said] == [f"docs/{name}" for name in sizes]
