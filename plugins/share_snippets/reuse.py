"""Share-kit pages and export files kept between builds, each under a digest of what it shows.

Writing the kit costs more than composing it: one large page per article and files of tens of
megabytes. When nothing a file shows has changed, the last build's copy is as good as a new
one. Pelican's own switches decide, as for the compose memo: LOAD_CONTENT_CACHE reads the
kept files, CACHE_CONTENT keeps them. A key covers every input it can see; anything it cannot
see in a stable form (an object without a readable repr) makes the key unique, so a doubt is
only a miss, never a stale page.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from hub.caches import (
    DamagedEntry,
    copy_entry,
    digest_path,
    keep_file,
    read_entry,
    write_entry,
)

log = logging.getLogger(__name__)

FOLDER = "share_snippets-kit"
# What a group of files (the exports) was written as, one name a line.
MANIFEST = ".names"


def digest(parts: Iterable[str | bytes]) -> str:
    """One hex digest of PARTS, each length-prefixed so no two sequences share a digest."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def folder_digest(folders: Iterable[str | Path]) -> str:
    """A digest of every file under FOLDERS, names and bytes (the theme's templates)."""
    parts: list[str | bytes] = []
    for folder in folders:
        root = Path(folder)
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    parts += [str(path.relative_to(root)), path.read_bytes()]
    return digest(parts)


class KitReuse:
    """Files by key in the cache folder: fetched into the output, kept after they are written."""

    def __init__(self, folder: Path | None, load: bool, save: bool) -> None:
        self.folder = folder
        self.load = load and folder is not None
        self.save = save and folder is not None
        self.used: set[str] = set()
        self.fetched = 0

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> KitReuse:
        """What Pelican's cache settings ask for (nothing without a CACHE_PATH)."""
        cache = settings.get("CACHE_PATH")
        return cls(
            Path(cache) / FOLDER if cache else None,
            load=bool(settings.get("LOAD_CONTENT_CACHE")),
            save=bool(settings.get("CACHE_CONTENT")),
        )

    @property
    def active(self) -> bool:
        """True when keys are worth working out at all."""
        return self.load or self.save

    def fetch(self, key: str, target: Path) -> bool:
        """Copy the file kept under KEY to TARGET; False when there is none to copy."""
        if not self.load or self.folder is None:
            return False
        kept = self.folder / key
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not copy_entry(kept, target):
                return False
        except DamagedEntry as damaged:
            log.warning("%s", damaged)
            return False
        except OSError:
            return False
        self.used |= {key, digest_path(kept).name}
        self.fetched += 1
        return True

    def keep(self, key: str, source: Path) -> None:
        """Keep a copy of SOURCE under KEY for the next build."""
        if not self.save or self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            keep_file(source, self.folder / key)
            self.used |= {key, digest_path(self.folder / key).name}
        except OSError as error:
            log.warning("share snippets: cannot keep %s in %s (%s)", source, self.folder, error)

    def fetch_group(self, key: str, target: Path) -> list[str] | None:
        """Copy a kept group of files into the folder TARGET; their names, or None."""
        if not self.load or self.folder is None:
            return None
        manifest = self.folder / f"{key}{MANIFEST}"
        try:
            kept = read_entry(manifest)
        except DamagedEntry as damaged:
            log.warning("%s", damaged)
            return None
        if kept is None:
            return None
        names = kept.decode("utf-8").split("\n")
        if not all(self.fetch(f"{key}-{name}", target / name) for name in names):
            return None
        self.used |= {manifest.name, digest_path(manifest).name}
        return names

    def keep_group(self, key: str, source: Path, names: list[str]) -> None:
        """Keep the files NAMES of the folder SOURCE as one group."""
        if not self.save or self.folder is None or not names:
            return
        for name in names:
            self.keep(f"{key}-{name}", source / name)
        manifest = self.folder / f"{key}{MANIFEST}"
        try:
            write_entry(manifest, "\n".join(names).encode("utf-8"))
            self.used |= {manifest.name, digest_path(manifest).name}
        except OSError as error:
            log.warning("share snippets: cannot keep %s (%s)", manifest, error)

    def prune(self) -> None:
        """Forget what this build did not use, so the cache holds one site's kit, not all."""
        if not self.save or self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in self.used:
                path.unlink(missing_ok=True)
