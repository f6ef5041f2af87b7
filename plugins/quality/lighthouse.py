"""Run Lighthouse against Debian's Chromium and judge its scores against the hub's budgets."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

AUDIT_DIR = Path(__file__).resolve().parents[2] / "tests" / "audit"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
INSTALL_HINT = "PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --prefix tests/audit"


def chromium_missing() -> str | None:
    """The line to show when Debian's Chromium (or HUB_CHROMIUM) is not there, else None."""
    path = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
    if os.access(path, os.X_OK):
        return None
    return (
        f"error: Chromium is not installed (looked for {path}); install it with"
        " apt-get install chromium, or set HUB_CHROMIUM to where it is"
    )


@dataclass(frozen=True)
class Budget:
    """The lowest score each Lighthouse category may have (0-100)."""

    performance: int = 98
    accessibility: int = 100
    best_practices: int = 100
    seo: int = 100

    def minimum(self, category: str) -> int:
        """The budget for a Lighthouse category id such as "best-practices"."""
        return getattr(self, category.replace("-", "_"))


def lighthouse_binary(audit_dir: Path = AUDIT_DIR) -> Path | None:
    """The installed Lighthouse command, or None before `npm ci`."""
    binary = audit_dir / "node_modules" / ".bin" / "lighthouse"
    return binary if binary.exists() else None


def run_lighthouse(url: str, audit_dir: Path = AUDIT_DIR, timeout: float = 180) -> dict[str, Any]:
    """Audit URL with the mobile preset and return Lighthouse's JSON report."""
    binary = lighthouse_binary(audit_dir)
    if binary is None:
        raise FileNotFoundError(f"Lighthouse is not installed: run {INSTALL_HINT}")
    # The wrapper adds the flags that keep Chromium off the network (CHROME_PATH is read by
    # chrome-launcher, which Lighthouse uses to start the browser).
    env = {**os.environ, "CHROME_PATH": str(audit_dir / "chromium")}
    command = [
        str(binary),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless",
    ]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0 or not done.stdout.strip():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"Lighthouse failed on {url}: {last}")
    return json.loads(done.stdout)


def scores(report: dict[str, Any]) -> dict[str, int]:
    """Each category's score out of 100 (0 when Lighthouse could not score it)."""
    categories = report["categories"]
    return {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES}


def below_budget(found: dict[str, int], budget: Budget, *, indexable: bool = True) -> list[str]:
    """The categories under their budget; SEO does not count on a noindex page."""
    return [
        name
        for name in CATEGORIES
        if (indexable or name != "seo") and found[name] < budget.minimum(name)
    ]


def misses(found: dict[str, int], budget: Budget, *, indexable: bool = True) -> list[str]:
    """One line per category under its budget."""
    return [
        f"{name} {found[name]} < {budget.minimum(name)}"
        for name in below_budget(found, budget, indexable=indexable)
    ]


def failed_audits(report: dict[str, Any], category: str) -> list[str]:
    """Titles of the audits that cost a category points, to say what to fix."""
    audits = report["audits"]
    return [
        audits[ref["id"]]["title"]
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        and audits[ref["id"]].get("score") is not None
        and audits[ref["id"]]["score"] < 1
    ]


def network_requests(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The requests Chromium made while loading the page, as Lighthouse recorded them."""
    details = report["audits"].get("network-requests", {}).get("details") or {}
    return list(details.get("items", []))
