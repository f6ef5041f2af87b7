"""The README's screenshots: an article page and its share kit, taken in headless Chromium."""

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
    from quality.lighthouse import chromium_missing
    from quality.serve import serving

    if browser is None and (missing := chromium_missing()):
        say(missing)
        return 1
    with tempfile.TemporaryDirectory(prefix="hub-shots-") as folder:
        output = Path(folder) / "output"
        report = build(settings, output, strict=True)
        if not report.ok:
            say(report.summary())
            return 1
        docs.mkdir(parents=True, exist_ok=True)
        with serving(output) as served, _chromium(browser) as chromium:
            page = chromium.new_page(viewport=VIEWPORT)
            for name, path in SHOTS.items():
                page.goto(served.page_url(path), wait_until="networkidle")
                page.screenshot(path=str(docs / name))
                shrink(docs / name)
                say(f"{docs.name}/{name}: {(docs / name).stat().st_size // 1024} KB")
            page.close()
    return 0


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
