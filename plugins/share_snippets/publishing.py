"""What the publish step keeps: the share kit stays out of a deployed site unless asked for."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .generator import KIT_FOLDER, MANIFEST_NAME
from .settings import ShareSettings


def strip_share_kit(output: str | Path, settings: Mapping[str, Any]) -> bool:
    """Remove OUTPUT/share/ unless SHARE_KIT_PUBLISH is true; return True when it was removed.

    A kit that stays keeps its record of posts out: that is for the next publish, not readers.
    """
    if ShareSettings.from_pelican(settings).kit_publish:
        (Path(output) / KIT_FOLDER / MANIFEST_NAME).unlink(missing_ok=True)
        return False
    kit = Path(output) / KIT_FOLDER
    if not kit.is_dir():
        return False
    shutil.rmtree(kit)
    return True


def keep_record(kit: Path, record: Path) -> None:
    """Move the kit's record of its posts to RECORD, for the next publish to compare with."""
    made = kit / MANIFEST_NAME
    if made.is_file():
        shutil.move(made, record)
