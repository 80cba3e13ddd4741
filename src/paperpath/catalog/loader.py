"""Load a catalog folder: read every YAML file, validate it, collect all problems.

Every file is read and every item validated even after a problem is found.
Items that fail validation still take part in the cross-reference checks
with the fields that are usable, so one run reports everything to fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from paperpath.catalog.catalog import Catalog, ItemSource, LoadResult
from paperpath.catalog.collector import paused_garbage_collection
from paperpath.catalog.files import catalog_files, display_path
from paperpath.catalog.models import Paper, Topic
from paperpath.catalog.partial import salvage_paper, salvage_topic
from paperpath.catalog.problems import Problem
from paperpath.catalog.translate import did_you_mean, translate_errors
from paperpath.catalog.validate import check_entries
from paperpath.catalog.yamlsource import YamlDocument, read_yaml

_SECTIONS: dict[str, tuple[str, type[BaseModel]]] = {
    "topics": ("topic", Topic),
    "papers": ("paper", Paper),
}
_SALVAGE = {"topics": salvage_topic, "papers": salvage_paper}
# Lines are recorded down to items, such as ("papers", 3). The lines of
# their fields are read from the file only when a problem needs one.
_ITEM_DEPTH = 2

__all__ = [
    "Entry",
    "LoadResult",
    "catalog_files",
    "display_path",
    "load_catalog",
    "paused_garbage_collection",
]


@dataclass
class Entry:
    """A paper or topic and where it was defined.

    ``model`` is the validated Paper or Topic. When ``valid`` is false, it is
    a PartialPaper or PartialTopic with the fields that passed validation.
    """

    model: Any
    source: ItemSource
    valid: bool = True


def load_catalog(directory: Path, display_root: str | None = None) -> LoadResult:
    """Load and validate every catalog file under ``directory``.

    Problems name files relative to the working folder, or, when
    ``display_root`` is given, as ``display_root/<path inside directory>``
    so that messages do not depend on where a catalog is installed.
    """
    with paused_garbage_collection():
        return _load(directory, display_root)


def _load(directory: Path, display_root: str | None) -> LoadResult:
    problems: list[Problem] = []
    entries: dict[str, list[Entry]] = {"topics": [], "papers": []}

    files = catalog_files(directory)
    if not files:
        problems.append(
            Problem(
                display_root or str(directory),
                None,
                "no catalog files (*.yaml) found",
                "point --catalog at a folder that holds catalog YAML files",
            )
        )

    for path in files:
        document, file_problems = read_yaml(
            path, display_path(path, directory, display_root), record_depth=_ITEM_DEPTH
        )
        problems.extend(file_problems)
        if document is not None:
            for section, entry in _document_entries(document, problems):
                entries[section].append(entry)
            # Only validation reads the parsed data. Dropping it here frees it
            # while the collector is paused, so the collector never scans it.
            document.data = None

    problems.extend(check_entries(entries["papers"], entries["topics"]))
    catalog = _build_catalog(entries["papers"], entries["topics"])
    return LoadResult(
        catalog,
        sorted(problems, key=_problem_order),
        papers_checked=len(entries["papers"]),
        topics_checked=len(entries["topics"]),
    )


def _problem_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.column or 0, problem.message)


def _document_entries(
    document: YamlDocument, problems: list[Problem]
) -> Iterator[tuple[str, Entry]]:
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
                    "use 'topics' or 'papers'" + did_you_mean(str(key), _SECTIONS),
                )
            )

    for section, (kind, model_type) in _SECTIONS.items():
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
                yield section, Entry(model_type.model_validate(item), source)
            except ValidationError as error:
                problems.extend(translate_errors(error, item, source, kind, model_type))
                partial = _SALVAGE[section](item)
                if partial is not None:
                    yield section, Entry(partial, source, valid=False)


def _build_catalog(papers: list[Entry], topics: list[Entry]) -> Catalog:
    catalog = Catalog()
    for entry in topics:
        if entry.valid and entry.model.id not in catalog.topics:
            catalog.topics[entry.model.id] = entry.model
            catalog.topic_sources[entry.model.id] = entry.source
    for entry in sorted(papers, key=lambda entry: entry.model.id):
        if entry.valid and entry.model.id not in catalog.papers:
            catalog.papers[entry.model.id] = entry.model
            catalog.paper_sources[entry.model.id] = entry.source
    return catalog
