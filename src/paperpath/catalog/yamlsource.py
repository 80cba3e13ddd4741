"""Read a YAML file into plain Python data while keeping every value's line.

PyYAML's composer gives each node its position. This module walks those
nodes itself instead of calling ``yaml.safe_load``, because ``safe_load``
keeps the last of two duplicate keys without a word. The walk also records
which scalars YAML resolved to a non-string type, such as an unquoted arXiv
id read as a float or a date read as ``datetime.date``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from paperpath.catalog.document import STRING_TAG, ScalarSource, ValuePath, YamlDocument
from paperpath.catalog.problems import Problem

__all__ = ["ScalarSource", "ValuePath", "YamlDocument", "read_yaml"]

_MERGE_TAG = "tag:yaml.org,2002:merge"

# libyaml's parser, shipped in PyYAML's wheels, composes about ten times
# faster than the pure-Python one and reports the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(
    path: Path, display_path: str, record_depth: int | None = None
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``path``; return the document, or None and the problems that stopped it.

    With ``record_depth``, lines and scalars are recorded only for value
    paths at most that long, and the document fills in the rest from the
    file when it is first asked for them (:meth:`YamlDocument.complete`).
    """
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

    except RecursionError:
        return None, [_too_deep(display_path)]

    document = YamlDocument(display_path, None, file=path, partial=record_depth is not None)
    problems: list[Problem] = []
    if root is not None:
        builder = _Builder(document, problems, record_depth)
        try:
            document.data = builder.build(root, ())
        except RecursionError:
            return None, [_too_deep(display_path)]
    return document, problems


def _too_deep(display_path: str) -> Problem:
    return Problem(
        display_path,
        None,
        "the file nests values too deeply to be a catalog",
        "write papers and topics as flat lists of mappings",
    )


class _Builder:
    """Build plain Python data from composed nodes, recording lines and problems."""

    def __init__(
        self, document: YamlDocument, problems: list[Problem], record_depth: int | None = None
    ) -> None:
        self.document = document
        self.problems = problems
        self.record_depth = record_depth
        # A bare constructor, not a SafeLoader. A loader refers to itself, so
        # only the cyclic garbage collector would free it, together with its
        # table of constructed objects, which refers to every non-text node and
        # its marks. A constructor alone is freed as soon as the file is read.
        self.constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, value_path: ValuePath, usage_line: int | None = None) -> Any:
        """Convert ``node``; ``usage_line`` is where it is used, which differs for an alias."""
        line = node.start_mark.line + 1
        recorded = self.record_depth is None or len(value_path) <= self.record_depth
        if recorded:
            self.document.lines[value_path] = line
        # The composer turns an alias (*name) into a second reference to the
        # anchored node. Expanding aliases would let a few lines of YAML
        # grow without bound, and a repeated entry would carry the line of
        # the original, so catalog files must spell every value out.
        if id(node) in self.seen:
            self._report(
                usage_line or line, "YAML aliases (*name) are not supported", "write the value out"
            )
            return None
        self.seen.add(id(node))

        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, value_path)
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, value_path + (index,), line)
                for index, item in enumerate(node.value)
            ]
        if recorded:
            self.document.scalars[value_path] = ScalarSource(line, node.value, node.tag)
        return self._construct(node)

    def _construct(self, node: yaml.Node) -> Any:
        if node.tag == STRING_TAG and isinstance(node, yaml.ScalarNode):
            # Most values are text, which needs no constructor; this skips a
            # call chain per scalar, a third of the build time on large catalogs.
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or str(error)
            self._report(
                node.start_mark.line + 1, f"invalid YAML value: {problem}", "write plain text"
            )
            return None

    def _report(self, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.document.path, line, message, fix))

    def _mapping(self, node: yaml.MappingNode, value_path: ValuePath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE_TAG:
                self._report(line, "YAML merge keys (<<) are not supported", "write the keys out")
                continue
            key = self._construct(key_node)
            if not isinstance(key, str | int | float | bool) and key is not None:
                key = str(key)
            if key in first_lines:
                self._report(
                    line,
                    f"duplicate key '{key}' (first at line {first_lines[key]})",
                    "remove one of the two keys",
                )
                continue
            first_lines[key] = line
            result[key] = self.build(value_node, value_path + (key,), line)
            if self.record_depth is None or len(value_path) < self.record_depth:
                self.document.lines[value_path + (key,)] = line
        return result
