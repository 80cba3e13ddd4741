"""Load a curriculum file: parse it with source lines, validate it, resolve its papers.

Every field is checked even after a problem is found, and every paper
reference is resolved against the catalog whether or not the rest of the
file is valid, so one run reports all the problems of a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from paperpath.catalog import Catalog, Problem
from paperpath.catalog.translate import did_you_mean, field_name
from paperpath.catalog.yamlsource import YamlDocument, read_yaml
from paperpath.curriculum.models import FIELDS, CurriculumFile
from paperpath.errors import CurriculumError, TargetError
from paperpath.graph import Target, TargetKind, resolve_target

# Example values for the suggested fixes, by field.
_EXAMPLES = {
    "weeks": "weeks: 10",
    "hours_per_week": "hours_per_week: 6",
    "themes": "themes: {1: Foundations}",
    "pinned": "pinned: {dpo: 4}",
}
_REFERENCE_LISTS = ("goals", "assumed_knowledge", "optional")


@dataclass(frozen=True)
class Curriculum:
    """A validated curriculum with its references resolved against the catalog.

    ``goals`` and ``assumed_knowledge`` keep the text as written, for the
    reading-order engine. ``pinned`` maps paper ids to weeks, and
    ``optional`` lists the optional readings' paper ids in file order.
    """

    name: str
    path: str
    spec: CurriculumFile
    document: YamlDocument
    assumed_targets: tuple[Target, ...]
    optional_targets: tuple[Target, ...]
    pinned: dict[str, int]
    # The YAML key each pinned paper id was written as, to find its line.
    pinned_keys: dict[str, str]

    @property
    def optional(self) -> tuple[str, ...]:
        ids = (paper_id for target in self.optional_targets for paper_id in target.paper_ids)
        return tuple(dict.fromkeys(ids))

    def problem(self, value_path: tuple[str | int, ...], message: str, fix: str) -> Problem:
        """Return a problem located at ``value_path`` inside the file."""
        return Problem(
            self.path,
            self.document.line_of(value_path),
            message,
            fix,
            field=field_name(value_path) or None,
        )


def load_curriculum(
    path: Path, display_path: str, catalog: Catalog, weeks: int | None = None
) -> Curriculum:
    """Read and validate the curriculum in ``path`` against ``catalog``.

    Problems name the file as ``display_path``. ``weeks``, when given,
    replaces the file's number of weeks for the checks of pins and themes.
    Raises :class:`~paperpath.errors.CurriculumError` listing every
    problem of the file.
    """
    try:
        document, problems = read_yaml(path, display_path)
    except OSError as error:
        raise CurriculumError(
            [Problem(display_path, None, f"cannot read the file: {error.strerror}", "check it")]
        ) from error
    if document is None:
        raise CurriculumError(problems)

    data = document.data
    spec = None
    if not isinstance(data, dict):
        problems.append(
            Problem(
                display_path,
                document.line_of(()),
                "a curriculum file must be a mapping of fields",
                "start it with 'title:'; the fields are " + ", ".join(FIELDS),
            )
        )
        data = {}
    else:
        try:
            spec = CurriculumFile.model_validate(data)
        except ValidationError as error:
            problems.extend(_translate(error, document))

    resolved = {
        name: _resolve_list(catalog, document, data, name, problems) for name in _REFERENCE_LISTS
    }
    pinned, pinned_keys = _resolve_pins(catalog, document, data, problems)
    problems.extend(_pin_order_problems(catalog, document, pinned, pinned_keys))
    if problems or spec is None:
        # Planning checks pins and themes past the last week on a valid file;
        # report them now too, so that one run shows every problem.
        last_week = weeks if weeks is not None else data.get("weeks")
        if isinstance(last_week, int) and not isinstance(last_week, bool) and last_week >= 1:
            problems.extend(late_week_problems(document, data, pinned, pinned_keys, last_week))
        raise CurriculumError(sorted(problems, key=lambda p: (p.line or 0, p.message)))
    return Curriculum(
        name=path.stem,
        path=display_path,
        spec=spec,
        document=document,
        assumed_targets=tuple(resolved["assumed_knowledge"]),
        optional_targets=tuple(resolved["optional"]),
        pinned=pinned,
        pinned_keys=pinned_keys,
    )


def _resolve_list(
    catalog: Catalog, document: YamlDocument, data: dict, name: str, problems: list[Problem]
) -> list[Target]:
    values = data.get(name)
    if not isinstance(values, list):
        return []
    targets = []
    for index, text in enumerate(values):
        if not isinstance(text, str) or not text.strip():
            continue  # the model check reports it
        try:
            targets.append(resolve_target(catalog, text))
        except TargetError as error:
            problems.append(_reference_problem(document, (name, index), error))
    return targets


def _resolve_pins(
    catalog: Catalog, document: YamlDocument, data: dict, problems: list[Problem]
) -> tuple[dict[str, int], dict[str, str]]:
    pins = data.get("pinned")
    pinned: dict[str, int] = {}
    keys: dict[str, str] = {}
    if not isinstance(pins, dict):
        return pinned, keys
    for text, week in pins.items():
        if not isinstance(text, str):
            continue
        try:
            target = resolve_target(catalog, text)
        except TargetError as error:
            problems.append(_reference_problem(document, ("pinned", text), error))
            continue
        if target.kind is TargetKind.TOPIC:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("pinned", text)),
                    f"'{text}' is a topic; only a paper can be pinned to a week",
                    "pin one of the topic's papers by its id or alias",
                    field="pinned",
                )
            )
        elif target.id in pinned:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("pinned", text)),
                    f"'{text}' pins paper '{target.id}' a second time",
                    "keep one pin per paper",
                    field="pinned",
                )
            )
        elif isinstance(week, int) and not isinstance(week, bool):
            pinned[target.id] = week
            keys[target.id] = text
    return pinned, keys


def late_week_problems(
    document: YamlDocument,
    data: dict,
    pinned: dict[str, int],
    keys: dict[str, str],
    last_week: int,
) -> list[Problem]:
    """Report pins and themes for weeks after ``last_week``, as planning would."""
    problems = []
    for paper_id, week in pinned.items():
        if week > last_week:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("pinned", keys[paper_id])),
                    f"pinned to week {week}, but the course has {last_week} weeks",
                    f"pin it to a week from 1 to {last_week}",
                    field=field_name(("pinned", keys[paper_id])),
                )
            )
    themes = data.get("themes")
    for week in themes if isinstance(themes, dict) else ():
        if isinstance(week, int) and not isinstance(week, bool) and week > last_week:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("themes", week)),
                    f"week {week} has a theme, but the course has {last_week} weeks",
                    "remove the theme or raise 'weeks'",
                    field=field_name(("themes", week)),
                )
            )
    return problems


def _pin_order_problems(
    catalog: Catalog, document: YamlDocument, pinned: dict[str, int], keys: dict[str, str]
) -> list[Problem]:
    """Report papers pinned to an earlier week than one of their pinned prerequisites."""
    import networkx as nx

    from paperpath.graph import prerequisite_graph

    if len(pinned) < 2:
        return []
    graph = prerequisite_graph(catalog)
    problems = []
    for paper_id, week in pinned.items():
        for ancestor in sorted(nx.ancestors(graph, paper_id) & pinned.keys()):
            if pinned[ancestor] > week:
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(("pinned", keys[paper_id])),
                        f"'{paper_id}' is pinned to week {week}, before its prerequisite "
                        f"'{ancestor}' (pinned to week {pinned[ancestor]})",
                        f"pin '{paper_id}' to week {pinned[ancestor]} or later, "
                        f"or pin '{ancestor}' earlier",
                        field=field_name(("pinned", keys[paper_id])),
                    )
                )
    return problems


def _reference_problem(
    document: YamlDocument, value_path: tuple[str | int, ...], error: TargetError
) -> Problem:
    message, _, fix = error.message.partition("; ")
    return Problem(
        document.path,
        document.line_of(value_path),
        message,
        fix or "run 'paperpath papers' or 'paperpath topics' to list the ids",
        field=field_name(value_path),
    )


def _translate(error: ValidationError, document: YamlDocument) -> list[Problem]:
    problems = []
    for detail in error.errors():
        loc = tuple(part for part in detail["loc"] if part != "[key]")
        scalar = document.scalars.get(loc)
        if detail["loc"][-1:] == ("[key]",):
            # A key failed, such as week 0 under 'themes': show the key, not its value.
            value_text = f"key {detail.get('input')!r}"
        else:
            value_text = scalar.text if scalar is not None else repr(detail.get("input"))
        message, fix = _explain(detail, loc, value_text)
        problems.append(
            Problem(
                document.path,
                document.line_of(loc),
                message,
                fix,
                field=field_name(loc) or None,
            )
        )
    return problems


def _explain(detail: dict, loc: tuple, value_text: str) -> tuple[str, str]:
    kind = detail["type"]
    value: Any = detail.get("input")
    name = str(loc[0]) if loc else ""
    example = _EXAMPLES.get(name, f"{name}: ...")

    if kind == "missing":
        return "required field is missing", f"add '{name}:' to the curriculum"
    if kind == "extra_forbidden":
        return f"unknown key '{name}'", "remove it or correct its name" + did_you_mean(name, FIELDS)
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = next(iter(detail["ctx"].values()))
        bound = f"{bound:g}" if isinstance(bound, float) else bound
        relation = {
            "greater_than": "greater than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        message = f"{value_text} is out of range: it must be {relation} {bound}"
        return message, f"write e.g. '{example}'"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {value_text}", f"write e.g. '{example}'"
    if kind in {"float_type", "float_parsing"}:
        return f"expected a number of hours, got {value_text}", f"write e.g. '{example}'"
    if kind == "string_type":
        return f"expected text, got {value_text}", "write the value as text, in quotes if needed"
    if kind == "too_short" and isinstance(value, str):
        return "the value is empty", f"write the {name}"
    if kind == "too_short":
        return "the list is empty", f"list at least one paper id, alias or topic under '{name}'"
    if kind == "list_type":
        fix = f"write '{name}' as a YAML list such as [dpo, grpo]"
        return f"expected a list, got {value_text}", fix
    if kind == "dict_type":
        return f"expected a mapping, got {value_text}", f"write it as in '{example}'"
    if kind == "value_error":
        message, _, fix = str(detail["ctx"]["error"]).partition("; ")
        return message, fix or "correct the value"
    return detail["msg"], f"correct '{field_name(loc)}'"
