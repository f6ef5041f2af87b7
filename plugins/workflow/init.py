"""Turn the sample checkout into a writer's own hub: site.yml, starter pages, a first draft."""

from __future__ import annotations

import datetime
import functools
import json
import shutil
import string
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from hub import site_file
from hub.i18n import LANGUAGES, SOURCE_LANGUAGE

from .new import new_article

EXAMPLES = "examples"
# What init moves out of content/ (the sample's articles, pages, questions, calls to action
# and pictures); drafts stay, as they are the writer's own work in progress.
SAMPLE_PARTS = ("articles", "pages", "questions", "images", "calls-to-action.yml")
# The first line of a site.yml that init wrote: how a second run knows the hub is set up.
MARKER = "# Written by invoke init."
# The sample's name in its site.yml: a site.yml with any other name is a writer's own.
SAMPLE_NAME = "Larder Lane"


class InitProblem(Exception):
    """A reason init changed nothing, as one line for the writer."""


@dataclass(frozen=True)
class Question:
    """One thing init asks: its site.yml key, flag, prompt and default (None: required)."""

    key: str
    flag: str
    prompt: str
    default: Callable[[Mapping[str, str]], str] | None


def _fixed(value: str) -> Callable[[Mapping[str, str]], str]:
    return lambda answers: value


def local_timezone(localtime: Path = Path("/etc/localtime")) -> str:
    """The machine's time zone by name (Europe/London), or UTC when it cannot be told."""
    try:
        target = str(localtime.resolve())
    except OSError:
        return "UTC"
    name = target.partition("/zoneinfo/")[2]
    return name if name in zoneinfo.available_timezones() else "UTC"


QUESTIONS = (
    Question("name", "--name", "Your business's name", None),
    # Asked early: the suggested tagline and description are in the site's language.
    Question(
        "language",
        "--language",
        f"The site's language ({', '.join(LANGUAGES)})",
        _fixed(SOURCE_LANGUAGE),
    ),
    Question("tagline", "--tagline", "A one-line tagline", lambda a: suggested(a, "tagline")),
    Question(
        "description",
        "--about",
        "What you offer and where, in a sentence (the home page's intro)",
        lambda a: suggested(a, "description"),
    ),
    Question("email", "--email", "The email address readers' questions go to", None),
    Question("url", "--url", "Your site's web address, if you have one", _fixed("")),
    Question("timezone", "--timezone", "Your time zone", lambda a: local_timezone()),
    Question("colour", "--colour", "Your brand colour, e.g. #1d4d2b", _fixed("#1d4d2b")),
    Question("logo", "--logo", "A logo file to use (png, jpg, webp or svg), if any", _fixed("")),
    Question(
        "networks",
        "--networks",
        "The networks you post on, separated by commas",
        _fixed(", ".join(site_file.KEYS["networks"].default)),
    ),
    Question(
        "slots",
        "--slots",
        "Your usual posting times, separated by commas",
        _fixed(", ".join(site_file.KEYS["slots"].default)),
    ),
    Question("form", "--form", "A form service's address for questions, if any", _fixed("")),
    Question("newsletter", "--newsletter", "Your newsletter's sign-up address, if any", _fixed("")),
)
NEWSLETTER_HOSTS = {"buttondown": "buttondown", "list-manage": "mailchimp", "kit.com": "kit"}


def answer_problem(question: Question, text: str) -> str | None:
    """What is wrong with one answer, or None; checked as site.yml will check it."""
    if question.default is None and not text.strip():
        return "it cannot be empty"
    if question.key == "logo" and text:
        if Path(text).suffix.lower() not in site_file.LOGO_TYPES:
            return f"'{text}' is not a PNG, JPEG, WebP or SVG file"
        if not Path(text).is_file():
            return f"{text} is not a file"
        text = f"images/logo{Path(text).suffix.lower()}" if text else ""
    try:
        site_file.KEYS[question.key].check(text)
    except ValueError as problem:
        return str(problem)
    return None


