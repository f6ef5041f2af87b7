"""Composed snippets remembered between builds: same files, no recomposing, misses on change."""

from pathlib import Path

import pytest

import share_snippets.generator as generator
from share_snippets.memo import FILENAME

GOLDEN = Path(__file__).resolve().parent / "golden" / "share-basic"
BASIC = {
    "SITEURL": "https://www.example.com",
    "SHARE_NOW": "2026-11-02T08:03",
    "PLUGINS": ["language", "writer_metadata", "things", "share_snippets", "site_files"],
}


def _exports(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (folder / "share").iterdir() if path.is_file()}


@pytest.fixture
def counted(monkeypatch):
    """Count the articles compose() is called for."""
    calls = []
    real = generator.compose

    def compose(article, *rest):
        calls.append(article.slug)
        return real(article, *rest)

    monkeypatch.setattr(generator, "compose", compose)
    return calls


def test_a_cached_rebuild_composes_nothing_and_writes_the_same_files(build_site, tmp_path, counted):
    cached = {**BASIC, "CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True,
              "LOAD_CONTENT_CACHE": True}  # fmt: skip
    first = build_site("share-basic", output=tmp_path / "one", **cached)
    composed = len(counted)
    assert composed and (tmp_path / "cache" / FILENAME).is_file()
    second = build_site("share-basic", output=tmp_path / "two", **cached)
    assert len(counted) == composed  # every article came from the memo
    assert _exports(second.output) == _exports(first.output)
    golden = {path.name: path.read_bytes() for path in GOLDEN.iterdir()}
    assert {name: _exports(second.output)[name] for name in golden} == golden
    # A changed setting that snippets depend on misses the memo.
    build_site("share-basic", output=tmp_path / "three", **{**cached, "SITENAME": "Other"})
    assert len(counted) == 2 * composed


def test_without_the_content_cache_nothing_is_remembered(build_site, tmp_path, counted):
    settings = {**BASIC, "CACHE_PATH": str(tmp_path / "cache")}
    build_site("share-basic", output=tmp_path / "one", **settings)
    build_site("share-basic", output=tmp_path / "two", **settings)
    assert not (tmp_path / "cache" / FILENAME).exists()
    assert len(counted) == 2 * len(set(counted))


def test_a_damaged_memo_is_only_a_miss(build_site, tmp_path, counted):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILENAME).write_bytes(b"not a pickle")
    site = build_site("share-basic", CACHE_PATH=str(cache), CACHE_CONTENT=True,
                      LOAD_CONTENT_CACHE=True, **BASIC)  # fmt: skip
    assert site.report.ok and counted


def test_a_memo_damaged_after_it_was_kept_is_dropped_with_a_warning(
    build_site, tmp_path, counted, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    cached = {**BASIC, "CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True,
              "LOAD_CONTENT_CACHE": True}  # fmt: skip
    first = build_site("share-basic", output=tmp_path / "one", **cached)
    composed = len(counted)
    memo = tmp_path / "cache" / FILENAME
    # Still a valid pickle, with different snippets: only the digest can tell.
    kept = memo.read_bytes()
    memo.write_bytes(kept.replace(b"https://www.example.com", b"https://www.exampel.com"))
    second = build_site("share-basic", output=tmp_path / "two", strict=False, **cached)
    assert second.report.warnings == [
        f"cache/{FILENAME}: this cache entry was damaged, so it was rebuilt (nothing to do)"
    ]
    assert len(counted) == 2 * composed
    assert _exports(second.output) == _exports(first.output)
    third = build_site("share-basic", output=tmp_path / "three", **cached)
    assert third.report.ok and len(counted) == 2 * composed
