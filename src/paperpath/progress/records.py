"""The progress file format: which papers a reader has read, and when, and their goals.

The file is JSON, written with sorted keys so that the same records give
the same bytes::

    {
      "format": "paperpath-progress",
      "goals": ["dpo"],
      "read": {"ppo": {"read_on": "2024-05-01"}},
      "version": 1
    }

Ids are stored as the catalog spells them. An id that is no longer in the
catalog stays in the file until the reader removes it with ``undone``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

FORMAT_NAME = "paperpath-progress"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Progress:
    """The papers a reader has read (paper id to date) and the targets they set as goals."""

    read: dict[str, date] = field(default_factory=dict)
    goals: tuple[str, ...] = ()

    @property
    def read_ids(self) -> frozenset[str]:
        return frozenset(self.read)


class ProgressFormatError(ValueError):
    """The text is not a valid progress file; ``problems`` lists every fault found.

    ``newer_version`` is true when a newer paperpath wrote the file, which
    is intact but unreadable here.
    """

    def __init__(self, problems: list[str], newer_version: bool = False) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.newer_version = newer_version


def dump_progress(progress: Progress) -> bytes:
    """Serialize ``progress`` as the JSON of a progress file, ending in a newline."""
    data = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "read": {
            paper_id: {"read_on": progress.read[paper_id].isoformat()}
            for paper_id in sorted(progress.read)
        },
        "goals": list(progress.goals),
    }
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def parse_progress(data: bytes) -> Progress:
    """Parse the bytes of a progress file.

    Raises :class:`ProgressFormatError` listing every problem found: the
    text is not UTF-8 or not JSON (with line and column), the format name
    or version is missing or unknown, or a record has a wrong type or date.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProgressFormatError([f"byte {error.start} is not valid UTF-8"]) from error
    if not text.strip():
        raise ProgressFormatError(["the file is empty"])
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProgressFormatError(
            [f"line {error.lineno}, column {error.colno}: invalid JSON ({error.msg})"]
        ) from error
    if not isinstance(document, dict):
        raise ProgressFormatError(["the top level is not a JSON object"])

    problems = _header_problems(document)
    if problems:
        version = document.get("version")
        newer = isinstance(version, int) and version > FORMAT_VERSION
        raise ProgressFormatError(problems, newer_version=newer)
    read = _parse_read(document.get("read", {}), problems)
    goals = _parse_goals(document.get("goals", []), problems)
    if problems:
        raise ProgressFormatError(problems)
    return Progress(read, goals)


def _header_problems(document: dict) -> list[str]:
    if document.get("format") != FORMAT_NAME:
        return [f"'format' is {document.get('format')!r}, expected {FORMAT_NAME!r}"]
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        return [f"'version' is {version!r}, expected a whole number"]
    if version > FORMAT_VERSION:
        return [
            f"'version' is {version}, but this paperpath reads version {FORMAT_VERSION} "
            "at most; upgrade paperpath"
        ]
    return []


def _parse_read(value: object, problems: list[str]) -> dict[str, date]:
    if not isinstance(value, dict):
        problems.append(f"'read' is a {type(value).__name__}, expected an object of paper ids")
        return {}
    read: dict[str, date] = {}
    for paper_id, record in value.items():
        where = f"read[{paper_id!r}]"
        if not paper_id.strip():
            problems.append(f"{where}: the paper id is empty")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("read_on"), str):
            problems.append(f"{where}: expected an object with a 'read_on' date (YYYY-MM-DD)")
            continue
        try:
            read[paper_id] = date.fromisoformat(record["read_on"])
        except ValueError:
            problems.append(f"{where}: read_on {record['read_on']!r} is not a date (YYYY-MM-DD)")
    return read


def _parse_goals(value: object, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list):
        problems.append(f"'goals' is a {type(value).__name__}, expected a list of ids")
        return ()
    goals = []
    for index, goal in enumerate(value):
        if not isinstance(goal, str) or not goal.strip():
            problems.append(f"goals[{index}]: {goal!r} is not a paper or topic id")
        else:
            goals.append(goal)
    return tuple(dict.fromkeys(goals))
