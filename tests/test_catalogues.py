"""The theme's gettext catalogues: every template word extracted and translated (real Babel)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from language import catalogues
from language.catalogues import DOMAINS, Domain, problems, update

THEME = DOMAINS["theme"]


def test_every_template_word_is_in_the_pot_and_translated_in_every_language():
    assert problems(THEME) == []


def test_every_language_is_checked():
    assert catalogues.TRANSLATED == ("fr", "de", "es", "nl")
    for lang in catalogues.TRANSLATED:
        with THEME.po_path(lang).open("rb") as handle:
            catalog = read_po(handle)
        assert str(catalog.locale) == lang and not catalog.fuzzy


@pytest.fixture
def small_theme(tmp_path: Path) -> Domain:
    """A theme of one template, read with the real theme's Babel mapping."""
    shutil.copy(THEME.mapping, tmp_path / "babel.cfg")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text(
        '<h2>{{ _("Read next") }}</h2>\n'
        "<p>{% trans count=n %}{{ count }} article{% pluralize %}{{ count }} articles{% endtrans %}"
        "</p>\n",
        encoding="utf-8",
    )
    return Domain("theme", tmp_path, tmp_path / "babel.cfg", tmp_path / "locale")


def translate(domain: Domain, lang: str, strings: dict, fuzzy: bool = False) -> None:
    """Fill LANG's .po of DOMAIN with STRINGS (msgid -> translation)."""
    path = domain.po_path(lang)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    for message in catalog:
        if message.id in strings:
            message.string = strings[message.id]
            if fuzzy:
                message.flags.add("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog)


def translate_all(domain: Domain) -> None:
    for lang in catalogues.TRANSLATED:
        translate(domain, lang, {"Read next": lang, ("%(count)s article", "%(count)s articles"): (
            f"%(count)s {lang}", f"%(count)s {lang}s")})  # fmt: skip


def test_no_pot_yet_is_one_line_saying_what_to_run(small_theme):
    assert problems(small_theme) == ["locale/theme.pot is missing; run invoke translations"]


def test_update_extracts_and_every_language_then_needs_its_translations(small_theme):
    said = []
    update(small_theme, said.append)
    assert said == ["locale/theme.pot: 2 messages"]
    found = problems(small_theme)
    assert "locale/fr/LC_MESSAGES/theme.po: 'Read next' has no translation" in found
    assert "locale/nl/LC_MESSAGES/theme.po: '%(count)s article' has no translation" in found
    assert len(found) == 8
    translate_all(small_theme)
    assert problems(small_theme) == []


def test_a_new_template_word_is_missing_until_extracted_then_untranslated(small_theme):
    update(small_theme, print)
    translate_all(small_theme)
    template = small_theme.sources / "templates" / "page.html"
    template.write_text(template.read_text() + '<p>{{ _("Share this") }}</p>\n', encoding="utf-8")
    assert problems(small_theme) == [
        "locale/theme.pot: 'Share this' is not extracted; run invoke translations",
        *(f"locale/{lang}/LC_MESSAGES/theme.po: 'Share this' has no translation"
          for lang in catalogues.TRANSLATED),
    ]  # fmt: skip
    update(small_theme, print)
    assert len(problems(small_theme)) == 4  # extracted, now only untranslated
    # What was translated before is kept.
    with small_theme.po_path("de").open("rb") as handle:
        assert read_po(handle).get("Read next").string == "de"


def test_a_fuzzy_or_placeholder_dropping_translation_is_named(small_theme):
    update(small_theme, print)
    translate_all(small_theme)
    translate(small_theme, "es", {"Read next": "Sigue leyendo"}, fuzzy=True)
    translate(small_theme, "fr", {("%(count)s article", "%(count)s articles"): ("un", "des")})
    assert problems(small_theme) == [
        "locale/fr/LC_MESSAGES/theme.po: '%(count)s article' needs the same placeholders as"
        " the English: %(count)s",
        "locale/es/LC_MESSAGES/theme.po: 'Read next' is marked fuzzy; check it and remove the flag",
    ]


def test_updating_again_changes_no_file_not_even_its_date(small_theme):
    update(small_theme, print)
    translate_all(small_theme)
    update(small_theme, print)
    for path in small_theme.locale_dir.rglob("*.po*"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        dated = [
            '"POT-Creation-Date: 2020-01-01 00:00+0000\\n"\n' if line.startswith('"POT-') else line
            for line in lines
        ]
        path.write_text("".join(dated), encoding="utf-8")
    before = {path: path.read_bytes() for path in small_theme.locale_dir.rglob("*.po*")}
    assert all(b"2020-01-01" in text for text in before.values())
    update(small_theme, print)
    assert {path: path.read_bytes() for path in small_theme.locale_dir.rglob("*.po*")} == before
