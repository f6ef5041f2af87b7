"""Answered reader questions: read and check content/questions/<slug>.yml files (pure)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from typing import Any

import yaml

from hub.dates import FIRST_YEAR, LAST_YEAR, date_problem
from hub.i18n import N_, text
from hub.yaml_text import yaml_problem

FIELDS = ("question", "name", "date", "answer")
REQUIRED = ("question", "date", "answer")
# Who asked, when the data file names no one: in the article's language (see in_language).
# Translators: stands in for a reader's name ("Asked by a reader"): a word that reads as one.
ANONYMOUS = N_("a reader")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class AnsweredQuestion:
    """A reader's question and the writer's answer, as plain (untrusted) text."""

    question: str
    name: str
    date: datetime.date
    answer: str

    @property
    def answer_paragraphs(self) -> list[str]:
        """The answer's lines as paragraphs (YAML's `>-` turns a blank line into one break)."""
        return [" ".join(part.split()) for part in _LINE_BREAKS.split(self.answer) if part.strip()]


class _DatesAsText(yaml.SafeLoader):
    """YAML's safe loader, with dates left as text: each entry's date is checked on its own."""


# PyYAML would turn 2026-02-30 into an error for the whole file; as text, one entry says so.
_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_questions(text: str) -> tuple[list[AnsweredQuestion], list[str]]:
    """Return the valid entries of one data file and a message for each problem."""
    try:
        data = yaml.load(text, Loader=_DatesAsText)  # a SafeLoader: no objects are built
    except yaml.YAMLError as error:
        return [], [f"is not valid YAML{yaml_problem(error, text)}"]
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], ["should be a list of entries, each starting with '- question:'"]
    questions, problems = [], []
    for number, entry in enumerate(data, start=1):
        question, entry_problems = parse_entry(entry)
        problems += [f"entry {number} {problem}" for problem in entry_problems]
        if question is not None:
            questions.append(question)
    return questions, problems


def parse_entry(entry: Any) -> tuple[AnsweredQuestion | None, list[str]]:
    """Check one entry; return it (None when unusable) and what is wrong with it."""
    if not isinstance(entry, dict):
        return None, ["is not a question; start it with '- question:' and indent its fields"]
    problems = [
        f"has an unknown field '{key}'; the fields are {', '.join(FIELDS)}"
        for key in entry
        if key not in FIELDS
    ]
    for key in REQUIRED:
        if entry.get(key) in (None, ""):
            problems.append(f"has no '{key}'; add one")
    for key in ("question", "name", "answer"):
        if entry.get(key) not in (None, "") and not isinstance(entry[key], str):
            problems.append(f"'{key}' is not plain text; put it in quotes")
    date = parse_date(entry.get("date"))
    if entry.get("date") not in (None, "") and date is None:
        said = date_problem("date", str(entry["date"]))
        # A time of day has no place here (date_problem accepts one): keep the files simple.
        if said is None:
            said = f"date '{entry['date']}' is not a date; write it as YYYY-MM-DD"
        problems.append(said.replace("2026-09-14 or 2026-09-14 09:00", "YYYY-MM-DD"))
    elif date is not None and not FIRST_YEAR <= date.year <= LAST_YEAR:
        problems.append(f"date '{date}' is outside {FIRST_YEAR}-{LAST_YEAR}; check the year")
    if problems:
        return None, problems
    name = str(entry.get("name") or "").strip() or ANONYMOUS
    return AnsweredQuestion(entry["question"].strip(), name, date, entry["answer"].strip()), []


def parse_date(value: Any) -> datetime.date | None:
    """A calendar date from YAML (already a date) or from text written YYYY-MM-DD."""
    if isinstance(value, datetime.datetime):
        return None  # a time of day has no place here: keep the files simple
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def in_language(questions: list[AnsweredQuestion], lang: str) -> list[AnsweredQuestion]:
    """QUESTIONS with the stand-in for a reader who gave no name said in LANG."""
    anonymous = text(lang, ANONYMOUS)
    return [
        replace(question, name=anonymous) if question.name == ANONYMOUS else question
        for question in questions
    ]
