"""Command-line arguments invoke lacks: a positional argument that may be left out."""

from __future__ import annotations

import sys
from typing import Any

from invoke import Argument, Task
from invoke.parser.parser import ParseMachine


def _reading_a_word() -> bool:
    """True while invoke's parser decides whether the word it holds fills a positional."""
    frame = sys._getframe(2)
    while frame is not None:
        parser = frame.f_locals.get("self")
        if frame.f_code.co_name == "handle" and isinstance(parser, ParseMachine):
            return True
        frame = frame.f_back
    return False


class _OptionalPositional(Argument):
    """A positional argument with a default: takes the next word if there is one."""

    @property
    def value(self) -> Any:
        # invoke fills only positionals still "missing" (None) and refuses to finish a task
        # with one missing; so this one is missing only while a word could still fill it.
        if self._value is None and not _reading_a_word():
            return self.default
        return self._value

    @value.setter
    def value(self, arg: Any) -> None:
        self.set_value(arg, cast=True)


class _Words(_OptionalPositional):
    """A positional argument that takes every word left on the line: `invoke results [FILE ...]`."""

    @property
    def value(self) -> Any:
        # Still "missing" while a word could fill it, so invoke hands it each word in turn.
        if not _reading_a_word():
            return list(self._value or self.default or [])
        return None

    @value.setter
    def value(self, arg: Any) -> None:
        self._value = [*(self._value or []), arg]
        self.raw_value = arg


class OptionalPositionalTask(Task):
    """A task whose positional arguments with defaults may be left out: `invoke snippets [SLUG]`;
    one declared iterable takes every word left: `invoke results [FILE ...]`."""

    def get_arguments(self, ignore_unknown_help: bool | None = None) -> list[Argument]:
        """The task's arguments, its defaulted positionals made optional."""
        arguments = super().get_arguments(ignore_unknown_help=ignore_unknown_help)
        return [
            (_Words if argument.kind is list else _OptionalPositional)(
                names=argument.names,
                kind=argument.kind,
                default=argument.default,
                help=argument.help,
                positional=True,
                attr_name=argument.attr_name,
            )
            if argument.positional and argument.default is not None
            else argument
            for argument in arguments
        ]