def gather(
    given: Mapping[str, str],
    ask: Callable[[str], str] | None,
    *,
    defaults: bool,
    current: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Every answer: from flags, else asked (ASK), else the default; one line when stuck.

    DEFAULTS (--yes) takes the default for every question that has one, asking only for
    what has none. CURRENT (site.yml's values, when run again) are the defaults then.
    """
    answers: dict[str, str] = {}
    current = current or {}
    for question in QUESTIONS:
        if question.key in current:
            question = replace(question, default=_fixed(current[question.key]))
        text = given.get(question.key)
        if text is None and ask is not None and not (defaults and question.default):
            default = question.default(answers) if question.default else ""
            prompt = question.prompt + (f" [{default}]" if default else "") + ": "
            while problem := answer_problem(question, text := ask(prompt).strip() or default):
                prompt = f"({problem}) {question.prompt}: "
        elif text is None:
            if question.default is None:
                raise InitProblem(
                    f"init needs {question.flag} when it cannot ask (no terminal);"
                    ' e.g. invoke init --name "Bramble Bakery" --email hello@bramble.example --yes'
                )
            text = question.default(answers)
        text = " ".join(str(text).split())
        if problem := answer_problem(question, text):
            raise InitProblem(f"{question.flag}: {problem}")
        answers[question.key] = text
    return answers


@functools.cache
def welcome(lang: str) -> dict[str, Any]:
    """The words init writes for readers in LANG (welcome/LANG.yml), English when it has none."""
    folder = Path(__file__).resolve().parent / "welcome"
    path = folder / f"{lang}.yml"
    return yaml.safe_load((path if path.is_file() else folder / "en.yml").read_text("utf-8"))


def _words(answers: Mapping[str, str], key: str, **values: str) -> str:
    """The text KEY in the site's language, with $name, $about, $mail and VALUES filled in."""
    name, email = answers["name"], answers["email"]
    return string.Template(welcome(answers["language"])[key]).substitute(
        name=name, about=answers["description"], mail=f"[{email}](mailto:{email})", **values
    )


def suggested(answers: Mapping[str, str], key: str) -> str:
    """A suggested answer (tagline, description) in the site's language, from the name."""
    return _words({"description": "", "email": "", **answers}, key)


def _yaml_text(text: str) -> str:
    """TEXT as a YAML value: plain when YAML reads it back the same, quoted otherwise."""
    plain = ": " not in text and " #" not in text and text[0] not in "!&*?|>'\"%@`#[]{},-"
    return text if plain and yaml.safe_load(text) == text else json.dumps(text, ensure_ascii=False)


def _call(answers: Mapping[str, str], key: str) -> str:
    """A call to action's heading, text and button lines, in the site's language."""
    heading, text, button = welcome(answers["language"])["calls"][key]
    return (
        f"  heading: {_yaml_text(heading)}\n"
        f"  text: {_yaml_text(text)}\n"
        f"  button: {_yaml_text(button)}\n"
    )


def newsletter_catalogue(answers: Mapping[str, str]) -> str:
    """content/calls-to-action.yml for a site that has a newsletter sign-up address (or not)."""
    address = answers["newsletter"]
    host = urlsplit(address).netloc
    provider = next((p for part, p in NEWSLETTER_HOSTS.items() if part in host), "custom")
    first = (
        "- id: newsletter\n"
        "  stages: [learn]\n"
        f"{_call(answers, 'newsletter')}"
        "  form:\n"
        "    # It posts to the newsletter address in site.yml.\n"
        f"    provider: {provider}\n"
        if address
        else "# With a newsletter, give this entry a form instead of the link:\n"
        "#   form: {provider: buttondown, action: https://...}  (README: The next step)\n"
        "- id: newsletter\n"
        "  stages: [learn]\n"
        f"{_call(answers, 'question')}"
        '  link: "#conversation"\n'
    )
    return (
        "# Calls to action: the one gentle next step at the end of each article (README).\n"
        f"{first}"
        "- id: ask-us\n"
        "  stages: [try]\n"
        f"{_call(answers, 'ask-us')}"
        '  link: "#conversation"\n'
        "- id: chat\n"
        "  stages: [decide]\n"
        f"{_call(answers, 'chat')}"
        "  link: /ask/\n"
    )


def _page(answers: Mapping[str, str], slug: str, title: str, summary: str, body: str) -> str:
    """A page's Markdown: its header, then BODY."""
    return f"Title: {title}\nSlug: {slug}\nSummary: {summary}\n\n{body.rstrip()}\n"


def starter_pages(answers: Mapping[str, str]) -> dict[str, str]:
    """The About, Ask us and Privacy pages in the site's language, written from the answers."""
    form, newsletter = answers["form"], answers["newsletter"]
    how = _words(answers, "ask_form" if form else "ask_email")
    asking = (
        _words(answers, "privacy_form", form_host=urlsplit(form).netloc)
        if form
        else (_words(answers, "privacy_email"))
    )
    letter = (
        _words(answers, "privacy_newsletter", newsletter_host=urlsplit(newsletter).netloc)
        if newsletter
        else ""
    )
    about = answers["description"]
    return {
        "about.md": _page(
            answers, "about", _words(answers, "about_title"), about,
            f"{about}\n\n{_words(answers, 'about')}",
        ),
        "ask.md": _page(
            answers, "ask", _words(answers, "ask_title"), _words(answers, "ask_summary"),
            _words(answers, "ask", how=how),
        ),
        "privacy.md": _page(
            answers, "privacy", _words(answers, "privacy_title"),
            _words(answers, "privacy_summary"),
            _words(answers, "privacy", asking=asking, newsletter=letter),
        ),
    }  # fmt: skip


def is_initialised(root: Path) -> bool:
    """True once init has run here, or once site.yml names someone other than the sample.

    Any doubt counts as set up, so the writer's own content is never moved without --force.
    """
    written = root / site_file.FILE_NAME
    if (root / EXAMPLES).exists():
        return True
    if not written.is_file():
        return False
    text = written.read_text(encoding="utf-8", errors="replace")
    try:
        name = site_file.parse(text).get("name")
    except site_file.SiteFileError:
        return True
    return text.split("\n", 1)[0] == MARKER or name != SAMPLE_NAME


def sample_content(root: Path) -> Path | None:
    """The sample site's content folder: content/ until init moves it to examples/content/.

    None once init deleted it (--no-examples), or once content/ is the writer's own.
    """
    if not is_initialised(root):
        return root / "content"
    kept = root / EXAMPLES / "content"
    return kept if (kept / "articles").is_dir() else None


def current_values(root: Path) -> dict[str, Any]:
    """What the hub's site.yml says now, by key ({} when it is missing or cannot be read)."""
    try:
        data = site_file.parse((root / site_file.FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, site_file.SiteFileError):
        return {}
    return {
        key: value for key, value in data.items() if key in site_file.KEYS and value is not None
    }


def current_answers(root: Path) -> dict[str, str]:
    """site.yml's values as answers, for running init again (the logo stays as it is)."""
    if not is_initialised(root):
        return {}
    values = current_values(root)
    return {
        key: ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        for key, value in values.items()
        if key != "logo"
    }


def _move_sample(root: Path, keep: bool) -> list[str]:
    """Move (KEEP) or delete the sample's content, leaving drafts where they are."""
    content, examples = root / "content", root / EXAMPLES / "content"
    moved = []
    for part in SAMPLE_PARTS:
        source = content / part
        if not source.exists():
            continue
        files = (
            [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
        )
        for path in files:
            if path.suffix == ".md" and _is_draft(path):
                continue
            if keep:
                target = examples / path.relative_to(content)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(path, target)
            else:
                path.unlink()
        moved.append(f"content/{part}")
    if keep and (root / site_file.FILE_NAME).is_file():
        shutil.copy2(root / site_file.FILE_NAME, root / EXAMPLES / site_file.FILE_NAME)
    return moved


def _is_draft(path: Path) -> bool:
    """True for an article whose header says Status: draft (the writer's work in progress)."""
    header = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
    return any(line.strip().lower() == "status: draft" for line in header.splitlines())


def _write_new(path: Path, text: str) -> bool:
    """Write TEXT to PATH unless it exists (never replace the writer's own file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    return True


def site_values(answers: Mapping[str, str]) -> dict[str, Any]:
    """The answers as site.yml's values."""
    values: dict[str, Any] = {key: answers[key] for key in site_file.KEYS if key in answers}
    logo = answers["logo"]
    values["logo"] = f"images/logo{Path(logo).suffix.lower()}" if logo else ""
    for key in ("networks", "slots"):
        values[key] = [item.strip() for item in answers[key].split(",") if item.strip()]
    return values


def init_hub(
    root: Path,
    answers: Mapping[str, str],
    settings: dict[str, Any],
    *,
    examples: bool,
    force: bool,
    today: datetime.date,
) -> list[str]:
    """Make ROOT the writer's hub; return what was done, one line each."""
    again = is_initialised(root)
    if again and not force:
        raise InitProblem(
            "this hub is already set up (site.yml names your site); change site.yml directly,"
            " or run invoke init --force to write it again (articles are kept)"
        )
    done = []
    if not again:
        moved = _move_sample(root, keep=examples)
        if moved:
            where = f"moved to {EXAMPLES}/" if examples else "deleted"
            done.append(f"The sample's articles, pages, questions and calls to action: {where}")
    content = root / "content"
    if answers["logo"]:
        target = content / site_values(answers)["logo"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(answers["logo"], target)
        done.append(f"Logo copied to content/{site_values(answers)['logo']}")
    values = site_values(answers)
    if again:
        # Keys init does not ask about (accent, comments) and a logo not given again stay.
        given = {key: value for key, value in values.items() if key != "logo" or value}
        values = {**current_values(root), **given}
    text = site_file.render(values)
    (root / site_file.FILE_NAME).write_text(f"{MARKER}\n{text}", encoding="utf-8")
    done.append(f"Settings written to {site_file.FILE_NAME}")
    for page, body in starter_pages(answers).items():
        if _write_new(content / "pages" / page, body):
            done.append(f"Page written: content/pages/{page}")
    if _write_new(content / "calls-to-action.yml", newsletter_catalogue(answers)):
        done.append("Calls to action written: content/calls-to-action.yml")
    articles = content / "articles"
    if not any(articles.glob("*.md")):
        title = _words(answers, "first_title")
        draft = new_article(
            title, articles, {**settings, "DEFAULT_LANG": answers["language"]}, today
        )
        done.append(f"First article started (a draft): content/articles/{draft.name}")
    return done


def next_steps(answers: Mapping[str, str]) -> list[str]:
    """The three commands to run next."""
    publish = (
        "invoke publish" if answers["url"] else "SITEURL=https://www.example.com invoke publish"
    )
    steps = [
        ("invoke serve", "see your site, drafts included, at http://127.0.0.1:8000/"),
        (f'invoke new "{welcome(answers["language"])["new_example"]}"', "start your next article"),
        (publish, "check everything and publish it"),
    ]
    width = max(len(command) for command, _ in steps)
    return ["Next:", *(f"  {command.ljust(width)}  {why}" for command, why in steps)]
