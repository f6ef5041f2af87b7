"""`invoke audit`: build the sample site, serve it on loopback, audit three pages, print scores."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hub.build import build

from .lighthouse import (
    AUDIT_DIR,
    INSTALL_HINT,
    Budget,
    below_budget,
    chromium_missing,
    failed_audits,
    lighthouse_binary,
    network_requests,
    run_lighthouse,
    scores,
)
from .serve import serving

ARTICLE = "3-things-to-do-with-a-bag-of-dried-beans"


@dataclass(frozen=True)
class AuditPage:
    """One page to audit; a noindex page does not count SEO."""

    name: str
    path: str
    indexable: bool = True


def pages_to_audit(output: Path, article: str = ARTICLE) -> tuple[list[AuditPage], list[str]]:
    """The home page, an article and its share-kit page, with a note for any page left out."""
    pages = [AuditPage("home", ""), AuditPage("article", f"{article}/")]
    notes = []
    if (output / "share" / article / "index.html").is_file():
        pages.append(AuditPage("share kit", f"share/{article}/", indexable=False))
    else:
        notes.append(f"share kit page skipped: the build wrote no share/{article}/")
    return pages, notes


def load_weight(report: dict) -> tuple[int, int]:
    """Requests and bytes (HTML, CSS and JS, uncompressed) Chromium needed to load a page."""
    requests = network_requests(report)
    code = [
        item
        for item in requests
        if item.get("resourceType") != "Image"
        and not str(item.get("mimeType", "")).startswith("image/")
    ]
    return len(requests), sum(int(item.get("resourceSize") or 0) for item in code)


def axe_by_page(base_url: str, pages: list[AuditPage]) -> dict[str, list[str]]:
    """axe-core violations for each page, in Chromium run through the offline wrapper."""
    from playwright.sync_api import sync_playwright

    from .axe import axe_violations

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(AUDIT_DIR / "chromium"))
        try:
            for page_info in pages:
                page = browser.new_page(viewport={"width": 390, "height": 844})
                page.goto(f"{base_url}/{page_info.path}", wait_until="load")
                found[page_info.name] = axe_violations(page)
                page.close()
        finally:
            browser.close()
    return found


def run_audit(settings: Path, echo: Callable[[str], None], budget: Budget | None = None) -> bool:
    """Audit the sample site; print a table of scores; True when every budget is met."""
    budget = budget or Budget()
    if missing := chromium_missing():
        echo(missing)
        return False
    if lighthouse_binary() is None:
        echo(f"Lighthouse is not installed: run {INSTALL_HINT}")
        return False
    with tempfile.TemporaryDirectory(prefix="hub-audit-") as folder:
        output = Path(folder) / "output"
        report = build(settings, output, strict=True, echo=echo)
        if not report.ok:
            echo(report.summary())
            return False
        pages, notes = pages_to_audit(output)
        problems: list[str] = []
        with serving(output) as served:
            axe = axe_by_page(served.url, pages)
            echo("Lighthouse (mobile)  perf a11y best  seo  requests     KB  axe violations")
            for page in pages:
                lighthouse = run_lighthouse(served.page_url(page.path))
                found = scores(lighthouse)
                requests, size = load_weight(lighthouse)
                row = " ".join(f"{found[name]:>4}" for name in found)
                seo_note = "" if page.indexable else "  (noindex: SEO not counted)"
                echo(
                    f"  {page.name:<18}{row}  {requests:>8} {size / 1000:>6.1f}"
                    f"  {len(axe[page.name]):>14}{seo_note}"
                )
                problems += [
                    f"{page.name}: {name} {found[name]} < {budget.minimum(name)}:"
                    f" {'; '.join(failed_audits(lighthouse, name))}"
                    for name in below_budget(found, budget, indexable=page.indexable)
                ]
                problems += [f"{page.name}: axe {line}" for line in axe[page.name]]
    for line in notes + problems:
        echo(line)
    echo("Audit passed: every budget met." if not problems else "Audit failed.")
    return not problems
