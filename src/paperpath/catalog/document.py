"""A parsed YAML file as the catalog keeps it: its data and the line of every value.

This module does not import PyYAML, so that a catalog read from the cache
(:mod:`paperpath.catalog.cache`) can be unpickled without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STRING_TAG = "tag:yaml.org,2002:str"

# A path from the document root to a value, e.g. ("papers", 3, "arxiv").
ValuePath = tuple[str | int, ...]


@dataclass
class ScalarSource:
    """A scalar's line, its text as written, and the type YAML resolved it to."""

    line: int
    text: str
    tag: str

    @property
    def is_string(self) -> bool:
        return self.tag == STRING_TAG

    @property
    def type_name(self) -> str:
        """The YAML type name, such as ``float`` or ``timestamp``."""
        return self.tag.rsplit(":", 1)[-1]


@dataclass
class YamlDocument:
    """The data of one YAML file with the line of every value.

    The catalog loader drops ``data`` and ``scalars`` once it has validated
    the file; loaded catalogs keep only the path, the file and the lines.
    """

    path: str
    data: Any
    lines: dict[ValuePath, int] = field(default_factory=dict)
    file: Path | None = None
    scalars: dict[ValuePath, ScalarSource] = field(default_factory=dict)

    def line_of(self, value_path: ValuePath) -> int | None:
        """Return the line of ``value_path`` or of its nearest recorded parent."""
        for end in range(len(value_path), -1, -1):
            line = self.lines.get(value_path[:end])
            if line is not None:
                return line
        return None
