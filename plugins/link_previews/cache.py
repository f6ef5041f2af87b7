"""Social cards kept by a hash of what they show, checked by a digest: only missing ones drawn."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import multiprocessing
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

from hub.background import FileWriter
from hub.caches import DamagedEntry, digest_path, read_entry, write_entry
from hub.messages import shown_path

from .cards import CARD_VERSION, CardSpec, render_card

log = logging.getLogger(__name__)


def card_key(spec: CardSpec) -> str:
    """A short hash of everything the card shows, and of how it is drawn."""
    payload = json.dumps([CARD_VERSION, asdict(spec)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def card_name(slug: str, spec: CardSpec) -> str:
    """The card's file name: the slug for people, the hash so a changed card gets a new URL."""
    key = card_key(spec)
    return f"{slug}-{key}.png" if slug else f"{key}.png"


def _keep(cached: Path, data: bytes) -> OSError | None:
    """Store a drawn card and its digest; return why not when the cache cannot be written."""
    try:
        write_entry(cached, data)
    except OSError as problem:
        return problem
    return None


def _verified(cached: Path) -> bytes | None:
    """The cached card when it matches its digest; None (with a warning if damaged) otherwise."""
    try:
        return read_entry(cached)
    except DamagedEntry as damaged:
        log.warning("%s", damaged)
        return None


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
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
    cached = {spec: cache_dir / f"{card_key(spec)}.png" for spec, _ in jobs}
    missing = sorted(
        {spec for spec, path in cached.items() if not digest_path(path).is_file()}, key=card_key
    )
    # Starting processes costs more than a handful of cards: only worth it for a big batch.
    if workers > 1 and len(missing) >= parallel_from:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
            images = list(pool.map(render_card, missing, chunksize=4))
    else:
        images = [render_card(spec) for spec in missing]
    drawn = dict(zip(missing, images, strict=True))
    refused = [_keep(cached[spec], data) for spec, data in drawn.items()]
    # Copies go out on a thread while the next card is read and checked (the workers are done).
    with FileWriter(threaded=workers > 1) as files:
        for spec, target in jobs:
            data = drawn.get(spec) or _verified(cached[spec])
            if data is None:
                data = drawn[spec] = render_card(spec)
                refused.append(_keep(cached[spec], data))
            # A copy, so nothing done to the cache reaches a site.
            files.write(target, data)
    if problem := next((problem for problem in refused if problem), None):
        # A cache that cannot be written only makes builds slower: one warning, not one a card.
        log.warning(
            "%s: social cards cannot be kept for the next build (%s); they are drawn each time",
            shown_path(str(cache_dir)),
            (problem.strerror or "refused").lower(),
        )
    return len(drawn)
