"""The gettext catalogues: extract the theme's words, update each language, say what is missing."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from hub import i18n

_ROOT = Path(__file__).resolve().parents[2]
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@dataclass(frozen=True)
class Domain:
    """One catalogue: where its source words are, how to read them, where its files go."""

    name: str
    sources: Path
    mapping: Path
    locale_dir: Path

    @property
    def template(self) -> Path:
        """The extracted messages, the .pot every language's .po is updated from."""
        return self.locale_dir / f"{self.name}.pot"

    def po_path(self, lang: str) -> Path:
        """LANG's translations of this domain."""
        return self.locale_dir / lang / "LC_MESSAGES" / f"{self.name}.po"


PROJECT = "hub"
# Lines that change on every run: left out when deciding whether a catalogue changed.
_STAMPS = (b'"POT-Creation-Date:', b'"PO-Revision-Date:')

DOMAINS = {
    "theme": Domain(
        "theme", _ROOT / "theme", _ROOT / "theme" / "babel.cfg", i18n.LOCALE_DIRS["theme"]
    ),
}
TRANSLATED = tuple(lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE_LANGUAGE)


def _shown(path: Path, domain: Domain) -> str:
    """PATH relative to the project (or to DOMAIN's folder), as messages name files."""
    base = _ROOT if path.is_relative_to(_ROOT) else domain.locale_dir.parent
    return path.relative_to(base).as_posix()


def header_comment(lang: str | None) -> str:
    """The comment opening a catalogue: what it holds and how to update it."""
    what = f"{i18n.locale(lang).english_name} translations of" if lang else "The template of"
    return (
        f"# {what} the hub's reader-facing words.\n"
        "# Update with `invoke translations`; every message needs a translation and no fuzzy flag."
    )


def _new_catalog(domain: Domain, lang: str | None = None) -> Catalog:
    """An empty catalogue of DOMAIN (in LANG), with a header naming no person or address."""
    catalog = Catalog(
        locale=lang, domain=domain.name, header_comment=header_comment(lang), project=PROJECT,
        version="1", charset="utf-8", fuzzy=False,
    )  # fmt: skip
    # Babel fills these with placeholders when given nothing.
    catalog.msgid_bugs_address = catalog.last_translator = catalog.language_team = ""
    return catalog


def extract(domain: Domain) -> Catalog:
    """Every message DOMAIN's sources mark for translation, as Babel's extractor reads them."""
    with domain.mapping.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(domain.mapping))
    catalog = _new_catalog(domain)
    for filename, lineno, message, comments, context in extract_from_dir(
        domain.sources, method_map, options_map, comment_tags=("Translators:",)
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _read(path: Path, lang: str | None = None) -> Catalog | None:
    """The catalogue at PATH, or None when there is none yet."""
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _write(path: Path, catalog: Catalog) -> None:
    """Write CATALOG to PATH unless only its dates changed (file names, no line numbers)."""
    out = io.BytesIO()
    write_po(out, catalog, width=100, ignore_obsolete=True, include_lineno=False)
    if path.is_file() and _unstamped(path.read_bytes()) == _unstamped(out.getvalue()):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def _unstamped(text: bytes) -> list[bytes]:
    """TEXT's lines without the date stamps."""
    return [line for line in text.splitlines() if not line.startswith(_STAMPS)]


def _ids(catalog: Catalog) -> set:
    """The message ids of CATALOG (a plural's id is its singular and plural)."""
    return {message.id for message in catalog if message.id}


def update(domain: Domain, echo: Callable[[str], None]) -> None:
    """Re-extract DOMAIN's .pot and merge it into every language's .po, as `pybabel update` does."""
    template = extract(domain)
    _write(domain.template, template)
    echo(f"{_shown(domain.template, domain)}: {len(_ids(template))} messages")
    for lang in TRANSLATED:
        path = domain.po_path(lang)
        catalog = _read(path, lang) or _new_catalog(domain, lang)
        catalog.update(template)
        _write(path, catalog)


def _untranslated(message) -> bool:
    """Whether a message has no translation in one of its forms."""
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not all(strings)


def problems(domain: Domain) -> list[str]:
    """One line per message missing from the .pot, or untranslated or fuzzy in a language."""
    found = sorted(_ids(extract(domain)), key=_first)
    pot = _shown(domain.template, domain)
    template = _read(domain.template)
    if template is None:
        return [f"{pot} is missing; run invoke translations"]
    known = _ids(template)
    lines = [
        f"{pot}: {_first(msgid)!r} is not extracted; run invoke translations"
        for msgid in found
        if msgid not in known
    ]
    for lang in TRANSLATED:
        path = domain.po_path(lang)
        catalog = _read(path, lang)
        if catalog is None:
            lines.append(f"{_shown(path, domain)} is missing; run invoke translations")
            continue
        for msgid in found:
            if problem := _problem(catalog.get(msgid), msgid):
                lines.append(f"{_shown(path, domain)}: {_first(msgid)!r} {problem}")
    return lines


def _problem(message, msgid) -> str | None:
    """What is wrong with one translation of MSGID, or None."""
    if message is None or _untranslated(message):
        return "has no translation"
    if message.fuzzy:
        return "is marked fuzzy; check it and remove the flag"
    if _placeholders(message.string) != _placeholders(msgid):
        names = ", ".join(f"%({name})s" for name in sorted(_placeholders(msgid))) or "none"
        return f"needs the same placeholders as the English: {names}"
    return None


def _placeholders(text) -> set[str]:
    """The %(name)s placeholders in a message (both forms of a plural)."""
    forms = text if isinstance(text, tuple | list) else (text,)
    return {name for form in forms for name in _PLACEHOLDER.findall(form or "")}


def _first(msgid) -> str:
    """A message's singular (a plural's id is a tuple)."""
    return msgid[0] if isinstance(msgid, tuple) else msgid


def refresh(echo: Callable[[str], None], check: bool = False) -> int:
    """`invoke translations`: update every catalogue (CHECK: only report); 1 while work is left."""
    left = []
    for domain in DOMAINS.values():
        if not check:
            update(domain, echo)
        left += problems(domain)
    for problem in left:
        echo(problem)
    if not left:
        echo("Every message is translated in " + ", ".join(TRANSLATED) + ".")
    return 1 if left else 0
