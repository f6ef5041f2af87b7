"""The hub's catalogue: every word the plugins mark is in hub.pot and translated everywhere."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from hub import i18n

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "plugins" / "hub" / "locale"
TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE_LANGUAGE]
_FIELD = re.compile(r"\{(\w+)\}")


def marked() -> set[str]:
    """What Babel extracts with the hub domain's babel.cfg, as the README's command does."""
    with (LOCALE / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    return {
        message
        for _, _, message, _, _ in extract_from_dir(ROOT, method_map, options_map)
        if isinstance(message, str)
    }


def catalogue(path: Path, lang: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def test_every_marked_string_is_in_hub_pot_and_nothing_else():
    found = marked()
    template = {message.id for message in catalogue(LOCALE / "hub.pot") if message.id}
    assert found, "the extraction found nothing: babel.cfg no longer matches the plugins"
    assert found - template == set(), "extract again: hub.pot lacks these"
    assert template - found == set(), "extract again: hub.pot holds words no plugin uses"
    # The built-in calls to action come through the catalogue's own extraction method.
    assert "Pop in for a chat" in found
    assert "Tip {number} of {count}: {title}. {teaser}" in found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_language_translates_every_string_with_the_same_fields(lang):
    template = {message.id for message in catalogue(LOCALE / "hub.pot") if message.id}
    po = catalogue(LOCALE / lang / "LC_MESSAGES" / "hub.po", lang)
    messages = {message.id: message for message in po if message.id}
    assert set(messages) == template, "run pybabel update (plugins/README.md)"
    for msgid, message in messages.items():
        assert message.string, f"{lang}: {msgid!r} is untranslated"
        assert not message.fuzzy, f"{lang}: {msgid!r} is fuzzy"
        assert sorted(_FIELD.findall(message.string)) == sorted(_FIELD.findall(msgid)), msgid
        assert message.string != msgid, f"{lang}: {msgid!r} is left in English"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_text_says_a_marked_string_in_the_language_and_fills_its_fields(lang):
    english = "Question about: {title}"
    said = i18n.text(lang, english, title="Beans")
    assert said.endswith("Beans") and said != "Question about: Beans"
    assert i18n.text("en", english, title="Beans") == "Question about: Beans"
    # A language the hub does not speak gets the source words.
    assert i18n.text("pt", english, title="Beans") == "Question about: Beans"


def readme_commands() -> list[str]:
    """The hub domain's commands, as plugins/README.md shows them."""
    text = (ROOT / "plugins" / "README.md").read_text(encoding="utf-8")
    section = text.split("### The hub domain", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return block.strip().splitlines()


def test_the_readme_s_commands_extract_and_update_the_catalogue_as_it_is(tmp_path):
    shutil.copytree(ROOT / "plugins", tmp_path / "plugins",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    for command in readme_commands():
        done = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True,
                              text=True, env={**os.environ, "PATH": path}, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
    locale = tmp_path / "plugins" / "hub" / "locale"
    extracted = {message.id for message in catalogue(locale / "hub.pot") if message.id}
    assert extracted == {message.id for message in catalogue(LOCALE / "hub.pot") if message.id}
    for lang in TRANSLATED:
        updated = catalogue(locale / lang / "LC_MESSAGES" / "hub.po", lang)
        kept = catalogue(LOCALE / lang / "LC_MESSAGES" / "hub.po", lang)
        assert {m.id: m.string for m in updated if m.id} == {m.id: m.string for m in kept if m.id}
        assert not [m.id for m in updated if m.id and m.fuzzy]
