"""The results plugin's settings (RESULTS_*), declared once with defaults and checked on load."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hub.settings import settings_from

PREFIX = "RESULTS"


@dataclass(frozen=True)
class ResultsSettings:
    """What a site may set; each field is the setting RESULTS_<FIELD NAME>."""

    # The folder of exports, beside content/ by default; never part of the built site.
    folder: str = ""
    # Files to read instead of the whole folder (`invoke results FILE ...` sets it).
    files: tuple[str, ...] = ()
    save_as: str = "share/results.html"

    def __post_init__(self) -> None:
        """Reject values the plugin cannot use, naming the setting."""
        if not isinstance(self.files, (tuple, list)) or not all(
            isinstance(name, str) for name in self.files
        ):
            raise ValueError("RESULTS_FILES must be a list of file names")
        if not self.save_as.endswith(".html") or self.save_as.startswith("/"):
            raise ValueError("RESULTS_SAVE_AS must be a path inside output/ ending in .html")

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ResultsSettings:
        """Read the RESULTS_* settings over the defaults."""
        return settings_from(cls, PREFIX, dict(settings))

    def paths(self, content: str | Path) -> list[Path]:
        """The files to read: those named, else every file in the folder (sorted)."""
        if self.files:
            return [Path(name) for name in self.files]
        folder = Path(self.folder) if self.folder else Path(content).parent / "results"
        if not folder.is_dir():
            return []
        return sorted(
            path for path in folder.iterdir() if path.is_file() and not path.name.startswith(".")
        )
