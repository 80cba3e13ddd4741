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

    A ``partial`` document records lines and scalars near the root only
    (the catalog loader keeps those of files and items) and reads the file
    again for the rest when first asked. Most catalogs have no problem to
    report, so their field lines are never needed, and recording them was
    a large share of the time and memory of a load. The catalog loader also
    drops ``data`` once it has validated the file.
    """

    path: str
    data: Any
    lines: dict[ValuePath, int] = field(default_factory=dict)
    file: Path | None = None
    scalars: dict[ValuePath, ScalarSource] = field(default_factory=dict)
    partial: bool = False

    def line_of(self, value_path: ValuePath) -> int | None:
        """Return the line of ``value_path`` or of its nearest recorded parent."""
        if self.partial and value_path not in self.lines:
            self.complete()
        for end in range(len(value_path), -1, -1):
            line = self.lines.get(value_path[:end])
            if line is not None:
                return line
        return None

    def scalar_of(self, value_path: ValuePath) -> ScalarSource | None:
        """Return the scalar at ``value_path``, or None for a mapping, a list or no value."""
        if self.partial and value_path not in self.scalars:
            self.complete()
        return self.scalars.get(value_path)

    def complete(self) -> None:
        """Record the line and scalar of every value of a partial document from its file.

        NOTE: the file is read again, so an edit made since it was first
        read shifts the lines reported. A file that can no longer be read or
        parsed leaves the lines recorded so far.
        """
        if not self.partial:
            return
        self.partial = False
        if self.file is None:
            return
        from paperpath.catalog.yamlsource import read_yaml

        try:
            document, _ = read_yaml(self.file, self.path)
        except OSError:
            return
        if document is not None:
            self.lines = document.lines
            self.scalars = document.scalars
