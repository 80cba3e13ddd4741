"""Read a YAML file into plain Python data while keeping every value's line.

PyYAML's composer gives each node its position. This module walks those
nodes itself instead of calling ``yaml.safe_load``, because ``safe_load``
keeps the last of two duplicate keys without a word. The walk also records
which scalars YAML resolved to a non-string type, such as an unquoted arXiv
id read as a float or a date read as ``datetime.date``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from paperpath.catalog.problems import Problem

# A path from the document root to a value, e.g. ("papers", 3, "arxiv").
ValuePath = tuple[str | int, ...]

_STRING_TAG = "tag:yaml.org,2002:str"

# libyaml's parser, shipped in PyYAML's wheels, composes about ten times
# faster than the pure-Python one and reports the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ScalarSource:
    """A scalar's line, its text as written, and the type YAML resolved it to."""

    line: int
    text: str
    tag: str

    @property
    def is_string(self) -> bool:
        return self.tag == _STRING_TAG

    @property
    def type_name(self) -> str:
        """The YAML type name, such as ``float`` or ``timestamp``."""
        return self.tag.rsplit(":", 1)[-1]


@dataclass
class YamlDocument:
    """The data of one YAML file with the line of every value."""

    path: str
    data: Any
    lines: dict[ValuePath, int] = field(default_factory=dict)
    scalars: dict[ValuePath, ScalarSource] = field(default_factory=dict)

    def line_of(self, value_path: ValuePath) -> int | None:
        """Return the line of ``value_path`` or of its nearest recorded parent."""
        for end in range(len(value_path), -1, -1):
            line = self.lines.get(value_path[:end])
            if line is not None:
                return line
        return None


def read_yaml(path: Path, display_path: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``path``; return the document, or None and the problems that stopped it."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        return None, [
            Problem(
                display_path,
                line,
                f"the file is not valid UTF-8 (byte 0x{byte:02x})",
                "save the file with UTF-8 encoding",
                column=column,
            )
        ]

    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = f"invalid YAML: {error.problem or error.context}"
        if error.context and error.problem:
            message += f" ({error.context}"
            context_mark = error.context_mark
            if context_mark is not None and mark is not None and context_mark.line != mark.line:
                message += f" started at line {context_mark.line + 1}"
            message += ")"
        return None, [
            Problem(
                display_path,
                mark.line + 1 if mark else None,
                message,
                "fix the YAML syntax at this line and column",
                column=mark.column + 1 if mark else None,
            )
        ]

    document = YamlDocument(display_path, None)
    problems: list[Problem] = []
    if root is not None:
        builder = _Builder(document, problems)
        document.data = builder.build(root, ())
    return document, problems


class _Builder:
    def __init__(self, document: YamlDocument, problems: list[Problem]) -> None:
        self.document = document
        self.problems = problems
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, value_path: ValuePath) -> Any:
        self.document.lines[value_path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, value_path)
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, value_path + (index,)) for index, item in enumerate(node.value)
            ]
        self.document.scalars[value_path] = ScalarSource(
            node.start_mark.line + 1, node.value, node.tag
        )
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, value_path: ValuePath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self.constructor.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            if key in first_lines:
                self.problems.append(
                    Problem(
                        self.document.path,
                        line,
                        f"duplicate key '{key}' (first at line {first_lines[key]})",
                        "remove one of the two keys",
                    )
                )
                continue
            first_lines[key] = line
            result[key] = self.build(value_node, value_path + (key,))
            self.document.lines[value_path + (key,)] = line
        return result
