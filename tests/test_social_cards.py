"""Social cards: 1200x630 PNGs whose title always fits, drawn once and then reused."""

import io
from dataclasses import replace

import pytest
from PIL import Image

from link_previews.cache import card_key, card_name, ensure_cards
from link_previews.cards import (
    ELLIPSIS,
    HEIGHT,
    MARGIN,
    TITLE_BOTTOM,
    TITLE_SIZES,
    TITLE_TOP,
    WIDTH,
    CardSpec,
    card_text,
    find_font,
    fit_title,
    render_card,
    title_box,
)

BOLD = find_font("bold")
SPEC = CardSpec(
    title="3 things to do with a bag of dried beans",
    category="Cupboard staples",
    stage="Getting started",
    site_name="Larder Lane",
    tagline="Helpful things to do with good food",
    bold_font=BOLD,
    regular_font=find_font("regular"),
)
HOSTILE = [
    '"Quoted" & <script>alert(1)</script>',
    "乾燥豆で作る三つの料理と、残ったレモンの使い道をまとめて紹介します" * 3,
    "Family dinners 👩‍👩‍👧‍👦 🧑🏽‍🍳 🏳️‍🌈 made simple",
    "שלום: three things עם לימון",
    "=SUM(A1:A9) things",
    "word " * 50,
    "x" * 250,
    "Supercalifragilisticexpialidocious" * 8,
    "",
]


def png(data):
    return Image.open(io.BytesIO(data))


def test_card_is_a_1200_by_630_png():
    image = png(render_card(SPEC))
    assert image.format == "PNG"
    assert image.size == (WIDTH, HEIGHT) == (1200, 630)


@pytest.mark.parametrize("title", HOSTILE)
@pytest.mark.parametrize("font", [BOLD, ""], ids=["system-font", "pillow-font"])
def test_any_title_stays_inside_the_margins(title, font):
    layout = fit_title(title, font)
    left, top, right, bottom = title_box(layout, font)
    assert left >= MARGIN and right <= WIDTH - MARGIN
    assert top >= TITLE_TOP and bottom <= TITLE_BOTTOM
    assert png(render_card(replace(SPEC, title=title, bold_font=font))).size == (WIDTH, HEIGHT)


def test_a_short_title_is_large_and_whole():
    layout = fit_title(SPEC.title, BOLD)
    assert layout.size == TITLE_SIZES[0]
    assert " ".join(layout.lines) == SPEC.title


def test_a_very_long_title_shrinks_then_ends_with_an_ellipsis_at_a_word():
    title = "Keep dried goods fresh for longer with these careful habits " * 5
    layout = fit_title(title, BOLD)
    assert layout.size == TITLE_SIZES[-1]
    assert layout.lines[-1].endswith(ELLIPSIS)
    shown = " ".join(layout.lines)[: -len(ELLIPSIS)]
    assert title.startswith(shown) and title[len(shown)] == " "


def test_a_long_category_and_site_name_do_not_crash():
    spec = replace(SPEC, category="Very long category name " * 6, site_name="Shop " * 20)
    assert png(render_card(spec)).size == (WIDTH, HEIGHT)


def test_the_name_changes_with_anything_the_card_shows():
    names = {card_name("beans", SPEC)}
    for change in [{"title": "New title"}, {"category": "Fresh"}, {"stage": "Try it"}]:
        names.add(card_name("beans", replace(SPEC, **change)))
    assert len(names) == 4
    assert card_name("beans", SPEC) == card_name("beans", replace(SPEC))
    assert card_name("beans", SPEC) == f"beans-{card_key(SPEC)}.png"


def test_an_unchanged_card_comes_from_the_cache_without_drawing(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    target = out / card_name("beans", SPEC)
    assert ensure_cards([(SPEC, target)], cache) == 1
    cached = cache / f"{card_key(SPEC)}.png"
    stamp = cached.stat().st_mtime_ns
    target.unlink()

    assert ensure_cards([(SPEC, target)], cache) == 0
    assert cached.stat().st_mtime_ns == stamp
    assert target.read_bytes() == cached.read_bytes()

    changed = replace(SPEC, title="3 things to do with a squeezed lemon")
    assert ensure_cards([(SPEC, target), (changed, out / card_name("lemon", changed))], cache) == 1


def cached_card(cache, spec=SPEC):
    return cache / f"{card_key(spec)}.png"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda card: card.write_bytes(b"garbage, not a PNG"), id="garbage"),
        pytest.param(lambda card: card.write_bytes(card.read_bytes()[:-10]), id="cut short"),
        pytest.param(lambda card: (card.unlink(), card.mkdir()), id="unreadable"),
    ],
)
def test_a_damaged_cache_entry_is_dropped_with_a_warning_and_drawn_again(
    tmp_path, caplog, damage, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    cache, out = tmp_path / "cache", tmp_path / "out"
    target = out / card_name("beans", SPEC)
    ensure_cards([(SPEC, target)], cache)
    damage(cached_card(cache))
    target.unlink()
    assert ensure_cards([(SPEC, target)], cache) == 1
    assert target.read_bytes() == render_card(SPEC)
    assert cached_card(cache).read_bytes() == render_card(SPEC)
    assert [record.getMessage() for record in caplog.records] == [
        f"cache/{card_key(SPEC)}.png: this cache entry was damaged,"
        " so it was rebuilt (nothing to do)"
    ]
    caplog.clear()
    assert ensure_cards([(SPEC, target)], cache) == 0
    assert caplog.records == []


def test_output_cards_are_copies_so_the_cache_never_changes_a_built_site(tmp_path):
    cache, target = tmp_path / "cache", tmp_path / "out" / card_name("beans", SPEC)
    ensure_cards([(SPEC, target)], cache)
    assert target.stat().st_nlink == 1
    placed = target.read_bytes()
    with cached_card(cache).open("r+b") as card:
        card.write(b"scribble")
    assert target.read_bytes() == placed


def test_a_cache_that_cannot_be_written_is_one_warning_and_cards_still_placed(tmp_path, caplog):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    specs = [replace(SPEC, title=f"Card {n}") for n in range(2)]
    jobs = [(spec, tmp_path / "out" / card_name("c", spec)) for spec in specs]
    assert ensure_cards(jobs, blocked) == 2
    for spec, target in jobs:
        assert target.read_bytes() == render_card(spec)
    (warning,) = caplog.records
    assert "social cards cannot be kept for the next build" in warning.getMessage()


def test_many_missing_cards_are_drawn_in_parallel_with_the_same_result(tmp_path):
    specs = [replace(SPEC, title=f"Card number {n}") for n in range(3)]
    jobs = [(spec, tmp_path / "out" / card_name("c", spec)) for spec in specs]
    assert ensure_cards(jobs, tmp_path / "cache", workers=2, parallel_from=2) == 3
    for spec, target in jobs:
        assert target.read_bytes() == render_card(spec)


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Family dinners 👩‍👩‍👧‍👦 with 🧑🏽‍🍳 and 🏳️‍🌈", "Family dinners with and"),
        ("Café™ © ♥ ☕ beans", "Café™ © ♥ beans"),
        ("1️⃣ step 🇬🇧", "1 step"),
        ("乾燥豆 שלום", "乾燥豆 שלום"),
        ("🎉", "🎉"),
    ],
)
def test_cards_leave_out_emoji_the_fonts_cannot_draw(title, shown):
    assert card_text(title) == shown
