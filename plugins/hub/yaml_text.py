"""A YAML mistake explained in plain words, at the line and column where the writer can fix it."""

from __future__ import annotations

import yaml


def _where(mark: yaml.Mark | None) -> str:
    return f" near line {mark.line + 1}, column {mark.column + 1}" if mark else ""


def _indent(line: str) -> int:
    """The column a line's field starts at ('- question:' starts after its dash)."""
    column = len(line) - len(line.lstrip(" "))
    while line[column:].startswith("- "):
        column += 2
    return column


def _over_indented(text: str, line: int) -> bool:
    """Whether LINE (0-based) is indented deeper than the field line before it."""
    lines = text.splitlines()
    if line >= len(lines):
        return False
    before = next((lines[n] for n in range(line - 1, -1, -1) if lines[n].strip()), "")
    holds_value = ":" in before and not before.rstrip().endswith((":", "|", ">", "|-", ">-"))
    return holds_value and _indent(lines[line]) > _indent(before)


def yaml_problem(error: yaml.YAMLError, text: str = "") -> str:
    """'near line L, column C: what is wrong; what to do' for one YAML error in TEXT."""
    problem = str(getattr(error, "problem", "") or "")
    context = str(getattr(error, "context", "") or "")
    mark = getattr(error, "problem_mark", None)
    opened = getattr(error, "context_mark", None) or mark
    if "'\\t'" in problem:
        return (
            f"{_where(mark)}: a tab is used to indent; YAML indents with spaces only,"
            " so replace each tab with two spaces"
        )
    if "mapping values are not allowed" in problem and mark and _over_indented(text, mark.line):
        return (
            f"{_where(mark)}: this line is indented further than the field above it;"
            " line up each entry's fields under its first one, with spaces"
        )
    if "mapping values are not allowed" in problem:
        return (
            f"{_where(mark)}: this ':' is read as the start of a new field; put the whole"
            ' value in quotes, like answer: "Yes: soak them overnight"'
        )
    if "quoted scalar" in context:
        return (
            f"{_where(opened)}: a quote starts here and is never closed; add the closing"
            " quote at the end of the value"
        )
    if "flow sequence" in context or "flow mapping" in context:
        return (
            f"{_where(opened)}: a '[' or '{{' opens here and is never closed; close it on the"
            " same line, or put the value in quotes"
        )
    if any(
        hint in problem
        for hint in ("expected <block end>", "expected key", "expected ':'", "'-' indicator")
    ):
        return (
            f"{_where(mark)}: this line is indented differently from the lines around it;"
            " line up each entry's fields under its first one, with spaces"
        )
    return f"{_where(mark)}: {problem or 'this line cannot be read'}; check the line"
