"""axe-core in a Playwright page: the accessibility violations a page has."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe


def axe_violations(page: Any) -> list[str]:
    """One line per axe-core violation on the loaded PAGE: rule, impact and first element."""
    found = Axe().run(page).response["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): {len(rule['nodes'])} element(s),"
        f" first {' '.join(rule['nodes'][0]['target'])}: {rule['help']}"
        for rule in found
    ]
