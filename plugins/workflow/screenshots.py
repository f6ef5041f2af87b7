"""The README's screenshots: an article, its share kit and What's working, in headless Chromium."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
# A small palette keeps each PNG small enough to commit; text stays crisp.
COLOURS = 64


def shrink(path: Path) -> None:
    """Rewrite a screenshot as an optimised palette PNG."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def take_screenshots(
    settings: Path, docs: Path, say: Callable[[str], None], browser: Any = None
) -> int:
    """Build the sample site, serve it on loopback and save each shot into DOCS."""
    from quality.serve import serving

    with tempfile.TemporaryDirectory(prefix="hub-shots-") as folder:
        output, counted = Path(folder) / "output", Path(folder) / "counted"
        report = build(settings, output, strict=True)
        with_results = build(settings, counted, strict=True, overrides=sample_results())
        if not (report.ok and with_results.ok):
            say((report if not report.ok else with_results).summary())
            return 1
        docs.mkdir(parents=True, exist_ok=True)
        with _chromium(browser) as chromium:
            with serving(output) as served:
                page = chromium.new_page(viewport=VIEWPORT)
                for name, path in SHOTS.items():
                    _shoot(page, served.page_url(path), docs / name, say)
                page.close()
            with serving(counted) as served:
                for name, width in RESULTS_SHOTS.items():
                    page = chromium.new_page(viewport={"width": width, "height": RESULTS_HEIGHT})
                    _shoot(page, served.page_url(RESULTS_PAGE), docs / name, say)
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
