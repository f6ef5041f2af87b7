"""Social cards kept by a hash of what they show: render only what is missing, in parallel."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

from .cards import CARD_VERSION, CardSpec, render_card


def card_key(spec: CardSpec) -> str:
    """A short hash of everything the card shows, and of how it is drawn."""
    payload = json.dumps([CARD_VERSION, asdict(spec)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def card_name(slug: str, spec: CardSpec) -> str:
    """The card's file name: the slug for people, the hash so a changed card gets a new URL."""
    key = card_key(spec)
    return f"{slug}-{key}.png" if slug else f"{key}.png"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write DATA so that another build never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".card-", suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)


def _place(cached: Path, target: Path) -> None:
    """Put the cached card at TARGET: a hard link when the file system allows, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def _pool_context() -> multiprocessing.context.BaseContext:
    """The cheapest safe way to start workers: fork a single-threaded build, else a fresh start."""
    methods = multiprocessing.get_all_start_methods()
    # Forking takes milliseconds but may deadlock a process that runs other threads.
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def ensure_cards(
    jobs: Sequence[tuple[CardSpec, Path]],
    cache_dir: Path,
    *,
    workers: int = 2,
    parallel_from: int = 8,
) -> int:
    """Place a card at each target, rendering only those not cached; returns how many it drew."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = {spec: cache_dir / f"{card_key(spec)}.png" for spec, _ in jobs}
    missing = sorted({spec for spec, path in cached.items() if not path.exists()}, key=card_key)
    # Starting processes costs more than a handful of cards: only worth it for a big batch.
    if workers > 1 and len(missing) >= parallel_from:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
            images = list(pool.map(render_card, missing, chunksize=4))
    else:
        images = [render_card(spec) for spec in missing]
    for spec, data in zip(missing, images, strict=True):
        _write_atomically(cached[spec], data)
    for spec, target in jobs:
        _place(cached[spec], target)
    return len(missing)
