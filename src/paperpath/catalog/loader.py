"""Load a catalog folder: read every YAML file, validate it, collect all problems.

Every file is read and every paper validated even after a problem is
found, so one run reports everything that needs fixing.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from paperpath.catalog.catalog import Catalog, ItemSource
from paperpath.catalog.models import Paper, Topic
from paperpath.catalog.problems import Problem, Severity
from paperpath.catalog.validate import check_entries
from paperpath.catalog.yamlsource import YamlDocument, read_yaml

_SECTIONS: dict[str, type[BaseModel]] = {"topics": Topic, "papers": Paper}


@dataclass
class LoadResult:
    """A catalog and every problem found while loading it."""

    catalog: Catalog
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]


@dataclass
class Entry:
    """A validated paper or topic and where it was defined."""

    model: Any
    source: ItemSource


def catalog_files(directory: Path) -> list[Path]:
    """Return the YAML files of a catalog folder, sorted so loading is deterministic."""
    files = [*directory.rglob("*.yaml"), *directory.rglob("*.yml")]
    return sorted(path for path in files if path.is_file())


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working folder when it lies inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
    finally:
        pass


def load_catalog(directory: Path) -> LoadResult:
    """Load and validate every catalog file under ``directory``."""
    problems: list[Problem] = []
    papers: list[Entry] = []
    topics: list[Entry] = []
    # Topics named by any paper, valid or not: a paper that failed
    # validation must not make its topics look empty.
    mentioned_topics: set[str] = set()

    files = catalog_files(directory)
    if not files:
        problems.append(
            Problem(
                display_path(directory),
                None,
                "no catalog files (*.yaml) found",
                "point --catalog at a folder that holds catalog YAML files",
            )
        )

    for path in files:
        shown = display_path(path)
        if shown.startswith(".."):
            shown = str(path)
        document, file_problems = read_yaml(path, shown)
        problems.extend(file_problems)
        if document is None:
            continue
        mentioned_topics.update(_mentioned_topics(document.data))
        for section, model, entry in _validate_document(document, problems):
            (topics if section == "topics" else papers).append(Entry(model, entry))

    problems.extend(check_entries(papers, topics, mentioned_topics))
    catalog = _build_catalog(papers, topics)
    return LoadResult(catalog, sorted(problems, key=_problem_order))


def _mentioned_topics(data: Any) -> set[str]:
    papers = data.get("papers") if isinstance(data, dict) else None
    if not isinstance(papers, list):
        return set()
    mentioned: set[str] = set()
    for item in papers:
        topics = item.get("topics") if isinstance(item, dict) else None
        if isinstance(topics, list):
            mentioned.update(topic for topic in topics if isinstance(topic, str))
    return mentioned


def _problem_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.column or 0, problem.message)


def _validate_document(document: YamlDocument, problems: list[Problem]):
    data = document.data
    if data is None:
        return
    if not isinstance(data, dict):
        problems.append(
            Problem(
                document.path,
                document.line_of(()),
                "a catalog file must be a mapping with 'topics' and/or 'papers'",
                "start the file with 'papers:' or 'topics:' followed by a list",
            )
        )
        return

    for key in data:
        if key not in _SECTIONS:
            problems.append(
                Problem(
                    document.path,
                    document.line_of((key,)),
                    f"unknown top-level key '{key}'",
                    "use 'topics' or 'papers'" + _did_you_mean(str(key), _SECTIONS),
                )
            )

    for section, model_type in _SECTIONS.items():
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(
                Problem(
                    document.path,
                    document.line_of((section,)),
                    f"'{section}' must be a list",
                    f"write each entry of '{section}' as a list item starting with '- id:'",
                )
            )
            continue
        for index, item in enumerate(items):
            source = ItemSource(document, (section, index))
            try:
                model = model_type.model_validate(item)
            except ValidationError as error:
                problems.extend(_translate(error, item, source, section, model_type))
                continue
            yield section, model, source


def _subject(section: str, item: Any, index: int) -> str:
    kind = "paper" if section == "papers" else "topic"
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"{kind} '{item['id']}'"
    return f"{kind} #{index + 1}"


def _field_name(loc: tuple) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _translate(
    error: ValidationError,
    item: Any,
    source: ItemSource,
    section: str,
    model_type: type[BaseModel],
) -> list[Problem]:
    """Turn pydantic's errors into problems with file, line and a fix."""
    subject = _subject(section, item, source.value_path[-1])
    problems = []
    for detail in error.errors():
        loc = tuple(detail["loc"])
        field = _field_name(loc) or None
        scalar = source.document.scalars.get(source.value_path + loc)
        message, fix = _explain(detail, scalar, model_type)
        problems.append(
            Problem(source.path, source.line_of(*loc), message, fix, subject=subject, field=field)
        )
    return problems


def _explain(detail: dict, scalar, model_type: type[BaseModel]) -> tuple[str, str]:
    kind = detail["type"]
    loc = detail["loc"]
    value = detail.get("input")
    last = loc[-1] if loc else ""

    if scalar is not None and not scalar.is_string and kind in {"string_type", "enum"}:
        return (
            f"YAML reads the unquoted value {scalar.text} as a {scalar.type_name}, not text",
            f'put it in double quotes: "{scalar.text}"',
        )
    if kind == "missing":
        return "required field is missing", f"add '{last}:' to this entry"
    if kind == "extra_forbidden":
        known = model_type.model_fields if len(loc) == 1 else {"id": None, "reason": None}
        return (
            f"unknown field '{last}'",
            "remove it or correct its name" + _did_you_mean(str(last), known),
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
        text = str(detail["ctx"]["error"])
        message, _, fix = text.partition("; ")
        return message, fix or "correct the value"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {value!r}", f"write '{last}' as a number such as 60"
    if kind == "list_type":
        return f"expected a list, got {value!r}", f"write '{last}' as a YAML list such as [a, b]"
    if kind in {"string_type"}:
        return f"expected text, got {value!r}", f"write '{last}' as text"
    if kind == "model_type" or kind == "dict_type":
        return "expected a mapping of fields", "write this entry as 'key: value' lines"
    return detail["msg"], f"correct '{_field_name(tuple(loc))}'"


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _build_catalog(papers: list[Entry], topics: list[Entry]) -> Catalog:
    catalog = Catalog()
    for entry in topics:
        if entry.model.id not in catalog.topics:
            catalog.topics[entry.model.id] = entry.model
            catalog.topic_sources[entry.model.id] = entry.source
    for entry in sorted(papers, key=lambda entry: entry.model.id):
        if entry.model.id not in catalog.papers:
            catalog.papers[entry.model.id] = entry.model
            catalog.paper_sources[entry.model.id] = entry.source
    return catalog


__all__ = ["LoadResult", "Severity", "catalog_files", "load_catalog"]
