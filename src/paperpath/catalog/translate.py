"""Turn pydantic validation errors into problems with a line and a fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from paperpath.catalog.catalog import ItemSource
from paperpath.catalog.problems import Problem
from paperpath.catalog.yamlsource import ScalarSource

# Words for the types YAML gives unquoted scalars, as a user would say them.
_YAML_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a decimal number",
    "bool": "a true/false value",
    "timestamp": "a date",
    "null": "an empty value",
}

# An example value for each number field, used in the suggested fix.
_NUMBER_EXAMPLES = {"year": "2023", "reading_minutes": "45"}


def translate_errors(
    error: ValidationError, item: Any, source: ItemSource, kind: str, model_type: type[BaseModel]
) -> list[Problem]:
    """Return one problem per pydantic error, located at the field's line."""
    subject = describe_item(kind, item, source.value_path[-1])
    problems = []
    for detail in error.errors():
        loc = tuple(detail["loc"])
        scalar = source.document.scalar_of(source.value_path + loc)
        message, fix = _explain(detail, scalar, model_type)
        problems.append(
            Problem(
                source.path,
                source.line_of(*loc),
                message,
                fix,
                subject=subject,
                field=field_name(loc) or None,
            )
        )
    return problems


def describe_item(kind: str, item: Any, index: int) -> str:
    """Name an item by its id, or by its position when it has no usable id."""
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"{kind} '{item['id']}'"
    return f"{kind} #{index + 1}"


def field_name(loc: tuple) -> str:
    """Format a pydantic location as ``prerequisites[1].id``."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _explain(
    detail: dict, scalar: ScalarSource | None, model_type: type[BaseModel]
) -> tuple[str, str]:
    kind = detail["type"]
    loc = detail["loc"]
    value = detail.get("input")
    last = str(loc[-1]) if loc else ""
    unquoted = scalar is not None and not scalar.is_string

    if unquoted and kind in {"string_type", "enum"}:
        word = _YAML_TYPE_WORDS.get(scalar.type_name, f"a {scalar.type_name}")
        return (
            f"YAML reads the unquoted value {scalar.text} as {word}, not as text",
            f'put it in double quotes: "{scalar.text}"',
        )
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        example = _NUMBER_EXAMPLES.get(last, "60")
        shown = scalar.text if scalar is not None else repr(value)
        quoted = " without quotes" if scalar is not None and scalar.is_string else ""
        return (
            f"expected a whole number, got {shown}",
            f"write it{quoted} as in '{last}: {example}'",
        )
    if kind == "missing":
        return "required field is missing", f"add '{last}:' to this entry"
    if kind == "extra_forbidden":
        known = model_type.model_fields if len(loc) == 1 else ("id", "reason")
        return f"unknown field '{last}'", "remove it or correct its name" + did_you_mean(
            last, known
        )
    if kind == "enum" and last == "status":
        return f"invalid status {value!r}", "use 'foundational' or 'incremental'"
    if kind == "string_pattern_mismatch" and last == "url":
        return (
            f"{value!r} is not an http or https URL",
            "write the full URL, such as https://arxiv.org/abs/2305.18290",
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{value!r} is not a valid id",
            "use lowercase letters, digits and single hyphens, such as 'direct-preference'",
        )
    if kind == "value_error":
        message, _, fix = str(detail["ctx"]["error"]).partition("; ")
        return message, fix or "correct the value"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = next(iter(detail["ctx"].values()))
        relation = {
            "greater_than": "greater than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f"{value!r} is out of range", f"use a value {relation} {bound}"
    if kind == "too_short" and isinstance(value, list | str):
        if isinstance(value, str):
            return "the value is empty", f"write the {last}"
        return "the list is empty", f"list at least one item under '{last}'"
    if kind == "list_type":
        return f"expected a list, got {value!r}", f"write '{last}' as a YAML list such as [a, b]"
    if kind == "string_type":
        return f"expected text, got {value!r}", f"write '{last}' as text"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return "expected a mapping of fields", "write this entry as 'key: value' lines"
    return detail["msg"], f"correct '{field_name(tuple(loc))}'"
