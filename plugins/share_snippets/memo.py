"""Composed snippets remembered between builds, in Pelican's cache folder, keyed by their inputs.

compose() is a pure function of an article's plain values, the networks, the wordings, the UTM
scheme and the code that composes; the key is a hash of all of them, so a changed article,
setting or plugin simply misses. The plan is not remembered: it depends on "now". Pelican's own
switches decide: LOAD_CONTENT_CACHE reads the memo, CACHE_CONTENT writes it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import pickle
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from hub.caches import DamagedEntry, keep_streamed, read_entry
from hub.utm import UtmScheme

from .compose import ArticleData, Snippet
from .networks import Network

log = logging.getLogger(__name__)

FILENAME = "share_snippets-compose.pickle"
# The code whose behaviour the snippets depend on: any change to it is a new key.
_CODE = [
    Path(__file__).resolve().parent / name
    for name in ("compose.py", "networks.py", "memo.py", "trim.py", "wording.py")
] + [
    Path(__file__).resolve().parents[1] / "hub" / name
    for name in ("text.py", "utm.py", "urls.py", "hashtags.py", "i18n.py")
]
# The hub's catalogues: a changed translation is a changed post.
_CODE += sorted((Path(__file__).resolve().parents[1] / "hub" / "locale").glob("*/*/hub.po"))
# The libraries that count and split text, and the Unicode tables Python itself uses.
_LIBRARIES = ("twitter-text-parser", "regex")


def _code_digest() -> bytes:
    digest = hashlib.sha256(unicodedata.unidata_version.encode())
    for name in _LIBRARIES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "unknown"
        digest.update(f"{name}={version}".encode())
    for path in _CODE:
        digest.update(path.read_bytes())
    return digest.digest()


def _network_values(network: Network) -> tuple[object, ...]:
    """A network's settings, without its counting function (its code is in the key)."""
    return (network.id, network.name, network.limit, network.counted_as, network.hashtags,
            network.max_bytes, network.hook)  # fmt: skip


class ComposeMemo:
    """Snippets by key, loaded from the cache folder and written back with this build's only."""

    def __init__(self, path: Path | None, load: bool, save: bool) -> None:
        self.path, self.save_enabled = path, save
        self.known: dict[str, list[Snippet]] = {}
        self.used: dict[str, list[Snippet]] = {}
        self.code = _code_digest()
        if path is not None and load and path.is_file():
            try:
                kept = read_entry(path)
                known = pickle.loads(kept) if kept is not None else None
                if isinstance(known, dict):
                    self.known = known
            except DamagedEntry as damaged:
                log.warning("%s", damaged)
            # A damaged or foreign cache is only a miss.
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError,
                    AttributeError, ImportError, IndexError, KeyError) as error:  # fmt: skip
                log.debug("share snippets: ignoring the compose cache %s (%s)", path, error)

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> ComposeMemo:
        """The memo Pelican's cache settings ask for (none without a CACHE_PATH)."""
        folder = settings.get("CACHE_PATH")
        path = Path(folder) / FILENAME if folder else None
        return cls(
            path,
            load=bool(settings.get("LOAD_CONTENT_CACHE")),
            save=bool(settings.get("CACHE_CONTENT")),
        )

    def key(
        self,
        article: ArticleData,
        networks: Sequence[Network],
        templates: Mapping[str, Sequence[str]],
        utm: UtmScheme,
    ) -> str:
        """A digest of everything compose() reads."""
        values = (
            article,
            [_network_values(network) for network in networks],
            sorted((kind, tuple(wordings)) for kind, wordings in templates.items()),
            utm,
        )
        return hashlib.sha256(self.code + repr(values).encode("utf-8", "surrogatepass")).hexdigest()

    def compose(
        self,
        compose: Callable[..., list[Snippet]],
        article: ArticleData,
        networks: Sequence[Network],
        templates: Mapping[str, Sequence[str]],
        utm: UtmScheme,
    ) -> list[Snippet]:
        """compose(article, networks, templates, utm), remembered."""
        if not self.known and not self.save_enabled:
            return compose(article, networks, templates, utm)  # nothing to look up or keep
        key = self.key(article, networks, templates, utm)
        snippets = self.known.get(key)
        if snippets is None:
            snippets = compose(article, networks, templates, utm)
        if self.save_enabled:
            self.used[key] = snippets
        return list(snippets)

    def save(self) -> None:
        """Write this build's entries (and only those) when CACHE_CONTENT is on."""
        if self.path is None or not self.save_enabled or self.used == self.known:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            keep_streamed(
                self.path,
                lambda stream: pickle.dump(self.used, stream, protocol=pickle.HIGHEST_PROTOCOL),
            )
        except OSError as error:
            log.warning("share snippets: cannot write the compose cache %s (%s)", self.path, error)
