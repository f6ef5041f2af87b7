"""What the publish step keeps: the share kit stays out of a deployed site unless asked for."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .generator import KIT_FOLDER
from .settings import ShareSettings


def strip_share_kit(output: str | Path, settings: Mapping[str, Any]) -> bool:
    """Remove OUTPUT/share/ unless SHARE_KIT_PUBLISH is true; return True when it was removed."""
    if ShareSettings.from_pelican(settings).kit_publish:
        return False
    kit = Path(output) / KIT_FOLDER
    if not kit.is_dir():
        return False
    shutil.rmtree(kit)
    return True
