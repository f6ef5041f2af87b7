"""The README's screenshots: an article, its share kit, a branded site and What's working."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

from hub.build import build

ARTICLE = "3-things-to-do-with-a-bag-of-dried-beans"
# File name in docs/ -> page of the built site.
SHOTS = {"article.png": f"{ARTICLE}/", "share-kit.png": f"share/{ARTICLE}/"}
VIEWPORT = {"width": 900, "height": 1100}
# "What's working", counted from the sample exports the tests use, on a phone and a desktop.
RESULTS_PAGE = "share/results.html"
RESULTS_SAMPLE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "results"
RESULTS_SHOTS = {"results-390.png": 390, "results-1280.png": 1280}
RESULTS_HEIGHT = 1100
# The same article on a site with a dark brand colour and a logo, on a phone and a desktop.
BRAND = {"BRAND_COLOUR": "#0b1f3a", "BRAND_LOGO": "images/logo.svg"}
BRAND_SHOTS = {
    "brand-dark-390.png": {"width": 390, "height": 844},
    "brand-dark-1280.png": {"width": 1280, "height": 900},
}
# The sample's French translation, on a phone and a desktop.
FRENCH_ARTICLE = "fr/3-things-to-do-with-a-squeezed-lemon/"
FRENCH_SHOTS = {
    "french-article-390.png": {"width": 390, "height": 844},
    "french-article-1280.png": {"width": 1280, "height": 900},
}
# A small palette keeps each PNG small enough to commit; text stays crisp.
COLOURS = 64


def shrink(path: Path) -> None:
    """Rewrite a screenshot as an optimised palette PNG."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def take_screenshots(
    settings: Path,
    docs: Path,
    say: Callable[[str], None],
    browser: Any = None,
    sample: Path | None = None,
) -> int:
    """Build the sample site (and a dark-branded copy), serve it and save each shot into DOCS.

    SAMPLE is the sample's content folder (examples/content/ once `invoke init` moved it there);
    by default the settings' own.
    """
    from quality.lighthouse import chromium_missing
    from quality.serve import serving

    if browser is None and (missing := chromium_missing()):
        say(missing)
        return 1
    with tempfile.TemporaryDirectory(prefix="hub-shots-") as folder:
        output, branded = Path(folder) / "output", Path(folder) / "branded"
        counted = Path(folder) / "counted"
        content = Path(folder) / "content"
        sample = sample or Path(read_settings(str(settings))["PATH"])
        shutil.copytree(sample, content)
        # The theme's jar icon stands in for a logo of the writer's own.
        (content / "images").mkdir(exist_ok=True)
        shutil.copyfile(
            Path(settings).parent / "theme/static/favicon.svg", content / BRAND["BRAND_LOGO"]
        )
        builds = (
            (output, {"PATH": str(sample)}),
            (branded, {**BRAND, "PATH": str(content)}),
            (counted, {"PATH": str(sample), **sample_results()}),
        )
        for target, overrides in builds:
            report = build(settings, target, strict=True, overrides=overrides)
            if not report.ok:
                say(report.summary())
                return 1
        docs.mkdir(parents=True, exist_ok=True)
        plan = [
            *((output, name, path, VIEWPORT) for name, path in SHOTS.items()),
            *((branded, name, f"{ARTICLE}/", size) for name, size in BRAND_SHOTS.items()),
            *((output, name, FRENCH_ARTICLE, size) for name, size in FRENCH_SHOTS.items()),
            *(
                (counted, name, RESULTS_PAGE, {"width": width, "height": RESULTS_HEIGHT})
                for name, width in RESULTS_SHOTS.items()
            ),
        ]
        with _chromium(browser) as chromium:
            for site, name, path, viewport in plan:
                with serving(site) as served:
                    page = chromium.new_page(viewport=viewport)
                    _shoot(page, served.page_url(path), docs / name, say)
                    page.close()
    return 0


def sample_results() -> dict[str, Any]:
    """Settings that count the sample exports, from a fixed "now" so the plan is the same."""
    files = sorted(str(path) for path in RESULTS_SAMPLE.glob("*.csv"))
    return {"RESULTS_FILES": tuple(files), "SHARE_NOW": "2026-11-02T08:03"}


def _shoot(page: Any, url: str, target: Path, say: Callable[[str], None]) -> None:
    """Save one screenshot of URL as a small PNG and say how big it is."""
    page.goto(url, wait_until="networkidle")
    page.screenshot(path=str(target))
    shrink(target)
    say(f"{target.parent.name}/{target.name}: {target.stat().st_size // 1024} KB")


@contextmanager
def _chromium(browser: Any) -> Iterator[Any]:
    """BROWSER when given (tests share one), else Chromium started for these shots."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright

    from quality.lighthouse import AUDIT_DIR

    with sync_playwright() as playwright:
        # The audit wrapper runs Debian's Chromium with every non-local host blocked.
        chromium = playwright.chromium.launch(executable_path=str(AUDIT_DIR / "chromium"))
        try:
            yield chromium
        finally:
            chromium.close()
